//! cryptoreg's core: the domain model, loading and lint of the dataset, and the queries every interface
//! (web, CLI, export) runs. Pure: no HTTP, no SQL, no terminal; never panics on bad data.

pub mod countries;
pub mod diagnostic;
pub mod format;
pub mod ids;
pub mod json;
pub mod lint;
pub mod load;
pub mod model;
pub mod query;
pub mod schema;
pub mod suggest;

pub use diagnostic::{DataFile, Diagnostic, Severity};
pub use load::{LoadError, Loaded, load_dir, load_embedded};
pub use model::Dataset;
