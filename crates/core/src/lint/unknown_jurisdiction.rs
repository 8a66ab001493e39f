//! `unknown-jurisdiction`: every jurisdiction a framework names is listed in `jurisdictions.toml`, every
//! membership names a grouping there, and every sub-national place's country is listed too.

use super::{Rule, did_you_mean};
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "unknown-jurisdiction",
    description: "Frameworks, the major markets and the presets of lists.toml name jurisdictions listed in jurisdictions.toml; memberships name its groupings; a sub-national place's country is listed.",
    severity: Severity::Error,
    each_framework: Some(|parsed, f, report| {
        let Some(j) = &parsed.jurisdictions else { return };
        let codes = || j.value.jurisdictions.iter().map(|x| x.code.get_ref().as_str());
        for code in &f.value.jurisdictions {
            let code_text = code.get_ref();
            // A code that is not even well-formed is `invalid-value`'s to report.
            if crate::ids::Jurisdiction::parse(code_text).is_ok() && !codes().any(|c| c == code_text) {
                report.at(
                    f.file,
                    code.span(),
                    format!(
                        "jurisdiction `{code_text}` is not in jurisdictions.toml{}",
                        did_you_mean(code_text, codes())
                    ),
                    "add it to data/jurisdictions.toml with its name, region and memberships",
                );
            }
        }
    }),
    whole: Some(|parsed, report| {
        let Some(j) = &parsed.jurisdictions else { return };
        let codes = || j.value.jurisdictions.iter().map(|x| x.code.get_ref().as_str());
        let groupings = || j.value.groupings.iter().map(|g| g.code.get_ref().as_str());
        if let Some(lists) = &parsed.lists {
            let preset_codes = lists.value.presets.iter().flat_map(|p| &p.jurisdictions);
            for code in lists.value.major_markets.iter().chain(preset_codes) {
                if !codes().any(|c| c == code.get_ref()) {
                    report.at(
                        lists.file,
                        code.span(),
                        format!(
                            "jurisdiction `{}` of lists.toml is not in jurisdictions.toml{}",
                            code.get_ref(),
                            did_you_mean(code.get_ref(), codes())
                        ),
                        "list major markets and preset jurisdictions by their codes",
                    );
                }
            }
        }
        for x in &j.value.jurisdictions {
            for m in &x.member_of {
                if !groupings().any(|g| g == m.get_ref()) {
                    report.at(
                        j.file,
                        m.span(),
                        format!("`{}` is not a grouping{}", m.get_ref(), did_you_mean(m.get_ref(), groupings())),
                        "define it under [[groupings]] or use an existing code",
                    );
                }
            }
            if let Some((country, _)) = x.code.get_ref().split_once('-')
                && !codes().any(|c| c == country)
            {
                report.at(
                    j.file,
                    x.code.span(),
                    format!("`{}` is inside `{country}`, which is not listed", x.code.get_ref()),
                    "list the country too: a sub-national place takes its memberships from it",
                );
            }
        }
    }),
};
