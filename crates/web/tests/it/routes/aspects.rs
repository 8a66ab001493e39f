//! `/aspects` and `/aspects/{id}`.

use crate::harness::get;
use axum::http::StatusCode;

#[tokio::test]
async fn aspect_page_sorts_by_parameter() {
    let a = get("/aspects/travel-rule.json?sort=travel-threshold&dir=desc").await;
    assert_eq!(a.status, StatusCode::OK);
    let json = a.json();
    let order: Vec<&str> =
        json["positions"].as_array().into_iter().flatten().filter_map(|p| p["framework"]["id"].as_str()).collect();
    assert_eq!(order, ["beta-standard", "epsilon-national", "alpha-law", "delta-union", "gamma-ban", "zeta-state"]);
    let html = get("/aspects/travel-rule?sort=travel-threshold").await;
    assert!(html.body.contains(r#"aria-sort="ascending""#));
    assert!(html.body.contains("100,000 JPY"));
}

#[tokio::test]
async fn aspects_list() {
    let a = get("/aspects.json").await.json();
    assert_eq!(a["groups"][0]["aspects"][0]["id"], "stablecoin-reserves");
}
