//! Fuzzes the web query parsing: any query string on any route must answer without a panic and without a 5xx.
#![no_main]

use axum::body::Body;
use axum::http::Request;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tower::ServiceExt;

const ROUTES: [&str; 12] = [
    "/", "/compare", "/compare.json", "/frameworks/eu-mica", "/frameworks/eu-mica.json", "/aspects/travel-rule",
    "/aspects/travel-rule.json", "/jurisdictions/GB", "/frameworks", "/sources.json", "/glossary", "/index.json",
];

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime"))
}

fn app() -> &'static axum::Router {
    static APP: OnceLock<axum::Router> = OnceLock::new();
    APP.get_or_init(|| cryptoreg_web::app(cryptoreg_web::AppState::new(cryptoreg_core::load_embedded().dataset)))
}

fuzz_target!(|data: &[u8]| {
    let Some((route, rest)) = data.split_first() else { return };
    let Ok(query) = std::str::from_utf8(rest) else { return };
    let uri = format!("{}?{}", ROUTES[*route as usize % ROUTES.len()], query);
    // Strings that are not valid URIs never reach the server (hyper rejects them), so they are skipped here.
    let Ok(request) = Request::builder().uri(uri.as_str()).body(Body::empty()) else { return };
    let status = runtime().block_on(async { app().clone().oneshot(request).await.expect("infallible").status() });
    assert!(status.as_u16() < 500, "{uri} answered {status}");
});
