//! The data files as written: TOML documents deserialized with their byte spans, so that every
//! diagnostic can point at a line. Values stay raw strings here; the lint validates them and the
//! loader turns them into the model. The JSON Schema of the data files is generated from these types.

use crate::model::{ParameterKind, ParameterValue};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A string with its position in the file.
pub type Text = Spanned<String>;

/// `data/frameworks/<id>.toml`: one framework.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cryptoreg framework file")]
pub struct FrameworkFile {
    /// Stable kebab-case id; equals the file name.
    #[schemars(with = "String")]
    pub id: Text,
    /// Full name.
    pub name: String,
    /// Short name for table headers (at most 24 characters).
    #[schemars(with = "String")]
    pub short: Text,
    /// What sort of framework.
    #[schemars(with = "crate::model::FrameworkKind")]
    pub kind: Text,
    /// The issuing body.
    pub body: String,
    /// ISO 3166-1 alpha-2 codes, `EU` or `INT`.
    #[schemars(with = "Vec<String>")]
    pub jurisdictions: Vec<Text>,
    /// Legal status today.
    #[schemars(with = "crate::model::Status")]
    pub status: Text,
    /// One or two sentences in our words.
    pub summary: String,
    /// Documents cited by this file.
    #[serde(default)]
    pub sources: Vec<SourceEntry>,
    /// Dated events.
    #[serde(default)]
    pub milestones: Vec<MilestoneEntry>,
    /// One table per aspect id.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, ProvisionEntry>")]
    pub provisions: BTreeMap<Text, ProvisionEntry>,
}

/// A document cited by the framework file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    /// Local id, referenced by citations.
    #[schemars(with = "String")]
    pub id: Text,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub date: Option<Text>,
    /// Where to read it (http or https).
    #[schemars(with = "String")]
    pub url: Text,
    /// True for the legal text or the standard setter's own publication.
    #[serde(default)]
    pub primary: bool,
}

/// A dated event.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneEntry {
    /// `YYYY-MM-DD`.
    #[schemars(with = "String")]
    pub date: Text,
    /// What kind of event.
    #[schemars(with = "crate::model::MilestoneKind")]
    pub kind: Text,
    /// What happened.
    pub title: String,
    /// Local source id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
    /// Where in the source.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub pinpoint: Option<Text>,
}

/// A citation: a local source id and a pinpoint.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitationEntry {
    /// Local source id.
    #[schemars(with = "String")]
    pub source: Text,
    /// Article, section, recommendation, paragraph or page.
    #[schemars(with = "String")]
    pub pinpoint: Text,
}

/// A parameter value: a number, or an amount with its currency.
#[derive(Debug, JsonSchema)]
#[serde(untagged)]
pub enum ParameterValueEntry {
    /// A percentage, days, months or a count.
    Number(f64),
    /// An amount.
    Amount {
        /// The amount.
        amount: f64,
        /// ISO 4217 currency code.
        currency: String,
    },
}

/// One cell.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvisionEntry {
    /// One line for the table.
    pub summary: String,
    /// A short paragraph.
    #[serde(default)]
    pub detail: String,
    /// How strongly the aspect is addressed.
    #[schemars(with = "crate::model::Level")]
    pub level: Text,
    /// Defaults to the framework's status.
    #[serde(default)]
    #[schemars(with = "Option<crate::model::Status>")]
    pub status: Option<Text>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub applies_from: Option<Text>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub applies_until: Option<Text>,
    /// high, medium or low.
    #[schemars(with = "crate::model::Confidence")]
    pub confidence: Text,
    /// The day an editor last checked the cell.
    #[schemars(with = "String")]
    pub reviewed: Text,
    /// Why something is uncertain.
    #[serde(default)]
    pub note: Option<String>,
    /// Requirement id → mandatory | recommended.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, crate::model::Strength>")]
    pub requirements: BTreeMap<Text, Text>,
    /// Parameter id → value.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, ParameterValueEntry>")]
    pub parameters: BTreeMap<Text, Spanned<toml::Value>>,
    /// At least one.
    #[serde(default)]
    pub citations: Vec<CitationEntry>,
    /// Earlier states, oldest first.
    #[serde(default)]
    pub history: Vec<PeriodEntry>,
}

/// An earlier state of a cell.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodEntry {
    /// First day it held.
    #[schemars(with = "String")]
    pub from: Text,
    /// First day it no longer held.
    #[schemars(with = "String")]
    pub until: Text,
    /// One line.
    pub summary: String,
    /// What held then, in a short paragraph; absent when the earlier text is not known (never today's detail).
    #[serde(default)]
    pub detail: Option<String>,
    /// Level then.
    #[schemars(with = "crate::model::Level")]
    pub level: Text,
    /// Status then.
    #[schemars(with = "crate::model::Status")]
    pub status: Text,
    /// The requirements imposed then; none when absent (never today's).
    #[serde(default)]
    #[schemars(with = "Option<BTreeMap<String, crate::model::Strength>>")]
    pub requirements: Option<BTreeMap<Text, Text>>,
    /// The parameter values then; none when absent (never today's).
    #[serde(default)]
    #[schemars(with = "Option<BTreeMap<String, ParameterValueEntry>>")]
    pub parameters: Option<BTreeMap<Text, Spanned<toml::Value>>>,
    /// Defaults to the current citations.
    #[serde(default)]
    #[schemars(with = "Option<Vec<CitationEntry>>")]
    pub citations: Option<Vec<CitationEntry>>,
    /// Defaults to the current confidence.
    #[serde(default)]
    #[schemars(with = "Option<crate::model::Confidence>")]
    pub confidence: Option<Text>,
    /// Why this earlier state is uncertain.
    #[serde(default)]
    pub note: Option<String>,
}

/// `data/aspects.toml`: groups, aspects, vocabulary, parameters, rubrics.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cryptoreg aspects file")]
pub struct AspectsFile {
    /// Aspect groups.
    pub groups: Vec<GroupEntry>,
    /// Aspects.
    pub aspects: Vec<AspectEntry>,
    /// Reference exchange rates for ordering amounts.
    #[serde(default)]
    pub reference_rates: Option<RatesEntry>,
}

/// An aspect group.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    /// Stable id.
    #[schemars(with = "String")]
    pub id: Text,
    /// Display name.
    pub name: String,
}

/// An aspect.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AspectEntry {
    /// Stable id.
    #[schemars(with = "String")]
    pub id: Text,
    /// Group id.
    #[schemars(with = "String")]
    pub group: Text,
    /// Display name.
    pub name: String,
    /// The question each cell answers.
    pub question: String,
    /// Level → what it means here.
    #[serde(default)]
    #[schemars(with = "BTreeMap<crate::model::Level, String>")]
    pub rubric: BTreeMap<Text, String>,
    /// Requirement vocabulary.
    #[serde(default)]
    pub requirements: Vec<RequirementEntry>,
    /// Typed parameters.
    #[serde(default)]
    pub parameters: Vec<ParameterEntry>,
}

/// A requirement of the vocabulary.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequirementEntry {
    /// Unique across all aspects.
    #[schemars(with = "String")]
    pub id: Text,
    /// Short label.
    pub label: String,
    /// Meaning.
    pub description: String,
}

/// A typed parameter.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParameterEntry {
    /// Unique within the aspect.
    #[schemars(with = "String")]
    pub id: Text,
    /// Short label.
    pub label: String,
    /// Unit.
    #[schemars(with = "crate::model::ParameterKind")]
    pub kind: Text,
    /// Meaning.
    pub description: String,
    /// Which values are stricter: `lower` (a threshold) or `higher` (a capital minimum); used to merge the cells
    /// of several frameworks that apply in one jurisdiction.
    #[serde(default)]
    #[schemars(with = "Option<crate::model::Stricter>")]
    pub stricter: Option<Text>,
    /// What a value of 0 means, in words (e.g. "no threshold (all transfers)"); shown instead of "0".
    #[serde(default)]
    pub zero_means: Option<String>,
}

/// Reference exchange rates.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatesEntry {
    /// When they were read.
    #[schemars(with = "String")]
    pub date: Text,
    /// Where they were read.
    pub source: String,
    /// US dollars per unit, by ISO 4217 code.
    pub usd_per_unit: BTreeMap<String, f64>,
}

/// `data/glossary.toml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cryptoreg glossary file")]
pub struct GlossaryFile {
    /// Terms.
    #[serde(default)]
    pub terms: Vec<TermEntry>,
}

/// A glossary term.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermEntry {
    /// Stable id.
    #[schemars(with = "String")]
    pub id: Text,
    /// The term.
    pub term: String,
    /// Our definition.
    pub definition: String,
    /// Title of the law or standard that defines it.
    pub source_title: String,
    /// Its URL.
    #[schemars(with = "String")]
    pub url: Text,
    /// Where in it.
    #[schemars(with = "String")]
    pub pinpoint: Text,
}

/// `data/jurisdictions.toml`: the places the dataset can be asked about and the groupings they belong to.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cryptoreg jurisdictions file")]
pub struct JurisdictionsFile {
    /// Unions and forums (EU, EEA, FATF, FSB, G20, …).
    #[serde(default)]
    pub groupings: Vec<GroupingEntry>,
    /// Countries, sub-national places, the EU and INT.
    #[serde(default)]
    pub jurisdictions: Vec<JurisdictionEntry>,
}

/// A union or forum that jurisdictions belong to.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupingEntry {
    /// Uppercase code (`EU`, `FATF`).
    #[schemars(with = "String")]
    pub code: Text,
    /// Display name.
    pub name: String,
    /// `union` (its own frameworks apply in every member) or `forum` (membership only).
    #[schemars(with = "crate::model::GroupingKind")]
    pub kind: Text,
    /// Where the member list can be checked.
    #[schemars(with = "String")]
    pub source: Text,
    /// The day the member list was checked.
    #[schemars(with = "String")]
    pub checked: Text,
    /// Anything a reader should know about the membership.
    #[serde(default)]
    pub note: Option<String>,
}

/// A jurisdiction.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionEntry {
    /// ISO 3166-1 alpha-2, ISO 3166-2 style (`US-NY`), `EU` or `INT`.
    #[schemars(with = "String")]
    pub code: Text,
    /// Common English short name.
    pub name: String,
    /// Region.
    #[schemars(with = "crate::model::Region")]
    pub region: Text,
    /// Codes of the groupings it belongs to.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub member_of: Vec<Text>,
    /// Other names people type (`UK`, `Britain`).
    #[serde(default)]
    pub synonyms: Vec<String>,
}

/// `data/activities.toml`: what a firm wants to do, for the pathfinder.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cryptoreg activities file")]
pub struct ActivitiesFile {
    /// Activities.
    #[serde(default)]
    pub activities: Vec<ActivityEntry>,
}

/// An activity.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityEntry {
    /// Stable kebab-case id.
    #[schemars(with = "String")]
    pub id: Text,
    /// Display name ("Issue a fiat-referenced stablecoin").
    pub name: String,
    /// What it covers.
    pub description: String,
    /// The aspect whose cell says which authorisation is needed; one of `aspects`.
    #[schemars(with = "String")]
    pub authorisation: Text,
    /// The aspects that apply to the activity.
    #[schemars(with = "Vec<String>")]
    pub aspects: Vec<Text>,
    /// The requirements (of those aspects) that bind a firm doing it; empty means all of them.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub requirements: Vec<Text>,
}

/// `data/release.toml`: the dataset's release identity (editorial time).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cryptoreg release file")]
pub struct ReleaseFile {
    /// Release version (`2026.11.28`).
    pub version: String,
    /// Release date, `YYYY-MM-DD`.
    #[schemars(with = "String")]
    pub date: Text,
    /// Where the code and data are published and errors are reported (a repository's web address), if public.
    #[serde(default)]
    pub repository: Option<String>,
}

/// `data/corrections.toml`: the log of substantive corrections to cells.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cryptoreg corrections file")]
pub struct CorrectionsFile {
    /// Corrections, any order.
    #[serde(default)]
    pub corrections: Vec<CorrectionEntry>,
}

/// One correction.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrectionEntry {
    /// When the data changed, `YYYY-MM-DD` (not in the future).
    #[schemars(with = "String")]
    pub date: Text,
    /// The framework.
    #[schemars(with = "String")]
    pub framework: Text,
    /// The cells (aspect ids) changed; empty for a change to the framework itself.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aspects: Vec<Text>,
    /// What changed (old value, new value).
    pub what: String,
    /// Why, with the source that shows it.
    pub why: String,
}

/// `data/lists.toml`: lists that editors change: presets of frameworks and the standards to compare against.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cryptoreg lists file")]
pub struct ListsFile {
    /// Id of the preset selected on the home page when nothing is chosen.
    #[schemars(with = "String")]
    pub home: Text,
    /// The international standards a framework or jurisdiction is compared with ("compare with the standards").
    #[schemars(with = "Vec<String>")]
    pub standards: Vec<Text>,
    /// Named selections of frameworks.
    #[serde(default)]
    pub presets: Vec<PresetEntry>,
    /// The major markets whose cells are held to the highest standard of review (reported by `cryptoreg stats`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub major_markets: Vec<Text>,
}

/// A named selection of frameworks.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PresetEntry {
    /// Stable kebab-case id.
    #[schemars(with = "String")]
    pub id: Text,
    /// Display name.
    pub name: String,
    /// Framework ids, in display order.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub frameworks: Vec<Text>,
    /// Jurisdiction codes, in display order (each a column merging the frameworks that apply there).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub jurisdictions: Vec<Text>,
}

/// Reads a parameter value of `kind` from TOML.
pub(crate) fn parameter_value(kind: ParameterKind, value: &toml::Value) -> Result<ParameterValue, String> {
    let number = |v: &toml::Value| match v {
        toml::Value::Integer(i) => Some(*i as f64),
        toml::Value::Float(f) if f.is_finite() => Some(*f),
        _ => None,
    };
    match kind {
        ParameterKind::Amount => {
            let table = value.as_table().ok_or("an amount needs { amount, currency }")?;
            let amount = table.get("amount").and_then(number).ok_or("`amount` must be a number")?;
            let currency = table.get("currency").and_then(|c| c.as_str()).ok_or("`currency` must be a string")?;
            if table.len() != 2 {
                return Err("an amount has exactly the keys `amount` and `currency`".into());
            }
            if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(format!("`{currency}` is not an ISO 4217 currency code"));
            }
            if amount < 0.0 {
                return Err("the amount is negative".into());
            }
            Ok(ParameterValue::Amount { amount, currency: currency.to_owned() })
        }
        _ => {
            let n = number(value).ok_or("the value must be a number")?;
            if n < 0.0 || (kind == ParameterKind::Percent && n > 100.0) {
                return Err(format!("{n} is out of range"));
            }
            Ok(ParameterValue::Number(n))
        }
    }
}
