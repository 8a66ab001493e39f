//! `/changes`, diffed comparisons and the Atom feeds (issue #11).

use crate::harness::{get, get_with, shipped};
use axum::http::StatusCode;

#[tokio::test]
async fn changes_list_events_corrections_and_link_their_feed() {
    let a = get("/changes.json?from=2023-01-01&to=2024-12-31&f=alpha-law").await;
    assert_eq!(a.status, StatusCode::OK);
    let json = a.json();
    assert_eq!(json["events"][1]["kind"], "cell-change");
    assert_eq!(json["events"][1]["requirements_added"][0], "reserve-full-backing");
    let everything = get("/changes.json?from=2023-01-01&to=2024-12-31").await.json();
    assert!(!everything["events"].as_array().is_none_or(Vec::is_empty));
    assert_eq!(
        get("/changes.json?from=2023-01-01&to=2024-12-31&f=&j=").await.json(),
        everything,
        "empty fields select nothing: every framework's changes"
    );
    let html = get("/changes?from=2026-01-01&f=alpha-law").await;
    assert!(html.body.contains("Threshold JPY 100,000"), "corrections are listed");
    assert!(html.body.contains(r#"<link rel="alternate" type="application/atom+xml" href="/changes.atom""#));
    let framework = get("/frameworks/alpha-law").await;
    assert!(framework.body.contains(r#"href="/frameworks/alpha-law/changes.atom""#), "pages link their feed");
    assert!(framework.body.contains("cell changed"), "the framework page has a timeline");
    assert!(framework.body.contains("last changed"), "a corrected cell says when it last changed");
    for (uri, status) in [
        ("/changes.json?from=2024-02-30", StatusCode::BAD_REQUEST),
        ("/changes.json?f=nosuch", StatusCode::NOT_FOUND),
        ("/changes.json?j=FRA", StatusCode::NOT_FOUND),
        ("/changes.json?upcoming=x", StatusCode::BAD_REQUEST),
    ] {
        assert_eq!(get(uri).await.status, status, "{uri}");
    }
}

#[tokio::test]
async fn a_diffed_comparison_marks_the_cells_that_changed() {
    let uri = "/compare?f=alpha-law&f=beta-standard&as_of=2024-06-01&diff=2023-06-01";
    let html = get(uri).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.contains("1 cell changed since 2023-06-01"), "the table says how many changed");
    assert_eq!(html.body.matches("cell level-binding changed").count(), 1, "the changed cell is marked");
    let json = get(&uri.replacen("/compare?", "/compare.json?", 1)).await.json();
    assert_eq!(json["comparison"]["diff"]["changes"][0]["column"], "alpha-law");
    assert_eq!(get("/compare.json?f=alpha-law&f=beta-standard&diff=soon").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn feeds_are_atom_with_stable_ids_and_unknown_ids_are_404() {
    let feed = get("/frameworks/alpha-law/changes.atom").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.header("content-type").starts_with("application/atom+xml"));
    assert!(feed.body.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert!(feed.body.contains("tag:cryptoreg,2026:alpha-law/stablecoin-reserves/cell-change/2024-01-01"));
    for uri in ["/changes.atom", "/jurisdictions/FR/changes.atom", "/aspects/travel-rule/changes.atom"] {
        assert_eq!(get(uri).await.status, StatusCode::OK, "{uri}");
    }
    for uri in ["/frameworks/nosuch/changes.atom", "/jurisdictions/FRA/changes.atom", "/aspects/nosuch/changes.atom"] {
        assert_eq!(get(uri).await.status, StatusCode::NOT_FOUND, "{uri}");
    }
}

#[tokio::test]
async fn issue_11_done_criteria_on_the_shipped_data() {
    // `/changes.json?from=2024-01-01&to=2025-12-31` includes MiCA's application on 30 December 2024.
    let a = get_with(shipped(), "/changes.json?from=2024-01-01&to=2025-12-31", None).await;
    assert_eq!(a.status, StatusCode::OK);
    let json = a.json();
    let events = json["events"].as_array().expect("events");
    assert!(
        events.iter().any(|e| e["framework"] == "eu-mica" && e["date"] == "2024-12-30" && e["kind"] == "milestone"),
        "MiCA's application on 30 December 2024"
    );
    for uri in ["/changes.atom", "/frameworks/eu-mica/changes.atom"] {
        let feed = get_with(shipped(), uri, None).await;
        assert!(feed.body.matches("<entry>").count() >= 1, "{uri} has entries");
    }
}
