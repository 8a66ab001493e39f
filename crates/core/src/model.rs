//! The domain model of DESIGN.md: frameworks, aspects, provisions, sources, glossary. Values here are valid
//! by construction; the loader builds them from the data files after the lint has reported every problem.

use crate::ids::{
    AspectId, FrameworkId, GroupId, IsoDate, Jurisdiction, ParameterId, Pinpoint, RequirementId, SourceId, TermId,
    WebUrl,
};
use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Defines a closed vocabulary: a kebab-case string enum with its list of all values.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the order of the vocabulary.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as written in the data (`kebab-case`).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Human-readable form (`not-addressed` → `not addressed`).
            pub fn label(self) -> String {
                self.as_str().replace('-', " ")
            }

            /// Parses the kebab-case spelling.
            pub fn parse(raw: &str) -> Option<Self> {
                match raw { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The spellings, for error messages.
            pub fn spellings() -> String {
                [$($text),+].join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// What sort of body of rules a framework is.
    FrameworkKind {
        /// A standard setter's recommendations (FSB, IOSCO, FATF, Basel).
        InternationalStandard = "international-standard",
        /// A law of a regional union (the EU).
        RegionalLaw = "regional-law",
        /// A national statute.
        NationalLaw = "national-law",
        /// Rules, guidance or positions of one authority.
        AgencyRules = "agency-rules",
        /// An arrangement between authorities of two or more jurisdictions.
        BilateralArrangement = "bilateral-arrangement",
    }
);

vocabulary!(
    /// Legal status of a framework or a provision.
    Status {
        /// Proposed, not adopted.
        Proposed = "proposed",
        /// Out for consultation.
        Consultation = "consultation",
        /// Enacted, not yet applicable.
        Adopted = "adopted",
        /// In force and applicable.
        InForce = "in-force",
        /// Phased: partly applicable.
        PartiallyInForce = "partially-in-force",
        /// A standard or guidance, not binding by itself.
        NonBinding = "non-binding",
        /// No longer in force.
        Repealed = "repealed",
        /// The activity is prohibited.
        Banned = "banned",
        /// The sources do not settle it.
        Unknown = "unknown",
    }
);

vocabulary!(
    /// How strongly a framework addresses an aspect. Ordered from weakest to strongest; `unknown` sorts last.
    Level {
        /// The framework is silent.
        NotAddressed = "not-addressed",
        /// The authority studies or monitors; no rule.
        Monitoring = "monitoring",
        /// Only a general principle.
        Principle = "principle",
        /// Recommended by a standard or guidance.
        Recommended = "recommended",
        /// A legal obligation.
        Binding = "binding",
        /// The activity is prohibited.
        Prohibited = "prohibited",
        /// The sources do not settle it.
        Unknown = "unknown",
    }
);

vocabulary!(
    /// How sure the editors are of a cell.
    Confidence {
        /// Read in the primary text, unambiguous.
        High = "high",
        /// Primary text read but interpretation needed, or official summary only.
        Medium = "medium",
        /// Secondary sources only, or contested.
        Low = "low",
    }
);

vocabulary!(
    /// Whether a framework makes a requirement mandatory or only recommends it.
    Strength {
        /// Required.
        Mandatory = "mandatory",
        /// Recommended or encouraged.
        Recommended = "recommended",
    }
);

vocabulary!(
    /// The unit of a typed parameter.
    ParameterKind {
        /// A money amount with an ISO 4217 currency.
        Amount = "amount",
        /// A percentage (0 to 100).
        Percent = "percent",
        /// A number of days.
        Days = "days",
        /// A number of months.
        Months = "months",
        /// A plain count.
        Count = "count",
    }
);

vocabulary!(
    /// What happened on a framework's milestone date.
    MilestoneKind {
        /// Proposed or introduced.
        Proposed = "proposed",
        /// Opened for consultation.
        Consultation = "consultation",
        /// Adopted, enacted or signed.
        Adopted = "adopted",
        /// Published (official journal, final report).
        Published = "published",
        /// Entered into force.
        InForce = "in-force",
        /// Began to apply (in whole or in part).
        Applies = "applies",
        /// Amended.
        Amended = "amended",
        /// Announced (arrangements, policy statements).
        Announced = "announced",
        /// Repealed or withdrawn.
        Repealed = "repealed",
        /// Anything else worth a date (reports, reviews).
        Other = "other",
    }
);

impl MilestoneKind {
    /// Whether this milestone marks the framework as existing (not merely proposed).
    pub fn establishes(self) -> bool {
        matches!(
            self,
            MilestoneKind::Adopted
                | MilestoneKind::Published
                | MilestoneKind::InForce
                | MilestoneKind::Applies
                | MilestoneKind::Announced
        )
    }
}

vocabulary!(
    /// Which values of a parameter are stricter, for merging the cells of several frameworks.
    Stricter {
        /// A lower value is stricter (a threshold, a deadline).
        Lower = "lower",
        /// A higher value is stricter (a capital minimum, a reserve share).
        Higher = "higher",
    }
);

vocabulary!(
    /// Whether a grouping's own frameworks apply in its members.
    GroupingKind {
        /// A union whose law applies in every member (the EU).
        Union = "union",
        /// A forum or standard setter: membership only.
        Forum = "forum",
    }
);

vocabulary!(
    /// A region of the world, for grouping jurisdictions.
    Region {
        /// Europe, including Russia, Türkiye and Ukraine.
        Europe = "europe",
        /// North, Central and South America and the Caribbean.
        Americas = "americas",
        /// Central, South, South-East and East Asia and Oceania.
        AsiaPacific = "asia-pacific",
        /// The Gulf, the Levant and Iran.
        MiddleEast = "middle-east",
        /// Africa.
        Africa = "africa",
        /// Global standard setters.
        International = "international",
    }
);

/// The whole dataset: the rows, the columns and the glossary.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Dataset {
    /// Aspect groups, in display order.
    pub groups: Vec<Group>,
    /// Aspects, in display order.
    pub aspects: Vec<Aspect>,
    /// Frameworks, ordered by id.
    pub frameworks: BTreeMap<FrameworkId, Framework>,
    /// Glossary terms, ordered by term.
    pub glossary: Vec<Term>,
    /// Reference exchange rates used only to order amounts in different currencies.
    pub reference_rates: Option<ReferenceRates>,
    /// Unions and forums, in file order.
    pub groupings: Vec<Grouping>,
    /// Jurisdictions, by code.
    pub jurisdictions: BTreeMap<Jurisdiction, JurisdictionInfo>,
    /// Presets and the standards to compare against.
    pub lists: Lists,
    /// What firms want to do, for the pathfinder, in file order.
    pub activities: Vec<Activity>,
    /// The release identity (editorial time), if the data has one.
    pub release: Option<Release>,
    /// Substantive corrections, newest first.
    pub corrections: Vec<Correction>,
    /// Values derived from several cells and kept once built (the query layer keeps jurisdictions' merged cells
    /// here); not data: never serialised, and empty in a clone.
    #[serde(skip)]
    #[schemars(skip)]
    pub derived: DerivedMap,
}

/// The dataset's release: editorial time, apart from the legal time of the cells.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Release {
    /// Version.
    pub version: String,
    /// Date.
    pub date: IsoDate,
    /// Where the code and data are published and errors are reported, if set.
    pub repository: Option<String>,
}

/// A substantive correction to the data.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Correction {
    /// When the data changed.
    pub date: IsoDate,
    /// The framework.
    pub framework: FrameworkId,
    /// The cells changed (empty: the framework itself).
    pub aspects: Vec<AspectId>,
    /// What changed.
    pub what: String,
    /// Why, with its source.
    pub why: String,
}

impl Dataset {
    /// The date a cell last changed in substance, from the corrections log.
    pub fn last_changed(&self, framework: &FrameworkId, aspect: &AspectId) -> Option<IsoDate> {
        self.corrections
            .iter()
            .filter(|c| &c.framework == framework && c.aspects.contains(aspect))
            .map(|c| c.date)
            .max()
    }
}

/// Something a firm wants to do, with the aspects and requirements that bind it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Activity {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// What it covers.
    pub description: String,
    /// The aspect whose cell says which authorisation is needed.
    pub authorisation: AspectId,
    /// The aspects that apply.
    pub aspects: Vec<AspectId>,
    /// The requirements that bind a firm doing it (resolved: every requirement of the aspects when the file lists
    /// none).
    pub requirements: Vec<RequirementId>,
}

/// A union or forum that jurisdictions belong to.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Grouping {
    /// Uppercase code (`EU`, `FATF`).
    pub code: String,
    /// Display name.
    pub name: String,
    /// Union (its frameworks apply in members) or forum.
    pub kind: GroupingKind,
    /// Where the member list can be checked.
    pub source: WebUrl,
    /// When it was checked.
    pub checked: IsoDate,
    /// For readers.
    pub note: Option<String>,
}

/// A jurisdiction: a country, a sub-national place, the EU or INT.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct JurisdictionInfo {
    /// Code.
    pub code: Jurisdiction,
    /// Common English short name.
    pub name: String,
    /// Region.
    pub region: Region,
    /// Codes of its groupings.
    pub member_of: Vec<String>,
    /// Other names people type.
    pub synonyms: Vec<String>,
}

/// Lists that editors change.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Lists {
    /// The preset shown on the home page.
    pub home: Option<String>,
    /// Standards to compare a framework or jurisdiction with.
    pub standards: Vec<FrameworkId>,
    /// Named selections of frameworks.
    pub presets: Vec<Preset>,
    /// The major markets (jurisdiction codes).
    pub major_markets: Vec<Jurisdiction>,
}

/// A named selection of frameworks.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Preset {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Framework ids.
    pub frameworks: Vec<FrameworkId>,
    /// Jurisdiction codes.
    pub jurisdictions: Vec<Jurisdiction>,
}

impl Lists {
    /// The frameworks of the home page's preset (empty when none is set).
    pub fn home_frameworks(&self) -> &[FrameworkId] {
        self.home
            .as_deref()
            .and_then(|id| self.presets.iter().find(|p| p.id == id))
            .map_or(&[], |p| p.frameworks.as_slice())
    }
}

/// A group of aspects (`stablecoins`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Group {
    /// Stable id.
    pub id: GroupId,
    /// Display name.
    pub name: String,
}

/// One row of the comparison: one question asked of every framework.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Aspect {
    /// Stable id.
    pub id: AspectId,
    /// The group it belongs to.
    pub group: GroupId,
    /// Display name.
    pub name: String,
    /// The question every cell answers.
    pub question: String,
    /// What each level means for this aspect.
    pub rubric: BTreeMap<Level, String>,
    /// The requirement vocabulary of this aspect.
    pub requirements: Vec<Requirement>,
    /// The typed parameters of this aspect.
    pub parameters: Vec<Parameter>,
    /// Values derived from the aspect, kept for reuse (the query layer keeps its row header here); not data.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) derived: DerivedSlots,
    /// Its place in [`Dataset::aspects`], set at loading, where [`Framework::provision`] looks its cell up.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) position: usize,
}

impl Aspect {
    /// The requirement with this id, if it belongs to this aspect.
    pub fn requirement(&self, id: &RequirementId) -> Option<&Requirement> {
        self.requirements.iter().find(|r| &r.id == id)
    }

    /// The parameter with this id, if it belongs to this aspect.
    pub fn parameter(&self, id: &ParameterId) -> Option<&Parameter> {
        self.parameters.iter().find(|p| &p.id == id)
    }
}

/// A concrete obligation in the shared vocabulary.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Requirement {
    /// Stable id, unique across aspects.
    pub id: RequirementId,
    /// Short label.
    pub label: String,
    /// What it means.
    pub description: String,
}

/// A number that matters for an aspect (a threshold, a deadline, a minimum).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Parameter {
    /// Id, unique within the aspect.
    pub id: ParameterId,
    /// Short label.
    pub label: String,
    /// Unit.
    pub kind: ParameterKind,
    /// What it measures.
    pub description: String,
    /// Which values are stricter, if the direction is declared.
    pub stricter: Option<Stricter>,
    /// What a value of 0 means, in words; shown instead of "0".
    pub zero_means: Option<String>,
}

impl Parameter {
    /// The value in words with its unit: "no threshold (all transfers)" for a 0 that has a meaning.
    pub fn display(&self, value: &ParameterValue) -> String {
        match (&self.zero_means, value) {
            (Some(words), ParameterValue::Amount { amount, .. } | ParameterValue::Number(amount)) if *amount == 0.0 => {
                words.clone()
            }
            _ => value.display(self.kind),
        }
    }
}

/// The value of a parameter in one cell.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ParameterValue {
    /// A money amount.
    Amount {
        /// The amount.
        amount: f64,
        /// ISO 4217 code.
        currency: String,
    },
    /// A percentage, a number of days or months, or a count.
    Number(f64),
}

impl ParameterValue {
    /// Human-readable form with the unit of `kind`.
    pub fn display(&self, kind: ParameterKind) -> String {
        match self {
            ParameterValue::Amount { amount, currency } => format!("{} {currency}", group_thousands(*amount)),
            ParameterValue::Number(n) => {
                let n = trim_number(*n);
                match kind {
                    ParameterKind::Percent => format!("{n}%"),
                    ParameterKind::Days if n == "1" => "1 day".to_owned(),
                    ParameterKind::Days => format!("{n} days"),
                    ParameterKind::Months if n == "1" => "1 month".to_owned(),
                    ParameterKind::Months => format!("{n} months"),
                    ParameterKind::Count | ParameterKind::Amount => n,
                }
            }
        }
    }
}

/// `1000000` → `1,000,000`; keeps up to two decimals.
fn group_thousands(value: f64) -> String {
    let text = trim_number(value);
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn trim_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// Reference exchange rates (USD per unit), used only to sort amounts in different currencies.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReferenceRates {
    /// The date the rates were read.
    pub date: IsoDate,
    /// Where they were read.
    pub source: String,
    /// US dollars per one unit of each currency.
    pub usd_per_unit: BTreeMap<String, f64>,
}

impl ReferenceRates {
    /// "≈ 1,160 USD at the reference rate of 2026-11-23" for an amount in another currency with a rate.
    pub fn usd_note(&self, value: &ParameterValue) -> Option<String> {
        match value {
            ParameterValue::Amount { amount, currency } if currency != "USD" && *amount != 0.0 => {
                let usd = self.to_usd(*amount, currency)?;
                Some(format!("≈ {} USD at the reference rate of {}", group_thousands(usd.round()), self.date))
            }
            _ => None,
        }
    }

    /// The amount in US dollars, if the currency has a rate.
    pub fn to_usd(&self, amount: f64, currency: &str) -> Option<f64> {
        if currency == "USD" {
            return Some(amount);
        }
        self.usd_per_unit.get(currency).map(|rate| amount * rate)
    }
}

/// One body of rules: a standard, a law, an authority's rules or an arrangement.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Framework {
    /// Stable id, equal to the file name.
    pub id: FrameworkId,
    /// Full name.
    pub name: String,
    /// Short name for table headers.
    pub short: String,
    /// What sort of framework.
    pub kind: FrameworkKind,
    /// The issuing body.
    pub body: String,
    /// Where it applies.
    pub jurisdictions: Vec<Jurisdiction>,
    /// Legal status today.
    pub status: Status,
    /// What it is, in a sentence or two.
    pub summary: String,
    /// The documents its cells cite.
    pub sources: Vec<Source>,
    /// Dated events, oldest first.
    pub milestones: Vec<Milestone>,
    /// One cell per aspect, ordered by aspect id.
    pub provisions: IndexMap<AspectId, Provision>,
    /// For each aspect's position in [`Dataset::aspects`], the index of its cell in `provisions`, made at loading:
    /// every cell of every answer is looked up, and an index costs less than comparing ids in a search tree.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) provision_index: Box<[Option<usize>]>,
    /// The date of its first establishing milestone, read from `milestones` once at loading (every cell of every
    /// answer asks for it).
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) established: Option<IsoDate>,
    /// Values derived from the framework, kept for reuse (the query layer keeps its column headers here); not data.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) derived: DerivedSlots,
}

impl Framework {
    /// The source with this local id.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// Its cell on `aspect`, if it has one.
    pub fn provision(&self, aspect: &Aspect) -> Option<&Provision> {
        let indexed = self.provision_index.get(aspect.position).copied().flatten();
        match indexed.and_then(|i| self.provisions.get_index(i)) {
            Some((id, provision)) if *id == aspect.id => Some(provision),
            // An aspect of another dataset, or provisions changed after loading: look the id up.
            _ => self.provisions.get(&aspect.id),
        }
    }

    /// For each of `aspects`, in order, the index of its cell in `provisions`: [`Framework::provision`]'s table.
    pub(crate) fn index_provisions(
        provisions: &IndexMap<AspectId, Provision>,
        aspects: &[Aspect],
    ) -> Box<[Option<usize>]> {
        aspects.iter().map(|a| provisions.get_index_of(&a.id)).collect()
    }

    /// The first date on which the framework existed (adopted, published, announced, in force), if known.
    pub fn established_on(&self) -> Option<IsoDate> {
        self.established
    }

    /// The first establishing milestone's date of `milestones`, as [`Framework::established_on`] gives it.
    pub(crate) fn first_establishing(milestones: &[Milestone]) -> Option<IsoDate> {
        milestones.iter().filter(|m| m.kind.establishes()).map(|m| m.date).min()
    }
}

/// A document that cells cite.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Source {
    /// Id, local to its framework file.
    pub id: SourceId,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Publication date, if known.
    pub date: Option<IsoDate>,
    /// Where to read it.
    pub url: WebUrl,
    /// True for the legal text or the standard setter's own publication.
    pub primary: bool,
}

/// A dated event in a framework's life.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Milestone {
    /// When.
    pub date: IsoDate,
    /// What kind of event.
    pub kind: MilestoneKind,
    /// What happened, in a few words.
    pub title: String,
    /// The source that records it.
    pub source: Option<SourceId>,
    /// Where in the source.
    pub pinpoint: Option<Pinpoint>,
}

/// A source plus a pinpoint.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Citation {
    /// The source's local id.
    pub source: SourceId,
    /// Article, section, recommendation, paragraph or page.
    pub pinpoint: Pinpoint,
}

/// What a framework says on an aspect at one time.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ProvisionState {
    /// One line for the table.
    pub summary: String,
    /// A short paragraph in plain language.
    pub detail: String,
    /// How strongly the aspect is addressed.
    pub level: Level,
    /// Legal status of this provision.
    pub status: Status,
    /// Requirements imposed, each mandatory or recommended.
    pub requirements: BTreeMap<RequirementId, Strength>,
    /// Parameter values.
    pub parameters: BTreeMap<ParameterId, ParameterValue>,
    /// Where it is said.
    pub citations: Vec<Citation>,
}

impl ProvisionState {
    /// How many requirements are mandatory.
    pub fn mandatory_count(&self) -> usize {
        self.requirements.values().filter(|s| **s == Strength::Mandatory).count()
    }
}

/// One cell: framework × aspect, with its history.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Provision {
    /// The state today.
    #[serde(flatten)]
    pub current: ProvisionState,
    /// From when the obligation applies.
    pub applies_from: Option<IsoDate>,
    /// Until when it applies.
    pub applies_until: Option<IsoDate>,
    /// How sure the editors are.
    pub confidence: Confidence,
    /// When an editor last checked the cell against its sources.
    pub reviewed: IsoDate,
    /// Why something is uncertain.
    pub note: Option<String>,
    /// Earlier states, oldest first.
    pub history: Vec<Period>,
    /// Values derived from the cell, kept for reuse (the query layer keeps the cell's views here); not data.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) derived: DerivedSlots,
}

/// Values derived from one cell and kept once built, in numbered slots (the query layer keeps each view of the cell
/// here: `query::views::CellView::shared`). Opaque to the model, so the model does not depend on the query layer;
/// not data: never serialised, and empty in a clone, so an edited copy can never show a stale value.
#[derive(Default)]
pub struct DerivedSlots(Box<[std::sync::OnceLock<std::sync::Arc<dyn std::any::Any + Send + Sync>>]>);

impl DerivedSlots {
    /// `count` empty slots.
    pub(crate) fn new(count: usize) -> Self {
        DerivedSlots((0..count).map(|_| std::sync::OnceLock::new()).collect())
    }

    /// The value in slot `index`, made by `make` the first time, borrowed; `None` when there is no such slot or it
    /// holds another type. Borrowing writes nothing shared, where cloning the `Arc` would write to its counts, a
    /// cache line every thread that shows the value writes to as well.
    pub(crate) fn get_or_init<T: std::any::Any + Send + Sync>(
        &self,
        index: usize,
        make: impl FnOnce() -> T,
    ) -> Option<&T> {
        self.slot(index, make)?.downcast_ref::<T>()
    }

    /// The same value as an `Arc`, for a holder that outlives the borrow (a value kept elsewhere that includes it).
    pub(crate) fn get_or_init_arc<T: std::any::Any + Send + Sync>(
        &self,
        index: usize,
        make: impl FnOnce() -> T,
    ) -> Option<std::sync::Arc<T>> {
        std::sync::Arc::clone(self.slot(index, make)?).downcast::<T>().ok()
    }

    fn slot<T: std::any::Any + Send + Sync>(
        &self,
        index: usize,
        make: impl FnOnce() -> T,
    ) -> Option<&std::sync::Arc<dyn std::any::Any + Send + Sync>> {
        Some(self.0.get(index)?.get_or_init(|| std::sync::Arc::new(make())))
    }
}

impl Clone for DerivedSlots {
    fn clone(&self) -> Self {
        DerivedSlots::new(self.0.len())
    }
}

impl std::fmt::Debug for DerivedSlots {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kept = self.0.iter().filter(|s| s.get().is_some()).count();
        write!(f, "DerivedSlots({kept} of {} kept)", self.0.len())
    }
}

/// Values derived from several cells and kept once built, by a key the query layer makes (a jurisdiction's code and
/// the identities of the cell states it merges). Opaque to the model, like [`DerivedSlots`]; not data: never
/// serialised, and empty in a clone. It holds at most one value per distinct key, and the keys are bounded by the
/// data (each merged cell's parts have a few states each), so it needs no eviction.
#[derive(Default)]
pub struct DerivedMap(
    std::sync::RwLock<std::collections::HashMap<DerivedKey, std::sync::Arc<dyn std::any::Any + Send + Sync>>>,
);

/// A key of [`DerivedMap`]: a name and a list of numbers.
pub(crate) type DerivedKey = (String, Box<[usize]>);

impl DerivedMap {
    /// The value kept under `key`, made by `make` the first time (two threads may both make it; the first kept
    /// wins); `None` when it holds another type.
    pub(crate) fn get_or_insert<T: std::any::Any + Send + Sync>(
        &self,
        key: DerivedKey,
        make: impl FnOnce() -> T,
    ) -> Option<std::sync::Arc<T>> {
        let found = self.0.read().ok().and_then(|map| map.get(&key).cloned());
        let value = match found {
            Some(value) => value,
            None => {
                let made: std::sync::Arc<dyn std::any::Any + Send + Sync> = std::sync::Arc::new(make());
                match self.0.write() {
                    Ok(mut map) => std::sync::Arc::clone(map.entry(key).or_insert(made)),
                    Err(_) => made,
                }
            }
        };
        value.downcast::<T>().ok()
    }
}

impl Clone for DerivedMap {
    fn clone(&self) -> Self {
        DerivedMap::default()
    }
}

impl std::fmt::Debug for DerivedMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kept = self.0.read().map(|m| m.len()).unwrap_or(0);
        write!(f, "DerivedMap({kept} kept)")
    }
}

/// An earlier state of a provision and the dates between which it held.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Period {
    /// First day it held.
    pub from: IsoDate,
    /// First day it no longer held.
    pub until: IsoDate,
    /// How sure the editors are of this state (the cell's confidence when absent).
    pub confidence: Option<Confidence>,
    /// Why this state is uncertain.
    pub note: Option<String>,
    /// The state.
    #[serde(flatten)]
    pub state: ProvisionState,
}

/// A glossary entry.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Term {
    /// Stable id.
    pub id: TermId,
    /// The term.
    pub term: String,
    /// Our definition.
    pub definition: String,
    /// Where the term is defined in law or standard.
    pub source_title: String,
    /// Link to it.
    pub url: WebUrl,
    /// Where in it.
    pub pinpoint: Pinpoint,
}

impl Dataset {
    /// The framework with this id.
    pub fn framework(&self, id: &FrameworkId) -> Option<&Framework> {
        self.frameworks.get(id)
    }

    /// The aspect with this id.
    pub fn aspect(&self, id: &AspectId) -> Option<&Aspect> {
        self.aspects.iter().find(|a| &a.id == id)
    }

    /// The group with this id.
    pub fn group(&self, id: &GroupId) -> Option<&Group> {
        self.groups.iter().find(|g| &g.id == id)
    }

    /// The display name of a jurisdiction: from the jurisdictions file, else from ISO 3166-1.
    pub fn jurisdiction_name<'a>(&'a self, code: &'a Jurisdiction) -> &'a str {
        self.jurisdictions.get(code).map_or_else(|| code.iso_name(), |j| j.name.as_str())
    }

    /// The grouping with this code.
    pub fn grouping(&self, code: &str) -> Option<&Grouping> {
        self.groupings.iter().find(|g| g.code == code)
    }
}

/// Ordering value of a level: weakest first; `unknown` has none and sorts last.
pub fn level_rank(level: Level) -> Option<u8> {
    match level {
        Level::NotAddressed => Some(0),
        Level::Monitoring => Some(1),
        Level::Principle => Some(2),
        Level::Recommended => Some(3),
        Level::Binding => Some(4),
        Level::Prohibited => Some(5),
        Level::Unknown => None,
    }
}
