//! `cryptoreg aspects`: the rows of the comparison with their groups and parameters.

use crate::cli::{Format, ListArgs};
use crate::{data, render};
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &ListArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let out = match args.format {
        Format::Json => render::json(&dataset.aspects)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["id", "group", "name", "question", "requirements", "parameters"])?;
            for a in &dataset.aspects {
                w.write_record([
                    a.id.as_str(),
                    a.group.as_str(),
                    &a.name,
                    &a.question,
                    &a.requirements.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(" "),
                    &a.parameters.iter().map(|p| format!("{}.{}", a.id, p.id)).collect::<Vec<_>>().join(" "),
                ])?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        Format::Table | Format::Markdown => {
            let mut t = render::new_table(args.format);
            t.set_header(["id", "group", "question", "sortable parameters"]);
            for a in &dataset.aspects {
                let params = a.parameters.iter().map(|p| format!("{}.{}", a.id, p.id)).collect::<Vec<_>>().join("\n");
                t.add_row([a.id.as_str(), a.group.as_str(), &a.question, &params]);
            }
            format!("{t}\n")
        }
    };
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
