//! Serializable views of cells, citations and frameworks: the stable JSON shape shared by the CLI's `json`
//! format, the web pages' JSON twins and the exports. Built from the model; never edited by hand.

use super::as_of::{StateAt, not_yet_adopted, state_at};
use crate::ids::{AspectId, FrameworkId, GroupId, IsoDate, ParameterId, RequirementId};
use crate::model::*;
use schemars::JsonSchema;
use serde::Serialize;
use std::sync::Arc;

/// A value kept in the dataset and borrowed for as long as an answer needs it, or one made for this answer alone.
/// Borrowing a kept value writes nothing shared; cloning an `Arc` every thread shows would write to its counts, a
/// cache line the other threads keep writing to as well (on two cores this was a tenth of a comparison's cost).
#[derive(Debug)]
pub enum Shared<'d, T> {
    /// Kept in the dataset.
    Kept(&'d T),
    /// Made for this answer.
    Made(Arc<T>),
}

impl<T> Clone for Shared<'_, T> {
    fn clone(&self) -> Self {
        match self {
            Shared::Kept(kept) => Shared::Kept(kept),
            Shared::Made(made) => Shared::Made(Arc::clone(made)),
        }
    }
}

impl<T> std::ops::Deref for Shared<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Shared::Kept(kept) => kept,
            Shared::Made(made) => made,
        }
    }
}

impl<T> From<T> for Shared<'_, T> {
    fn from(made: T) -> Self {
        Shared::Made(Arc::new(made))
    }
}

impl<T: Serialize> Serialize for Shared<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

/// Where a cell's content comes from on the requested date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CellState {
    /// Today's state (or the state that has held since before the requested date).
    Current,
    /// An earlier state, from the cell's history.
    Historical,
    /// The framework did not exist yet on the requested date.
    NotYetAdopted,
    /// No state is recorded for the requested date.
    NoRecord,
    /// The framework has no cell for this aspect.
    Missing,
    /// The cell's confidence is below the one asked for, so its content is withheld.
    Withheld,
}

/// A requirement as shown in a cell.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RequirementView {
    /// Vocabulary id.
    pub id: RequirementId,
    /// Label.
    pub label: String,
    /// Mandatory or recommended.
    pub strength: Strength,
}

/// A parameter as shown in a cell.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ParameterView {
    /// Parameter id.
    pub id: ParameterId,
    /// Label.
    pub label: String,
    /// Unit.
    pub kind: ParameterKind,
    /// The value.
    pub value: ParameterValue,
    /// Human-readable value with unit ("no threshold (all transfers)" where 0 has a meaning).
    pub display: String,
    /// For an amount in another currency: its US-dollar equivalent and the date of the rate used.
    pub usd_note: Option<String>,
}

/// A citation with its source resolved.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CitationView {
    /// Source title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Link to the source.
    pub url: String,
    /// Publication date.
    pub date: Option<IsoDate>,
    /// Legal text or standard setter's own publication.
    pub primary: bool,
    /// Where in the source.
    pub pinpoint: String,
    /// A link to the pinpoint itself where the publisher supports one (an EUR-Lex article, a regulation or
    /// section on legislation.gov.uk); otherwise the source's URL.
    pub link: String,
}

/// One cell of a comparison on the requested date.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CellView {
    /// Column.
    pub framework: FrameworkId,
    /// Row.
    pub aspect: AspectId,
    /// Which state is shown.
    pub state: CellState,
    /// One line.
    pub summary: Option<String>,
    /// A paragraph.
    pub detail: Option<String>,
    /// Level.
    pub level: Option<Level>,
    /// Legal status.
    pub status: Option<Status>,
    /// Requirements imposed.
    pub requirements: Vec<RequirementView>,
    /// Parameter values.
    pub parameters: Vec<ParameterView>,
    /// Citations.
    pub citations: Vec<CitationView>,
    /// How sure the editors are.
    pub confidence: Option<Confidence>,
    /// Last review: when an editor last checked the cell against its sources ("last checked").
    pub reviewed: Option<IsoDate>,
    /// When the cell last changed in substance, from the corrections log ("last changed"; editorial time).
    pub last_changed: Option<IsoDate>,
    /// Why something is uncertain.
    pub note: Option<String>,
    /// First day the shown state held, if known.
    pub valid_from: Option<IsoDate>,
    /// First day the shown state no longer held (historical states only).
    pub valid_until: Option<IsoDate>,
    /// From when the obligation applies.
    pub applies_from: Option<IsoDate>,
    /// Until when it applies.
    pub applies_until: Option<IsoDate>,
    /// Adopted but not yet applicable on the date (it applies from `applies_from`).
    pub pending: bool,
    /// Renderings of this view kept once made, shared by every answer that shows it (see [`Kept`]); not data:
    /// never serialised, and empty in a clone.
    #[serde(skip)]
    #[schemars(skip)]
    kept: DerivedSlots,
}

/// The renderings a cell view keeps once made: a shared view is read-only, so each is made at most once per state
/// of a cell and can never go stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Its JSON as a framework's cell in a comparison, tagged with its kind (written by [`crate::json::write`]).
    Json,
    /// Its JSON alone, as a component of a jurisdiction's merged cell (written by [`crate::json::write`]).
    PlainJson,
    /// A fragment of a page, in the form numbered 0 or 1 by the renderer (the web keeps its two grid forms here).
    Fragment(u8),
}

impl Kept {
    /// How many slots a view keeps.
    pub(crate) const SLOTS: usize = 4;

    pub(crate) fn slot(self) -> usize {
        match self {
            Kept::Json => 0,
            Kept::PlainJson => 1,
            Kept::Fragment(form) => 2 + usize::from(form),
        }
    }
}

/// A shared view that keeps its renderings (a framework's cell view, a jurisdiction's merged cell), in slots
/// numbered by [`Kept`].
pub trait KeepsRenderings {
    /// Where its renderings are kept (no slot for a view made for one answer).
    #[doc(hidden)]
    fn kept_slots(&self) -> &DerivedSlots;

    /// The rendering `which`, made by `make` the first time; `None` when `which` has no slot or was kept with
    /// another type.
    fn kept<T: std::any::Any + Send + Sync>(&self, which: Kept, make: impl FnOnce() -> T) -> Option<&T> {
        self.kept_slots().get_or_init(which.slot(), make)
    }

    /// Serialises `value` (this view, or this view in a wrapper) as the JSON kept in slot `which` while the JSON
    /// writer of answers runs, keeping it the first time; otherwise, or for a view made for one answer (which keeps
    /// nothing), serialises it as usual.
    fn serialize_kept<T: Serialize, S: serde::Serializer>(
        &self,
        which: Kept,
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serialize_kept(self.kept_slots(), which.slot(), value, serializer)
    }
}

impl KeepsRenderings for CellView {
    fn kept_slots(&self) -> &DerivedSlots {
        &self.kept
    }
}

/// Serialises `value` as the JSON kept in `slots` at `index` while the JSON writer of answers runs (keeping it the
/// first time); otherwise, or where there is no such slot, as usual.
fn serialize_kept<T: Serialize, S: serde::Serializer>(
    slots: &DerivedSlots,
    index: usize,
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if crate::json::writing_kept()
        && let Some(Some(json)) = slots.get_or_init(index, || crate::json::keep(value))
    {
        return json.serialize(serializer);
    }
    value.serialize(serializer)
}

/// Serialises a shared view on its own (a merged cell's component), writing its kept JSON while the JSON writer of
/// answers runs.
pub(crate) fn serialize_shared_view<S: serde::Serializer>(
    view: &Arc<CellView>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    view.serialize_kept(Kept::PlainJson, &**view, serializer)
}

impl CellView {
    /// The cell of `framework` × `aspect` as of `date` (today when `None`), built once per distinct state and
    /// shared: equal to [`CellView::build`] for the same arguments, without copying the cell again, and borrowed
    /// from the framework (the view of an aspect the framework has no cell on is made afresh).
    pub fn shared<'d>(
        data: &Dataset,
        framework: &'d Framework,
        aspect: &Aspect,
        date: Option<IsoDate>,
    ) -> Shared<'d, Self> {
        let build = || CellView::build(data, framework, aspect, date);
        match Self::slot(framework, aspect, date) {
            Ok((provision, Some(i))) => {
                provision.derived.get_or_init(i, build).map_or_else(|| build().into(), Shared::Kept)
            }
            Ok((_, None)) => build().into(),
            Err(state) => CellView::blank(framework.id.clone(), aspect.id.clone(), state).unkept().into(),
        }
    }

    /// The same view as an `Arc`, for a value kept in the dataset that includes it (a merged cell).
    pub fn shared_arc(data: &Dataset, framework: &Framework, aspect: &Aspect, date: Option<IsoDate>) -> Arc<Self> {
        let build = || CellView::build(data, framework, aspect, date);
        match Self::slot(framework, aspect, date) {
            Ok((provision, Some(i))) => {
                provision.derived.get_or_init_arc(i, build).unwrap_or_else(|| Arc::new(build()))
            }
            Ok((_, None)) => Arc::new(build()),
            Err(state) => Arc::new(CellView::blank(framework.id.clone(), aspect.id.clone(), state).unkept()),
        }
    }

    /// Where the view of `framework` × `aspect` as of `date` is kept: the provision and its slot (`None`: not
    /// kept), or, for a framework without a cell on the aspect, the state of the view without content.
    fn slot<'d>(
        framework: &'d Framework,
        aspect: &Aspect,
        date: Option<IsoDate>,
    ) -> Result<(&'d Provision, Option<usize>), CellState> {
        let provision = framework.provision(aspect);
        if not_yet_adopted(framework, date) {
            return provision.map(|p| (p, Some(p.history.len() + 2))).ok_or(CellState::NotYetAdopted);
        }
        let provision = provision.ok_or(CellState::Missing)?;
        // A view depends on the date only through which state holds: today's before it applies (slot 1) or once it
        // applies (slot 0), past period i (slot 2 + i), none yet adopted (slot 2 + history) or none recorded (slot
        // 3 + history); so a cell has at most `4 + history` distinct views, each kept in the provision's slots once
        // built. Sound because the dataset never changes after loading.
        let slot = match state_at(framework, provision, date) {
            StateAt::Current(..) => {
                // Today is asked for only where the cell has a date of application.
                Some(usize::from(provision.applies_from.is_some_and(|from| date.unwrap_or_else(IsoDate::today) < from)))
            }
            StateAt::Past(period) => provision.history.iter().position(|p| std::ptr::eq(p, period)).map(|i| 2 + i),
            StateAt::NoRecord => Some(provision.history.len() + 3),
        };
        Ok((provision, slot))
    }

    /// The cell of `framework` × `aspect` as of `date` (today when `None`).
    pub fn build(data: &Dataset, framework: &Framework, aspect: &Aspect, date: Option<IsoDate>) -> Self {
        let empty = |state| CellView::blank(framework.id.clone(), aspect.id.clone(), state);
        if not_yet_adopted(framework, date) {
            return empty(CellState::NotYetAdopted);
        }
        let Some(provision) = framework.provision(aspect) else { return empty(CellState::Missing) };
        let (mut confidence, mut note) = (provision.confidence, provision.note.clone());
        let (state, shown, from, until) = match state_at(framework, provision, date) {
            StateAt::Current(s, since) => (CellState::Current, s, since, None),
            StateAt::Past(p) => {
                confidence = p.confidence.unwrap_or(confidence);
                note = p.note.clone().or(note);
                (CellState::Historical, &p.state, Some(p.from), Some(p.until))
            }
            StateAt::NoRecord => return empty(CellState::NoRecord),
        };
        // Legal time: before `applies_from` a current state is adopted, not yet applicable; on or after it, an
        // `adopted` status has become `in-force`.
        let on = date.unwrap_or_else(IsoDate::today);
        let pending = state == CellState::Current && provision.applies_from.is_some_and(|from| on < from);
        let status = match (shown.status, provision.applies_from) {
            (Status::Adopted, Some(from)) if state == CellState::Current && on >= from => Status::InForce,
            (Status::InForce | Status::PartiallyInForce, Some(_)) if pending => Status::Adopted,
            (status, _) => status,
        };
        CellView {
            state,
            summary: Some(shown.summary.clone()),
            detail: Some(shown.detail.clone()).filter(|d| !d.trim().is_empty()),
            level: Some(shown.level),
            status: Some(status),
            pending,
            requirements: shown
                .requirements
                .iter()
                .map(|(id, strength)| RequirementView {
                    id: id.clone(),
                    label: aspect.requirement(id).map_or_else(|| id.to_string(), |r| r.label.clone()),
                    strength: *strength,
                })
                .collect(),
            parameters: aspect
                .parameters
                .iter()
                .filter_map(|p| {
                    let value = shown.parameters.get(&p.id)?;
                    Some(ParameterView {
                        id: p.id.clone(),
                        label: p.label.clone(),
                        kind: p.kind,
                        display: p.display(value),
                        usd_note: data.reference_rates.as_ref().and_then(|r| r.usd_note(value)),
                        value: value.clone(),
                    })
                })
                .collect(),
            citations: citation_views(framework, &shown.citations),
            confidence: Some(confidence),
            reviewed: Some(provision.reviewed),
            last_changed: data.last_changed(&framework.id, &aspect.id),
            note,
            valid_from: from,
            valid_until: until,
            applies_from: provision.applies_from,
            applies_until: provision.applies_until,
            ..empty(state)
        }
    }
}

impl CellView {
    /// Whether the cell has content to show (a current or historical state).
    pub fn has_content(&self) -> bool {
        matches!(self.state, CellState::Current | CellState::Historical)
    }

    /// A cell with no content in `state`.
    fn blank(framework: FrameworkId, aspect: AspectId, state: CellState) -> Self {
        CellView {
            framework,
            aspect,
            state,
            summary: None,
            detail: None,
            level: None,
            status: None,
            requirements: Vec::new(),
            parameters: Vec::new(),
            citations: Vec::new(),
            confidence: None,
            reviewed: None,
            last_changed: None,
            note: None,
            valid_from: None,
            valid_until: None,
            applies_from: None,
            applies_until: None,
            pending: false,
            kept: DerivedSlots::new(Kept::SLOTS),
        }
    }

    /// The same view keeping no renderings: for a view made for one answer, which nothing else shows.
    fn unkept(self) -> Self {
        CellView { kept: DerivedSlots::new(0), ..self }
    }

    /// The same cell with its content withheld (the confidence stays, to say why).
    pub fn withheld(&self) -> Self {
        CellView {
            confidence: self.confidence,
            ..CellView::blank(self.framework.clone(), self.aspect.clone(), CellState::Withheld).unkept()
        }
    }

    /// Whether the shown state is an earlier one.
    pub fn is_historical(&self) -> bool {
        self.state == CellState::Historical
    }

    /// Why a cell is empty, in words.
    pub fn empty_reason(&self) -> &'static str {
        match self.state {
            CellState::NotYetAdopted => "Not yet adopted on this date",
            CellState::NoRecord => "No record for this date",
            CellState::Missing => "No cell",
            CellState::Withheld => "Withheld: lower confidence than asked for",
            CellState::Current | CellState::Historical => "",
        }
    }

    /// Whether the editors marked the shown state as low confidence.
    pub fn is_low_confidence(&self) -> bool {
        self.confidence == Some(Confidence::Low)
    }

    /// The level's kebab-case name, or `none`; `pending` for a rule adopted but not yet applicable.
    pub fn level_class(&self) -> &'static str {
        if self.pending { "pending" } else { self.level.map_or("none", Level::as_str) }
    }
}

/// A parameter value as one number for ordering: amounts in US dollars at the reference rates.
pub fn comparable(data: &Dataset, value: &ParameterValue) -> Option<f64> {
    match value {
        ParameterValue::Number(n) => Some(*n),
        ParameterValue::Amount { amount, currency } => match &data.reference_rates {
            Some(rates) => rates.to_usd(*amount, currency),
            None => (currency == "USD").then_some(*amount),
        },
    }
}

/// A dated event, as shown.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MilestoneView {
    /// When.
    pub date: IsoDate,
    /// What kind of event.
    pub kind: MilestoneKind,
    /// What happened.
    pub title: String,
    /// The record of it, with its pinpoint.
    pub citation: Option<CitationView>,
}

impl MilestoneView {
    /// The milestones of a framework, oldest first.
    pub fn all(framework: &Framework) -> Vec<Self> {
        framework
            .milestones
            .iter()
            .map(|m| MilestoneView {
                date: m.date,
                kind: m.kind,
                title: m.title.clone(),
                citation: m.source.as_ref().and_then(|source| {
                    let pinpoint = m.pinpoint.clone().or_else(|| crate::ids::Pinpoint::parse("whole document").ok())?;
                    citation_views(framework, &[Citation { source: source.clone(), pinpoint }]).into_iter().next()
                }),
            })
            .collect()
    }
}

/// A document, as shown.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceView {
    /// Local id within its framework file.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Publication date.
    pub date: Option<IsoDate>,
    /// Link.
    pub url: String,
    /// Legal text or standard setter's own publication.
    pub primary: bool,
}

impl SourceView {
    /// The sources of a framework, in file order.
    pub fn all(framework: &Framework) -> Vec<Self> {
        framework
            .sources
            .iter()
            .map(|s| SourceView {
                id: s.id.to_string(),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                date: s.date,
                url: s.url.as_str().to_owned(),
                primary: s.primary,
            })
            .collect()
    }
}

/// A requirement of the vocabulary, as shown.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct VocabularyView {
    /// Id.
    pub id: RequirementId,
    /// Label.
    pub label: String,
    /// Meaning.
    pub description: String,
}

/// A typed parameter, as shown.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ParameterDefinitionView {
    /// Id.
    pub id: ParameterId,
    /// Label.
    pub label: String,
    /// Unit.
    pub kind: ParameterKind,
    /// Meaning.
    pub description: String,
    /// Which values are stricter, if declared.
    pub stricter: Option<Stricter>,
}

/// A level and what it means for an aspect.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RubricEntry {
    /// The level.
    pub level: Level,
    /// Its meaning here.
    pub meaning: String,
}

/// A glossary term, as shown.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TermView {
    /// Id.
    pub id: String,
    /// The term.
    pub term: String,
    /// Our definition.
    pub definition: String,
    /// The law or standard that defines it.
    pub source_title: String,
    /// Its URL.
    pub url: String,
    /// Where in it.
    pub pinpoint: String,
}

impl TermView {
    /// The view of a term.
    pub fn build(t: &Term) -> Self {
        TermView {
            id: t.id.to_string(),
            term: t.term.clone(),
            definition: t.definition.clone(),
            source_title: t.source_title.clone(),
            url: t.url.as_str().to_owned(),
            pinpoint: t.pinpoint.as_str().to_owned(),
        }
    }
}

/// An aspect in full: its question, rubric, vocabulary and parameters.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AspectView {
    /// Id.
    pub id: AspectId,
    /// Group id.
    pub group: GroupId,
    /// Name.
    pub name: String,
    /// The question every cell answers.
    pub question: String,
    /// What each level means for this aspect, weakest first.
    pub rubric: Vec<RubricEntry>,
    /// The requirement vocabulary.
    pub requirements: Vec<VocabularyView>,
    /// Typed parameters.
    pub parameters: Vec<ParameterDefinitionView>,
}

impl AspectView {
    /// The view of an aspect.
    pub fn build(aspect: &Aspect) -> Self {
        AspectView {
            id: aspect.id.clone(),
            group: aspect.group.clone(),
            name: aspect.name.clone(),
            question: aspect.question.clone(),
            rubric: Level::ALL
                .iter()
                .filter_map(|l| aspect.rubric.get(l).map(|t| RubricEntry { level: *l, meaning: t.clone() }))
                .collect(),
            requirements: aspect
                .requirements
                .iter()
                .map(|r| VocabularyView {
                    id: r.id.clone(),
                    label: r.label.clone(),
                    description: r.description.clone(),
                })
                .collect(),
            parameters: aspect
                .parameters
                .iter()
                .map(|p| ParameterDefinitionView {
                    id: p.id.clone(),
                    label: p.label.clone(),
                    kind: p.kind,
                    description: p.description.clone(),
                    stricter: p.stricter,
                })
                .collect(),
        }
    }
}

/// Resolves citations against the framework's sources.
pub fn citation_views(framework: &Framework, citations: &[Citation]) -> Vec<CitationView> {
    citations
        .iter()
        .filter_map(|c| {
            let s = framework.source(&c.source)?;
            Some(CitationView {
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                url: s.url.as_str().to_owned(),
                date: s.date,
                primary: s.primary,
                pinpoint: c.pinpoint.as_str().to_owned(),
                link: deep_link(s.url.as_str(), c.pinpoint.as_str()).unwrap_or_else(|| s.url.as_str().to_owned()),
            })
        })
        .collect()
}

/// A framework as a column header.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FrameworkHeader {
    /// Id.
    pub id: FrameworkId,
    /// Full name.
    pub name: String,
    /// Short name.
    pub short: String,
    /// Kind.
    pub kind: FrameworkKind,
    /// Issuing body.
    pub body: String,
    /// Status today.
    pub status: Status,
    /// Jurisdiction codes.
    pub jurisdictions: Vec<String>,
    /// First establishing milestone.
    pub established: Option<IsoDate>,
    /// True when the framework did not exist yet on the requested date.
    pub not_yet_adopted: bool,
    /// Its JSON, kept once written (see [`Kept`]); not data: never serialised, and empty in a clone.
    #[serde(skip)]
    #[schemars(skip)]
    kept: DerivedSlots,
}

impl FrameworkHeader {
    /// The header of `framework` as of `date`.
    pub fn build(framework: &Framework, date: Option<IsoDate>) -> Self {
        FrameworkHeader {
            id: framework.id.clone(),
            name: framework.name.clone(),
            short: framework.short.clone(),
            kind: framework.kind,
            body: framework.body.clone(),
            status: framework.status,
            jurisdictions: framework.jurisdictions.iter().map(|j| j.as_str().to_owned()).collect(),
            established: framework.established_on(),
            not_yet_adopted: not_yet_adopted(framework, date),
            kept: DerivedSlots::new(1),
        }
    }

    /// The same header, built once for each of its two forms (the framework existed on `date` or not) and kept with
    /// the framework, borrowed.
    pub fn shared<'d>(framework: &'d Framework, date: Option<IsoDate>) -> Shared<'d, Self> {
        let build = || FrameworkHeader::build(framework, date);
        let slot = usize::from(not_yet_adopted(framework, date));
        framework.derived.get_or_init(slot, build).map_or_else(|| build().into(), Shared::Kept)
    }

    /// Serialises `value` (this header in a wrapper) as the JSON kept while the JSON writer of answers runs.
    pub(crate) fn serialize_kept<T: Serialize, S: serde::Serializer>(
        &self,
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serialize_kept(&self.kept, 0, value, serializer)
    }
}

/// An aspect as a row header.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AspectHeader {
    /// Id.
    pub id: AspectId,
    /// Name.
    pub name: String,
    /// Group id.
    pub group: GroupId,
    /// Group name.
    pub group_name: String,
    /// The question.
    pub question: String,
    /// Its JSON, kept once written (see [`Kept`]); not data: never serialised, and empty in a clone.
    #[serde(skip)]
    #[schemars(skip)]
    kept: DerivedSlots,
}

impl AspectHeader {
    /// The header of `aspect`.
    pub fn build(data: &Dataset, aspect: &Aspect) -> Self {
        AspectHeader {
            id: aspect.id.clone(),
            name: aspect.name.clone(),
            group: aspect.group.clone(),
            group_name: data.group(&aspect.group).map_or_else(|| aspect.group.to_string(), |g| g.name.clone()),
            question: aspect.question.clone(),
            kept: DerivedSlots::new(1),
        }
    }

    /// The same header, built once and kept with the aspect (it depends on nothing else), borrowed.
    pub fn shared<'d>(data: &Dataset, aspect: &'d Aspect) -> Shared<'d, Self> {
        let build = || AspectHeader::build(data, aspect);
        aspect.derived.get_or_init(0, build).map_or_else(|| build().into(), Shared::Kept)
    }
}

/// Serialises a row header as the JSON it kept, while the JSON writer of answers runs.
pub(crate) fn serialize_shared_header<S: serde::Serializer>(
    header: &Shared<'_, AspectHeader>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serialize_kept(&header.kept, 0, &**header, serializer)
}

/// A link to `pinpoint` inside the document at `url`, for publishers whose pages have stable anchors or paths:
/// EUR-Lex acts by ELI (`Art. 36(1)` → the English text at `#art_36`) and UK legislation on legislation.gov.uk
/// (`reg. 14A` → `/regulation/14A`, `s. 21` → `/section/21`). `None` where no deeper link is known.
pub fn deep_link(url: &str, pinpoint: &str) -> Option<String> {
    let number = |prefixes: &[&str]| -> Option<String> {
        let lower = pinpoint.trim().to_lowercase();
        let rest = prefixes.iter().find_map(|p| lower.strip_prefix(p))?.trim_start();
        let n: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        (n.starts_with(|c: char| c.is_ascii_digit())).then(|| n.to_uppercase())
    };
    if let Some(eli) = url.strip_prefix("https://eur-lex.europa.eu/eli/") {
        let parts: Vec<&str> = eli.trim_end_matches('/').split('/').collect();
        if let [kind, year, num, "oj"] = parts.as_slice() {
            let article = number(&["article", "art."])?.to_lowercase();
            return Some(format!("https://eur-lex.europa.eu/eli/{kind}/{year}/{num}/oj/eng#art_{article}"));
        }
        return None;
    }
    if let Some(path) = url.strip_prefix("https://www.legislation.gov.uk/") {
        let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        if let [kind, year, num] = parts.as_slice() {
            let (segment, n) = match *kind {
                "uksi" | "ssi" | "wsi" | "nisr" => {
                    ("regulation", number(&["regulations", "regulation", "regs", "reg."])?)
                }
                _ => ("section", number(&["sections", "section", "ss.", "s."])?),
            };
            return Some(format!("https://www.legislation.gov.uk/{kind}/{year}/{num}/{segment}/{n}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::deep_link;

    #[test]
    fn eur_lex_articles_and_uk_regulations_get_deep_links() {
        let mica = "https://eur-lex.europa.eu/eli/reg/2023/1114/oj";
        assert_eq!(
            deep_link(mica, "Art. 36(1)").as_deref(),
            Some("https://eur-lex.europa.eu/eli/reg/2023/1114/oj/eng#art_36")
        );
        assert_eq!(deep_link(mica, "Recital 30"), None);
        let mlr = "https://www.legislation.gov.uk/uksi/2017/692";
        assert_eq!(
            deep_link(mlr, "reg. 14A(1)").as_deref(),
            Some("https://www.legislation.gov.uk/uksi/2017/692/regulation/14A")
        );
        assert_eq!(deep_link("https://www.legislation.gov.uk/uksi/2017/692/part/7A", "reg. 64C"), None);
        assert_eq!(deep_link("https://www.fsb.org/x", "p. 12"), None);
    }
}
