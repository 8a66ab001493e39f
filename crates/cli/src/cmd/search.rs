//! `cryptoreg search <words>`: frameworks, cells, jurisdictions, glossary terms and sources, most relevant first.

use super::usage_error;
use crate::cli::{Format, SearchArgs};
use crate::{data, render};
use comfy_table::Cell;
use cryptoreg_core::query::search::SearchQuery;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let dataset = data::load(data_dir)?;
    let text = args.words.join(" ");
    let query = match SearchQuery::parse(Some(&text)) {
        Ok(Some(q)) => q,
        Ok(None) => {
            eprintln!("error: give words to search for, e.g. `cryptoreg search travel rule`");
            return Ok(ExitCode::from(super::EXIT_USAGE));
        }
        Err(e) => return Ok(usage_error(e)),
    };
    let index = cryptoreg_store::search::SearchIndex::build(&dataset)?;
    let hits = index.search(&query, args.limit)?;
    let out = match args.format {
        Format::Json => render::json(&hits)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["kind", "title", "href", "snippet"])?;
            for h in &hits {
                w.write_record([h.kind.as_str(), &h.title, &h.href, &h.snippet])?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        Format::Table | Format::Markdown => {
            let mut t = render::new_table(args.format);
            t.set_header(["kind", "title", "where"]);
            for h in &hits {
                t.add_row([Cell::new(h.kind.as_str()), Cell::new(&h.title), Cell::new(&h.href)]);
            }
            format!("{t}\n")
        }
    };
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
