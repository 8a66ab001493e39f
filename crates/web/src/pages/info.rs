//! `/methodology`, `/glossary` and `/about`: how the data is made, the terms, the licence and how to cite.

use super::NoParams;
use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use cryptoreg_core::model::Level;
use cryptoreg_core::query::views::{AspectView, TermView};
use cryptoreg_core::query::{find_aspect, find_framework};
use serde::Deserialize;
use serde::Serialize;

/// A level and what it means.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct LevelMeaning {
    /// The level.
    pub level: Level,
    /// Its meaning.
    pub meaning: &'static str,
}

/// What each level means across aspects.
pub const LEVELS: &[(Level, &str)] = &[
    (Level::Binding, "A legal obligation: statute, regulation or binding rules."),
    (Level::Recommended, "Recommended by an international standard or by non-binding guidance."),
    (Level::Principle, "Only a general principle; no concrete rule."),
    (Level::Monitoring, "The authority studies or monitors the topic but has set no rule."),
    (Level::NotAddressed, "The framework was read and is silent on the question."),
    (Level::Prohibited, "The activity is banned."),
    (Level::Unknown, "The sources do not settle it; the cell's note says why."),
];

/// The methodology page.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "methodology.html")]
pub struct MethodologyPage {
    /// Levels.
    pub levels: Vec<LevelMeaning>,
    /// Aspects with their rubrics and vocabularies.
    pub aspects: Vec<AspectView>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// The glossary page.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "glossary.html")]
pub struct GlossaryPage {
    /// Terms by name.
    pub terms: Vec<TermView>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// The about page.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "about.html")]
pub struct AboutPage {
    /// Licence of the code.
    pub code_licence: &'static str,
    /// Licence of the data.
    pub data_licence: &'static str,
    /// Suggested citation.
    pub how_to_cite: String,
    /// How to report an error.
    pub report_errors: &'static str,
    /// Where the code and data are published, if the release names it.
    pub repository: Option<String>,
    /// The release of the data.
    pub release: Option<String>,
    /// The cell being reported, when the page was opened from a cell's "Report an error" link.
    pub reporting: Option<ReportedCell>,
    /// Counts.
    pub frameworks: usize,
    /// Counts.
    pub cells: usize,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// A cell named in a report.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ReportedCell {
    /// Framework id.
    pub framework: String,
    /// Its short name.
    pub framework_short: String,
    /// Aspect id.
    pub aspect: String,
    /// Its name.
    pub aspect_name: String,
    /// The text to paste into a report.
    pub report_text: String,
}

/// Query parameters of `/about`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AboutParams {
    /// The cell to report an error in, as `<framework>/<aspect>` (e.g. `eu-mica/travel-rule`).
    pub cell: Option<String>,
}

/// `GET /methodology`.
#[utoipa::path(get, path = "/methodology.json",
    responses((status = 200, description = "Levels, rubrics and vocabularies", content_type = "application/json"),
              (status = 400, description = "Unexpected parameter", content_type = "application/json")))]
pub async fn methodology(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let _: NoParams = ctx.query()?;
    let levels = LEVELS.iter().map(|(level, meaning)| LevelMeaning { level: *level, meaning }).collect();
    Ok(ctx.render(&MethodologyPage {
        levels,
        aspects: state.data.aspects.iter().map(AspectView::build).collect(),
        chrome: ctx.chrome.clone(),
    }))
}

/// `GET /glossary`.
#[utoipa::path(get, path = "/glossary.json",
    responses((status = 200, description = "Terms with definitions and where they are defined", content_type = "application/json"),
              (status = 400, description = "Unexpected parameter", content_type = "application/json")))]
pub async fn glossary(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let _: NoParams = ctx.query()?;
    Ok(ctx.render(&GlossaryPage {
        terms: state.data.glossary.iter().map(TermView::build).collect(),
        chrome: ctx.chrome.clone(),
    }))
}

/// `GET /about`.
#[utoipa::path(get, path = "/about.json", params(AboutParams),
    responses((status = 200, description = "Licence, how to cite, how to report an error", content_type = "application/json"),
              (status = 400, description = "Unexpected parameter", content_type = "application/json"),
              (status = 404, description = "Unknown framework or aspect in `cell`, with the closest ids", content_type = "application/json")))]
pub async fn about(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let params: AboutParams = ctx.query()?;
    let data = &state.data;
    let reporting = match params.cell.as_deref() {
        None => None,
        Some(raw) => {
            let (f, a) = raw.split_once('/').unwrap_or((raw, ""));
            let framework = find_framework(data, f).map_err(|e| ctx.query_error(e))?;
            let aspect = find_aspect(data, a).map_err(|e| ctx.query_error(e))?;
            let origin = format!("/frameworks/{}#{}", framework.id, aspect.id);
            Some(ReportedCell {
                framework: framework.id.to_string(),
                framework_short: framework.short.clone(),
                aspect: aspect.id.to_string(),
                aspect_name: aspect.name.clone(),
                report_text: format!(
                    "Cell: {} / {} ({origin}), data release {}.\nWhat is wrong:\nWhat it should say:\nSource (title, link, article or page):",
                    framework.short,
                    aspect.name,
                    data.release.as_ref().map_or("unknown", |r| r.version.as_str())
                ),
            })
        }
    };
    let cells = state.data.frameworks.values().map(|f| f.provisions.len()).sum();
    let page = AboutPage {
        code_licence: "MIT",
        data_licence: "CC BY 4.0",
        how_to_cite: format!(
            "cryptoreg contributors, cryptoreg: an open dataset of crypto-asset regulation, data reviewed as of {}, CC BY 4.0.",
            ctx.chrome.data_as_of
        ),
        report_errors: "Open an issue in the project's repository naming the framework, the aspect, what is wrong and the source (with article or page) that shows it; or send a pull request changing data/frameworks/<id>.toml.",
        repository: data.release.as_ref().and_then(|r| r.repository.clone()),
        release: data.release.as_ref().map(|r| format!("{} of {}", r.version, r.date)),
        reporting,
        frameworks: state.data.frameworks.len(),
        cells,
        chrome: ctx.chrome.clone(),
    };
    Ok(ctx.render(&page))
}
