//! `correction-target`: each entry of the corrections log names an existing framework and cells of it, has a
//! valid date that is not in the future; the release date is valid too.

use super::{Rule, did_you_mean};
use crate::diagnostic::Severity;
use crate::ids::IsoDate;

/// The rule.
pub const RULE: Rule = Rule {
    name: "correction-target",
    description: "Corrections name an existing framework and its cells, with a valid date not in the future; the release date is valid.",
    severity: Severity::Error,
    each_framework: None,
    whole: Some(|parsed, report| {
        if let Some(r) = &parsed.release
            && let Err(e) = IsoDate::parse(r.value.date.get_ref())
        {
            report.at(r.file, r.value.date.span(), e.0, "write the release date as YYYY-MM-DD");
        }
        let Some(log) = &parsed.corrections else { return };
        let ids = || parsed.frameworks.iter().map(|f| f.id.as_str());
        for c in &log.value.corrections {
            match IsoDate::parse(c.date.get_ref()) {
                Err(e) => report.at(log.file, c.date.span(), e.0, "write the date as YYYY-MM-DD"),
                Ok(d) if d > parsed.today => report.at(
                    log.file,
                    c.date.span(),
                    format!("the correction is dated {d}, in the future"),
                    "date a correction the day the data changed",
                ),
                Ok(_) => {}
            }
            let name = c.framework.get_ref();
            let Some(framework) = parsed.frameworks.iter().find(|f| f.id == *name) else {
                report.at(
                    log.file,
                    c.framework.span(),
                    format!("`{name}` is not a framework{}", did_you_mean(name, ids())),
                    "use the id of a file in data/frameworks/",
                );
                continue;
            };
            for a in &c.aspects {
                if !framework.cells.iter().any(|k| k == a.get_ref()) {
                    report.at(
                        log.file,
                        a.span(),
                        format!("`{name}` has no cell `{}`", a.get_ref()),
                        "name an aspect the framework's file has a provision for",
                    );
                }
            }
        }
    }),
};
