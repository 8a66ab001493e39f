//! `/` and `/compare`.

use crate::harness::{get, get_with, shipped};
use axum::http::StatusCode;

#[tokio::test]
async fn compare_renders_both_frameworks_and_every_aspect() {
    let a = get("/compare?f=alpha-law&f=beta-standard").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.header("content-type").starts_with("text/html"));
    assert!(a.body.contains("Full, segregated reserve; 30% in deposits."));
    assert!(a.body.contains("Travel rule from EUR 1,000."));
    assert!(a.body.contains(r#"href="/frameworks/alpha-law#stablecoin-reserves""#));
}

#[tokio::test]
async fn json_twin_by_suffix_and_by_accept_header_is_the_same() {
    let by_suffix = get("/compare.json?f=alpha-law&f=beta-standard").await;
    let by_accept =
        get_with(crate::harness::fixture(), "/compare?f=alpha-law&f=beta-standard", Some("application/json")).await;
    assert_eq!(by_suffix.status, StatusCode::OK);
    assert_eq!(by_suffix.header("content-type"), "application/json");
    assert_eq!(by_suffix.json(), by_accept.json());
    let c = &by_suffix.json()["comparison"];
    assert_eq!(c["columns"].as_array().map(Vec::len), Some(2));
    assert_eq!(c["rows"].as_array().map(Vec::len), Some(2));
    assert_eq!(c["rows"][0]["cells"][0]["citations"][0]["pinpoint"], "Art. 5");
}

#[tokio::test]
async fn sorting_sets_aria_sort_and_orders_columns() {
    let a = get("/compare?f=alpha-law&f=beta-standard&f=gamma-ban&sort=stablecoin-reserves&dir=desc").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains(r#"aria-sort="descending""#));
    let gamma = a.body.find("/frameworks/gamma-ban\"").expect("gamma");
    let beta = a.body.find("/frameworks/beta-standard\"").expect("beta");
    assert!(gamma < beta, "prohibited sorts before recommended when descending");
    let json =
        get("/compare.json?f=alpha-law&f=beta-standard&f=gamma-ban&sort=travel-rule.travel-threshold").await.json();
    let order: Vec<&str> =
        json["comparison"]["columns"].as_array().into_iter().flatten().filter_map(|f| f["id"].as_str()).collect();
    assert_eq!(order, ["alpha-law", "beta-standard", "gamma-ban"]);
}

#[tokio::test]
async fn orientation_and_as_of() {
    let a = get("/compare?f=alpha-law&f=gamma-ban&orient=frameworks&as_of=2023-06-01").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains(">Framework or jurisdiction<"), "frameworks as rows");
    assert!(a.body.contains("Not yet adopted on this date"));
    assert!(a.body.contains("Adopted, not yet applicable."));
}

#[tokio::test]
async fn fewer_than_two_frameworks_is_a_friendly_message_not_an_error() {
    for uri in ["/compare", "/compare?f=alpha-law"] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert!(a.body.contains(r#"class="message""#), "{uri}");
        assert!(!a.body.contains("<table class=\"compare\""), "{uri}");
    }
    assert_eq!(get("/compare.json").await.json()["comparison"], serde_json::Value::Null);
}

#[tokio::test]
async fn home_selects_the_seed_frameworks() {
    let a = get_with(shipped(), "/index.json", None).await;
    assert_eq!(a.status, StatusCode::OK);
    let selected = a.json()["query"]["frameworks"].as_array().map(Vec::len);
    assert_eq!(selected, Some(7));
    let html = get_with(shipped(), "/", None).await;
    assert!(html.body.contains("US GENIUS Act"));
}

#[tokio::test]
async fn issue_3_done_criteria() {
    // `curl -s localhost:8080/compare.json?f=eu-mica&f=us-genius-act` returns both with every aspect.
    let a = get_with(shipped(), "/compare.json?f=eu-mica&f=us-genius-act", None).await;
    assert_eq!(a.status, StatusCode::OK);
    let c = &a.json()["comparison"];
    assert_eq!(c["columns"].as_array().map(Vec::len), Some(2));
    assert_eq!(c["rows"].as_array().map(Vec::len), Some(shipped().aspects.len()));
    // `/compare?f=nosuch&f=eu-mica` is a 404 that names `nosuch`.
    let a = get_with(shipped(), "/compare?f=nosuch&f=eu-mica", None).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.body.contains("nosuch"));
}

#[tokio::test]
async fn seed_comparison_weighs_under_100_kb_with_its_assets() {
    // Issue #3: `/compare` with the seven seed frameworks weighs under 100 KB uncompressed, everything included.
    let uri = "/compare?f=fsb-crypto&f=fsb-stablecoins&f=eu-mica&f=uk-us-2025&f=fatf-r15&f=iosco-cda&f=us-genius-act";
    let page = get_with(shipped(), uri, None).await;
    assert_eq!(page.status, StatusCode::OK);
    let mut total = page.body.len();
    for marker in ["href=\"/static/", "src=\"/static/"] {
        let start = page.body.find(marker).expect("asset link") + marker.len() - "/static/".len();
        let end = start + page.body[start..].find('"').expect("quote");
        total += get_with(shipped(), &page.body[start..end], None).await.body.len();
    }
    assert!(total < 100_000, "the seed comparison weighs {total} bytes");
}

#[tokio::test]
async fn more_than_four_columns_show_levels_and_fewer_show_prose_unless_asked() {
    let five = "/compare?f=alpha-law,beta-standard,gamma-ban,delta-union,epsilon-national";
    let grid = get(five).await;
    assert_eq!(grid.status, StatusCode::OK);
    assert!(grid.body.contains(r#"<table class="compare levels">"#));
    assert!(grid.body.contains(r#"<a class="open lvl" href="/frameworks/alpha-law#stablecoin-reserves">binding</a>"#));
    assert!(!grid.body.contains("Full, segregated reserve; 30% in deposits."), "prose stays behind the link");
    let prose = get(&format!("{five}&view=prose")).await;
    assert!(prose.body.contains("Full, segregated reserve; 30% in deposits."));
    let two = get("/compare?f=alpha-law,beta-standard").await;
    assert!(two.body.contains(r#"<table class="compare">"#));
    let forced = get("/compare?f=alpha-law,beta-standard&view=grid").await;
    assert!(forced.body.contains(r#"<table class="compare levels">"#));
    let bad = get("/compare.json?f=alpha-law,beta-standard&view=cards").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("grid, prose"));
}

#[tokio::test]
async fn cells_below_the_confidence_asked_for_are_withheld_in_page_and_json() {
    let uri = "/compare.json?f=gamma-ban,beta-standard&aspects=travel-rule&min_confidence=medium";
    let c = get(uri).await.json();
    let cells = &c["comparison"]["rows"][0]["cells"];
    assert_eq!(cells[0]["state"], "withheld", "gamma-ban's travel rule is low confidence");
    assert_eq!(cells[0]["summary"], serde_json::Value::Null);
    assert_eq!(cells[1]["state"], "current");
    let page = get("/compare?f=gamma-ban,beta-standard&aspects=travel-rule&min_confidence=high").await;
    assert!(page.body.contains("Withheld: lower confidence than asked for"));
    assert_eq!(
        get("/compare.json?f=gamma-ban,beta-standard&min_confidence=some").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn columns_keep_the_order_chosen_and_chips_remove_one_each() {
    let page = get("/compare?f=gamma-ban,alpha-law").await;
    let gamma = page.body.find(">Gamma ban</a>").expect("gamma header");
    let alpha = page.body.find(">Alpha Act</a>").expect("alpha header");
    assert!(gamma < alpha, "columns in the order chosen");
    assert!(page.body.contains("Columns in the order chosen."));
    assert!(page.body.contains(r#"<a class="chip" href="/compare?f=alpha-law" aria-label="Remove Gamma ban">"#));
    assert!(page.body.contains(r#"<a class="clear" href="/compare">Clear all</a>"#));
    assert!(page.body.contains(r#"<a class="preset" href="/compare?f=alpha-law,beta-standard">Alpha and Beta</a>"#));
}

#[tokio::test]
async fn zero_amounts_say_what_they_mean_and_other_currencies_show_dollars_with_the_rate_date() {
    let c = get("/compare.json?f=delta-union,alpha-law&aspects=travel-rule&as_of=2025-06-01").await.json();
    let cells = &c["comparison"]["rows"][0]["cells"];
    assert_eq!(cells[0]["parameters"][0]["display"], "no threshold (every transfer)");
    assert_eq!(cells[0]["parameters"][0]["usd_note"], serde_json::Value::Null);
    assert_eq!(cells[1]["parameters"][0]["display"], "100,000 JPY");
    assert_eq!(cells[1]["parameters"][0]["usd_note"], "≈ 670 USD at the reference rate of 2026-11-02");
    let page = get("/compare?f=delta-union,alpha-law&aspects=travel-rule&as_of=2025-06-01").await;
    assert!(page.body.contains("As of <strong><time datetime=\"2025-06-01\">1 Jun 2025</time></strong>"));
}

/// GET `uri` from `app`, the same server for every call (so renderings kept by one answer serve the next).
async fn body_from(app: &axum::Router, uri: &str) -> String {
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;
    let request = axum::http::Request::get(uri).body(axum::body::Body::empty()).expect("request");
    let response = app.clone().oneshot(request).await.expect("infallible");
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    String::from_utf8(response.into_body().collect().await.expect("body").to_bytes().to_vec()).expect("UTF-8")
}

#[tokio::test]
async fn a_server_that_kept_its_cells_renderings_answers_as_a_fresh_one_does() {
    // The answer cache is off, so every answer is built again from the cells' kept renderings.
    let used = cryptoreg_web::app(cryptoreg_web::AppState::new(shipped()).with_cache_mb(0));
    // Frameworks, and columns by country (merged cells are shared too, one per distinct set of their parts' states);
    // each as HTML in both forms and as JSON, today, on past dates and with a diff.
    let selections = ["f=eu-mica,us-genius-act,jp-crypto,sg-mas,hk-crypto", "j=EU,US,DE,JP,AE,US-NY&f=eu-mica"];
    let variants = ["", "&view=prose", "&as_of=2024-07-01", "&as_of=2024-07-01&view=prose", "&diff=2024-01-01"];
    let uris: Vec<String> = selections
        .iter()
        .flat_map(|s| {
            let html = variants.iter().map(move |v| format!("/compare?{s}{v}"));
            let json = ["", "&as_of=2023-01-01"].into_iter().map(move |v| format!("/compare.json?{s}{v}"));
            html.chain(json)
        })
        .chain(
            // The pages that merge every country's cells share them too.
            ["/alignment.json", "/alignment/EU.json", "/gaps.json", "/map.json"]
                .into_iter()
                .flat_map(|page| [page.to_owned(), format!("{page}?as_of=2024-07-01")]),
        )
        .collect();
    // Each URI twice on the used server, in between the others, against a fresh server's answer.
    for round in 0..2 {
        for uri in &uris {
            let fresh = cryptoreg_web::app(cryptoreg_web::AppState::new(shipped()).with_cache_mb(0));
            assert!(body_from(&used, uri).await == body_from(&fresh, uri).await, "round {round}: {uri}");
        }
    }
}
