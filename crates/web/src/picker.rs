//! The comparison picker's lists and the home page's ways in: the same for every request, so built once per dataset
//! (the state keeps them) and, for the choices, rendered to HTML once.

use askama::Template;
use cryptoreg_core::model::{Dataset, FrameworkKind};

/// Plural heading for a kind of framework.
pub fn kind_heading(kind: FrameworkKind) -> &'static str {
    match kind {
        FrameworkKind::InternationalStandard => "International standards",
        FrameworkKind::RegionalLaw => "Regional laws",
        FrameworkKind::NationalLaw => "National laws",
        FrameworkKind::AgencyRules => "Regulators' rules and positions",
        FrameworkKind::BilateralArrangement => "Arrangements between authorities",
    }
}

/// A choice of the picker (a framework, jurisdiction or group), rendered once: only whether it is selected changes
/// from one request to the next, so both forms are kept as HTML.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Value.
    pub id: String,
    /// The choice as HTML, not selected (`[0]`) and selected (`[1]`).
    pub html: [String; 2],
}

/// The HTML of one choice: a framework or group checkbox, or a jurisdiction option.
#[derive(Template)]
#[template(
    ext = "html",
    source = r#"{% if option %}<option value="{{ id }}"{% if selected %} selected{% endif %}>{{ label }}</option>{% else %}<li{% if let Some(words) = filter %} data-filter="{{ words }}"{% endif %}><input type="checkbox" name="{{ name }}" value="{{ id }}" id="{{ prefix }}-{{ id }}"{% if selected %} checked{% endif %}><label for="{{ prefix }}-{{ id }}">{{ label }}</label></li>{% endif %}"#
)]
struct ChoiceHtml<'a> {
    option: bool,
    name: &'a str,
    prefix: &'a str,
    id: &'a str,
    label: &'a str,
    filter: Option<&'a str>,
    selected: bool,
}

impl Choice {
    /// A checkbox named `name` (`f`, `group`) with the element id `<prefix>-<id>`, found by the filter box also
    /// by the words of `filter`; or, with `option`, a list option.
    fn new(option: bool, (name, prefix): (&str, &str), id: &str, label: &str, filter: Option<&str>) -> Self {
        let filter = filter.map(str::to_lowercase);
        let html = [false, true].map(|selected| {
            let filter = filter.as_deref();
            ChoiceHtml { option, name, prefix, id, label, filter, selected }.render().unwrap_or_default()
        });
        Choice { id: id.to_owned(), html }
    }

    /// The choice as HTML, selected or not.
    pub fn html(&self, selected: bool) -> &str {
        &self.html[usize::from(selected)]
    }
}

/// A named selection of the data's lists, as a link.
#[derive(Debug, Clone)]
pub struct PresetLink {
    /// Name.
    pub name: String,
    /// The comparison it selects.
    pub href: String,
}

/// The home page's ways in: countries, topics, the pathfinder and what changed.
#[derive(Debug)]
pub struct WaysIn {
    /// How many frameworks.
    pub frameworks: usize,
    /// How many jurisdictions have a framework of their own.
    pub places: usize,
    /// The major markets: code and name.
    pub markets: Vec<(String, String)>,
    /// One aspect per group: id and the group's name.
    pub topics: Vec<(String, String)>,
    /// Legal events in the last 12 months.
    pub recent_changes: usize,
}

impl WaysIn {
    fn build(data: &Dataset) -> Self {
        let places: std::collections::BTreeSet<&str> = data
            .frameworks
            .values()
            .flat_map(|f| f.jurisdictions.iter().map(|j| j.as_str()))
            .filter(|j| *j != "INT")
            .collect();
        let recent_changes = cryptoreg_core::query::changes::changes(data, &Default::default())
            .map(|c| c.events.len())
            .unwrap_or_default();
        WaysIn {
            frameworks: data.frameworks.len(),
            places: places.len(),
            markets: data
                .lists
                .major_markets
                .iter()
                .map(|j| (j.as_str().to_owned(), data.jurisdiction_name(j).to_owned()))
                .collect(),
            topics: data
                .groups
                .iter()
                .filter_map(|g| Some((data.aspects.iter().find(|a| a.group == g.id)?.id.to_string(), g.name.clone())))
                .collect(),
            recent_changes,
        }
    }
}

/// The picker's lists: the same for every request, so built once per dataset (the state keeps it).
#[derive(Debug)]
pub struct Picker {
    /// The home page's ways in.
    pub ways_in: WaysIn,
    /// The presets of the data's lists.
    pub presets: Vec<PresetLink>,
    /// Framework checkboxes by kind.
    pub kinds: Vec<KindChoices>,
    /// Jurisdictions, by name.
    pub jurisdictions: Vec<Choice>,
    /// Aspect groups, in data order.
    pub groups: Vec<Choice>,
}

impl Picker {
    /// The lists of `data`.
    pub fn build(data: &Dataset) -> Self {
        let kinds = FrameworkKind::ALL
            .iter()
            .map(|kind| {
                (
                    kind_heading(*kind),
                    data.frameworks
                        .values()
                        .filter(|f| f.kind == *kind)
                        .map(|f| {
                            let places = f.jurisdictions.iter().map(|j| data.jurisdiction_name(j)).collect::<Vec<_>>();
                            (
                                f.short.to_lowercase(),
                                Choice::new(false, ("f", "f"), f.id.as_str(), &f.short, Some(&places.join(" "))),
                            )
                        })
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, choices)| !choices.is_empty())
            .map(|(heading, mut choices)| {
                choices.sort_by(|a, b| a.0.cmp(&b.0));
                KindChoices { heading, choices: choices.into_iter().map(|(_, c)| c).collect() }
            })
            .collect();
        let mut jurisdictions: Vec<(String, Choice)> = data
            .jurisdictions
            .values()
            .filter(|j| j.code.as_str() != "INT")
            .map(|j| (j.name.to_lowercase(), Choice::new(true, ("j", "j"), j.code.as_str(), &j.name, None)))
            .collect();
        jurisdictions.sort_by(|a, b| a.0.cmp(&b.0));
        let jurisdictions = jurisdictions.into_iter().map(|(_, c)| c).collect();
        let groups =
            data.groups.iter().map(|g| Choice::new(false, ("group", "g"), g.id.as_str(), &g.name, None)).collect();
        let presets = data
            .lists
            .presets
            .iter()
            .map(|p| {
                let mut parts = Vec::new();
                let frameworks: Vec<&str> = p.frameworks.iter().map(|f| f.as_str()).collect();
                let codes: Vec<&str> = p.jurisdictions.iter().map(|j| j.as_str()).collect();
                for (key, ids) in [("f", frameworks), ("j", codes)] {
                    if !ids.is_empty() {
                        parts.push(format!("{key}={}", ids.join(",")));
                    }
                }
                PresetLink { name: p.name.clone(), href: format!("/compare?{}", parts.join("&")) }
            })
            .collect();
        Picker { ways_in: WaysIn::build(data), presets, kinds, jurisdictions, groups }
    }
}

/// Framework checkboxes of one kind.
#[derive(Debug, Clone)]
pub struct KindChoices {
    /// Heading.
    pub heading: &'static str,
    /// Boxes.
    pub choices: Vec<Choice>,
}
