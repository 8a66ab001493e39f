//! `secondary-only` (warning): a provision that cites no primary source rests on commentary alone.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "secondary-only",
    description: "A provision cites at least one primary source (the legal text or the standard setter's own publication).",
    severity: Severity::Warning,
    check: |parsed, report| {
        for (f, key, p) in parsed.provisions() {
            let citations = &p.citations;
            let primary = |id: &str| f.value.sources.iter().any(|s| s.id.get_ref() == id && s.primary);
            if !citations.is_empty() && !citations.iter().any(|c| primary(c.source.get_ref())) {
                report.at(
                    f.file,
                    key.span(),
                    format!("provision `{}` cites only secondary sources", key.get_ref()),
                    "find and cite the primary text, or keep confidence low and say why in `note`",
                );
            }
        }
    },
};
