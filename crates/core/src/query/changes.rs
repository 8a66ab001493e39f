//! What changed and what is coming, on two clocks kept apart. Legal time: the milestones of the selected
//! frameworks and every change of a cell's state (a history period ending, a rule starting to apply) between two
//! dates, each with the state before and after and the citations of both; "coming up" is the same for the months
//! ahead. Editorial time: the corrections log and the release. Also the diff of two dates of any comparison.

use super::jurisdiction::selected_frameworks;
use super::views::{CitationView, MilestoneView, citation_views};
use super::{QueryError, find_aspect, parse_date, split_list};
use crate::ids::{AspectId, FrameworkId, IsoDate, ParameterId, RequirementId};
use crate::model::{Dataset, Framework, Level, MilestoneKind, Provision, ProvisionState, Release, Status, Strength};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeSet;

/// What the user asked, as typed.
#[derive(Debug, Clone, Default)]
pub struct ChangesInput {
    /// First day (`YYYY-MM-DD`); default one year before `to`.
    pub from: Option<String>,
    /// Last day; default today.
    pub to: Option<String>,
    /// Framework ids.
    pub frameworks: Vec<String>,
    /// Jurisdictions (codes, names, synonyms): the frameworks that apply there.
    pub jurisdictions: Vec<String>,
    /// Aspect ids.
    pub aspects: Vec<String>,
    /// Months ahead for "coming up" (default 12).
    pub upcoming_months: Option<String>,
}

/// What kind of legal event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// A dated milestone of a framework (adopted, published, applies, …).
    Milestone,
    /// A cell's state changed (level, status, requirements or numbers).
    CellChange,
    /// A cell's rule starts to apply (its `applies_from`).
    Applies,
}

/// A cell's state, as shown before or after a change.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StateSummary {
    /// Level.
    pub level: Level,
    /// Status.
    pub status: Status,
    /// One line.
    pub summary: String,
    /// Mandatory requirements.
    pub mandatory: Vec<RequirementId>,
    /// Where it is said.
    pub citations: Vec<CitationView>,
}

impl EventKind {
    /// The kebab-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Milestone => "milestone",
            EventKind::CellChange => "cell-change",
            EventKind::Applies => "applies",
        }
    }
}

impl StateSummary {
    fn of(framework: &Framework, state: &ProvisionState) -> Self {
        StateSummary {
            level: state.level,
            status: state.status,
            summary: state.summary.clone(),
            mandatory: state
                .requirements
                .iter()
                .filter(|(_, s)| **s == Strength::Mandatory)
                .map(|(id, _)| id.clone())
                .collect(),
            citations: citation_views(framework, &state.citations),
        }
    }
}

/// A parameter whose value changed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ParameterChange {
    /// Parameter.
    pub parameter: ParameterId,
    /// Before (human-readable), if set.
    pub before: Option<String>,
    /// After, if set.
    pub after: Option<String>,
}

/// One legal event.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct LegalEvent {
    /// A stable id (`eu-mica/stablecoin-reserves/cell-change/2024-06-30`), the same in every feed and release.
    pub id: String,
    /// When.
    pub date: IsoDate,
    /// What kind.
    pub kind: EventKind,
    /// The milestone's kind, for milestones.
    pub milestone: Option<MilestoneKind>,
    /// The framework.
    pub framework: FrameworkId,
    /// Its short name.
    pub short: String,
    /// The cell, for cell events.
    pub aspect: Option<AspectId>,
    /// In a line.
    pub title: String,
    /// The state before (cell changes).
    pub before: Option<StateSummary>,
    /// The state after (cell changes, rules that start to apply).
    pub after: Option<StateSummary>,
    /// Mandatory requirements added.
    pub requirements_added: Vec<RequirementId>,
    /// Mandatory requirements removed.
    pub requirements_removed: Vec<RequirementId>,
    /// Numbers that changed.
    pub parameters_changed: Vec<ParameterChange>,
    /// Where it is recorded (the milestone's source, or the citations of the state after).
    pub citations: Vec<CitationView>,
}

/// A correction, as listed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CorrectionView {
    /// A stable id (`correction/us-genius-act/2026-11-28/1`).
    pub id: String,
    /// When the data changed.
    pub date: IsoDate,
    /// The framework.
    pub framework: FrameworkId,
    /// The cells.
    pub aspects: Vec<AspectId>,
    /// What changed.
    pub what: String,
    /// Why.
    pub why: String,
}

/// Changes in a selection between two dates, what is coming, and the corrections.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Changes {
    /// First day.
    pub from: IsoDate,
    /// Last day.
    pub to: IsoDate,
    /// The frameworks selected (all when the selection is empty).
    pub frameworks: Vec<FrameworkId>,
    /// The aspects selected (empty: all).
    pub aspects: Vec<AspectId>,
    /// Events after `to` within the months asked for, soonest first.
    pub upcoming: Vec<LegalEvent>,
    /// Events between `from` and `to`, newest first.
    pub events: Vec<LegalEvent>,
    /// Corrections of the selection between `from` and `to`, newest first (editorial time).
    pub corrections: Vec<CorrectionView>,
    /// The release of the data.
    pub release: Option<Release>,
}

/// The dated states of a cell, oldest first: (first day, state). The current state starts where the last period
/// ends, or at the framework's first establishing milestone.
fn segments<'p>(framework: &Framework, provision: &'p Provision) -> Vec<(IsoDate, &'p ProvisionState)> {
    let mut list: Vec<(IsoDate, &ProvisionState)> = provision.history.iter().map(|p| (p.from, &p.state)).collect();
    if let Some(since) = super::as_of::current_since(framework, provision) {
        list.push((since, &provision.current));
    }
    list.sort_by_key(|(d, _)| *d);
    list
}

fn cell_events(data: &Dataset, framework: &Framework, aspect: &AspectId, provision: &Provision) -> Vec<LegalEvent> {
    let shown = |state: &ProvisionState, id: &ParameterId| -> Option<String> {
        let value = state.parameters.get(id)?;
        let kind = data.aspect(aspect).and_then(|a| a.parameter(id)).map(|p| p.kind);
        Some(kind.map_or_else(|| format!("{value:?}"), |k| value.display(k)))
    };
    let mut events = Vec::new();
    let event = |date: IsoDate, kind: EventKind, title: String| LegalEvent {
        id: format!(
            "{}/{}/{}/{date}",
            framework.id,
            aspect,
            if kind == EventKind::Applies { "applies" } else { "cell-change" }
        ),
        date,
        kind,
        milestone: None,
        framework: framework.id.clone(),
        short: framework.short.clone(),
        aspect: Some(aspect.clone()),
        title,
        before: None,
        after: None,
        requirements_added: Vec::new(),
        requirements_removed: Vec::new(),
        parameters_changed: Vec::new(),
        citations: Vec::new(),
    };
    let name = data.aspect(aspect).map_or_else(|| aspect.to_string(), |a| a.name.clone());
    let segs = segments(framework, provision);
    for pair in segs.windows(2) {
        let ((_, before), (date, after)) = (pair[0], pair[1]);
        let (b, a) = (StateSummary::of(framework, before), StateSummary::of(framework, after));
        let added: Vec<RequirementId> = a.mandatory.iter().filter(|r| !b.mandatory.contains(r)).cloned().collect();
        let removed: Vec<RequirementId> = b.mandatory.iter().filter(|r| !a.mandatory.contains(r)).cloned().collect();
        let keys: BTreeSet<&ParameterId> = before.parameters.keys().chain(after.parameters.keys()).collect();
        let parameters_changed: Vec<ParameterChange> = keys
            .into_iter()
            .filter(|k| before.parameters.get(*k) != after.parameters.get(*k))
            .map(|k| ParameterChange { parameter: k.clone(), before: shown(before, k), after: shown(after, k) })
            .collect();
        if b.level == a.level
            && b.status == a.status
            && added.is_empty()
            && removed.is_empty()
            && parameters_changed.is_empty()
        {
            continue;
        }
        let title = if b.level == a.level {
            format!("{}, {name}: {} → {}", framework.short, b.status.label(), a.status.label())
        } else {
            format!("{}, {name}: {} → {}", framework.short, b.level.label(), a.level.label())
        };
        let mut e = event(date, EventKind::CellChange, title);
        e.citations = a.citations.clone();
        e.before = Some(b);
        e.after = Some(a);
        e.requirements_added = added;
        e.requirements_removed = removed;
        e.parameters_changed = parameters_changed;
        events.push(e);
    }
    // A rule that starts to apply, unless a change of state on that very day already says so.
    if let Some(from) = provision.applies_from.filter(|d| !events.iter().any(|e| e.date == *d)) {
        let mut e = event(from, EventKind::Applies, format!("{}, {name}: applies", framework.short));
        let after = StateSummary::of(framework, &provision.current);
        e.citations = after.citations.clone();
        e.after = Some(after);
        events.push(e);
    }
    events
}

fn milestone_events(framework: &Framework) -> Vec<LegalEvent> {
    MilestoneView::all(framework)
        .into_iter()
        .enumerate()
        .map(|(i, m)| LegalEvent {
            id: format!("{}/milestone/{}/{i}", framework.id, m.date),
            date: m.date,
            kind: EventKind::Milestone,
            milestone: Some(m.kind),
            framework: framework.id.clone(),
            short: framework.short.clone(),
            aspect: None,
            title: format!("{}: {}", framework.short, m.title),
            before: None,
            after: None,
            requirements_added: Vec::new(),
            requirements_removed: Vec::new(),
            parameters_changed: Vec::new(),
            citations: m.citation.into_iter().collect(),
        })
        .collect()
}

/// Every legal event of a framework, on the selected aspects (all when empty), oldest first.
pub fn framework_events(data: &Dataset, framework: &Framework, aspects: &[AspectId]) -> Vec<LegalEvent> {
    let mut events = if aspects.is_empty() { milestone_events(framework) } else { Vec::new() };
    for (aspect, provision) in &framework.provisions {
        if aspects.is_empty() || aspects.contains(aspect) {
            events.extend(cell_events(data, framework, aspect, provision));
        }
    }
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    events
}

/// The changes of a selection.
pub fn changes(data: &Dataset, input: &ChangesInput) -> Result<Changes, QueryError> {
    let today = IsoDate::today();
    let to = parse_date(input.to.as_deref())?.unwrap_or(today);
    let from = parse_date(input.from.as_deref())?.unwrap_or_else(|| to.months_earlier(12));
    let months: i32 = match input.upcoming_months.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => 12,
        Some(raw) => raw.parse().ok().filter(|m| (0..=120).contains(m)).ok_or_else(|| QueryError::InvalidChoice {
            parameter: "upcoming".into(),
            value: raw.to_owned(),
            expected: "a number of months from 0 to 120".into(),
        })?,
    };
    let frameworks = selected_frameworks(data, &input.frameworks, &input.jurisdictions)?;
    let mut aspects = Vec::new();
    for id in split_list(&input.aspects) {
        let a = find_aspect(data, id)?.id.clone();
        if !aspects.contains(&a) {
            aspects.push(a);
        }
    }
    let selected: Vec<&Framework> = match &frameworks {
        None => data.frameworks.values().collect(),
        Some(ids) => ids.iter().filter_map(|id| data.framework(id)).collect(),
    };
    let all: Vec<LegalEvent> = selected.iter().flat_map(|f| framework_events(data, f, &aspects)).collect();
    let horizon = add_months(to.max(today), months);
    let mut events: Vec<LegalEvent> = all.iter().filter(|e| from <= e.date && e.date <= to).cloned().collect();
    events.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let mut upcoming: Vec<LegalEvent> =
        all.into_iter().filter(|e| e.date > to.max(today) && e.date <= horizon).collect();
    upcoming.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    let in_selection = |f: &FrameworkId| selected.iter().any(|s| &s.id == f);
    let corrections = data
        .corrections
        .iter()
        .enumerate()
        .filter(|(_, c)| in_selection(&c.framework) && from <= c.date && c.date <= to)
        .filter(|(_, c)| aspects.is_empty() || c.aspects.iter().any(|a| aspects.contains(a)))
        .map(|(i, c)| CorrectionView {
            id: format!("correction/{}/{}/{i}", c.framework, c.date),
            date: c.date,
            framework: c.framework.clone(),
            aspects: c.aspects.clone(),
            what: c.what.clone(),
            why: c.why.clone(),
        })
        .collect();
    Ok(Changes {
        from,
        to,
        frameworks: frameworks.unwrap_or_default(),
        aspects,
        upcoming,
        events,
        corrections,
        release: data.release.clone(),
    })
}

fn add_months(date: IsoDate, months: i32) -> IsoDate {
    date.months_earlier(-months)
}
