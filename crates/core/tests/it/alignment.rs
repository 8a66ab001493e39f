//! Alignment and gaps on the fixture dataset, with statuses and scores worked out by hand (issue #9).
//!
//! The one standard, `beta-standard`, recommends two requirements: `reserve-full-backing` (stablecoin reserves)
//! and `travel-originator-info` (travel rule). By hand, today:
//! - FR (EU member): both mandatory through `delta-union` → in force 2/2; the travel cell is low confidence.
//! - JP: both mandatory in `alpha-law` → 2/2. As of 2023-06-01 the reserves period records no requirement →
//!   absent, travel in force → 1/2.
//! - US-NY: `zeta-state` only recommends full backing → partly; its travel rule is adopted for 2099 → adopted.
//! - US: no framework applies throughout (only a state regime) → both unknown.
//! - CN: stablecoins banned → absent; its travel cell is `unknown` → unknown.

use cryptoreg_core::Dataset;
use cryptoreg_core::ids::IsoDate;
use cryptoreg_core::load::{load_files, read_dir};
use cryptoreg_core::query::QueryError;
use cryptoreg_core::query::alignment::{AlignmentStatus as S, MatrixInput, gaps, jurisdiction_alignment, matrix};

fn fixture() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    load_files(read_dir(&dir).expect("fixture"), IsoDate::parse("2026-11-23").expect("date")).dataset
}

fn statuses(data: &Dataset, code: &str, as_of: Option<&str>) -> Vec<(String, S)> {
    let a = jurisdiction_alignment(data, code, Some("beta-standard"), as_of).expect("alignment");
    a.standards[0]
        .aspects
        .iter()
        .flat_map(|x| x.requirements.iter().map(|r| (r.requirement.to_string(), r.status)))
        .collect()
}

fn pair(reserves: S, travel: S) -> Vec<(String, S)> {
    vec![("reserve-full-backing".into(), reserves), ("travel-originator-info".into(), travel)]
}

#[test]
fn statuses_worked_out_by_hand() {
    let data = fixture();
    assert_eq!(statuses(&data, "FR", None), pair(S::InForce, S::InForce), "an EU member inherits the EU's cells");
    assert_eq!(statuses(&data, "JP", None), pair(S::InForce, S::InForce));
    assert_eq!(statuses(&data, "JP", Some("2023-06-01")), pair(S::Absent, S::InForce), "history as of a date");
    assert_eq!(statuses(&data, "US-NY", None), pair(S::Partly, S::Adopted), "recommended only; adopted for later");
    assert_eq!(statuses(&data, "US", None), pair(S::Unknown, S::Unknown), "no framework applies throughout");
    assert_eq!(statuses(&data, "CN", None), pair(S::Absent, S::Unknown), "a ban leaves it absent; unknown cell");
}

#[test]
fn scores_and_low_confidence() {
    let data = fixture();
    let fr = jurisdiction_alignment(&data, "fr", None, None).expect("FR");
    let score = &fr.standards[0].score;
    assert_eq!((score.total, score.in_force, score.in_force_share), (2, 2, Some(1.0)));
    assert_eq!(score.low_confidence, 1, "the union's travel cell is low confidence");
    let ny = jurisdiction_alignment(&data, "US-NY", None, None).expect("NY");
    let score = &ny.standards[0].score;
    assert_eq!((score.in_force_share, score.adopted_share, score.partly), (Some(0.0), Some(0.5), 1));
    assert_eq!(ny.coming.len(), 1);
    assert_eq!(ny.coming[0].applies_from.map(|d| d.to_string()).as_deref(), Some("2099-01-01"));
    // Every status links to the cells behind it: the jurisdiction's and the standard's citations.
    let travel = &fr.standards[0].aspects[1].requirements[0];
    assert_eq!(travel.evidence[0].framework.as_str(), "delta-union");
    assert_eq!(travel.evidence[0].citations[0].pinpoint, "Art. 14");
    assert_eq!(travel.standard_citations[0].pinpoint, "para 7");
}

#[test]
fn the_matrix_scores_every_jurisdiction_against_every_standard_and_sorts() {
    let data = fixture();
    let m = matrix(&data, &MatrixInput::default()).expect("matrix");
    assert_eq!(m.standards.len(), 1);
    assert_eq!(m.rows.len(), data.jurisdictions.len() - 1, "every jurisdiction but INT");
    let input = MatrixInput { sort: Some("beta-standard".into()), dir: Some("desc".into()), ..Default::default() };
    let m = matrix(&data, &input).expect("sorted");
    let first: Vec<&str> = m.rows.iter().take(3).map(|r| r.code.as_str()).collect();
    assert_eq!(first, ["EU", "FR", "JP"], "full alignment first, then by name");
    let us = m.rows.last().expect("rows");
    assert_eq!(us.code.as_str(), "US", "rows where nothing is known have no score and sort last");
    assert_eq!((us.scores[0].unknown, us.scores[0].in_force_share), (2, None));
    let bad = MatrixInput { sort: Some("alpha-law".into()), ..Default::default() };
    assert!(matches!(matrix(&data, &bad), Err(QueryError::UnknownSortKey { .. })), "only standards sort the matrix");
}

#[test]
fn gaps_list_who_leaves_what_open() {
    let data = fixture();
    let g = gaps(&data, None, None).expect("gaps");
    let reserves = g.gaps.iter().find(|x| x.requirement.as_str() == "reserve-full-backing").expect("reserves");
    assert_eq!(reserves.absent.iter().map(|j| j.as_str()).collect::<Vec<_>>(), ["CN"]);
    let travel = g.gaps.iter().find(|x| x.requirement.as_str() == "travel-originator-info").expect("travel");
    assert_eq!(travel.unknown.iter().map(|j| j.as_str()).collect::<Vec<_>>(), ["CN"]);
    // The grid has the jurisdictions where a framework applies throughout; US (a state regime only) is not one.
    let codes: Vec<&str> = g.grid.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["CN", "EU", "FR", "JP", "US-NY"]);
    assert!(gaps(&data, Some("travel-rules"), None).is_err());
}
