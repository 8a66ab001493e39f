//! `/jurisdictions` and `/jurisdictions/{code}`: the frameworks that apply in a country or region.

use super::NoParams;
use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cryptoreg_core::query::catalog::{JurisdictionReport, JurisdictionSummary, jurisdiction, jurisdictions};
use serde::Serialize;

/// Every jurisdiction.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "jurisdictions.html")]
pub struct JurisdictionsPage {
    /// Jurisdictions by name.
    pub jurisdictions: Vec<JurisdictionSummary>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// One jurisdiction.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "jurisdiction.html")]
pub struct JurisdictionPage {
    /// Its frameworks and the standards.
    #[serde(flatten)]
    pub report: JurisdictionReport,
    /// Link comparing its frameworks (and the standards) side by side.
    pub compare_href: String,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// `GET /jurisdictions`.
#[utoipa::path(get, path = "/jurisdictions.json", tag = "jurisdictions",
    responses((status = 200, description = "Jurisdictions with their frameworks", content_type = "application/json"),
              (status = 400, description = "Unexpected parameter", content_type = "application/json")))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let _: NoParams = ctx.query()?;
    Ok(ctx.render(&JurisdictionsPage { jurisdictions: jurisdictions(&state.data), chrome: ctx.chrome.clone() }))
}

/// `GET /jurisdictions/{code}`.
#[utoipa::path(get, path = "/jurisdictions/{code}.json", tag = "jurisdictions", params(("code" = String, Path, description = "ISO 3166-1 alpha-2 code, EU or INT", example = "GB")),
    responses((status = 200, description = "The frameworks of one jurisdiction", content_type = "application/json"),
              (status = 400, description = "Unexpected parameter", content_type = "application/json"),
              (status = 404, description = "Unknown jurisdiction, with the closest codes", content_type = "application/json")))]
pub async fn show(State(state): State<AppState>, Path(code): Path<String>, ctx: Ctx) -> Result<Response, AppError> {
    let _: NoParams = ctx.query()?;
    let report = jurisdiction(&state.data, ctx.id(&code)).map_err(|e| ctx.error(AppError::from_query(e)))?;
    let mut ids: Vec<&str> = report.frameworks.iter().map(|f| f.id.as_str()).collect();
    let standards = ["fsb-crypto", "fsb-stablecoins", "fatf-r15"];
    ids.extend(standards.iter().filter(|s| state.data.frameworks.keys().any(|k| k.as_str() == **s)));
    let compare_href = format!("/compare?{}", super::query_string(ids.iter().map(|id| ("f", *id))));
    Ok(ctx.render(&JurisdictionPage { report, compare_href, chrome: ctx.chrome.clone() }))
}
