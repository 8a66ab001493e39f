//! The comparison query on the fixture dataset: selection, sorting by every kind of header, as-of dates and
//! the errors users meet.

use cryptoreg_core::Dataset;
use cryptoreg_core::ids::IsoDate;
use cryptoreg_core::load::{load_files, read_dir};
use cryptoreg_core::query::compare::{Cell, CompareInput, CompareQuery, Comparison, compare};
use cryptoreg_core::query::views::{CellState, CellView};
use cryptoreg_core::query::{ErrorKind, QueryError};

fn fixture() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let today = IsoDate::parse("2026-11-23").expect("date");
    load_files(read_dir(&dir).expect("fixture"), today).dataset
}

fn request(frameworks: &[&str]) -> CompareInput {
    CompareInput { frameworks: frameworks.iter().map(|s| (*s).to_owned()).collect(), ..Default::default() }
}

/// Parses the input once, as every interface does, then compares.
fn run<'d>(data: &'d Dataset, input: &CompareInput) -> Result<Comparison<'d>, QueryError> {
    compare(data, &CompareQuery::parse(data, input)?)
}

fn order(c: &Comparison<'_>) -> Vec<String> {
    c.columns.iter().map(|f| f.sort_key()).collect()
}

fn framework_cell<'a>(cell: &'a Cell<'_>) -> &'a CellView {
    match cell {
        Cell::Framework(c) => c,
        Cell::Jurisdiction(_) => panic!("expected a framework cell"),
    }
}

const ALL: [&str; 3] = ["gamma-ban", "beta-standard", "alpha-law"];

#[test]
fn default_order_keeps_the_columns_as_chosen_and_sort_name_orders_them_by_short_name() {
    let data = fixture();
    let chosen = run(&data, &request(&ALL)).expect("compare");
    assert_eq!(order(&chosen), ["gamma-ban", "beta-standard", "alpha-law"]);
    let reversed = run(&data, &CompareInput { dir: Some("desc".into()), ..request(&ALL) }).expect("compare");
    assert_eq!(order(&reversed), ["alpha-law", "beta-standard", "gamma-ban"]);
    let c = run(&data, &CompareInput { sort: Some("name".into()), ..request(&ALL) }).expect("compare");
    assert_eq!(order(&c), ["alpha-law", "beta-standard", "gamma-ban"]);
    assert_eq!(c.rows.len(), 2);
    assert!(c.rows.iter().all(|r| r.cells.len() == 3));
    let cell = framework_cell(&c.rows[0].cells[0]);
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
    assert_eq!(order(&run(&data, &r).expect("sort")), ["beta-standard", "alpha-law", "gamma-ban"]);
    r.dir = Some("desc".into());
    assert_eq!(order(&run(&data, &r).expect("sort")), ["gamma-ban", "alpha-law", "beta-standard"]);
}

#[test]
fn unknown_levels_sort_last_in_both_directions() {
    let data = fixture();
    let mut r = request(&ALL);
    r.sort = Some("travel-rule".into());
    assert_eq!(order(&run(&data, &r).expect("sort")).last().map(String::as_str), Some("gamma-ban"));
    r.dir = Some("desc".into());
    assert_eq!(order(&run(&data, &r).expect("sort")).last().map(String::as_str), Some("gamma-ban"));
}

#[test]
fn sorting_by_an_amount_parameter_converts_currencies() {
    let data = fixture();
    let mut r = request(&ALL);
    r.sort = Some("travel-rule.travel-threshold".into());
    // JPY 100,000 ≈ USD 670 < EUR 1,000 ≈ USD 1,100; gamma has no value and sorts last.
    assert_eq!(order(&run(&data, &r).expect("sort")), ["alpha-law", "beta-standard", "gamma-ban"]);
    r.dir = Some("desc".into());
    assert_eq!(order(&run(&data, &r).expect("sort")), ["beta-standard", "alpha-law", "gamma-ban"]);
}

#[test]
fn sorting_by_a_framework_orders_the_aspects() {
    let data = fixture();
    let mut r = request(&ALL);
    r.sort = Some("gamma-ban".into());
    let c = run(&data, &r).expect("sort");
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
    let c = run(&data, &r).expect("as of");
    let alpha = c.columns.iter().position(|f| f.sort_key() == "alpha-law").expect("alpha");
    let gamma = c.columns.iter().position(|f| f.sort_key() == "gamma-ban").expect("gamma");
    assert_eq!(c.columns[gamma].badge(), Some("not yet adopted"));
    assert_eq!(framework_cell(&c.rows[0].cells[gamma]).state, CellState::NotYetAdopted);
    let reserves = framework_cell(&c.rows[0].cells[alpha]);
    assert_eq!(reserves.state, CellState::Historical);
    assert_eq!(reserves.summary.as_deref(), Some("Adopted, not yet applicable."));
    assert_eq!(reserves.status.map(|s| s.as_str()), Some("adopted"));
    assert_eq!(reserves.valid_until.map(|d| d.to_string()).as_deref(), Some("2024-01-01"));
    // Issue #8: a period states what held then; it never shows today's detail, requirements or parameters.
    assert_eq!(reserves.detail, None);
    assert!(reserves.requirements.is_empty() && reserves.parameters.is_empty());
    // The day the history period ends, the current state takes over.
    r.as_of = Some("2024-01-01".into());
    let c = run(&data, &r).expect("as of");
    assert_eq!(framework_cell(&c.rows[0].cells[alpha]).state, CellState::Current);
}

#[test]
fn framework_ids_are_found_in_any_case_and_nothing_else_is() {
    let data = fixture();
    for id in ["alpha-law", " ALPHA-LAW ", "Alpha-Law"] {
        let f = cryptoreg_core::query::find_framework(&data, id).map(|f| f.id.as_str());
        assert_eq!(f, Ok("alpha-law"), "{id:?}");
    }
    for id in ["alpha_law", "alpha-law,", "", "alpha-läw"] {
        assert!(cryptoreg_core::query::find_framework(&data, id).is_err(), "{id:?}");
    }
}

#[test]
fn bad_input_names_the_input_and_suggests() {
    let data = fixture();
    assert_eq!(run(&data, &request(&["alpha-law"])).expect_err("must fail"), QueryError::TooFewColumns { given: 1 });
    assert_eq!(
        run(&data, &request(&["alpha-law", "alpha-law"])).expect_err("must fail"),
        QueryError::TooFewColumns { given: 1 }
    );
    let err = run(&data, &request(&["alpha-law", "alpha-lwa"])).expect_err("must fail");
    assert_eq!(err, QueryError::UnknownFramework { id: "alpha-lwa".into(), suggestions: vec!["alpha-law".into()] });
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let mut r = request(&ALL);
    r.aspects = vec!["travel-rules".into()];
    assert!(
        matches!(run(&data, &r), Err(QueryError::UnknownAspect { suggestions, .. }) if suggestions[0] == "travel-rule")
    );
    let mut r = request(&ALL);
    r.sort = Some("travel-rule.threshold".into());
    let err = run(&data, &r).expect_err("must fail");
    assert!(
        matches!(&err, QueryError::UnknownSortKey { suggestions, .. } if suggestions.contains(&"travel-rule.travel-threshold".to_owned())),
        "{err:?}"
    );
    assert_eq!(err.kind(), ErrorKind::NotFound, "a sort key is an id: unknown ones are not found");
    let mut r = request(&ALL);
    r.as_of = Some("2024-02-30".into());
    assert_eq!(run(&data, &r).expect_err("must fail"), QueryError::InvalidDate { value: "2024-02-30".into() });
    let mut r = request(&ALL);
    r.groups = vec!["am".into()];
    assert!(matches!(run(&data, &r), Err(QueryError::UnknownGroup { .. })));
}

#[test]
fn groups_select_their_aspects() {
    let mut r = request(&ALL);
    r.groups = vec!["aml".into()];
    let data = fixture();
    let c = run(&data, &r).expect("group");
    assert_eq!(c.rows.len(), 1);
    assert_eq!(c.rows[0].aspect.id.as_str(), "travel-rule");
}

#[test]
fn input_is_parsed_once_into_typed_values() {
    // Issue #8: duplicates removed once, blanks ignored, dates trimmed, codes canonical.
    let data = fixture();
    let input = CompareInput {
        frameworks: vec!["alpha-law".into(), "beta-standard, alpha-law".into(), " ".into()],
        jurisdictions: vec!["fr".into(), "France".into(), "usa".into()],
        as_of: Some(" 2024-01-01".into()),
        sort: Some("FR".into()),
        ..Default::default()
    };
    let q = CompareQuery::parse(&data, &input).expect("parse");
    assert_eq!(q.frameworks.iter().map(|f| f.as_str()).collect::<Vec<_>>(), ["alpha-law", "beta-standard"]);
    assert_eq!(q.jurisdictions.iter().map(|j| j.as_str()).collect::<Vec<_>>(), ["FR", "US"]);
    assert_eq!(q.as_of.map(|d| d.to_string()).as_deref(), Some("2024-01-01"));
    assert_eq!(q.sort.text(), "fr");
    let c = compare(&data, &q).expect("compare");
    assert_eq!(c.columns.len(), 4, "one column per distinct id");
    let bad = CompareInput { dir: Some("sideways".into()), ..request(&ALL) };
    let err = CompareQuery::parse(&data, &bad).expect_err("bad dir");
    assert_eq!(err.kind(), ErrorKind::BadRequest);
    assert_eq!(err.code(), "bad-choice");
}

#[test]
fn every_query_error_has_one_kind_and_code() {
    // Issue #8: one mapping from an error to its kind (and so its HTTP status), covering every variant.
    let s = Vec::new;
    let cases = [
        (QueryError::TooFewColumns { given: 1 }, ErrorKind::BadRequest, "too-few-columns"),
        (QueryError::UnknownFramework { id: "x".into(), suggestions: s() }, ErrorKind::NotFound, "unknown-framework"),
        (QueryError::UnknownAspect { id: "x".into(), suggestions: s() }, ErrorKind::NotFound, "unknown-aspect"),
        (QueryError::UnknownGroup { id: "x".into(), suggestions: s() }, ErrorKind::NotFound, "unknown-group"),
        (
            QueryError::UnknownJurisdiction { id: "x".into(), suggestions: s() },
            ErrorKind::NotFound,
            "unknown-jurisdiction",
        ),
        (QueryError::UnknownActivity { id: "x".into(), suggestions: s() }, ErrorKind::NotFound, "unknown-activity"),
        (QueryError::NotAStandard { id: "x".into(), suggestions: s() }, ErrorKind::NotFound, "not-a-standard"),
        (QueryError::UnknownSortKey { key: "x".into(), suggestions: s() }, ErrorKind::NotFound, "unknown-sort"),
        (QueryError::MalformedSortKey { key: "X!".into() }, ErrorKind::BadRequest, "bad-sort"),
        (QueryError::InvalidDate { value: "x".into() }, ErrorKind::BadRequest, "bad-date"),
        (
            QueryError::InvalidChoice { parameter: "dir".into(), value: "x".into(), expected: "asc, desc".into() },
            ErrorKind::BadRequest,
            "bad-choice",
        ),
    ];
    for (error, kind, code) in cases {
        assert_eq!((error.kind(), error.code()), (kind, code), "{error:?}");
    }
}
