//! Turns core query results into terminal tables, Markdown, CSV and JSON. The only place that knows the
//! terminal: width, colour (honouring `NO_COLOR`) and text wrapping.

use comfy_table::presets::{ASCII_MARKDOWN, UTF8_FULL_CONDENSED};
use comfy_table::{Cell, Color, ContentArrangement, Table};
use cryptoreg_core::model::Level;
use cryptoreg_core::query::compare::{Cell as CompareCell, Column, Comparison};
use cryptoreg_core::query::jurisdiction::MergedCell;
use cryptoreg_core::query::views::{CellState, CellView};
use std::io::IsTerminal as _;

use crate::cli::Format;

/// Whether to colour output: only on a terminal, never when `NO_COLOR` is set (any value).
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Width to fit: the terminal's (asked through comfy-table), else `COLUMNS`, else 120.
fn width() -> u16 {
    let terminal = std::io::stdout().is_terminal().then(|| Table::new().width()).flatten();
    terminal.or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|w| *w >= 40)).unwrap_or(120)
}

/// A new table for `format` (table or markdown).
pub fn new_table(format: Format) -> Table {
    let mut t = Table::new();
    if format == Format::Markdown {
        t.load_preset(ASCII_MARKDOWN).set_content_arrangement(ContentArrangement::Disabled);
    } else {
        t.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic).set_width(width());
        if !use_color() {
            t.force_no_tty();
        }
    }
    t
}

/// Text for Markdown cells: no line breaks, pipes escaped.
fn md(text: &str, format: Format) -> String {
    if format == Format::Markdown { text.replace('|', "\\|").replace('\n', "<br>") } else { text.to_owned() }
}

/// The colour of a level badge.
fn level_color(level: Level) -> Color {
    match level {
        Level::Binding => Color::Green,
        Level::Recommended => Color::Cyan,
        Level::Principle | Level::Monitoring => Color::Yellow,
        Level::Prohibited => Color::Red,
        Level::NotAddressed | Level::Unknown => Color::DarkGrey,
    }
}

/// One cell's text: summary, then level, status and the date of the state shown.
pub fn cell_text(cell: &CellView, format: Format) -> String {
    let sep = if format == Format::Markdown { "<br>" } else { "\n" };
    match cell.state {
        CellState::NotYetAdopted => "(not yet adopted on this date)".into(),
        CellState::NoRecord => "(no record for this date)".into(),
        CellState::Missing => "(no cell)".into(),
        CellState::Withheld => "(withheld: lower confidence than asked for)".into(),
        CellState::Current | CellState::Historical => {
            let mut out = md(cell.summary.as_deref().unwrap_or(""), format);
            let level = cell.level.map_or("", |l| l.as_str());
            let status = cell.status.map_or("", |s| s.as_str());
            out.push_str(sep);
            out.push_str(&format!("[{level}] {status}"));
            if !cell.parameters.is_empty() {
                let params: Vec<String> =
                    cell.parameters.iter().map(|p| format!("{}: {}", p.label, p.display)).collect();
                out.push_str(sep);
                out.push_str(&md(&params.join("; "), format));
            }
            if let Some(reviewed) = cell.reviewed {
                out.push_str(sep);
                out.push_str(&format!("reviewed {reviewed}"));
            }
            out
        }
    }
}

/// A jurisdiction's merged cell as text: summary, level and the frameworks that decide it, strictest numbers.
fn merged_text(cell: &MergedCell, format: Format) -> String {
    let sep = if format == Format::Markdown { "<br>" } else { "\n" };
    let Some(level) = cell.level else { return "(no framework applies)".into() };
    let mut out = md(cell.summary.as_deref().unwrap_or(""), format);
    out.push_str(sep);
    let deciding: Vec<&str> = cell.decided_by.iter().map(|f| f.as_str()).collect();
    out.push_str(&format!("[{level}] per {}", deciding.join(", ")));
    let params: Vec<String> = cell.strictest_parameters().iter().map(|(l, v)| format!("{l}: {v}")).collect();
    if !params.is_empty() {
        out.push_str(sep);
        out.push_str(&md(&params.join("; "), format));
    }
    for u in &cell.upcoming {
        out.push_str(sep);
        let from = u.cell.applies_from.map(|d| format!(", applies from {d}")).unwrap_or_default();
        out.push_str(&md(&format!("{}: adopted{from}", u.short), format));
    }
    out
}

fn styled(cell: &CompareCell, format: Format) -> Cell {
    let (text, level) = match cell {
        CompareCell::Framework(c) => (cell_text(c, format), c.level.filter(|_| !c.pending)),
        CompareCell::Jurisdiction(m) => (merged_text(m, format), m.level),
    };
    let c = Cell::new(text);
    match level {
        Some(level) if format == Format::Table && use_color() => c.fg(level_color(level)),
        _ => c,
    }
}

/// Renders a comparison as a terminal or Markdown table; `transpose` puts frameworks in rows.
pub fn comparison_table(c: &Comparison, format: Format, transpose: bool) -> String {
    let mut t = new_table(format);
    let as_of = c.as_of.map_or_else(|| "today".to_owned(), |d| d.to_string());
    let framework_label = |h: &Column| match h.badge() {
        Some(badge) => format!("{} ({badge})", h.short()),
        None => h.short().to_owned(),
    };
    if transpose {
        let mut header = vec![Cell::new(format!("Framework or jurisdiction (as of {as_of})"))];
        header.extend(c.rows.iter().map(|r| Cell::new(md(&r.aspect.name, format))));
        t.set_header(header);
        for (i, h) in c.columns.iter().enumerate() {
            let mut row = vec![Cell::new(md(&framework_label(h), format))];
            row.extend(c.rows.iter().map(|r| styled(&r.cells[i], format)));
            t.add_row(row);
        }
    } else {
        let mut header = vec![Cell::new(format!("Aspect (as of {as_of})"))];
        header.extend(c.columns.iter().map(|h| Cell::new(md(&framework_label(h), format))));
        t.set_header(header);
        for r in &c.rows {
            let mut row = vec![Cell::new(md(&r.aspect.name, format))];
            row.extend(r.cells.iter().map(|cell| styled(cell, format)));
            t.add_row(row);
        }
    }
    format!("{t}\n")
}

/// The CSV header of a comparison: one record per cell.
pub const COMPARISON_CSV_HEADER: [&str; 16] = [
    "kind",
    "column",
    "aspect",
    "group",
    "state",
    "level",
    "status",
    "summary",
    "requirements",
    "parameters",
    "citations",
    "confidence",
    "reviewed",
    "valid_from",
    "valid_until",
    "note",
];

/// Renders a comparison as CSV (RFC 4180), one record per cell in display order.
pub fn comparison_csv(c: &Comparison, transpose: bool) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COMPARISON_CSV_HEADER)?;
    let mut record = |r: &cryptoreg_core::query::compare::Row, cell: &CompareCell| -> anyhow::Result<()> {
        let opt = |d: Option<String>| d.unwrap_or_default();
        let cite = |x: &cryptoreg_core::query::views::CitationView| format!("{}, {} <{}>", x.title, x.pinpoint, x.url);
        match cell {
            CompareCell::Framework(cell) => w.write_record([
                "framework".to_owned(),
                cell.framework.to_string(),
                cell.aspect.to_string(),
                r.aspect.group.to_string(),
                state_name(cell.state).to_owned(),
                opt(cell.level.map(|l| l.to_string())),
                opt(cell.status.map(|s| s.to_string())),
                opt(cell.summary.clone()),
                cell.requirements.iter().map(|q| format!("{}={}", q.id, q.strength)).collect::<Vec<_>>().join("; "),
                cell.parameters.iter().map(|p| format!("{}={}", p.id, p.display)).collect::<Vec<_>>().join("; "),
                cell.citations.iter().map(cite).collect::<Vec<_>>().join("; "),
                opt(cell.confidence.map(|x| x.to_string())),
                opt(cell.reviewed.map(|x| x.to_string())),
                opt(cell.valid_from.map(|x| x.to_string())),
                opt(cell.valid_until.map(|x| x.to_string())),
                opt(cell.note.clone()),
            ])?,
            CompareCell::Jurisdiction(m) => w.write_record([
                "jurisdiction".to_owned(),
                m.jurisdiction.to_string(),
                m.aspect.to_string(),
                r.aspect.group.to_string(),
                "merged".to_owned(),
                opt(m.level.map(|l| l.to_string())),
                String::new(),
                opt(m.summary.clone()),
                m.requirements
                    .iter()
                    .map(|q| {
                        let by: Vec<&str> = q.frameworks.iter().map(|f| f.as_str()).collect();
                        format!("{}={} ({})", q.id, q.strength, by.join(", "))
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                m.parameters
                    .iter()
                    .filter_map(|p| {
                        Some(format!(
                            "{}={} ({})",
                            p.id,
                            p.strictest.as_ref()?.display,
                            p.strictest.as_ref()?.framework
                        ))
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                m.components.iter().flat_map(|c| c.cell.citations.iter().map(cite)).collect::<Vec<_>>().join("; "),
                opt(m.confidence.map(|x| x.to_string())),
                opt(m.reviewed.map(|x| x.to_string())),
                String::new(),
                String::new(),
                format!(
                    "merged from {}",
                    m.components.iter().map(|c| c.cell.framework.as_str()).collect::<Vec<_>>().join(", ")
                ),
            ])?,
        }
        Ok(())
    };
    if transpose {
        for i in 0..c.columns.len() {
            for r in &c.rows {
                record(r, &r.cells[i])?;
            }
        }
    } else {
        for r in &c.rows {
            for cell in &r.cells {
                record(r, cell)?;
            }
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// The kebab-case name of a cell state.
pub fn state_name(state: CellState) -> &'static str {
    match state {
        CellState::Current => "current",
        CellState::Historical => "historical",
        CellState::NotYetAdopted => "not-yet-adopted",
        CellState::NoRecord => "no-record",
        CellState::Missing => "missing",
        CellState::Withheld => "withheld",
    }
}

/// Pretty JSON with a trailing newline.
pub fn json<T: serde::Serialize>(value: &T) -> anyhow::Result<String> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(s)
}

/// Writes command output to stdout. A reader that stops early (`| head`) is not an error: the output just ends.
pub fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
