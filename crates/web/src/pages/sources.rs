//! `/sources`: every document the dataset cites, primary texts first.

use super::NoParams;
use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use cryptoreg_core::query::catalog::{SourceListing, sources};
use serde::Serialize;

/// Every source.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "sources.html")]
pub struct SourcesPage {
    /// Number of primary sources.
    pub primary_count: usize,
    /// Sources, primary first.
    pub sources: Vec<SourceListing>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// `GET /sources`.
#[utoipa::path(get, path = "/sources.json",
    responses((status = 200, description = "Every cited document, one per URL, with the frameworks citing it", content_type = "application/json"),
              (status = 400, description = "Unexpected parameter", content_type = "application/json")))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let _: NoParams = ctx.query()?;
    let sources = sources(&state.data);
    let primary_count = sources.iter().filter(|s| s.primary).count();
    Ok(ctx.render(&SourcesPage { primary_count, sources, chrome: ctx.chrome.clone() }))
}
