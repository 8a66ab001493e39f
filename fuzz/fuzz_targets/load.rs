//! Fuzzes the data loader: any bytes as a framework file (or as aspects.toml) beside the valid fixture must load
//! without panicking, and every diagnostic must point inside the file.
#![no_main]

use cryptoreg_core::DataFile;
use cryptoreg_core::ids::IsoDate;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn base() -> &'static Vec<DataFile> {
    static BASE: OnceLock<Vec<DataFile>> = OnceLock::new();
    BASE.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/core/tests/fixtures/valid");
        cryptoreg_core::load::read_dir(&dir).expect("fixture")
    })
}

fuzz_target!(|data: &[u8]| {
    let (replace_aspects, bytes) = match data.split_first() {
        Some((flag, rest)) => (flag % 8 == 0, rest),
        None => (false, data),
    };
    let path = if replace_aspects { "aspects.toml" } else { "frameworks/fuzzed.toml" };
    let mut files: Vec<DataFile> = base().iter().filter(|f| f.path != path).cloned().collect();
    let file = DataFile::from_bytes(path, bytes.to_vec());
    let lines = file.text.lines().count().max(1) + 1;
    files.push(file);
    let today = IsoDate::parse("2026-11-23").expect("date");
    let loaded = cryptoreg_core::load::load_files(files, today);
    for d in &loaded.diagnostics {
        if d.file == path {
            assert!(d.line >= 1 && d.line <= lines, "diagnostic outside the file: {d}");
        }
    }
    // Queries over whatever loaded must not panic either.
    let ids: Vec<String> = loaded.dataset.frameworks.keys().map(|k| k.to_string()).collect();
    let codes: Vec<String> = loaded.dataset.jurisdictions.keys().map(|j| j.to_string()).collect();
    let input =
        cryptoreg_core::query::compare::CompareInput { frameworks: ids, jurisdictions: codes, ..Default::default() };
    if let Ok(query) = cryptoreg_core::query::compare::CompareQuery::parse(&loaded.dataset, &input) {
        let _ = cryptoreg_core::query::compare::compare(&loaded.dataset, &query);
    }
});
