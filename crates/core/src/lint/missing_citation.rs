//! `missing-citation`: every provision cites at least one source.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "missing-citation",
    description: "Every provision has at least one citation.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        for (key, p) in &f.value.provisions {
            if p.citations.is_empty() {
                report.at(
                    f.file,
                    key.span(),
                    format!("provision `{}` cites no source", key.get_ref()),
                    "add citations = [{ source = \"<source-id>\", pinpoint = \"Art. 1\" }]",
                );
            }
        }
    }),
    whole: None,
};
