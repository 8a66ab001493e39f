//! `foreign-requirement`: a provision only uses requirements of its own aspect's vocabulary.

use super::{Rule, did_you_mean};
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "foreign-requirement",
    description: "Requirements named in a provision (and its history) belong to that aspect's vocabulary.",
    severity: Severity::Error,
    each_framework: Some(|parsed, f, report| {
        for (key, p) in &f.value.provisions {
            let Some(aspect) = parsed.aspect(key.get_ref()) else { continue };
            let own = || aspect.requirements.iter().map(|r| r.id.get_ref().as_str());
            let keys = p
                .requirements
                .keys()
                .chain(p.history.iter().flat_map(|h| h.requirements.iter().flat_map(|r| r.keys())));
            for req in keys {
                if !own().any(|r| r == req.get_ref()) {
                    report.at(
                        f.file,
                        req.span(),
                        format!(
                            "`{}` is not a requirement of aspect `{}`{}",
                            req.get_ref(),
                            key.get_ref(),
                            did_you_mean(req.get_ref(), own())
                        ),
                        format!("use one of: {}", own().collect::<Vec<_>>().join(", ")),
                    );
                }
            }
        }
    }),
    whole: None,
};
