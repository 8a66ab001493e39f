//! `invalid-value`: fields with a closed vocabulary (kind, status, level, confidence, strength, milestone kind,
//! parameter kind, rubric levels) use one of its values; jurisdictions are ISO 3166-1 codes, `EU` or `INT`;
//! short names fit a table header.

use super::{Report, Rule};
use crate::diagnostic::{DataFile, Severity};
use crate::format::Text;
use crate::ids::Jurisdiction;
use crate::model::{
    Confidence, FrameworkKind, GroupingKind, Level, MilestoneKind, ParameterKind, Region, Status, Strength, Stricter,
};

/// Longest allowed short name.
pub const SHORT_NAME_MAX: usize = 24;

/// The rule.
pub const RULE: Rule = Rule {
    name: "invalid-value",
    description: "Vocabulary fields use a listed value; jurisdictions are ISO 3166-1 alpha-2, ISO 3166-2 style (US-NY), EU or INT; short names have at most 24 characters.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        let (file, fw) = (f.file, &f.value);
        vocab(report, file, "kind", &fw.kind, FrameworkKind::parse, FrameworkKind::spellings);
        vocab(report, file, "status", &fw.status, Status::parse, Status::spellings);
        if fw.short.get_ref().chars().count() > SHORT_NAME_MAX {
            report.at(
                file,
                fw.short.span(),
                format!("short name `{}` is longer than {SHORT_NAME_MAX} characters", fw.short.get_ref()),
                "shorten it: it is the table's column header",
            );
        }
        for j in &fw.jurisdictions {
            if let Err(e) = Jurisdiction::parse(j.get_ref()) {
                let tip = if j.get_ref() == "UK" {
                    "the ISO code of the United Kingdom is `GB`"
                } else {
                    "use an ISO 3166-1 alpha-2 code such as `GB`, `US`, `JP`"
                };
                report.at(file, j.span(), e.0, tip);
            }
        }
        for m in &fw.milestones {
            vocab(report, file, "milestone kind", &m.kind, MilestoneKind::parse, MilestoneKind::spellings);
        }
        for p in fw.provisions.values() {
            vocab(report, file, "level", &p.level, Level::parse, Level::spellings);
            vocab(report, file, "confidence", &p.confidence, Confidence::parse, Confidence::spellings);
            if let Some(s) = &p.status {
                vocab(report, file, "status", s, Status::parse, Status::spellings);
            }
            for strength in p.requirements.values() {
                vocab(report, file, "requirement strength", strength, Strength::parse, Strength::spellings);
            }
            for h in &p.history {
                vocab(report, file, "level", &h.level, Level::parse, Level::spellings);
                vocab(report, file, "status", &h.status, Status::parse, Status::spellings);
                if let Some(c) = &h.confidence {
                    vocab(report, file, "confidence", c, Confidence::parse, Confidence::spellings);
                }
                for strength in h.requirements.iter().flat_map(|r| r.values()) {
                    vocab(report, file, "requirement strength", strength, Strength::parse, Strength::spellings);
                }
            }
        }
    }),
    whole: Some(|parsed, report| {
        if let Some(a) = &parsed.aspects {
            for aspect in &a.value.aspects {
                for level in aspect.rubric.keys() {
                    vocab(report, a.file, "rubric level", level, Level::parse, Level::spellings);
                }
                for p in &aspect.parameters {
                    vocab(report, a.file, "parameter kind", &p.kind, ParameterKind::parse, ParameterKind::spellings);
                    if let Some(s) = &p.stricter {
                        vocab(report, a.file, "stricter direction", s, Stricter::parse, Stricter::spellings);
                    }
                }
            }
        }
        if let Some(j) = &parsed.jurisdictions {
            for g in &j.value.groupings {
                vocab(report, j.file, "grouping kind", &g.kind, GroupingKind::parse, GroupingKind::spellings);
                let code = g.code.get_ref();
                if !(2..=6).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                {
                    report.at(
                        j.file,
                        g.code.span(),
                        format!("`{code}` is not a grouping code"),
                        "use 2 to 6 uppercase letters or digits, e.g. `FATF`, `G20`",
                    );
                }
            }
            for x in &j.value.jurisdictions {
                vocab(report, j.file, "region", &x.region, Region::parse, Region::spellings);
                if let Err(e) = Jurisdiction::parse(x.code.get_ref()) {
                    report.at(
                        j.file,
                        x.code.span(),
                        e.0,
                        "use an ISO 3166-1 alpha-2 code such as `GB`, or `US-NY` for a US state",
                    );
                }
            }
        }
    }),
};

fn vocab<T>(
    report: &mut Report<'_>,
    file: &DataFile,
    what: &str,
    value: &Text,
    parse: fn(&str) -> Option<T>,
    spellings: fn() -> String,
) {
    if parse(value.get_ref()).is_none() {
        report.at(
            file,
            value.span(),
            format!("`{}` is not a valid {what}", value.get_ref()),
            format!("use one of: {}", spellings()),
        );
    }
}
