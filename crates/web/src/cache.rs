//! A bounded in-memory cache of rendered answers. The dataset is read-only at run time, so a GET answer depends
//! only on the URI and on whether HTML or JSON was asked for: successful answers are kept (weighed by body size)
//! and served again without rebuilding the page.

use crate::render::{Want, negotiate};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
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

/// The cache shared by all requests.
#[derive(Clone)]
pub struct AnswerCache(Arc<Cache<(String, bool), Entry, BodyWeight>>);

impl AnswerCache {
    /// An empty cache.
    pub fn new() -> Self {
        AnswerCache(Arc::new(Cache::with_weighter(4096, CAPACITY_BYTES, BodyWeight)))
    }
}

/// Middleware: serve GET answers from the cache, and remember successful ones.
pub async fn layer(State(cache): State<AnswerCache>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let key = (request.uri().to_string(), negotiate(request.uri().path(), request.headers()) == Want::Json);
    if let Some(hit) = cache.0.get(&key) {
        let mut response = Response::new(Body::from(hit.body));
        *response.headers_mut() = hit.headers;
        return response;
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    let (parts, body) = response.into_parts();
    match body.collect().await {
        Ok(collected) => {
            let bytes = collected.to_bytes();
            if bytes.len() <= MAX_BODY {
                cache.0.insert(key, Entry { headers: parts.headers.clone(), body: bytes.clone() });
            }
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(e) => {
            tracing::error!("reading a response body failed: {e}");
            let mut r = Response::new(Body::from("internal error"));
            *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            r
        }
    }
}
