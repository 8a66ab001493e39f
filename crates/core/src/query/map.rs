//! The world map's answer: every jurisdiction coloured by its merged level on one aspect, or by its in-force share
//! of one international standard, as of a date. Shapes and drawing belong to the web layer; this is the data.

use super::alignment::{measure, measured_jurisdictions, standards};
use super::jurisdiction::{MergedCell, applicability};
use super::views::{AspectHeader, FrameworkHeader};
use super::{QueryError, find_aspect, find_framework, parse_date, suggestions};
use crate::ids::{IsoDate, Jurisdiction};
use crate::model::{Dataset, Region};
use schemars::JsonSchema;
use serde::Serialize;

/// What the map is asked, as typed.
#[derive(Debug, Clone, Default)]
pub struct MapInput {
    /// An aspect id: colour by each place's merged level on it (default `legal-status`, else the first aspect).
    pub aspect: Option<String>,
    /// An international standard's id: colour by each place's in-force share of its recommendations instead.
    pub standard: Option<String>,
    /// `YYYY-MM-DD`.
    pub as_of: Option<String>,
}

/// What the colours measure.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum MapMeasure {
    /// The merged level on an aspect.
    Aspect(AspectHeader),
    /// The in-force share of a standard's recommendations.
    Standard(FrameworkHeader),
}

/// One place on the map.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MapEntry {
    /// Code.
    pub code: Jurisdiction,
    /// Name.
    pub name: String,
    /// Region.
    pub region: Region,
    /// The colour class: `level-<level>` (`level-none` where no framework applies) or `band-<band>`.
    pub class: String,
    /// What the colour says, in words ("binding", "56% in force", "no framework").
    pub label: String,
    /// The frameworks deciding the level (by aspect), or the number of recommendations counted (by standard).
    pub detail: String,
    /// The place's page.
    pub href: String,
}

/// The map's answer.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MapReport {
    /// The date asked for; `null` means today.
    pub as_of: Option<IsoDate>,
    /// What the colours measure.
    pub measure: MapMeasure,
    /// Every jurisdiction, by name.
    pub entries: Vec<MapEntry>,
}

/// Colours every jurisdiction by `input`'s aspect or standard.
pub fn map(data: &Dataset, input: &MapInput) -> Result<MapReport, QueryError> {
    let as_of = parse_date(input.as_of.as_deref())?;
    let places = measured_jurisdictions(data);
    let href = |code: &Jurisdiction| format!("/jurisdictions/{code}");
    if let Some(id) = input.standard.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let framework = find_framework(data, id)?;
        let all = standards(data);
        let standard = all.iter().find(|s| s.id == framework.id).ok_or_else(|| QueryError::NotAStandard {
            id: id.to_owned(),
            suggestions: suggestions(id, all.iter().map(|s| s.id.as_str())),
        })?;
        let entries = places
            .into_iter()
            .map(|j| {
                let score = measure(data, &applicability(data, &j.code), &j.code, standard, as_of).score;
                MapEntry {
                    code: j.code.clone(),
                    name: j.name.clone(),
                    region: j.region,
                    class: format!("band-{}", score.band()),
                    label: match score.in_force_share {
                        Some(_) => format!("{} in force", score.percent()),
                        None => "no data".to_owned(),
                    },
                    detail: format!("{} recommendations counted", score.total),
                    href: href(&j.code),
                }
            })
            .collect();
        return Ok(MapReport {
            as_of,
            measure: MapMeasure::Standard(FrameworkHeader::build(standard, as_of)),
            entries,
        });
    }
    let aspect = match input.aspect.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => find_aspect(data, id)?,
        None => data
            .aspects
            .iter()
            .find(|a| a.id.as_str() == "legal-status")
            .or_else(|| data.aspects.first())
            .ok_or_else(|| QueryError::UnknownAspect { id: "legal-status".to_owned(), suggestions: Vec::new() })?,
    };
    let entries = places
        .into_iter()
        .map(|j| {
            let cell = MergedCell::shared(data, &applicability(data, &j.code), &j.code, aspect, as_of);
            let deciding: Vec<String> = cell
                .components
                .iter()
                .filter(|c| cell.decided_by.contains(&c.cell.framework))
                .map(|c| c.short.clone())
                .collect();
            MapEntry {
                code: j.code.clone(),
                name: j.name.clone(),
                region: j.region,
                class: format!("level-{}", cell.level_class()),
                label: cell.level.map_or_else(|| "no framework".to_owned(), |l| l.label()),
                detail: deciding.join(", "),
                href: href(&j.code),
            }
        })
        .collect();
    Ok(MapReport { as_of, measure: MapMeasure::Aspect(AspectHeader::build(data, aspect)), entries })
}
