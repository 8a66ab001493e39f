//! `unknown-aspect`: every provision is keyed by an aspect of `aspects.toml`, and every aspect names a group.

use super::{Rule, did_you_mean};
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "unknown-aspect",
    description: "Provision tables are named after aspects in aspects.toml; aspects belong to a defined group.",
    severity: Severity::Error,
    each_framework: Some(|parsed, f, report| {
        let Some(aspects) = &parsed.aspects else { return };
        let aspect_ids = || aspects.value.aspects.iter().map(|a| a.id.get_ref().as_str());
        for key in f.value.provisions.keys() {
            if parsed.aspect(key.get_ref()).is_none() {
                report.at(
                    f.file,
                    key.span(),
                    format!("`{}` is not an aspect{}", key.get_ref(), did_you_mean(key.get_ref(), aspect_ids())),
                    "provision tables are named [provisions.<aspect-id>] with an id from aspects.toml",
                );
            }
        }
    }),
    whole: Some(|parsed, report| {
        let Some(aspects) = &parsed.aspects else { return };
        let groups = || aspects.value.groups.iter().map(|g| g.id.get_ref().as_str());
        for a in &aspects.value.aspects {
            if !groups().any(|g| g == a.group.get_ref()) {
                report.at(
                    aspects.file,
                    a.group.span(),
                    format!(
                        "aspect `{}` names an unknown group `{}`{}",
                        a.id.get_ref(),
                        a.group.get_ref(),
                        did_you_mean(a.group.get_ref(), groups())
                    ),
                    "define the group under [[groups]] or use an existing one",
                );
            }
        }
    }),
};
