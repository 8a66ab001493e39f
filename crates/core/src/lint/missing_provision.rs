//! `missing-provision`: every framework has a cell for every aspect (`not-addressed` and `unknown` are answers;
//! a missing cell is a gap in the table).

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "missing-provision",
    description: "Every framework has a provision for every aspect (use not-addressed or unknown where that is the answer).",
    severity: Severity::Error,
    each_framework: Some(|parsed, f, report| {
        let Some(aspects) = &parsed.aspects else { return };
        for a in &aspects.value.aspects {
            if !f.value.provisions.keys().any(|k| k.get_ref() == a.id.get_ref()) {
                report.at(
                    f.file,
                    f.value.id.span(),
                    format!("`{}` has no provision for aspect `{}`", f.value.id.get_ref(), a.id.get_ref()),
                    format!(
                        "add [provisions.{}]; use level = \"not-addressed\" or \"unknown\" if that is the answer",
                        a.id.get_ref()
                    ),
                );
            }
        }
    }),
    whole: None,
};
