//! Memory and cold start where the user is (issue 16): the release build in
//! headless Chromium loads a 10 000-lead workspace (the sample), then a
//! 100 000-lead one (a backup imported through the Data page: file chosen →
//! the app shows it, timed), each after reloads. Memory is the wasm memory
//! (its high-water mark: wasm memory never shrinks) and the JS heap after a
//! forced garbage collection, once the leads are drawn; cold start is
//! navigation → the first lead row, and → the Today queue, as the page
//! itself records them (a `MutationObserver` installed before any script,
//! `performance.now()` counts from the navigation). The browser keeps its
//! HTTP cache between reloads (a returning user). `make bench-memory`;
//! never run by `make test`.

use leadpact_e2e::pages::{LeadsPage, Screen};
use leadpact_e2e::{Cdp, serve_and_open};
use std::time::Duration;

const SERVER: &str = env!("CARGO_BIN_EXE_pages-server");

/// Keeps the wasm instance's memory where a script can read it (Trunk
/// announces the instance in `TrunkApplicationStarted`).
/// It also notes when the first lead row and the Today queue are drawn.
const KEEP_MEMORY: &str = "addEventListener('TrunkApplicationStarted', e => { window.__wasmMemory = e.detail.wasm.memory; });
window.__drawn = {};
new MutationObserver(() => {
  const d = window.__drawn;
  if (d.row === undefined && document.querySelector(\"[data-testid='lead-row']\")) d.row = performance.now();
  if (d.today === undefined && document.querySelector(\"[data-testid='queue-item'],[data-testid='queue-empty']\")) d.today = performance.now();
}).observe(document, { childList: true, subtree: true });";

async fn figures(c: &fantoccini::Client, s: &Screen<'_>) -> (f64, f64) {
    c.issue_cmd(Cdp {
        cmd: "HeapProfiler.collectGarbage",
        params: serde_json::json!({}),
    })
    .await
    .expect("collect garbage");
    let v = s
        .eval("return [window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : -1, performance.memory.usedJSHeapSize]")
        .await;
    let mib = |i: usize| v[i].as_f64().unwrap_or(-1.0) / 1_048_576.0;
    (mib(0), mib(1))
}

/// Reloads three times and prints the figures once `count` leads show.
async fn reloads(c: &fantoccini::Client, s: &Screen<'_>, page: &LeadsPage<'_>, count: &str) {
    for run in 1..=3 {
        c.refresh().await.expect("reload");
        page.wait_ready().await;
        s.wait_texts("lead-count", "the leads after the reload", |t| {
            t.concat().starts_with(count)
        })
        .await;
        let row = s.eval("return window.__drawn.row").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (wasm, js) = figures(c, s).await;
        println!(
            "reload {run}, {count}leads drawn: navigation → first lead row {:.0} ms; wasm memory {wasm:.0} MiB, JS heap {js:.1} MiB",
            row.as_f64().unwrap_or(-1.0)
        );
    }
}

/// Reloads Today three times and prints navigation → the queue drawn.
async fn today(c: &fantoccini::Client, s: &Screen<'_>, count: &str) {
    s.nav("nav-today", "page-today").await;
    for run in 1..=3 {
        c.refresh().await.expect("reload");
        s.find("page-today").await;
        let drawn = wait_drawn(s, "today").await;
        println!("reload {run}, {count}leads: navigation → Today's queue drawn {drawn:.0} ms");
    }
    s.nav("nav-leads", "page-leads").await;
}

async fn wait_drawn(s: &Screen<'_>, what: &str) -> f64 {
    for _ in 0..600 {
        if let Some(t) = s
            .eval(&format!("return window.__drawn.{what}"))
            .await
            .as_f64()
        {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what} never drawn");
}

#[tokio::test]
async fn wasm_memory_after_loading_10_000_leads() {
    let (_server, browser) =
        serve_and_open(SERVER, "LEADPACT_DIST_ROOT", "/", "memory", "leads").await;
    let c = &browser.client;
    c.issue_cmd(Cdp {
        cmd: "Page.addScriptToEvaluateOnNewDocument",
        params: serde_json::json!({ "source": KEEP_MEMORY }),
    })
    .await
    .expect("keep the wasm memory");
    let page = LeadsPage::new(c);
    let s = Screen::new(c);
    page.wait_ready().await;
    // A workspace in use first, as the 10 000 sample then asks to replace it.
    page.load_sample(300).await;
    s.nav("nav-data", "page-data").await;
    s.select("sample-size", "10000").await;
    s.click("data-load-sample").await;
    s.click("confirm-sample-replace").await;
    s.nav("nav-leads", "page-leads").await;
    s.wait_texts("lead-count", "10 000 leads", |t| {
        t.concat().starts_with("10,000 ")
    })
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    reloads(c, &s, &page, "10,000 ").await;
    today(c, &s, "10,000 ").await;

    // 100 000 leads, from a backup chosen on the Data page.
    let dir = browser.downloads().with_file_name("inputs");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let file = dir.join("100k.json");
    let now = chrono::Utc::now();
    let big = leadpact::domain::sample::generate(1, 100_000, 20, now);
    std::fs::write(&file, leadpact::io::backup::export_json(&big, now)).expect("write backup");
    drop(big);
    s.nav("nav-data", "page-data").await;
    let chosen = std::time::Instant::now();
    page.choose_backup(&file).await;
    s.click("confirm-replace").await;
    s.find("toast").await;
    let imported = chosen.elapsed();
    s.nav("nav-leads", "page-leads").await;
    s.wait_texts("lead-count", "100 000 leads", |t| {
        t.concat().starts_with("100,000 ")
    })
    .await;
    println!(
        "a 100 000-lead backup through the Data page: file chosen → confirmed → stored and shown (the toast) {:.2} s (WebDriver round trips included)",
        imported.as_secs_f64()
    );
    let (wasm, js) = figures(c, &s).await;
    println!("right after importing 100 000 leads: wasm memory {wasm:.0} MiB, JS heap {js:.1} MiB");
    tokio::time::sleep(Duration::from_secs(2)).await;
    reloads(c, &s, &page, "100,000 ").await;
    today(c, &s, "100,000 ").await;
    browser.close().await;
}
