//! Which state of a cell held on a given date: the current one, an earlier period, or none recorded.

use crate::ids::IsoDate;
use crate::model::{Framework, Period, Provision, ProvisionState};

/// The state of one cell on one date.
#[derive(Debug, Clone, Copy)]
pub enum StateAt<'a> {
    /// The current state, held since the given date (if known).
    Current(&'a ProvisionState, Option<IsoDate>),
    /// An earlier period, held between its dates (from inclusive, until exclusive).
    Past(&'a Period),
    /// Nothing is recorded for that date.
    NoRecord,
}

/// The first day the current state of `provision` held.
pub fn current_since(framework: &Framework, provision: &Provision) -> Option<IsoDate> {
    provision.history.iter().map(|p| p.until).max().or_else(|| framework.established_on())
}

/// The state of `provision` on `date` (today's state when `date` is `None`).
pub fn state_at<'a>(framework: &Framework, provision: &'a Provision, date: Option<IsoDate>) -> StateAt<'a> {
    let since = current_since(framework, provision);
    let Some(date) = date else { return StateAt::Current(&provision.current, since) };
    if since.is_none_or(|s| date >= s) {
        return StateAt::Current(&provision.current, since);
    }
    provision.history.iter().find(|p| p.from <= date && date < p.until).map_or(StateAt::NoRecord, StateAt::Past)
}

/// Whether the framework did not yet exist on `date` (its first establishing milestone is later).
pub fn not_yet_adopted(framework: &Framework, date: Option<IsoDate>) -> bool {
    match (date, framework.established_on()) {
        (Some(d), Some(established)) => d < established,
        _ => false,
    }
}
