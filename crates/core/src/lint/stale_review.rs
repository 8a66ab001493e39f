//! `stale-review` (warning): a cell whose last review is more than 12 months old needs a fresh look.

use super::Rule;
use crate::diagnostic::Severity;
use crate::ids::IsoDate;

/// Months after which a review is stale.
pub const STALE_AFTER_MONTHS: i32 = 12;

/// The rule.
pub const RULE: Rule = Rule {
    name: "stale-review",
    description: "A provision's reviewed date is within the last 12 months.",
    severity: Severity::Warning,
    each_framework: Some(|parsed, f, report| {
        let limit = parsed.today.months_earlier(STALE_AFTER_MONTHS);
        for (aspect, p) in &f.value.provisions {
            if let Ok(d) = IsoDate::parse(p.reviewed.get_ref())
                && d < limit
            {
                report.at(
                    f.file,
                    p.reviewed.span(),
                    format!(
                        "`{}` was last reviewed on {d}, more than {STALE_AFTER_MONTHS} months ago",
                        aspect.get_ref()
                    ),
                    "check the cell against its sources and update `reviewed`",
                );
            }
        }
    }),
    whole: None,
};
