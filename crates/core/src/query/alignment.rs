//! Alignment and gaps: how far a jurisdiction has implemented each international standard, requirement by
//! requirement, as of a date; and, turned around, which jurisdictions leave which recommended requirement open.
//! Every status carries the cells behind it: the jurisdiction's merged cell with its components, and the
//! standard's cell, each with citations.

use super::jurisdiction::{Applicability, MergedCell, applicability, find_jurisdiction};
use super::views::{AspectHeader, CellView, CitationView, FrameworkHeader};
use super::{QueryError, find_framework, parse_date};
use crate::ids::{AspectId, FrameworkId, IsoDate, Jurisdiction, RequirementId};
use crate::model::{Aspect, Confidence, Dataset, Framework, FrameworkKind, JurisdictionInfo, Level, Strength};
use schemars::JsonSchema;
use serde::Serialize;

/// Where a jurisdiction stands on one requirement that a standard recommends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AlignmentStatus {
    /// Mandatory in a cell of the jurisdiction that applies on the date.
    InForce,
    /// Mandatory in a cell adopted but not yet applicable on the date.
    Adopted,
    /// Only recommended, or the aspect is addressed by a principle only.
    Partly,
    /// The jurisdiction addresses the aspect without the requirement, does not address it, or bans the activity.
    Absent,
    /// The jurisdiction's cells do not settle it, or no framework of the data applies there throughout.
    Unknown,
}

impl AlignmentStatus {
    /// Every status, strongest first.
    pub const ALL: [AlignmentStatus; 5] = [
        AlignmentStatus::InForce,
        AlignmentStatus::Adopted,
        AlignmentStatus::Partly,
        AlignmentStatus::Absent,
        AlignmentStatus::Unknown,
    ];

    /// The kebab-case name (`in-force`).
    pub fn as_str(self) -> &'static str {
        match self {
            AlignmentStatus::InForce => "in-force",
            AlignmentStatus::Adopted => "adopted",
            AlignmentStatus::Partly => "partly",
            AlignmentStatus::Absent => "absent",
            AlignmentStatus::Unknown => "unknown",
        }
    }

    /// For readers (`in force`).
    pub fn label(self) -> &'static str {
        match self {
            AlignmentStatus::InForce => "in force",
            AlignmentStatus::Adopted => "adopted, not yet applicable",
            AlignmentStatus::Partly => "partly",
            AlignmentStatus::Absent => "absent",
            AlignmentStatus::Unknown => "unknown",
        }
    }
}

/// Counts of statuses and the shares that make the score.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Score {
    /// Requirements counted.
    pub total: usize,
    /// In force.
    pub in_force: usize,
    /// Adopted, not yet applicable.
    pub adopted: usize,
    /// Partly.
    pub partly: usize,
    /// Absent.
    pub absent: usize,
    /// Unknown.
    pub unknown: usize,
    /// Statuses that rest on a low-confidence cell (the jurisdiction's deciding cells or the standard's).
    pub low_confidence: usize,
    /// Share in force, 0 to 1 (`null` when nothing is counted or every status is unknown).
    pub in_force_share: Option<f64>,
    /// Share adopted but not yet applicable, 0 to 1.
    pub adopted_share: Option<f64>,
}

impl Score {
    fn add(&mut self, status: AlignmentStatus, low_confidence: bool) {
        self.total += 1;
        match status {
            AlignmentStatus::InForce => self.in_force += 1,
            AlignmentStatus::Adopted => self.adopted += 1,
            AlignmentStatus::Partly => self.partly += 1,
            AlignmentStatus::Absent => self.absent += 1,
            AlignmentStatus::Unknown => self.unknown += 1,
        }
        if low_confidence {
            self.low_confidence += 1;
        }
        self.update_shares();
    }

    fn merge(&mut self, other: &Score) {
        self.total += other.total;
        self.in_force += other.in_force;
        self.adopted += other.adopted;
        self.partly += other.partly;
        self.absent += other.absent;
        self.unknown += other.unknown;
        self.low_confidence += other.low_confidence;
        self.update_shares();
    }

    fn update_shares(&mut self) {
        // Where nothing is known there is no score: "0%" would claim the requirements are absent.
        let known = self.total > 0 && self.unknown < self.total;
        let share = |n: usize| known.then(|| n as f64 / self.total as f64);
        self.in_force_share = share(self.in_force);
        self.adopted_share = share(self.adopted);
    }

    /// The in-force share as a whole percentage, for display (`no data` when nothing is known).
    pub fn percent(&self) -> String {
        self.in_force_share.map_or_else(|| "no data".to_owned(), |s| format!("{:.0}%", s * 100.0))
    }

    /// The adopted share as a whole percentage, empty when none.
    pub fn adopted_percent(&self) -> String {
        match self.adopted_share {
            Some(s) if s > 0.0 => format!("+{:.0}% adopted", s * 100.0),
            _ => String::new(),
        }
    }

    /// A colour band for the in-force share: `none`, `low` (< 34%), `mid` (< 67%) or `high`.
    pub fn band(&self) -> &'static str {
        match self.in_force_share {
            None => "none",
            Some(s) if s < 0.34 => "low",
            Some(s) if s < 0.67 => "mid",
            Some(_) => "high",
        }
    }
}

/// A jurisdiction's cell that imposes (or recommends) a requirement, with its citations.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Evidence {
    /// The framework.
    pub framework: FrameworkId,
    /// Its short name.
    pub short: String,
    /// How strongly the cell imposes the requirement.
    pub strength: Strength,
    /// From when it applies, if later than the date asked for.
    pub applies_from: Option<IsoDate>,
    /// How sure the editors are of the cell.
    pub confidence: Option<Confidence>,
    /// Where it is said.
    pub citations: Vec<CitationView>,
}

/// One requirement of a standard and where the jurisdiction stands on it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RequirementStatus {
    /// The requirement.
    pub requirement: RequirementId,
    /// Its label.
    pub label: String,
    /// The status.
    pub status: AlignmentStatus,
    /// Whether the status rests on a low-confidence cell.
    pub low_confidence: bool,
    /// The jurisdiction's cells that impose or recommend it (in force first, then adopted).
    pub evidence: Vec<Evidence>,
    /// The standard's citations for the requirement (its cell's citations).
    pub standard_citations: Vec<CitationView>,
}

/// One aspect of a standard, requirement by requirement.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AspectAlignment {
    /// The aspect.
    pub aspect: AspectHeader,
    /// The jurisdiction's merged level on the aspect (`null` where nothing applies).
    pub level: Option<Level>,
    /// The frameworks deciding that level.
    pub decided_by: Vec<FrameworkId>,
    /// The score of this aspect.
    pub score: Score,
    /// Each requirement the standard recommends here.
    pub requirements: Vec<RequirementStatus>,
}

/// A jurisdiction measured against one standard.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StandardAlignment {
    /// The standard.
    pub standard: FrameworkHeader,
    /// The overall score.
    pub score: Score,
    /// Per aspect, only aspects where the standard recommends something.
    pub aspects: Vec<AspectAlignment>,
}

/// The international standards of the data, in id order.
pub fn standards(data: &Dataset) -> Vec<&Framework> {
    data.frameworks.values().filter(|f| f.kind == FrameworkKind::InternationalStandard).collect()
}

/// The requirements a standard's cell recommends (or makes mandatory: a standard's word is a recommendation).
fn recommended(cell: &CellView) -> Vec<(RequirementId, String)> {
    if !cell.has_content() || cell.pending {
        return Vec::new();
    }
    cell.requirements.iter().map(|r| (r.id.clone(), r.label.clone())).collect()
}

/// Measures jurisdiction `code` (with its applicability) against `standard` as of `date`.
pub fn measure(
    data: &Dataset,
    applicability: &Applicability<'_>,
    code: &Jurisdiction,
    standard: &Framework,
    date: Option<IsoDate>,
) -> StandardAlignment {
    let mut total = Score::default();
    let mut aspects = Vec::new();
    for aspect in &data.aspects {
        let standard_cell = CellView::build(data, standard, aspect, date);
        let wanted = recommended(&standard_cell);
        if wanted.is_empty() {
            continue;
        }
        let merged = MergedCell::shared(data, applicability, code, aspect, date);
        let mut score = Score::default();
        let requirements: Vec<RequirementStatus> = wanted
            .into_iter()
            .map(|(id, label)| {
                let status = status_of(applicability, &merged, &id);
                let deciding_low = merged.is_low_confidence() && status != AlignmentStatus::Unknown;
                let low = deciding_low || standard_cell.is_low_confidence();
                score.add(status, low);
                RequirementStatus {
                    evidence: evidence(&merged, &id),
                    standard_citations: standard_cell.citations.clone(),
                    requirement: id,
                    label,
                    status,
                    low_confidence: low,
                }
            })
            .collect();
        total.merge(&score);
        aspects.push(AspectAlignment {
            aspect: AspectHeader::build(data, aspect),
            level: merged.level,
            decided_by: merged.decided_by.clone(),
            score,
            requirements,
        });
    }
    StandardAlignment { standard: FrameworkHeader::build(standard, date), score: total, aspects }
}

fn status_of(applicability: &Applicability<'_>, merged: &MergedCell, id: &RequirementId) -> AlignmentStatus {
    let strength_in = |cells: &[super::jurisdiction::Component]| {
        cells
            .iter()
            .flat_map(|c| c.cell.requirements.iter().filter(|r| &r.id == id).map(|r| r.strength))
            .min_by_key(|s| *s != Strength::Mandatory)
    };
    match strength_in(&merged.components) {
        Some(Strength::Mandatory) => return AlignmentStatus::InForce,
        _ if strength_in(&merged.upcoming) == Some(Strength::Mandatory) => return AlignmentStatus::Adopted,
        Some(Strength::Recommended) => return AlignmentStatus::Partly,
        None => {}
    }
    match merged.level {
        None if applicability.applies.is_empty() => AlignmentStatus::Unknown,
        Some(Level::Unknown) => AlignmentStatus::Unknown,
        Some(Level::Principle) => AlignmentStatus::Partly,
        _ => AlignmentStatus::Absent,
    }
}

fn evidence(merged: &MergedCell, id: &RequirementId) -> Vec<Evidence> {
    merged
        .components
        .iter()
        .chain(&merged.upcoming)
        .filter_map(|c| {
            let r = c.cell.requirements.iter().find(|r| &r.id == id)?;
            Some(Evidence {
                framework: c.cell.framework.clone(),
                short: c.short.clone(),
                strength: r.strength,
                applies_from: c.cell.applies_from.filter(|_| c.cell.pending),
                confidence: c.cell.confidence,
                citations: c.cell.citations.clone(),
            })
        })
        .collect()
}

/// The jurisdictions measured: every jurisdiction of the data but `INT`, by name.
pub(crate) fn measured_jurisdictions(data: &Dataset) -> Vec<&JurisdictionInfo> {
    let mut list: Vec<&JurisdictionInfo> = data.jurisdictions.values().filter(|j| j.code.as_str() != "INT").collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

/// A row of the matrix: one jurisdiction's score against each standard.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MatrixRow {
    /// Code.
    pub code: Jurisdiction,
    /// Name.
    pub name: String,
    /// How many frameworks of the data apply there throughout.
    pub frameworks: usize,
    /// One score per standard, in the order of `AlignmentMatrix::standards`.
    pub scores: Vec<Score>,
}

/// Jurisdictions × standards.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AlignmentMatrix {
    /// The date asked for; `null` means today.
    pub as_of: Option<IsoDate>,
    /// The standards (columns).
    pub standards: Vec<FrameworkHeader>,
    /// The rows, sorted.
    pub rows: Vec<MatrixRow>,
    /// The sort applied: `name` or a standard id.
    pub sort: String,
    /// Descending.
    pub desc: bool,
}

/// What the user asked of the matrix, as typed.
#[derive(Debug, Clone, Default)]
pub struct MatrixInput {
    /// `name` (default) or a standard id.
    pub sort: Option<String>,
    /// `asc` or `desc`.
    pub dir: Option<String>,
    /// `YYYY-MM-DD`.
    pub as_of: Option<String>,
}

/// The matrix of every jurisdiction against every international standard.
pub fn matrix(data: &Dataset, input: &MatrixInput) -> Result<AlignmentMatrix, QueryError> {
    let as_of = parse_date(input.as_of.as_deref())?;
    let desc = super::Direction::parse(input.dir.as_deref())? == super::Direction::Desc;
    let standards = standards(data);
    let sort = input.sort.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or("name").to_owned();
    let sort_column = match sort.as_str() {
        "name" => None,
        id => {
            let f = find_framework(data, id)?;
            match standards.iter().position(|s| s.id == f.id) {
                Some(i) => Some(i),
                None => {
                    return Err(QueryError::UnknownSortKey {
                        key: id.to_owned(),
                        suggestions: super::suggestions(id, standards.iter().map(|s| s.id.as_str())),
                    });
                }
            }
        }
    };
    let mut rows: Vec<MatrixRow> = measured_jurisdictions(data)
        .into_iter()
        .map(|j| {
            let app = applicability(data, &j.code);
            MatrixRow {
                code: j.code.clone(),
                name: j.name.clone(),
                frameworks: app.applies.len(),
                scores: standards.iter().map(|s| measure(data, &app, &j.code, s, as_of).score).collect(),
            }
        })
        .collect();
    if let Some(i) = sort_column {
        let key = |r: &MatrixRow| (r.scores[i].in_force_share, r.scores[i].adopted_share);
        rows.sort_by(|a, b| {
            let (ka, kb) = (key(a), key(b));
            // Rows with nothing counted sort last in both directions.
            let o = match (ka.0, kb.0) {
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                _ => {
                    let o = ka.partial_cmp(&kb).unwrap_or(std::cmp::Ordering::Equal);
                    if desc { o.reverse() } else { o }
                }
            };
            o.then_with(|| a.name.cmp(&b.name))
        });
    } else if desc {
        rows.reverse();
    }
    Ok(AlignmentMatrix {
        as_of,
        standards: standards.iter().map(|s| FrameworkHeader::build(s, as_of)).collect(),
        rows,
        sort,
        desc,
    })
}

/// One jurisdiction against every standard (or one), requirement by requirement.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JurisdictionAlignment {
    /// Code.
    pub code: Jurisdiction,
    /// Name.
    pub name: String,
    /// The date asked for; `null` means today.
    pub as_of: Option<IsoDate>,
    /// The frameworks that apply there throughout.
    pub frameworks: Vec<FrameworkId>,
    /// One entry per standard measured.
    pub standards: Vec<StandardAlignment>,
    /// What is adopted but not yet applicable, with when it applies: (framework, aspect, date).
    pub coming: Vec<Coming>,
}

/// An obligation adopted but not yet applicable.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Coming {
    /// The framework.
    pub framework: FrameworkId,
    /// The aspect.
    pub aspect: AspectId,
    /// From when it applies.
    pub applies_from: Option<IsoDate>,
    /// The cell's summary.
    pub summary: Option<String>,
}

/// Measures jurisdiction `code` against every standard, or only `standard`.
pub fn jurisdiction_alignment(
    data: &Dataset,
    code: &str,
    standard: Option<&str>,
    as_of: Option<&str>,
) -> Result<JurisdictionAlignment, QueryError> {
    let info = find_jurisdiction(data, code)?;
    let as_of = parse_date(as_of)?;
    let all = standards(data);
    let chosen: Vec<&Framework> = match standard.map(str::trim).filter(|s| !s.is_empty()) {
        None => all,
        Some(id) => {
            let f = find_framework(data, id)?;
            if f.kind != FrameworkKind::InternationalStandard {
                return Err(QueryError::UnknownFramework {
                    id: id.to_owned(),
                    suggestions: super::suggestions(id, all.iter().map(|s| s.id.as_str())),
                });
            }
            vec![f]
        }
    };
    let app = applicability(data, &info.code);
    let coming = data
        .aspects
        .iter()
        .flat_map(|a| MergedCell::build(data, &app, &info.code, a, as_of).upcoming)
        .map(|c| Coming {
            framework: c.cell.framework.clone(),
            aspect: c.cell.aspect.clone(),
            applies_from: c.cell.applies_from,
            summary: c.cell.summary.clone(),
        })
        .collect();
    Ok(JurisdictionAlignment {
        code: info.code.clone(),
        name: info.name.clone(),
        as_of,
        frameworks: app.applies.iter().map(|a| a.framework.id.clone()).collect(),
        standards: chosen.iter().map(|s| measure(data, &app, &info.code, s, as_of)).collect(),
        coming,
    })
}

/// A requirement some standard recommends and the jurisdictions that leave it open.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Gap {
    /// The requirement.
    pub requirement: RequirementId,
    /// Its label.
    pub label: String,
    /// Its aspect.
    pub aspect: AspectId,
    /// The standards that recommend it.
    pub standards: Vec<FrameworkId>,
    /// Jurisdictions where it is absent.
    pub absent: Vec<Jurisdiction>,
    /// Jurisdictions where it is unknown.
    pub unknown: Vec<Jurisdiction>,
}

/// One cell of the overview grid: a jurisdiction's merged level on an aspect.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct GridCell {
    /// The merged level (`null`: nothing applies).
    pub level: Option<Level>,
    /// The frameworks deciding it.
    pub decided_by: Vec<FrameworkId>,
    /// Whether a deciding cell is of low confidence.
    pub low_confidence: bool,
}

impl GridCell {
    /// The level's kebab-case name, or `none`.
    pub fn level_class(&self) -> &'static str {
        self.level.map_or("none", Level::as_str)
    }

    /// A short label for the grid (`bind`, `rec`, `—`).
    pub fn short_label(&self) -> &'static str {
        match self.level {
            None => "—",
            Some(Level::NotAddressed) => "none",
            Some(Level::Monitoring) => "mon",
            Some(Level::Principle) => "prin",
            Some(Level::Recommended) => "rec",
            Some(Level::Binding) => "bind",
            Some(Level::Prohibited) => "ban",
            Some(Level::Unknown) => "?",
        }
    }
}

/// A row of the overview grid: one jurisdiction, one cell per aspect.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct GridRow {
    /// Code.
    pub code: Jurisdiction,
    /// Name.
    pub name: String,
    /// One cell per aspect, in the order of `Gaps::aspects`.
    pub cells: Vec<GridCell>,
}

/// Who leaves what open, and the aspects × jurisdictions overview.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Gaps {
    /// The date asked for; `null` means today.
    pub as_of: Option<IsoDate>,
    /// Requirements recommended by some standard, most often open first.
    pub gaps: Vec<Gap>,
    /// The aspects of the grid.
    pub aspects: Vec<AspectHeader>,
    /// The grid: jurisdictions with at least one framework, by code.
    pub grid: Vec<GridRow>,
}

/// The gaps, optionally for one aspect, as of a date.
pub fn gaps(data: &Dataset, aspect: Option<&str>, as_of: Option<&str>) -> Result<Gaps, QueryError> {
    let as_of = parse_date(as_of)?;
    let aspects: Vec<&Aspect> = match aspect.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => vec![super::find_aspect(data, id)?],
        None => data.aspects.iter().collect(),
    };
    // Requirement → (aspect, standards recommending it), in aspect and vocabulary order.
    let mut wanted: Vec<(RequirementId, String, AspectId, Vec<FrameworkId>)> = Vec::new();
    for aspect in &aspects {
        for requirement in &aspect.requirements {
            let by: Vec<FrameworkId> = standards(data)
                .into_iter()
                .filter(|s| {
                    recommended(&CellView::build(data, s, aspect, as_of)).iter().any(|(id, _)| *id == requirement.id)
                })
                .map(|s| s.id.clone())
                .collect();
            if !by.is_empty() {
                wanted.push((requirement.id.clone(), requirement.label.clone(), aspect.id.clone(), by));
            }
        }
    }
    let jurisdictions: Vec<(&JurisdictionInfo, Applicability<'_>)> = measured_jurisdictions(data)
        .into_iter()
        .map(|j| (j, applicability(data, &j.code)))
        .filter(|(_, app)| !app.applies.is_empty())
        .collect();
    let mut list = Vec::new();
    for (id, label, aspect_id, by) in wanted {
        let Some(aspect) = data.aspect(&aspect_id) else { continue };
        let mut gap =
            Gap { requirement: id.clone(), label, aspect: aspect_id, standards: by, absent: vec![], unknown: vec![] };
        for (j, app) in &jurisdictions {
            let merged = MergedCell::shared(data, app, &j.code, aspect, as_of);
            match status_of(app, &merged, &id) {
                AlignmentStatus::Absent => gap.absent.push(j.code.clone()),
                AlignmentStatus::Unknown => gap.unknown.push(j.code.clone()),
                _ => {}
            }
        }
        list.push(gap);
    }
    list.sort_by_key(|g| std::cmp::Reverse(g.absent.len() + g.unknown.len()));
    let mut grid: Vec<GridRow> = jurisdictions
        .iter()
        .map(|(j, app)| GridRow {
            code: j.code.clone(),
            name: j.name.clone(),
            cells: aspects
                .iter()
                .map(|a| {
                    let m = MergedCell::shared(data, app, &j.code, a, as_of);
                    GridCell { level: m.level, low_confidence: m.is_low_confidence(), decided_by: m.decided_by.clone() }
                })
                .collect(),
        })
        .collect();
    // The grid shows codes, so it is ordered by code.
    grid.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(Gaps { as_of, gaps: list, aspects: aspects.iter().map(|a| AspectHeader::build(data, a)).collect(), grid })
}
