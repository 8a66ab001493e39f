//! `cryptoreg show <ID>`: one framework with every cell, its citations, milestones and sources.

use super::usage_error;
use crate::cli::{Format, ShowArgs};
use crate::{data, render};
use cryptoreg_core::query::framework::framework_report;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let report = match framework_report(&dataset, &args.framework, args.as_of.as_deref()) {
        Ok(r) => r,
        Err(e) => return Ok(usage_error(e)),
    };
    if args.format == Format::Json {
        render::emit(&render::json(&report)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.format == Format::Csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["aspect", "level", "status", "summary", "citations", "reviewed", "confidence"])?;
        for ac in &report.cells {
            let (aspect, cell) = (&ac.aspect, &ac.cell);
            w.write_record([
                aspect.id.to_string(),
                cell.level.map(|l| l.to_string()).unwrap_or_default(),
                cell.status.map(|l| l.to_string()).unwrap_or_default(),
                cell.summary.clone().unwrap_or_default(),
                cell.citations
                    .iter()
                    .map(|x| format!("{}, {} <{}>", x.title, x.pinpoint, x.url))
                    .collect::<Vec<_>>()
                    .join("; "),
                cell.reviewed.map(|d| d.to_string()).unwrap_or_default(),
                cell.confidence.map(|d| d.to_string()).unwrap_or_default(),
            ])?;
        }
        render::emit(&String::from_utf8(w.into_inner()?)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let f = &report.framework;
    let mut out = String::new();
    writeln!(out, "{} ({})", f.name, f.id)?;
    writeln!(out, "{} · {} · {} · {}", f.short, f.kind, f.status, f.jurisdictions.join(", "))?;
    writeln!(out, "Issued by {}", f.body)?;
    writeln!(out, "\n{}\n", report.summary)?;
    if let Some(d) = report.as_of {
        writeln!(out, "As of {d}.\n")?;
    }
    writeln!(out, "Milestones")?;
    for m in &report.milestones {
        writeln!(out, "  {}  {:<12} {}", m.date, m.kind.as_str(), m.title)?;
    }
    writeln!(out, "\nCells")?;
    for ac in &report.cells {
        let (aspect, cell) = (&ac.aspect, &ac.cell);
        writeln!(out, "\n## {} ({})", aspect.name, aspect.id)?;
        writeln!(out, "{}", render::cell_text(cell, Format::Table))?;
        if let Some(detail) = cell.detail.as_deref().filter(|d| !d.is_empty()) {
            writeln!(out, "{detail}")?;
        }
        for r in &cell.requirements {
            writeln!(out, "  - {} ({})", r.label, r.strength)?;
        }
        for c in &cell.citations {
            let kind = if c.primary { "primary" } else { "secondary" };
            writeln!(out, "  cites: {}, {} [{kind}] <{}>", c.title, c.pinpoint, c.url)?;
        }
        if let Some(note) = &cell.note {
            writeln!(out, "  note: {note}")?;
        }
    }
    writeln!(out, "\nSources")?;
    for s in &report.sources {
        let kind = if s.primary { "primary" } else { "secondary" };
        writeln!(out, "  [{}] {} — {} ({kind}) <{}>", s.id, s.title, s.publisher, s.url.as_str())?;
    }
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
