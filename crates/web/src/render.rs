//! Rendering a page: HTML or JSON, chosen by a `.json` suffix or the `Accept` header, written into a reused buffer;
//! and the layout data (asset URLs, current section) every HTML page needs.

use askama::Template;
use axum::body::Bytes;
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
    let accept = headers.get(header::ACCEPT).map_or(&b""[..], |v| v.as_bytes());
    if accept.is_empty() {
        return Want::Html;
    }
    let json = memchr::memmem::find(accept, b"application/json");
    let html = memchr::memmem::find(accept, b"text/html");
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
    /// Buffers of answers already sent, emptied, for the next answers written on this thread.
    static SPARE_BUFFERS: std::cell::RefCell<Vec<Vec<u8>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many sent answers' buffers a thread keeps for reuse: about as many answers as are written and sent at once.
const SPARE_BUFFERS_PER_THREAD: usize = 4;
/// Buffers larger than this are freed rather than kept (a few pages are that large; they are rare).
const MAX_SPARE_CAPACITY: usize = 1024 * 1024;

/// An answer's buffer, given to the HTTP server as the body: once the body is sent, the buffer goes back to the
/// spare buffers of the thread that drops it instead of to the allocator. Answers are 10 to 500 KB, and allocating
/// and freeing buffers that large for every answer made the allocator hold tens of megabytes it had freed (or,
/// told to return freed memory at once, fault the pages in again for every answer).
struct SentBuffer(Vec<u8>);

impl AsRef<[u8]> for SentBuffer {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl Drop for SentBuffer {
    fn drop(&mut self) {
        let mut buffer = std::mem::take(&mut self.0);
        if buffer.capacity() > MAX_SPARE_CAPACITY {
            return;
        }
        buffer.clear();
        // A thread that is exiting has no spare buffers left to hold this one: it is freed.
        let _ = SPARE_BUFFERS.try_with(|spare| {
            let mut spare = spare.borrow_mut();
            if spare.len() < SPARE_BUFFERS_PER_THREAD {
                spare.push(buffer);
            }
        });
    }
}

/// The answer written by `write` into a spare buffer, or a new one, with room for the recent answers of the same
/// kind; the body returns the buffer for reuse once sent. The answer cache stores the answers it keeps at their
/// length, in buffers of their own.
fn sized<E>(want: Want, write: impl FnOnce(&mut Vec<u8>) -> Result<(), E>) -> Result<Bytes, E> {
    let mut buffer = SPARE_BUFFERS.with(|spare| spare.borrow_mut().pop()).unwrap_or_default();
    RECENT_LENGTH.with(|recent| {
        let recent = &recent[usize::from(want == Want::Json)];
        buffer.reserve((recent.get() / 8 * 9).max(4096));
        write(&mut buffer)?;
        // A large answer raises the estimate at once; smaller ones lower it by a sixteenth each.
        recent.set(buffer.len().max(recent.get() - recent.get() / 16));
        Ok(Bytes::from_owner(SentBuffer(buffer)))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(text: &str) -> Bytes {
        let written: Result<Bytes, std::convert::Infallible> = sized(Want::Html, |buffer| {
            buffer.extend_from_slice(text.as_bytes());
            Ok(())
        });
        written.unwrap_or_else(|never| match never {})
    }

    fn spare() -> usize {
        SPARE_BUFFERS.with(|spare| spare.borrow().len())
    }

    #[test]
    fn a_sent_answers_buffer_serves_the_next_answer_and_few_are_kept() {
        let first = answer("<p>first</p>");
        let at = first.as_ptr();
        drop(first);
        let second = answer("<p>second</p>");
        assert_eq!(second.as_ptr(), at, "the first answer's buffer is reused");
        assert_eq!(&second[..], b"<p>second</p>");
        let sent: Vec<Bytes> = (0..3 * SPARE_BUFFERS_PER_THREAD).map(|i| answer(&i.to_string())).collect();
        drop(sent);
        drop(second);
        assert_eq!(spare(), SPARE_BUFFERS_PER_THREAD, "a thread keeps a few buffers, not every one it sent");
        let large: Result<Bytes, std::convert::Infallible> = sized(Want::Json, |buffer| {
            buffer.reserve(MAX_SPARE_CAPACITY + 1);
            Ok(())
        });
        SPARE_BUFFERS.with(|spare| spare.borrow_mut().clear());
        drop(large);
        assert_eq!(spare(), 0, "a buffer larger than {MAX_SPARE_CAPACITY} bytes is freed");
    }
}
