//! Calls the app in process (tower's `oneshot`) on the fixture dataset or on the shipped one.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use cryptoreg_core::Dataset;
use cryptoreg_core::ids::IsoDate;
use http_body_util::BodyExt;
use std::sync::OnceLock;
use tower::ServiceExt;

/// The fixture dataset of the core crate (three frameworks, two aspects, hostile strings).
pub fn fixture() -> Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/valid");
        let today = IsoDate::parse("2026-11-23").expect("date");
        cryptoreg_core::load::load_files(cryptoreg_core::load::read_dir(&dir).expect("fixture"), today).dataset
    })
    .clone()
}

/// The hostile-strings fixture: markup, quotes, ampersands, right-to-left text, long words, emoji, control chars.
pub fn hostile() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/hostile");
    let today = IsoDate::parse("2026-11-23").expect("date");
    let loaded = cryptoreg_core::load::load_files(cryptoreg_core::load::read_dir(&dir).expect("fixture"), today);
    assert_eq!(loaded.error_count(), 0, "{:#?}", loaded.diagnostics);
    loaded.dataset
}

/// The dataset shipped in the binary.
pub fn shipped() -> Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| cryptoreg_core::load_embedded().dataset).clone()
}

/// A response, read whole.
pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", &self.body[..self.body.len().min(300)]))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

/// GET `uri` with optional Accept header.
pub async fn get_with(data: Dataset, uri: &str, accept: Option<&str>) -> Answer {
    let app = cryptoreg_web::app(cryptoreg_web::AppState::new(data));
    let mut request = Request::builder().uri(uri);
    if let Some(a) = accept {
        request = request.header(header::ACCEPT, a);
    }
    let response = app.oneshot(request.body(Body::empty()).expect("request")).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    Answer { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

/// GET `uri` on the fixture dataset.
pub async fn get(uri: &str) -> Answer {
    get_with(fixture(), uri, None).await
}
