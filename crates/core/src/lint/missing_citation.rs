//! `missing-citation`: every provision cites at least one source.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "missing-citation",
    description: "Every provision has at least one citation.",
    severity: Severity::Error,
    check: |parsed, report| {
        for (f, key, p) in parsed.provisions() {
            if p.citations.is_empty() {
                report.at(
                    f.file,
                    key.span(),
                    format!("provision `{}` cites no source", key.get_ref()),
                    "add citations = [{ source = \"<source-id>\", pinpoint = \"Art. 1\" }]",
                );
            }
        }
    },
};
