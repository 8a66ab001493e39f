//! Every route in one place.

use crate::error::AppError;
use crate::pages::{aspects, compare, frameworks, info, jurisdictions, sources};
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
pub fn app(state: AppState) -> Router {
    let mut router = Router::new()
        .route("/", get(compare::home))
        .route("/index.json", get(compare::home))
        .route("/compare", get(compare::compare))
        .route("/compare.json", get(compare::compare))
        .route("/frameworks", get(frameworks::list))
        .route("/frameworks.json", get(frameworks::list))
        .route("/frameworks/{id}", get(frameworks::show))
        .route("/aspects", get(aspects::list))
        .route("/aspects.json", get(aspects::list))
        .route("/aspects/{id}", get(aspects::show))
        .route("/jurisdictions", get(jurisdictions::list))
        .route("/jurisdictions.json", get(jurisdictions::list))
        .route("/jurisdictions/{code}", get(jurisdictions::show))
        .route("/sources", get(sources::list))
        .route("/sources.json", get(sources::list))
        .route("/methodology", get(info::methodology))
        .route("/methodology.json", get(info::methodology))
        .route("/glossary", get(info::glossary))
        .route("/glossary.json", get(info::glossary))
        .route("/about", get(info::about))
        .route("/about.json", get(info::about))
        .route("/api/openapi.json", get(openapi))
        .route("/static/{name}", get(asset))
        .fallback(not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(crate::cache::AnswerCache::new(), crate::cache::layer));
    for layer in security::layers() {
        router = router.layer(layer);
    }
    router
        .layer(CompressionLayer::new())
        .layer(CorsLayer::new().allow_origin(Any).allow_methods([Method::GET, Method::HEAD]))
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
