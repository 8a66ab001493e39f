//! Where the dataset comes from: `--data DIR` or the copy built into the binary.

use anyhow::Context as _;
use cryptoreg_core::{Dataset, Loaded, Severity};
use std::path::Path;

/// Loads the dataset for a query command; warns on stderr when it has errors.
pub fn load(dir: Option<&Path>) -> anyhow::Result<Dataset> {
    let loaded = load_loaded(dir)?;
    let errors = loaded.error_count();
    if errors > 0 {
        eprintln!("warning: the dataset has {errors} error(s); run `cryptoreg check` to see them");
    }
    Ok(loaded.dataset)
}

/// Loads the dataset with its diagnostics.
pub fn load_loaded(dir: Option<&Path>) -> anyhow::Result<Loaded> {
    match dir {
        Some(dir) => {
            cryptoreg_core::load_dir(dir).with_context(|| format!("cannot load the dataset from {}", dir.display()))
        }
        None => Ok(cryptoreg_core::load_embedded()),
    }
}

/// Counts diagnostics by severity: (errors, warnings).
pub fn counts(loaded: &Loaded) -> (usize, usize) {
    let errors = loaded.error_count();
    let warnings = loaded.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
    (errors, warnings)
}
