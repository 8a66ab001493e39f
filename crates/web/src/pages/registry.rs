//! The register of pages: each page's path, handler, JSON twin's OpenAPI operation and schema, and navigation
//! entry, registered together in one list that the router, the OpenAPI document and the navigation read.

use super::{alignment, aspects, changes, compare, frameworks, info, jurisdictions, map, path, search, sources};
use crate::state::AppState;
use axum::routing::{MethodRouter, get};
use std::sync::LazyLock;
use utoipa::openapi::path::PathsBuilder;

/// One page: where it is served, its handler, its JSON twin's OpenAPI operation and response schema (the page's
/// context struct), and its label in the main navigation. Adding a page is one line in `pages()`.
pub struct Page {
    /// The HTML path (`/compare`, `/frameworks/{id}`).
    pub path: &'static str,
    pub(crate) handler: MethodRouter<AppState>,
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
    pub(crate) fn twin_route(&self) -> bool {
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
