//! `/map`: the world coloured by one aspect's merged level or one standard's in-force share, every country a link
//! to its profile, with a table that says the same in words.

use crate::error::AppError;
use crate::render::Chrome;
use crate::respond::Ctx;
use crate::state::AppState;
use crate::world::world;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use cryptoreg_core::query::alignment::standards;
use cryptoreg_core::query::map::{MapEntry, MapInput, MapMeasure, MapReport, map};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Query parameters of `/map`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct MapParams {
    /// Colour by this aspect's merged level (default `legal-status`).
    pub aspect: Option<String>,
    /// Colour by the in-force share of this international standard's recommendations instead.
    pub standard: Option<String>,
    /// Each place as it stood on this date (YYYY-MM-DD).
    pub as_of: Option<String>,
}

/// A drawn place: its shape or marker, with what the map says of it.
#[derive(Debug)]
pub struct Drawn<'a> {
    /// The SVG path (shapes) or `None` (markers).
    pub path: Option<&'a str>,
    /// Marker centre.
    pub at: (f64, f64),
    /// The place, where the data has it.
    pub entry: Option<&'a MapEntry>,
}

/// The map and its JSON twin.
#[derive(Debug, Serialize, Template, schemars::JsonSchema)]
#[template(path = "map.html")]
pub struct MapPage {
    /// What the colours measure and every place's colour.
    #[serde(flatten)]
    pub report: MapReport,
    #[serde(skip)]
    pub(crate) choices: Vec<(String, String, bool)>,
    #[serde(skip)]
    pub(crate) standard_choices: Vec<(String, String, bool)>,
    #[serde(skip)]
    pub(crate) chrome: Chrome,
}

impl MapPage {
    /// The shapes and markers to draw, each with its place.
    pub fn drawn(&self) -> Vec<Drawn<'_>> {
        let by_code: HashMap<&str, &MapEntry> = self.report.entries.iter().map(|e| (e.code.as_str(), e)).collect();
        let w = world();
        let shapes = w.shapes.iter().map(|s| Drawn {
            path: Some(s.path.as_str()),
            at: (0.0, 0.0),
            entry: s.code.and_then(|c| by_code.get(c).copied()),
        });
        let markers = w
            .markers
            .iter()
            .filter_map(|m| Some(Drawn { path: None, at: (m.x, m.y), entry: Some(*by_code.get(m.code)?) }));
        shapes.chain(markers).collect()
    }

    /// Whether the colours measure a standard (so no aspect is selected).
    pub fn by_standard(&self) -> bool {
        matches!(self.report.measure, MapMeasure::Standard(_))
    }

    /// The view box.
    pub fn view_box(&self) -> String {
        crate::world::view_box()
    }

    /// What the colours show, in words.
    pub fn title(&self) -> String {
        match &self.report.measure {
            MapMeasure::Aspect(a) => format!("{}: each place's strongest level", a.name),
            MapMeasure::Standard(s) => format!("{}: share of its recommendations in force", s.short),
        }
    }

    /// The legend: colour class and words.
    pub fn legend(&self) -> Vec<(&'static str, &'static str)> {
        match &self.report.measure {
            MapMeasure::Aspect(_) => vec![
                ("level-binding", "binding"),
                ("level-recommended", "recommended"),
                ("level-principle", "principle"),
                ("level-monitoring", "monitoring"),
                ("level-not-addressed", "not addressed"),
                ("level-prohibited", "prohibited"),
                ("level-unknown", "unknown"),
                ("level-none", "no framework in the data"),
            ],
            MapMeasure::Standard(_) => vec![
                ("band-high", "67% or more in force"),
                ("band-mid", "34% to 66%"),
                ("band-low", "under 34%"),
                ("band-none", "no data"),
            ],
        }
    }

    /// The as-of date, as the date field wants it.
    pub fn as_of_value(&self) -> String {
        self.report.as_of.map(|d| d.to_string()).unwrap_or_default()
    }
}

/// `GET /map`.
#[utoipa::path(get, path = "/map.json", params(MapParams),
    responses((status = 200, description = "Every jurisdiction's colour on the map: its merged level on an aspect, or its in-force share of a standard", content_type = "application/json"),
              (status = 400, description = "Malformed date or unexpected parameter", content_type = "application/json"),
              (status = 404, description = "Unknown aspect or standard, with the closest ids", content_type = "application/json")))]
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let params: MapParams = ctx.query()?;
    let data = &state.data;
    let input = MapInput { aspect: params.aspect, standard: params.standard, as_of: params.as_of };
    let report = map(data, &input).map_err(|e| ctx.query_error(e))?;
    let (aspect_now, standard_now) = match &report.measure {
        MapMeasure::Aspect(a) => (a.id.as_str(), ""),
        MapMeasure::Standard(s) => ("", s.id.as_str()),
    };
    let choices =
        data.aspects.iter().map(|a| (a.id.to_string(), a.name.clone(), a.id.as_str() == aspect_now)).collect();
    let standard_choices =
        standards(data).iter().map(|s| (s.id.to_string(), s.short.clone(), s.id.as_str() == standard_now)).collect();
    Ok(ctx.render(&MapPage { report, choices, standard_choices, chrome: ctx.chrome.clone() }))
}
