//! `/path` and its downloads on the fixture dataset and the shipped one (issue #10).

use crate::harness::{get, get_with, shipped};
use axum::http::StatusCode;

#[tokio::test]
async fn no_parameters_list_the_activities() {
    let a = get("/path.json").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json()["activities"][0]["id"], "issue-stablecoin");
    assert!(a.json()["answer"].is_null());
    assert!(get("/path").await.body.contains(r#"<form class="path-form" method="get" action="/path">"#));
}

#[tokio::test]
async fn the_answer_and_its_downloads() {
    let uri = "/path?activity=issue-stablecoin&m=FR,prc&m=JP&m=";
    let page = get(uri).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("prohibited"));
    assert!(
        page.body.contains(r#"href="/path.md?activity=issue-stablecoin&#38;m=FR&#38;m=CN&#38;m=JP""#)
            || page.body.contains("/path.md?activity=issue-stablecoin&amp;m=FR&amp;m=CN&amp;m=JP"),
        "permalink-based download link"
    );
    let json = get(&uri.replacen("/path?", "/path.json?", 1)).await.json();
    let markets: Vec<&str> = json["markets"].as_array().into_iter().flatten().filter_map(|m| m.as_str()).collect();
    assert_eq!(markets, ["FR", "CN", "JP"]);
    let md = get("/path.md?activity=issue-stablecoin&m=FR&m=JP").await;
    assert_eq!(md.status, StatusCode::OK);
    assert!(md.header("content-type").starts_with("text/markdown"));
    assert!(md.body.contains("| Full backing") && md.body.contains("Not legal advice"), "{}", md.body);
    let csv = get("/path.csv?activity=issue-stablecoin&m=FR&m=JP").await;
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(
        csv.body
            .lines()
            .any(|l| l.starts_with("reserve-full-backing,Full backing,stablecoin-reserves,FR,mandatory,delta-union")),
        "{}",
        csv.body
    );
    assert_eq!(get("/path.csv?activity=issue-stablecoin").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn unknown_markets_and_activities_are_404_naming_them() {
    for (uri, named) in
        [("/path.json?activity=issue-stablecoin&m=XX", "XX"), ("/path.json?activity=nosuch&m=FR", "nosuch")]
    {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(a.json()["message"].as_str().is_some_and(|m| m.contains(named)), "{uri}");
    }
}

#[tokio::test]
async fn issue_10_done_criteria_on_the_shipped_data() {
    let data = shipped();
    let list = get_with(data.clone(), "/path.json", None).await.json();
    assert!(list["activities"].as_array().is_some_and(|a| a.len() >= 7));
    let a = get_with(data, "/path.json?activity=issue-fiat-stablecoin&m=EU&m=US&m=JP", None).await;
    assert_eq!(a.status, StatusCode::OK);
    let checklist = a.json()["answer"]["checklist"].as_array().expect("checklist").clone();
    assert!(!checklist.is_empty());
    for item in checklist {
        for m in item["mandatory_in"].as_array().expect("mandatory_in") {
            assert!(m["market"].is_string());
            assert!(!m["citations"].as_array().expect("citations").is_empty(), "{item}");
        }
    }
}
