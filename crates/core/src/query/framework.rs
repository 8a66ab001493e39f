//! One framework in full: header, summary, milestones, sources and every cell as of a date.

use super::views::{AspectHeader, CellView, FrameworkHeader, MilestoneView, SourceView};
use super::{QueryError, find_framework, parse_date};
use crate::ids::{FrameworkId, IsoDate};
use crate::model::Dataset;
use schemars::JsonSchema;
use serde::Serialize;

/// An aspect and the framework's cell for it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AspectCell {
    /// The row.
    pub aspect: AspectHeader,
    /// The cell.
    pub cell: CellView,
}

/// Everything about one framework.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FrameworkReport {
    /// Header fields.
    pub framework: FrameworkHeader,
    /// What it is.
    pub summary: String,
    /// The date asked for; `null` means today.
    pub as_of: Option<IsoDate>,
    /// Dated events, oldest first.
    pub milestones: Vec<MilestoneView>,
    /// Documents cited.
    pub sources: Vec<SourceView>,
    /// The international standards to compare it with (from the data's lists; itself left out).
    pub standards: Vec<FrameworkId>,
    /// One cell per aspect, in aspect order.
    pub cells: Vec<AspectCell>,
    /// Its milestones and cell changes, oldest first (legal time).
    pub timeline: Vec<super::changes::LegalEvent>,
}

/// Builds the report of framework `id` as of `as_of`.
pub fn framework_report(data: &Dataset, id: &str, as_of: Option<&str>) -> Result<FrameworkReport, QueryError> {
    let f = find_framework(data, id)?;
    let as_of = parse_date(as_of)?;
    Ok(FrameworkReport {
        framework: FrameworkHeader::build(f, as_of),
        summary: f.summary.clone(),
        as_of,
        milestones: MilestoneView::all(f),
        sources: SourceView::all(f),
        standards: data.lists.standards.iter().filter(|s| **s != f.id).cloned().collect(),
        cells: data
            .aspects
            .iter()
            .map(|a| AspectCell { aspect: AspectHeader::build(data, a), cell: CellView::build(data, f, a, as_of) })
            .collect(),
        timeline: super::changes::framework_events(data, f, &[]),
    })
}
