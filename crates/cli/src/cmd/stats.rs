//! `cryptoreg stats`: the dataset in numbers.

use crate::cli::{Format, ListArgs};
use crate::{data, render};
use cryptoreg_core::query::stats::stats;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &ListArgs) -> anyhow::Result<ExitCode> {
    let s = stats(&data::load(data_dir)?);
    let percent = |x: f64| format!("{:.1}%", x * 100.0);
    let date = |d: Option<cryptoreg_core::ids::IsoDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows: Vec<(String, String)> = vec![
        ("frameworks".into(), s.frameworks.to_string()),
        ("jurisdictions with a framework of their own".into(), s.jurisdictions.to_string()),
        ("aspects".into(), s.aspects.to_string()),
        ("cells".into(), format!("{} of {}", s.cells, s.cells_expected)),
        ("cells citing a primary source".into(), percent(s.share_primary)),
        ("cells with a citation (URL + pinpoint)".into(), percent(s.share_cited_with_pinpoint)),
        ("cells with high confidence".into(), percent(s.share_high_confidence)),
        (
            format!("cells with high confidence, major markets ({})", s.major_markets.join(" ")),
            percent(s.share_high_confidence_major_markets),
        ),
        ("oldest review".into(), date(s.oldest_review)),
        ("newest review".into(), date(s.newest_review)),
        ("sources".into(), s.sources.to_string()),
        ("glossary terms".into(), s.glossary_terms.to_string()),
    ]
    .into_iter()
    .chain(s.cells_per_level.iter().map(|(l, n)| (format!("cells at level {}", l.label()), n.to_string())))
    .chain(s.frameworks_per_kind.iter().map(|(k, n)| (format!("frameworks of kind {k}"), n.to_string())))
    .collect();
    let out = match args.format {
        Format::Json => render::json(&s)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["measure", "value"])?;
            for (k, v) in &rows {
                w.write_record([k, v])?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        Format::Table | Format::Markdown => {
            let mut t = render::new_table(args.format);
            t.set_header(["measure", "value"]);
            for (k, v) in &rows {
                t.add_row([k, v]);
            }
            format!("{t}\n")
        }
    };
    render::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
