//! Integration tests of cryptoreg-core, in one test binary.

mod alignment;
mod changes;
mod compare;
mod dataset;
mod json_writer;
mod jurisdiction;
mod lint;
mod path;
mod schema;
mod shared_views;
