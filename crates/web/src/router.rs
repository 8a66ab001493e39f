//! Every route in one place: the registered pages (`pages::registry`, each with its JSON twin), the feeds and
//! downloads, the OpenAPI document and the static assets.

use crate::error::AppError;
use crate::pages::registry::{nav, pages};
use crate::pages::{changes, path};
use crate::respond::Ctx;
use crate::security;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};

/// The application: pages, their JSON twins, the OpenAPI document and static assets.
pub fn app(mut state: AppState) -> Router {
    state.nav = nav();
    let release = state.data.release.as_ref().map(|r| r.version.clone()).unwrap_or_default();
    let answers = crate::cache::AnswerCache::new(&release, state.cache_mb);
    let mut router = Router::new();
    for page in pages() {
        if page.twin_route() {
            router = router.route(&page.json_path(), page.handler.clone());
        }
        router = router.route(page.path, page.handler);
    }
    let router = router
        .route("/changes.atom", get(changes::feed_all))
        .route("/frameworks/{id}/changes.atom", get(changes::feed_framework))
        .route("/jurisdictions/{code}/changes.atom", get(changes::feed_jurisdiction))
        .route("/aspects/{id}/changes.atom", get(changes::feed_aspect))
        .route("/path.md", get(path::download))
        .route("/path.csv", get(path::download))
        .route("/api/openapi.json", get(openapi))
        .route("/favicon.ico", get(favicon))
        .route("/static/{name}", get(asset))
        .fallback(not_found)
        .with_state(state);
    // One stack of layers, outermost first, applied once: each `Router::layer` call wraps every route in a box of
    // its own, which each request clones.
    router.layer(
        tower::ServiceBuilder::new()
            // Any origin, the same answer: nothing varies with the CORS request headers, so no `Vary` names them.
            .layer(CorsLayer::new().allow_origin(Any).allow_methods([Method::GET, Method::HEAD]).vary([]))
            .layer(CompressionLayer::new())
            .layer(axum::middleware::map_response(security::add_headers))
            .layer(axum::middleware::from_fn_with_state(answers, crate::cache::layer)),
    )
}

/// The site's icon (browsers ask for `/favicon.ico`; an SVG is served, which they accept).
async fn favicon() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400")),
        ],
        include_str!("../static/favicon.svg"),
    )
        .into_response()
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], crate::openapi::document()).into_response()
}

async fn asset(State(state): State<AppState>, Path(name): Path<String>, ctx: Ctx) -> Response {
    match state.assets.get(&name) {
        Some(a) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(a.content_type)),
                (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable")),
            ],
            a.body,
        )
            .into_response(),
        None => ctx.error(AppError::not_found(format!("no static file `{name}`"))).into_response(),
    }
}

async fn not_found(ctx: Ctx) -> Response {
    let path = ctx.chrome.path.clone();
    ctx.error(AppError::not_found(format!("no page at `{path}`"))).into_response()
}
