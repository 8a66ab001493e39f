//! `cryptoreg changes`: legal events between two dates, what is coming, and the corrections to the data.

use super::usage_error;
use crate::cli::{ChangesArgs, Format};
use crate::{data, render};
use comfy_table::Cell;
use cryptoreg_core::query::changes::{ChangesInput, LegalEvent, changes};
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &ChangesArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let input = ChangesInput {
        from: args.from.clone(),
        to: args.to.clone(),
        frameworks: args.frameworks.clone(),
        jurisdictions: args.jurisdictions.clone(),
        aspects: args.aspect.clone(),
        upcoming_months: args.upcoming.clone(),
    };
    let changes = match changes(&dataset, &input) {
        Ok(c) => c,
        Err(e) => return Ok(usage_error(e)),
    };
    let kind = |e: &LegalEvent| e.milestone.map_or_else(|| e.kind.as_str().to_owned(), |k| k.as_str().to_owned());
    let record = |when: &str, e: &LegalEvent| {
        [
            when.to_owned(),
            e.date.to_string(),
            kind(e),
            e.framework.to_string(),
            e.aspect.as_ref().map(|a| a.to_string()).unwrap_or_default(),
            e.title.clone(),
            e.citations
                .iter()
                .map(|c| format!("{}, {} <{}>", c.title, c.pinpoint, c.url))
                .collect::<Vec<_>>()
                .join("; "),
        ]
    };
    let rows: Vec<[String; 7]> = changes
        .upcoming
        .iter()
        .map(|e| record("coming", e))
        .chain(changes.events.iter().map(|e| record("past", e)))
        .collect();
    let header = ["when", "date", "kind", "framework", "aspect", "what", "sources"];
    let out = match args.format {
        Format::Json => render::json(&changes)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(header)?;
            for r in &rows {
                w.write_record(r)?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        Format::Table | Format::Markdown => {
            let mut t = render::new_table(args.format);
            t.set_header(&header[..6]);
            for r in &rows {
                t.add_row(r[..6].iter().map(Cell::new));
            }
            let mut out = format!("Changes from {} to {} (coming: the next months)\n{t}\n", changes.from, changes.to);
            if !changes.corrections.is_empty() {
                out.push_str("\nCorrections to the data:\n");
                for c in &changes.corrections {
                    out.push_str(&format!("- {} {}: {} Why: {}\n", c.date, c.framework, c.what, c.why));
                }
            }
            out
        }
    };
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
