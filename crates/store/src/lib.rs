//! Exports of the dataset: a documented SQLite schema with a full-text index, CSV files (one per table) and
//! one JSON document; and computed answers as documents (`answer`). The only crate that knows SQL. Every export is written atomically: to a temporary path
//! beside the target, then renamed, so an interrupted export never leaves a half-written file.

pub mod answer;
mod atomic;
pub mod search;
mod sqlite;
pub mod tables;

use cryptoreg_core::Dataset;
use std::path::Path;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One SQLite database file.
    Sqlite,
    /// A directory with one CSV file per table.
    Csv,
    /// One JSON document.
    Json,
}

/// Why an export failed. Nothing is left at the target path.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading or writing a file failed.
    #[error("{context}")]
    Io {
        /// What was being done.
        context: String,
        /// The cause.
        source: std::io::Error,
    },
    /// SQLite refused something.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// CSV writing failed.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// JSON serialisation failed.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Writes `data` to `target` in `format`.
pub fn export(data: &Dataset, format: Format, target: &Path) -> Result<(), ExportError> {
    match format {
        Format::Sqlite => atomic::write_file(target, |tmp| sqlite::write(data, tmp)),
        Format::Json => atomic::write_file(target, |tmp| {
            let file = std::fs::File::create(tmp).map_err(|e| atomic::io("cannot create the JSON file", e))?;
            let mut writer = std::io::BufWriter::new(file);
            serde_json::to_writer_pretty(&mut writer, data)?;
            std::io::Write::flush(&mut writer).map_err(|e| atomic::io("cannot write the JSON file", e))?;
            Ok(())
        }),
        Format::Csv => atomic::write_dir(target, |dir| {
            for table in tables::tables(data) {
                let mut w = csv::Writer::from_path(dir.join(format!("{}.csv", table.name)))?;
                w.write_record(table.columns.iter().map(|c| c.name))?;
                for row in &table.rows {
                    w.write_record(row.iter().map(tables::Value::to_text))?;
                }
                w.flush().map_err(|e| atomic::io("cannot write a CSV file", e))?;
            }
            Ok(())
        }),
    }
}
