//! `/sources`: every document the dataset cites, primary texts first; filtered by framework, jurisdiction and kind.

use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use cryptoreg_core::query::catalog::{SourceList, SourcesInput, source_list};
use serde::{Deserialize, Serialize};

/// Query of `/sources`, as sent; `core` parses it.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SourcesParams {
    /// Framework ids (repeat or comma-separate): only the sources they cite.
    #[serde(default)]
    #[param(required = false)]
    pub f: Vec<String>,
    /// Jurisdictions: codes, names or synonyms (repeat or comma-separate); only the sources cited by the frameworks
    /// that apply there.
    #[serde(default)]
    #[param(required = false)]
    pub j: Vec<String>,
    /// `true`: primary sources only; `false`: secondary sources only.
    pub primary: Option<String>,
}

/// The sources, filtered.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "sources.html")]
pub struct SourcesPage {
    /// The filter, the number of primary sources among those listed, and the sources, primary first.
    #[serde(flatten)]
    pub list: SourceList,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

impl SourcesPage {
    /// The frameworks named in the filter, comma-separated, for the form.
    pub fn frameworks_value(&self) -> String {
        self.list.query.frameworks.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(",")
    }

    /// Whether any filter is set.
    pub fn filtered(&self) -> bool {
        !self.list.query.frameworks.is_empty()
            || !self.list.query.jurisdictions.is_empty()
            || self.list.query.primary.is_some()
    }
}

/// `GET /sources`.
#[utoipa::path(get, path = "/sources.json", params(SourcesParams),
    responses((status = 200, description = "Every cited document, one per URL, with the frameworks citing it; filtered by framework, jurisdiction and kind", content_type = "application/json"),
              (status = 400, description = "Malformed parameter", content_type = "application/json"),
              (status = 404, description = "Unknown framework or jurisdiction", content_type = "application/json")))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let p: SourcesParams = ctx.query()?;
    let input = SourcesInput { frameworks: p.f, jurisdictions: p.j, primary: p.primary };
    let list = source_list(&state.data, &input).map_err(|e| ctx.query_error(e))?;
    Ok(ctx.render(&SourcesPage { list, chrome: ctx.chrome.clone() }))
}
