//! The one error shape of the web edge: a status, a machine code, a message and the closest valid ids,
//! rendered as JSON or as an HTML page. (Rendering failures are logged and answered with a bare 500.)

use crate::render::{Chrome, Want};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cryptoreg_core::query::{ErrorKind, QueryError};
use serde::Serialize;

/// An error answer.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "error.html")]
pub struct AppError {
    /// HTTP status code.
    pub status: u16,
    /// Machine-readable code (`unknown-framework`, `bad-request`, `not-found`).
    pub error: String,
    /// What went wrong.
    pub message: String,
    /// Closest valid values, if any.
    pub suggestions: Vec<String>,
    /// Where to try the suggestions (URL prefix), for the HTML page.
    #[serde(skip)]
    #[schemars(skip)]
    pub suggestion_base: Option<String>,
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) chrome: Box<Chrome>,
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) want: Want,
}

impl AppError {
    fn new(status: StatusCode, error: &str, message: impl Into<String>) -> Self {
        AppError {
            status: status.as_u16(),
            error: error.to_owned(),
            message: message.into(),
            suggestions: Vec::new(),
            suggestion_base: None,
            chrome: Box::default(),
            want: Want::Html,
        }
    }

    /// 400: malformed input.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad-request", message)
    }

    /// 404: no such page.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not-found", message)
    }

    /// From a core query error: the one mapping of its kind to a status (unknown ids 404 with suggestions,
    /// malformed input 400).
    pub fn from_query(e: QueryError) -> Self {
        let status = match e.kind() {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
        };
        let base = match &e {
            QueryError::UnknownFramework { .. } => Some("/frameworks/"),
            QueryError::UnknownAspect { .. } => Some("/aspects/"),
            QueryError::UnknownJurisdiction { .. } => Some("/jurisdictions/"),
            _ => None,
        };
        AppError {
            suggestions: e.suggestions().to_vec(),
            suggestion_base: base.map(str::to_owned),
            ..Self::new(status, e.code(), e.to_string())
        }
    }

    /// The same error, rendered for `want` with the page chrome.
    pub fn for_request(mut self, want: Want, chrome: Chrome) -> Self {
        self.want = want;
        self.chrome = Box::new(chrome);
        self
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = crate::render::render(self.want, &self);
        *response.status_mut() = status;
        response
    }
}
