//! The cost of one answer without a server: a comparison of 2 to 8 frameworks built, rendered and sent through the
//! whole middleware stack, on the shipped dataset. Each iteration asks for a URL the answer cache has not seen
//! (a fresh as-of date), so the work is measured, not the cache; the same for 2 to 6 jurisdictions' merged columns;
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
                    let ids: Vec<String> = pool[..n].iter().map(|id| format!("{key}={id}")).collect();
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

/// A valid date for each `n`, different for every `n` below 12 × 28 × 100 (so each URL is new to the cache).
fn date_for(n: u64) -> String {
    let year = 2000 + (n / 336) % 100;
    let month = (n % 336) / 28 + 1;
    let day = n % 28 + 1;
    format!("{year}-{month:02}-{day:02}")
}

criterion_group!(benches, answers);
criterion_main!(benches);
