//! Shared cell views: a view built once and reused must be the view built afresh, for every cell of the shipped
//! data on every date where its state changes (each period's edges, the day it starts to apply, the day it was
//! established) and today.

use cryptoreg_core::ids::IsoDate;
use cryptoreg_core::query::views::{AspectHeader, CellView, FrameworkHeader, KeepsRenderings, Kept, Shared};

/// The dates around which `provision`'s view can change.
fn edges(f: &cryptoreg_core::model::Framework, p: &cryptoreg_core::model::Provision) -> Vec<Option<IsoDate>> {
    let mut days: Vec<IsoDate> = p.history.iter().flat_map(|h| [h.from, h.until]).collect();
    days.extend(p.applies_from);
    days.extend(f.established_on());
    let mut dates = vec![None];
    for d in days {
        dates.extend([shifted(d, -1), Some(d), shifted(d, 1)]);
    }
    dates
}

/// `date` moved by `days`.
fn shifted(date: IsoDate, days: i64) -> Option<IsoDate> {
    IsoDate::parse(&date.date().saturating_add(jiff::Span::new().days(days)).to_string()).ok()
}

#[test]
fn a_shared_view_equals_the_view_built_afresh_on_every_edge_date() {
    let data = cryptoreg_core::load_embedded().dataset;
    let mut compared = 0;
    for f in data.frameworks.values() {
        for aspect in &data.aspects {
            let Some(p) = f.provisions.get(&aspect.id) else { continue };
            for date in edges(f, p) {
                // Twice: the first call may build the view, the second must reuse it.
                for _ in 0..2 {
                    let shared = CellView::shared(&data, f, aspect, date);
                    let fresh = CellView::build(&data, f, aspect, date);
                    let json = |view: &CellView| serde_json::to_value(view).expect("a view serialises");
                    let (a, b) = (json(&shared), json(&fresh));
                    assert_eq!(a, b, "{} × {} on {date:?}", f.id, aspect.id);
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 10_000, "only {compared} views compared");
}

#[test]
fn a_cell_is_built_once_per_state() {
    let data = cryptoreg_core::load_embedded().dataset;
    let f = data.frameworks.values().find(|f| f.provisions.values().any(|p| !p.history.is_empty())).expect("history");
    let (aspect_id, p) = f.provisions.iter().find(|(_, p)| !p.history.is_empty()).expect("a cell with history");
    let aspect = data.aspect(aspect_id).expect("aspect");
    let today = CellView::shared(&data, f, aspect, None);
    assert!(matches!(today, Shared::Kept(_)), "a view with a state is kept and borrowed, not made for the answer");
    let same = |a: &CellView, b: &CellView| std::ptr::eq(a, b);
    assert!(same(&today, &CellView::shared(&data, f, aspect, None)), "today's view is built once");
    assert!(same(&today, &CellView::shared_arc(&data, f, aspect, None)), "the Arc form is the same view");
    let then = Some(p.history[0].from);
    let past = CellView::shared(&data, f, aspect, then);
    assert!(same(&past, &CellView::shared(&data, f, aspect, then)), "a past period's view is built once");
    assert!(!same(&past, &today), "different states get different views");
    // A copy of the dataset builds its own views.
    let copy = data.clone();
    let copied = copy.frameworks.get(&f.id).expect("framework");
    assert!(!same(&today, &CellView::shared(&copy, copied, aspect, None)));
    // Before the framework existed the view has no content, and it is kept as well.
    let before = f.established_on().and_then(|d| shifted(d, -1));
    assert!(before.is_some(), "{} has a date of establishment", f.id);
    let early = CellView::shared(&data, f, aspect, before);
    assert!(!early.has_content() && matches!(early, Shared::Kept(_)), "a view without content is kept");
    assert!(same(&early, &CellView::shared(&data, f, aspect, before)));
    assert!(early.kept(Kept::Fragment(0), || 1_u8).is_some(), "a kept view without content keeps its renderings");
    // The view of an aspect the framework has no cell on is made for the answer (every shipped framework has every
    // aspect, so a copy loses one).
    let mut without = data.clone();
    without.frameworks.get_mut(&f.id).expect("framework").provisions.shift_remove(&aspect.id);
    let lacking = without.frameworks.get(&f.id).expect("framework");
    let blank = CellView::shared(&without, lacking, aspect, None);
    assert!(matches!(blank, Shared::Made(_)), "no cell: made for the answer");
    assert!(blank.kept(Kept::Fragment(0), || 1_u8).is_none(), "a view made for one answer keeps nothing");
    // A kept view keeps its renderings: made once, then the same.
    let made = today.kept(Kept::Fragment(1), || String::from("fragment")).expect("a view with content keeps");
    assert!(std::ptr::eq(made, today.kept(Kept::Fragment(1), || String::from("again")).expect("kept")));
}

#[test]
fn a_row_header_is_built_once_per_aspect() {
    let data = cryptoreg_core::load_embedded().dataset;
    let aspect = &data.aspects[0];
    let header = AspectHeader::shared(&data, aspect);
    assert!(matches!(header, Shared::Kept(_)), "kept with the aspect");
    assert!(std::ptr::eq(&*header, &*AspectHeader::shared(&data, aspect)), "built once");
    let json = |h: &AspectHeader| serde_json::to_value(h).expect("a header serialises");
    assert_eq!(json(&header), json(&AspectHeader::build(&data, aspect)));
}

#[test]
fn a_column_header_is_built_once_per_form() {
    let data = cryptoreg_core::load_embedded().dataset;
    let f = data.frameworks.values().find(|f| f.established_on().is_some()).expect("a dated framework");
    let before = f.established_on().and_then(|d| shifted(d, -1));
    for date in [None, before] {
        let header = FrameworkHeader::shared(f, date);
        assert!(matches!(header, Shared::Kept(_)), "kept with the framework");
        assert!(std::ptr::eq(&*header, &*FrameworkHeader::shared(f, date)), "built once");
        let json = |h: &FrameworkHeader| serde_json::to_value(h).expect("a header serialises");
        assert_eq!(json(&header), json(&FrameworkHeader::build(f, date)), "{date:?}");
    }
    assert!(FrameworkHeader::shared(f, before).not_yet_adopted && !FrameworkHeader::shared(f, None).not_yet_adopted);
}
