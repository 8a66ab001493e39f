//! `invalid-url`: source and glossary URLs are well-formed absolute http(s) URLs.

use super::Rule;
use crate::diagnostic::Severity;
use crate::ids::WebUrl;

/// The rule.
pub const RULE: Rule = Rule {
    name: "invalid-url",
    description: "Source, glossary and membership URLs are absolute http(s) URLs.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        for s in &f.value.sources {
            if let Err(e) = WebUrl::parse(s.url.get_ref()) {
                report.at(f.file, s.url.span(), e.0, "give the full address, starting with https://");
            }
        }
    }),
    whole: Some(|parsed, report| {
        if let Some(j) = &parsed.jurisdictions {
            for g in &j.value.groupings {
                if let Err(e) = WebUrl::parse(g.source.get_ref()) {
                    report.at(
                        j.file,
                        g.source.span(),
                        e.0,
                        "give the full address of the member list, starting with https://",
                    );
                }
            }
        }
        if let Some(g) = &parsed.glossary {
            for t in &g.value.terms {
                if let Err(e) = WebUrl::parse(t.url.get_ref()) {
                    report.at(g.file, t.url.span(), e.0, "give the full address, starting with https://");
                }
            }
        }
    }),
};
