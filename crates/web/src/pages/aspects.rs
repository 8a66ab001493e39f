//! `/aspects` (the rows, by group) and `/aspects/{id}` (every framework's position on one aspect, sortable).

use super::{Dir, NoParams, query_string};
use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cryptoreg_core::model::{Aspect, Level};
use cryptoreg_core::query::compare::{CompareRequest, compare};
use cryptoreg_core::query::find_aspect;
use cryptoreg_core::query::views::{CellView, FrameworkHeader};
use serde::{Deserialize, Serialize};

/// A group and its aspects.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct GroupSection {
    /// Group id.
    pub id: String,
    /// Group name.
    pub name: String,
    /// Aspects.
    pub aspects: Vec<Aspect>,
}

/// The list of aspects.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "aspects.html")]
pub struct AspectsPage {
    /// Groups with their aspects.
    pub groups: Vec<GroupSection>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// Query of `/aspects/{id}`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AspectParams {
    /// `name` (default), `level` or one of the aspect's parameter ids.
    pub sort: Option<String>,
    /// `asc` or `desc`.
    #[param(inline)]
    pub dir: Option<Dir>,
    /// Show each cell as it stood on this date (YYYY-MM-DD).
    pub as_of: Option<String>,
}

/// A level and what it means for the aspect.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct RubricEntry {
    /// The level.
    pub level: Level,
    /// Its meaning here.
    pub meaning: String,
}

/// One framework's position on the aspect.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Position {
    /// The framework.
    pub framework: FrameworkHeader,
    /// Its cell.
    pub cell: CellView,
}

/// A sortable column of the aspect page.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Column {
    /// Sort key.
    pub key: String,
    /// Label.
    pub label: String,
    /// Sort link.
    #[serde(skip)]
    pub href: String,
    /// aria-sort value when sorted by it.
    #[serde(skip)]
    pub aria_sort: Option<&'static str>,
}

/// Every framework's position on one aspect.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "aspect.html")]
pub struct AspectPage {
    /// The aspect with rubric, requirements and parameters.
    pub aspect: Aspect,
    /// Group name.
    pub group_name: String,
    /// Sort key applied.
    pub sort: String,
    /// Direction.
    pub dir: Dir,
    /// Date asked for.
    pub as_of: Option<String>,
    /// Positions in display order.
    pub positions: Vec<Position>,
    /// Sortable columns.
    pub columns: Vec<Column>,
    /// What each level means for this aspect, weakest first.
    pub rubric: Vec<RubricEntry>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// `GET /aspects`.
#[utoipa::path(get, path = "/aspects.json", tag = "aspects",
    responses((status = 200, description = "Aspects by group, with requirement vocabulary and parameters", content_type = "application/json"),
              (status = 400, description = "Unexpected parameter", content_type = "application/json")))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let _: NoParams = ctx.query()?;
    let groups = state
        .data
        .groups
        .iter()
        .map(|g| GroupSection {
            id: g.id.to_string(),
            name: g.name.clone(),
            aspects: state.data.aspects.iter().filter(|a| a.group == g.id).cloned().collect(),
        })
        .collect();
    Ok(ctx.render(&AspectsPage { groups, chrome: ctx.chrome.clone() }))
}

/// `GET /aspects/{id}`.
#[utoipa::path(get, path = "/aspects/{id}.json", tag = "aspects", params(("id" = String, Path, description = "Aspect id, e.g. travel-rule", example = "travel-rule"), AspectParams),
    responses((status = 200, description = "Every framework's position on the aspect", content_type = "application/json"),
              (status = 400, description = "Malformed parameter", content_type = "application/json"),
              (status = 404, description = "Unknown aspect, with the closest ids", content_type = "application/json")))]
pub async fn show(State(state): State<AppState>, Path(id): Path<String>, ctx: Ctx) -> Result<Response, AppError> {
    let params: AspectParams = ctx.query()?;
    let data = &state.data;
    let aspect = find_aspect(data, ctx.id(&id)).map_err(|e| ctx.error(AppError::from_query(e)))?;
    let sort = params.sort.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| "name".into());
    let dir = params.dir.unwrap_or_default();
    let core_sort = match sort.as_str() {
        "name" => "name".to_owned(),
        "level" => aspect.id.to_string(),
        p if aspect.parameters.iter().any(|x| x.id.as_str() == p) => format!("{}.{p}", aspect.id),
        other if !cryptoreg_core::query::compare::is_sort_key_shaped(other) => {
            return Err(ctx.error(AppError::from_query(cryptoreg_core::query::QueryError::MalformedSortKey {
                key: other.to_owned(),
            })));
        }
        other => {
            let mut keys = vec!["name".to_owned(), "level".to_owned()];
            keys.extend(aspect.parameters.iter().map(|p| p.id.to_string()));
            let suggestions = cryptoreg_core::suggest::closest(other, keys.iter().map(String::as_str), 3)
                .into_iter()
                .map(str::to_owned)
                .collect();
            let e = cryptoreg_core::query::QueryError::UnknownSortKey { key: other.to_owned(), suggestions };
            return Err(ctx.error(AppError::from_query(e)));
        }
    };
    let request = CompareRequest {
        frameworks: data.frameworks.keys().map(|k| k.to_string()).collect(),
        aspects: vec![aspect.id.to_string()],
        sort: Some(core_sort),
        desc: dir == Dir::Desc,
        as_of: params.as_of.clone(),
        ..Default::default()
    };
    let positions = match compare(data, &request) {
        Ok(c) => {
            let cells = c.rows.into_iter().next().map(|r| r.cells).unwrap_or_default();
            c.frameworks.into_iter().zip(cells).map(|(framework, cell)| Position { framework, cell }).collect()
        }
        // With fewer than two frameworks there is nothing to sort, but a page all the same.
        Err(cryptoreg_core::query::QueryError::TooFewFrameworks { .. }) => Vec::new(),
        Err(e) => return Err(ctx.error(AppError::from_query(e))),
    };
    let as_of = params.as_of.unwrap_or_default();
    let column = |key: &str, label: &str| {
        let current = sort == key;
        let next = if current && dir == Dir::Asc { Dir::Desc } else { Dir::Asc };
        let mut pairs = vec![("sort", key), ("as_of", as_of.as_str())];
        if next == Dir::Desc {
            pairs.push(("dir", "desc"));
        }
        Column {
            key: key.to_owned(),
            label: label.to_owned(),
            href: format!("/aspects/{}?{}", aspect.id, query_string(pairs)),
            aria_sort: current.then_some(if dir == Dir::Asc { "ascending" } else { "descending" }),
        }
    };
    let mut columns = vec![column("name", "Framework"), column("level", "Level")];
    columns.extend(aspect.parameters.iter().map(|p| column(p.id.as_str(), &p.label)));
    let rubric = Level::ALL
        .iter()
        .filter_map(|l| aspect.rubric.get(l).map(|t| RubricEntry { level: *l, meaning: t.clone() }))
        .collect();
    let page = AspectPage {
        group_name: data.group(&aspect.group).map_or_else(|| aspect.group.to_string(), |g| g.name.clone()),
        aspect: aspect.clone(),
        sort,
        dir,
        as_of: Some(as_of).filter(|s| !s.is_empty()),
        positions,
        columns,
        rubric,
        chrome: ctx.chrome.clone(),
    };
    Ok(ctx.render(&page))
}
