//! A snapshot of every JSON route on the fixture dataset: the shape each twin promises (issue #8). A change to
//! a view type shows here first.

use crate::harness::{fixture, get, get_with, hostile, shipped};
use axum::http::StatusCode;

/// Every JSON route, with a name for its snapshot.
const ROUTES: [(&str, &str); 19] = [
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
];

#[tokio::test]
async fn every_json_route_is_pinned() {
    for (name, uri) in ROUTES {
        let answer = get(uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        insta::assert_json_snapshot!(format!("json_{name}"), answer.json());
    }
}

/// The twins are written by the core's JSON writer (sonic-rs, and cells' kept JSON) for speed; what it writes must be
/// byte for byte what serde_json writes for the same JSON, on the fixture, on data full of markup and odd characters,
/// and on a large shipped comparison (that the kept JSON is the cell's own is held by the snapshots above and by the
/// core's tests/it/json_writer.rs).
#[tokio::test]
async fn every_json_twin_is_what_serde_json_would_write() {
    let large = "/compare.json?j=EU&j=US&j=JP&f=fatf-r15&f=eu-mica&f=sg-mas&f=hk-crypto&f=ch-finma&diff=2024-01-01";
    let cases = ROUTES.iter().map(|(_, uri)| (fixture(), *uri)).chain(ROUTES.iter().map(|(_, uri)| (hostile(), *uri)));
    let mut compared = 0;
    for (data, uri) in cases.chain([(shipped(), large), (shipped(), "/frameworks/eu-mica.json")]) {
        let answer = get_with(data, uri, None).await;
        if answer.status != StatusCode::OK {
            continue;
        }
        let canonical = serde_json::to_string(&answer.json()).expect("serialise");
        assert!(answer.body == canonical, "{uri}: the twin differs from serde_json's writing of the same value");
        compared += 1;
    }
    // Every fixture route answers 200 (the snapshot test asserts it), so at least those and the two shipped ones.
    assert!(compared >= ROUTES.len() + 2, "only {compared} twins compared");
}
