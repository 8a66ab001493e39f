//! Real-browser tests: the app served on port 0, Chromium driven over WebDriver (thirtyfour + chromedriver),
//! axe-core injected for accessibility. They are `#[ignore]`d, so a plain `cargo test` reports them as ignored
//! rather than passed; `scripts/test` installs the browser and runs them with `--include-ignored`. Once run, a
//! missing browser, driver or axe-core is a failure, never a silent pass.

use crate::harness::shipped;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use thirtyfour::common::capabilities::chromium::ChromiumLikeCapabilities;
use thirtyfour::extensions::cdp::ChromeDevTools;
use thirtyfour::prelude::*;

/// Records console errors, uncaught errors and CSP violations from the first script on every page.
const WATCH: &str = r#"
window.__problems = [];
document.addEventListener('securitypolicyviolation', (e) => window.__problems.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
window.addEventListener('error', (e) => window.__problems.push('error: ' + e.message));
const origError = console.error;
console.error = function () { window.__problems.push('console.error: ' + Array.from(arguments).join(' ')); origError.apply(console, arguments); };
"#;

/// The axe-core script, relative to the repository root; `npm ci` in `tests/browser` installs it.
const AXE: &str = "tests/browser/node_modules/axe-core/axe.min.js";

const SEED: &str = "f=fsb-crypto&f=fsb-stablecoins&f=eu-mica&f=uk-us-2025&f=fatf-r15&f=iosco-cda&f=us-genius-act";

struct Driver {
    process: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn which(name: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| std::path::Path::new(d).join(name)).find(|p| p.is_file())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

/// What the browser tests need, found: `(chromium, axe-core script)`. Panics naming everything missing, so a
/// browser test that was asked to run fails instead of passing without having looked at a page.
fn require_tools() -> (std::path::PathBuf, std::path::PathBuf) {
    let chromium = which("chromium");
    let axe = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(AXE);
    let mut missing = Vec::new();
    if chromium.is_none() {
        missing.push("chromium (not on PATH)".to_owned());
    }
    if which("chromedriver").is_none() {
        missing.push("chromedriver (not on PATH)".to_owned());
    }
    if !axe.is_file() {
        missing.push(format!("axe-core ({AXE} not found: run `npm ci` in tests/browser)"));
    }
    match chromium {
        Some(chromium) if missing.is_empty() => (chromium, axe),
        _ => panic!(
            "browser tests cannot run, missing: {}. scripts/test installs them (Debian packages chromium and \
             chromium-driver, npm package axe-core); run cargo test without --include-ignored to skip these tests",
            missing.join(", ")
        ),
    }
}

async fn start_driver() -> Driver {
    let port = free_port();
    let process = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver { process, port };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return driver;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("chromedriver did not listen on port {port} within 5 s");
}

async fn start_app() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = cryptoreg_web::app(cryptoreg_web::AppState::new(shipped()));
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

async fn browser(driver: &Driver, chromium: &std::path::Path) -> WebDriver {
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary(chromium.to_str().expect("utf-8 path")).expect("binary");
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
    ] {
        caps.add_arg(arg).expect("arg");
    }
    let web = WebDriver::new(format!("http://127.0.0.1:{}", driver.port), caps).await.expect("WebDriver session");
    let cdp = ChromeDevTools::new(web.handle.clone());
    cdp.execute_cdp_with_params("Page.addScriptToEvaluateOnNewDocument", json!({ "source": WATCH }))
        .await
        .expect("watcher");
    web
}

async fn problems(web: &WebDriver) -> Vec<String> {
    let ret = web.execute("return window.__problems || ['watcher missing'];", vec![]).await.expect("script");
    ret.convert::<Vec<String>>().unwrap_or_default()
}

async fn axe_violations(web: &WebDriver, axe: &str) -> Vec<String> {
    web.execute(axe, vec![]).await.expect("inject axe");
    let script = "const done = arguments[arguments.length - 1];\
        axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')))).catch(e => done(['axe failed: ' + e]));";
    let ret = web.execute_async(script, vec![]).await.expect("axe run");
    ret.convert::<Vec<String>>().unwrap_or_else(|e| vec![format!("unreadable axe result: {e}")])
}

async fn column_ids(web: &WebDriver) -> Vec<String> {
    let mut ids = Vec::new();
    for a in web.find_all(By::Css("table.compare thead th a.more")).await.expect("headers") {
        ids.push(a.attr("href").await.ok().flatten().unwrap_or_default());
    }
    ids
}

async fn wait_until<F, Fut>(mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..50 {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Chromium, ChromeDriver and axe-core: run by scripts/test"]
async fn browser_suite() {
    let (chromium, axe) = require_tools();
    let axe = std::fs::read_to_string(axe).expect("read axe");
    let driver = start_driver().await;
    let addr = start_app().await;
    let base = format!("http://{addr}");
    let web = browser(&driver, &chromium).await;
    let result = run_scenarios(&web, &base, &axe).await;
    let _ = web.quit().await;
    if let Err(failures) = result {
        panic!("browser failures:\n{}", failures.join("\n"));
    }
}

async fn run_scenarios(web: &WebDriver, base: &str, axe: &str) -> Result<(), Vec<String>> {
    let mut failures = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            failures.push(what);
        }
    };

    // Sorting by clicking a row header reorders the framework columns in place and sets aria-sort.
    web.goto(format!("{base}/compare?{SEED}")).await.expect("open compare");
    let before = column_ids(web).await;
    check(before.len() == 7, format!("seven columns expected, got {}", before.len()));
    let travel = web
        .find(By::XPath("//tbody//th[.//a[@href='/aspects/travel-rule']]//a[contains(@class,'sort')][1]"))
        .await
        .expect("travel-rule header");
    travel.click().await.expect("click sort");
    let sorted = wait_until(|| async {
        web.find(By::XPath("//tbody//th[.//a[@href='/aspects/travel-rule']]")).await.ok().is_some()
            && matches!(web.find(By::XPath("//tbody//th[.//a[@href='/aspects/travel-rule']]")).await.expect("th").attr("aria-sort").await, Ok(Some(ref v)) if v == "ascending")
    })
    .await;
    check(sorted, "aria-sort=ascending not set on the travel-rule row header after clicking it".into());
    let after = column_ids(web).await;
    check(after != before, format!("column order did not change: {after:?}"));
    let url = web.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    check(url.contains("sort=travel-rule"), format!("URL does not follow the sort: {url}"));
    // Issue #12: keyboard focus stays on the header that sorted, and the caption says what the sort did.
    let focus: Value = web
        .execute("const a = document.activeElement; return {tag: a.tagName, text: a.textContent, inRow: !!a.closest('tbody th')};", vec![])
        .await
        .map(|r| r.json().clone())
        .unwrap_or(Value::Null);
    check(
        focus["tag"] == "A" && focus["inRow"] == true && focus["text"] == "Travel rule",
        format!("focus after sorting: {focus}"),
    );
    let caption = web.find(By::Css("caption .sortnote")).await.expect("caption").text().await.unwrap_or_default();
    check(caption.contains("Columns by their level on Travel rule"), format!("caption after sorting: {caption}"));

    // Orientation: frameworks become rows.
    web.find(By::Css("a.orient")).await.expect("orient link").click().await.expect("click orient");
    let swapped = wait_until(|| async {
        match web.find(By::Css("table.compare thead th.corner a.sort")).await {
            Ok(e) => e.text().await.map(|t| t.starts_with("Framework")).unwrap_or(false),
            Err(_) => false,
        }
    })
    .await;
    check(swapped, "orientation did not switch to frameworks as rows".into());

    // A cell's detail and citations open in a dialog.
    web.goto(format!("{base}/compare?{SEED}")).await.expect("reopen");
    web.find(By::Css("#results a.open")).await.expect("detail link").click().await.expect("click detail");
    let opened = wait_until(|| async {
        web.execute("const d = document.getElementById('cell-dialog'); return d.open && d.querySelectorAll('.doc a.pin[href^=\"http\"]').length > 0;", vec![])
            .await
            .ok()
            .and_then(|r| r.convert::<bool>().ok())
            .unwrap_or(false)
    })
    .await;
    check(opened, "the cell dialog did not open with citations grouped by document".into());
    // Issue #12: it opens at its top, the title in view and focus on the close button beside it.
    let top: Value = web
        .execute("const d = document.getElementById('cell-dialog'); const h = d.querySelector('h2').getBoundingClientRect(); const box = d.getBoundingClientRect(); return {scroll: d.scrollTop, titleVisible: h.top >= box.top && h.bottom <= box.bottom, focus: document.activeElement.className, title: d.querySelector('h2').textContent};", vec![])
        .await
        .map(|r| r.json().clone())
        .unwrap_or(Value::Null);
    check(
        top["scroll"] == 0
            && top["titleVisible"] == true
            && top["focus"] == "close"
            && top["title"].as_str().is_some_and(|t| t.contains(':')),
        format!("the dialog did not open at its top with focus on Close: {top}"),
    );
    web.find(By::Css("#cell-dialog button.close")).await.expect("close").click().await.expect("close dialog");

    // Selecting a framework updates the table in place and the URL follows.
    web.goto(format!("{base}/compare?f=eu-mica&f=us-genius-act")).await.expect("open two");
    web.find(By::Css("details.choose > summary")).await.expect("picker").click().await.expect("open picker");
    web.find(By::Css("label[for='f-fatf-r15']")).await.expect("fatf box").click().await.expect("tick fatf");
    let selected = wait_until(|| async { column_ids(web).await.len() == 3 }).await;
    check(selected, "ticking a framework did not add a column".into());
    let url = web.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    check(url.contains("f=fatf-r15"), format!("URL does not follow the selection: {url}"));
    let p = problems(web).await;
    check(p.is_empty(), format!("console errors or CSP violations: {p:?}"));

    // Issue #12: presets, chips and clear-all change the selection in place.
    web.goto(format!("{base}/compare?{SEED}")).await.expect("open seed");
    web.find(By::XPath("//a[@class='preset'][.='Stablecoin hubs']"))
        .await
        .expect("preset")
        .click()
        .await
        .expect("preset");
    let hubs = wait_until(|| async {
        let ids = column_ids(web).await;
        ids.len() == 7 && ids.iter().all(|h| h.starts_with("/jurisdictions/"))
    })
    .await;
    check(hubs, format!("the stablecoin-hubs preset did not show seven jurisdictions: {:?}", column_ids(web).await));
    web.find(By::Css("a.chip")).await.expect("chip").click().await.expect("remove first");
    let removed = wait_until(|| async { column_ids(web).await.len() == 6 }).await;
    check(removed, "removing a chip did not remove its column".into());
    web.find(By::Css("a.clear")).await.expect("clear all").click().await.expect("clear");
    let cleared = wait_until(|| async {
        web.find(By::Css("#results p.message")).await.is_ok()
            && web.find_all(By::Css("a.chip")).await.map(|c| c.is_empty()).unwrap_or(false)
    })
    .await;
    check(cleared, "clear all did not empty the selection".into());

    // Issue #12: the map's countries open their profiles.
    web.goto(format!("{base}/map")).await.expect("open map");
    // Germany: one piece of land, so the middle of its link is on the country (France's also covers Guiana).
    let germany = web.find(By::Css("svg a[href='/jurisdictions/DE']")).await;
    check(germany.is_ok(), "Germany is not a link on the map".into());
    if let Ok(germany) = germany {
        web.execute("arguments[0].scrollIntoView({block: 'center'});", vec![germany.to_json().expect("json")])
            .await
            .expect("scroll");
        germany.click().await.expect("click Germany");
        let opened =
            wait_until(|| async { web.current_url().await.map(|u| u.path() == "/jurisdictions/DE").unwrap_or(false) })
                .await;
        check(opened, "clicking Germany on the map did not open its profile".into());
    }

    // Issue #12: searching from the header's box lands on ranked results.
    web.goto(format!("{base}/frameworks")).await.expect("open frameworks");
    let search = web.find(By::Css("form.site-search input[name='q']")).await.expect("search box");
    search.send_keys("uae\n").await.expect("type and submit");
    let found = wait_until(|| async { web.find(By::Css("ol.hits a[href='/jurisdictions/AE']")).await.is_ok() }).await;
    check(found, "searching 'uae' from the header did not list the United Arab Emirates".into());

    // Issue #10: the pathfinder's form works without JavaScript: type markets by name, choose the activity, submit.
    let cdp = ChromeDevTools::new(web.handle.clone());
    let no_js = cdp.execute_cdp_with_params("Emulation.setScriptExecutionDisabled", json!({ "value": true })).await;
    check(no_js.is_ok(), format!("could not disable JavaScript: {no_js:?}"));
    web.goto(format!("{base}/path")).await.expect("open path");
    web.find(By::Css("#activity option[value='issue-fiat-stablecoin']"))
        .await
        .expect("activity")
        .click()
        .await
        .expect("choose");
    web.find(By::Id("m-typed")).await.expect("markets").send_keys("EU, Singapore, uae").await.expect("type");
    web.find(By::Css("form.path-form button[type='submit']")).await.expect("submit").click().await.expect("submit");
    let answered = wait_until(|| async { web.find(By::Id("answer-title")).await.is_ok() }).await;
    check(answered, "the pathfinder form gave no answer without JavaScript".into());
    let url = web.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    check(url.contains("activity=issue-fiat-stablecoin"), format!("the answer's URL is not a permalink: {url}"));
    let markets = web.find_all(By::Css("table.markets tbody tr")).await.map(|r| r.len()).unwrap_or(0);
    check(markets == 3, format!("three markets expected in the answer, got {markets}"));
    let _ = cdp.execute_cdp_with_params("Emulation.setScriptExecutionDisabled", json!({ "value": false })).await;

    // Accessibility at desktop and phone widths, in light and dark mode, and no console errors or CSP violations on
    // any page.
    for (width, height, scheme) in
        [(1280u32, 900u32, "light"), (375, 812, "light"), (1280, 900, "dark"), (375, 812, "dark")]
    {
        web.set_window_rect(0, 0, width, height).await.expect("resize");
        let media = json!({ "media": "", "features": [{ "name": "prefers-color-scheme", "value": scheme }] });
        cdp.execute_cdp_with_params("Emulation.setEmulatedMedia", media).await.expect("colour scheme");
        for path in [
            "/".to_owned(),
            format!("/compare?{SEED}"),
            "/frameworks/eu-mica".to_owned(),
            "/aspects/travel-rule".to_owned(),
            "/jurisdictions".to_owned(),
            "/jurisdictions/FR".to_owned(),
            "/compare?j=EU&j=US&j=SG&f=fatf-r15".to_owned(),
            "/alignment".to_owned(),
            "/alignment/EU".to_owned(),
            "/gaps".to_owned(),
            "/path".to_owned(),
            "/changes".to_owned(),
            "/search?q=travel".to_owned(),
            format!("/compare?{SEED}&diff=2024-01-01"),
            "/path?activity=issue-fiat-stablecoin&m=EU&m=US&m=SG&m=HK&m=AE&m=JP".to_owned(),
            "/map".to_owned(),
            "/map?standard=fsb-stablecoins".to_owned(),
            "/about?cell=eu-mica/travel-rule".to_owned(),
            "/frameworks".to_owned(),
            "/aspects".to_owned(),
            "/methodology".to_owned(),
            "/glossary".to_owned(),
            "/jurisdictions/US".to_owned(),
        ] {
            web.goto(format!("{base}{path}")).await.expect("open page");
            let v = axe_violations(web, axe).await;
            check(v.is_empty(), format!("axe at {width}px ({scheme}) on {path}: {v:?}"));
            let p = problems(web).await;
            check(p.is_empty(), format!("console errors or CSP violations at {width}px ({scheme}) on {path}: {p:?}"));
        }
    }
    // Issue #12: at 375 px each aspect is a card, each value labelled with its column; the page does not scroll
    // sideways and no box inside it scrolls either.
    let media = json!({ "media": "", "features": [{ "name": "prefers-color-scheme", "value": "light" }] });
    cdp.execute_cdp_with_params("Emulation.setEmulatedMedia", media).await.expect("colour scheme");
    web.set_window_rect(0, 0, 375, 812).await.expect("resize");
    web.goto(format!("{base}/compare?{SEED}")).await.expect("open compare");
    let layout: Value = web
        .execute("const w = document.querySelector('.table-wrap'); const tr = document.querySelector('tbody tr'); const td = tr.querySelector('td'); return {row: getComputedStyle(tr).display, label: getComputedStyle(td, '::before').content, inner: w.scrollWidth <= w.clientWidth + 1, page: document.documentElement.scrollWidth <= window.innerWidth + 1};", vec![])
        .await
        .map(|r| r.json().clone())
        .unwrap_or(Value::Null);
    check(
        layout["row"] == "block"
            && layout["label"] == "\"FSB crypto-assets\""
            && layout["inner"] == true
            && layout["page"] == true,
        format!("narrow layout is not cards: {layout}"),
    );
    web.set_window_rect(0, 0, 1280, 900).await.expect("resize");

    if failures.is_empty() { Ok(()) } else { Err(failures) }
}
