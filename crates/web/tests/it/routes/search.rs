//! `/search` and the header's search box (issue #12).

use crate::harness::{get, get_with, shipped};
use axum::http::StatusCode;

#[tokio::test]
async fn search_answers_with_ranked_hits_and_a_twin() {
    let page = get("/search?q=prc").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"href="/jurisdictions/CN""#));
    let json = get("/search.json?q=full+reserve").await.json();
    assert_eq!(json["query"]["words"], serde_json::json!(["full", "reserve"]));
    assert!(json["hits"].as_array().is_some_and(|h| !h.is_empty()));
    assert!(get("/search.json").await.json()["query"].is_null(), "no query: the empty page");
    assert_eq!(get("/search.json?q=%22%22").await.status, StatusCode::BAD_REQUEST, "no words");
    assert_eq!(get(&format!("/search.json?q={}", "a".repeat(201))).await.status, StatusCode::BAD_REQUEST);
    assert!(get("/frameworks").await.body.contains(r#"<form class="site-search" role="search" action="/search">"#));
}

#[tokio::test]
async fn issue_12_search_finds_the_uaes_regimes() {
    // `/search.json?q=uae` finds the UAE's regimes (the federal rules and Dubai's).
    let json = get_with(shipped(), "/search.json?q=uae", None).await.json();
    let hrefs: Vec<&str> = json["hits"].as_array().into_iter().flatten().filter_map(|h| h["href"].as_str()).collect();
    assert_eq!(hrefs.first(), Some(&"/jurisdictions/AE"));
    for regime in ["/frameworks/ae-federal", "/frameworks/ae-vara"] {
        assert!(hrefs.contains(&regime), "{regime} in {hrefs:?}");
    }
}
