//! Listings across the dataset: every source with the frameworks that cite it, whole or filtered by framework,
//! jurisdiction and kind (primary or not).

use super::QueryError;
use super::jurisdiction::selected_frameworks;
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

/// What the user asked of the list of sources, as typed.
#[derive(Debug, Clone, Default)]
pub struct SourcesInput {
    /// Framework ids: only sources these frameworks cite.
    pub frameworks: Vec<String>,
    /// Jurisdictions (codes, names, synonyms): only sources cited by the frameworks that apply there.
    pub jurisdictions: Vec<String>,
    /// `true`: primary sources only; `false`: secondary only.
    pub primary: Option<String>,
}

/// The filter of the list of sources, parsed (echoed in the answer).
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct SourcesQuery {
    /// The frameworks named by id, canonical.
    pub frameworks: Vec<FrameworkId>,
    /// The jurisdictions as typed, trimmed (their frameworks are in `frameworks`).
    pub jurisdictions: Vec<String>,
    /// Primary sources only (`true`), secondary only (`false`), or both.
    pub primary: Option<bool>,
    /// The frameworks whose sources are listed: those named and those that apply in the jurisdictions; empty when
    /// nothing is named (every framework's sources are listed).
    pub selected: Vec<FrameworkId>,
}

/// The sources that pass a filter.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceList {
    /// The filter.
    pub query: SourcesQuery,
    /// How many of the listed sources are primary.
    pub primary_count: usize,
    /// The sources, primary first; `cited_by` lists only selected frameworks when some are selected.
    pub sources: Vec<SourceListing>,
}

/// The sources cited by the selected frameworks (all when none is selected), of the kind asked for.
pub fn source_list(data: &Dataset, input: &SourcesInput) -> Result<SourceList, QueryError> {
    let selected = selected_frameworks(data, &input.frameworks, &input.jurisdictions)?;
    let named = selected_frameworks(data, &input.frameworks, &[])?.unwrap_or_default();
    let primary = match input.primary.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(other) => {
            return Err(QueryError::InvalidChoice {
                parameter: "primary".into(),
                value: other.to_owned(),
                expected: "`true` (primary sources only) or `false` (secondary only)".into(),
            });
        }
    };
    let sources: Vec<SourceListing> = sources(data)
        .into_iter()
        .filter(|s| primary.is_none_or(|p| s.primary == p))
        .filter_map(|mut s| {
            if let Some(selected) = &selected {
                s.cited_by.retain(|f| selected.contains(f));
            }
            (!s.cited_by.is_empty()).then_some(s)
        })
        .collect();
    let jurisdictions = super::split_list(&input.jurisdictions).into_iter().map(str::to_owned).collect();
    Ok(SourceList {
        primary_count: sources.iter().filter(|s| s.primary).count(),
        sources,
        query: SourcesQuery { frameworks: named, jurisdictions, primary, selected: selected.unwrap_or_default() },
    })
}
