//! Content negotiation and rendering: every page is one context struct that renders as HTML (askama) or as
//! JSON (serde), chosen by a `.json` suffix or the `Accept` header.

use crate::error::AppError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{FromRequestParts, RawQuery};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// HTML or JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Want {
    /// A page for people.
    #[default]
    Html,
    /// The JSON twin.
    Json,
}

/// What the layout template needs: asset URLs and the current section.
#[derive(Debug, Clone, Default)]
pub struct Chrome {
    /// URL of the stylesheet.
    pub css: String,
    /// URL of the script.
    pub js: String,
    /// The path requested, without `.json`.
    pub path: String,
    /// The date of the newest review in the dataset ("as of").
    pub data_as_of: String,
    /// The JSON twin of this page.
    pub json_href: String,
}

impl Chrome {
    /// Whether the nav link `prefix` is the current section.
    pub fn current(&self, prefix: &str) -> bool {
        if prefix == "/compare" {
            self.path == "/" || self.path.starts_with("/compare")
        } else {
            self.path.starts_with(prefix)
        }
    }
}

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

    /// Parses the query string into `T`; unknown parameters and malformed values are a 400.
    pub fn query<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        serde_html_form::from_str(self.query.as_deref().unwrap_or(""))
            .map_err(|e| self.error(AppError::bad_request(format!("invalid query string: {e}"))))
    }

    /// Renders `page` as HTML or JSON.
    pub fn render<T: Template + Serialize>(&self, page: &T) -> Response {
        render(self.want, page)
    }

    /// Strips a `.json` suffix from a path segment (`eu-mica.json` → `eu-mica`).
    pub fn id<'a>(&self, raw: &'a str) -> &'a str {
        raw.strip_suffix(".json").unwrap_or(raw)
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
        };
        Ok(Ctx { want, chrome, query })
    }
}

/// JSON when the path ends in `.json` or the client prefers `application/json` over HTML.
pub fn negotiate(path: &str, headers: &HeaderMap) -> Want {
    if path.ends_with(".json") {
        return Want::Json;
    }
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let json = accept.find("application/json");
    let html = accept.find("text/html");
    match (json, html) {
        (Some(j), Some(h)) if j < h => Want::Json,
        (Some(_), None) => Want::Json,
        _ => Want::Html,
    }
}

/// Renders a context struct; a template failure becomes a logged 500.
pub fn render<T: Template + Serialize>(want: Want, page: &T) -> Response {
    let result = match want {
        Want::Json => serde_json::to_string(page)
            .map(|body| ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response())
            .map_err(|e| e.to_string()),
        Want::Html => page
            .render()
            .map(|body| {
                ([(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"))], body).into_response()
            })
            .map_err(|e| e.to_string()),
    };
    let mut response = result.unwrap_or_else(|detail| {
        tracing::error!("rendering failed: {detail}");
        (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
    });
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept"));
    response
}
