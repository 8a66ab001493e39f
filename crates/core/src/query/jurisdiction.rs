//! Jurisdictions as a view: finding one by code, name or synonym; which frameworks apply there (its own, those of
//! the unions it belongs to, and those of its country for a sub-national place); and the merged position of a
//! jurisdiction on an aspect as of a date, computed from the component cells, each of which it lists.

use super::views::{CellView, FrameworkHeader, KeepsRenderings, Kept, comparable};
use super::{QueryError, suggestions};
use crate::ids::{AspectId, FrameworkId, IsoDate, Jurisdiction, ParameterId, RequirementId};
use crate::model::*;
use schemars::JsonSchema;
use serde::Serialize;

/// Finds a jurisdiction by code (case-insensitive), name or synonym (case-insensitive), or says which are close.
pub fn find_jurisdiction<'d>(data: &'d Dataset, raw: &str) -> Result<&'d JurisdictionInfo, QueryError> {
    let typed = raw.trim();
    let lower = typed.to_lowercase();
    let by_code = Jurisdiction::parse_typed(typed).ok().and_then(|code| data.jurisdictions.get(&code));
    let by_name = || {
        data.jurisdictions
            .values()
            .find(|j| j.name.to_lowercase() == lower || j.synonyms.iter().any(|s| s.to_lowercase() == lower))
    };
    by_code.or_else(by_name).ok_or_else(|| {
        // Codes are compared in lower case, as the suggester does with what was typed.
        let codes: Vec<String> = data.jurisdictions.keys().map(|j| j.as_str().to_lowercase()).collect();
        let mut close: Vec<String> =
            suggestions(&lower, codes.iter().map(String::as_str)).into_iter().map(|c| c.to_uppercase()).collect();
        if close.is_empty() && !lower.is_empty() {
            close = data
                .jurisdictions
                .values()
                .filter(|j| {
                    j.name.to_lowercase().contains(&lower)
                        || j.synonyms.iter().any(|s| s.to_lowercase().contains(&lower))
                })
                .take(3)
                .map(|j| j.code.to_string())
                .collect();
        }
        QueryError::UnknownJurisdiction { id: typed.to_owned(), suggestions: close }
    })
}

/// How a framework comes to apply in a jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "via", content = "code", rename_all = "kebab-case")]
pub enum Reach {
    /// The framework names the jurisdiction itself.
    Own,
    /// Through a union the jurisdiction belongs to (`EU`).
    Union(String),
    /// A sub-national place gets its country's frameworks (`US` for `US-NY`).
    Country(String),
}

impl Reach {
    /// In words, for a reader: `its own`, `through EU`, `from US`.
    pub fn describe(&self) -> String {
        match self {
            Reach::Own => "its own".into(),
            Reach::Union(code) => format!("through {code}"),
            Reach::Country(code) => format!("from {code}"),
        }
    }
}

/// A framework that applies in a jurisdiction, and how.
#[derive(Debug, Clone)]
pub struct Applicable<'d> {
    /// The framework.
    pub framework: &'d Framework,
    /// How it applies.
    pub reach: Reach,
}

/// The frameworks that apply in a jurisdiction, and those that apply only in parts of it.
#[derive(Debug, Clone, Default)]
pub struct Applicability<'d> {
    /// Frameworks that apply throughout, with how.
    pub applies: Vec<Applicable<'d>>,
    /// Frameworks of its sub-national places (alternatives, never added up), with the place.
    pub only_in: Vec<(&'d Framework, Jurisdiction)>,
    /// Arrangements between its authorities and others': listed, not merged (they bind authorities, not firms).
    pub arrangements: Vec<&'d Framework>,
}

/// The frameworks a user selected: those named by id, then those that apply in each named jurisdiction (its own,
/// its unions' and its sub-national places'), each once and in that order; `None` when nothing is named (empty
/// values, as an empty form field sends, name nothing). Unknown ids or places are errors.
pub(crate) fn selected_frameworks(
    data: &Dataset,
    ids: &[String],
    places: &[String],
) -> Result<Option<Vec<FrameworkId>>, QueryError> {
    let (ids, places) = (super::split_list(ids), super::split_list(places));
    if ids.is_empty() && places.is_empty() {
        return Ok(None);
    }
    let mut frameworks: Vec<FrameworkId> = Vec::new();
    for id in ids {
        let f = super::find_framework(data, id)?;
        if !frameworks.contains(&f.id) {
            frameworks.push(f.id.clone());
        }
    }
    for raw in places {
        let info = find_jurisdiction(data, raw)?;
        let app = applicability(data, &info.code);
        for f in app.applies.iter().map(|a| a.framework).chain(app.only_in.iter().map(|(f, _)| *f)) {
            if !frameworks.contains(&f.id) {
                frameworks.push(f.id.clone());
            }
        }
    }
    Ok(Some(frameworks))
}

/// Which frameworks apply in `code`. International standards apply only to `INT`: elsewhere they are what a
/// jurisdiction is measured against, not its law. Arrangements between authorities are listed apart.
pub fn applicability<'d>(data: &'d Dataset, code: &Jurisdiction) -> Applicability<'d> {
    let mut reach_of: Vec<(Jurisdiction, Reach)> = vec![(code.clone(), Reach::Own)];
    let unions_of = |j: &Jurisdiction| -> Vec<String> {
        data.jurisdictions
            .get(j)
            .map(|info| {
                info.member_of
                    .iter()
                    .filter(|m| data.grouping(m).is_some_and(|g| g.kind == GroupingKind::Union))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    };
    for union in unions_of(code) {
        if let Ok(u) = Jurisdiction::parse(&union) {
            reach_of.push((u, Reach::Union(union)));
        }
    }
    if let Some(country) = code.parent() {
        for union in unions_of(&country) {
            if let Ok(u) = Jurisdiction::parse(&union) {
                reach_of.push((u, Reach::Union(union)));
            }
        }
        reach_of.push((country.clone(), Reach::Country(country.to_string())));
    }
    let mut result = Applicability::default();
    for f in data.frameworks.values() {
        if f.kind == FrameworkKind::InternationalStandard && code.as_str() != "INT" {
            continue;
        }
        let reached = reach_of.iter().find(|(j, _)| f.jurisdictions.contains(j));
        if reached.is_some() && f.kind == FrameworkKind::BilateralArrangement {
            result.arrangements.push(f);
        } else if let Some((_, reach)) = reached {
            result.applies.push(Applicable { framework: f, reach: reach.clone() });
        } else if let Some(place) = f.jurisdictions.iter().find(|j| j.parent().as_ref() == Some(code)) {
            result.only_in.push((f, place.clone()));
        }
    }
    result
}

/// A component of a merged cell: one framework's cell and how the framework applies.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Component {
    /// How the framework applies here.
    pub reach: Reach,
    /// The framework's short name.
    pub short: String,
    /// Only in this sub-national place (for alternatives).
    pub only_in: Option<Jurisdiction>,
    /// The cell as of the date.
    #[serde(serialize_with = "super::views::serialize_shared_view")]
    pub cell: std::sync::Arc<CellView>,
}

/// A requirement in a merged cell: its strongest strength and the frameworks that impose it at that strength.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MergedRequirement {
    /// Vocabulary id.
    pub id: RequirementId,
    /// Label.
    pub label: String,
    /// Mandatory if any component makes it so.
    pub strength: Strength,
    /// Frameworks imposing it at that strength.
    pub frameworks: Vec<FrameworkId>,
}

/// One framework's value of a parameter.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ParameterValueOf {
    /// The framework.
    pub framework: FrameworkId,
    /// The value.
    pub value: ParameterValue,
    /// Human-readable, with unit.
    pub display: String,
    /// For an amount in another currency: its US-dollar equivalent and the date of the rate used.
    pub usd_note: Option<String>,
}

/// A parameter in a merged cell: every component's value and the strictest one.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MergedParameter {
    /// Parameter id.
    pub id: ParameterId,
    /// Label.
    pub label: String,
    /// Unit.
    pub kind: ParameterKind,
    /// Which values are stricter (`null`: not declared, so no value is picked).
    pub stricter: Option<Stricter>,
    /// The strictest value (amounts compared in US dollars at the reference rates).
    pub strictest: Option<ParameterValueOf>,
    /// Every component's value.
    pub values: Vec<ParameterValueOf>,
}

/// A jurisdiction's position on one aspect as of a date: the merge of the cells of every framework that applies.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MergedCell {
    /// The jurisdiction.
    pub jurisdiction: Jurisdiction,
    /// The aspect.
    pub aspect: AspectId,
    /// The strongest level among the applicable cells (`unknown` only where nothing is known; `null` when no
    /// framework applies or none has a state on the date).
    pub level: Option<Level>,
    /// The frameworks whose cells have that level.
    pub decided_by: Vec<FrameworkId>,
    /// The summary of the first deciding cell.
    pub summary: Option<String>,
    /// The lowest confidence among the deciding cells.
    pub confidence: Option<Confidence>,
    /// The oldest review among the applicable cells.
    pub reviewed: Option<IsoDate>,
    /// Requirements united across the applicable cells.
    pub requirements: Vec<MergedRequirement>,
    /// Parameters combined by their declared direction of strictness.
    pub parameters: Vec<MergedParameter>,
    /// The cells merged (applicable on the date).
    pub components: Vec<Component>,
    /// Cells adopted but not yet applicable on the date (not merged).
    pub upcoming: Vec<Component>,
    /// Cells of regimes that apply only in a sub-national place: alternatives, listed, not merged.
    pub alternatives: Vec<Component>,
    /// The content is withheld because its confidence is lower than the one asked for.
    pub withheld: bool,
    /// Renderings of this merged cell kept once made, shared by every answer that shows it (see [`Kept`]); not
    /// data: never serialised, and empty in a clone.
    #[serde(skip)]
    #[schemars(skip)]
    kept: DerivedSlots,
}

impl KeepsRenderings for MergedCell {
    fn kept_slots(&self) -> &DerivedSlots {
        &self.kept
    }
}

impl MergedCell {
    /// The merged cell of `code` on `aspect` as of `date` (today when `None`), built once per distinct set of states
    /// of its parts and shared: equal to [`MergedCell::build`] for the same arguments. A merged cell depends on the
    /// date only through which state of each part holds, and each part's state is a shared view
    /// ([`CellView::shared`]) that lives as long as the dataset, so the views' identities are the key (the kept
    /// cell also holds them, so an identity is never reused while its key is kept).
    pub fn shared(
        data: &Dataset,
        applicability: &Applicability<'_>,
        code: &Jurisdiction,
        aspect: &Aspect,
        date: Option<IsoDate>,
    ) -> std::sync::Arc<Self> {
        // The key is made from borrowed views (no reference counts written); the build takes them as `Arc`s.
        let identity = |f: &Framework| {
            let v = CellView::shared(data, f, aspect, date);
            if v.has_content() { std::ptr::from_ref::<CellView>(&v) as usize } else { 0 }
        };
        let mut key: Vec<usize> = vec![std::ptr::from_ref(aspect) as usize];
        key.extend(applicability.applies.iter().map(|a| identity(a.framework)));
        key.push(usize::MAX);
        key.extend(applicability.only_in.iter().map(|(f, _)| identity(f)));
        let build = || MergedCell::build(data, applicability, code, aspect, date);
        data.derived
            .get_or_insert((code.to_string(), key.into_boxed_slice()), build)
            .unwrap_or_else(|| std::sync::Arc::new(build()))
    }

    /// Builds the merged cell of `code` on `aspect` as of `date` (today when `None`).
    pub fn build(
        data: &Dataset,
        applicability: &Applicability<'_>,
        code: &Jurisdiction,
        aspect: &Aspect,
        date: Option<IsoDate>,
    ) -> Self {
        let applies =
            applicability.applies.iter().map(|a| CellView::shared_arc(data, a.framework, aspect, date)).collect();
        let only_in = applicability.only_in.iter().map(|(f, _)| CellView::shared_arc(data, f, aspect, date)).collect();
        MergedCell::from_views(data, applicability, code, aspect, applies, only_in)
    }

    /// Merges the views of the frameworks that apply (`applies`, in the order of `applicability.applies`) and of
    /// those that apply only in a sub-national place (`only_in`, in the order of `applicability.only_in`).
    fn from_views(
        data: &Dataset,
        applicability: &Applicability<'_>,
        code: &Jurisdiction,
        aspect: &Aspect,
        applies: Vec<std::sync::Arc<CellView>>,
        only_in: Vec<std::sync::Arc<CellView>>,
    ) -> Self {
        let mut components = Vec::new();
        let mut upcoming = Vec::new();
        for (a, cell) in applicability.applies.iter().zip(applies) {
            if !cell.has_content() {
                continue;
            }
            let component = Component { reach: a.reach.clone(), short: a.framework.short.clone(), only_in: None, cell };
            if component.cell.pending { upcoming.push(component) } else { components.push(component) }
        }
        let alternatives = applicability
            .only_in
            .iter()
            .zip(only_in)
            .map(|((f, place), cell)| Component {
                reach: Reach::Own,
                short: f.short.clone(),
                only_in: Some(place.clone()),
                cell,
            })
            .filter(|c| c.cell.has_content())
            .collect();
        let known = |c: &&Component| c.cell.level.is_some_and(|l| l != Level::Unknown);
        let top_rank = components.iter().filter(known).filter_map(|c| level_rank(c.cell.level?)).max();
        let level = match top_rank {
            Some(rank) => Level::ALL.iter().copied().find(|l| level_rank(*l) == Some(rank)),
            None if components.is_empty() => None,
            None => Some(Level::Unknown),
        };
        let deciding: Vec<&Component> = components.iter().filter(|c| c.cell.level == level).collect();
        MergedCell {
            jurisdiction: code.clone(),
            aspect: aspect.id.clone(),
            level,
            decided_by: deciding.iter().map(|c| c.cell.framework.clone()).collect(),
            summary: deciding.first().and_then(|c| c.cell.summary.clone()),
            confidence: deciding.iter().filter_map(|c| c.cell.confidence).max(),
            reviewed: components.iter().filter_map(|c| c.cell.reviewed).min(),
            requirements: merge_requirements(aspect, &components),
            parameters: merge_parameters(data, aspect, &components),
            components,
            upcoming,
            alternatives,
            withheld: false,
            kept: DerivedSlots::new(Kept::SLOTS),
        }
    }

    /// The same cell with its content withheld (the confidence stays, to say why).
    pub fn withheld(self) -> Self {
        MergedCell {
            jurisdiction: self.jurisdiction,
            aspect: self.aspect,
            level: None,
            decided_by: Vec::new(),
            summary: None,
            confidence: self.confidence,
            reviewed: None,
            requirements: Vec::new(),
            parameters: Vec::new(),
            components: Vec::new(),
            upcoming: Vec::new(),
            alternatives: Vec::new(),
            withheld: true,
            // Made for one answer: nothing to keep.
            kept: DerivedSlots::new(0),
        }
    }

    /// Whether any framework has a state for this cell.
    pub fn has_content(&self) -> bool {
        self.level.is_some()
    }

    /// The level's kebab-case name, or `none`.
    pub fn level_class(&self) -> &'static str {
        self.level.map_or("none", Level::as_str)
    }

    /// Whether the deciding cells include one of low confidence.
    pub fn is_low_confidence(&self) -> bool {
        self.confidence == Some(Confidence::Low)
    }

    /// How many citations the merged cells carry.
    pub fn citation_count(&self) -> usize {
        self.components.iter().map(|c| c.cell.citations.len()).sum()
    }

    /// The strictest value of each parameter that has one, for display: label and value.
    pub fn strictest_parameters(&self) -> Vec<(&str, &str)> {
        self.parameters
            .iter()
            .filter_map(|p| p.strictest.as_ref().map(|s| (p.label.as_str(), s.display.as_str())))
            .collect()
    }

    /// Why the cell is empty, in words.
    pub fn empty_reason(&self) -> &'static str {
        if self.withheld {
            "Withheld: lower confidence than asked for"
        } else if self.upcoming.is_empty() {
            "No framework applies here"
        } else {
            "Adopted, not yet applicable"
        }
    }
}

fn merge_requirements(aspect: &Aspect, components: &[Component]) -> Vec<MergedRequirement> {
    let mut merged: Vec<MergedRequirement> = Vec::new();
    for requirement in &aspect.requirements {
        let with = |strength: Strength| -> Vec<FrameworkId> {
            components
                .iter()
                .filter(|c| c.cell.requirements.iter().any(|r| r.id == requirement.id && r.strength == strength))
                .map(|c| c.cell.framework.clone())
                .collect()
        };
        let mandatory = with(Strength::Mandatory);
        let (strength, frameworks) = if mandatory.is_empty() {
            (Strength::Recommended, with(Strength::Recommended))
        } else {
            (Strength::Mandatory, mandatory)
        };
        if !frameworks.is_empty() {
            merged.push(MergedRequirement {
                id: requirement.id.clone(),
                label: requirement.label.clone(),
                strength,
                frameworks,
            });
        }
    }
    merged
}

fn merge_parameters(data: &Dataset, aspect: &Aspect, components: &[Component]) -> Vec<MergedParameter> {
    aspect
        .parameters
        .iter()
        .filter_map(|p| {
            let values: Vec<ParameterValueOf> = components
                .iter()
                .filter_map(|c| {
                    let v = c.cell.parameters.iter().find(|x| x.id == p.id)?;
                    Some(ParameterValueOf {
                        framework: c.cell.framework.clone(),
                        value: v.value.clone(),
                        display: v.display.clone(),
                        usd_note: v.usd_note.clone(),
                    })
                })
                .collect();
            if values.is_empty() {
                return None;
            }
            let strictest = p.stricter.and_then(|direction| {
                values
                    .iter()
                    .filter_map(|v| Some((comparable(data, &v.value)?, v)))
                    .min_by(|(a, _), (b, _)| match direction {
                        Stricter::Lower => a.total_cmp(b),
                        Stricter::Higher => b.total_cmp(a),
                    })
                    .map(|(_, v)| v.clone())
            });
            Some(MergedParameter {
                id: p.id.clone(),
                label: p.label.clone(),
                kind: p.kind,
                stricter: p.stricter,
                strictest,
                values,
            })
        })
        .collect()
}

/// A jurisdiction as a column header or list entry.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JurisdictionHeader {
    /// Code.
    pub code: Jurisdiction,
    /// Name.
    pub name: String,
    /// Region.
    pub region: Region,
    /// Groupings it belongs to.
    pub member_of: Vec<String>,
    /// The country, for a sub-national place.
    pub part_of: Option<Jurisdiction>,
    /// Frameworks that apply throughout (own, through a union, or the country's).
    pub frameworks: Vec<FrameworkId>,
    /// Frameworks that apply only in one of its sub-national places.
    pub only_in: Vec<FrameworkId>,
}

impl JurisdictionHeader {
    /// The header of a jurisdiction.
    pub fn build(data: &Dataset, info: &JurisdictionInfo) -> Self {
        JurisdictionHeader::with(info, &applicability(data, &info.code))
    }

    /// The header of a jurisdiction whose applicable frameworks are already known.
    pub fn with(info: &JurisdictionInfo, applicability: &Applicability<'_>) -> Self {
        JurisdictionHeader {
            code: info.code.clone(),
            name: info.name.clone(),
            region: info.region,
            member_of: info.member_of.clone(),
            part_of: info.code.parent(),
            frameworks: applicability.applies.iter().map(|a| a.framework.id.clone()).collect(),
            only_in: applicability.only_in.iter().map(|(f, _)| f.id.clone()).collect(),
        }
    }
}

/// Every jurisdiction with the frameworks that apply there, by name.
pub fn jurisdictions(data: &Dataset) -> Vec<JurisdictionHeader> {
    let mut list: Vec<JurisdictionHeader> =
        data.jurisdictions.values().map(|j| JurisdictionHeader::build(data, j)).collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

/// A framework that applies in a jurisdiction, with how.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ApplicableFramework {
    /// How it applies.
    pub reach: Reach,
    /// Only in this sub-national place (alternatives).
    pub only_in: Option<Jurisdiction>,
    /// The framework.
    pub framework: FrameworkHeader,
}

/// An aspect and the jurisdiction's merged cell.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MergedRow {
    /// The aspect.
    pub aspect: super::views::AspectHeader,
    /// The merged cell.
    pub cell: MergedCell,
}

/// One jurisdiction: what applies there and its merged answer per aspect, as of a date.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JurisdictionReport {
    /// The jurisdiction.
    pub jurisdiction: JurisdictionHeader,
    /// The date asked for; `null` means today.
    pub as_of: Option<IsoDate>,
    /// Frameworks that apply, with how, then those that apply only in a sub-national place.
    pub frameworks: Vec<ApplicableFramework>,
    /// Arrangements between its authorities and others' (not merged: they bind authorities, not firms).
    pub arrangements: Vec<FrameworkHeader>,
    /// The standards its frameworks are compared with (from the data's lists).
    pub standards: Vec<FrameworkHeader>,
    /// The merged answer per aspect.
    pub rows: Vec<MergedRow>,
}

/// The report of a jurisdiction as of `as_of`.
pub fn jurisdiction_report(data: &Dataset, info: &JurisdictionInfo, as_of: Option<IsoDate>) -> JurisdictionReport {
    let applicability = applicability(data, &info.code);
    let mut frameworks: Vec<ApplicableFramework> = applicability
        .applies
        .iter()
        .map(|a| ApplicableFramework {
            reach: a.reach.clone(),
            only_in: None,
            framework: FrameworkHeader::build(a.framework, as_of),
        })
        .collect();
    frameworks.extend(applicability.only_in.iter().map(|(f, place)| ApplicableFramework {
        reach: Reach::Own,
        only_in: Some(place.clone()),
        framework: FrameworkHeader::build(f, as_of),
    }));
    let arrangements = applicability.arrangements.iter().map(|f| FrameworkHeader::build(f, as_of)).collect();
    JurisdictionReport {
        jurisdiction: JurisdictionHeader::build(data, info),
        as_of,
        frameworks,
        arrangements,
        standards: data
            .lists
            .standards
            .iter()
            .filter_map(|id| data.framework(id))
            .map(|f| FrameworkHeader::build(f, as_of))
            .collect(),
        rows: data
            .aspects
            .iter()
            .map(|a| MergedRow {
                aspect: super::views::AspectHeader::build(data, a),
                cell: MergedCell::build(data, &applicability, &info.code, a, as_of),
            })
            .collect(),
    }
}
