//! `/jurisdictions`, `/jurisdictions/{code}` and comparisons by jurisdiction (`/compare?j=`), on the fixture
//! dataset and on the shipped one (issue #8's done criteria).

use crate::harness::{get, get_with, shipped};
use axum::http::StatusCode;

#[tokio::test]
async fn a_jurisdiction_page_shows_what_applies_and_the_merged_answer() {
    let fr = get("/jurisdictions/FR.json").await;
    assert_eq!(fr.status, StatusCode::OK);
    let json = fr.json();
    assert_eq!(json["jurisdiction"]["code"], "FR");
    let applies: Vec<(&str, &str)> = json["frameworks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| Some((a["framework"]["id"].as_str()?, a["reach"]["via"].as_str()?)))
        .collect();
    assert_eq!(applies, [("delta-union", "union"), ("epsilon-national", "own")]);
    assert_eq!(json["rows"][0]["cell"]["level"], "binding");
    assert_eq!(json["rows"][1]["cell"]["upcoming"][0]["cell"]["applies_from"], "2099-01-01");
    // By name and synonym too, and a page for people.
    assert_eq!(get("/jurisdictions/France.json").await.header("location"), "/jurisdictions/FR.json", "names redirect");
    let html = get("/jurisdictions/FR").await;
    assert!(html.body.contains("through EU"), "how a framework applies is said");
    assert!(html.body.contains("applies from 2099-01-01"));
    let us = get("/jurisdictions/US").await;
    assert!(us.body.contains("applies only in"), "sub-national regimes are marked");
}

#[tokio::test]
async fn unknown_codes_are_404_with_suggestions() {
    for uri in ["/jurisdictions/FRA.json", "/compare.json?j=FRA&j=JP"] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(a.json()["error"], "unknown-jurisdiction", "{uri}");
        assert!(a.json()["suggestions"].as_array().is_some_and(|s| s.iter().any(|x| x == "FR")), "{uri}");
    }
}

#[tokio::test]
async fn compare_mixes_frameworks_and_jurisdictions() {
    let a = get("/compare.json?f=beta-standard&j=fr&j=FR&j=jp").await;
    assert_eq!(a.status, StatusCode::OK);
    let json = a.json();
    assert_eq!(json["query"]["jurisdictions"], serde_json::json!(["FR", "JP"]), "canonical, once each");
    let columns: Vec<&str> =
        json["comparison"]["columns"].as_array().into_iter().flatten().filter_map(|c| c["column"].as_str()).collect();
    assert_eq!(columns, ["framework", "jurisdiction", "jurisdiction"]);
    let html = get("/compare?f=beta-standard&j=FR&j=JP").await;
    assert!(html.body.contains(r#"class="cell merged"#), "jurisdiction columns show merged cells");
    assert!(html.body.contains(r#"<option value="FR" selected>"#));
}

#[tokio::test]
async fn issue_8_done_criteria_on_the_shipped_data() {
    // `/compare.json?j=EU&j=US&j=SG` answers 200 with the three jurisdictions, each merged cell naming its
    // component cells.
    let a = get_with(shipped(), "/compare.json?j=EU&j=US&j=SG", None).await;
    assert_eq!(a.status, StatusCode::OK);
    let c = &a.json()["comparison"];
    let codes: Vec<&str> = c["columns"].as_array().into_iter().flatten().filter_map(|x| x["code"].as_str()).collect();
    assert_eq!(codes.len(), 3);
    for code in ["EU", "US", "SG"] {
        assert!(codes.contains(&code), "{code}");
    }
    for row in c["rows"].as_array().expect("rows") {
        for cell in row["cells"].as_array().expect("cells") {
            if !cell["level"].is_null() {
                let components = cell["components"].as_array().expect("components");
                assert!(!components.is_empty() && components.iter().all(|x| x["cell"]["framework"].is_string()));
            }
        }
    }
    // `/jurisdictions/FR.json` lists eu-mica among what applies there.
    let fr = get_with(shipped(), "/jurisdictions/FR.json", None).await.json();
    assert!(fr["frameworks"].as_array().expect("frameworks").iter().any(|f| f["framework"]["id"] == "eu-mica"));
}

#[tokio::test]
async fn a_profile_says_what_is_coming_and_links_to_comparisons_with_the_major_markets() {
    let page = get("/jurisdictions/FR").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h2>At a glance</h2>"));
    assert!(page.body.contains("<h2>What is coming</h2>"), "epsilon's travel rule applies later");
    assert!(page.body.contains(r#"applies from <time datetime="2099-01-01">"#));
    assert!(page.body.contains(r#"href="/alignment/FR""#));
    let list = get("/jurisdictions").await;
    assert!(list.body.contains(r#"<h2 class="region">europe</h2>"#), "grouped by region");
}
