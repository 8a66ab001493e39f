//! Tests of the shipped dataset (the copy built into the binary): it passes the lint, every framework has
//! every aspect, and the seed comparison of issue #2 is complete and cited.

use cryptoreg_core::Severity;
use cryptoreg_core::query::compare::{CompareRequest, compare};

const SEED: [&str; 7] =
    ["fsb-crypto", "fsb-stablecoins", "eu-mica", "uk-us-2025", "fatf-r15", "iosco-cda", "us-genius-act"];

#[test]
fn shipped_dataset_has_no_errors() {
    let loaded = cryptoreg_core::load_embedded();
    let errors: Vec<String> =
        loaded.diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn every_framework_has_a_cell_for_every_aspect() {
    let data = cryptoreg_core::load_embedded().dataset;
    for f in data.frameworks.values() {
        for a in &data.aspects {
            assert!(f.provisions.contains_key(&a.id), "{} lacks a cell for {}", f.id, a.id);
        }
    }
}

#[test]
fn seed_comparison_is_complete_and_cited() {
    // Issue #2: the seven seed frameworks × the six seed aspects, each cell citing a URL and a pinpoint.
    let data = cryptoreg_core::load_embedded().dataset;
    let request = CompareRequest { frameworks: SEED.iter().map(|s| (*s).to_owned()).collect(), ..Default::default() };
    let c = compare(&data, &request).expect("seed comparison");
    assert_eq!(c.frameworks.len(), 7);
    for aspect in [
        "stablecoin-reserves",
        "exchange-licensing",
        "enforcement",
        "market-innovation",
        "legal-definition",
        "travel-rule",
    ] {
        let row = c.rows.iter().find(|r| r.aspect.id.as_str() == aspect).expect(aspect);
        for cell in &row.cells {
            assert!(cell.summary.is_some(), "{} × {aspect} has no summary", cell.framework);
            assert!(
                cell.citations.iter().any(|x| x.url.starts_with("http") && !x.pinpoint.is_empty()),
                "{} × {aspect} has no citation with URL and pinpoint",
                cell.framework
            );
        }
    }
}
