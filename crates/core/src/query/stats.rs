//! Counts that describe the dataset's coverage and quality: frameworks, jurisdictions, cells, citation and
//! confidence shares, review dates, cells per level.

use crate::ids::IsoDate;
use crate::model::{Confidence, Dataset, Level};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// The dataset in numbers.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Stats {
    /// Frameworks.
    pub frameworks: usize,
    /// Frameworks per kind.
    pub frameworks_per_kind: BTreeMap<String, usize>,
    /// Distinct jurisdictions with a framework of their own (ISO codes, sub-national codes and `EU`; `INT` not
    /// counted; an EU member state counts only with an entry of its own).
    pub jurisdictions: usize,
    /// Their codes.
    pub jurisdiction_codes: Vec<String>,
    /// Aspects.
    pub aspects: usize,
    /// Cells present.
    pub cells: usize,
    /// Cells expected (frameworks × aspects); the difference is missing cells.
    pub cells_expected: usize,
    /// Share of cells citing at least one primary source (0 to 1).
    pub share_primary: f64,
    /// Share of cells with at least one citation carrying a URL and a pinpoint (0 to 1).
    pub share_cited_with_pinpoint: f64,
    /// Share of cells with high confidence (0 to 1).
    pub share_high_confidence: f64,
    /// The major markets of the data's lists.
    pub major_markets: Vec<String>,
    /// Share of high-confidence cells among the frameworks of the major markets (0 to 1).
    pub share_high_confidence_major_markets: f64,
    /// Cells per confidence.
    pub cells_per_confidence: BTreeMap<Confidence, usize>,
    /// Cells per level.
    pub cells_per_level: BTreeMap<Level, usize>,
    /// Oldest review date of any cell.
    pub oldest_review: Option<IsoDate>,
    /// Newest review date of any cell.
    pub newest_review: Option<IsoDate>,
    /// Distinct sources (by URL).
    pub sources: usize,
    /// Glossary terms.
    pub glossary_terms: usize,
}

/// Computes the statistics of `data`.
pub fn stats(data: &Dataset) -> Stats {
    let mut per_kind = BTreeMap::new();
    let mut codes = std::collections::BTreeSet::new();
    let (mut cells, mut primary, mut pinpointed, mut high) = (0usize, 0usize, 0usize, 0usize);
    let mut per_level = BTreeMap::new();
    let mut per_confidence = BTreeMap::new();
    let mut reviews = Vec::new();
    for f in data.frameworks.values() {
        *per_kind.entry(f.kind.as_str().to_owned()).or_insert(0) += 1;
        codes.extend(f.jurisdictions.iter().map(|j| j.as_str().to_owned()).filter(|c| c != "INT"));
        for p in f.provisions.values() {
            cells += 1;
            let sources: Vec<_> = p.current.citations.iter().filter_map(|c| f.source(&c.source)).collect();
            if sources.iter().any(|s| s.primary) {
                primary += 1;
            }
            // Citations exist only with a resolved source (which has a valid URL) and a non-empty pinpoint.
            if !sources.is_empty() {
                pinpointed += 1;
            }
            if p.confidence == Confidence::High {
                high += 1;
            }
            *per_level.entry(p.current.level).or_insert(0) += 1;
            *per_confidence.entry(p.confidence).or_insert(0) += 1;
            reviews.push(p.reviewed);
        }
    }
    let ratio = |n: usize, of: usize| if of == 0 { 0.0 } else { (n as f64 / of as f64 * 1000.0).round() / 1000.0 };
    let share = |n: usize| ratio(n, cells);
    let major = &data.lists.major_markets;
    let (major_cells, major_high) = data
        .frameworks
        .values()
        .filter(|f| f.jurisdictions.iter().any(|j| major.contains(j)))
        .flat_map(|f| f.provisions.values())
        .fold((0, 0), |(n, h), p| (n + 1, h + usize::from(p.confidence == Confidence::High)));
    Stats {
        frameworks: data.frameworks.len(),
        frameworks_per_kind: per_kind,
        jurisdictions: codes.len(),
        jurisdiction_codes: codes.into_iter().collect(),
        aspects: data.aspects.len(),
        cells,
        cells_expected: data.frameworks.len() * data.aspects.len(),
        share_primary: share(primary),
        share_cited_with_pinpoint: share(pinpointed),
        share_high_confidence: share(high),
        major_markets: major.iter().map(|j| j.to_string()).collect(),
        share_high_confidence_major_markets: ratio(major_high, major_cells),
        cells_per_confidence: per_confidence,
        cells_per_level: per_level,
        oldest_review: reviews.iter().min().copied(),
        newest_review: reviews.iter().max().copied(),
        sources: super::catalog::sources(data).len(),
        glossary_terms: data.glossary.len(),
    }
}
