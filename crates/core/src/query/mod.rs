//! Queries over the dataset shared by every interface: validation of user input (with "did you mean"
//! suggestions), the state of a cell as of a date, and the comparison table.

pub mod alignment;
pub mod as_of;
pub mod aspect;
pub mod catalog;
pub mod changes;
pub mod compare;
pub mod framework;
pub mod jurisdiction;
pub mod map;
pub mod path;
pub mod search;
pub mod stats;
pub mod views;

use crate::suggest::closest;
use schemars::JsonSchema;
use serde::Serialize;

/// Bad input to a query: names the bad value and the closest valid ones.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema, thiserror::Error)]
#[serde(tag = "error", rename_all = "kebab-case")]
pub enum QueryError {
    /// Fewer than two frameworks or jurisdictions to compare.
    #[error("select at least two frameworks or jurisdictions to compare (got {given})")]
    TooFewColumns {
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
    /// A jurisdiction code, name or synonym that is not in the data.
    #[error("unknown jurisdiction `{id}`{}", hint(suggestions))]
    UnknownJurisdiction {
        /// The bad code.
        id: String,
        /// Closest valid codes.
        suggestions: Vec<String>,
    },
    /// An activity id that does not exist.
    #[error("unknown activity `{id}`{}", hint(suggestions))]
    UnknownActivity {
        /// The bad id.
        id: String,
        /// Closest valid ids.
        suggestions: Vec<String>,
    },
    /// A framework that exists but is not an international standard, where one is needed.
    #[error("`{id}` is not an international standard{}", hint(suggestions))]
    NotAStandard {
        /// The framework id given.
        id: String,
        /// The standards closest to it.
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
    #[error(
        "`{key}` is not a sort key: use `chosen`, `name`, `aspect`, an aspect id, `<aspect>.<parameter>` or a framework id"
    )]
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
    /// A parameter whose value is not one of its choices (`dir`, `orient`).
    #[error("invalid {parameter} `{value}`: expected one of {expected}")]
    InvalidChoice {
        /// The parameter.
        parameter: String,
        /// The bad value.
        value: String,
        /// The valid values, comma-separated.
        expected: String,
    },
}

/// What sort of mistake a query error is: something that does not exist, or input of the wrong shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Names something that does not exist (404 on the web).
    NotFound,
    /// Malformed or insufficient input (400 on the web).
    BadRequest,
}

fn hint(suggestions: &[String]) -> String {
    if suggestions.is_empty() { String::new() } else { format!("; did you mean `{}`?", suggestions.join("`, `")) }
}

impl QueryError {
    /// Whether the error names something that does not exist (a framework, aspect, group, jurisdiction or sort
    /// key: sort keys are ids too) or is malformed input. Exhaustive on purpose: a new variant must choose.
    pub fn kind(&self) -> ErrorKind {
        match self {
            QueryError::UnknownFramework { .. }
            | QueryError::UnknownAspect { .. }
            | QueryError::UnknownGroup { .. }
            | QueryError::UnknownJurisdiction { .. }
            | QueryError::UnknownActivity { .. }
            | QueryError::NotAStandard { .. }
            | QueryError::UnknownSortKey { .. } => ErrorKind::NotFound,
            QueryError::TooFewColumns { .. }
            | QueryError::MalformedSortKey { .. }
            | QueryError::InvalidDate { .. }
            | QueryError::InvalidChoice { .. } => ErrorKind::BadRequest,
        }
    }

    /// The machine-readable code of the error (`unknown-framework`, `bad-date`), as in the JSON answers.
    pub fn code(&self) -> &'static str {
        match self {
            QueryError::TooFewColumns { .. } => "too-few-columns",
            QueryError::UnknownFramework { .. } => "unknown-framework",
            QueryError::UnknownAspect { .. } => "unknown-aspect",
            QueryError::UnknownGroup { .. } => "unknown-group",
            QueryError::UnknownJurisdiction { .. } => "unknown-jurisdiction",
            QueryError::UnknownActivity { .. } => "unknown-activity",
            QueryError::NotAStandard { .. } => "not-a-standard",
            QueryError::UnknownSortKey { .. } => "unknown-sort",
            QueryError::MalformedSortKey { .. } => "bad-sort",
            QueryError::InvalidDate { .. } => "bad-date",
            QueryError::InvalidChoice { .. } => "bad-choice",
        }
    }

    /// The closest valid values, where the error names an unknown one.
    pub fn suggestions(&self) -> &[String] {
        match self {
            QueryError::UnknownFramework { suggestions, .. }
            | QueryError::UnknownAspect { suggestions, .. }
            | QueryError::UnknownGroup { suggestions, .. }
            | QueryError::UnknownJurisdiction { suggestions, .. }
            | QueryError::UnknownActivity { suggestions, .. }
            | QueryError::NotAStandard { suggestions, .. }
            | QueryError::UnknownSortKey { suggestions, .. } => suggestions,
            QueryError::TooFewColumns { .. }
            | QueryError::MalformedSortKey { .. }
            | QueryError::InvalidDate { .. }
            | QueryError::InvalidChoice { .. } => &[],
        }
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Ascending (weakest level, smallest value, A to Z first).
    #[default]
    Asc,
    /// Descending.
    Desc,
}

impl Direction {
    /// `asc` or `desc`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Asc => "asc",
            Direction::Desc => "desc",
        }
    }

    /// The other direction.
    pub fn reversed(self) -> Self {
        match self {
            Direction::Asc => Direction::Desc,
            Direction::Desc => Direction::Asc,
        }
    }

    /// Parses `asc` or `desc` (blank: ascending).
    pub fn parse(raw: Option<&str>) -> Result<Self, QueryError> {
        match raw.map(str::trim).unwrap_or("") {
            "" | "asc" => Ok(Direction::Asc),
            "desc" => Ok(Direction::Desc),
            other => Err(QueryError::InvalidChoice {
                parameter: "dir".into(),
                value: other.to_owned(),
                expected: "asc, desc".into(),
            }),
        }
    }
}

/// Splits repeated and comma-separated values, trims them, drops blanks and removes duplicates (first kept).
pub fn split_list(values: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for v in values.iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// Up to three closest candidates, owned.
pub(crate) fn suggestions<'c>(wanted: &str, candidates: impl IntoIterator<Item = &'c str>) -> Vec<String> {
    closest(wanted, candidates, 3).into_iter().map(str::to_owned).collect()
}

/// Looks a framework up by id, or says which ids are close.
pub fn find_framework<'d>(data: &'d crate::Dataset, id: &str) -> Result<&'d crate::model::Framework, QueryError> {
    // Ids are lowercase: `EU-MICA` is `eu-mica` (the web redirects to the canonical spelling). Most ids come
    // lowercase already, and are looked up as they are.
    let trimmed = id.trim();
    let lower: std::borrow::Cow<str> = if trimmed.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        trimmed.into()
    } else {
        trimmed.to_lowercase().into()
    };
    data.frameworks.get(lower.as_ref()).ok_or_else(|| QueryError::UnknownFramework {
        id: id.to_owned(),
        suggestions: suggestions(id, data.frameworks.keys().map(|k| k.as_str())),
    })
}

/// Looks an aspect up by id, or says which ids are close.
pub fn find_aspect<'d>(data: &'d crate::Dataset, id: &str) -> Result<&'d crate::model::Aspect, QueryError> {
    let lower = id.trim().to_lowercase();
    data.aspects.iter().find(|a| a.id.as_str() == lower).ok_or_else(|| QueryError::UnknownAspect {
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
