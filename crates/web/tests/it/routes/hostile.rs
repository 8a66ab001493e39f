//! Every page of the hostile-strings fixture is escaped in HTML and exact in JSON (issue #5).

use crate::harness::{get_with, hostile};
use axum::http::StatusCode;

const PAGES: [&str; 14] = [
    "/",
    "/compare?f=hostile-law&f=beta-standard",
    "/compare?f=hostile-law&f=beta-standard&orient=frameworks&sort=travel-rule.travel-threshold",
    "/frameworks",
    "/frameworks/hostile-law",
    "/aspects",
    "/aspects/stablecoin-reserves",
    "/aspects/travel-rule",
    "/jurisdictions",
    "/jurisdictions/IL",
    "/sources",
    "/methodology",
    "/glossary",
    "/about",
];

#[tokio::test]
async fn markup_in_the_data_is_escaped_in_every_page() {
    for page in PAGES {
        let a = get_with(hostile(), page, None).await;
        assert_eq!(a.status, StatusCode::OK, "{page}");
        for raw in ["<script>alert", "<img src=x", "<b>H", "<a href='x'>", "<1>", "<x>"] {
            assert!(!a.body.contains(raw), "{page} contains unescaped {raw:?}");
        }
        // The only scripts are the site's own.
        assert_eq!(a.body.matches("<script").count(), 1, "{page}");
    }
}

#[tokio::test]
async fn json_twins_carry_the_exact_strings() {
    let data = hostile();
    let framework = data.frameworks.values().find(|f| f.id.as_str() == "hostile-law").expect("hostile");
    let a = get_with(hostile(), "/frameworks/hostile-law.json", None).await;
    assert_eq!(a.status, StatusCode::OK);
    let json = a.json();
    assert_eq!(json["framework"]["name"], framework.name.as_str());
    assert_eq!(json["summary"], framework.summary.as_str());
    assert!(framework.summary.contains('\u{7}'), "control characters survive loading");
    for page in PAGES {
        let path = match page.split_once('?') {
            Some((p, q)) => format!("{}.json?{q}", if p == "/" { "/index" } else { p }),
            None => format!("{}.json", if page == "/" { "/index" } else { page }),
        };
        let a = get_with(hostile(), &path, None).await;
        assert_eq!(a.status, StatusCode::OK, "{path}");
        let _ = a.json();
    }
}
