//! `/path`: the pathfinder. Choose an activity and markets (a plain GET form); the answer says, per market, whether
//! and under which authorisation, then the merged checklist with citations, the numbers with the strictest
//! marked, and what applies later. `/path.md` and `/path.csv` are the same answer as downloads.

use super::query_string;
use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use cryptoreg_core::query::path::{PathInput, PathReport, path};
use serde::{Deserialize, Serialize};

/// Query of `/path`, as sent; `core` parses it.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PathParams {
    /// Activity id (see the list the answer gives with no parameters).
    pub activity: Option<String>,
    /// Markets by code, name or synonym (repeat `m=EU&m=SG`, or comma-separate: `m=EU,Singapore,uae`).
    #[serde(default)]
    #[param(required = false)]
    pub m: Vec<String>,
    /// As of this date (YYYY-MM-DD).
    pub as_of: Option<String>,
}

impl PathParams {
    fn input(self) -> PathInput {
        PathInput { activity: self.activity, markets: self.m, as_of: self.as_of }
    }
}

/// A market in the form's list.
#[derive(Debug)]
pub struct MarketChoice {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Selected.
    pub selected: bool,
}

/// The pathfinder page and its JSON twin.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "path.html")]
pub struct PathPage {
    /// The activities, the markets asked for and the answer.
    #[serde(flatten)]
    pub report: PathReport,
    #[serde(skip)]
    pub(crate) market_choices: Vec<MarketChoice>,
    #[serde(skip)]
    pub(crate) permalink: String,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

impl PathPage {
    /// The query string of this answer (activity, markets, date), for the permalink and the downloads.
    fn query(report: &PathReport) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(a) = &report.answer {
            pairs.push(("activity", a.activity.id.clone()));
            pairs.extend(report.markets.iter().map(|m| ("m", m.to_string())));
            if let Some(d) = a.as_of {
                pairs.push(("as_of", d.to_string()));
            }
        }
        query_string(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    }

    /// Whether an activity is the one chosen.
    pub fn chosen(&self, id: &str) -> bool {
        self.report.answer.as_ref().is_some_and(|a| a.activity.id == id)
    }
}

/// `GET /path`.
#[utoipa::path(get, path = "/path.json", params(PathParams),
    responses((status = 200, description = "The activities; with an activity and markets, the answer: per market, the checklist, the numbers, what is coming", content_type = "application/json"),
              (status = 400, description = "Malformed parameter", content_type = "application/json"),
              (status = 404, description = "Unknown activity or market, with the closest ids", content_type = "application/json")))]
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let params: PathParams = ctx.query()?;
    let report = path(&state.data, &params.input()).map_err(|e| ctx.query_error(e))?;
    let mut market_choices: Vec<MarketChoice> = state
        .data
        .jurisdictions
        .values()
        .filter(|j| j.code.as_str() != "INT")
        .map(|j| MarketChoice {
            code: j.code.to_string(),
            name: j.name.clone(),
            selected: report.markets.contains(&j.code),
        })
        .collect();
    market_choices.sort_by(|a, b| a.name.cmp(&b.name));
    let permalink = format!("/path?{}", PathPage::query(&report));
    Ok(ctx.render(&PathPage { report, market_choices, permalink, chrome: ctx.chrome.clone() }))
}

/// `GET /path.md` and `/path.csv`: the answer as a download (400 without an activity and a market).
pub async fn download(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let params: PathParams = ctx.query()?;
    let report = path(&state.data, &params.input()).map_err(|e| ctx.query_error(e))?;
    let Some(answer) = report.answer else {
        return Err(ctx.error(AppError::bad_request("a download needs an activity and at least one market (m)")));
    };
    let csv = ctx.chrome.path.ends_with(".csv");
    let (body, content_type, extension) = if csv {
        let text = cryptoreg_store::answer::path_csv(&answer)
            .map_err(|e| ctx.error(AppError::bad_request(format!("cannot write CSV: {e}"))))?;
        (text, "text/csv; charset=utf-8", "csv")
    } else {
        (cryptoreg_store::answer::path_markdown(&answer), "text/markdown; charset=utf-8", "md")
    };
    let disposition = format!("attachment; filename=\"cryptoreg-{}.{extension}\"", answer.activity.id);
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response())
}
