//! Data-driven lint tests: each file in `fixtures/invalid/` is added to the valid fixture dataset (or replaces
//! its `aspects.toml`, `jurisdictions.toml` or `lists.toml`) and must produce exactly the diagnostics listed in
//! its `# expect:` lines; the valid dataset produces none.

use cryptoreg_core::ids::IsoDate;
use cryptoreg_core::load::load_files;
use cryptoreg_core::{DataFile, lint};
use std::path::Path;

const TODAY: &str = "2026-11-23";

fn fixture_dir(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn valid_files() -> Vec<DataFile> {
    cryptoreg_core::load::read_dir(&fixture_dir("valid")).expect("valid fixture readable")
}

fn today() -> IsoDate {
    IsoDate::parse(TODAY).expect("valid date")
}

/// Loads the valid dataset with `name` added (or, for `aspects.*.toml`, replacing aspects.toml) and returns
/// the rendered first lines of the diagnostics about that file, plus the expectations written in it.
fn check(name: &str) -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(fixture_dir("invalid").join(name)).expect("fixture readable");
    let expected: Vec<String> = text.lines().filter_map(|l| l.strip_prefix("# expect: ")).map(str::to_owned).collect();
    let mut files = valid_files();
    // A fixture named `<top>.<rule>.toml` replaces that top file (`aspects.toml`, `corrections.toml`, …).
    let top = cryptoreg_core::load::TOP_FILES
        .into_iter()
        .filter_map(|f| f.strip_suffix(".toml"))
        .find(|t| name.starts_with(&format!("{t}.")));
    let path = top.map_or_else(|| format!("frameworks/{name}"), |t| format!("{t}.toml"));
    files.retain(|f| f.path != path);
    files.push(DataFile::new(path.clone(), text));
    let loaded = load_files(files, today());
    let actual = loaded
        .diagnostics
        .iter()
        .filter(|d| d.file == path)
        .map(|d| d.to_string().lines().next().unwrap_or_default().to_owned())
        .collect();
    (actual, expected)
}

#[test]
fn valid_fixture_has_no_diagnostics() {
    let loaded = load_files(valid_files(), today());
    assert_eq!(loaded.diagnostics, vec![], "{:#?}", loaded.diagnostics);
    assert_eq!(loaded.dataset.frameworks.len(), 6);
    assert_eq!(loaded.dataset.aspects.len(), 2);
    assert_eq!(loaded.dataset.glossary.len(), 1);
}

#[test]
fn every_invalid_fixture_gives_exactly_its_expected_diagnostics() {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir("invalid"))
        .expect("fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for name in &names {
        let (actual, expected) = check(name);
        if std::env::var_os("BLESS_LINT").is_some() {
            println!("BLESS {name}\n{}", actual.join("\n"));
            continue;
        }
        assert!(!expected.is_empty(), "{name} has no `# expect:` line");
        if actual != expected {
            failures.push(format!("{name}:\n  expected: {expected:#?}\n  actual:   {actual:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_an_invalid_fixture() {
    let dir = fixture_dir("invalid");
    let all: String = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    for rule in lint::RULES {
        if rule.name == "missing-file" {
            continue; // covered by `missing_aspects_file_is_reported`
        }
        assert!(all.contains(&format!("[{}]", rule.name)), "no fixture expects rule `{}`", rule.name);
    }
}

#[test]
fn missing_aspects_file_is_reported() {
    let mut files = valid_files();
    files.retain(|f| f.path != "aspects.toml");
    let loaded = load_files(files, today());
    assert_eq!(loaded.error_count(), 1);
    assert_eq!(loaded.diagnostics[0].rule, "missing-file");
    assert_eq!(loaded.diagnostics[0].file, "aspects.toml");
}

#[test]
fn one_run_reports_problems_in_several_files() {
    let mut files = valid_files();
    for name in ["invalid-url.toml", "missing-citation.toml"] {
        let text = std::fs::read_to_string(fixture_dir("invalid").join(name)).expect("fixture");
        files.push(DataFile::new(format!("frameworks/{name}"), text));
    }
    let loaded = load_files(files, today());
    let files_with_errors: std::collections::BTreeSet<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == cryptoreg_core::Severity::Error)
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(files_with_errors.len(), 2, "{:#?}", loaded.diagnostics);
    // The valid parts of bad files still load.
    assert_eq!(loaded.dataset.frameworks.len(), 8);
}

#[test]
fn malformed_files_are_rejected_at_their_line() {
    // Issue #5: a corpus of malformed data files, each rejected with a diagnostic pointing at the line.
    let dir = fixture_dir("malformed");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 10);
    for name in names {
        let bytes = std::fs::read(dir.join(&name)).expect("read");
        let path = format!("frameworks/{name}");
        let mut files = valid_files();
        files.push(DataFile::from_bytes(path.clone(), bytes));
        let loaded = load_files(files, today());
        let actual: Vec<String> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.file == path)
            .map(|d| d.to_string().lines().next().unwrap_or_default().to_owned())
            .collect();
        let wanted: Vec<&str> = expected.lines().filter(|l| l.starts_with(&format!("{path}:"))).collect();
        assert!(!wanted.is_empty(), "{name} has no expectation in expected.txt");
        assert_eq!(actual, wanted, "{name}");
        assert_eq!(loaded.dataset.frameworks.len(), 6, "{name}: the valid files still load");
    }
}

#[test]
fn a_framework_file_that_cannot_be_read_fails_the_load_and_names_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    for file in valid_files() {
        let path = dir.path().join(&file.path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, file.text).expect("write");
    }
    // A directory where a framework file should be: listed like one, unreadable as one.
    std::fs::create_dir(dir.path().join("frameworks/zz-unreadable.toml")).expect("mkdir");
    let error = cryptoreg_core::load::load_dir(dir.path()).expect_err("the load fails");
    assert!(error.to_string().contains("zz-unreadable.toml"), "{error}");
    std::fs::remove_dir(dir.path().join("frameworks/zz-unreadable.toml")).expect("rmdir");
    let loaded = cryptoreg_core::load::load_dir(dir.path()).expect("readable again");
    assert_eq!(loaded.error_count(), 0, "{:?}", loaded.diagnostics);
}
