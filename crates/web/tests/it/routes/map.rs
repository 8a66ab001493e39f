//! `/map`.

use crate::harness::get;
use axum::http::StatusCode;

#[tokio::test]
async fn the_map_colours_each_country_by_its_merged_level_and_links_it_to_its_profile() {
    let page = get("/map?aspect=stablecoin-reserves").await;
    assert_eq!(page.status, StatusCode::OK);
    // France gets the EU's binding rule through the merge; its shape links to its profile.
    assert!(page.body.contains(r#"<a href="/jurisdictions/FR" aria-label="France: binding">"#), "France is coloured");
    assert!(page.body.contains(r#"<path class="level-binding" d="m"#));
    assert!(page.body.contains(r#"class="nodata""#), "countries without data are drawn too");
    let json = get("/map.json?aspect=stablecoin-reserves").await.json();
    assert_eq!(json["measure"]["by"], "aspect");
    let fr = json["entries"].as_array().expect("entries").iter().find(|e| e["code"] == "FR").expect("FR").clone();
    assert_eq!(fr["class"], "level-binding");
    assert_eq!(fr["href"], "/jurisdictions/FR");
}

#[tokio::test]
async fn the_map_can_colour_by_a_standard_and_names_bad_input() {
    let json = get("/map.json?standard=beta-standard").await.json();
    assert_eq!(json["measure"]["by"], "standard");
    assert!(
        json["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .all(|e| e["class"].as_str().unwrap_or("").starts_with("band-"))
    );
    let not_standard = get("/map.json?standard=alpha-law").await;
    assert_eq!(not_standard.status, StatusCode::NOT_FOUND);
    assert_eq!(not_standard.json()["error"], "not-a-standard");
    assert_eq!(get("/map.json?aspect=nosuch").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get("/map.json?as_of=yesterday").await.status, StatusCode::BAD_REQUEST);
}
