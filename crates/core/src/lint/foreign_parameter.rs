//! `foreign-parameter`: a provision only sets parameters of its own aspect, with a value of the parameter's kind
//! (a non-negative number, or `{ amount, currency }` for amounts).

use super::{Report, Rule, did_you_mean};
use crate::diagnostic::{DataFile, Severity};
use crate::format::{AspectEntry, Text};
use crate::model::ParameterKind;
use toml::Spanned;

/// The rule.
pub const RULE: Rule = Rule {
    name: "foreign-parameter",
    description: "Parameters belong to the provision's aspect and have a value of the parameter's kind.",
    severity: Severity::Error,
    each_framework: Some(|parsed, f, report| {
        for (key, p) in &f.value.provisions {
            let Some(aspect) = parsed.aspect(key.get_ref()) else { continue };
            let maps = std::iter::once(&p.parameters).chain(p.history.iter().filter_map(|h| h.parameters.as_ref()));
            for map in maps {
                for (id, value) in map {
                    check_one(report, f.file, aspect, id, value);
                }
            }
        }
    }),
    whole: None,
};

fn check_one(report: &mut Report<'_>, file: &DataFile, aspect: &AspectEntry, id: &Text, value: &Spanned<toml::Value>) {
    let own = || aspect.parameters.iter().map(|p| p.id.get_ref().as_str());
    let Some(param) = aspect.parameters.iter().find(|p| p.id.get_ref() == id.get_ref()) else {
        let tip = if aspect.parameters.is_empty() {
            format!("aspect `{}` has no parameters", aspect.id.get_ref())
        } else {
            format!("use one of: {}", own().collect::<Vec<_>>().join(", "))
        };
        report.at(
            file,
            id.span(),
            format!(
                "`{}` is not a parameter of aspect `{}`{}",
                id.get_ref(),
                aspect.id.get_ref(),
                did_you_mean(id.get_ref(), own())
            ),
            tip,
        );
        return;
    };
    let Some(kind) = ParameterKind::parse(param.kind.get_ref()) else { return };
    if let Err(problem) = crate::format::parameter_value(kind, value.get_ref()) {
        report.at(
            file,
            value.span(),
            format!("`{}`: {problem}", id.get_ref()),
            match kind {
                ParameterKind::Amount => "write { amount = 1000, currency = \"EUR\" }",
                ParameterKind::Percent => "write a number from 0 to 100",
                _ => "write a non-negative number",
            },
        );
    }
}
