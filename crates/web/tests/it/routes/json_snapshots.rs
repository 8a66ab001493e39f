//! A snapshot of every JSON route on the fixture dataset: the shape each twin promises (issue #8). A change to
//! a view type shows here first.

use crate::harness::get;
use axum::http::StatusCode;

#[tokio::test]
async fn every_json_route_is_pinned() {
    for (name, uri) in [
        ("index", "/index.json"),
        ("compare", "/compare.json?f=alpha-law&f=beta-standard&j=FR&sort=stablecoin-reserves&as_of=2025-01-01"),
        ("frameworks", "/frameworks.json"),
        ("framework", "/frameworks/alpha-law.json?as_of=2023-06-01"),
        ("aspects", "/aspects.json"),
        ("aspect", "/aspects/travel-rule.json?sort=travel-threshold"),
        ("jurisdictions", "/jurisdictions.json"),
        ("jurisdiction", "/jurisdictions/FR.json"),
        ("sources", "/sources.json"),
        ("methodology", "/methodology.json"),
        ("glossary", "/glossary.json"),
        ("about", "/about.json"),
        ("alignment", "/alignment.json"),
        ("alignment_jurisdiction", "/alignment/FR.json?standard=beta-standard"),
        ("gaps", "/gaps.json"),
        ("changes", "/changes.json?from=2020-01-01&to=2026-11-23"),
        ("path", "/path.json?activity=issue-stablecoin&m=FR&m=CN&m=US-NY"),
        ("map", "/map.json?aspect=travel-rule&as_of=2025-01-01"),
        ("about_cell", "/about.json?cell=alpha-law/travel-rule"),
    ] {
        let answer = get(uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        insta::assert_json_snapshot!(format!("json_{name}"), answer.json());
    }
}
