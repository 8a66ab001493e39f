//! `invalid-date`: every date is a real calendar date written `YYYY-MM-DD`.

use super::Rule;
use crate::diagnostic::Severity;
use crate::format::Text;
use crate::ids::IsoDate;

/// The rule.
pub const RULE: Rule = Rule {
    name: "invalid-date",
    description: "Dates are real calendar dates written YYYY-MM-DD.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        let mut dates: Vec<&Text> = Vec::new();
        dates.extend(f.value.sources.iter().filter_map(|s| s.date.as_ref()));
        dates.extend(f.value.milestones.iter().map(|m| &m.date));
        for p in f.value.provisions.values() {
            dates.push(&p.reviewed);
            dates.extend(p.applies_from.iter().chain(p.applies_until.iter()));
            dates.extend(p.history.iter().flat_map(|h| [&h.from, &h.until]));
        }
        for d in dates {
            if let Err(e) = IsoDate::parse(d.get_ref()) {
                report.at(f.file, d.span(), e.0, "write the date as YYYY-MM-DD, e.g. 2024-06-30");
            }
        }
    }),
    whole: Some(|parsed, report| {
        if let Some(j) = &parsed.jurisdictions {
            for g in &j.value.groupings {
                if let Err(e) = IsoDate::parse(g.checked.get_ref()) {
                    report.at(j.file, g.checked.span(), e.0, "write the date as YYYY-MM-DD");
                }
            }
        }
        if let Some(rates) = parsed.aspects.as_ref().and_then(|a| a.value.reference_rates.as_ref().map(|r| (a.file, r)))
            && let Err(e) = IsoDate::parse(rates.1.date.get_ref())
        {
            report.at(rates.0, rates.1.date.span(), e.0, "write the date as YYYY-MM-DD");
        }
    }),
};
