//! `cryptoreg path --activity <id> --markets EU,SG,AE`: the pathfinder's answer.

use super::usage_error;
use crate::cli::{Format, PathArgs};
use crate::{data, render};
use comfy_table::Cell;
use cryptoreg_core::query::path::{PathInput, path};
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &PathArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let input = PathInput { activity: args.activity.clone(), markets: args.markets.clone(), as_of: args.as_of.clone() };
    let report = match path(&dataset, &input) {
        Ok(r) => r,
        Err(e) => return Ok(usage_error(e)),
    };
    if args.format == Format::Json {
        render::emit(&render::json(&report)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(answer) = report.answer else {
        if args.activity.is_some() {
            eprintln!("error: name at least one market with --markets (e.g. --markets EU,SG,AE)");
            return Ok(ExitCode::from(super::EXIT_USAGE));
        }
        let mut t = render::new_table(args.format);
        t.set_header(["activity", "name", "aspects"]);
        for a in &report.activities {
            let aspects: Vec<&str> = a.aspects.iter().map(|x| x.as_str()).collect();
            t.add_row([Cell::new(&a.id), Cell::new(&a.name), Cell::new(aspects.join(", "))]);
        }
        render::emit(&format!("{t}\nChoose one with --activity <id> --markets EU,SG,…\n"))?;
        return Ok(ExitCode::SUCCESS);
    };
    let out = match args.format {
        Format::Markdown => cryptoreg_store::answer::path_markdown(&answer),
        Format::Csv => cryptoreg_store::answer::path_csv(&answer)?,
        Format::Table | Format::Json => {
            let mut markets = render::new_table(args.format);
            markets.set_header(["market", "can it be done", "under", "later", "unknown"]);
            for m in &answer.markets {
                let under: Vec<&str> = m.authorisation.iter().map(|r| r.framework.as_str()).collect();
                let later: Vec<String> = m
                    .coming
                    .iter()
                    .map(|r| {
                        format!("{} from {}", r.framework, r.applies_from.map(|d| d.to_string()).unwrap_or_default())
                    })
                    .collect();
                let unknown: Vec<&str> = m.unknown_aspects.iter().map(|a| a.as_str()).collect();
                markets.add_row([
                    Cell::new(format!("{} ({})", m.name, m.code)),
                    Cell::new(m.possible.label()),
                    Cell::new(under.join(", ")),
                    Cell::new(later.join("; ")),
                    Cell::new(unknown.join(", ")),
                ]);
            }
            let mut checklist = render::new_table(args.format);
            checklist.set_header(["requirement", "mandatory in", "recommended in", "later in", "unknown in"]);
            let list = |v: Vec<&str>| v.join(" ");
            for i in &answer.checklist {
                checklist.add_row([
                    Cell::new(&i.label),
                    Cell::new(list(i.mandatory_in.iter().map(|m| m.market.as_str()).collect())),
                    Cell::new(list(i.recommended_in.iter().map(|m| m.market.as_str()).collect())),
                    Cell::new(list(i.coming_in.iter().map(|m| m.market.as_str()).collect())),
                    Cell::new(list(i.unknown_in.iter().map(|m| m.as_str()).collect())),
                ]);
            }
            let mut numbers = render::new_table(args.format);
            numbers.set_header(["number", "values by market (* strictest)"]);
            for p in &answer.parameters {
                let values: Vec<String> = p
                    .values
                    .iter()
                    .map(|v| format!("{}: {}{}", v.market, v.display, if v.strictest { " *" } else { "" }))
                    .collect();
                numbers.add_row([Cell::new(&p.label), Cell::new(values.join("; "))]);
            }
            format!(
                "{}\nNot legal advice; `--format markdown` or `--format csv` give every citation.\n\n{markets}\n\n{checklist}\n\n{numbers}\n",
                answer.activity.name
            )
        }
    };
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
