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
    /// Counts.
    pub frameworks: usize,
    /// Counts.
    pub cells: usize,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
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
#[utoipa::path(get, path = "/about.json",
    responses((status = 200, description = "Licence, how to cite, how to report an error", content_type = "application/json"),
              (status = 400, description = "Unexpected parameter", content_type = "application/json")))]
pub async fn about(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let _: NoParams = ctx.query()?;
    let cells = state.data.frameworks.values().map(|f| f.provisions.len()).sum();
    let page = AboutPage {
        code_licence: "MIT",
        data_licence: "CC BY 4.0",
        how_to_cite: format!(
            "cryptoreg contributors, cryptoreg: an open dataset of crypto-asset regulation, data reviewed as of {}, CC BY 4.0.",
            ctx.chrome.data_as_of
        ),
        report_errors: "Open an issue in the project's repository naming the framework, the aspect, what is wrong and the source (with article or page) that shows it; or send a pull request changing data/frameworks/<id>.toml.",
        frameworks: state.data.frameworks.len(),
        cells,
        chrome: ctx.chrome.clone(),
    };
    Ok(ctx.render(&page))
}
