//! Integration tests of the `cryptoreg` binary: exit codes, messages, formats, and that the docs cover it.

mod commands;
mod docs;

use std::process::{Command, Output};

/// Runs the binary with `args` (and `NO_COLOR` set) from the workspace root.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cryptoreg"))
        .args(args)
        .current_dir(workspace())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CRYPTOREG_DATA")
        .output()
        .expect("run cryptoreg")
}

/// The workspace root.
pub fn workspace() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The valid fixture dataset of the core crate.
pub fn fixture() -> String {
    workspace().join("crates/core/tests/fixtures/valid").display().to_string()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
