//! `duplicate-id`: ids are unique where they must be: sources within a file; groups, aspects, requirements
//! (across all aspects) and glossary terms within their files; parameters within an aspect.

use super::{Report, Rule};
use crate::diagnostic::{DataFile, Severity};
use crate::format::Text;
use std::collections::HashMap;

/// The rule.
pub const RULE: Rule = Rule {
    name: "duplicate-id",
    description: "Source ids are unique in a file; group, aspect, requirement and term ids are unique in the dataset; jurisdiction, grouping, preset and activity ids are unique in their files; parameter ids are unique in an aspect.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        let mut check_all = |file, what: &str, ids: Vec<&Text>| check_unique(report, file, what, ids);
        check_all(f.file, "source", f.value.sources.iter().map(|s| &s.id).collect());
    }),
    whole: Some(|parsed, report| {
        let mut check_all = |file, what: &str, ids: Vec<&Text>| check_unique(report, file, what, ids);
        if let Some(a) = &parsed.aspects {
            check_all(a.file, "group", a.value.groups.iter().map(|g| &g.id).collect());
            check_all(a.file, "aspect", a.value.aspects.iter().map(|x| &x.id).collect());
            check_all(
                a.file,
                "requirement",
                a.value.aspects.iter().flat_map(|x| &x.requirements).map(|r| &r.id).collect(),
            );
            for aspect in &a.value.aspects {
                check_all(a.file, "parameter", aspect.parameters.iter().map(|p| &p.id).collect());
            }
        }
        if let Some(g) = &parsed.glossary {
            check_all(g.file, "term", g.value.terms.iter().map(|t| &t.id).collect());
        }
        if let Some(j) = &parsed.jurisdictions {
            check_all(j.file, "grouping", j.value.groupings.iter().map(|g| &g.code).collect());
            check_all(j.file, "jurisdiction", j.value.jurisdictions.iter().map(|x| &x.code).collect());
        }
        if let Some(l) = &parsed.lists {
            check_all(l.file, "preset", l.value.presets.iter().map(|p| &p.id).collect());
        }
        if let Some(a) = &parsed.activities {
            check_all(a.file, "activity", a.value.activities.iter().map(|x| &x.id).collect());
        }
    }),
};

/// Reports every id of `ids` that an earlier one already used.
fn check_unique(report: &mut Report<'_>, file: &DataFile, what: &str, ids: Vec<&Text>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in ids {
        match seen.get(id.get_ref().as_str()) {
            Some(first) => {
                let (line, _) = file.line_column(*first);
                report.at(
                    file,
                    id.span(),
                    format!("{what} id `{}` is used twice", id.get_ref()),
                    format!("the first use is on line {line}; rename one of them"),
                );
            }
            None => {
                seen.insert(id.get_ref(), id.span().start);
            }
        }
    }
}
