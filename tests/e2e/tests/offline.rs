//! Installable and offline, at the site root and under a sub-path: a first
//! visit installs the service worker; with the network cut, a reload opens
//! the app with its data; a new build, once online, is offered as "a new
//! version is ready — reload", and reloading runs it. Every page keeps its
//! Content-Security-Policy (checked at every screenshot, see `Browser`).
//! Before the app arrives, a first visit reads the app's welcome; later
//! visits and deep links a skeleton. A lazily loaded page that cannot be
//! fetched says so and opens on "try again".

use leadpact_e2e::pages::{LeadsPage, Screen};
use leadpact_e2e::{Browser, Cdp, PagesServer, Scratch, dist, serve_and_open, set_offline};
use std::path::Path;
use std::time::Duration;

const SERVER: &str = env!("CARGO_BIN_EXE_pages-server");

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy");
    for entry in std::fs::read_dir(from).expect("read the build") {
        let entry = entry.expect("entry");
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy a file");
        }
    }
}

/// Unregisters the service worker and empties its caches: the next visit
/// fetches the build from the network again.
async fn forget_the_build(c: &fantoccini::Client) {
    c.execute_async(
        r#"const done = arguments[arguments.length - 1];
        navigator.serviceWorker.getRegistrations()
            .then((rs) => Promise.all(rs.map((r) => r.unregister())))
            .then(() => caches.keys())
            .then((ks) => Promise.all(ks.map((k) => caches.delete(k))))
            .then(() => done(true));"#,
        vec![],
    )
    .await
    .expect("forget the cached build");
}

async fn wait_until(s: &Screen<'_>, what: &str, script: &str) {
    for _ in 0..400 {
        if s.eval(script).await == serde_json::Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("never: {what}");
}

async fn offline_then_update(dist_var: &str, prefix: &str, label: &str) {
    // A copy of the build, so the test can publish a "new build" into it.
    let scratch = Scratch::new(label);
    let site = scratch.path().join("site");
    copy_dir(&dist(dist_var), &site);
    let server = PagesServer::start(SERVER, &site, prefix);
    let browser = Browser::start(label).await;
    let c = &browser.client;
    c.goto(&format!("{}leads", server.url))
        .await
        .expect("open the app");
    let leads = LeadsPage::new(c);
    leads.wait_ready().await;
    leads.add_lead("Đặng Thu Hà", "0912 321 654", "Zalo").await;
    let s = Screen::new(c);
    wait_until(
        &s,
        "the service worker controls the page",
        "return !!navigator.serviceWorker.controller",
    )
    .await;
    let manifest = s
        .eval("return document.querySelector('link[rel=manifest]').href")
        .await;
    assert_eq!(
        manifest.as_str(),
        Some(format!("{}manifest.webmanifest", server.url).as_str()),
        "the manifest sits beside the app, sub-path included"
    );

    // No network: a reload (and a deep link) still opens the app, with its data.
    set_offline(c, true).await;
    c.refresh().await.expect("reload offline");
    leads.wait_ready().await;
    assert_eq!(leads.wait_rows(1).await[0].name, "Đặng Thu Hà");
    c.goto(&format!("{}funnel", server.url))
        .await
        .expect("a deep link offline");
    s.find("page-funnel").await;
    let current = s
        .eval("return [...document.querySelectorAll('nav [aria-current=page]')].map(a => a.textContent)")
        .await;
    assert_eq!(
        current,
        serde_json::json!(["Funnel"]),
        "only the page shown is marked current"
    );
    browser.screenshot(&format!("{label}-offline"), 375).await;
    c.set_window_size(1280, 900).await.expect("resize back");

    // Back online after a new build was published: the page offers it.
    set_offline(c, false).await;
    let sw = site.join("sw.js");
    let mut text = std::fs::read_to_string(&sw).expect("read sw.js");
    text = text.replacen("const VERSION = \"", "const VERSION = \"next-", 1);
    std::fs::write(&sw, text).expect("publish a new build");
    s.eval("navigator.serviceWorker.getRegistration().then(r => r.update())")
        .await;
    let said = s
        .wait_texts("update-ready", "the new version offered", |t| {
            t.first().is_some_and(|t| t.contains("new version"))
        })
        .await;
    assert!(said[0].contains("ready"), "{said:?}");
    browser.screenshot(&format!("{label}-update"), 375).await;
    c.set_window_size(1280, 900).await.expect("resize back");
    s.eval("window.__before = true").await;
    s.click("update-reload").await;
    wait_until(
        &s,
        "the page loaded again",
        "return window.__before === undefined && !!document.querySelector(\"[data-testid='nav-leads']\")",
    )
    .await;
    assert!(
        s.texts("update-ready").await.is_empty(),
        "nothing more to offer"
    );
    let keys = c
        .execute_async(
            "const done = arguments[0]; caches.keys().then(done)",
            vec![],
        )
        .await
        .expect("read the caches");
    let keys: Vec<String> = serde_json::from_value(keys).expect("cache names");
    let builds: Vec<&String> = keys
        .iter()
        .filter(|k| k.starts_with("leadpact-build-"))
        .collect();
    assert_eq!(builds.len(), 1, "the old version's cache is gone: {keys:?}");
    assert!(builds[0].starts_with("leadpact-build-next-"), "{keys:?}");
    s.nav("nav-leads", "page-leads").await;
    assert_eq!(leads.wait_rows(1).await[0].name, "Đặng Thu Hà");
    browser.close().await;
}

#[tokio::test]
async fn offline_reload_and_update_prompt_at_the_site_root() {
    offline_then_update("LEADPACT_DIST_ROOT", "/", "offline-root").await;
}

#[tokio::test]
async fn offline_reload_and_update_prompt_under_a_sub_path() {
    offline_then_update("LEADPACT_DIST_SUBPATH", "/leadpact/", "offline-subpath").await;
}

/// What the page shows while the wasm is held back: the welcome's heading,
/// or "skeleton" when the skeleton is what shows.
async fn before_the_app(c: &fantoccini::Client, s: &Screen<'_>, url: &str) -> String {
    c.goto(url).await.expect("open the page");
    let shown = s
        .eval(
            r##"const shown = [...document.querySelectorAll("#boot .boot-welcome, #boot .boot-skeleton")]
                .filter((e) => e.offsetParent !== null);
            return shown.length === 1
                ? (shown[0].classList.contains("boot-skeleton") ? "skeleton" : shown[0].querySelector("h2").innerText)
                : "shown: " + shown.length;"##,
        )
        .await;
    shown.as_str().expect("a text").to_owned()
}

#[tokio::test]
async fn a_first_visit_reads_the_welcome_before_the_app_arrives() {
    let (server, browser) =
        serve_and_open(SERVER, "LEADPACT_DIST_SUBPATH", "/leadpact/", "shell", "").await;
    let c = &browser.client;
    let s = Screen::new(c);
    let block = |urls: Vec<&str>| Cdp {
        cmd: "Network.setBlockedURLs",
        params: serde_json::json!({ "urls": urls }),
    };
    c.issue_cmd(Cdp {
        cmd: "Network.enable",
        params: serde_json::json!({}),
    })
    .await
    .expect("enable the network domain");
    // The first visit's app ran already: start again as a new visitor (no
    // saved language, no service worker to serve the held-back wasm).
    s.find("first-run").await;
    s.eval("localStorage.clear()").await;
    forget_the_build(c).await;
    c.issue_cmd(block(vec!["*.wasm"]))
        .await
        .expect("hold back the wasm");
    let root = server.url.clone();
    assert_eq!(before_the_app(c, &s, &root).await, "Welcome to Leadpact");
    assert_eq!(
        before_the_app(c, &s, &format!("{root}leads")).await,
        "skeleton",
        "a deep link does not open on Today's welcome"
    );
    c.issue_cmd(block(vec![]))
        .await
        .expect("let the wasm through");
    c.goto(&root).await.expect("open the app");
    s.find("first-run").await;
    assert_eq!(
        s.eval(r#"return document.getElementById("boot") === null;"#)
            .await,
        serde_json::Value::Bool(true),
        "the app took the page's place"
    );
    // The first paint waited for index.html alone: the stylesheet is inlined,
    // and the wasm was asked for once the page had painted.
    assert_eq!(
        s.eval(
            r#"const painted = performance.getEntriesByName("first-contentful-paint")[0];
               const files = performance.getEntriesByType("resource");
               const wasm = files.find((f) => f.name.endsWith("/leadpact_bg.wasm"));
               return [
                 painted ? "painted" : "no paint",
                 !wasm ? "no wasm" : painted && wasm.startTime >= painted.startTime ? "wasm after the paint" : "wasm before the paint",
                 files.filter((f) => f.name.endsWith(".css")).length,
               ];"#
        )
        .await,
        serde_json::json!(["painted", "wasm after the paint", 0])
    );
    // The app has been here (its language is saved): a skeleton from now on.
    c.issue_cmd(block(vec!["*.wasm"]))
        .await
        .expect("hold back the wasm");
    assert_eq!(before_the_app(c, &s, &root).await, "skeleton");

    // A page that arrives when first opened (src/ui/lazy.rs), with the
    // network cut before the service worker could keep it: the page says
    // so, and "try again" opens it once the network is back.
    // The sample data's generator is held back too, for later (so the
    // service worker, which keeps every module or none, never installs).
    forget_the_build(c).await;
    c.issue_cmd(block(vec![
        "*/split_settings_page.wasm",
        "*/split_sample_data.wasm",
    ]))
    .await
    .expect("hold back the settings page");
    c.goto(&root).await.expect("open the app");
    s.click("nav-settings").await;
    let said = s
        .wait_texts("page-load-failed", "the page says it could not load", |t| {
            !t.is_empty()
        })
        .await;
    assert!(
        said[0].contains("could not be loaded") && said[0].contains("Try again"),
        "{said:?}"
    );
    assert!(s.texts("page-settings").await.is_empty());
    browser.screenshot("lazy-page-offline", 375).await;
    browser.screenshot("lazy-page-offline", 1280).await;
    s.click("lang-toggle").await;
    let said = s
        .wait_texts("page-load-failed", "the page says it in Vietnamese", |t| {
            t.first()
                .is_some_and(|t| t.contains("Không tải được trang này"))
        })
        .await;
    assert!(said[0].contains("Thử lại"), "{said:?}");
    browser.screenshot("lazy-page-offline-vi", 375).await;
    browser.screenshot("lazy-page-offline-vi", 1280).await;
    c.issue_cmd(block(vec!["*/split_sample_data.wasm"]))
        .await
        .expect("the network is back (but for the sample generator)");
    s.click("page-load-retry").await;
    s.find("page-settings").await;
    assert!(s.texts("page-load-failed").await.is_empty());
    // The sample data's generator arrives the same way (its own module):
    // held back, "load sample data" says so and changes nothing.
    s.nav("nav-today", "first-run").await;
    s.click("load-sample").await;
    let said = s
        .wait_texts(
            "error-banner",
            "the sample data says it could not load",
            |t| !t.is_empty(),
        )
        .await;
    assert!(
        said[0].contains("Không tải được phần này") && !said[0].contains("could not"),
        "{said:?}"
    );
    assert!(s.texts("queue").await.is_empty(), "nothing was loaded");
    s.find("first-run").await;
    browser.screenshot("sample-offline-vi", 375).await;
    browser.screenshot("sample-offline-vi", 1280).await;
    s.click("lang-toggle").await;
    s.wait_texts("error-banner", "the sample data says it in English", |t| {
        t.first()
            .is_some_and(|t| t.contains("This part of Leadpact could not be loaded"))
    })
    .await;
    browser.screenshot("sample-offline", 375).await;
    browser.screenshot("sample-offline", 1280).await;
    browser.close().await;
}
