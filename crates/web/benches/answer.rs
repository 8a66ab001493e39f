//! The cost of one answer without a server: a comparison of 2 to 8 frameworks built, rendered and sent through the
//! whole middleware stack, on the shipped dataset. Each iteration asks for a URL the answer cache has not seen
//! (an as-of date between 2015 and 2026, as the load generator's, and a turn of the pool), so the work is measured,
//! not the cache; the same for 2 to 6 jurisdictions' merged columns;
//! and a repeated URL.
//! Run: `cargo bench -p cryptoreg-web --bench answer`.

use axum::body::Body;
use axum::http::Request;
use criterion::{Criterion, criterion_group, criterion_main};
use http_body_util::BodyExt as _;
use std::hint::black_box;
use tower::ServiceExt as _;

/// The allocator the `cryptoreg` binary uses, so the bench measures what the server does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FRAMEWORKS: [&str; 8] =
    ["fsb-crypto", "fsb-stablecoins", "eu-mica", "uk-us-2025", "fatf-r15", "iosco-cda", "us-genius-act", "jp-crypto"];

const JURISDICTIONS: [&str; 6] = ["EU", "US", "GB", "JP", "SG", "DE"];

fn answers(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let state = cryptoreg_web::AppState::new(cryptoreg_core::load_embedded().dataset);
    let app = cryptoreg_web::app(state);
    let mut counter: u64 = 0;
    let run_with = |uri: String, encoding: Option<&'static str>| {
        let app = app.clone();
        let mut request = Request::get(uri);
        if let Some(e) = encoding {
            request = request.header("accept-encoding", e);
        }
        runtime.block_on(async move {
            let response = app.oneshot(request.body(Body::empty()).expect("request")).await.expect("answer");
            black_box(response.into_body().collect().await.expect("body").to_bytes().len())
        })
    };
    let run = |uri: String| run_with(uri, None);
    let mut group = c.benchmark_group("compare");
    // Columns of frameworks, and columns by country (each a merge of the frameworks that apply there).
    let columns: [(&str, &str, &[&str]); 2] = [("", "f", &FRAMEWORKS), (", jurisdictions", "j", &JURISDICTIONS)];
    for (label, key, pool) in columns {
        for (name, json) in [("html", ""), ("json", ".json")] {
            group.bench_function(format!("cache-miss {name}{label}"), |b| {
                b.iter(|| {
                    counter += 1;
                    let n = 2 + (counter % (pool.len() as u64 - 1)) as usize;
                    // The pool turns by one after every 4,380 dates, so a URL comes back only after tens of thousands.
                    let turn = (counter / DAYS) as usize % pool.len();
                    let ids: Vec<String> =
                        pool.iter().cycle().skip(turn).take(n).map(|id| format!("{key}={id}")).collect();
                    run(format!("/compare{json}?{}&as_of={}", ids.join("&"), date_for(counter)))
                })
            });
        }
    }
    let seed = format!("/compare?{}", FRAMEWORKS[..7].iter().map(|f| format!("f={f}")).collect::<Vec<_>>().join("&"));
    group.bench_function("repeated URL html", |b| b.iter(|| run(seed.clone())));
    // What a browser sends: the answer is kept compressed, so a repeat costs no compression.
    group.bench_function("repeated URL html, brotli", |b| b.iter(|| run_with(seed.clone(), Some("gzip, deflate, br"))));
    group.finish();
}

/// The days from 2015-01-01 that the dates of cache misses spread over (to the end of 2026, as `bench/random-compare.lua`).
const DAYS: u64 = 4_380;

/// A date between 2015-01-01 and 2026-12-30 for each `n`, different for every `n` below [`DAYS`] and spread over the
/// whole range in any run of consecutive `n` (a multiplicative permutation), so a short run (a profile) asks for the
/// same mix of past and present states as a long one.
fn date_for(n: u64) -> String {
    let day = (n % DAYS) * 2_654_435_761 % DAYS;
    let start = jiff::civil::date(2015, 1, 1);
    start.checked_add(jiff::Span::new().days(day as i64)).unwrap_or(start).to_string()
}

criterion_group!(benches, answers);
criterion_main!(benches);
