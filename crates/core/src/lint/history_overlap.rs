//! `history-overlap`: a provision's history periods do not overlap, so that exactly one state holds on any date.

use super::Rule;
use crate::diagnostic::Severity;
use crate::ids::IsoDate;

/// The rule.
pub const RULE: Rule = Rule {
    name: "history-overlap",
    description: "History periods of one provision do not overlap: one state holds on any date.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        for (aspect, p) in &f.value.provisions {
            let mut periods: Vec<(IsoDate, IsoDate, &crate::format::PeriodEntry)> = p
                .history
                .iter()
                .filter_map(|h| {
                    Some((IsoDate::parse(h.from.get_ref()).ok()?, IsoDate::parse(h.until.get_ref()).ok()?, h))
                })
                .filter(|(from, until, _)| from < until)
                .collect();
            periods.sort_by_key(|(from, _, _)| *from);
            for pair in periods.windows(2) {
                let (_, first_until, _) = pair[0];
                let (second_from, _, second) = pair[1];
                if second_from < first_until {
                    report.at(
                        f.file,
                        second.from.span(),
                        format!(
                            "in `{}`, the period from {second_from} overlaps the one ending {first_until}",
                            aspect.get_ref()
                        ),
                        "make each period start on or after the previous period's `until`",
                    );
                }
            }
        }
    }),
    whole: None,
};
