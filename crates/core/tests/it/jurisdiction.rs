//! Jurisdictions as a view on the fixture dataset, with hand-worked expectations: frameworks reached through a
//! union, the merged cell (strongest level, united requirements naming their framework, the strictest parameter
//! by its declared direction, components listed), a rule adopted for later, and sub-national alternatives.

use cryptoreg_core::Dataset;
use cryptoreg_core::ids::IsoDate;
use cryptoreg_core::load::{load_files, read_dir};
use cryptoreg_core::model::{Level, ParameterValue, Strength};
use cryptoreg_core::query::compare::{Cell, CompareInput, CompareQuery, compare};
use cryptoreg_core::query::jurisdiction::{MergedCell, Reach, applicability, find_jurisdiction, jurisdiction_report};
use cryptoreg_core::query::{ErrorKind, QueryError};

fn fixture() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    load_files(read_dir(&dir).expect("fixture"), IsoDate::parse("2026-11-23").expect("date")).dataset
}

fn merged(data: &Dataset, code: &str, aspect: &str) -> MergedCell {
    let info = find_jurisdiction(data, code).expect("jurisdiction");
    let report = jurisdiction_report(data, info, None);
    report.rows.into_iter().find(|r| r.aspect.id.as_str() == aspect).expect("aspect").cell
}

#[test]
fn codes_names_and_synonyms_find_a_jurisdiction() {
    let data = fixture();
    for typed in ["FR", "fr", " France ", "french republic"] {
        assert_eq!(find_jurisdiction(&data, typed).expect(typed).code.as_str(), "FR");
    }
    assert_eq!(find_jurisdiction(&data, "us-ny").expect("sub-national").code.as_str(), "US-NY");
    let err = find_jurisdiction(&data, "FRA").expect_err("unknown");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(
        matches!(&err, QueryError::UnknownJurisdiction { id, suggestions } if id == "FRA" && suggestions.contains(&"FR".to_owned())),
        "{err:?}"
    );
}

#[test]
fn a_member_state_gets_its_unions_frameworks() {
    let data = fixture();
    let fr = find_jurisdiction(&data, "FR").expect("FR");
    let applies = applicability(&data, &fr.code).applies;
    let reached: Vec<(&str, Reach)> = applies.iter().map(|a| (a.framework.id.as_str(), a.reach.clone())).collect();
    assert_eq!(reached, [("delta-union", Reach::Union("EU".into())), ("epsilon-national", Reach::Own)]);
    // International standards are what a country is measured against, not its law.
    assert!(applies.iter().all(|a| a.framework.id.as_str() != "beta-standard"));
}

#[test]
fn merged_cell_takes_the_strongest_level_unites_requirements_and_picks_the_strictest_number() {
    let data = fixture();
    let cell = merged(&data, "FR", "stablecoin-reserves");
    assert_eq!(cell.level, Some(Level::Binding));
    assert_eq!(cell.decided_by.iter().map(|f| f.as_str()).collect::<Vec<_>>(), ["delta-union", "epsilon-national"]);
    let reqs: Vec<(&str, Strength, Vec<&str>)> = cell
        .requirements
        .iter()
        .map(|r| (r.id.as_str(), r.strength, r.frameworks.iter().map(|f| f.as_str()).collect()))
        .collect();
    assert_eq!(
        reqs,
        [
            ("reserve-full-backing", Strength::Mandatory, vec!["delta-union"]),
            ("reserve-segregated", Strength::Mandatory, vec!["epsilon-national"]),
        ]
    );
    // deposit-share-min is "higher is stricter": 60 (national) beats 30 (union); both values are listed.
    let deposit = &cell.parameters[0];
    let strictest = deposit.strictest.as_ref().expect("strictest");
    assert_eq!((strictest.framework.as_str(), &strictest.value), ("epsilon-national", &ParameterValue::Number(60.0)));
    assert_eq!(deposit.values.len(), 2);
    assert_eq!(cell.components.len(), 2);
    // The lowest confidence among the deciding cells (high and medium) is medium.
    assert_eq!(cell.confidence.map(|c| c.as_str()), Some("medium"));
}

#[test]
fn a_rule_adopted_for_later_is_upcoming_not_merged() {
    let data = fixture();
    let cell = merged(&data, "FR", "travel-rule");
    // Only the union's rule applies today: its threshold (EUR 0) is the merged one, and its low confidence shows.
    assert_eq!(cell.decided_by.iter().map(|f| f.as_str()).collect::<Vec<_>>(), ["delta-union"]);
    let threshold = cell.parameters[0].strictest.as_ref().expect("threshold");
    assert_eq!(threshold.display, "no threshold (every transfer)");
    assert!(cell.is_low_confidence());
    assert_eq!(cell.upcoming.len(), 1);
    let pending = &cell.upcoming[0].cell;
    assert!(pending.pending);
    assert_eq!(pending.applies_from.map(|d| d.to_string()).as_deref(), Some("2099-01-01"));
    assert_eq!(pending.status.map(|s| s.as_str()), Some("adopted"));
}

#[test]
fn sub_national_regimes_are_alternatives_not_added_up() {
    let data = fixture();
    let us = merged(&data, "US", "stablecoin-reserves");
    assert_eq!(us.level, None, "no US-wide framework");
    assert_eq!(us.alternatives.len(), 1);
    assert_eq!(us.alternatives[0].only_in.as_ref().map(|j| j.as_str()), Some("US-NY"));
    let ny = merged(&data, "US-NY", "stablecoin-reserves");
    assert_eq!(ny.level, Some(Level::Recommended));
    assert_eq!(ny.components[0].reach, Reach::Own);
}

#[test]
fn unknown_only_where_nothing_is_known() {
    let data = fixture();
    // China: the ban's travel-rule cell is unknown, and nothing else applies.
    assert_eq!(merged(&data, "CN", "travel-rule").level, Some(Level::Unknown));
    assert_eq!(merged(&data, "CN", "stablecoin-reserves").level, Some(Level::Prohibited));
}

#[test]
fn jurisdictions_and_frameworks_mix_in_one_comparison() {
    let data = fixture();
    let input = CompareInput {
        frameworks: vec!["beta-standard".into()],
        jurisdictions: vec!["FR".into(), "JP".into()],
        sort: Some("stablecoin-reserves".into()),
        ..Default::default()
    };
    let c = compare(&data, &CompareQuery::parse(&data, &input).expect("parse")).expect("compare");
    let keys: Vec<String> = c.columns.iter().map(|col| col.sort_key()).collect();
    // recommended (beta) < binding with 2 mandatory requirements (France and Japan, then by name)
    assert_eq!(keys, ["beta-standard", "fr", "jp"]);
    assert!(matches!(c.rows[0].cells[2], Cell::Jurisdiction(_)));
    let json = serde_json::to_value(&c).expect("json");
    assert_eq!(json["columns"][2]["column"], "jurisdiction");
    assert_eq!(json["rows"][0]["cells"][2]["kind"], "jurisdiction");
    assert_eq!(json["rows"][0]["cells"][1]["components"][0]["cell"]["framework"], "delta-union");
}
