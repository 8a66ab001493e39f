//! Security headers, CORS on JSON, compression and caching of static assets.

use crate::harness::{fixture, get};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for uri in ["/", "/compare.json", "/nosuch", "/frameworks/alpha-law"] {
        let a = get(uri).await;
        let csp = a.header("content-security-policy");
        assert!(
            csp.contains("default-src 'none'")
                && csp.contains("script-src 'self'")
                && csp.contains("frame-ancestors 'none'"),
            "{uri}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(a.header("x-content-type-options"), "nosniff", "{uri}");
        assert_eq!(a.header("referrer-policy"), "no-referrer", "{uri}");
        assert_eq!(a.header("x-frame-options"), "DENY", "{uri}");
        assert_eq!(a.header("cross-origin-opener-policy"), "same-origin", "{uri}");
    }
}

#[tokio::test]
async fn html_has_no_inline_script_or_style_and_no_third_party_urls() {
    let a = get("/compare?f=alpha-law&f=beta-standard").await;
    assert!(!a.body.contains("<script>"), "inline script");
    assert!(!a.body.contains("style=\""), "inline style");
    assert!(!a.body.contains("<style"), "style element");
    for tag in ["<script src=\"", "<link rel=\"stylesheet\" href=\""] {
        let start = a.body.find(tag).expect(tag) + tag.len();
        assert!(a.body[start..].starts_with("/static/"), "{tag} must be same-origin");
    }
}

#[tokio::test]
async fn static_assets_are_hashed_and_cached_forever() {
    let page = get("/").await;
    let start = page.body.find("/static/style.").expect("stylesheet link");
    let end = start + page.body[start..].find('"').expect("quote");
    let css = get(&page.body[start..end]).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.header("content-type").starts_with("text/css"));
    assert!(css.header("cache-control").contains("immutable"));
}

#[tokio::test]
async fn json_allows_cross_origin_get_and_compresses() {
    let app = cryptoreg_web::app(cryptoreg_web::AppState::new(fixture()));
    let request = Request::builder()
        .uri("/compare.json?f=alpha-law&f=beta-standard")
        .header(header::ORIGIN, "https://example.org")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .expect("request");
    let response = app.oneshot(request).await.expect("infallible");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN).and_then(|v| v.to_str().ok()), Some("*"));
    assert_eq!(response.headers().get(header::CONTENT_ENCODING).and_then(|v| v.to_str().ok()), Some("gzip"));
    // Any origin gets the same answer, so caches in front need not keep one copy per origin.
    let vary: Vec<&str> = response.headers().get_all(header::VARY).iter().filter_map(|v| v.to_str().ok()).collect();
    assert!(!vary.iter().any(|v| v.to_lowercase().contains("origin")), "{vary:?}");
}

#[tokio::test]
async fn the_answer_cache_keeps_html_and_json_apart_and_keeps_headers() {
    let app = cryptoreg_web::app(cryptoreg_web::AppState::new(fixture()));
    let uri = "/compare?f=alpha-law&f=beta-standard";
    let mut bodies = Vec::new();
    for accept in ["text/html", "application/json", "text/html", "application/json"] {
        let request = Request::builder().uri(uri).header(header::ACCEPT, accept).body(Body::empty()).expect("request");
        let response = app.clone().oneshot(request).await.expect("infallible");
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            response.headers().contains_key(header::CONTENT_SECURITY_POLICY),
            "security headers on cached answers too"
        );
        let content_type =
            response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        let body = http_body_util::BodyExt::collect(response.into_body()).await.expect("body").to_bytes();
        bodies.push((content_type, body));
    }
    assert!(bodies[0].0.starts_with("text/html") && bodies[1].0 == "application/json");
    assert_eq!(bodies[0], bodies[2], "second HTML answer equals the first");
    assert_eq!(bodies[1], bodies[3], "second JSON answer equals the first");
}

#[tokio::test]
async fn answers_carry_an_etag_and_cache_control_and_revalidate_with_304() {
    // Issue #14: caches in front of the server can keep answers and revalidate them cheaply, with the answer cache
    // on (the default) or turned off (`serve --cache-mb 0`).
    for cache_mb in [cryptoreg_web::DEFAULT_CACHE_MB, 0] {
        let app = cryptoreg_web::app(cryptoreg_web::AppState::new(fixture()).with_cache_mb(cache_mb));
        revalidates(app).await;
    }
    let immutable = get("/compare").await;
    let css = immutable.body.split("href=\"/static/").nth(1).and_then(|s| s.split('"').next()).expect("css");
    let asset = get(&format!("/static/{css}")).await;
    assert!(asset.header("cache-control").contains("immutable"), "assets keep their own, longer policy");
}

/// Each answer of `app` has a stable ETag and a Cache-Control, and a matching If-None-Match gets 304.
async fn revalidates(app: axum::Router) {
    let send = |uri: &str, tag: Option<&str>| {
        let mut request = Request::get(uri);
        if let Some(t) = tag {
            request = request.header(header::IF_NONE_MATCH, t);
        }
        app.clone().oneshot(request.body(Body::empty()).expect("request"))
    };
    for uri in ["/compare?f=alpha-law&f=beta-standard", "/frameworks/alpha-law.json", "/changes.atom"] {
        // Twice: the first answer is built, the second comes from the answer cache (if on); both carry the same tag.
        let first = send(uri, None).await.expect("answer");
        let second = send(uri, None).await.expect("answer");
        let tag = first.headers().get(header::ETAG).expect("etag").to_str().expect("ascii").to_owned();
        assert!(tag.starts_with("\"2026.11.01-"), "{uri}: the tag names the release: {tag}");
        assert_eq!(second.headers().get(header::ETAG).and_then(|t| t.to_str().ok()), Some(tag.as_str()), "{uri}");
        let cache_control = first.headers().get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()).unwrap_or("");
        assert!(cache_control.starts_with("public, max-age="), "{uri}: {cache_control}");
        let revalidated = send(uri, Some(&tag)).await.expect("answer");
        assert_eq!(revalidated.status(), StatusCode::NOT_MODIFIED, "{uri}");
        let body = http_body_util::BodyExt::collect(revalidated.into_body()).await.expect("body").to_bytes();
        assert!(body.is_empty(), "{uri}: a 304 has no body");
        let other = send(uri, Some("\"2026.11.01-0000000000000000\"")).await.expect("answer");
        assert_eq!(other.status(), StatusCode::OK, "{uri}: a stale tag gets the full answer");
    }
}

#[tokio::test]
async fn the_favicon_is_served() {
    let icon = get("/favicon.ico").await;
    assert_eq!(icon.status, StatusCode::OK);
    assert_eq!(icon.header("content-type"), "image/svg+xml");
}

#[tokio::test]
async fn every_coding_asked_for_decodes_to_the_same_page_built_or_cached() {
    // Issue #14: the answer cache serves stored brotli and gzip variants. From outside, a stored variant and one made
    // by the compression layer look alike, so this test checks what a client sees (the coding chosen, Vary, the
    // decoded bytes); that a variant is made once and then reused is tested in `cache.rs`.
    let app = cryptoreg_web::app(cryptoreg_web::AppState::new(fixture()));
    let send = |coding: Option<&'static str>| {
        let mut request = Request::get("/compare?f=alpha-law&f=beta-standard");
        if let Some(c) = coding {
            request = request.header(header::ACCEPT_ENCODING, c);
        }
        let app = app.clone();
        async move {
            let response = app.oneshot(request.body(Body::empty()).expect("request")).await.expect("answer");
            let encoding =
                response.headers().get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap_or("").to_owned());
            let vary = response
                .headers()
                .get_all(header::VARY)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect::<Vec<_>>()
                .join(", ");
            let body = http_body_util::BodyExt::collect(response.into_body()).await.expect("body").to_bytes().to_vec();
            (encoding, vary, body)
        }
    };
    let (none, _, plain) = send(None).await;
    assert_eq!(none, None);
    for _ in 0..2 {
        let (coding, vary, body) = send(Some("gzip, deflate, br")).await;
        assert_eq!(coding.as_deref(), Some("br"));
        assert!(vary.to_lowercase().contains("accept-encoding"), "{vary}");
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &body[..], &mut decoded).expect("brotli");
        assert_eq!(decoded, plain);
    }
    let (coding, _, body) = send(Some("gzip;q=1.0, br;q=0")).await;
    assert_eq!(coding.as_deref(), Some("gzip"), "br refused with q=0");
    let mut decoded = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&body[..]), &mut decoded).expect("gzip");
    assert_eq!(decoded, plain);
    let (coding, _, body) = send(Some("identity")).await;
    assert_eq!((coding, body), (None, plain));
}
