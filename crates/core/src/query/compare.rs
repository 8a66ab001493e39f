//! The comparison table: frameworks × aspects on a date, sorted by any header. Input arrives as raw strings
//! from any interface and is validated here, so the CLI and the web give the same answers and errors.

use super::views::{AspectHeader, CellView, FrameworkHeader};
use super::{QueryError, find_aspect, find_framework, parse_date, suggestions};
use crate::ids::IsoDate;
use crate::model::{Aspect, Dataset, Framework, Level, ParameterValue};
use schemars::JsonSchema;
use serde::Serialize;
use std::cmp::Ordering;

/// What the user asked for, as raw strings.
#[derive(Debug, Clone, Default)]
pub struct CompareRequest {
    /// Framework ids; at least two.
    pub frameworks: Vec<String>,
    /// Aspect ids to show (empty: all, or those of `groups`).
    pub aspects: Vec<String>,
    /// Aspect group ids to show.
    pub groups: Vec<String>,
    /// Sort key: `name`, `aspect`, `<aspect-id>`, `<aspect-id>.<parameter-id>` or `<framework-id>`.
    pub sort: Option<String>,
    /// Sort descending.
    pub desc: bool,
    /// `YYYY-MM-DD`: show each cell as it stood on that date.
    pub as_of: Option<String>,
}

/// The sort applied to a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SortSpec {
    /// The key as given (`name` by default).
    pub key: String,
    /// Descending.
    pub desc: bool,
    /// Whether the key orders the frameworks or the aspects.
    pub axis: SortAxis,
}

/// Which header list a sort key orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SortAxis {
    /// The framework columns are reordered.
    Frameworks,
    /// The aspect rows are reordered.
    Aspects,
}

/// A row: one aspect and its cells, in framework order.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Row {
    /// The aspect.
    pub aspect: AspectHeader,
    /// One cell per framework, in the order of `Comparison::frameworks`.
    pub cells: Vec<CellView>,
}

/// The comparison table.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Comparison {
    /// The date asked for; `null` means today's state.
    pub as_of: Option<IsoDate>,
    /// The sort applied.
    pub sort: SortSpec,
    /// Columns, in display order.
    pub frameworks: Vec<FrameworkHeader>,
    /// Rows, in display order.
    pub rows: Vec<Row>,
}

enum SortKey<'d> {
    Name,
    AspectName,
    Aspect(&'d Aspect),
    Parameter(&'d Aspect, &'d crate::ids::ParameterId),
    Framework(&'d Framework),
}

/// Runs a comparison.
pub fn compare(data: &Dataset, request: &CompareRequest) -> Result<Comparison, QueryError> {
    let mut frameworks: Vec<&Framework> = Vec::new();
    for id in &request.frameworks {
        let f = find_framework(data, id)?;
        if !frameworks.iter().any(|x| x.id == f.id) {
            frameworks.push(f);
        }
    }
    let aspects = select_aspects(data, &request.aspects, &request.groups)?;
    let as_of = parse_date(request.as_of.as_deref())?;
    let key_text = request.sort.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or("name");
    let key = parse_sort_key(data, key_text)?;
    // Checked last, so that a view with one framework still reports bad ids, dates and sort keys.
    if frameworks.len() < 2 {
        return Err(QueryError::TooFewFrameworks { given: frameworks.len() });
    }

    let mut comparison = build(data, &frameworks, &aspects, as_of);
    let axis = match key {
        SortKey::Framework(_) | SortKey::AspectName => SortAxis::Aspects,
        _ => SortAxis::Frameworks,
    };
    apply_sort(data, &mut comparison, &key, request.desc);
    comparison.sort = SortSpec { key: key_text.to_owned(), desc: request.desc, axis };
    Ok(comparison)
}

/// The aspects chosen by ids and groups (all when both are empty), in dataset order.
pub fn select_aspects<'d>(
    data: &'d Dataset,
    aspects: &[String],
    groups: &[String],
) -> Result<Vec<&'d Aspect>, QueryError> {
    for id in aspects {
        find_aspect(data, id)?;
    }
    for g in groups {
        if !data.groups.iter().any(|x| x.id.as_str() == g) {
            return Err(QueryError::UnknownGroup {
                id: g.clone(),
                suggestions: suggestions(g, data.groups.iter().map(|x| x.id.as_str())),
            });
        }
    }
    if aspects.is_empty() && groups.is_empty() {
        return Ok(data.aspects.iter().collect());
    }
    Ok(data
        .aspects
        .iter()
        .filter(|a| aspects.iter().any(|x| x == a.id.as_str()) || groups.iter().any(|g| g == a.group.as_str()))
        .collect())
}

/// Whether `key` has the shape of a sort key: an id, or `id.parameter`, both kebab-case.
pub fn is_sort_key_shaped(key: &str) -> bool {
    match key.split_once('.') {
        Some((a, p)) => crate::ids::is_kebab(a) && crate::ids::is_kebab(p),
        None => crate::ids::is_kebab(key),
    }
}

fn parse_sort_key<'d>(data: &'d Dataset, key: &str) -> Result<SortKey<'d>, QueryError> {
    if !is_sort_key_shaped(key) {
        return Err(QueryError::MalformedSortKey { key: key.to_owned() });
    }
    if key == "name" {
        return Ok(SortKey::Name);
    }
    if key == "aspect" {
        return Ok(SortKey::AspectName);
    }
    if let Some((aspect_id, param_id)) = key.split_once('.') {
        if let Some(a) = data.aspects.iter().find(|a| a.id.as_str() == aspect_id)
            && let Some(p) = a.parameters.iter().find(|p| p.id.as_str() == param_id)
        {
            return Ok(SortKey::Parameter(a, &p.id));
        }
    } else if let Some(a) = data.aspects.iter().find(|a| a.id.as_str() == key) {
        return Ok(SortKey::Aspect(a));
    } else if let Some(f) = data.frameworks.values().find(|f| f.id.as_str() == key) {
        return Ok(SortKey::Framework(f));
    }
    let mut keys: Vec<String> = vec!["name".into(), "aspect".into()];
    for a in &data.aspects {
        keys.push(a.id.to_string());
        keys.extend(a.parameters.iter().map(|p| format!("{}.{}", a.id, p.id)));
    }
    keys.extend(data.frameworks.keys().map(|k| k.to_string()));
    Err(QueryError::UnknownSortKey {
        key: key.to_owned(),
        suggestions: suggestions(key, keys.iter().map(String::as_str)),
    })
}

fn build(data: &Dataset, frameworks: &[&Framework], aspects: &[&Aspect], as_of: Option<IsoDate>) -> Comparison {
    Comparison {
        as_of,
        sort: SortSpec { key: "name".into(), desc: false, axis: SortAxis::Frameworks },
        frameworks: frameworks.iter().map(|f| FrameworkHeader::build(f, as_of)).collect(),
        rows: aspects
            .iter()
            .map(|a| Row {
                aspect: AspectHeader::build(data, a),
                cells: frameworks.iter().map(|f| CellView::build(f, a, as_of)).collect(),
            })
            .collect(),
    }
}

/// Ordering value of a level: weakest first; `unknown` has none and sorts last.
pub fn level_rank(level: Level) -> Option<u8> {
    match level {
        Level::NotAddressed => Some(0),
        Level::Monitoring => Some(1),
        Level::Principle => Some(2),
        Level::Recommended => Some(3),
        Level::Binding => Some(4),
        Level::Prohibited => Some(5),
        Level::Unknown => None,
    }
}

/// Compares optional keys: present values in the requested direction, absent ones always last.
fn cmp_known<T: PartialOrd>(a: &Option<T>, b: &Option<T>, desc: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(y).unwrap_or(Ordering::Equal);
            if desc { o.reverse() } else { o }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn cell_strength(cell: &CellView) -> Option<(u8, usize)> {
    let rank = level_rank(cell.level?)?;
    let mandatory = cell.requirements.iter().filter(|r| r.strength == crate::model::Strength::Mandatory).count();
    Some((rank, mandatory))
}

fn apply_sort(data: &Dataset, c: &mut Comparison, key: &SortKey<'_>, desc: bool) {
    let name_order = |a: &str, b: &str| a.to_lowercase().cmp(&b.to_lowercase());
    match key {
        SortKey::Name | SortKey::Aspect(_) | SortKey::Parameter(..) => {
            let n = c.frameworks.len();
            let mut order: Vec<usize> = (0..n).collect();
            let sort_value = |i: usize| -> Option<f64> {
                match key {
                    SortKey::Aspect(a) => {
                        let row = c.rows.iter().find(|r| r.aspect.id == a.id);
                        let cell = row.map(|r| &r.cells[i]);
                        // Encode (level, mandatory count) as one number for ordering.
                        cell.and_then(cell_strength).map(|(rank, m)| f64::from(rank) * 1000.0 + m as f64)
                    }
                    SortKey::Parameter(a, p) => {
                        let framework = data.framework(&c.frameworks[i].id)?;
                        let row = c.rows.iter().find(|r| r.aspect.id == a.id);
                        let value = match row {
                            Some(r) => r.cells[i].parameters.iter().find(|x| &x.id == *p).map(|x| x.value.clone()),
                            None => framework
                                .provisions
                                .get(&a.id)
                                .and_then(|prov| prov.current.parameters.get(*p).cloned()),
                        }?;
                        comparable(data, &value)
                    }
                    _ => Some(0.0),
                }
            };
            let values: Vec<Option<f64>> = (0..n).map(sort_value).collect();
            order.sort_by(|&i, &j| {
                let primary = if matches!(key, SortKey::Name) {
                    let o = name_order(&c.frameworks[i].short, &c.frameworks[j].short);
                    if desc { o.reverse() } else { o }
                } else {
                    cmp_known(&values[i], &values[j], desc)
                };
                primary.then_with(|| name_order(&c.frameworks[i].short, &c.frameworks[j].short))
            });
            c.frameworks = order.iter().map(|&i| c.frameworks[i].clone()).collect();
            for row in &mut c.rows {
                row.cells = order.iter().map(|&i| row.cells[i].clone()).collect();
            }
        }
        SortKey::AspectName => {
            c.rows.sort_by(|a, b| {
                let o = name_order(&a.aspect.name, &b.aspect.name);
                if desc { o.reverse() } else { o }
            });
        }
        SortKey::Framework(f) => {
            let column = c.frameworks.iter().position(|h| h.id == f.id);
            let value = |row: &super::compare::Row| -> Option<(u8, usize)> {
                match column {
                    Some(i) => cell_strength(&row.cells[i]),
                    None => {
                        let a = data.aspect(&row.aspect.id)?;
                        cell_strength(&CellView::build(f, a, c.as_of))
                    }
                }
            };
            c.rows.sort_by(|a, b| {
                cmp_known(&value(a), &value(b), desc).then_with(|| name_order(&a.aspect.name, &b.aspect.name))
            });
        }
    }
}

/// A parameter value as one number for ordering: amounts in US dollars at the reference rates.
fn comparable(data: &Dataset, value: &ParameterValue) -> Option<f64> {
    match value {
        ParameterValue::Number(n) => Some(*n),
        ParameterValue::Amount { amount, currency } => match &data.reference_rates {
            Some(rates) => rates.to_usd(*amount, currency),
            None => (currency == "USD").then_some(*amount),
        },
    }
}
