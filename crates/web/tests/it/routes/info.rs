//! `/methodology`, `/glossary`, `/about`, and snapshots of rendered pages.

use crate::harness::get;
use axum::http::StatusCode;

#[tokio::test]
async fn info_pages() {
    for uri in ["/methodology", "/glossary", "/about", "/methodology.json", "/glossary.json", "/about.json"] {
        assert_eq!(get(uri).await.status, StatusCode::OK, "{uri}");
    }
    assert!(get("/about").await.body.contains("CC BY 4.0"));
    assert_eq!(get("/glossary.json").await.json()["terms"][0]["id"], "travel-rule");
}

#[tokio::test]
async fn snapshots_of_rendered_pages() {
    for (name, uri) in [
        ("compare", "/compare?f=alpha-law&f=beta-standard&f=gamma-ban&sort=travel-rule&dir=desc"),
        ("compare_transposed", "/compare?f=alpha-law&f=beta-standard&orient=frameworks&as_of=2023-06-01"),
        ("framework", "/frameworks/alpha-law"),
        ("aspect", "/aspects/travel-rule"),
    ] {
        let body = get(uri).await.body;
        let mut settings = insta::Settings::clone_current();
        settings.add_filter(r"/static/(style|app)\.[0-9a-f]{8}\.(css|js)", "/static/$1.[hash].$2");
        // A page without a date shows today's: the snapshot says where, not which day it was taken.
        let today = cryptoreg_core::ids::IsoDate::today();
        settings.add_filter(&today.to_string(), "[today]");
        settings.add_filter(&today.long(), "[today, long]");
        settings.bind(|| insta::assert_snapshot!(name, body));
    }
}
