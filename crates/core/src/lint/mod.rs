//! The lint: every rule that `cryptoreg check` applies to the data files. Each rule is a small module with a
//! name, a description and a severity; all rules run over all files, so one run reports every problem. A rule has
//! up to two parts: one reads a single framework file (with the top files for reference) and runs as that file is
//! loaded, so a parsed file lives only while it is checked and built; the other reads the top files and the index
//! of every framework's id and cells, once all are loaded.

use crate::diagnostic::{DataFile, Diagnostic, Severity};
use crate::format::{
    ActivitiesFile, AspectEntry, AspectsFile, CorrectionsFile, FrameworkFile, GlossaryFile, JurisdictionsFile,
    ListsFile, ReleaseFile,
};
use crate::ids::IsoDate;
use std::ops::Range;

mod correction_target;
mod date_order;
mod duplicate_id;
mod file_name;
mod foreign_parameter;
mod foreign_requirement;
mod future_date;
mod history_overlap;
mod invalid_date;
mod invalid_id;
mod invalid_url;
mod invalid_value;
mod missing_citation;
mod missing_file;
mod missing_pinpoint;
mod missing_provision;
mod secondary_only;
mod stale_history;
mod stale_review;
mod toml_syntax;
mod unexplained_uncertainty;
mod unknown_activity_reference;
mod unknown_aspect;
mod unknown_framework;
mod unknown_jurisdiction;
mod unresolved_source;
mod unused_source;
mod weak_level_mandatory;

pub use toml_syntax::RULE as TOML_SYNTAX;

/// A lint rule.
pub struct Rule {
    /// Kebab-case name shown in diagnostics.
    pub name: &'static str,
    /// What the rule checks, for `cryptoreg check --rules` and the docs.
    pub description: &'static str,
    /// Error (fails the check) or warning.
    pub severity: Severity,
    /// The part that reads one framework file; it must not use `Parsed::frameworks`, which is still filling.
    each_framework: Option<FrameworkCheck>,
    /// The part that reads the top files and the index of frameworks.
    whole: Option<WholeCheck>,
}

/// Checks one framework file.
type FrameworkCheck = fn(&Parsed<'_>, &Located<'_, FrameworkFile>, &mut Report<'_>);

/// Checks the top files and the index of frameworks.
type WholeCheck = fn(&Parsed<'_>, &mut Report<'_>);

/// Every rule, in the order they run.
pub const RULES: &[Rule] = &[
    toml_syntax::RULE,
    missing_file::RULE,
    file_name::RULE,
    invalid_id::RULE,
    duplicate_id::RULE,
    invalid_value::RULE,
    invalid_date::RULE,
    date_order::RULE,
    history_overlap::RULE,
    future_date::RULE,
    stale_review::RULE,
    invalid_url::RULE,
    unknown_aspect::RULE,
    missing_provision::RULE,
    unknown_jurisdiction::RULE,
    unknown_framework::RULE,
    unknown_activity_reference::RULE,
    correction_target::RULE,
    foreign_requirement::RULE,
    foreign_parameter::RULE,
    stale_history::RULE,
    weak_level_mandatory::RULE,
    missing_citation::RULE,
    missing_pinpoint::RULE,
    unresolved_source::RULE,
    secondary_only::RULE,
    unexplained_uncertainty::RULE,
    unused_source::RULE,
];

/// A deserialized file and the file it came from.
pub struct Located<'a, T> {
    /// The file, for positions.
    pub file: &'a DataFile,
    /// Its content.
    pub value: T,
}

/// What a framework file that parsed declares, for the rules that look across files.
pub struct FrameworkIndexEntry {
    /// The framework's id, as written.
    pub id: String,
    /// The aspects it has a provision for, as written.
    pub cells: Vec<String>,
}

/// The top data files that parsed, and the index of the framework files parsed so far.
pub struct Parsed<'a> {
    /// `aspects.toml`, if present and parseable.
    pub aspects: Option<Located<'a, AspectsFile>>,
    /// Every framework file that parsed, in the order loaded: complete only for the rules' `whole` part.
    pub frameworks: Vec<FrameworkIndexEntry>,
    /// `glossary.toml`, if present and parseable.
    pub glossary: Option<Located<'a, GlossaryFile>>,
    /// `jurisdictions.toml`, if present and parseable.
    pub jurisdictions: Option<Located<'a, JurisdictionsFile>>,
    /// `lists.toml`, if present and parseable.
    pub lists: Option<Located<'a, ListsFile>>,
    /// `activities.toml`, if present and parseable.
    pub activities: Option<Located<'a, ActivitiesFile>>,
    /// `release.toml`, if present and parseable.
    pub release: Option<Located<'a, ReleaseFile>>,
    /// `corrections.toml`, if present and parseable.
    pub corrections: Option<Located<'a, CorrectionsFile>>,
    /// Whether `aspects.toml` existed at all (parsed or not).
    pub has_aspects_file: bool,
    /// Whether `jurisdictions.toml` existed at all (parsed or not).
    pub has_jurisdictions_file: bool,
    /// The date that counts as today (reviews may not be later).
    pub today: IsoDate,
}

impl Parsed<'_> {
    /// The aspect entry with this id.
    pub fn aspect(&self, id: &str) -> Option<&AspectEntry> {
        self.aspects.as_ref()?.value.aspects.iter().find(|a| a.id.get_ref() == id)
    }
}

/// Collects the diagnostics of one rule.
pub struct Report<'r> {
    rule: &'r Rule,
    out: &'r mut Vec<Diagnostic>,
}

impl Report<'_> {
    /// Reports a problem at `span` in `file`.
    pub fn at(&mut self, file: &DataFile, span: Range<usize>, message: impl Into<String>, tip: impl Into<String>) {
        self.out.push(file.diagnostic(span, self.rule.severity, self.rule.name, message, tip));
    }
}

/// Runs every rule's part for one framework file, appending to `out`.
pub fn check_framework(parsed: &Parsed<'_>, framework: &Located<'_, FrameworkFile>, out: &mut Vec<Diagnostic>) {
    for rule in RULES {
        if let Some(check) = rule.each_framework {
            check(parsed, framework, &mut Report { rule, out });
        }
    }
}

/// Runs every rule's part for the top files and the index of frameworks, appending to `out`.
pub fn check_whole(parsed: &Parsed<'_>, out: &mut Vec<Diagnostic>) {
    for rule in RULES {
        if let Some(check) = rule.whole {
            check(parsed, &mut Report { rule, out });
        }
    }
}

/// Closest candidates to `wanted`, for "did you mean" tips.
pub(crate) fn did_you_mean<'c>(wanted: &str, candidates: impl IntoIterator<Item = &'c str>) -> String {
    let close = crate::suggest::closest(wanted, candidates, 3);
    if close.is_empty() { String::new() } else { format!(" (did you mean `{}`?)", close.join("`, `")) }
}
