//! The per-request context of page handlers: which representation was asked for, the layout data, the raw
//! query string; parsing the query into a handler's parameter struct (a 400 on anything unexpected).

use crate::error::AppError;
use crate::render::{Chrome, Want, negotiate, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{FromRequestParts, RawQuery};
use axum::http::request::Parts;
use axum::response::{IntoResponse as _, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Per-request context extracted for every page handler.
pub struct Ctx {
    /// Which representation to send.
    pub want: Want,
    /// Layout data.
    pub chrome: Chrome,
    /// The raw query string.
    pub query: Option<String>,
}

impl Ctx {
    /// An error rendered for this request.
    pub fn error(&self, e: AppError) -> AppError {
        e.for_request(self.want, self.chrome.clone())
    }

    /// A core query error rendered for this request.
    pub fn query_error(&self, e: cryptoreg_core::query::QueryError) -> AppError {
        self.error(AppError::from_query(e))
    }

    /// Parses the query string into `T`; unknown parameters and malformed values are a 400.
    pub fn query<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        serde_html_form::from_str(self.query.as_deref().unwrap_or(""))
            .map_err(|e| self.error(AppError::bad_request(format!("invalid query string: {e}"))))
    }

    /// Renders `page` as HTML or JSON.
    pub fn render<T: Template + Serialize>(&self, page: &T) -> Response {
        render(self.want, page)
    }

    /// A permanent redirect to the canonical spelling of the last path segment (`/frameworks/EU-MICA` →
    /// `/frameworks/eu-mica`, `/jurisdictions/France` → `/jurisdictions/FR`), keeping `.json` and the query;
    /// `None` when the segment is already canonical.
    pub fn canonical(&self, raw: &str, canonical: &str) -> Option<Response> {
        let given = self.id(raw);
        if given == canonical {
            return None;
        }
        let path = self.chrome.path.strip_suffix(given).unwrap_or(&self.chrome.path);
        let json = if raw.ends_with(".json") { ".json" } else { "" };
        let query = self.query.as_deref().filter(|q| !q.is_empty()).map(|q| format!("?{q}")).unwrap_or_default();
        Some(axum::response::Redirect::permanent(&format!("{path}{canonical}{json}{query}")).into_response())
    }

    /// Strips a `.json` suffix from a path segment (`eu-mica.json` → `eu-mica`).
    pub fn id<'a>(&self, raw: &'a str) -> &'a str {
        raw.strip_suffix(".json").unwrap_or(raw)
    }
}

/// The Atom feed that follows a page: `/changes`, a framework, a jurisdiction or an aspect.
fn feed_of(path: &str) -> Option<String> {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["changes"] => Some("/changes.atom".to_owned()),
        [section @ ("frameworks" | "jurisdictions" | "aspects"), id] if !id.is_empty() => {
            Some(format!("/{section}/{id}/changes.atom"))
        }
        _ => None,
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let path = parts.uri.path().to_owned();
        let path = path.as_str();
        let want = negotiate(path, &parts.headers);
        let RawQuery(query) = RawQuery::from_request_parts(parts, state).await?;
        let base = path.strip_suffix(".json").unwrap_or(path);
        let json_path = if base == "/" { "/index.json".to_owned() } else { format!("{base}.json") };
        let json_href = match &query {
            Some(q) if !q.is_empty() => format!("{json_path}?{q}"),
            _ => json_path,
        };
        let chrome = Chrome {
            json_href,
            css: format!("/static/{}", state.assets.css.hashed_name),
            js: format!("/static/{}", state.assets.js.hashed_name),
            path: path.strip_suffix(".json").unwrap_or(path).to_owned(),
            data_as_of: state.newest_review.clone(),
            feed_href: feed_of(base),
            release: state.data.release.as_ref().map(|r| format!("{} ({})", r.version, r.date)).unwrap_or_default(),
            nav: state.nav,
        };
        Ok(Ctx { want, chrome, query })
    }
}
