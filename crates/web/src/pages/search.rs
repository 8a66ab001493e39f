//! `/search?q=`: frameworks, cells, jurisdictions (by the names people type), glossary terms and sources,
//! ranked. The query is parsed by `core`; the index is `store`'s.

use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use cryptoreg_core::query::search::{Hit, SearchQuery};
use serde::{Deserialize, Serialize};

/// Query of `/search`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    /// What to look for (words; a country's common name finds its regimes).
    pub q: Option<String>,
}

/// The search page and its JSON twin.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "search.html")]
pub struct SearchPage {
    /// The query as parsed; `null` before a search.
    pub query: Option<SearchQuery>,
    /// The hits, most relevant first (at most 50).
    pub hits: Vec<Hit>,
    /// Why there are no hits, if the search could not run.
    pub message: Option<String>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

/// `GET /search`.
#[utoipa::path(get, path = "/search.json", params(SearchParams),
    responses((status = 200, description = "Hits, most relevant first", content_type = "application/json"),
              (status = 400, description = "A query too long or without words", content_type = "application/json")))]
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let params: SearchParams = ctx.query()?;
    let query = SearchQuery::parse(params.q.as_deref()).map_err(|e| ctx.query_error(e))?;
    let (hits, message) = match (&query, state.search_index()) {
        (None, _) => (Vec::new(), None),
        (Some(q), Some(index)) => match index.search(q, 50) {
            Ok(hits) => (hits, None),
            Err(e) => {
                tracing::error!("{e}");
                (Vec::new(), Some("Search is not available right now.".to_owned()))
            }
        },
        (Some(_), None) => (Vec::new(), Some("Search is not available right now.".to_owned())),
    };
    Ok(ctx.render(&SearchPage { query, hits, message, chrome: ctx.chrome.clone() }))
}
