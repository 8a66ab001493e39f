//! The comparison query on the fixture dataset: selection, sorting by every kind of header, as-of dates and
//! the errors users meet.

use cryptoreg_core::Dataset;
use cryptoreg_core::ids::IsoDate;
use cryptoreg_core::load::{load_files, read_dir};
use cryptoreg_core::query::QueryError;
use cryptoreg_core::query::compare::{CompareRequest, Comparison, compare};
use cryptoreg_core::query::views::CellState;

fn fixture() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let today = IsoDate::parse("2026-11-23").expect("date");
    load_files(read_dir(&dir).expect("fixture"), today).dataset
}

fn request(frameworks: &[&str]) -> CompareRequest {
    CompareRequest { frameworks: frameworks.iter().map(|s| (*s).to_owned()).collect(), ..Default::default() }
}

fn order(c: &Comparison) -> Vec<&str> {
    c.frameworks.iter().map(|f| f.id.as_str()).collect()
}

const ALL: [&str; 3] = ["gamma-ban", "beta-standard", "alpha-law"];

#[test]
fn default_order_is_by_short_name_with_every_aspect() {
    let c = compare(&fixture(), &request(&ALL)).expect("compare");
    assert_eq!(order(&c), ["alpha-law", "beta-standard", "gamma-ban"]);
    assert_eq!(c.rows.len(), 2);
    assert!(c.rows.iter().all(|r| r.cells.len() == 3));
    let cell = &c.rows[0].cells[0];
    assert_eq!(cell.state, CellState::Current);
    assert_eq!(cell.citations[0].pinpoint, "Art. 5");
    assert_eq!(cell.citations[0].url, "https://example.org/alpha-act");
}

#[test]
fn sorting_by_an_aspect_orders_by_level_then_mandatory_requirements() {
    let data = fixture();
    let mut r = request(&ALL);
    r.sort = Some("stablecoin-reserves".into());
    // recommended (beta) < binding (alpha) < prohibited (gamma)
    assert_eq!(order(&compare(&data, &r).expect("sort")), ["beta-standard", "alpha-law", "gamma-ban"]);
    r.desc = true;
    assert_eq!(order(&compare(&data, &r).expect("sort")), ["gamma-ban", "alpha-law", "beta-standard"]);
}

#[test]
fn unknown_levels_sort_last_in_both_directions() {
    let data = fixture();
    let mut r = request(&ALL);
    r.sort = Some("travel-rule".into());
    assert_eq!(order(&compare(&data, &r).expect("sort")).last(), Some(&"gamma-ban"));
    r.desc = true;
    assert_eq!(order(&compare(&data, &r).expect("sort")).last(), Some(&"gamma-ban"));
}

#[test]
fn sorting_by_an_amount_parameter_converts_currencies() {
    let data = fixture();
    let mut r = request(&ALL);
    r.sort = Some("travel-rule.travel-threshold".into());
    // JPY 100,000 ≈ USD 670 < EUR 1,000 ≈ USD 1,100; gamma has no value and sorts last.
    assert_eq!(order(&compare(&data, &r).expect("sort")), ["alpha-law", "beta-standard", "gamma-ban"]);
    r.desc = true;
    assert_eq!(order(&compare(&data, &r).expect("sort")), ["beta-standard", "alpha-law", "gamma-ban"]);
}

#[test]
fn sorting_by_a_framework_orders_the_aspects() {
    let data = fixture();
    let mut r = request(&ALL);
    r.sort = Some("gamma-ban".into());
    let c = compare(&data, &r).expect("sort");
    let rows: Vec<&str> = c.rows.iter().map(|r| r.aspect.id.as_str()).collect();
    // gamma: stablecoin-reserves prohibited, travel-rule unknown (last)
    assert_eq!(rows, ["stablecoin-reserves", "travel-rule"]);
    assert_eq!(c.sort.axis, cryptoreg_core::query::compare::SortAxis::Aspects);
}

#[test]
fn as_of_shows_history_and_frameworks_not_yet_adopted() {
    let data = fixture();
    let mut r = request(&ALL);
    r.as_of = Some("2023-06-01".into());
    let c = compare(&data, &r).expect("as of");
    let alpha = c.frameworks.iter().position(|f| f.id.as_str() == "alpha-law").expect("alpha");
    let gamma = c.frameworks.iter().position(|f| f.id.as_str() == "gamma-ban").expect("gamma");
    assert!(c.frameworks[gamma].not_yet_adopted);
    assert_eq!(c.rows[0].cells[gamma].state, CellState::NotYetAdopted);
    let reserves = &c.rows[0].cells[alpha];
    assert_eq!(reserves.state, CellState::Historical);
    assert_eq!(reserves.summary.as_deref(), Some("Adopted, not yet applicable."));
    assert_eq!(reserves.status.map(|s| s.as_str()), Some("adopted"));
    assert_eq!(reserves.valid_until.map(|d| d.to_string()).as_deref(), Some("2024-01-01"));
    // The day the history period ends, the current state takes over.
    r.as_of = Some("2024-01-01".into());
    let c = compare(&data, &r).expect("as of");
    assert_eq!(c.rows[0].cells[alpha].state, CellState::Current);
}

#[test]
fn bad_input_names_the_input_and_suggests() {
    let data = fixture();
    assert_eq!(
        compare(&data, &request(&["alpha-law"])).expect_err("must fail"),
        QueryError::TooFewFrameworks { given: 1 }
    );
    assert_eq!(
        compare(&data, &request(&["alpha-law", "alpha-law"])).expect_err("must fail"),
        QueryError::TooFewFrameworks { given: 1 }
    );
    let err = compare(&data, &request(&["alpha-law", "alpha-lwa"])).expect_err("must fail");
    assert_eq!(err, QueryError::UnknownFramework { id: "alpha-lwa".into(), suggestions: vec!["alpha-law".into()] });
    assert!(err.is_not_found());
    let mut r = request(&ALL);
    r.aspects = vec!["travel-rules".into()];
    assert!(
        matches!(compare(&data, &r), Err(QueryError::UnknownAspect { suggestions, .. }) if suggestions[0] == "travel-rule")
    );
    let mut r = request(&ALL);
    r.sort = Some("travel-rule.threshold".into());
    let err = compare(&data, &r).expect_err("must fail");
    assert!(
        matches!(&err, QueryError::UnknownSortKey { suggestions, .. } if suggestions.contains(&"travel-rule.travel-threshold".to_owned())),
        "{err:?}"
    );
    assert!(err.is_not_found(), "a sort key is an id: unknown ones are not found");
    let mut r = request(&ALL);
    r.as_of = Some("2024-02-30".into());
    assert_eq!(compare(&data, &r).expect_err("must fail"), QueryError::InvalidDate { value: "2024-02-30".into() });
    let mut r = request(&ALL);
    r.groups = vec!["am".into()];
    assert!(matches!(compare(&data, &r), Err(QueryError::UnknownGroup { .. })));
}

#[test]
fn groups_select_their_aspects() {
    let mut r = request(&ALL);
    r.groups = vec!["aml".into()];
    let c = compare(&fixture(), &r).expect("group");
    assert_eq!(c.rows.len(), 1);
    assert_eq!(c.rows[0].aspect.id.as_str(), "travel-rule");
}
