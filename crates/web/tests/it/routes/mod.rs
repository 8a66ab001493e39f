//! Route tests, one module per resource.

mod alignment;
mod aspects;
mod changes;
mod compare;
mod errors;
mod frameworks;
mod hostile;
mod info;
mod json_snapshots;
mod jurisdictions;
mod map;
mod path;
mod search;
mod security;
