//! Legal and editorial time on the fixture dataset, worked out by hand (issue #11).
//!
//! alpha-law's reserves cell held a period from 2023-01-10 to 2024-01-01 (binding, adopted, no requirements
//! recorded); from 2024-01-01 the current state applies (binding, in force, two mandatory requirements, a 30%
//! deposit share). Its milestones: adopted 2023-01-10, applies 2024-01-01 (Art. 99). The corrections log has one
//! entry (2026-11-01, alpha-law travel-rule).

use cryptoreg_core::Dataset;
use cryptoreg_core::ids::IsoDate;
use cryptoreg_core::load::{load_files, read_dir};
use cryptoreg_core::query::QueryError;
use cryptoreg_core::query::changes::{ChangesInput, EventKind, changes};
use cryptoreg_core::query::compare::{CompareInput, CompareQuery, compare};

fn fixture() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    load_files(read_dir(&dir).expect("fixture"), IsoDate::parse("2026-11-23").expect("date")).dataset
}

fn input(from: &str, to: &str, frameworks: &[&str]) -> ChangesInput {
    ChangesInput {
        from: Some(from.into()),
        to: Some(to.into()),
        frameworks: frameworks.iter().map(|s| (*s).to_owned()).collect(),
        ..Default::default()
    }
}

#[test]
fn events_between_two_dates() {
    let data = fixture();
    let c = changes(&data, &input("2023-01-01", "2024-12-31", &["alpha-law"])).expect("changes");
    let events: Vec<(String, EventKind)> = c.events.iter().map(|e| (e.date.to_string(), e.kind)).collect();
    // Newest first: on 2024-01-01 the milestone and the reserves cell's change; on 2023-01-10 the adoption (the
    // travel-rule cell has no history, and the reserves cell's `applies_from` is the same day as its change).
    assert_eq!(
        events,
        [
            ("2024-01-01".to_owned(), EventKind::Milestone),
            ("2024-01-01".to_owned(), EventKind::CellChange),
            ("2023-01-10".to_owned(), EventKind::Milestone),
        ]
    );
    let change = &c.events[1];
    assert_eq!(change.aspect.as_ref().map(|a| a.as_str()), Some("stablecoin-reserves"));
    let (before, after) = (change.before.as_ref().expect("before"), change.after.as_ref().expect("after"));
    assert_eq!((before.status.as_str(), after.status.as_str()), ("adopted", "in-force"));
    let added: Vec<&str> = change.requirements_added.iter().map(|r| r.as_str()).collect();
    assert_eq!(added, ["reserve-full-backing", "reserve-segregated"], "requirements added");
    assert_eq!(change.parameters_changed[0].after.as_deref(), Some("30%"));
    assert_eq!(change.parameters_changed[0].before, None);
    assert_eq!(change.citations[0].pinpoint, "Art. 5", "the state after cites its source");
    assert_eq!(c.events[0].citations[0].pinpoint, "Art. 99", "the milestone cites its source");
    assert_eq!(change.id, "alpha-law/stablecoin-reserves/cell-change/2024-01-01", "ids are stable");
}

#[test]
fn coming_up_and_filters() {
    let data = fixture();
    // Rules adopted for 2099 are coming up within 100 years' horizon, not within 12 months.
    let near =
        changes(&data, &ChangesInput { upcoming_months: Some("12".into()), ..Default::default() }).expect("near");
    assert!(near.upcoming.is_empty());
    let far = changes(
        &data,
        &ChangesInput { upcoming_months: Some("120".into()), to: Some("2090-01-01".into()), ..Default::default() },
    )
    .expect("far");
    let coming: Vec<&str> = far.upcoming.iter().map(|e| e.framework.as_str()).collect();
    assert_eq!(coming, ["epsilon-national", "zeta-state"]);
    // A jurisdiction selects the frameworks that apply there, the union's included.
    let fr = changes(&data, &ChangesInput { jurisdictions: vec!["FR".into()], ..Default::default() }).expect("FR");
    assert_eq!(fr.frameworks.iter().map(|f| f.as_str()).collect::<Vec<_>>(), ["delta-union", "epsilon-national"]);
    let bad = changes(&data, &ChangesInput { from: Some("2024-13-01".into()), ..Default::default() });
    assert!(matches!(bad, Err(QueryError::InvalidDate { .. })));
    let bad = changes(&data, &ChangesInput { upcoming_months: Some("many".into()), ..Default::default() });
    assert!(matches!(bad, Err(QueryError::InvalidChoice { .. })));
}

#[test]
fn corrections_are_editorial_time() {
    let data = fixture();
    assert_eq!(data.release.as_ref().map(|r| r.version.as_str()), Some("2026.11.01"));
    let c = changes(&data, &input("2026-01-01", "2026-11-23", &["alpha-law"])).expect("changes");
    assert_eq!(c.corrections.len(), 1);
    assert_eq!(c.corrections[0].aspects[0].as_str(), "travel-rule");
    let none = changes(&data, &input("2026-01-01", "2026-11-23", &["beta-standard"])).expect("changes");
    assert!(none.corrections.is_empty(), "corrections follow the selection");
    // A cell shows when it last changed, apart from when it was last checked.
    let framework = data.frameworks.values().find(|f| f.id.as_str() == "alpha-law").expect("alpha");
    let aspect = data.aspects.iter().find(|a| a.id.as_str() == "travel-rule").expect("travel");
    let cell = cryptoreg_core::query::views::CellView::build(&data, framework, aspect, None);
    assert_eq!(cell.last_changed.map(|d| d.to_string()).as_deref(), Some("2026-11-01"));
    assert_eq!(cell.reviewed.map(|d| d.to_string()).as_deref(), Some("2026-11-01"));
}

#[test]
fn a_comparison_diffed_against_an_earlier_date() {
    let data = fixture();
    let q = CompareInput {
        frameworks: vec!["alpha-law".into(), "beta-standard".into()],
        jurisdictions: vec!["FR".into()],
        as_of: Some("2024-06-01".into()),
        diff: Some("2023-06-01".into()),
        ..Default::default()
    };
    let c = compare(&data, &CompareQuery::parse(&data, &q).expect("parse")).expect("compare");
    let diff = c.diff.as_ref().expect("diff");
    let changed: Vec<(&str, &str)> = diff.changes.iter().map(|d| (d.column.as_str(), d.aspect.as_str())).collect();
    // alpha's reserves went from adopted to in force; beta and FR did not change between the two dates.
    assert_eq!(changed, [("alpha-law", "stablecoin-reserves")]);
    let d = &diff.changes[0];
    assert_eq!(d.before.as_ref().and_then(|b| b.status).map(|s| s.as_str()), Some("adopted"));
    assert_eq!(d.after.as_ref().map(|a| a.mandatory.len()), Some(2));
}

#[test]
fn a_level_change_with_a_requirement_added() {
    // delta-union's travel rule: monitoring from 2022-05-01, binding from 2024-12-30 with originator information.
    let data = fixture();
    let c = changes(&data, &input("2024-01-01", "2025-12-31", &["delta-union"])).expect("changes");
    assert_eq!(c.events.len(), 1, "{:#?}", c.events);
    let e = &c.events[0];
    assert_eq!((e.date.to_string().as_str(), e.kind), ("2024-12-30", EventKind::CellChange));
    let (before, after) = (e.before.as_ref().expect("before"), e.after.as_ref().expect("after"));
    assert_eq!((before.level.as_str(), after.level.as_str()), ("monitoring", "binding"));
    assert_eq!(e.requirements_added.iter().map(|r| r.as_str()).collect::<Vec<_>>(), ["travel-originator-info"]);
    assert!(e.title.contains("monitoring → binding"), "{}", e.title);
}
