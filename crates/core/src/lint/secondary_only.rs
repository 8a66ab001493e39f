//! `secondary-only` (warning): a provision that cites no primary source rests on commentary alone.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "secondary-only",
    description: "A provision cites at least one primary source (the legal text or the standard setter's own publication).",
    severity: Severity::Warning,
    each_framework: Some(|_, f, report| {
        for (key, p) in &f.value.provisions {
            let citations = &p.citations;
            let source = |id: &str| f.value.sources.iter().find(|s| s.id.get_ref() == id);
            // Citations that resolve to no source are `unresolved-source`'s business.
            let resolved: Vec<_> = citations.iter().filter_map(|c| source(c.source.get_ref())).collect();
            if !resolved.is_empty() && !resolved.iter().any(|s| s.primary) {
                report.at(
                    f.file,
                    key.span(),
                    format!("provision `{}` cites only secondary sources", key.get_ref()),
                    "find and cite the primary text, or keep confidence low and say why in `note`",
                );
            }
        }
    }),
    whole: None,
};
