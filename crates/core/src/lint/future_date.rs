//! `future-date`: review dates and source publication dates are not in the future (milestones may be: an
//! application date can be scheduled).

use super::Rule;
use crate::diagnostic::Severity;
use crate::format::Text;
use crate::ids::IsoDate;

/// The rule.
pub const RULE: Rule = Rule {
    name: "future-date",
    description: "A provision's reviewed date and a source's publication date are not later than today.",
    severity: Severity::Error,
    each_framework: Some(|parsed, f, report| {
        let today = parsed.today;
        let mut check = |file, what: &str, t: &Text| {
            if let Ok(d) = IsoDate::parse(t.get_ref())
                && d > today
            {
                report.at(
                    file,
                    t.span(),
                    format!("{what} {d} is in the future (today is {today})"),
                    "use the date the work was actually done",
                );
            }
        };
        for s in &f.value.sources {
            if let Some(d) = &s.date {
                check(f.file, "source date", d);
            }
        }
        for p in f.value.provisions.values() {
            check(f.file, "reviewed date", &p.reviewed);
        }
    }),
    whole: None,
};
