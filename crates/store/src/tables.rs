//! The dataset flattened into relational tables, shared by the SQLite and CSV exports. The schema is
//! documented in docs/EXPORT.md; this module is its single definition.

use cryptoreg_core::Dataset;
use cryptoreg_core::model::{ParameterValue, ProvisionState};
use cryptoreg_core::query::as_of::current_since;

/// A column: name, SQL type, and whether it is part of the primary key.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Name.
    pub name: &'static str,
    /// SQLite type (`TEXT`, `INTEGER`, `REAL`).
    pub sql_type: &'static str,
    /// Part of the primary key.
    pub key: bool,
}

/// A value of a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// SQL NULL / empty CSV field.
    Null,
    /// An integer.
    Int(i64),
    /// A number.
    Real(f64),
    /// Text.
    Text(String),
}

impl Value {
    /// The CSV form.
    pub fn to_text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Int(i) => i.to_string(),
            Value::Real(f) => f.to_string(),
            Value::Text(t) => t.clone(),
        }
    }
}

/// A table and its rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// Name.
    pub name: &'static str,
    /// What a row is.
    pub description: &'static str,
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows, each with one value per column.
    pub rows: Vec<Vec<Value>>,
}

fn col(name: &'static str, sql_type: &'static str) -> Column {
    Column { name, sql_type, key: false }
}

fn key(name: &'static str, sql_type: &'static str) -> Column {
    Column { name, sql_type, key: true }
}

fn text(s: impl ToString) -> Value {
    Value::Text(s.to_string())
}

fn opt(s: Option<impl ToString>) -> Value {
    s.map_or(Value::Null, text)
}

/// Every table of the export.
pub fn tables(data: &Dataset) -> Vec<Table> {
    let mut frameworks = Vec::new();
    let mut jurisdictions = Vec::new();
    let mut sources = Vec::new();
    let mut milestones = Vec::new();
    let mut provisions = Vec::new();
    let mut provision_requirements = Vec::new();
    let mut provision_parameters = Vec::new();
    let mut citations = Vec::new();
    let mut history = Vec::new();
    for f in data.frameworks.values() {
        frameworks.push(vec![
            text(&f.id),
            text(&f.name),
            text(&f.short),
            text(f.kind),
            text(&f.body),
            text(f.status),
            text(&f.summary),
            opt(f.established_on()),
        ]);
        for j in &f.jurisdictions {
            jurisdictions.push(vec![text(&f.id), text(j.as_str()), text(data.jurisdiction_name(j))]);
        }
        for s in &f.sources {
            sources.push(vec![
                text(&f.id),
                text(&s.id),
                text(&s.title),
                text(&s.publisher),
                opt(s.date),
                text(s.url.as_str()),
                Value::Int(i64::from(s.primary)),
            ]);
        }
        for (i, m) in f.milestones.iter().enumerate() {
            milestones.push(vec![
                text(&f.id),
                Value::Int(i as i64),
                text(m.date),
                text(m.kind),
                text(&m.title),
                opt(m.source.as_ref()),
                opt(m.pinpoint.as_ref()),
            ]);
        }
        for (aspect, p) in &f.provisions {
            provisions.push(vec![
                text(&f.id),
                text(aspect),
                text(&p.current.summary),
                text(&p.current.detail),
                text(p.current.level),
                text(p.current.status),
                opt(current_since(f, p)),
                opt(p.applies_from),
                opt(p.applies_until),
                text(p.confidence),
                text(p.reviewed),
                opt(p.note.as_ref()),
            ]);
            let mut state_rows = |period: Value, state: &ProvisionState| {
                for (r, strength) in &state.requirements {
                    provision_requirements.push(vec![
                        text(&f.id),
                        text(aspect),
                        period.clone(),
                        text(r),
                        text(strength),
                    ]);
                }
                for (param, value) in &state.parameters {
                    let (number, amount, currency) = match value {
                        ParameterValue::Number(n) => (Value::Real(*n), Value::Null, Value::Null),
                        ParameterValue::Amount { amount, currency } => {
                            (Value::Null, Value::Real(*amount), text(currency))
                        }
                    };
                    provision_parameters.push(vec![
                        text(&f.id),
                        text(aspect),
                        period.clone(),
                        text(param),
                        number,
                        amount,
                        currency,
                    ]);
                }
                for (i, c) in state.citations.iter().enumerate() {
                    citations.push(vec![
                        text(&f.id),
                        text(aspect),
                        period.clone(),
                        Value::Int(i as i64),
                        text(&c.source),
                        text(&c.pinpoint),
                    ]);
                }
            };
            state_rows(Value::Int(-1), &p.current);
            for (i, h) in p.history.iter().enumerate() {
                state_rows(Value::Int(i as i64), &h.state);
                history.push(vec![
                    text(&f.id),
                    text(aspect),
                    Value::Int(i as i64),
                    text(h.from),
                    text(h.until),
                    text(&h.state.summary),
                    text(&h.state.detail),
                    text(h.state.level),
                    text(h.state.status),
                    opt(h.confidence),
                    opt(h.note.as_ref()),
                ]);
            }
        }
    }
    let groups = data.groups.iter().map(|g| vec![text(&g.id), text(&g.name)]).collect();
    let aspects =
        data.aspects.iter().map(|a| vec![text(&a.id), text(&a.group), text(&a.name), text(&a.question)]).collect();
    let rubrics =
        data.aspects.iter().flat_map(|a| a.rubric.iter().map(|(l, t)| vec![text(&a.id), text(l), text(t)])).collect();
    let requirements = data
        .aspects
        .iter()
        .flat_map(|a| {
            a.requirements.iter().map(|r| vec![text(&r.id), text(&a.id), text(&r.label), text(&r.description)])
        })
        .collect();
    let parameters = data
        .aspects
        .iter()
        .flat_map(|a| {
            a.parameters
                .iter()
                .map(|p| vec![text(&a.id), text(&p.id), text(&p.label), text(p.kind), text(&p.description)])
        })
        .collect();
    let glossary = data
        .glossary
        .iter()
        .map(|t| {
            vec![
                text(&t.id),
                text(&t.term),
                text(&t.definition),
                text(&t.source_title),
                text(t.url.as_str()),
                text(&t.pinpoint),
            ]
        })
        .collect();
    let period = col("period", "INTEGER");
    vec![
        Table {
            name: "frameworks",
            description: "One row per framework.",
            columns: vec![
                key("id", "TEXT"),
                col("name", "TEXT"),
                col("short", "TEXT"),
                col("kind", "TEXT"),
                col("body", "TEXT"),
                col("status", "TEXT"),
                col("summary", "TEXT"),
                col("established", "TEXT"),
            ],
            rows: frameworks,
        },
        Table {
            name: "framework_jurisdictions",
            description: "Where each framework applies (ISO 3166-1 alpha-2, EU or INT).",
            columns: vec![key("framework_id", "TEXT"), key("code", "TEXT"), col("name", "TEXT")],
            rows: jurisdictions,
        },
        Table {
            name: "groups",
            description: "Aspect groups.",
            columns: vec![key("id", "TEXT"), col("name", "TEXT")],
            rows: groups,
        },
        Table {
            name: "aspects",
            description: "The rows of the comparison: one question each.",
            columns: vec![key("id", "TEXT"), col("group_id", "TEXT"), col("name", "TEXT"), col("question", "TEXT")],
            rows: aspects,
        },
        Table {
            name: "rubrics",
            description: "What each level means for an aspect.",
            columns: vec![key("aspect_id", "TEXT"), key("level", "TEXT"), col("meaning", "TEXT")],
            rows: rubrics,
        },
        Table {
            name: "requirements",
            description: "The shared requirement vocabulary.",
            columns: vec![
                key("id", "TEXT"),
                col("aspect_id", "TEXT"),
                col("label", "TEXT"),
                col("description", "TEXT"),
            ],
            rows: requirements,
        },
        Table {
            name: "parameters",
            description: "Typed parameters of aspects.",
            columns: vec![
                key("aspect_id", "TEXT"),
                key("id", "TEXT"),
                col("label", "TEXT"),
                col("kind", "TEXT"),
                col("description", "TEXT"),
            ],
            rows: parameters,
        },
        Table {
            name: "provisions",
            description: "One row per cell (framework × aspect): its current state.",
            columns: vec![
                key("framework_id", "TEXT"),
                key("aspect_id", "TEXT"),
                col("summary", "TEXT"),
                col("detail", "TEXT"),
                col("level", "TEXT"),
                col("status", "TEXT"),
                col("valid_from", "TEXT"),
                col("applies_from", "TEXT"),
                col("applies_until", "TEXT"),
                col("confidence", "TEXT"),
                col("reviewed", "TEXT"),
                col("note", "TEXT"),
            ],
            rows: provisions,
        },
        Table {
            name: "history",
            description: "Earlier states of cells: held from `valid_from` until the day before `valid_until`.",
            columns: vec![
                key("framework_id", "TEXT"),
                key("aspect_id", "TEXT"),
                key("period", "INTEGER"),
                col("valid_from", "TEXT"),
                col("valid_until", "TEXT"),
                col("summary", "TEXT"),
                col("detail", "TEXT"),
                col("level", "TEXT"),
                col("status", "TEXT"),
                col("confidence", "TEXT"),
                col("note", "TEXT"),
            ],
            rows: history,
        },
        Table {
            name: "provision_requirements",
            description: "Requirements a cell imposes; period -1 is the current state, others index `history`.",
            columns: vec![
                key("framework_id", "TEXT"),
                key("aspect_id", "TEXT"),
                Column { key: true, ..period },
                key("requirement_id", "TEXT"),
                col("strength", "TEXT"),
            ],
            rows: provision_requirements,
        },
        Table {
            name: "provision_parameters",
            description: "Parameter values of a cell: `number` for percent/days/months/count, `amount` + `currency` for amounts.",
            columns: vec![
                key("framework_id", "TEXT"),
                key("aspect_id", "TEXT"),
                Column { key: true, ..period },
                key("parameter_id", "TEXT"),
                col("number", "REAL"),
                col("amount", "REAL"),
                col("currency", "TEXT"),
            ],
            rows: provision_parameters,
        },
        Table {
            name: "sources",
            description: "Documents cited, per framework file; `primary` is 1 for the legal text or the issuing body's own publication.",
            columns: vec![
                key("framework_id", "TEXT"),
                key("id", "TEXT"),
                col("title", "TEXT"),
                col("publisher", "TEXT"),
                col("date", "TEXT"),
                col("url", "TEXT"),
                col("primary", "INTEGER"),
            ],
            rows: sources,
        },
        Table {
            name: "citations",
            description: "A cell's citations: a source of the same framework and a pinpoint.",
            columns: vec![
                key("framework_id", "TEXT"),
                key("aspect_id", "TEXT"),
                Column { key: true, ..period },
                key("position", "INTEGER"),
                col("source_id", "TEXT"),
                col("pinpoint", "TEXT"),
            ],
            rows: citations,
        },
        Table {
            name: "milestones",
            description: "Dated events of frameworks.",
            columns: vec![
                key("framework_id", "TEXT"),
                key("position", "INTEGER"),
                col("date", "TEXT"),
                col("kind", "TEXT"),
                col("title", "TEXT"),
                col("source_id", "TEXT"),
                col("pinpoint", "TEXT"),
            ],
            rows: milestones,
        },
        Table {
            name: "glossary",
            description: "Terms and where they are defined.",
            columns: vec![
                key("id", "TEXT"),
                col("term", "TEXT"),
                col("definition", "TEXT"),
                col("source_title", "TEXT"),
                col("url", "TEXT"),
                col("pinpoint", "TEXT"),
            ],
            rows: glossary,
        },
        Table {
            name: "release",
            description: "The dataset's release (editorial time): one row.",
            columns: vec![key("version", "TEXT"), col("date", "TEXT")],
            rows: data.release.iter().map(|r| vec![text(&r.version), text(r.date)]).collect(),
        },
        Table {
            name: "corrections",
            description: "Substantive corrections to cells: when, which cells, what changed and why.",
            columns: vec![
                key("position", "INTEGER"),
                col("date", "TEXT"),
                col("framework_id", "TEXT"),
                col("aspect_ids", "TEXT"),
                col("what", "TEXT"),
                col("why", "TEXT"),
            ],
            rows: data
                .corrections
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let aspects: Vec<&str> = c.aspects.iter().map(|a| a.as_str()).collect();
                    vec![
                        Value::Int(i64::try_from(i).unwrap_or(i64::MAX)),
                        text(c.date),
                        text(&c.framework),
                        text(aspects.join(" ")),
                        text(&c.what),
                        text(&c.why),
                    ]
                })
                .collect(),
        },
    ]
}
