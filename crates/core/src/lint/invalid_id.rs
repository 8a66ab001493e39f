//! `invalid-id`: every id (framework, source, group, aspect, requirement, parameter, term) is kebab-case.

use super::{Report, Rule};
use crate::diagnostic::{DataFile, Severity};
use crate::format::Text;
use crate::ids::is_kebab;

/// The rule.
pub const RULE: Rule = Rule {
    name: "invalid-id",
    description: "Ids are lowercase kebab-case: letters and digits joined by single hyphens.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        let mut check = |file, what: &str, id: &Text| check_one(report, file, what, id);
        check(f.file, "framework", &f.value.id);
        for s in &f.value.sources {
            check(f.file, "source", &s.id);
        }
    }),
    whole: Some(|parsed, report| {
        let mut check = |file, what: &str, id: &Text| check_one(report, file, what, id);
        if let Some(a) = &parsed.aspects {
            for g in &a.value.groups {
                check(a.file, "group", &g.id);
            }
            for aspect in &a.value.aspects {
                check(a.file, "aspect", &aspect.id);
                for r in &aspect.requirements {
                    check(a.file, "requirement", &r.id);
                }
                for p in &aspect.parameters {
                    check(a.file, "parameter", &p.id);
                }
            }
        }
        if let Some(g) = &parsed.glossary {
            for t in &g.value.terms {
                check(g.file, "term", &t.id);
            }
        }
        if let Some(l) = &parsed.lists {
            for p in &l.value.presets {
                check(l.file, "preset", &p.id);
            }
        }
        if let Some(a) = &parsed.activities {
            for x in &a.value.activities {
                check(a.file, "activity", &x.id);
            }
        }
    }),
};

fn check_one(report: &mut Report<'_>, file: &DataFile, what: &str, id: &Text) {
    if !is_kebab(id.get_ref()) {
        report.at(
            file,
            id.span(),
            format!("{what} id `{}` is not kebab-case", id.get_ref()),
            "use lowercase letters, digits and single hyphens, e.g. `eu-mica`",
        );
    }
}
