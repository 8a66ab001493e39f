//! What every handler shares: the dataset (read-only) and the static assets.

use crate::assets::Assets;
use cryptoreg_core::Dataset;
use std::sync::Arc;

/// Shared, read-only application state.
#[derive(Clone)]
pub struct AppState {
    /// The dataset; never mutated at run time.
    pub data: Arc<Dataset>,
    /// Static files with their content-hashed names.
    pub(crate) assets: Arc<Assets>,
    /// The newest review date in the dataset, shown as the data's "as of".
    pub(crate) newest_review: String,
    /// The comparison picker's lists, built once.
    pub(crate) picker: Arc<crate::picker::Picker>,
    /// The main navigation, (label, path) in order: set by the router from the register of pages.
    pub(crate) nav: &'static [(&'static str, &'static str)],
    /// The full-text index, built at the first search (`None` inside if it could not be built: search says so).
    search: Arc<std::sync::OnceLock<Option<cryptoreg_store::search::SearchIndex>>>,
    /// The answer cache's capacity in megabytes (0: no cache).
    pub(crate) cache_mb: u64,
}

impl AppState {
    /// State serving `data`.
    pub fn new(data: Dataset) -> Self {
        let newest_review = data
            .frameworks
            .values()
            .flat_map(|f| f.provisions.values().map(|p| p.reviewed))
            .max()
            .map(|d| d.to_string())
            .unwrap_or_default();
        let picker = Arc::new(crate::picker::Picker::build(&data));
        let search = Arc::default();
        let cache_mb = crate::cache::DEFAULT_CAPACITY_MB;
        let assets = Arc::new(Assets::load());
        AppState { data: Arc::new(data), assets, newest_review, picker, nav: &[], search, cache_mb }
    }

    /// The same state with an answer cache of `megabytes` (0 turns the cache off; ETags and 304s stay).
    pub fn with_cache_mb(mut self, megabytes: u64) -> Self {
        self.cache_mb = megabytes;
        self
    }
}

impl AppState {
    /// The full-text index, built on first use (start-up stays fast; most requests never search).
    pub(crate) fn search_index(&self) -> Option<&cryptoreg_store::search::SearchIndex> {
        self.search
            .get_or_init(|| {
                cryptoreg_store::search::SearchIndex::build(&self.data).map_err(|e| tracing::error!("{e}")).ok()
            })
            .as_ref()
    }
}
