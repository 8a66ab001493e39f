//! The JSON writer of answers writes what serde_json writes, byte for byte, also once cells have kept their JSON.

use cryptoreg_core::query::compare::{CompareInput, CompareQuery, compare};

#[test]
fn the_json_writer_writes_what_serde_json_writes_before_and_after_cells_keep_their_json() {
    let data = cryptoreg_core::load_embedded().dataset;
    let everything: Vec<String> = data.frameworks.keys().map(|id| id.to_string()).collect();
    let jurisdictions: Vec<String> = ["EU", "US", "GB", "JP", "SG", "DE", "AE", "HK"].map(String::from).to_vec();
    let inputs = [
        // Every framework today, on a date before most existed, and with a jurisdiction's merged column.
        CompareInput { frameworks: everything.clone(), ..CompareInput::default() },
        CompareInput { frameworks: everything.clone(), as_of: Some("2019-06-30".into()), ..CompareInput::default() },
        CompareInput {
            frameworks: vec!["eu-mica".into(), "us-genius-act".into()],
            jurisdictions: vec!["DE".into()],
            min_confidence: Some("high".into()),
            ..CompareInput::default()
        },
        // Jurisdictions only: every column merged, its components written as their views kept them.
        CompareInput { jurisdictions: jurisdictions.clone(), ..CompareInput::default() },
        CompareInput { jurisdictions, as_of: Some("2024-06-30".into()), ..CompareInput::default() },
    ];
    let mut kept_cells = 0;
    for input in &inputs {
        let query = CompareQuery::parse(&data, input).expect("a valid query");
        // Twice: the first writing keeps each cell's JSON, the second writes the kept JSON.
        for _ in 0..2 {
            let comparison = compare(&data, &query).expect("a comparison");
            let written = cryptoreg_core::json::to_vec(&comparison).expect("written");
            let canonical = serde_json::to_vec(&comparison).expect("serialised");
            assert!(written == canonical, "{input:?}: the writer differs from serde_json");
            kept_cells += comparison.rows.iter().flat_map(|r| &r.cells).count();
        }
    }
    assert!(kept_cells > 2 * 20 * 90, "only {kept_cells} cells written");
}
