//! Subcommands on the fixture dataset and on the shipped one.

use crate::{fixture, run, stderr, stdout};

const SEED: [&str; 7] =
    ["fsb-crypto", "fsb-stablecoins", "eu-mica", "uk-us-2025", "fatf-r15", "iosco-cda", "us-genius-act"];

#[test]
fn issue_2_seed_comparison_as_json() {
    let mut args = vec!["compare"];
    args.extend(SEED);
    args.extend(["--format", "json"]);
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(json["columns"].as_array().map(Vec::len), Some(7));
    for row in json["rows"].as_array().expect("rows") {
        for cell in row["cells"].as_array().expect("cells") {
            let cited = cell["citations"].as_array().expect("citations").iter().any(|c| {
                c["url"].as_str().is_some_and(|u| u.starts_with("http"))
                    && c["pinpoint"].as_str().is_some_and(|p| !p.is_empty())
            });
            assert!(cited, "{} × {} lacks a citation with URL and pinpoint", cell["framework"], cell["aspect"]);
        }
    }
}

#[test]
fn issue_2_bad_input_exits_2_and_says_why() {
    let o = run(&["compare", "eu-mica"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("at least two frameworks or jurisdictions"), "{}", stderr(&o));
    let o = run(&["compare", "eu-mica", "nosuch"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`nosuch`"));
    let o = run(&["compare", "eu-mica", "eu-mika"]);
    assert!(stderr(&o).contains("did you mean `eu-mica`"), "{}", stderr(&o));
    let o = run(&["compare", "eu-mica", "fatf-r15", "--as-of", "2024-13-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2024-13-01"));
    let o = run(&["compare", "eu-mica", "fatf-r15", "--aspects", "travel-rules"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean `travel-rule`"));
    let o = run(&["show", "eu-mika"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["compare", "eu-mica", "fatf-r15", "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2), "clap rejects an unknown format");
}

#[test]
fn csv_is_one_record_per_cell() {
    let o = run(&["--data", &fixture(), "compare", "alpha-law", "beta-standard", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let headers = reader.headers().expect("header").clone();
    assert_eq!((&headers[0], &headers[1]), ("kind", "column"));
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), 4);
    assert_eq!((&records[0][0], &records[0][1]), ("framework", "alpha-law"));
    assert!(records[0][10].contains("Art. 5 <https://example.org/alpha-act>"));
}

#[test]
fn markdown_table_snapshot() {
    let o = run(&[
        "--data",
        &fixture(),
        "compare",
        "alpha-law",
        "beta-standard",
        "gamma-ban",
        "--sort",
        "travel-rule.travel-threshold",
        "--desc",
        "--format",
        "markdown",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    insta::assert_snapshot!("compare_markdown", stdout(&o));
}

#[test]
fn table_fits_the_width_and_has_no_colour_with_no_color() {
    let o = run(&[
        "--data",
        &fixture(),
        "compare",
        "alpha-law",
        "beta-standard",
        "gamma-ban",
        "--transpose",
        "--as-of",
        "2023-06-01",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}'), "escape codes despite NO_COLOR");
    assert!(out.lines().all(|l| l.chars().count() <= 100), "wider than COLUMNS=100:\n{out}");
    assert!(out.contains("not yet adopted"));
    assert!(out.contains("Adopted, not yet applicable."));
}

#[test]
fn check_reports_every_problem_with_file_and_line() {
    let o = run(&["check", "data"]);
    assert_eq!(o.status.code(), Some(0), "shipped data: {}", stdout(&o));
    let dir = tempdir();
    copy_dir(&crate::workspace().join("crates/core/tests/fixtures/valid"), &dir);
    for name in ["invalid-url.toml", "missing-citation.toml"] {
        std::fs::copy(
            crate::workspace().join("crates/core/tests/fixtures/invalid").join(name),
            dir.join("frameworks").join(name),
        )
        .expect("copy");
    }
    let o = run(&["check", dir.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("frameworks/invalid-url.toml:15:7: error[invalid-url]"), "{out}");
    assert!(out.contains("frameworks/missing-citation.toml:32:13: error[missing-citation]"), "{out}");
    assert!(out.contains("tip:"));
    let o = run(&["check", "/nonexistent/dir"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("/nonexistent/dir"), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "the cause is said once: {err}");
}

#[test]
fn listings_and_show_and_stats() {
    let o = run(&["frameworks", "--format", "csv"]);
    assert!(o.status.success());
    assert!(stdout(&o).lines().count() > 30);
    let o = run(&["aspects", "--format", "json"]);
    let aspects: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(aspects.as_array().map_or(0, Vec::len) >= 16);
    let o = run(&["show", "eu-mica"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Regulation (EU) 2023/1114"));
    let o = run(&["stats", "--format", "json"]);
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(s["cells"], s["cells_expected"]);
    assert_eq!(s["share_cited_with_pinpoint"], 1.0);
}

#[test]
fn generated_files_are_up_to_date() {
    assert!(
        run(&["docs", "--check"]).status.success(),
        "docs/ASPECTS.md or docs/LINT-RULES.md is stale: run `cryptoreg docs`"
    );
    assert!(run(&["schema", "--check"]).status.success(), "data/schema is stale: run `cryptoreg schema`");
}

fn tempdir() -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("cryptoreg-test-{}-{:?}", std::process::id(), std::thread::current().id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

#[test]
fn serve_starts_logs_its_address_and_answers() {
    use std::io::{BufRead as _, BufReader, Read as _, Write as _};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cryptoreg"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("NO_COLOR", "1")
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut address = None;
    for line in BufReader::new(stdout).lines().map_while(Result::ok).take(20) {
        if let Some(rest) = line.split("listening on http://").nth(1) {
            address = Some(rest.trim().trim_end_matches(|c: char| !c.is_ascii_digit()).to_owned());
            break;
        }
    }
    let address = address.expect("serve logs the address it listens on");
    let mut stream = std::net::TcpStream::connect(&address).expect("connect");
    stream
        .write_all(b"GET /compare.json?f=eu-mica&f=us-genius-act HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .expect("write");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        answer.starts_with("HTTP/1.0 200") || answer.starts_with("HTTP/1.1 200"),
        "{}",
        &answer[..answer.len().min(200)]
    );
    assert!(answer.contains("\"us-genius-act\""));
}

#[test]
fn issue_8_compare_jurisdictions() {
    // `cryptoreg compare -j EU,US,SG --format json` exits 0 with three merged columns; `-j XX` exits 2 naming XX.
    let o = run(&["compare", "-j", "EU,US,SG", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let codes: Vec<&str> =
        json["columns"].as_array().expect("columns").iter().filter_map(|c| c["code"].as_str()).collect();
    assert_eq!(codes.len(), 3, "{codes:?}");
    for row in json["rows"].as_array().expect("rows") {
        for cell in row["cells"].as_array().expect("cells") {
            assert_eq!(cell["kind"], "jurisdiction");
            if !cell["level"].is_null() {
                assert!(!cell["components"].as_array().expect("components").is_empty(), "{cell}");
            }
        }
    }
    let o = run(&["compare", "-j", "XX"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`XX`"), "{}", stderr(&o));
    // Mixed with a framework id, with names people type.
    let o = run(&["compare", "fatf-r15", "-j", "uae,turkey", "--aspects", "travel-rule", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("jurisdiction,AE,travel-rule") && text.contains("jurisdiction,TR,travel-rule"), "{text}");
}

#[test]
fn jurisdictions_lists_codes_and_what_applies() {
    let o = run(&["jurisdictions", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let fr = text.lines().find(|l| l.starts_with("FR,")).expect("France");
    assert!(fr.contains("eu-mica"), "{fr}");
}

#[test]
fn issue_9_align_and_gaps() {
    // `cryptoreg align EU --format json` exits 0 and `cryptoreg align XX` exits 2.
    let o = run(&["align", "EU", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(json["code"], "EU");
    let standards = cryptoreg_core::load_embedded()
        .dataset
        .frameworks
        .values()
        .filter(|f| f.kind == cryptoreg_core::model::FrameworkKind::InternationalStandard)
        .count();
    assert_eq!(json["standards"].as_array().map(Vec::len), Some(standards), "every international standard");
    let o = run(&["align", "XX"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`XX`"), "{}", stderr(&o));
    let o = run(&["align", "EU", "--standard", "eu-mica"]);
    assert_eq!(o.status.code(), Some(2), "a law is not a standard");
    let o = run(&["--data", &fixture(), "align", "us-ny", "--format", "csv"]);
    let text = stdout(&o);
    assert!(
        text.contains(
            "beta-standard,travel-rule,travel-originator-info,adopted,\"zeta-state (mandatory, from 2099-01-01)\""
        ),
        "{text}"
    );
    let o = run(&["--data", &fixture(), "gaps", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("reserve-full-backing,stablecoin-reserves,beta-standard,CN,"), "{}", stdout(&o));
}

#[test]
fn issue_10_path() {
    // `cryptoreg path` exits 0 on the stablecoin question and 2 on an unknown market.
    let o = run(&["path", "--activity", "issue-fiat-stablecoin", "--markets", "EU,US,JP", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(json["answer"]["markets"].as_array().map(Vec::len), Some(3));
    let o = run(&["path", "--activity", "issue-fiat-stablecoin", "--markets", "EU,XX"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`XX`"), "{}", stderr(&o));
    let o = run(&["path"]);
    assert!(o.status.success() && stdout(&o).contains("issue-fiat-stablecoin"), "lists the activities");
    let o = run(&[
        "--data",
        &fixture(),
        "path",
        "--activity",
        "issue-stablecoin",
        "--markets",
        "FR,JP",
        "--format",
        "markdown",
    ]);
    assert!(stdout(&o).starts_with("# Issue a stablecoin in FR, JP"), "{}", stdout(&o));
}

#[test]
fn issue_11_changes() {
    // `cryptoreg changes --from 2024-01-01 --to 2025-12-31 --format json` exits 0, and a bad date exits 2.
    let o = run(&["changes", "--from", "2024-01-01", "--to", "2025-12-31", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(json["events"].as_array().is_some_and(|e| !e.is_empty()));
    let o = run(&["changes", "--from", "2024-13-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2024-13-01"), "{}", stderr(&o));
    let o = run(&[
        "--data",
        &fixture(),
        "changes",
        "--from",
        "2023-01-01",
        "--to",
        "2024-12-31",
        "-f",
        "alpha-law",
        "--format",
        "csv",
    ]);
    let text = stdout(&o);
    assert!(text.contains("past,2024-01-01,cell-change,alpha-law,stablecoin-reserves"), "{text}");
    let o = run(&[
        "--data",
        &fixture(),
        "compare",
        "alpha-law",
        "beta-standard",
        "--as-of",
        "2024-06-01",
        "--diff",
        "2023-06-01",
    ]);
    assert!(stdout(&o).contains("1 cell(s) changed since 2023-06-01"), "{}", stdout(&o));
}

#[test]
fn search_finds_by_common_names() {
    let o = run(&["search", "uae", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(hits[0]["href"], "/jurisdictions/AE");
    let o = run(&["search", "\"\""]);
    assert_eq!(o.status.code(), Some(2), "no words: bad input");
}
