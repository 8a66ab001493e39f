//! The pathfinder on the fixture dataset, with the checklist worked out by hand (issue #10).
//!
//! Activity `issue-stablecoin` (aspects stablecoin-reserves, which says what authorisation is needed, and
//! travel-rule), markets FR, JP, CN, US-NY, today:
//! - CN bans stablecoins → prohibited. FR (through the EU's delta-union and its own epsilon-national) and JP
//!   (alpha-law) are regulated. US-NY's state only recommends → no specific regime.
//! - reserve-full-backing: mandatory in FR (delta) and JP (alpha); only recommended in US-NY (zeta).
//! - reserve-segregated: mandatory in FR (epsilon) and JP (alpha).
//! - travel-originator-info: mandatory in FR (delta) and JP (alpha); mandatory later (2099) in US-NY (zeta) and
//!   in FR (epsilon); unknown in CN.
//! - deposit share (higher is stricter): FR 60% (epsilon beats delta's 30%), JP 30% → FR strictest.
//! - travel threshold (lower is stricter): FR EUR 0, JP JPY 100,000 (converted to USD) → FR strictest.

use cryptoreg_core::Dataset;
use cryptoreg_core::ids::IsoDate;
use cryptoreg_core::load::{load_files, read_dir};
use cryptoreg_core::query::QueryError;
use cryptoreg_core::query::path::{PathAnswer, PathInput, Possible, path};

fn fixture() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    load_files(read_dir(&dir).expect("fixture"), IsoDate::parse("2026-11-23").expect("date")).dataset
}

fn answer(data: &Dataset, markets: &[&str]) -> PathAnswer {
    let input = PathInput {
        activity: Some("issue-stablecoin".into()),
        markets: markets.iter().map(|m| (*m).to_owned()).collect(),
        as_of: None,
    };
    path(data, &input).expect("path").answer.expect("answer")
}

fn codes<T>(list: &[T], code: impl Fn(&T) -> &str) -> Vec<&str> {
    list.iter().map(code).collect()
}

#[test]
fn markets_say_whether_and_under_what() {
    let data = fixture();
    let a = answer(&data, &["FR", "jp", "China (mainland)", "us-ny"]);
    let possible: Vec<(&str, Possible)> = a.markets.iter().map(|m| (m.code.as_str(), m.possible)).collect();
    assert_eq!(
        possible,
        [
            ("FR", Possible::Regulated),
            ("JP", Possible::Regulated),
            ("CN", Possible::Prohibited),
            ("US-NY", Possible::NoSpecificRegime)
        ]
    );
    let fr = &a.markets[0];
    assert_eq!(codes(&fr.authorisation, |r| r.framework.as_str()), ["delta-union", "epsilon-national"]);
    assert_eq!(fr.authorisation[0].body, "Union legislator");
    assert_eq!(a.markets[2].unknown_aspects.iter().map(|x| x.as_str()).collect::<Vec<_>>(), ["travel-rule"]);
}

#[test]
fn the_checklist_names_markets_and_citations() {
    let data = fixture();
    let a = answer(&data, &["FR", "JP", "CN", "US-NY"]);
    let item = |id: &str| a.checklist.iter().find(|i| i.requirement.as_str() == id).expect(id);
    let full = item("reserve-full-backing");
    assert_eq!(codes(&full.mandatory_in, |m| m.market.as_str()), ["FR", "JP"]);
    assert_eq!(codes(&full.recommended_in, |m| m.market.as_str()), ["US-NY"]);
    assert_eq!(full.mandatory_in[0].citations[0].pinpoint, "Art. 36");
    let segregated = item("reserve-segregated");
    assert_eq!(codes(&segregated.mandatory_in, |m| m.market.as_str()), ["FR", "JP"]);
    assert_eq!(segregated.mandatory_in[0].frameworks[0].as_str(), "epsilon-national");
    let travel = item("travel-originator-info");
    assert_eq!(codes(&travel.mandatory_in, |m| m.market.as_str()), ["FR", "JP"]);
    assert!(travel.mandatory_in[0].low_confidence, "the union's travel cell is low confidence");
    assert_eq!(codes(&travel.coming_in, |m| m.market.as_str()), ["FR", "US-NY"]);
    assert_eq!(codes(&travel.unknown_in, |m| m.as_str()), ["CN"]);
    assert_eq!(a.coming.len(), 2);
}

#[test]
fn the_strictest_number_across_currencies() {
    let data = fixture();
    let a = answer(&data, &["FR", "JP"]);
    let number = |id: &str| a.parameters.iter().find(|p| p.parameter.as_str() == id).expect(id);
    let deposit = number("deposit-share-min");
    let strict: Vec<(&str, &str, bool)> =
        deposit.values.iter().map(|v| (v.market.as_str(), v.display.as_str(), v.strictest)).collect();
    assert_eq!(strict, [("FR", "60%", true), ("JP", "30%", false)]);
    let threshold = number("travel-threshold");
    let strict: Vec<(&str, &str, bool)> =
        threshold.values.iter().map(|v| (v.market.as_str(), v.display.as_str(), v.strictest)).collect();
    assert_eq!(strict, [("FR", "no threshold (every transfer)", true), ("JP", "100,000 JPY", false)]);
    assert!(threshold.values[1].usd.is_some_and(|usd| usd > 0.0 && usd < 100_000.0), "JPY converted to USD");
    assert!(a.rates_date.is_some(), "the conversion names its rates' date");
}

#[test]
fn no_activity_lists_them_and_bad_input_is_named() {
    let data = fixture();
    let report = path(&data, &PathInput::default()).expect("list");
    assert_eq!(report.activities.len(), 1);
    assert!(report.answer.is_none());
    let bad = PathInput { activity: Some("issue-stablecoins".into()), ..Default::default() };
    assert!(
        matches!(path(&data, &bad), Err(QueryError::UnknownActivity { suggestions, .. }) if suggestions[0] == "issue-stablecoin")
    );
    let bad = PathInput { activity: Some("issue-stablecoin".into()), markets: vec!["XX".into()], ..Default::default() };
    assert!(matches!(path(&data, &bad), Err(QueryError::UnknownJurisdiction { id, .. }) if id == "XX"));
}
