//! Listings across the dataset: every source with the frameworks that cite it.

use crate::ids::{FrameworkId, IsoDate};
use crate::model::Dataset;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// A document and the frameworks that cite it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceListing {
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Publication date.
    pub date: Option<IsoDate>,
    /// URL (the key: sources with the same URL are one document).
    pub url: String,
    /// Legal text or standard setter's own publication.
    pub primary: bool,
    /// Frameworks whose files list it.
    pub cited_by: Vec<FrameworkId>,
}

/// Every source in the dataset, one per URL, primary first, then by publisher and title.
pub fn sources(data: &Dataset) -> Vec<SourceListing> {
    let mut by_url: BTreeMap<&str, SourceListing> = BTreeMap::new();
    for f in data.frameworks.values() {
        for s in &f.sources {
            let entry = by_url.entry(s.url.as_str()).or_insert_with(|| SourceListing {
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                date: s.date,
                url: s.url.as_str().to_owned(),
                primary: s.primary,
                cited_by: Vec::new(),
            });
            entry.primary |= s.primary;
            if !entry.cited_by.contains(&f.id) {
                entry.cited_by.push(f.id.clone());
            }
        }
    }
    let mut list: Vec<_> = by_url.into_values().collect();
    list.sort_by(|a, b| {
        b.primary
            .cmp(&a.primary)
            .then_with(|| a.publisher.to_lowercase().cmp(&b.publisher.to_lowercase()))
            .then_with(|| a.title.cmp(&b.title))
    });
    list
}
