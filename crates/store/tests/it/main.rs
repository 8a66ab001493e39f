//! Exports of the shipped dataset: SQLite (counts, full-text search), CSV, JSON, and atomic failure.

use cryptoreg_store::{Format, export};

fn data() -> cryptoreg_core::Dataset {
    cryptoreg_core::load_embedded().dataset
}

/// The core crate's fixture dataset.
fn fixture() -> cryptoreg_core::Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/valid");
    let today = cryptoreg_core::ids::IsoDate::parse("2026-11-23").expect("date");
    cryptoreg_core::load::load_files(cryptoreg_core::load::read_dir(&dir).expect("fixture"), today).dataset
}

#[test]
fn sqlite_has_every_cell_and_a_search_index() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("x.db");
    let data = data();
    export(&data, Format::Sqlite, &path).expect("export");
    let db = rusqlite::Connection::open(&path).expect("open");
    let cells: i64 = db.query_row("select count(*) from provisions", [], |r| r.get(0)).expect("count");
    let expected = cryptoreg_core::query::stats::stats(&data).cells as i64;
    assert_eq!(cells, expected);
    let hits: i64 =
        db.query_row("select count(*) from search where search match 'travel'", [], |r| r.get(0)).expect("fts");
    assert!(hits > 0);
    let orphans: i64 = db
        .query_row("select count(*) from citations c left join sources s on s.framework_id = c.framework_id and s.id = c.source_id where s.id is null", [], |r| r.get(0))
        .expect("join");
    assert_eq!(orphans, 0, "every citation resolves to a source");
}

#[test]
fn csv_and_json() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = data();
    let csv_dir = dir.path().join("csv");
    export(&data, Format::Csv, &csv_dir).expect("csv");
    let mut reader = csv::Reader::from_path(csv_dir.join("provisions.csv")).expect("provisions.csv");
    assert_eq!(reader.records().count(), cryptoreg_core::query::stats::stats(&data).cells);
    // Exporting again replaces the directory.
    export(&data, Format::Csv, &csv_dir).expect("csv again");
    let json_path = dir.path().join("x.json");
    export(&data, Format::Json, &json_path).expect("json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).expect("read")).expect("parse");
    assert_eq!(json["frameworks"].as_object().map(|m| m.len()), Some(data.frameworks.len()));
}

#[test]
fn a_failed_export_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = data();
    // A CSV export onto an existing file is refused and the file is untouched.
    let file = dir.path().join("keep.txt");
    std::fs::write(&file, "keep").expect("write");
    assert!(export(&data, Format::Csv, &file).is_err());
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "keep");
    // A file export into a missing directory fails without creating anything.
    assert!(export(&data, Format::Sqlite, &dir.path().join("missing/x.db")).is_err());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("list").flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

fn hostile() -> cryptoreg_core::Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/hostile");
    let today = cryptoreg_core::ids::IsoDate::parse("2026-11-23").expect("date");
    cryptoreg_core::load::load_files(cryptoreg_core::load::read_dir(&dir).expect("fixture"), today).dataset
}

#[test]
fn hostile_strings_survive_every_export_exactly() {
    let data = hostile();
    let framework = data.frameworks.values().find(|f| f.id.as_str() == "hostile-law").expect("hostile");
    let dir = tempfile::tempdir().expect("tmp");
    let db_path = dir.path().join("h.db");
    export(&data, Format::Sqlite, &db_path).expect("sqlite");
    let db = rusqlite::Connection::open(&db_path).expect("open");
    let name: String =
        db.query_row("select name from frameworks where id = 'hostile-law'", [], |r| r.get(0)).expect("row");
    assert_eq!(name, framework.name);
    let csv_dir = dir.path().join("csv");
    export(&data, Format::Csv, &csv_dir).expect("csv");
    let mut reader = csv::Reader::from_path(csv_dir.join("frameworks.csv")).expect("csv");
    let found = reader.records().map(|r| r.expect("record")).find(|r| &r[0] == "hostile-law").expect("row");
    assert_eq!(&found[1], framework.name);
    assert_eq!(&found[6], framework.summary);
    let json_path = dir.path().join("h.json");
    export(&data, Format::Json, &json_path).expect("json");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).expect("read")).expect("parse");
    assert_eq!(json["frameworks"]["hostile-law"]["summary"], framework.summary.as_str());
}

#[test]
fn search_finds_places_by_the_names_people_type_and_ranks_them_first() {
    // Issue #12: the full-text index over frameworks, cells, jurisdictions, terms and sources.
    let data = fixture();
    let index = cryptoreg_store::search::SearchIndex::build(&data).expect("index");
    let search = |q: &str| {
        let query = cryptoreg_core::query::search::SearchQuery::parse(Some(q)).expect("parse").expect("words");
        index.search(&query, 20).expect("search")
    };
    let prc = search("prc");
    assert_eq!(prc[0].href, "/jurisdictions/CN", "a synonym finds the place first");
    assert!(prc.iter().any(|h| h.href == "/frameworks/gamma-ban"), "and the place's frameworks");
    let reserve = search("full reserve");
    assert!(reserve.iter().any(|h| h.href == "/frameworks/alpha-law#stablecoin-reserves"), "{reserve:?}");
    // Quotes and FTS5 syntax in what people type are words, never query syntax.
    assert!(search("\"alpha\" OR NEAR(").iter().all(|h| !h.title.is_empty()));
    assert!(cryptoreg_core::query::search::SearchQuery::parse(Some("\"\"\"")).is_err(), "no words: a bad request");
}
