//! A bounded in-memory cache of rendered answers, and HTTP caching for the caches in front of the server. The
//! dataset is read-only at run time, so a GET answer depends only on the URI and on whether HTML or JSON was asked
//! for: successful answers asked for more than once are kept (weighed by body size) and served again without rebuilding the page. Every
//! successful answer carries an `ETag` (the data's release and a hash of the body) and a `Cache-Control` suited to
//! it; a request whose `If-None-Match` matches gets `304 Not Modified`, so a CDN or proxy can revalidate cheaply.
//! A kept answer is compressed at most once per coding (brotli, gzip), the first time a request takes that coding:
//! repeats are served the stored variant with no work (the compression layer leaves encoded bodies alone), and an
//! answer nobody asks for compressed is never compressed.
//!
//! A kept answer serves only the UTC day it was built on: a page without an as-of date shows today's date and today's
//! state of every cell, so it changes at midnight.
//!
//! An answer is kept only when its URI was asked for before (a doorkeeper, as in TinyLFU): under a varied load
//! nearly every request is new, and keeping each answer would cost the copy, the eviction and megabytes of allocator
//! pages held for bodies nobody asks for again, while a repeated URI is kept from its second request.

use crate::render::{Want, negotiate};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use http_body_util::BodyExt as _;
use quick_cache::{Weighter, sync::Cache};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// Bodies larger than this are not cached (they are rare and cheap to miss).
const MAX_BODY: usize = 2 * 1024 * 1024;
/// Total megabytes kept by default, every encoding counted: enough for the hot pages (about twenty of the seed
/// comparison's size), small so that the process stays under 40 MB after a minute of varied URLs; a CDN in front
/// serves the other repeats (`serve --cache-mb` changes it).
pub const DEFAULT_CAPACITY_MB: u64 = 2;
/// Bodies smaller than this are not worth compressing.
const MIN_COMPRESSED: usize = 1024;

/// A cached answer, with its body compressed at most once in each coding browsers accept (the cache hands out the
/// entry shared, so a variant made for one request serves the next).
pub struct Entry {
    /// The UTC day the answer was built on ([`utc_day`]).
    day: u64,
    headers: HeaderMap,
    body: Bytes,
    brotli: OnceLock<Option<Bytes>>,
    gzip: OnceLock<Option<Bytes>>,
}

/// The content codings a request accepts, from `Accept-Encoding` (a coding with `q=0` is refused).
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
        |item| {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| p.replace(' ', "").strip_prefix("q=").is_some_and(|q| q.parse() == Ok(0.0)));
            name.eq_ignore_ascii_case(coding) && !refused
        },
    )
}

fn brotli(body: &[u8]) -> Option<Bytes> {
    let mut out = Vec::with_capacity(body.len() / 4);
    // Quality 5: close to the best ratio for HTML at a fraction of the time of the slowest settings.
    let params = brotli::enc::BrotliEncoderParams { quality: 5, ..Default::default() };
    brotli::BrotliCompress(&mut &body[..], &mut out, &params).ok()?;
    Some(Bytes::from(out))
}

fn gzip(body: &[u8]) -> Option<Bytes> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 3), flate2::Compression::new(6));
    encoder.write_all(body).ok()?;
    encoder.finish().ok().map(Bytes::from)
}

impl Entry {
    /// An answer to keep; its compressed variants are made when first asked for.
    fn new(day: u64, headers: HeaderMap, body: Bytes) -> Self {
        Entry { day, headers, body, brotli: OnceLock::new(), gzip: OnceLock::new() }
    }

    /// Whether the body gains from compression.
    fn compressible(&self) -> bool {
        self.body.len() >= MIN_COMPRESSED && !self.headers.contains_key(header::CONTENT_ENCODING)
    }

    /// The headers and body for a request: brotli or gzip where it accepts them, else the plain body.
    fn for_request(&self, request_headers: &HeaderMap) -> (HeaderMap, Bytes) {
        let mut headers = self.headers.clone();
        if !self.compressible() {
            return (headers, self.body.clone());
        }
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        let encoded = if accepts(request_headers, "br") {
            self.brotli.get_or_init(|| brotli(&self.body)).clone().map(|b| ("br", b))
        } else if accepts(request_headers, "gzip") {
            self.gzip.get_or_init(|| gzip(&self.body)).clone().map(|b| ("gzip", b))
        } else {
            None
        };
        match encoded {
            Some((coding, body)) => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
                headers.remove(header::CONTENT_LENGTH);
                (headers, body)
            }
            None => (headers, self.body.clone()),
        }
    }
}

#[derive(Clone)]
struct BodyWeight;

impl Weighter<(String, bool), Arc<Entry>> for BodyWeight {
    fn weight(&self, key: &(String, bool), entry: &Arc<Entry>) -> u64 {
        // Weighed when stored, before any variant exists: both compressed variants together stay under half the
        // plain body for these pages, so the body counts one and a half times.
        (key.0.len() + entry.body.len() * 3 / 2 + 256) as u64
    }
}

/// Kept answers by URI and whether JSON was asked for.
type Answers = Cache<(String, bool), Arc<Entry>, BodyWeight>;

/// How many recently missed keys the doorkeeper remembers (a power of two; 8 bytes each).
const DOORKEEPER_SLOTS: usize = 8192;

/// The fingerprints of keys that missed recently, one per slot (a newer key in the same slot forgets the older).
struct Doorkeeper {
    slots: Box<[AtomicU64]>,
}

impl Doorkeeper {
    fn new() -> Self {
        Doorkeeper { slots: (0..DOORKEEPER_SLOTS).map(|_| AtomicU64::new(0)).collect() }
    }

    /// Whether `key` missed before (and is still remembered); either way it is remembered now.
    fn missed_before(&self, key: &(String, bool)) -> bool {
        // Never 0, the value of an empty slot.
        let fingerprint = twox_hash::XxHash3_64::oneshot_with_seed(u64::from(key.1), key.0.as_bytes()) | 1;
        let slot = &self.slots[(fingerprint >> 1) as usize % DOORKEEPER_SLOTS];
        slot.swap(fingerprint, Ordering::Relaxed) == fingerprint
    }
}

/// The kept answers and the doorkeeper that admits them.
struct Kept {
    answers: Answers,
    doorkeeper: Doorkeeper,
}

impl Kept {
    /// The answer kept for `key` if it was built on `day`; one built on an earlier day is dropped.
    fn answer_of(&self, key: &(String, bool), day: u64) -> Option<Arc<Entry>> {
        let entry = self.answers.get(key)?;
        if entry.day == day {
            return Some(entry);
        }
        self.answers.remove(key);
        None
    }
}

/// Days since 1970-01-01 in UTC, the calendar of `IsoDate::today` that pages show as "today".
fn utc_day() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |since| since.as_secs() / 86_400)
}

/// The cache shared by all requests (none when its capacity is 0), and the release that prefixes every ETag.
#[derive(Clone)]
pub struct AnswerCache {
    kept: Option<Arc<Kept>>,
    release: Arc<str>,
}

impl AnswerCache {
    /// An empty cache of `capacity_mb` megabytes for answers of the data release `release`.
    pub fn new(release: &str, capacity_mb: u64) -> Self {
        let bytes = capacity_mb.saturating_mul(1024 * 1024);
        // One shard: quick_cache splits its capacity between its shards (four per core by default) and refuses an
        // item heavier than a shard's part, so on a many-core machine a small cache would keep no page at all. A
        // lookup takes a read lock, and only repeated URIs are inserted, so one lock is not contended. (`build` fails
        // only without a weight capacity, which is always set.)
        let options = quick_cache::OptionsBuilder::new()
            .shards(1)
            .weight_capacity(bytes)
            .estimated_items_capacity((bytes / (32 * 1024)).clamp(16, 4096) as usize)
            .build()
            .ok()
            .filter(|_| bytes > 0);
        let kept = options.map(|options| {
            let answers = Cache::with_options(options, BodyWeight, Default::default(), Default::default());
            Arc::new(Kept { answers, doorkeeper: Doorkeeper::new() })
        });
        AnswerCache { kept, release: release.into() }
    }
}

/// How long caches may keep an answer: pages, twins and feeds change only with a new release.
const CACHE_CONTROL: &str = "public, max-age=300, stale-while-revalidate=3600";

/// The strong ETag of a body in a release: equal bodies of one release get equal tags, on every replica and build
/// (XXH3-128 is a fixed function, unlike the standard library's hasher). twox-hash picks AVX2 at run time where the
/// processor has it: a 300 KB JSON answer hashes in about 8 µs instead of 14 with the SSE2 code alone.
fn etag(release: &str, body: &[u8]) -> HeaderValue {
    let release: String = release.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
    HeaderValue::from_str(&format!("\"{release}-{:032x}\"", twox_hash::XxHash3_128::oneshot(body)))
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
    let uri = request.uri();
    // The path and query, as the URI is written in a request to the server itself (a proxy's request names the host).
    let text = match uri.path_and_query() {
        Some(path_and_query) if uri.scheme().is_none() => path_and_query.as_str().to_owned(),
        _ => uri.to_string(),
    };
    let key = (text, negotiate(uri.path(), request.headers()) == Want::Json);
    let day = utc_day();
    if let Some(hit) = cache.kept.as_ref().and_then(|kept| kept.answer_of(&key, day)) {
        let (headers, body) = hit.for_request(request.headers());
        return answer(request.headers(), headers, body);
    }
    let request_headers = request.headers().clone();
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
            let admitted =
                cache.kept.as_ref().filter(|kept| bytes.len() <= MAX_BODY && kept.doorkeeper.missed_before(&key));
            let Some(kept) = admitted else {
                return answer(&request_headers, parts.headers, bytes);
            };
            // Stored at its length: the body's buffer may have room to spare.
            let entry = Arc::new(Entry::new(day, parts.headers, Bytes::copy_from_slice(&bytes)));
            let (headers, body) = entry.for_request(&request_headers);
            kept.answers.insert(key, entry);
            answer(&request_headers, headers, body)
        }
        Err(e) => {
            tracing::error!("reading a response body failed: {e}");
            let mut r = Response::new(Body::from("internal error"));
            *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(accept_encoding: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(accept_encoding).expect("header"));
        h
    }

    #[test]
    fn an_etag_is_the_release_and_the_xxh3_128_of_the_body_on_every_build() {
        // Reference values of XXH3-128 (the same from xxhash-rust, which made the tags before): a change of hash
        // function or of its code path (AVX2 or not) would make every replica's tags differ and caches refetch.
        assert_eq!(etag("2026.11", b"<p>cell</p>"), "\"2026.11-1010bc844e61d9f0ba3ef900dde51129\"");
        let long: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
        assert_eq!(
            etag("r 1/x", &long),
            "\"r1x-b92ec02c39d33ce7b418500fc42320ee\"",
            "the release is kept to [A-Za-z0-9.]"
        );
    }

    #[test]
    fn accept_encoding_is_read_with_its_refusals() {
        assert!(accepts(&request("gzip, deflate, br"), "br"));
        assert!(accepts(&request("GZIP;q=0.5"), "gzip"));
        assert!(!accepts(&request("gzip, br;q=0"), "br"));
        assert!(!accepts(&request("identity"), "gzip"));
        assert!(!accepts(&HeaderMap::new(), "br"));
    }

    /// `/page` behind the cache layer of `cache`, answered by `body` of the number of answers built so far, and the
    /// count of answers it built.
    fn counting_app(
        cache: &AnswerCache,
        body: impl Fn(usize) -> String + Clone + Send + Sync + 'static,
    ) -> (axum::Router, Arc<std::sync::atomic::AtomicUsize>) {
        let built = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = built.clone();
        let handler = move || {
            let text = body(counter.fetch_add(1, Ordering::Relaxed));
            async move { text }
        };
        let app = axum::Router::new()
            .route("/page", axum::routing::get(handler))
            .layer(axum::middleware::from_fn_with_state(cache.clone(), layer));
        (app, built)
    }

    /// Sends `uri` through `app` and returns the body of its 200 answer.
    async fn send(app: &axum::Router, uri: &str) -> Bytes {
        use tower::ServiceExt as _;
        let request = Request::get(uri).body(Body::empty()).expect("request");
        let response = app.clone().oneshot(request).await.expect("infallible");
        assert_eq!(response.status(), StatusCode::OK);
        response.into_body().collect().await.expect("body").to_bytes()
    }

    #[tokio::test]
    async fn an_answer_is_kept_from_the_second_time_its_uri_is_asked_for() {
        let cache = AnswerCache::new("r1", 1);
        let (app, built) = counting_app(&cache, |n| format!("built {n}"));
        let answers = || &cache.kept.as_ref().expect("cache on").answers;
        for i in 0..100 {
            send(&app, &format!("/page?n={i}")).await;
        }
        assert_eq!(built.load(Ordering::Relaxed), 100);
        assert_eq!(answers().len(), 0, "URIs asked for once are not kept");
        let first = send(&app, "/page?n=7").await;
        assert_eq!(answers().len(), 1, "a URI asked for again is kept");
        for _ in 0..3 {
            assert_eq!(send(&app, "/page?n=7").await, first, "and served as kept");
        }
        assert_eq!(built.load(Ordering::Relaxed), 101, "without building it again");
    }

    #[tokio::test]
    async fn a_cache_keeps_an_answer_of_a_third_of_its_budget_whatever_the_cores() {
        // A large JSON twin: 600 KB, weighed 900 KB, in a 2 MB cache.
        let cache = AnswerCache::new("r1", 2);
        let (app, built) = counting_app(&cache, |_| "x".repeat(600 * 1024));
        for _ in 0..5 {
            assert_eq!(send(&app, "/page").await.len(), 600 * 1024);
        }
        assert_eq!(built.load(Ordering::Relaxed), 2, "built on the first two requests, then served as kept");
    }

    #[test]
    fn a_kept_answer_serves_only_the_day_it_was_built_on() {
        let cache = AnswerCache::new("r1", 1);
        let kept = cache.kept.as_ref().expect("cache on");
        let key = ("/compare?f=eu-mica".to_owned(), false);
        kept.answers.insert(key.clone(), Arc::new(Entry::new(20_000, HeaderMap::new(), Bytes::from("today's page"))));
        assert!(kept.answer_of(&key, 20_000).is_some(), "the same day, the kept answer is served");
        assert!(kept.answer_of(&key, 20_001).is_none(), "the next day, the answer is built again");
        assert_eq!(kept.answers.len(), 0, "and the stale one is dropped");
        let today = cryptoreg_core::ids::IsoDate::today().date();
        let epoch = jiff::civil::date(1970, 1, 1);
        assert_eq!(utc_day() as i64, i64::from((today - epoch).get_days()), "the day of IsoDate::today");
    }

    #[test]
    fn a_kept_answer_is_compressed_once_and_served_in_the_coding_asked_for() {
        let body = Bytes::from("<p>cell</p>".repeat(500));
        let entry = Entry::new(0, HeaderMap::new(), body.clone());
        assert!(entry.brotli.get().is_none() && entry.gzip.get().is_none(), "nothing is compressed before it is asked");
        let (headers, served) = entry.for_request(&request("gzip, br"));
        assert_eq!(headers.get(header::CONTENT_ENCODING).map(|v| v.as_bytes()), Some(&b"br"[..]));
        let stored_br = entry.brotli.get().cloned().flatten().expect("br kept");
        assert!(stored_br.len() < body.len() / 10);
        assert_eq!(served, stored_br, "the stored variant is sent");
        assert!(entry.gzip.get().is_none(), "gzip is made only when a request takes it");
        let (headers, served) = entry.for_request(&request("gzip"));
        assert_eq!(headers.get(header::CONTENT_ENCODING).map(|v| v.as_bytes()), Some(&b"gzip"[..]));
        assert_eq!(Some(served), entry.gzip.get().cloned().flatten());
        let (headers, served) = entry.for_request(&HeaderMap::new());
        assert!(headers.get(header::CONTENT_ENCODING).is_none());
        assert_eq!(served, body);
        let small = Entry::new(0, HeaderMap::new(), Bytes::from_static(b"tiny"));
        let (headers, _) = small.for_request(&request("br"));
        assert!(headers.get(header::CONTENT_ENCODING).is_none(), "small bodies are not worth compressing");
    }
}
