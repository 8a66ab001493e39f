//! Rendering a page: HTML or JSON, chosen by a `.json` suffix or the `Accept` header, and the layout data
//! (asset URLs, current section) every HTML page needs.

use askama::Template;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

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
    /// The Atom feed that follows this page, if any.
    pub feed_href: Option<String>,
    /// The dataset's release ("2026.11.28 (2026-11-28)"), editorial time.
    pub release: String,
    /// The main navigation: (label, path) of the registered pages listed there.
    pub nav: &'static [(&'static str, &'static str)],
}

impl Chrome {
    /// The main navigation: (label, path) of the registered pages listed there.
    pub fn nav(&self) -> &'static [(&'static str, &'static str)] {
        self.nav
    }

    /// Whether the nav link `prefix` is the current section.
    pub fn current(&self, prefix: &str) -> bool {
        if prefix == "/compare" {
            self.path == "/" || self.path.starts_with("/compare")
        } else {
            self.path.starts_with(prefix)
        }
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

thread_local! {
    /// The length of the largest recent answer of each kind (HTML, JSON) written on this thread, slowly forgotten:
    /// the next one's buffer starts a little larger, so an answer is seldom copied again as its buffer grows.
    static RECENT_LENGTH: [std::cell::Cell<usize>; 2] = const { [std::cell::Cell::new(0), std::cell::Cell::new(0)] };
}

/// The answer written by `write` into a buffer sized from the recent answers of the same kind. The buffer keeps its
/// spare room: most answers are sent and dropped, and the answer cache stores the ones it keeps at their length.
fn sized<E>(want: Want, write: impl FnOnce(&mut Vec<u8>) -> Result<(), E>) -> Result<Vec<u8>, E> {
    RECENT_LENGTH.with(|recent| {
        let recent = &recent[usize::from(want == Want::Json)];
        let mut buffer = Vec::with_capacity((recent.get() / 8 * 9).max(4096));
        write(&mut buffer)?;
        // A large answer raises the estimate at once; smaller ones lower it by a sixteenth each.
        recent.set(buffer.len().max(recent.get() - recent.get() / 16));
        Ok(buffer)
    })
}

/// Renders a context struct; a template failure becomes a logged 500.
pub fn render<T: Template + Serialize>(want: Want, page: &T) -> Response {
    let result = match want {
        // The core's JSON writer writes what serde_json would (tests/it/routes/json_snapshots.rs checks the two agree
        // on every page), escaping with SIMD and reusing each shared cell's kept JSON.
        Want::Json => sized(want, |buffer| cryptoreg_core::json::write(buffer, page))
            .map(|body| ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response())
            .map_err(|e| e.to_string()),
        Want::Html => sized(want, |buffer| Template::write_into(page, buffer))
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
