//! `/alignment`, `/alignment/{code}` and `/gaps` on the fixture dataset and on the shipped one (issue #9).

use crate::harness::{get, get_with, shipped};
use axum::http::StatusCode;

#[tokio::test]
async fn matrix_detail_and_gaps_answer_with_their_twins() {
    let m = get("/alignment.json?sort=beta-standard&dir=desc").await;
    assert_eq!(m.status, StatusCode::OK);
    let json = m.json();
    assert_eq!(json["rows"][0]["code"], "EU");
    assert_eq!(json["rows"][0]["scores"][0]["in_force_share"], 1.0);
    let html = get("/alignment").await;
    assert!(html.body.contains(r#"href="/alignment/FR?standard=beta-standard""#));
    let ny = get("/alignment/us-ny.json?standard=beta-standard").await.json();
    let statuses: Vec<&str> = ny["standards"][0]["aspects"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|a| a["requirements"].as_array().into_iter().flatten().filter_map(|r| r["status"].as_str()))
        .collect();
    assert_eq!(statuses, ["partly", "adopted"]);
    assert!(get("/alignment/FR").await.body.contains(r#"href="/frameworks/delta-union#travel-rule""#));
    let gaps = get("/gaps.json").await;
    assert_eq!(gaps.status, StatusCode::OK);
    assert!(get("/gaps").await.body.contains(r#"class="grid""#));
}

#[tokio::test]
async fn bad_input_is_404_or_400_naming_it() {
    for (uri, status) in [
        ("/alignment/FRA.json", StatusCode::NOT_FOUND),
        ("/alignment/FR.json?standard=alpha-law", StatusCode::NOT_FOUND),
        ("/alignment.json?sort=nosuch", StatusCode::NOT_FOUND),
        ("/alignment.json?as_of=2024-02-30", StatusCode::BAD_REQUEST),
        ("/gaps.json?aspect=travel-rules", StatusCode::NOT_FOUND),
        ("/gaps.json?bogus=1", StatusCode::BAD_REQUEST),
    ] {
        assert_eq!(get(uri).await.status, status, "{uri}");
    }
}

#[tokio::test]
async fn issue_9_done_criteria_on_the_shipped_data() {
    let data = shipped();
    // `/alignment.json` gives, for every jurisdiction in the data, a score for each international standard.
    let m = get_with(data.clone(), "/alignment.json", None).await.json();
    let standards = m["standards"].as_array().expect("standards").len();
    let expected = data
        .frameworks
        .values()
        .filter(|f| f.kind == cryptoreg_core::model::FrameworkKind::InternationalStandard)
        .count();
    assert_eq!(standards, expected, "every international standard");
    let rows = m["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), data.jurisdictions.len() - 1, "every jurisdiction but INT");
    assert!(rows.iter().all(|r| r["scores"].as_array().map(Vec::len) == Some(standards)));
    // `/alignment/EU.json?standard=fsb-stablecoins` lists every recommended requirement with a status and citations.
    let eu = get_with(data.clone(), "/alignment/EU.json?standard=fsb-stablecoins", None).await.json();
    let requirements: Vec<&serde_json::Value> = eu["standards"][0]["aspects"]
        .as_array()
        .expect("aspects")
        .iter()
        .flat_map(|a| a["requirements"].as_array().expect("requirements").iter())
        .collect();
    assert!(requirements.len() >= 10, "{}", requirements.len());
    for r in requirements {
        assert!(r["status"].is_string());
        assert!(!r["standard_citations"].as_array().expect("citations").is_empty(), "{r}");
        if r["status"] == "in-force" {
            assert!(!r["evidence"][0]["citations"].as_array().expect("evidence").is_empty(), "{r}");
        }
    }
    assert_eq!(get_with(data, "/gaps.json", None).await.status, StatusCode::OK);
}
