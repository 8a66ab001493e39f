//! One aspect across every framework: each framework's position on it as of a date, sortable by name, level or
//! one of the aspect's parameters. Raw input is parsed here into typed values.

use super::compare::{Cell, CompareQuery, Orientation, SortKey, table};
use super::views::{AspectView, CellView, FrameworkHeader};
use super::{Direction, QueryError, find_aspect, parse_date, suggestions};
use crate::ids::IsoDate;
use crate::model::Dataset;
use schemars::JsonSchema;
use serde::Serialize;

/// What the user asked for, as typed.
#[derive(Debug, Clone, Default)]
pub struct AspectInput {
    /// `name` (default), `level` or one of the aspect's parameter ids.
    pub sort: Option<String>,
    /// `asc` or `desc`.
    pub dir: Option<String>,
    /// `YYYY-MM-DD`.
    pub as_of: Option<String>,
}

/// One framework's position on the aspect.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Position<'d> {
    /// The framework.
    #[schemars(with = "FrameworkHeader")]
    pub framework: super::views::Shared<'d, FrameworkHeader>,
    /// Its cell.
    #[schemars(with = "CellView")]
    pub cell: super::views::Shared<'d, CellView>,
}

/// Every framework's position on one aspect.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AspectReport<'d> {
    /// The aspect with its requirements and parameters.
    pub aspect: AspectView,
    /// Group name.
    pub group_name: String,
    /// Sort key applied: `name`, `level` or a parameter id.
    pub sort: String,
    /// Direction.
    pub dir: Direction,
    /// The date asked for; `null` means today.
    pub as_of: Option<IsoDate>,
    /// Positions in display order.
    pub positions: Vec<Position<'d>>,
}

/// The positions of every framework on aspect `id`.
pub fn aspect_report<'d>(data: &'d Dataset, id: &str, input: &AspectInput) -> Result<AspectReport<'d>, QueryError> {
    let aspect = find_aspect(data, id)?;
    let sort = input.sort.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or("name").to_owned();
    let key = match sort.as_str() {
        "name" => SortKey::Name,
        "level" => SortKey::Aspect(aspect.id.clone()),
        p => match aspect.parameters.iter().find(|x| x.id.as_str() == p) {
            Some(x) => SortKey::Parameter(aspect.id.clone(), x.id.clone()),
            None if !super::compare::is_sort_key_shaped(p) => {
                return Err(QueryError::MalformedSortKey { key: p.to_owned() });
            }
            None => {
                let mut keys = vec!["name".to_owned(), "level".to_owned()];
                keys.extend(aspect.parameters.iter().map(|x| x.id.to_string()));
                return Err(QueryError::UnknownSortKey {
                    key: p.to_owned(),
                    suggestions: suggestions(p, keys.iter().map(String::as_str)),
                });
            }
        },
    };
    let query = CompareQuery {
        frameworks: data.frameworks.keys().cloned().collect(),
        jurisdictions: Vec::new(),
        aspects: vec![aspect.id.clone()],
        groups: Vec::new(),
        sort: key,
        dir: Direction::parse(input.dir.as_deref())?,
        as_of: parse_date(input.as_of.as_deref())?,
        orient: Orientation::Aspects,
        diff: None,
        view: None,
        min_confidence: None,
    };
    let columns = query.columns();
    let comparison = table(data, &query, &columns);
    let cells = comparison.rows.into_iter().next().map(|r| r.cells).unwrap_or_default();
    let positions = comparison
        .columns
        .into_iter()
        .zip(cells)
        .filter_map(|(column, cell)| match (column, cell) {
            (super::compare::Column::Framework(framework), Cell::Framework(cell)) => Some(Position { framework, cell }),
            _ => None,
        })
        .collect();
    Ok(AspectReport {
        aspect: AspectView::build(aspect),
        group_name: data.group(&aspect.group).map_or_else(|| aspect.group.to_string(), |g| g.name.clone()),
        sort,
        dir: query.dir,
        as_of: query.as_of,
        positions,
    })
}
