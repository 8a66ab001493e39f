//! `missing-pinpoint`: every citation has a pinpoint (article, section, recommendation, paragraph or page).

use super::Rule;
use crate::diagnostic::Severity;
use crate::ids::Pinpoint;

/// The rule.
pub const RULE: Rule = Rule {
    name: "missing-pinpoint",
    description: "Every citation names where in the source: article, section, recommendation, paragraph or page.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        for p in f.value.provisions.values() {
            let citations = p.citations.iter().chain(p.history.iter().flat_map(|h| h.citations.iter().flatten()));
            for c in citations {
                if let Err(e) = Pinpoint::parse(c.pinpoint.get_ref()) {
                    report.at(
                        f.file,
                        c.pinpoint.span(),
                        e.0,
                        "e.g. \"Art. 36(1)\", \"Recommendation 9\", \"INR.15 para 7(b)\", \"p. 12\"",
                    );
                }
            }
        }
    }),
    whole: None,
};
