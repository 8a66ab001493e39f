//! `missing-file`: the data directory must hold `aspects.toml`, `jurisdictions.toml` and at least one framework.

use super::Rule;
use crate::diagnostic::{DataFile, Severity};

/// The rule.
pub const RULE: Rule = Rule {
    name: "missing-file",
    description: "The data directory contains aspects.toml, jurisdictions.toml and a frameworks/ folder with at least one framework.",
    severity: Severity::Error,
    each_framework: None,
    whole: Some(|parsed, report| {
        if !parsed.has_aspects_file {
            let file = DataFile::new("aspects.toml", "");
            report.at(&file, 0..0, "aspects.toml is missing", "create data/aspects.toml with the groups and aspects");
        }
        if !parsed.has_jurisdictions_file {
            let file = DataFile::new("jurisdictions.toml", "");
            report.at(
                &file,
                0..0,
                "jurisdictions.toml is missing",
                "create data/jurisdictions.toml with every jurisdiction code the frameworks use",
            );
        }
        if parsed.frameworks.is_empty() && parsed.has_aspects_file {
            let file = DataFile::new("frameworks/", "");
            report.at(&file, 0..0, "no framework file was found", "add data/frameworks/<id>.toml");
        }
    }),
};
