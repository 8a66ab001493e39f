//! `unknown-activity-reference`: an activity in `activities.toml` names existing aspects, its authorisation aspect
//! is one of them, and each requirement it lists belongs to one of its aspects.

use super::{Rule, did_you_mean};
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "unknown-activity-reference",
    description: "Activities name aspects of aspects.toml; the authorisation aspect is one of them; listed requirements belong to them.",
    severity: Severity::Error,
    each_framework: None,
    whole: Some(|parsed, report| {
        let (Some(file), Some(aspects)) = (&parsed.activities, &parsed.aspects) else { return };
        let all = || aspects.value.aspects.iter().map(|a| a.id.get_ref().as_str());
        for activity in &file.value.activities {
            for a in &activity.aspects {
                if parsed.aspect(a.get_ref()).is_none() {
                    report.at(
                        file.file,
                        a.span(),
                        format!("`{}` is not an aspect{}", a.get_ref(), did_you_mean(a.get_ref(), all())),
                        "use an aspect id from aspects.toml",
                    );
                }
            }
            let named = || activity.aspects.iter().map(|a| a.get_ref().as_str());
            if !named().any(|a| a == activity.authorisation.get_ref()) {
                report.at(
                    file.file,
                    activity.authorisation.span(),
                    format!(
                        "authorisation aspect `{}` is not among the activity's aspects",
                        activity.authorisation.get_ref()
                    ),
                    "add it to `aspects`, or name one of them",
                );
            }
            let vocabulary = || {
                named()
                    .filter_map(|a| parsed.aspect(a))
                    .flat_map(|a| a.requirements.iter().map(|r| r.id.get_ref().as_str()))
            };
            for r in &activity.requirements {
                if !vocabulary().any(|v| v == r.get_ref()) {
                    report.at(
                        file.file,
                        r.span(),
                        format!(
                            "requirement `{}` belongs to none of the activity's aspects{}",
                            r.get_ref(),
                            did_you_mean(r.get_ref(), vocabulary())
                        ),
                        "list requirements of the activity's aspects only",
                    );
                }
            }
        }
    }),
};
