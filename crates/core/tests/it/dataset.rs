//! Tests of the shipped dataset (the copy built into the binary): it passes the lint, every framework has
//! every aspect, and the seed comparison of issue #2 is complete and cited.

use cryptoreg_core::Severity;
use cryptoreg_core::query::compare::{Cell, CompareInput, CompareQuery, compare};

const SEED: [&str; 7] =
    ["fsb-crypto", "fsb-stablecoins", "eu-mica", "uk-us-2025", "fatf-r15", "iosco-cda", "us-genius-act"];

#[test]
fn the_home_preset_is_the_seed_table() {
    let data = cryptoreg_core::load_embedded().dataset;
    let home: Vec<&str> = data.lists.home_frameworks().iter().map(|f| f.as_str()).collect();
    assert_eq!(home, SEED);
}

#[test]
fn no_history_period_shows_todays_text_or_imposes_without_a_rule() {
    // Issue #8: a period with a different level never repeats today's detail; a period at a level without a
    // rule never carries a mandatory requirement.
    let data = cryptoreg_core::load_embedded().dataset;
    let weak = ["not-addressed", "monitoring", "unknown", "prohibited"];
    for f in data.frameworks.values() {
        for (aspect, p) in &f.provisions {
            for h in &p.history {
                let repeats = !h.state.detail.is_empty() && h.state.detail == p.current.detail;
                assert!(!(repeats && h.state.level != p.current.level), "{} × {aspect} from {}", f.id, h.from);
                if weak.contains(&h.state.level.as_str()) {
                    assert_eq!(h.state.mandatory_count(), 0, "{} × {aspect} from {}", f.id, h.from);
                }
            }
        }
    }
}

#[test]
fn france_is_reached_through_the_eu() {
    // Issue #8: memberships are data; an EU member state gets the EU's frameworks.
    let data = cryptoreg_core::load_embedded().dataset;
    let fr = cryptoreg_core::query::jurisdiction::find_jurisdiction(&data, "FR").expect("FR");
    let header = cryptoreg_core::query::jurisdiction::JurisdictionHeader::build(&data, fr);
    assert!(header.frameworks.iter().any(|f| f.as_str() == "eu-mica"), "{:?}", header.frameworks);
    for code in ["GB", "US", "AE", "EU", "SG"] {
        assert!(cryptoreg_core::query::jurisdiction::find_jurisdiction(&data, code).is_ok(), "{code}");
    }
}

#[test]
fn the_embedded_files_are_those_of_the_data_directory() {
    // The build stores each file compressed; inflated, it must be the file as it is in data/, byte for byte.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let mut embedded: Vec<(String, String)> =
        cryptoreg_core::load::embedded_files().into_iter().map(|f| (f.path, f.text)).collect();
    embedded.sort();
    let mut on_disk: Vec<(String, String)> =
        cryptoreg_core::load::read_dir(&dir).expect("read data/").into_iter().map(|f| (f.path, f.text)).collect();
    on_disk.sort();
    assert_eq!(embedded.len(), on_disk.len());
    for (e, d) in embedded.iter().zip(&on_disk) {
        assert_eq!(e.0, d.0);
        assert!(e.1 == d.1, "{} differs from its embedded copy", d.0);
    }
}

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
fn a_cell_looked_up_by_aspect_is_the_one_filed_under_its_id() {
    // Cells are found by the aspect's position (an index made at loading); that index must give the cell filed
    // under the aspect's id, also once the provisions change after loading and the index is stale.
    let data = cryptoreg_core::load_embedded().dataset;
    let found = |f: &cryptoreg_core::model::Framework, a: &cryptoreg_core::model::Aspect| {
        f.provision(a).map(std::ptr::from_ref)
    };
    for f in data.frameworks.values() {
        for a in &data.aspects {
            assert_eq!(found(f, a), f.provisions.get(&a.id).map(std::ptr::from_ref), "{} × {}", f.id, a.id);
        }
    }
    let mut f = data.frameworks.values().next().expect("a framework").clone();
    f.provisions.shift_remove(&data.aspects[0].id);
    assert!(f.provision(&data.aspects[0]).is_none());
    for a in &data.aspects[1..] {
        assert_eq!(found(&f, a), f.provisions.get(&a.id).map(std::ptr::from_ref), "{} × {}", f.id, a.id);
    }
}

#[test]
fn seed_comparison_is_complete_and_cited() {
    // Issue #2: the seven seed frameworks × the six seed aspects, each cell citing a URL and a pinpoint.
    let data = cryptoreg_core::load_embedded().dataset;
    let input = CompareInput { frameworks: SEED.iter().map(|s| (*s).to_owned()).collect(), ..Default::default() };
    let c = compare(&data, &CompareQuery::parse(&data, &input).expect("parse")).expect("seed comparison");
    assert_eq!(c.columns.len(), 7);
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
            let Cell::Framework(cell) = cell else { panic!("framework columns only") };
            assert!(cell.summary.is_some(), "{} × {aspect} has no summary", cell.framework);
            assert!(
                cell.citations.iter().any(|x| x.url.starts_with("http") && !x.pinpoint.is_empty()),
                "{} × {aspect} has no citation with URL and pinpoint",
                cell.framework
            );
        }
    }
}
