//! `stale-history`: a history period states what held then. One whose level differs from today's but whose
//! detail is today's word for word describes the present under a past date.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "stale-history",
    description: "A history period whose level differs from the cell's does not repeat the cell's current detail.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        for (key, p) in &f.value.provisions {
            for h in &p.history {
                let same_detail =
                    h.detail.as_deref().is_some_and(|d| !d.trim().is_empty() && d.trim() == p.detail.trim());
                if same_detail && h.level.get_ref() != p.level.get_ref() {
                    report.at(
                        f.file,
                        h.from.span(),
                        format!(
                            "the period of `{}` from {} is `{}` but repeats today's detail (today `{}`)",
                            key.get_ref(),
                            h.from.get_ref(),
                            h.level.get_ref(),
                            p.level.get_ref()
                        ),
                        "write what held in that period, or leave its detail out when it is not known",
                    );
                }
            }
        }
    }),
    whole: None,
};
