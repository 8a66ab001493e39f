//! The pathfinder: "I want to do X in markets A, B and C: what must I do, and from when?" For an activity, a set
//! of markets and a date: per market, whether the activity may be done and under which authorisation; one merged
//! checklist of requirements naming the markets that mandate each (with citations); each number per market with
//! the strictest marked; and what applies later. Computed from the markets' merged cells.

use super::jurisdiction::{Component, MergedCell, applicability, find_jurisdiction};
use super::views::{AspectHeader, CitationView, comparable};
use super::{QueryError, parse_date, split_list, suggestions};
use crate::ids::{AspectId, FrameworkId, IsoDate, Jurisdiction, ParameterId, RequirementId};
use crate::model::{Activity, Confidence, Dataset, Level, ParameterKind, ParameterValue, Strength, Stricter};
use schemars::JsonSchema;
use serde::Serialize;

/// What the user asked, as typed.
#[derive(Debug, Clone, Default)]
pub struct PathInput {
    /// Activity id.
    pub activity: Option<String>,
    /// Markets: codes, names or synonyms (repeated or comma-separated).
    pub markets: Vec<String>,
    /// `YYYY-MM-DD`.
    pub as_of: Option<String>,
}

/// An activity as listed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ActivityView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// What it covers.
    pub description: String,
    /// The aspect that says which authorisation is needed.
    pub authorisation: AspectId,
    /// The aspects that apply.
    pub aspects: Vec<AspectId>,
    /// How many requirements bind it.
    pub requirement_count: usize,
}

impl ActivityView {
    fn build(a: &Activity) -> Self {
        ActivityView {
            id: a.id.clone(),
            name: a.name.clone(),
            description: a.description.clone(),
            authorisation: a.authorisation.clone(),
            aspects: a.aspects.clone(),
            requirement_count: a.requirements.len(),
        }
    }
}

/// Whether the activity may be done in a market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Possible {
    /// A regime exists (binding rules on the authorisation aspect).
    Regulated,
    /// The authorisation aspect is prohibited: the activity is banned.
    Prohibited,
    /// Addressed only by guidance, a principle or monitoring, or not addressed: no specific regime.
    NoSpecificRegime,
    /// The data does not settle it.
    Unknown,
    /// No framework of the data applies in the market.
    NoData,
}

impl Possible {
    /// For readers.
    pub fn label(self) -> &'static str {
        match self {
            Possible::Regulated => "regulated",
            Possible::Prohibited => "prohibited",
            Possible::NoSpecificRegime => "no specific regime",
            Possible::Unknown => "unknown",
            Possible::NoData => "no data",
        }
    }
}

/// A framework behind a market's answer, with its authority.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Regime {
    /// Framework id.
    pub framework: FrameworkId,
    /// Its name.
    pub name: String,
    /// The issuing body (the authority).
    pub body: String,
    /// The cell's summary on the authorisation aspect.
    pub summary: Option<String>,
    /// From when it applies, when that is later than the date asked for.
    pub applies_from: Option<IsoDate>,
    /// Only in this sub-national place (an alternative regime).
    pub only_in: Option<Jurisdiction>,
    /// Where it is said.
    pub citations: Vec<CitationView>,
}

/// One market's answer.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MarketAnswer {
    /// Code.
    pub code: Jurisdiction,
    /// Name.
    pub name: String,
    /// May it be done.
    pub possible: Possible,
    /// The merged level on the authorisation aspect.
    pub level: Option<Level>,
    /// The regimes that decide the authorisation answer (applicable on the date).
    pub authorisation: Vec<Regime>,
    /// Regimes adopted but not yet applicable.
    pub coming: Vec<Regime>,
    /// Regimes that apply only in a sub-national place (alternatives).
    pub alternatives: Vec<Regime>,
    /// The activity's aspects on which this market's answer is unknown or missing.
    pub unknown_aspects: Vec<AspectId>,
    /// The activity's aspects whose deciding cells are of low confidence.
    pub low_confidence_aspects: Vec<AspectId>,
}

/// A market that mandates or recommends a requirement, with the cells that say so.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MarketCitation {
    /// The market.
    pub market: Jurisdiction,
    /// The frameworks imposing it.
    pub frameworks: Vec<FrameworkId>,
    /// Whether a cell behind it is of low confidence.
    pub low_confidence: bool,
    /// Where it is said.
    pub citations: Vec<CitationView>,
}

/// One requirement of the merged checklist.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChecklistItem {
    /// The requirement.
    pub requirement: RequirementId,
    /// Its label.
    pub label: String,
    /// What it means.
    pub description: String,
    /// Its aspect.
    pub aspect: AspectId,
    /// Markets that make it mandatory (applicable on the date).
    pub mandatory_in: Vec<MarketCitation>,
    /// Markets that only recommend it.
    pub recommended_in: Vec<MarketCitation>,
    /// Markets where it is mandatory in a rule that applies later.
    pub coming_in: Vec<MarketCitation>,
    /// Markets whose cell on the aspect is unknown (or where no framework applies).
    pub unknown_in: Vec<Jurisdiction>,
}

/// One market's value of a parameter.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MarketValue {
    /// The market.
    pub market: Jurisdiction,
    /// The framework setting it.
    pub framework: FrameworkId,
    /// The value.
    pub value: ParameterValue,
    /// With its unit.
    pub display: String,
    /// The US-dollar equivalent at the reference rates, for amounts in another currency.
    pub usd: Option<f64>,
    /// Whether this is the strictest value across the markets.
    pub strictest: bool,
}

/// A number that matters for the activity, per market.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ParameterComparison {
    /// Aspect.
    pub aspect: AspectId,
    /// Parameter.
    pub parameter: ParameterId,
    /// Label.
    pub label: String,
    /// Unit.
    pub kind: ParameterKind,
    /// Which values are stricter.
    pub stricter: Option<Stricter>,
    /// Each market's strictest value.
    pub values: Vec<MarketValue>,
}

/// An obligation adopted but not yet applicable in one of the markets.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ComingUp {
    /// The market.
    pub market: Jurisdiction,
    /// The framework.
    pub framework: FrameworkId,
    /// The aspect.
    pub aspect: AspectId,
    /// From when it applies.
    pub applies_from: Option<IsoDate>,
    /// What it says.
    pub summary: Option<String>,
}

/// The whole answer.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PathAnswer {
    /// The activity.
    pub activity: ActivityView,
    /// The date asked for; `null` means today.
    pub as_of: Option<IsoDate>,
    /// The aspects of the activity.
    pub aspects: Vec<AspectHeader>,
    /// One answer per market, in the order asked.
    pub markets: Vec<MarketAnswer>,
    /// The merged checklist, by aspect then vocabulary order.
    pub checklist: Vec<ChecklistItem>,
    /// Numbers per market.
    pub parameters: Vec<ParameterComparison>,
    /// What applies later, soonest first.
    pub coming: Vec<ComingUp>,
    /// The date of the reference rates used to convert amounts, if any.
    pub rates_date: Option<IsoDate>,
}

/// The pathfinder's answer, or the list of activities when none is chosen.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PathReport {
    /// Every activity.
    pub activities: Vec<ActivityView>,
    /// The markets asked for, parsed (codes).
    pub markets: Vec<Jurisdiction>,
    /// The answer, when an activity and at least one market are given.
    pub answer: Option<PathAnswer>,
}

/// Runs the pathfinder.
pub fn path(data: &Dataset, input: &PathInput) -> Result<PathReport, QueryError> {
    let activities = data.activities.iter().map(ActivityView::build).collect();
    let activity = match input.activity.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(id) => Some(data.activities.iter().find(|a| a.id == id).ok_or_else(|| QueryError::UnknownActivity {
            id: id.to_owned(),
            suggestions: suggestions(id, data.activities.iter().map(|a| a.id.as_str())),
        })?),
    };
    let mut markets: Vec<Jurisdiction> = Vec::new();
    for raw in split_list(&input.markets) {
        let code = find_jurisdiction(data, raw)?.code.clone();
        if !markets.contains(&code) {
            markets.push(code);
        }
    }
    let as_of = parse_date(input.as_of.as_deref())?;
    let answer = match activity {
        Some(a) if !markets.is_empty() => Some(answer(data, a, &markets, as_of)),
        _ => None,
    };
    Ok(PathReport { activities, markets, answer })
}

fn regime(data: &Dataset, c: &Component) -> Regime {
    let framework = data.framework(&c.cell.framework);
    Regime {
        framework: c.cell.framework.clone(),
        name: framework.map_or_else(|| c.short.clone(), |f| f.name.clone()),
        body: framework.map(|f| f.body.clone()).unwrap_or_default(),
        summary: c.cell.summary.clone(),
        applies_from: c.cell.applies_from.filter(|_| c.cell.pending),
        only_in: c.only_in.clone(),
        citations: c.cell.citations.clone(),
    }
}

fn answer(data: &Dataset, activity: &Activity, markets: &[Jurisdiction], as_of: Option<IsoDate>) -> PathAnswer {
    let aspects: Vec<&crate::model::Aspect> = activity.aspects.iter().filter_map(|id| data.aspect(id)).collect();
    // merged[m][a]: market m's merged cell on aspect a.
    let merged: Vec<Vec<MergedCell>> = markets
        .iter()
        .map(|code| {
            let app = applicability(data, code);
            aspects.iter().map(|a| MergedCell::build(data, &app, code, a, as_of)).collect()
        })
        .collect();
    let authorisation_index = aspects.iter().position(|a| a.id == activity.authorisation);
    let market_answers = markets
        .iter()
        .zip(&merged)
        .map(|(code, cells)| {
            let auth = authorisation_index.map(|i| &cells[i]);
            let has_frameworks = !applicability(data, code).applies.is_empty();
            let level = auth.and_then(|m| m.level);
            let possible = match level {
                _ if !has_frameworks => Possible::NoData,
                Some(Level::Prohibited) => Possible::Prohibited,
                Some(Level::Binding) => Possible::Regulated,
                Some(Level::Unknown) | None => Possible::Unknown,
                Some(_) => Possible::NoSpecificRegime,
            };
            let deciding = |m: &MergedCell| -> Vec<Regime> {
                m.components
                    .iter()
                    .filter(|c| m.decided_by.contains(&c.cell.framework))
                    .map(|c| regime(data, c))
                    .collect()
            };
            MarketAnswer {
                code: code.clone(),
                name: data.jurisdiction_name(code).to_owned(),
                possible,
                level,
                authorisation: auth.map(deciding).unwrap_or_default(),
                coming: auth.map(|m| m.upcoming.iter().map(|c| regime(data, c)).collect()).unwrap_or_default(),
                alternatives: auth
                    .map(|m| m.alternatives.iter().map(|c| regime(data, c)).collect())
                    .unwrap_or_default(),
                unknown_aspects: aspects
                    .iter()
                    .zip(cells)
                    .filter(|(_, m)| matches!(m.level, None | Some(Level::Unknown)))
                    .map(|(a, _)| a.id.clone())
                    .collect(),
                low_confidence_aspects: aspects
                    .iter()
                    .zip(cells)
                    .filter(|(_, m)| m.is_low_confidence())
                    .map(|(a, _)| a.id.clone())
                    .collect(),
            }
        })
        .collect();
    let mut checklist = Vec::new();
    for (ai, aspect) in aspects.iter().enumerate() {
        for requirement in aspect.requirements.iter().filter(|r| activity.requirements.contains(&r.id)) {
            let mut item = ChecklistItem {
                requirement: requirement.id.clone(),
                label: requirement.label.clone(),
                description: requirement.description.clone(),
                aspect: aspect.id.clone(),
                mandatory_in: Vec::new(),
                recommended_in: Vec::new(),
                coming_in: Vec::new(),
                unknown_in: Vec::new(),
            };
            for (code, cells) in markets.iter().zip(&merged) {
                let m = &cells[ai];
                let cite = |components: &[Component], strength: Strength| -> Option<MarketCitation> {
                    let by: Vec<&Component> = components
                        .iter()
                        .filter(|c| {
                            c.cell.requirements.iter().any(|r| r.id == requirement.id && r.strength == strength)
                        })
                        .collect();
                    (!by.is_empty()).then(|| MarketCitation {
                        market: code.clone(),
                        frameworks: by.iter().map(|c| c.cell.framework.clone()).collect(),
                        low_confidence: by.iter().any(|c| c.cell.confidence == Some(Confidence::Low)),
                        citations: by.iter().flat_map(|c| c.cell.citations.iter().cloned()).collect(),
                    })
                };
                if let Some(c) = cite(&m.components, Strength::Mandatory) {
                    item.mandatory_in.push(c);
                } else if let Some(c) = cite(&m.components, Strength::Recommended) {
                    item.recommended_in.push(c);
                } else if m.level == Some(Level::Unknown) || (m.level.is_none() && m.upcoming.is_empty()) {
                    // Nothing known: not a rule adopted for later either.
                    item.unknown_in.push(code.clone());
                }
                if let Some(c) = cite(&m.upcoming, Strength::Mandatory) {
                    item.coming_in.push(c);
                }
            }
            checklist.push(item);
        }
    }
    let mut parameters = Vec::new();
    for (ai, aspect) in aspects.iter().enumerate() {
        for p in &aspect.parameters {
            let mut values: Vec<MarketValue> = markets
                .iter()
                .zip(&merged)
                .filter_map(|(code, cells)| {
                    let mp = cells[ai].parameters.iter().find(|x| x.id == p.id)?;
                    let v = mp.strictest.as_ref().or(mp.values.first())?;
                    let usd = match &v.value {
                        ParameterValue::Amount { currency, .. } if currency != "USD" => comparable(data, &v.value),
                        _ => None,
                    };
                    Some(MarketValue {
                        market: code.clone(),
                        framework: v.framework.clone(),
                        value: v.value.clone(),
                        display: v.display.clone(),
                        usd,
                        strictest: false,
                    })
                })
                .collect();
            if values.is_empty() {
                continue;
            }
            if let Some(direction) = p.stricter {
                let best = values
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| Some((i, comparable(data, &v.value)?)))
                    .min_by(|(_, a), (_, b)| match direction {
                        Stricter::Lower => a.total_cmp(b),
                        Stricter::Higher => b.total_cmp(a),
                    })
                    .map(|(_, n)| n);
                for v in &mut values {
                    v.strictest = best.is_some() && comparable(data, &v.value) == best;
                }
            }
            parameters.push(ParameterComparison {
                aspect: aspect.id.clone(),
                parameter: p.id.clone(),
                label: p.label.clone(),
                kind: p.kind,
                stricter: p.stricter,
                values,
            });
        }
    }
    let mut coming: Vec<ComingUp> = markets
        .iter()
        .zip(&merged)
        .flat_map(|(code, cells)| {
            cells.iter().flat_map(move |m| {
                m.upcoming.iter().map(move |c| ComingUp {
                    market: code.clone(),
                    framework: c.cell.framework.clone(),
                    aspect: c.cell.aspect.clone(),
                    applies_from: c.cell.applies_from,
                    summary: c.cell.summary.clone(),
                })
            })
        })
        .collect();
    coming.sort_by_key(|c| c.applies_from);
    let converted = parameters.iter().any(|p| p.values.iter().any(|v| v.usd.is_some()));
    PathAnswer {
        activity: ActivityView::build(activity),
        as_of,
        aspects: aspects.iter().map(|a| AspectHeader::build(data, a)).collect(),
        markets: market_answers,
        checklist,
        parameters,
        coming,
        rates_date: data.reference_rates.as_ref().filter(|_| converted).map(|r| r.date),
    }
}
