//! The documentation covers every CLI subcommand (README and docs/JSON.md); generated references cover every
//! aspect and lint rule (checked by `generated_files_are_up_to_date`).

use crate::{run, stdout, workspace};

fn subcommands() -> Vec<String> {
    let help = stdout(&run(&["--help"]));
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // Entries start two spaces in; wrapped descriptions are indented further.
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn every_subcommand_is_documented() {
    let commands = subcommands();
    assert!(commands.len() >= 9, "{commands:?}");
    let json_doc = std::fs::read_to_string(workspace().join("docs/JSON.md")).expect("docs/JSON.md");
    let readme = std::fs::read_to_string(workspace().join("README.md")).expect("README.md");
    for c in &commands {
        assert!(json_doc.contains(&format!("`{c}`")), "docs/JSON.md does not list the `{c}` subcommand");
        assert!(
            readme.contains(&format!("-- {c}")) || *c == "docs" || *c == "schema",
            "README shows no example of `{c}`"
        );
    }
}

#[test]
fn every_lint_rule_and_aspect_is_in_the_generated_docs() {
    let rules = std::fs::read_to_string(workspace().join("docs/LINT-RULES.md")).expect("LINT-RULES.md");
    let listed = stdout(&run(&["check", "--rules"]));
    for line in listed.lines() {
        let name = line.split_whitespace().next().expect("rule name");
        assert!(rules.contains(&format!("`{name}`")), "docs/LINT-RULES.md misses {name}");
    }
    let aspects = std::fs::read_to_string(workspace().join("docs/ASPECTS.md")).expect("ASPECTS.md");
    let json: serde_json::Value = serde_json::from_slice(&run(&["aspects", "--format", "json"]).stdout).expect("json");
    for a in json.as_array().expect("aspects") {
        let id = a["id"].as_str().expect("id");
        assert!(aspects.contains(&format!("(`{id}`)")), "docs/ASPECTS.md misses {id}");
    }
}
