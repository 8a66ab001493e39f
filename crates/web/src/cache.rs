//! A bounded in-memory cache of rendered answers, and HTTP caching for the caches in front of the server. The
//! dataset is read-only at run time, so a GET answer depends only on the URI and on whether HTML or JSON was asked
//! for: successful answers are kept (weighed by body size) and served again without rebuilding the page. Every
//! successful answer carries an `ETag` (the data's release and a hash of the body) and a `Cache-Control` suited to
//! it; a request whose `If-None-Match` matches gets `304 Not Modified`, so a CDN or proxy can revalidate cheaply.

use crate::render::{Want, negotiate};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use http_body_util::BodyExt as _;
use quick_cache::{Weighter, sync::Cache};
use std::sync::Arc;

/// Bodies larger than this are not cached (they are rare and cheap to miss).
const MAX_BODY: usize = 2 * 1024 * 1024;
/// Total bytes kept.
const CAPACITY_BYTES: u64 = 48 * 1024 * 1024;

/// A cached answer.
#[derive(Clone)]
pub struct Entry {
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Clone)]
struct BodyWeight;

impl Weighter<(String, bool), Entry> for BodyWeight {
    fn weight(&self, key: &(String, bool), entry: &Entry) -> u64 {
        (key.0.len() + entry.body.len() + 256) as u64
    }
}

/// The cache shared by all requests, and the release that prefixes every ETag.
#[derive(Clone)]
pub struct AnswerCache {
    answers: Arc<Cache<(String, bool), Entry, BodyWeight>>,
    release: Arc<str>,
}

impl AnswerCache {
    /// An empty cache for answers of the data release `release`.
    pub fn new(release: &str) -> Self {
        AnswerCache {
            answers: Arc::new(Cache::with_weighter(4096, CAPACITY_BYTES, BodyWeight)),
            release: release.into(),
        }
    }
}

/// How long caches may keep an answer: pages, twins and feeds change only with a new release.
const CACHE_CONTROL: &str = "public, max-age=300, stale-while-revalidate=3600";

/// The strong ETag of a body in a release: equal bodies of one release (and one build) get equal tags.
fn etag(release: &str, body: &[u8]) -> HeaderValue {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    let release: String = release.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
    HeaderValue::from_str(&format!("\"{release}-{:016x}\"", hasher.finish()))
        .unwrap_or(HeaderValue::from_static("\"0\""))
}

/// Whether `If-None-Match` names this tag (or `*`).
fn not_modified(request_headers: &HeaderMap, tag: &HeaderValue) -> bool {
    let Some(wanted) = request_headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) else { return false };
    let tag = tag.to_str().unwrap_or("");
    wanted.split(',').map(str::trim).any(|w| w == "*" || w == tag || w.strip_prefix("W/") == Some(tag))
}

/// The answer to send: 304 with the validators when the client already has it, else the full answer.
fn answer(request_headers: &HeaderMap, mut headers: HeaderMap, body: Bytes) -> Response {
    let tag = headers.get(header::ETAG).cloned();
    if let Some(tag) = tag.filter(|t| not_modified(request_headers, t)) {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        for name in [header::CACHE_CONTROL, header::VARY, header::CONTENT_TYPE] {
            if let Some(v) = headers.remove(&name) {
                response.headers_mut().insert(name, v);
            }
        }
        response.headers_mut().insert(header::ETAG, tag);
        return response;
    }
    let mut response = Response::new(Body::from(body));
    *response.headers_mut() = headers;
    response
}

/// Middleware: serve GET answers from the cache (or 304), and remember successful ones with their ETag.
pub async fn layer(State(cache): State<AnswerCache>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let key = (request.uri().to_string(), negotiate(request.uri().path(), request.headers()) == Want::Json);
    let request_headers = request.headers().clone();
    if let Some(hit) = cache.answers.get(&key) {
        return answer(&request_headers, hit.headers, hit.body);
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    match body.collect().await {
        Ok(collected) => {
            let bytes = collected.to_bytes();
            parts.headers.insert(header::ETAG, etag(&cache.release, &bytes));
            if !parts.headers.contains_key(header::CACHE_CONTROL) {
                parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE_CONTROL));
            }
            if bytes.len() <= MAX_BODY {
                cache.answers.insert(key, Entry { headers: parts.headers.clone(), body: bytes.clone() });
            }
            answer(&request_headers, parts.headers, bytes)
        }
        Err(e) => {
            tracing::error!("reading a response body failed: {e}");
            let mut r = Response::new(Body::from("internal error"));
            *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            r
        }
    }
}
