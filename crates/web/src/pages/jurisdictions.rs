//! `/jurisdictions` (every jurisdiction with what applies there) and `/jurisdictions/{code}` (one jurisdiction:
//! its frameworks, how each applies, and the merged answer per aspect as of a date).

use super::{AsOfParams, NoParams};
use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use cryptoreg_core::query::jurisdiction::{
    JurisdictionHeader, JurisdictionReport, find_jurisdiction, jurisdiction_report, jurisdictions,
};
use cryptoreg_core::query::parse_date;
use serde::Serialize;

/// Every jurisdiction.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "jurisdictions.html")]
pub struct JurisdictionsPage {
    /// Jurisdictions by name, each with the frameworks that apply there.
    pub jurisdictions: Vec<JurisdictionHeader>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// One jurisdiction.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "jurisdiction.html")]
pub struct JurisdictionPage {
    /// What applies there and the merged answer per aspect.
    #[serde(flatten)]
    pub report: JurisdictionReport,
    /// Link comparing the jurisdiction with the international standards of the data's lists.
    pub compare_href: String,
    /// Links comparing it with each major market of the data's lists (itself left out): code, name, link.
    pub compare_with: Vec<(String, String, String)>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// One framework's rules that apply later in a place, on one date.
#[derive(Debug)]
pub struct Coming<'a> {
    /// The framework's short name.
    pub framework: String,
    /// From when (YYYY-MM-DD).
    pub from: String,
    /// The aspects concerned: id and name.
    pub aspects: Vec<(&'a str, &'a str)>,
}

impl JurisdictionPage {
    /// What applies later here, by framework and date, soonest first.
    pub fn coming(&self) -> Vec<Coming<'_>> {
        let mut coming: Vec<Coming<'_>> = Vec::new();
        for row in &self.report.rows {
            for u in &row.cell.upcoming {
                let from = u.cell.applies_from.map(|d| d.to_string()).unwrap_or_default();
                let aspect = (row.aspect.id.as_str(), row.aspect.name.as_str());
                match coming.iter_mut().find(|c| c.framework == u.short && c.from == from) {
                    Some(entry) => entry.aspects.push(aspect),
                    None => coming.push(Coming { framework: u.short.clone(), from, aspects: vec![aspect] }),
                }
            }
        }
        coming.sort_by(|a, b| a.from.cmp(&b.from));
        coming
    }
}

impl JurisdictionsPage {
    /// The jurisdictions grouped by region, regions in vocabulary order.
    pub fn by_region(&self) -> Vec<(String, Vec<&JurisdictionHeader>)> {
        cryptoreg_core::model::Region::ALL
            .iter()
            .map(|r| (r.label(), self.jurisdictions.iter().filter(|j| j.region == *r).collect::<Vec<_>>()))
            .filter(|(_, list)| !list.is_empty())
            .collect()
    }
}

/// `GET /jurisdictions`.
#[utoipa::path(get, path = "/jurisdictions.json",
    responses((status = 200, description = "Jurisdictions with the frameworks that apply there", content_type = "application/json"),
              (status = 400, description = "Unexpected parameter", content_type = "application/json")))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let _: NoParams = ctx.query()?;
    Ok(ctx.render(&JurisdictionsPage { jurisdictions: jurisdictions(&state.data), chrome: ctx.chrome.clone() }))
}

/// `GET /jurisdictions/{code}`.
#[utoipa::path(get, path = "/jurisdictions/{code}.json", params(("code" = String, Path, description = "Code (ISO 3166-1 alpha-2, US-NY style, EU or INT), name or synonym, case-insensitive", example = "FR"), AsOfParams),
    responses((status = 200, description = "What applies in one jurisdiction and its merged answer per aspect", content_type = "application/json"),
              (status = 400, description = "Malformed date or unexpected parameter", content_type = "application/json"),
              (status = 404, description = "Unknown jurisdiction, with the closest codes", content_type = "application/json")))]
pub async fn show(State(state): State<AppState>, Path(code): Path<String>, ctx: Ctx) -> Result<Response, AppError> {
    let params: AsOfParams = ctx.query()?;
    let data = &state.data;
    let info = find_jurisdiction(data, ctx.id(&code)).map_err(|e| ctx.query_error(e))?;
    if let Some(redirect) = ctx.canonical(&code, info.code.as_str()) {
        return Ok(redirect);
    }
    let as_of = parse_date(params.as_of.as_deref()).map_err(|e| ctx.query_error(e))?;
    let report = jurisdiction_report(data, info, as_of);
    let mut pairs: Vec<(&str, &str)> = vec![("j", info.code.as_str())];
    pairs.extend(report.standards.iter().map(|f| ("f", f.id.as_str())));
    let compare_href = format!("/compare?{}", super::query_string(pairs));
    let compare_with = data
        .lists
        .major_markets
        .iter()
        .filter(|m| **m != info.code)
        .map(|m| {
            let href = format!("/compare?{}", super::query_string([("j", info.code.as_str()), ("j", m.as_str())]));
            (m.as_str().to_owned(), data.jurisdiction_name(m).to_owned(), href)
        })
        .collect();
    Ok(ctx.render(&JurisdictionPage { report, compare_href, compare_with, chrome: ctx.chrome.clone() }))
}
