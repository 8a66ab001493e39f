//! Computed answers as documents people take away: the pathfinder's answer as Markdown (for a board paper) and
//! as CSV (one record per requirement and market, with the citations behind it). Shared by the web's downloads
//! and the CLI.

use comfy_table::presets::ASCII_MARKDOWN;
use comfy_table::{ContentArrangement, Table};
use cryptoreg_core::ids::Jurisdiction;
use cryptoreg_core::query::path::{MarketCitation, PathAnswer};
use cryptoreg_core::query::views::CitationView;

/// Escapes text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(ASCII_MARKDOWN).set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(header.iter().map(|h| cell(h)));
    t
}

fn codes(list: &[MarketCitation]) -> String {
    list.iter().map(|m| m.market.as_str()).collect::<Vec<_>>().join(", ")
}

fn cite(c: &CitationView) -> String {
    format!("{}, {} <{}>", c.title, c.pinpoint, c.url)
}

/// The answer as a Markdown document.
pub fn path_markdown(answer: &PathAnswer) -> String {
    let markets: Vec<&str> = answer.markets.iter().map(|m| m.code.as_str()).collect();
    let when = answer.as_of.map_or_else(|| "today".to_owned(), |d| d.to_string());
    let mut out = format!(
        "# {} in {}\n\nAs of {when}. Computed by cryptoreg from cited, dated cells. Not legal advice: read the cited texts.\n\n",
        answer.activity.name,
        markets.join(", ")
    );
    let mut t =
        table(&["market", "may it be done", "authorisation under", "authority", "applies from", "unknown here"]);
    for m in &answer.markets {
        let under: Vec<String> = m.authorisation.iter().map(|r| r.framework.to_string()).collect();
        let bodies: Vec<String> = m.authorisation.iter().map(|r| r.body.clone()).collect();
        let later: Vec<String> = m
            .coming
            .iter()
            .map(|r| format!("{} from {}", r.framework, r.applies_from.map(|d| d.to_string()).unwrap_or_default()))
            .collect();
        let unknown: Vec<&str> = m.unknown_aspects.iter().map(|a| a.as_str()).collect();
        t.add_row([
            cell(&format!("{} ({})", m.name, m.code)),
            cell(m.possible.label()),
            cell(&under.join(", ")),
            cell(&bodies.join("; ")),
            cell(&later.join("; ")),
            cell(&unknown.join(", ")),
        ]);
    }
    out.push_str(&format!("## Markets\n\n{t}\n\n"));
    let mut t = table(&["requirement", "aspect", "mandatory in", "recommended in", "mandatory later in", "unknown in"]);
    for i in &answer.checklist {
        let unknown: Vec<&str> = i.unknown_in.iter().map(Jurisdiction::as_str).collect();
        t.add_row([
            cell(&i.label),
            cell(i.aspect.as_str()),
            cell(&codes(&i.mandatory_in)),
            cell(&codes(&i.recommended_in)),
            cell(&codes(&i.coming_in)),
            cell(&unknown.join(", ")),
        ]);
    }
    out.push_str(&format!("## Checklist\n\n{t}\n\n"));
    if !answer.parameters.is_empty() {
        let mut t = table(&["number", "market", "value", "in US dollars", "strictest"]);
        for p in &answer.parameters {
            for v in &p.values {
                t.add_row([
                    cell(&p.label),
                    cell(v.market.as_str()),
                    cell(&v.display),
                    v.usd.map(|u| format!("{u:.0}")).unwrap_or_default(),
                    if v.strictest { "strictest".to_owned() } else { String::new() },
                ]);
            }
        }
        out.push_str(&format!("## Numbers\n\n{t}\n\n"));
        if let Some(d) = answer.rates_date {
            out.push_str(&format!("Amounts in other currencies are converted at the reference rates of {d}.\n\n"));
        }
    }
    if !answer.coming.is_empty() {
        out.push_str("## Coming up\n\n");
        for c in &answer.coming {
            let from = c.applies_from.map(|d| d.to_string()).unwrap_or_else(|| "a later date".into());
            out.push_str(&format!(
                "- {from}: {} ({}) on {}: {}\n",
                c.market,
                c.framework,
                c.aspect,
                c.summary.as_deref().unwrap_or("")
            ));
        }
        out.push('\n');
    }
    out.push_str("## Sources\n\n");
    for i in &answer.checklist {
        for m in i.mandatory_in.iter().chain(&i.recommended_in).chain(&i.coming_in) {
            let cites: Vec<String> = m.citations.iter().map(cite).collect();
            out.push_str(&format!("- {} ({}): {}\n", i.label, m.market, cites.join("; ")));
        }
    }
    out
}

/// The answer as CSV: one record per requirement and market.
pub fn path_csv(answer: &PathAnswer) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "requirement",
        "label",
        "aspect",
        "market",
        "status",
        "frameworks",
        "low_confidence",
        "citations",
    ])?;
    for i in &answer.checklist {
        for m in &answer.markets {
            let find = |list: &[MarketCitation]| list.iter().find(|x| x.market == m.code).cloned();
            let (status, by) = if let Some(x) = find(&i.mandatory_in) {
                ("mandatory", Some(x))
            } else if let Some(x) = find(&i.recommended_in) {
                ("recommended", Some(x))
            } else if let Some(x) = find(&i.coming_in) {
                ("mandatory-later", Some(x))
            } else if i.unknown_in.contains(&m.code) {
                ("unknown", None)
            } else {
                ("not-required", None)
            };
            let frameworks = by.as_ref().map(|x| x.frameworks.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(" "));
            let citations = by.as_ref().map(|x| x.citations.iter().map(cite).collect::<Vec<_>>().join("; "));
            w.write_record([
                i.requirement.as_str(),
                &i.label,
                i.aspect.as_str(),
                m.code.as_str(),
                status,
                &frameworks.unwrap_or_default(),
                if by.as_ref().is_some_and(|x| x.low_confidence) { "true" } else { "false" },
                &citations.unwrap_or_default(),
            ])?;
        }
    }
    String::from_utf8(w.into_inner().map_err(|e| e.into_error())?)
        .map_err(|e| csv::Error::from(std::io::Error::other(e)))
}
