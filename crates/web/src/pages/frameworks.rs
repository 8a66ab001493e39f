//! `/frameworks` (every framework, grouped by kind) and `/frameworks/{id}` (one framework in full).

use super::{AsOfParams, NoParams};
use crate::error::AppError;
use crate::picker::kind_heading;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cryptoreg_core::model::FrameworkKind;
use cryptoreg_core::query::framework::{FrameworkReport, framework_report};
use cryptoreg_core::query::views::FrameworkHeader;
use serde::Serialize;

/// Frameworks of one kind.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct KindSection {
    /// Kind.
    pub kind: FrameworkKind,
    /// Heading.
    pub heading: &'static str,
    /// Frameworks, by short name.
    pub frameworks: Vec<FrameworkHeader>,
}

/// The list of frameworks.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "frameworks.html")]
pub struct FrameworksPage {
    /// Sections by kind.
    pub sections: Vec<KindSection>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// One framework.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "framework.html")]
pub struct FrameworkPage {
    /// Everything about it.
    #[serde(flatten)]
    pub report: FrameworkReport,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// `GET /frameworks`.
#[utoipa::path(get, path = "/frameworks.json",
    responses((status = 200, description = "Every framework, grouped by kind", content_type = "application/json"),
              (status = 400, description = "Unexpected parameter", content_type = "application/json")))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let _: NoParams = ctx.query()?;
    let sections = FrameworkKind::ALL
        .iter()
        .map(|kind| {
            let mut frameworks: Vec<FrameworkHeader> = state
                .data
                .frameworks
                .values()
                .filter(|f| f.kind == *kind)
                .map(|f| FrameworkHeader::build(f, None))
                .collect();
            frameworks.sort_by_key(|f| f.short.to_lowercase());
            KindSection { kind: *kind, heading: kind_heading(*kind), frameworks }
        })
        .filter(|s| !s.frameworks.is_empty())
        .collect();
    Ok(ctx.render(&FrameworksPage { sections, chrome: ctx.chrome.clone() }))
}

/// `GET /frameworks/{id}`.
#[utoipa::path(get, path = "/frameworks/{id}.json", params(("id" = String, Path, description = "Framework id, e.g. eu-mica", example = "eu-mica"), AsOfParams),
    responses((status = 200, description = "One framework with every cell, milestones and sources", content_type = "application/json"),
              (status = 400, description = "Malformed date or unexpected parameter", content_type = "application/json"),
              (status = 404, description = "Unknown framework, with the closest ids", content_type = "application/json")))]
pub async fn show(State(state): State<AppState>, Path(id): Path<String>, ctx: Ctx) -> Result<Response, AppError> {
    let params: AsOfParams = ctx.query()?;
    if let Ok(f) = cryptoreg_core::query::find_framework(&state.data, ctx.id(&id))
        && let Some(redirect) = ctx.canonical(&id, f.id.as_str())
    {
        return Ok(redirect);
    }
    let report = framework_report(&state.data, ctx.id(&id), params.as_of.as_deref()).map_err(|e| ctx.query_error(e))?;
    Ok(ctx.render(&FrameworkPage { report, chrome: ctx.chrome.clone() }))
}
