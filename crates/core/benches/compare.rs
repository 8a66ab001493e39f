//! The core's share of one answer: building a comparison of 2 to 8 frameworks on the shipped dataset (no page, no
//! HTTP), and serialising it as the JSON twin does (`cryptoreg_core::json`). Each iteration asks for a new as-of date, as a cache miss would.
//! Run: `cargo bench -p cryptoreg-core --bench compare`.

use criterion::{Criterion, criterion_group, criterion_main};
use cryptoreg_core::query::compare::{CompareInput, CompareQuery, compare};
use std::hint::black_box;

/// The allocator the `cryptoreg` binary uses, so the bench measures what the server does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FRAMEWORKS: [&str; 8] =
    ["fsb-crypto", "fsb-stablecoins", "eu-mica", "uk-us-2025", "fatf-r15", "iosco-cda", "us-genius-act", "jp-crypto"];

fn input(n: u64) -> CompareInput {
    let count = 2 + (n % 7) as usize;
    CompareInput {
        frameworks: FRAMEWORKS[..count].iter().map(|f| (*f).to_owned()).collect(),
        as_of: Some(date_for(n)),
        ..CompareInput::default()
    }
}

fn comparisons(c: &mut Criterion) {
    let data = cryptoreg_core::load_embedded().dataset;
    let mut group = c.benchmark_group("core");
    let mut n = 0;
    group.bench_function("build comparison", |b| {
        b.iter(|| {
            n += 1;
            let query = CompareQuery::parse(&data, &input(n)).expect("query");
            black_box(compare(&data, &query).expect("comparison").rows.len())
        })
    });
    group.bench_function("build and serialise comparison", |b| {
        b.iter(|| {
            n += 1;
            let query = CompareQuery::parse(&data, &input(n)).expect("query");
            let comparison = compare(&data, &query).expect("comparison");
            black_box(cryptoreg_core::json::to_vec(&comparison).expect("json").len())
        })
    });
    group.finish();
}

/// A valid date for each `n`, different for every `n` below 12 × 28 × 100.
fn date_for(n: u64) -> String {
    let year = 2000 + (n / 336) % 100;
    let month = (n % 336) / 28 + 1;
    let day = n % 28 + 1;
    format!("{year}-{month:02}-{day:02}")
}

criterion_group!(benches, comparisons);
criterion_main!(benches);
