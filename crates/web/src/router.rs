//! Every route in one place: the pages (each with its JSON twin, OpenAPI operation and navigation entry,
//! registered together), the OpenAPI document and the static assets.

use crate::error::AppError;
use crate::pages::{alignment, aspects, changes, compare, frameworks, info, jurisdictions, map, path, search, sources};
use crate::respond::Ctx;
use crate::security;
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use std::sync::LazyLock;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};
use utoipa::openapi::path::PathsBuilder;

/// One page: where it is served, its handler, its JSON twin's OpenAPI operation and response schema (the page's
/// context struct), and its label in the main navigation. Adding a page is one line in `pages()`.
pub struct Page {
    /// The HTML path (`/compare`, `/frameworks/{id}`).
    pub path: &'static str,
    handler: MethodRouter<AppState>,
    /// Adds the JSON twin's operation, from the handler's `#[utoipa::path]`, to the OpenAPI paths.
    pub operation: fn(PathsBuilder) -> PathsBuilder,
    /// The schema of the JSON twin's answer: the context struct the handler serialises.
    pub schema: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
    /// The OpenAPI tag that groups its operation.
    pub tag: &'static str,
    /// Its label in the main navigation, if it is listed there.
    pub nav: Option<&'static str>,
}

impl Page {
    /// The path of the JSON twin: `.json` appended (to the last segment for `/frameworks/{id}`); `/index.json`
    /// for `/`.
    pub fn json_path(&self) -> String {
        if self.path == "/" { "/index.json".to_owned() } else { format!("{}.json", self.path) }
    }

    /// Whether the twin needs a route of its own (a path parameter takes the `.json` suffix with it).
    fn twin_route(&self) -> bool {
        !self.path.contains('{')
    }
}

/// Registers a page: path, handler, the operation type utoipa generates beside the handler (`__path_<handler>`),
/// the context struct, the OpenAPI tag, the nav label.
macro_rules! page {
    ($path:literal, $handler:path, $operation:ty, $context:ty, $tag:literal, $nav:expr) => {
        Page {
            path: $path,
            handler: get($handler),
            operation: |paths| paths.path_from::<$operation>(),
            schema: |g| g.subschema_for::<$context>(),
            tag: $tag,
            nav: $nav,
        }
    };
}

/// Every page, in navigation order.
pub fn pages() -> Vec<Page> {
    vec![
        page!("/", compare::home, compare::__path_home, compare::ComparePage, "compare", None),
        page!("/compare", compare::compare, compare::__path_compare, compare::ComparePage, "compare", Some("Compare")),
        page!(
            "/frameworks",
            frameworks::list,
            frameworks::__path_list,
            frameworks::FrameworksPage,
            "frameworks",
            Some("Frameworks")
        ),
        page!(
            "/frameworks/{id}",
            frameworks::show,
            frameworks::__path_show,
            frameworks::FrameworkPage,
            "frameworks",
            None
        ),
        page!("/aspects", aspects::list, aspects::__path_list, aspects::AspectsPage, "aspects", Some("Aspects")),
        page!("/aspects/{id}", aspects::show, aspects::__path_show, aspects::AspectPage, "aspects", None),
        page!(
            "/jurisdictions",
            jurisdictions::list,
            jurisdictions::__path_list,
            jurisdictions::JurisdictionsPage,
            "jurisdictions",
            Some("Jurisdictions")
        ),
        page!(
            "/jurisdictions/{code}",
            jurisdictions::show,
            jurisdictions::__path_show,
            jurisdictions::JurisdictionPage,
            "jurisdictions",
            None
        ),
        page!("/map", map::show, map::__path_show, map::MapPage, "jurisdictions", Some("Map")),
        page!("/path", path::show, path::__path_show, path::PathPage, "path", Some("Pathfinder")),
        page!(
            "/alignment",
            alignment::matrix_page,
            alignment::__path_matrix_page,
            alignment::AlignmentPage,
            "alignment",
            Some("Alignment")
        ),
        page!(
            "/alignment/{code}",
            alignment::jurisdiction_page,
            alignment::__path_jurisdiction_page,
            alignment::AlignmentJurisdictionPage,
            "alignment",
            None
        ),
        page!(
            "/gaps",
            alignment::gaps_page,
            alignment::__path_gaps_page,
            alignment::GapsPage,
            "alignment",
            Some("Gaps")
        ),
        page!("/changes", changes::list, changes::__path_list, changes::ChangesPage, "changes", Some("Changes")),
        page!("/search", search::show, search::__path_show, search::SearchPage, "search", None),
        page!("/sources", sources::list, sources::__path_list, sources::SourcesPage, "sources", Some("Sources")),
        page!(
            "/methodology",
            info::methodology,
            info::__path_methodology,
            info::MethodologyPage,
            "about",
            Some("Methodology")
        ),
        page!("/glossary", info::glossary, info::__path_glossary, info::GlossaryPage, "about", Some("Glossary")),
        page!("/about", info::about, info::__path_about, info::AboutPage, "about", Some("About")),
    ]
}

/// The main navigation: (label, path) of every page listed there, in order.
pub fn nav() -> &'static [(&'static str, &'static str)] {
    static NAV: LazyLock<Vec<(&'static str, &'static str)>> =
        LazyLock::new(|| pages().into_iter().filter_map(|p| Some((p.nav?, p.path))).collect());
    &NAV
}

/// The application: pages, their JSON twins, the OpenAPI document and static assets.
pub fn app(state: AppState) -> Router {
    let release = state.data.release.as_ref().map(|r| r.version.clone()).unwrap_or_default();
    let answers = crate::cache::AnswerCache::new(&release, state.cache_mb);
    let mut router = Router::new();
    for page in pages() {
        if page.twin_route() {
            router = router.route(&page.json_path(), page.handler.clone());
        }
        router = router.route(page.path, page.handler);
    }
    let mut router = router
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
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(answers, crate::cache::layer));
    for layer in security::layers() {
        router = router.layer(layer);
    }
    router
        .layer(CompressionLayer::new())
        .layer(CorsLayer::new().allow_origin(Any).allow_methods([Method::GET, Method::HEAD]))
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
