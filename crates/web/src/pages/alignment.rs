//! `/alignment` (every jurisdiction × every international standard), `/alignment/{code}` (one jurisdiction,
//! requirement by requirement) and `/gaps` (who leaves what open, and the aspects × jurisdictions overview).
//! The computation is `core::query::alignment`; this module lays it out.

use super::query_string;
use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cryptoreg_core::query::alignment::{
    AlignmentMatrix, Gaps, JurisdictionAlignment, MatrixInput, gaps, jurisdiction_alignment, matrix,
};
use serde::{Deserialize, Serialize};

/// Query of `/alignment`, as sent; `core` parses it.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct MatrixParams {
    /// `name` (default) or a standard id: jurisdictions by their in-force share of that standard.
    pub sort: Option<String>,
    /// `asc` (default) or `desc`.
    pub dir: Option<String>,
    /// Measure as of this date (YYYY-MM-DD).
    pub as_of: Option<String>,
}

/// A sortable column header of the matrix.
#[derive(Debug)]
pub struct SortHeader {
    /// Label.
    pub label: String,
    /// Link that sorts by it.
    pub href: String,
    /// aria-sort when sorted by it.
    pub aria_sort: Option<&'static str>,
}

/// The alignment matrix.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "alignment.html")]
pub struct AlignmentPage {
    /// Jurisdictions × standards, with scores.
    #[serde(flatten)]
    pub matrix: AlignmentMatrix,
    #[serde(skip)]
    pub(crate) headers: Vec<SortHeader>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// `GET /alignment`.
#[utoipa::path(get, path = "/alignment.json", params(MatrixParams),
    responses((status = 200, description = "Every jurisdiction's score against every international standard", content_type = "application/json"),
              (status = 400, description = "Malformed parameter", content_type = "application/json"),
              (status = 404, description = "Unknown sort key", content_type = "application/json")))]
pub async fn matrix_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let params: MatrixParams = ctx.query()?;
    let input = MatrixInput { sort: params.sort, dir: params.dir, as_of: params.as_of };
    let matrix = matrix(&state.data, &input).map_err(|e| ctx.query_error(e))?;
    let as_of = matrix.as_of.map(|d| d.to_string()).unwrap_or_default();
    let header = |key: &str, label: &str| {
        let current = matrix.sort == key;
        let next_desc = if current { !matrix.desc } else { key != "name" };
        let mut pairs = vec![("sort", key), ("as_of", as_of.as_str())];
        if next_desc {
            pairs.push(("dir", "desc"));
        }
        SortHeader {
            label: label.to_owned(),
            href: format!("/alignment?{}", query_string(pairs)),
            aria_sort: current.then_some(if matrix.desc { "descending" } else { "ascending" }),
        }
    };
    let mut headers = vec![header("name", "Jurisdiction")];
    headers.extend(matrix.standards.iter().map(|s| header(s.id.as_str(), &s.short)));
    Ok(ctx.render(&AlignmentPage { matrix, headers, chrome: ctx.chrome.clone() }))
}

/// Query of `/alignment/{code}`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionParams {
    /// Only this standard (an international standard's id).
    pub standard: Option<String>,
    /// Measure as of this date (YYYY-MM-DD).
    pub as_of: Option<String>,
}

/// One jurisdiction measured against the standards.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "alignment_jurisdiction.html")]
pub struct AlignmentJurisdictionPage {
    /// Requirement by requirement, with citations.
    #[serde(flatten)]
    pub alignment: JurisdictionAlignment,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// `GET /alignment/{code}`.
#[utoipa::path(get, path = "/alignment/{code}.json", params(("code" = String, Path, description = "Jurisdiction code, name or synonym", example = "EU"), JurisdictionParams),
    responses((status = 200, description = "Each recommended requirement with its status and citations", content_type = "application/json"),
              (status = 400, description = "Malformed parameter", content_type = "application/json"),
              (status = 404, description = "Unknown jurisdiction or standard, with the closest ids", content_type = "application/json")))]
pub async fn jurisdiction_page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    ctx: Ctx,
) -> Result<Response, AppError> {
    let params: JurisdictionParams = ctx.query()?;
    let alignment =
        jurisdiction_alignment(&state.data, ctx.id(&code), params.standard.as_deref(), params.as_of.as_deref())
            .map_err(|e| ctx.query_error(e))?;
    Ok(ctx.render(&AlignmentJurisdictionPage { alignment, chrome: ctx.chrome.clone() }))
}

/// Query of `/gaps`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct GapsParams {
    /// Only this aspect.
    pub aspect: Option<String>,
    /// As of this date (YYYY-MM-DD).
    pub as_of: Option<String>,
}

/// Gaps and the overview grid.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "gaps.html")]
pub struct GapsPage {
    /// Who leaves what open, and the grid.
    #[serde(flatten)]
    pub gaps: Gaps,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// `GET /gaps`.
#[utoipa::path(get, path = "/gaps.json", params(GapsParams),
    responses((status = 200, description = "Requirements recommended by a standard with the jurisdictions leaving them open; the merged-level grid", content_type = "application/json"),
              (status = 400, description = "Malformed parameter", content_type = "application/json"),
              (status = 404, description = "Unknown aspect", content_type = "application/json")))]
pub async fn gaps_page(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let params: GapsParams = ctx.query()?;
    let gaps = gaps(&state.data, params.aspect.as_deref(), params.as_of.as_deref()).map_err(|e| ctx.query_error(e))?;
    Ok(ctx.render(&GapsPage { gaps, chrome: ctx.chrome.clone() }))
}
