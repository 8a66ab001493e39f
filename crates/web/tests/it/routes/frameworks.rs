//! `/frameworks`, `/frameworks/{id}`, `/jurisdictions`, `/sources`.

use crate::harness::get;
use axum::http::StatusCode;

#[tokio::test]
async fn frameworks_list_and_page() {
    let list = get("/frameworks.json").await.json();
    assert_eq!(list["sections"].as_array().map(Vec::len), Some(4));
    let page = get("/frameworks/alpha-law").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Art. 99"), "milestone pinpoint");
    let json = get("/frameworks/alpha-law.json?as_of=2023-06-01").await.json();
    assert_eq!(json["cells"][0]["cell"]["state"], "historical");
    assert_eq!(json["framework"]["id"], "alpha-law");
}

#[tokio::test]
async fn hostile_strings_are_escaped() {
    let page = get("/frameworks/alpha-law").await;
    assert!(
        page.body.contains("Alpha Act on &#60;Crypto&#62; &#38; &#34;Tokens&#34;")
            || page.body.contains("Alpha Act on &lt;Crypto&gt; &amp; &quot;Tokens&quot;"),
        "{}",
        &page.body[..2000.min(page.body.len())]
    );
    assert!(!page.body.contains("<Crypto>"));
    let glossary = get("/glossary").await;
    assert!(!glossary.body.contains("<must>"));
}

#[tokio::test]
async fn jurisdictions_and_sources() {
    let list = get("/jurisdictions.json").await.json();
    let codes: Vec<&str> =
        list["jurisdictions"].as_array().into_iter().flatten().filter_map(|j| j["code"].as_str()).collect();
    assert!(codes.contains(&"JP") && codes.contains(&"INT"));
    let jp = get("/jurisdictions/JP.json").await;
    assert_eq!(jp.status, StatusCode::OK);
    assert_eq!(jp.json()["frameworks"][0]["framework"]["id"], "alpha-law");
    let sources = get("/sources.json").await.json();
    assert_eq!(sources["primary_count"], 6);
}

#[tokio::test]
async fn ids_in_any_case_redirect_to_the_canonical_url() {
    // Issue #12: `/frameworks/EU-MICA` redirects; the JSON suffix and the query are kept.
    for (uri, to) in [
        ("/frameworks/ALPHA-LAW", "/frameworks/alpha-law"),
        ("/frameworks/Alpha-Law.json?as_of=2024-01-01", "/frameworks/alpha-law.json?as_of=2024-01-01"),
        ("/aspects/TRAVEL-RULE", "/aspects/travel-rule"),
        ("/jurisdictions/fr", "/jurisdictions/FR"),
        ("/jurisdictions/France.json", "/jurisdictions/FR.json"),
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::PERMANENT_REDIRECT, "{uri}");
        assert_eq!(a.header("location"), to, "{uri}");
    }
    assert_eq!(get("/frameworks/alpha-law").await.status, StatusCode::OK, "the canonical URL answers");
    assert_eq!(get("/frameworks/NOSUCH").await.status, StatusCode::NOT_FOUND);
}
