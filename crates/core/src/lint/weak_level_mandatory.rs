//! `weak-level-mandatory`: a history period at level not-addressed, monitoring, unknown or prohibited imposes no
//! mandatory requirement: such a level says there was no rule then (or that the activity was banned).

use super::Rule;
use crate::diagnostic::Severity;
use crate::format::Text;
use crate::model::{Level, Strength};
use std::collections::BTreeMap;

/// The rule.
pub const RULE: Rule = Rule {
    name: "weak-level-mandatory",
    description: "History periods at level not-addressed, monitoring, unknown or prohibited have no mandatory requirement.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        for (key, p) in &f.value.provisions {
            let states: Vec<(&Text, Option<&BTreeMap<Text, Text>>)> =
                p.history.iter().map(|h| (&h.level, h.requirements.as_ref())).collect();
            for (level, requirements) in states {
                let weak = matches!(
                    Level::parse(level.get_ref()),
                    Some(Level::NotAddressed | Level::Monitoring | Level::Unknown | Level::Prohibited)
                );
                if !weak {
                    continue;
                }
                for (id, strength) in requirements.into_iter().flatten() {
                    if Strength::parse(strength.get_ref()) == Some(Strength::Mandatory) {
                        report.at(
                            f.file,
                            id.span(),
                            format!(
                                "`{}` is mandatory in a `{}` history period of `{}`",
                                id.get_ref(),
                                level.get_ref(),
                                key.get_ref()
                            ),
                            "a period with no rule imposes nothing: drop the requirement or correct the level",
                        );
                    }
                }
            }
        }
    }),
    whole: None,
};
