//! `cryptoreg compare <ID>... [-j CODES]`: the comparison table in the chosen format.

use super::usage_error;
use crate::cli::{CompareArgs, Format};
use crate::{data, render};
use cryptoreg_core::query::compare::{CompareInput, CompareQuery, compare};
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let input = CompareInput {
        frameworks: args.frameworks.clone(),
        jurisdictions: args.jurisdictions.clone(),
        aspects: args.aspects.clone(),
        groups: args.group.clone(),
        sort: args.sort.clone(),
        dir: Some(if args.desc { "desc" } else { "asc" }.to_owned()),
        as_of: args.as_of.clone(),
        orient: None,
        diff: args.diff.clone(),
        home_preset_when_empty: false,
        view: None,
        min_confidence: args.min_confidence.clone(),
    };
    let comparison = match CompareQuery::parse(&dataset, &input).and_then(|query| compare(&dataset, &query)) {
        Ok(c) => c,
        Err(e) => return Ok(usage_error(e)),
    };
    let out = match args.format {
        Format::Table | Format::Markdown => {
            let mut text = render::comparison_table(&comparison, args.format, args.transpose);
            if let Some(diff) = &comparison.diff {
                text.push_str(&format!("\n{} cell(s) changed since {}:\n", diff.changes.len(), diff.against));
                let level = |f: &Option<cryptoreg_core::query::compare::CellFacts>| match f {
                    None => "nothing recorded".to_owned(),
                    Some(x) => format!(
                        "{}{}, {} mandatory",
                        x.level.map(|l| l.label()).unwrap_or_default(),
                        x.status.map(|s| format!(" ({})", s.label())).unwrap_or_default(),
                        x.mandatory.len()
                    ),
                };
                for c in &diff.changes {
                    text.push_str(&format!(
                        "- {} × {}: {} → {}\n",
                        c.column,
                        c.aspect,
                        level(&c.before),
                        level(&c.after)
                    ));
                }
            }
            text
        }
        Format::Csv => render::comparison_csv(&comparison, args.transpose)?,
        Format::Json => render::json(&comparison)?,
    };
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
