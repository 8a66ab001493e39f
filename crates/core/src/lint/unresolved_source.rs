//! `unresolved-source`: every citation and milestone names a source defined in the same file.

use super::{Rule, did_you_mean};
use crate::diagnostic::Severity;
use crate::format::Text;

/// The rule.
pub const RULE: Rule = Rule {
    name: "unresolved-source",
    description: "Citations and milestones refer to a source defined under [[sources]] in the same file.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        let ids = || f.value.sources.iter().map(|s| s.id.get_ref().as_str());
        let mut refs: Vec<&Text> = f.value.milestones.iter().filter_map(|m| m.source.as_ref()).collect();
        for p in f.value.provisions.values() {
            refs.extend(p.citations.iter().map(|c| &c.source));
            refs.extend(p.history.iter().flat_map(|h| h.citations.iter().flatten()).map(|c| &c.source));
        }
        for r in refs {
            if !ids().any(|id| id == r.get_ref()) {
                report.at(
                    f.file,
                    r.span(),
                    format!("source `{}` is not defined in this file{}", r.get_ref(), did_you_mean(r.get_ref(), ids())),
                    "add it under [[sources]] with id, title, publisher, url and primary",
                );
            }
        }
    }),
    whole: None,
};
