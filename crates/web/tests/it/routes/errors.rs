//! Bad input: 404 with suggestions for unknown ids, 400 for malformed parameters, never a 500.

use crate::harness::{get, get_with, shipped};
use axum::http::StatusCode;

#[tokio::test]
async fn unknown_framework_is_404_with_suggestions() {
    let a = get("/compare.json?f=alpha-lwa&f=beta-standard").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let j = a.json();
    assert_eq!(j["error"], "unknown-framework");
    assert_eq!(j["suggestions"][0], "alpha-law");
    assert!(j["message"].as_str().unwrap_or("").contains("alpha-lwa"));
    let html = get("/frameworks/alpha-lwa").await;
    assert_eq!(html.status, StatusCode::NOT_FOUND);
    assert!(html.body.contains(r#"href="/frameworks/alpha-law""#));
}

#[tokio::test]
async fn unknown_aspect_and_jurisdiction_are_404() {
    assert_eq!(get("/aspects/travel-rules.json").await.json()["suggestions"][0], "travel-rule");
    assert_eq!(
        get("/compare.json?f=alpha-law&f=beta-standard&aspects=travel-rules").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get("/jurisdictions/XX").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get("/no/such/page").await.status, StatusCode::NOT_FOUND);
    // Sort keys are ids: a well-formed unknown one is not found, with suggestions.
    let a = get("/compare.json?f=alpha-law&f=beta-standard&sort=travel-rul").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.json()["suggestions"][0], "travel-rule");
    assert_eq!(get("/aspects/travel-rule.json?sort=colour").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get("/static/style.00000000.css").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn malformed_parameters_are_400() {
    for uri in [
        "/compare?f=alpha-law&f=beta-standard&as_of=2024-02-30",
        "/compare?f=alpha-law&f=beta-standard&dir=up",
        "/compare?f=alpha-law&f=beta-standard&sort=Not%20a%20key",
        "/compare?f=alpha-law&f=beta-standard&orient=diagonal",
        "/compare?f=alpha-law&x=1",
        "/frameworks?sort=name",
        "/frameworks/alpha-law?as_of=yesterday",
        "/aspects/travel-rule?sort=..",
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{uri}: {}", a.body);
    }
    let j = get("/compare.json?f=alpha-law&f=beta-standard&as_of=2024-02-30").await.json();
    assert_eq!(j["error"], "bad-date");
}

#[tokio::test]
async fn no_route_answers_500_to_odd_query_strings() {
    let routes = [
        "/",
        "/compare",
        "/frameworks",
        "/frameworks/eu-mica",
        "/aspects",
        "/aspects/travel-rule",
        "/jurisdictions",
        "/jurisdictions/GB",
        "/sources",
        "/methodology",
        "/glossary",
        "/about",
        "/api/openapi.json",
    ];
    let queries = [
        "",
        "?",
        "?f",
        "?f=&f=",
        "?f=%FF%FE",
        "?f=eu-mica&f=eu-mica",
        "?as_of=%00",
        "?sort=..",
        "?dir=",
        "?f%5B%5D=x",
        "?f=eu-mica&f=us-genius-act&sort=travel-rule.travel-threshold&dir=desc",
        "?as_of=9999-12-31",
        "?as_of=0001-01-01",
        "?group=aml&group=aml",
        "?aspects=,,,",
        "?%20=1",
        "?f=%3Cscript%3E",
        "?orient=frameworks",
    ];
    for route in routes {
        for q in queries {
            for suffix in ["", ".json"] {
                let base = if route == "/" && suffix == ".json" { "/index".to_owned() } else { route.to_owned() };
                if route == "/api/openapi.json" && suffix == ".json" {
                    continue;
                }
                let uri = format!("{base}{suffix}{q}");
                let a = get_with(shipped(), &uri, None).await;
                assert!(a.status.as_u16() < 500, "{uri} answered {}", a.status);
                if a.status != StatusCode::OK && suffix == ".json" {
                    assert!(a.json()["error"].is_string(), "{uri}: error shape");
                }
            }
        }
    }
}
