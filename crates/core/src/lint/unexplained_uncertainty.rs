//! `unexplained-uncertainty` (warning): a cell at level `unknown` or with low confidence says why in `note`.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "unexplained-uncertainty",
    description: "A provision with level unknown or confidence low explains why in `note`.",
    severity: Severity::Warning,
    each_framework: Some(|_, f, report| {
        for (key, p) in &f.value.provisions {
            let uncertain = p.level.get_ref() == "unknown" || p.confidence.get_ref() == "low";
            if uncertain && p.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                report.at(
                    f.file,
                    key.span(),
                    format!("provision `{}` is uncertain but has no note", key.get_ref()),
                    "say in `note` what is unclear and what would settle it",
                );
            }
        }
    }),
    whole: None,
};
