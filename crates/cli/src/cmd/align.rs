//! `cryptoreg align <code>`: a jurisdiction against the international standards, requirement by requirement.

use super::usage_error;
use crate::cli::{AlignArgs, Format};
use crate::{data, render};
use comfy_table::Cell;
use cryptoreg_core::query::alignment::jurisdiction_alignment;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &AlignArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let alignment =
        match jurisdiction_alignment(&dataset, &args.jurisdiction, args.standard.as_deref(), args.as_of.as_deref()) {
            Ok(a) => a,
            Err(e) => return Ok(usage_error(e)),
        };
    // One record per (standard, requirement): status and the frameworks behind it.
    let records: Vec<[String; 6]> = alignment
        .standards
        .iter()
        .flat_map(|s| {
            s.aspects.iter().flat_map(move |a| {
                a.requirements.iter().map(move |r| {
                    let by: Vec<String> = r
                        .evidence
                        .iter()
                        .map(|e| match e.applies_from {
                            Some(d) => format!("{} ({}, from {d})", e.framework, e.strength),
                            None => format!("{} ({})", e.framework, e.strength),
                        })
                        .collect();
                    [
                        s.standard.id.to_string(),
                        a.aspect.id.to_string(),
                        r.requirement.to_string(),
                        r.status.as_str().to_owned(),
                        by.join("; "),
                        if r.low_confidence { "low".to_owned() } else { String::new() },
                    ]
                })
            })
        })
        .collect();
    let header = ["standard", "aspect", "requirement", "status", "imposed by", "confidence"];
    let out = match args.format {
        Format::Json => render::json(&alignment)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(header)?;
            for r in &records {
                w.write_record(r)?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        Format::Table | Format::Markdown => {
            let mut scores = render::new_table(args.format);
            scores.set_header(["standard", "in force", "adopted", "partly", "absent", "unknown", "low confidence"]);
            for s in &alignment.standards {
                let c = &s.score;
                scores.add_row([
                    Cell::new(&s.standard.short),
                    Cell::new(format!("{} ({}/{})", c.percent(), c.in_force, c.total)),
                    Cell::new(c.adopted),
                    Cell::new(c.partly),
                    Cell::new(c.absent),
                    Cell::new(c.unknown),
                    Cell::new(c.low_confidence),
                ]);
            }
            let mut detail = render::new_table(args.format);
            detail.set_header(header);
            for r in &records {
                detail.add_row(r.iter().map(Cell::new));
            }
            let when = alignment.as_of.map_or_else(|| "today".to_owned(), |d| d.to_string());
            format!("{} ({}) as of {when}\n\n{scores}\n\n{detail}\n", alignment.name, alignment.code)
        }
    };
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
