//! `toml-syntax`: a file that is not valid TOML, or does not have the shape of its kind of data file.
//! The loader reports it while parsing; the rule exists so that it has a name and a description.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "toml-syntax",
    description: "Each data file is valid TOML with the fields of its kind (no unknown or missing fields).",
    severity: Severity::Error,
    each_framework: None,
    whole: None,
};
