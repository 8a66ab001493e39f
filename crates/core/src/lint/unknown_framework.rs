//! `unknown-framework`: the lists in `lists.toml` (presets, the standards to compare with, the home preset)
//! name frameworks and presets that exist.

use super::{Rule, did_you_mean};
use crate::diagnostic::Severity;
use crate::format::Text;

/// The rule.
pub const RULE: Rule = Rule {
    name: "unknown-framework",
    description: "Presets and the standards list in lists.toml name existing frameworks; the home preset exists.",
    severity: Severity::Error,
    each_framework: None,
    whole: Some(|parsed, report| {
        let Some(l) = &parsed.lists else { return };
        let ids = || parsed.frameworks.iter().map(|f| f.id.as_str());
        let listed: Vec<&Text> =
            l.value.standards.iter().chain(l.value.presets.iter().flat_map(|p| &p.frameworks)).collect();
        for id in listed {
            if !ids().any(|x| x == id.get_ref()) {
                report.at(
                    l.file,
                    id.span(),
                    format!("`{}` is not a framework{}", id.get_ref(), did_you_mean(id.get_ref(), ids())),
                    "use the id of a file in data/frameworks/",
                );
            }
        }
        let presets = || l.value.presets.iter().map(|p| p.id.get_ref().as_str());
        let home = l.value.home.get_ref();
        if !presets().any(|p| p == home) {
            report.at(
                l.file,
                l.value.home.span(),
                format!("home preset `{home}` is not defined{}", did_you_mean(home, presets())),
                "define it under [[presets]] or name an existing preset",
            );
        }
    }),
};
