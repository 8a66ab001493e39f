//! Listings across the dataset: jurisdictions and the frameworks that apply there, and every source with the
//! frameworks that cite it.

use super::views::FrameworkHeader;
use super::{QueryError, suggestions};
use crate::ids::{FrameworkId, IsoDate};
use crate::model::Dataset;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// A jurisdiction and how many frameworks apply there.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JurisdictionSummary {
    /// ISO 3166-1 alpha-2, `EU` or `INT`.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Frameworks whose jurisdictions include this code.
    pub frameworks: Vec<FrameworkId>,
}

/// Every jurisdiction that has at least one framework, by name.
pub fn jurisdictions(data: &Dataset) -> Vec<JurisdictionSummary> {
    let mut by_code: BTreeMap<String, JurisdictionSummary> = BTreeMap::new();
    for f in data.frameworks.values() {
        for j in &f.jurisdictions {
            by_code
                .entry(j.as_str().to_owned())
                .or_insert_with(|| JurisdictionSummary {
                    code: j.as_str().to_owned(),
                    name: j.name().to_owned(),
                    frameworks: Vec::new(),
                })
                .frameworks
                .push(f.id.clone());
        }
    }
    let mut list: Vec<_> = by_code.into_values().collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

/// One jurisdiction: its own frameworks and the international standards that apply everywhere.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JurisdictionReport {
    /// Code.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Frameworks that apply there (national, regional, agency rules, arrangements).
    pub frameworks: Vec<FrameworkHeader>,
    /// International standards that its frameworks can be measured against.
    pub standards: Vec<FrameworkHeader>,
}

/// The report for `code` (case-insensitive), or the closest codes.
pub fn jurisdiction(data: &Dataset, code: &str) -> Result<JurisdictionReport, QueryError> {
    let all = jurisdictions(data);
    let wanted = code.to_uppercase();
    let Some(found) = all.iter().find(|j| j.code == wanted) else {
        let names: Vec<String> = all.iter().map(|j| j.code.clone()).collect();
        let mut close = suggestions(&wanted, names.iter().map(String::as_str));
        if close.is_empty() {
            close = all
                .iter()
                .filter(|j| j.name.to_lowercase().contains(&code.to_lowercase()))
                .map(|j| j.code.clone())
                .collect();
        }
        return Err(QueryError::UnknownJurisdiction { id: code.to_owned(), suggestions: close });
    };
    let header = |id: &FrameworkId| data.framework(id).map(|f| FrameworkHeader::build(f, None));
    Ok(JurisdictionReport {
        code: found.code.clone(),
        name: found.name.clone(),
        frameworks: found.frameworks.iter().filter_map(header).collect(),
        standards: data
            .frameworks
            .values()
            .filter(|f| f.kind == crate::model::FrameworkKind::InternationalStandard && found.code != "INT")
            .map(|f| FrameworkHeader::build(f, None))
            .collect(),
    })
}

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
