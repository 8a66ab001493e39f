//! Atomic replacement of a file or a directory: build it under a temporary name in the same directory, then rename.

use crate::ExportError;
use std::path::Path;

pub(crate) fn io(context: &str, source: std::io::Error) -> ExportError {
    ExportError::Io { context: context.to_owned(), source }
}

fn parent_of(target: &Path) -> &Path {
    target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Builds a file with `build(temp_path)` and renames it over `target`.
pub fn write_file(target: &Path, build: impl FnOnce(&Path) -> Result<(), ExportError>) -> Result<(), ExportError> {
    if target.is_dir() {
        return Err(io(&format!("cannot write {}", target.display()), std::io::Error::other("it is a directory")));
    }
    let parent = parent_of(target);
    let tmp = tempfile::Builder::new()
        .prefix(".cryptoreg-export-")
        .tempfile_in(parent)
        .map_err(|e| io(&format!("cannot create a temporary file in {}", parent.display()), e))?;
    // SQLite opens the path itself; the handle is only kept so the file is removed on failure.
    build(tmp.path())?;
    readable(tmp.path());
    tmp.persist(target).map_err(|e| io(&format!("cannot move the export to {}", target.display()), e.error))?;
    Ok(())
}

/// Temporary files are created owner-only; an export is a public artefact.
fn readable(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = if path.is_dir() { 0o755 } else { 0o644 };
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
    }
}

/// Builds a directory with `build(temp_dir)` and moves it to `target`, replacing an existing directory.
pub fn write_dir(target: &Path, build: impl FnOnce(&Path) -> Result<(), ExportError>) -> Result<(), ExportError> {
    if target.is_file() {
        return Err(io(
            &format!("cannot write {}", target.display()),
            std::io::Error::other("it is a file; CSV exports are directories"),
        ));
    }
    let parent = parent_of(target);
    let tmp = tempfile::Builder::new()
        .prefix(".cryptoreg-export-")
        .tempdir_in(parent)
        .map_err(|e| io(&format!("cannot create a temporary directory in {}", parent.display()), e))?;
    build(tmp.path())?;
    readable(tmp.path());
    let staged = tmp.keep();
    if target.exists() {
        let old = parent.join(format!(".cryptoreg-old-{}", std::process::id()));
        std::fs::rename(target, &old).map_err(|e| io(&format!("cannot move the old {} aside", target.display()), e))?;
        std::fs::rename(&staged, target)
            .map_err(|e| io(&format!("cannot move the export to {}", target.display()), e))?;
        let _ = std::fs::remove_dir_all(old);
    } else {
        std::fs::rename(&staged, target)
            .map_err(|e| io(&format!("cannot move the export to {}", target.display()), e))?;
    }
    Ok(())
}
