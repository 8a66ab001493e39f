//! `date-order`: date ranges run forwards: `applies_from` before `applies_until`, each history period's `from`
//! before its `until`, and history periods listed oldest first.

use super::Rule;
use crate::diagnostic::Severity;
use crate::format::Text;
use crate::ids::IsoDate;

/// The rule.
pub const RULE: Rule = Rule {
    name: "date-order",
    description: "applies_from is before applies_until; a history period's from is before its until; periods are listed oldest first.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        let date = |t: &Text| IsoDate::parse(t.get_ref()).ok();
        for p in f.value.provisions.values() {
            if let (Some(from), Some(until)) = (p.applies_from.as_ref(), p.applies_until.as_ref())
                && let (Some(a), Some(b)) = (date(from), date(until))
                && a >= b
            {
                report.at(
                    f.file,
                    until.span(),
                    format!("applies_until {b} is not after applies_from {a}"),
                    "swap the dates or remove applies_until",
                );
            }
            let mut previous_from: Option<IsoDate> = None;
            for h in &p.history {
                let (Some(from), Some(until)) = (date(&h.from), date(&h.until)) else { continue };
                if from >= until {
                    report.at(
                        f.file,
                        h.until.span(),
                        format!("history period ends ({until}) before it starts ({from})"),
                        "`until` is the first day the state no longer held; it must be after `from`",
                    );
                }
                if previous_from.is_some_and(|prev| from < prev) {
                    report.at(
                        f.file,
                        h.from.span(),
                        format!("history period starting {from} is listed after a later one"),
                        "list history periods oldest first",
                    );
                }
                previous_from = Some(from);
            }
        }
    }),
    whole: None,
};
