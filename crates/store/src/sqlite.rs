//! The SQLite export: one table per `tables::Table`, with primary keys, plus an FTS5 index (`search`) over the
//! text of every cell.

use crate::ExportError;
use crate::tables::{Value, tables};
use cryptoreg_core::Dataset;
use rusqlite::{Connection, params_from_iter, types::ToSqlOutput};
use std::path::Path;

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::from(rusqlite::types::Null),
            Value::Int(i) => ToSqlOutput::from(*i),
            Value::Real(f) => ToSqlOutput::from(*f),
            Value::Text(t) => ToSqlOutput::from(t.as_str()),
        })
    }
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Writes the database to `path` (a fresh, empty file: SQLite treats it as a new database).
pub fn write(data: &Dataset, path: &Path) -> Result<(), ExportError> {
    let mut db = Connection::open(path)?;
    db.pragma_update(None, "journal_mode", "OFF")?;
    let tx = db.transaction()?;
    for table in tables(data) {
        let columns: Vec<String> = table.columns.iter().map(|c| format!("{} {}", quote(c.name), c.sql_type)).collect();
        let keys: Vec<String> = table.columns.iter().filter(|c| c.key).map(|c| quote(c.name)).collect();
        tx.execute_batch(&format!(
            "CREATE TABLE {} ({}, PRIMARY KEY ({}));",
            quote(table.name),
            columns.join(", "),
            keys.join(", ")
        ))?;
        let placeholders = vec!["?"; table.columns.len()].join(", ");
        let mut insert = tx.prepare(&format!("INSERT INTO {} VALUES ({placeholders})", quote(table.name)))?;
        for row in &table.rows {
            insert.execute(params_from_iter(row.iter()))?;
        }
    }
    tx.execute_batch(
        "CREATE VIRTUAL TABLE search USING fts5(framework_id UNINDEXED, aspect_id UNINDEXED, framework, aspect, summary, detail, note);
         INSERT INTO search SELECT p.framework_id, p.aspect_id, f.name || ' ' || f.short, a.name, p.summary, p.detail, coalesce(p.note, '')
           FROM provisions p JOIN frameworks f ON f.id = p.framework_id JOIN aspects a ON a.id = p.aspect_id;
         CREATE INDEX provisions_by_aspect ON provisions(aspect_id);
         CREATE INDEX citations_by_source ON citations(framework_id, source_id);",
    )?;
    tx.commit()?;
    Ok(())
}
