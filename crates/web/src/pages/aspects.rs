//! `/aspects` (the rows, by group) and `/aspects/{id}` (every framework's position on one aspect, sortable).

use super::{NoParams, query_string};
use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cryptoreg_core::ids::ParameterId;
use cryptoreg_core::model::Level;
use cryptoreg_core::query::Direction;
use cryptoreg_core::query::aspect::{AspectInput, AspectReport, aspect_report};
use cryptoreg_core::query::views::{AspectView, CellView};
use serde::{Deserialize, Serialize};

/// A group and its aspects.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct GroupSection {
    /// Group id.
    pub id: String,
    /// Group name.
    pub name: String,
    /// Aspects.
    pub aspects: Vec<AspectView>,
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

/// Query of `/aspects/{id}`, as sent; `core` parses it.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AspectParams {
    /// `name` (default), `level` or one of the aspect's parameter ids.
    pub sort: Option<String>,
    /// `asc` or `desc`.
    pub dir: Option<String>,
    /// Show each cell as it stood on this date (YYYY-MM-DD).
    pub as_of: Option<String>,
}

/// A sortable column of the aspect page.
#[derive(Debug)]
pub struct SortColumn {
    /// Label.
    pub label: String,
    /// Sort link.
    pub href: String,
    /// aria-sort value when sorted by it.
    pub aria_sort: Option<&'static str>,
}

/// Every framework's position on one aspect.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "aspect.html")]
pub struct AspectPage<'d> {
    /// The aspect and every framework's position on it.
    #[serde(flatten)]
    pub report: AspectReport<'d>,
    #[serde(skip)]
    pub(crate) columns: Vec<SortColumn>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

impl AspectPage<'_> {
    /// A cell's value of a parameter and its US-dollar note; a binding cell without the value says "not recorded",
    /// so a blank never passes for "no requirement".
    pub fn parameter_text(&self, cell: &CellView, parameter: &ParameterId) -> (String, Option<String>) {
        match cell.parameters.iter().find(|v| &v.id == parameter) {
            Some(v) => (v.display.clone(), v.usd_note.clone()),
            None if cell.level == Some(Level::Binding) && cell.has_content() => ("not recorded".to_owned(), None),
            None => (String::new(), None),
        }
    }
}

/// `GET /aspects`.
#[utoipa::path(get, path = "/aspects.json",
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
            aspects: state.data.aspects.iter().filter(|a| a.group == g.id).map(AspectView::build).collect(),
        })
        .collect();
    Ok(ctx.render(&AspectsPage { groups, chrome: ctx.chrome.clone() }))
}

/// `GET /aspects/{id}`.
#[utoipa::path(get, path = "/aspects/{id}.json", params(("id" = String, Path, description = "Aspect id, e.g. travel-rule", example = "travel-rule"), AspectParams),
    responses((status = 200, description = "Every framework's position on the aspect", content_type = "application/json"),
              (status = 400, description = "Malformed parameter", content_type = "application/json"),
              (status = 404, description = "Unknown aspect, with the closest ids", content_type = "application/json")))]
pub async fn show(State(state): State<AppState>, Path(id): Path<String>, ctx: Ctx) -> Result<Response, AppError> {
    let params: AspectParams = ctx.query()?;
    if let Ok(a) = cryptoreg_core::query::find_aspect(&state.data, ctx.id(&id))
        && let Some(redirect) = ctx.canonical(&id, a.id.as_str())
    {
        return Ok(redirect);
    }
    let input = AspectInput { sort: params.sort, dir: params.dir, as_of: params.as_of };
    let report = aspect_report(&state.data, ctx.id(&id), &input).map_err(|e| ctx.query_error(e))?;
    let as_of = report.as_of.map(|d| d.to_string()).unwrap_or_default();
    let column = |key: &str, label: &str| {
        let current = report.sort == key;
        let next = if current { report.dir.reversed() } else { Direction::Asc };
        let mut pairs = vec![("sort", key), ("as_of", as_of.as_str())];
        if next == Direction::Desc {
            pairs.push(("dir", "desc"));
        }
        SortColumn {
            label: label.to_owned(),
            href: format!("/aspects/{}?{}", report.aspect.id, query_string(pairs)),
            aria_sort: current.then_some(if report.dir == Direction::Asc { "ascending" } else { "descending" }),
        }
    };
    let mut columns = vec![column("name", "Framework"), column("level", "Level")];
    columns.extend(report.aspect.parameters.iter().map(|p| column(p.id.as_str(), &p.label)));
    Ok(ctx.render(&AspectPage { report, columns, chrome: ctx.chrome.clone() }))
}
