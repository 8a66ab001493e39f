//! The security headers every response carries (a strict CSP, no sniffing, no referrer, no framing); caching headers
//! are `cache.rs`'s.

use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;

/// No inline script or style, no third-party origin, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The headers every response carries, unless its handler set them.
fn headers() -> [(HeaderName, &'static str); 5] {
    [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ]
}

/// Middleware: adds the security headers a response lacks.
pub async fn add_headers(mut response: Response) -> Response {
    let set = response.headers_mut();
    for (name, value) in headers() {
        set.entry(name).or_insert(HeaderValue::from_static(value));
    }
    response
}
