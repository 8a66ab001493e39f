//! `id-matches-file-name`: a framework's id equals its file name, so that ids are unique and easy to find.

use super::Rule;
use crate::diagnostic::Severity;

/// The rule.
pub const RULE: Rule = Rule {
    name: "id-matches-file-name",
    description: "A framework file is named after its id: data/frameworks/<id>.toml.",
    severity: Severity::Error,
    each_framework: Some(|_, f, report| {
        let stem = f.file.path.trim_start_matches("frameworks/").trim_end_matches(".toml");
        if f.value.id.get_ref() != stem {
            report.at(
                f.file,
                f.value.id.span(),
                format!("id `{}` does not match the file name `{stem}.toml`", f.value.id.get_ref()),
                format!("rename the file to `{}.toml` or set id = \"{stem}\"", f.value.id.get_ref()),
            );
        }
    }),
    whole: None,
};
