//! The OpenAPI document is generated, served, pinned by a snapshot, and lists every JSON route.

use crate::harness::get;

#[tokio::test]
async fn openapi_is_served_and_pinned() {
    let a = get("/api/openapi.json").await;
    assert_eq!(a.status, axum::http::StatusCode::OK);
    let doc = a.json();
    for path in [
        "/compare.json",
        "/index.json",
        "/frameworks.json",
        "/frameworks/{id}.json",
        "/aspects.json",
        "/aspects/{id}.json",
        "/jurisdictions.json",
        "/jurisdictions/{code}.json",
        "/sources.json",
        "/methodology.json",
        "/glossary.json",
        "/about.json",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing from the OpenAPI document");
        let schema = &doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        assert!(schema.is_object(), "{path}: no response schema");
    }
    assert!(doc["components"]["schemas"]["Comparison"].is_object());
    insta::assert_snapshot!("openapi", cryptoreg_web::openapi::document());
}

#[tokio::test]
async fn every_query_parameter_is_documented() {
    let doc = get("/api/openapi.json").await.json();
    let guide = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/JSON.md"))
        .expect("docs/JSON.md");
    let mut seen = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for p in item["get"]["parameters"].as_array().into_iter().flatten().filter(|p| p["in"] == "query") {
            let name = p["name"].as_str().expect("name");
            assert!(
                guide.contains(&format!("`{name}`")),
                "docs/JSON.md does not document parameter `{name}` of {path}"
            );
            seen += 1;
        }
    }
    assert!(seen >= 10, "only {seen} parameters found");
}

#[tokio::test]
async fn every_page_in_the_navigation_is_served_and_documented_with_its_twin() {
    // Issue #8: a page is registered once; its route, JSON twin, OpenAPI operation and nav entry come together.
    let doc = get("/api/openapi.json").await.json();
    let home = get("/").await.body;
    let nav = &home[home.find("<nav").expect("nav")..home.find("</nav>").expect("nav end")];
    let links: Vec<&str> = nav.split("href=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert_eq!(links.len(), 13, "{links:?}");
    for link in links {
        assert_eq!(get(link).await.status, axum::http::StatusCode::OK, "{link}");
        let twin = format!("{link}.json");
        assert_eq!(get(&twin).await.status, axum::http::StatusCode::OK, "{twin}");
        assert!(doc["paths"][&twin]["get"]["tags"].is_array(), "{twin} is not in the OpenAPI document");
    }
}
