//! Queries over the dataset shared by every interface: validation of user input (with "did you mean"
//! suggestions), the state of a cell as of a date, and the comparison table.

pub mod as_of;
pub mod catalog;
pub mod compare;
pub mod framework;
pub mod stats;
pub mod views;

use crate::suggest::closest;
use schemars::JsonSchema;
use serde::Serialize;

/// Bad input to a query: names the bad value and the closest valid ones.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema, thiserror::Error)]
#[serde(tag = "error", rename_all = "kebab-case")]
pub enum QueryError {
    /// Fewer than two frameworks to compare.
    #[error("select at least two frameworks to compare (got {given})")]
    TooFewFrameworks {
        /// How many were given.
        given: usize,
    },
    /// A framework id that does not exist.
    #[error("unknown framework `{id}`{}", hint(suggestions))]
    UnknownFramework {
        /// The bad id.
        id: String,
        /// Closest valid ids.
        suggestions: Vec<String>,
    },
    /// An aspect id that does not exist.
    #[error("unknown aspect `{id}`{}", hint(suggestions))]
    UnknownAspect {
        /// The bad id.
        id: String,
        /// Closest valid ids.
        suggestions: Vec<String>,
    },
    /// A group id that does not exist.
    #[error("unknown aspect group `{id}`{}", hint(suggestions))]
    UnknownGroup {
        /// The bad id.
        id: String,
        /// Closest valid ids.
        suggestions: Vec<String>,
    },
    /// A jurisdiction code with no framework.
    #[error("unknown jurisdiction `{id}`{}", hint(suggestions))]
    UnknownJurisdiction {
        /// The bad code.
        id: String,
        /// Closest valid codes.
        suggestions: Vec<String>,
    },
    /// A sort key that is neither `name`, `aspect`, an aspect, an aspect parameter nor a framework.
    #[error("cannot sort by `{key}`{}", hint(suggestions))]
    UnknownSortKey {
        /// The bad key.
        key: String,
        /// Closest valid keys.
        suggestions: Vec<String>,
    },
    /// A sort key that is not even shaped like one (`id` or `id.parameter`, kebab-case).
    #[error("`{key}` is not a sort key: use `name`, `aspect`, an aspect id, `<aspect>.<parameter>` or a framework id")]
    MalformedSortKey {
        /// The bad key.
        key: String,
    },
    /// A date that is not `YYYY-MM-DD`.
    #[error("invalid date `{value}`: expected YYYY-MM-DD")]
    InvalidDate {
        /// The bad value.
        value: String,
    },
}

fn hint(suggestions: &[String]) -> String {
    if suggestions.is_empty() { String::new() } else { format!("; did you mean `{}`?", suggestions.join("`, `")) }
}

impl QueryError {
    /// True when the error names something that does not exist (404 on the web): a framework, aspect, group,
    /// jurisdiction or sort key (sort keys are ids too). False for malformed input (400).
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            QueryError::UnknownFramework { .. }
                | QueryError::UnknownAspect { .. }
                | QueryError::UnknownGroup { .. }
                | QueryError::UnknownJurisdiction { .. }
                | QueryError::UnknownSortKey { .. }
        )
    }
}

/// Up to three closest candidates, owned.
pub(crate) fn suggestions<'c>(wanted: &str, candidates: impl IntoIterator<Item = &'c str>) -> Vec<String> {
    closest(wanted, candidates, 3).into_iter().map(str::to_owned).collect()
}

/// Looks a framework up by id, or says which ids are close.
pub fn find_framework<'d>(data: &'d crate::Dataset, id: &str) -> Result<&'d crate::model::Framework, QueryError> {
    crate::ids::FrameworkId::parse(id).ok().and_then(|fid| data.framework(&fid)).ok_or_else(|| {
        QueryError::UnknownFramework {
            id: id.to_owned(),
            suggestions: suggestions(id, data.frameworks.keys().map(|k| k.as_str())),
        }
    })
}

/// Looks an aspect up by id, or says which ids are close.
pub fn find_aspect<'d>(data: &'d crate::Dataset, id: &str) -> Result<&'d crate::model::Aspect, QueryError> {
    data.aspects.iter().find(|a| a.id.as_str() == id).ok_or_else(|| QueryError::UnknownAspect {
        id: id.to_owned(),
        suggestions: suggestions(id, data.aspects.iter().map(|a| a.id.as_str())),
    })
}

/// Parses an optional `YYYY-MM-DD`.
pub fn parse_date(raw: Option<&str>) -> Result<Option<crate::ids::IsoDate>, QueryError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => crate::ids::IsoDate::parse(s).map(Some).map_err(|_| QueryError::InvalidDate { value: s.to_owned() }),
    }
}
