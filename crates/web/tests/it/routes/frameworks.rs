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

/// The listed sources' URLs and the frameworks each is cited by, from a `/sources.json` answer.
fn listed(answer: &serde_json::Value) -> Vec<(String, Vec<String>, bool)> {
    let strings = |v: &serde_json::Value| {
        v.as_array().into_iter().flatten().filter_map(|x| x.as_str().map(str::to_owned)).collect()
    };
    answer["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| (s["url"].as_str().unwrap_or("").to_owned(), strings(&s["cited_by"]), s["primary"] == true))
        .collect()
}

#[tokio::test]
async fn sources_are_filtered_by_framework_jurisdiction_and_kind() {
    let all = listed(&get("/sources.json").await.json());
    let by_alpha = get("/sources.json?f=ALPHA-LAW").await.json();
    assert_eq!(by_alpha["query"]["frameworks"], serde_json::json!(["alpha-law"]), "ids are echoed canonical");
    let by_alpha = listed(&by_alpha);
    let cited_by_alpha: Vec<_> = all.iter().filter(|s| s.1.contains(&"alpha-law".to_owned())).map(|s| &s.0).collect();
    assert!(!by_alpha.is_empty() && by_alpha.len() < all.len());
    assert_eq!(by_alpha.iter().map(|s| &s.0).collect::<Vec<_>>(), cited_by_alpha, "exactly the sources it cites");
    assert!(by_alpha.iter().all(|s| s.1 == ["alpha-law"]), "cited_by lists only the selection");
    // JP's own framework is alpha-law in the fixture: the jurisdiction selects the same sources.
    assert_eq!(listed(&get("/sources.json?j=jp").await.json()), by_alpha);
    let primary = get("/sources.json?primary=true").await.json();
    assert!(listed(&primary).iter().all(|s| s.2));
    assert_eq!(listed(&primary).len(), 6);
    assert_eq!(primary["primary_count"], 6);
    let secondary = listed(&get("/sources.json?primary=false").await.json());
    assert!(secondary.iter().all(|s| !s.2));
    assert_eq!(secondary.len() + 6, all.len());
    let page = get("/sources?f=alpha-law&primary=true").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("value=\"alpha-law\"") && page.body.contains("Show all"), "the form keeps the filter");
    let unknown = get("/sources.json?f=alpha-lax").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("alpha-law"), "the closest id is suggested: {}", unknown.body);
    assert_eq!(get("/sources.json?primary=maybe").await.status, StatusCode::BAD_REQUEST);
    // The form sends its empty fields: they select nothing, so every source is listed.
    assert_eq!(listed(&get("/sources.json?f=&j=&primary=").await.json()), all);
    // Both a framework and a jurisdiction: the form keeps each as given, and the list covers both.
    let both = get("/sources.json?f=beta-standard&j=JP").await.json();
    assert_eq!(both["query"]["frameworks"], serde_json::json!(["beta-standard"]));
    assert_eq!(both["query"]["selected"], serde_json::json!(["beta-standard", "alpha-law"]));
    let page = get("/sources?f=beta-standard&j=JP").await;
    assert!(page.body.contains("value=\"beta-standard\"") && page.body.contains("value=\"JP\""));
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
