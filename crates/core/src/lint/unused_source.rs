//! `unused-source` (warning): a source that nothing cites is probably a leftover or a missing citation.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "unused-source",
    description: "Every source is cited by a provision or a milestone.",
    severity: Severity::Warning,
    each_framework: Some(|_, f, report| {
        let fw = &f.value;
        for s in &fw.sources {
            let id = s.id.get_ref();
            let used = fw.milestones.iter().any(|m| m.source.as_ref().is_some_and(|x| x.get_ref() == id))
                || fw.provisions.values().any(|p| {
                    p.citations.iter().any(|c| c.source.get_ref() == id)
                        || p.history.iter().flat_map(|h| h.citations.iter().flatten()).any(|c| c.source.get_ref() == id)
                });
            if !used {
                report.at(f.file, s.id.span(), format!("source `{id}` is never cited"), "cite it or remove it");
            }
        }
    }),
    whole: None,
};
