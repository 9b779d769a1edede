//! Journeys through the release build in headless Chromium, served the way
//! GitHub Pages serves it: at the site root and under a sub-path.

use leadpact_e2e::pages::{LeadPage, LeadsPage, Screen};
use leadpact_e2e::{Browser, PagesServer, dist, serve_and_open};

const SERVER: &str = env!("CARGO_BIN_EXE_pages-server");

#[tokio::test]
async fn leads_and_stages_survive_a_reload() {
    let (_server, browser) =
        serve_and_open(SERVER, "LEADPACT_DIST_ROOT", "/", "reload", "leads").await;
    let c = &browser.client;
    let page = LeadsPage::new(c);
    page.wait_ready().await;

    page.add_lead("Nguyễn Văn An", "0912 345 678", "Facebook")
        .await;
    page.add_lead("Trần Thị Bình", "+84 387 654 321", "Zalo")
        .await;
    page.advance("Nguyễn Văn An", "Interested").await;

    c.refresh().await.expect("reload");
    page.wait_ready().await;
    let mut rows = page.wait_rows(2).await;
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.name.as_str(), r.stage.as_str()))
        .collect();
    assert_eq!(
        got,
        [("Nguyễn Văn An", "Interested"), ("Trần Thị Bình", "New")]
    );
    for width in [1280, 375] {
        browser.screenshot("leads", width).await;
    }
    browser.close().await;
}

#[tokio::test]
async fn the_app_works_under_a_sub_path_with_deep_link_reload() {
    let (server, browser) = serve_and_open(
        SERVER,
        "LEADPACT_DIST_SUBPATH",
        "/leadpact/",
        "subpath",
        "leads",
    )
    .await;
    let c = &browser.client;
    let page = LeadsPage::new(c);
    page.wait_ready().await;
    page.add_lead("Lê Minh Châu", "0901234567", "Google").await;
    page.advance("Lê Minh Châu", "Interested").await;

    let lead = page.open("Lê Minh Châu").await;
    assert_eq!(
        lead.title_and_stage().await,
        ("Lê Minh Châu".into(), "Interested".into())
    );
    let deep_link = c.current_url().await.expect("url").to_string();
    assert!(
        deep_link.starts_with(&format!("{}leads/", server.url)),
        "the lead page lives under the sub-path: {deep_link}"
    );

    // A reload on the deep link is served by 404.html, like on GitHub Pages.
    c.refresh().await.expect("reload the deep link");
    let lead = LeadPage::new(c);
    assert_eq!(
        lead.title_and_stage().await,
        ("Lê Minh Châu".into(), "Interested".into())
    );
    assert_eq!(lead.history_len().await, 2);
    for width in [1280, 375] {
        browser.screenshot("lead", width).await;
    }

    // Opening the deep link in a fresh navigation works too.
    c.goto(&format!("{}leads", server.url))
        .await
        .expect("back to the list");
    LeadsPage::new(c).wait_rows(1).await;
    c.goto(&deep_link)
        .await
        .expect("open the deep link directly");
    assert_eq!(LeadPage::new(c).title_and_stage().await.0, "Lê Minh Châu");
    browser.close().await;
}

#[tokio::test]
async fn first_run_sample_data_survives_a_reload_and_shows_sla_clocks() {
    let (_server, browser) =
        serve_and_open(SERVER, "LEADPACT_DIST_ROOT", "/", "sample", "leads").await;
    let c = &browser.client;
    let page = LeadsPage::new(c);
    page.wait_ready().await;
    let rows = page.load_sample(300).await;
    c.refresh().await.expect("reload");
    page.wait_ready().await;
    assert_eq!(
        page.wait_rows(300).await,
        rows,
        "the sample workspace was stored in one piece"
    );
    for width in [1280, 375] {
        browser.screenshot("sample-leads", width).await;
    }
    let first = rows[0].name.clone();
    let lead = page.open(&first).await;
    assert_eq!(lead.title_and_stage().await.0, first);
    let first_response = lead.clock("clock-first-response").await;
    let known = [
        "on track",
        "at risk",
        "breached",
        "met",
        "paused",
        "not applicable",
    ];
    assert!(
        known.iter().any(|s| first_response.starts_with(s)),
        "first response clock: {first_response}"
    );
    for width in [1280, 375] {
        browser.screenshot("lead-clocks", width).await;
    }
    browser.close().await;
}

#[tokio::test]
async fn two_tabs_stay_in_step_and_keep_each_others_edits() {
    let (server, browser) =
        serve_and_open(SERVER, "LEADPACT_DIST_ROOT", "/", "tabs", "leads").await;
    let c = &browser.client;
    let first = c.window().await.expect("tab 1 handle");
    let page = LeadsPage::new(c);
    page.wait_ready().await;
    let second = c.new_window(true).await.expect("open tab 2").handle;
    c.switch_to_window(second.clone()).await.expect("to tab 2");
    c.goto(&format!("{}leads", server.url))
        .await
        .expect("load the app in tab 2");
    page.wait_ready().await;

    // An edit in tab 1 appears in tab 2 without a reload.
    c.switch_to_window(first.clone()).await.expect("to tab 1");
    page.add_lead("Hồ Thị Mai", "0912 111 222", "Zalo").await;
    c.switch_to_window(second.clone()).await.expect("to tab 2");
    page.wait_rows(1).await;

    // Tab 2 advances it and adds another; tab 1 sees both.
    page.advance("Hồ Thị Mai", "Interested").await;
    page.add_lead("Ngô Văn Tài", "0912 333 444", "Referral")
        .await;
    c.switch_to_window(first).await.expect("to tab 1");
    let rows = page.wait_rows(2).await;
    for _ in 0..100 {
        if page
            .rows()
            .await
            .iter()
            .any(|r| r.name == "Hồ Thị Mai" && r.stage == "Interested")
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let mai = page
        .rows()
        .await
        .into_iter()
        .find(|r| r.name == "Hồ Thị Mai")
        .expect("Mai in tab 1");
    assert_eq!(
        mai.stage, "Interested",
        "tab 1 shows tab 2's stage move: {rows:?}"
    );

    // Both edits survive a reload of either tab.
    c.refresh().await.expect("reload tab 1");
    page.wait_ready().await;
    assert_eq!(page.wait_rows(2).await.len(), 2);
    browser.close().await;
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(name)
}

#[tokio::test]
async fn backups_export_import_and_bad_files_change_nothing() {
    let (_server, browser) =
        serve_and_open(SERVER, "LEADPACT_DIST_ROOT", "/", "backup", "leads").await;
    let c = &browser.client;
    let page = LeadsPage::new(c);
    page.wait_ready().await;

    // Export what is there: a file a person can read without the app.
    page.load_sample(300).await;
    let screen = Screen::new(c);
    screen.nav("nav-data", "page-data").await;
    page.export_backup().await;
    let exported = browser.download("json").await;
    assert!(
        exported
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("leadpact-backup-")
    );
    let backup: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&exported).unwrap()).unwrap();
    assert_eq!(backup["format"], "leadpact-backup");
    assert_eq!(backup["data"]["leads"].as_array().unwrap().len(), 300);

    // A hostile file is refused with its reason, and nothing changes.
    page.choose_backup(&fixture(
        "bad/dangling-reference__activity_unknown_lead.json",
    ))
    .await;
    let error = page.error_text().await;
    assert!(
        error.contains("Activity 1, field “lead”") && error.contains("data.activities[0].lead"),
        "the error says where, in words and in the file: {error}"
    );
    screen.nav("nav-leads", "page-leads").await;
    assert_eq!(page.wait_rows(300).await.len(), 300);

    // A good backup replaces everything after a confirmation, and stays after a reload.
    screen.nav("nav-data", "page-data").await;
    page.import_backup(&fixture("backup-v1.json")).await;
    screen.nav("nav-leads", "page-leads").await;
    page.wait_rows(4).await;
    c.refresh().await.expect("reload");
    page.wait_ready().await;
    assert_eq!(page.wait_rows(4).await.len(), 4);

    // Merging the earlier export adds its 300 leads and keeps the 4.
    screen.nav("nav-data", "page-data").await;
    page.choose_backup(&exported).await;
    screen.click("confirm-merge").await;
    let toast = screen
        .wait_texts("toast-text", "merge report", |t| !t.is_empty())
        .await;
    assert!(toast[0].contains("300 added"), "{toast:?}");
    screen.nav("nav-leads", "page-leads").await;
    assert_eq!(page.wait_rows(304).await.len(), 304);
    browser.close().await;
}

/// The lead count the list shows ("N leads").
async fn shown_count(screen: &Screen<'_>) -> usize {
    let t = screen
        .wait_texts("lead-count", "lead count", |t| !t.is_empty())
        .await;
    t[0].split_whitespace()
        .next()
        .and_then(|n| n.replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("no count in {t:?}"))
}

#[tokio::test]
async fn a_reload_in_the_middle_of_a_large_import_leaves_old_or_new_never_a_mix() {
    use leadpact::domain::sample::generate;
    use leadpact::io::backup::export_json;
    let server = PagesServer::start(SERVER, &dist("LEADPACT_DIST_ROOT"), "/");
    let browser = Browser::start("midimport").await;
    let big_leads = 10_000;
    let now = chrono::Utc::now();
    let big = generate(7, big_leads, 10, now);
    let big_path = browser.downloads().with_file_name("big-backup.json");
    std::fs::write(&big_path, export_json(&big, now)).expect("write the large backup");
    let c = &browser.client;
    c.goto(&format!("{}leads", server.url))
        .await
        .expect("open the lead list");
    let page = LeadsPage::new(c);
    let screen = Screen::new(c);
    page.wait_ready().await;
    screen.nav("nav-data", "page-data").await;
    page.import_backup(&fixture("backup-v1.json")).await;
    screen.nav("nav-leads", "page-leads").await;
    let old = page.wait_rows(4).await;
    let old_ids = page.row_ids().await;

    let mut outcomes = Vec::new();
    for delay_ms in [0u64, 100, 300, 1500] {
        screen.nav("nav-data", "page-data").await;
        page.choose_backup(&big_path).await;
        // Parsing and validation happen before the confirmation; the write
        // starts on the click. Reload while it runs.
        screen.click("confirm-replace").await;
        tokio::time::sleep(std::time::Duration::from_millis(delay_ms)).await;
        c.refresh().await.expect("reload mid-import");
        c.goto(&format!("{}leads", server.url))
            .await
            .expect("open the lead list");
        page.wait_ready().await;
        let n = shown_count(&screen).await;
        assert!(
            n == 4 || n == big_leads,
            "after a reload {delay_ms} ms into the import: {n} leads, a mix"
        );
        if n == 4 {
            assert_eq!(page.wait_rows(4).await, old, "the old workspace, intact");
        } else {
            // By id: the sample's names come from the same Vietnamese
            // names as the old leads', so a name may well repeat.
            let shown = page.row_ids().await;
            assert!(
                !old_ids.iter().any(|o| shown.contains(o)),
                "no old lead next to the new ones"
            );
        }
        outcomes.push((delay_ms, n));
        if n == big_leads {
            break;
        }
    }
    eprintln!("reload mid-import outcomes (delay ms, leads): {outcomes:?}");
    browser.close().await;
}

#[tokio::test]
async fn data_from_a_newer_app_version_is_left_alone_with_a_clear_message() {
    let dist_root = dist("LEADPACT_DIST_ROOT");
    let server = PagesServer::start(SERVER, &dist_root, "/");
    let browser = Browser::start("newer").await;
    let c = &browser.client;
    // A same-origin page that is not the app: the icon.
    c.goto(&format!("{}favicon.svg", server.url))
        .await
        .expect("open the icon");
    // A newer Leadpact upgraded the database to schema 99 and stored a lead.
    let done = c
        .execute_async(
            r#"const cb = arguments[arguments.length - 1];
               const r = indexedDB.open("leadpact", 99);
               r.onupgradeneeded = () => r.result.createObjectStore("future");
               r.onsuccess = () => {
                 const tx = r.result.transaction("future", "readwrite");
                 tx.objectStore("future").put("a lead from the future", "k");
                 tx.oncomplete = () => { r.result.close(); cb("ok"); };
               };
               r.onerror = () => cb("error " + r.error);"#,
            vec![],
        )
        .await
        .expect("create a schema-99 database");
    assert_eq!(done, "ok");

    c.goto(&server.url).await.expect("open the app");
    let screen = Screen::new(c);
    let error = LeadsPage::new(c).error_text().await;
    assert!(error.contains("newer version"), "{error}");
    screen.find("read-only").await;
    // The app is still usable for reading: every screen opens.
    screen.nav("nav-funnel", "page-funnel").await;
    screen.nav("nav-today", "page-today").await;
    // Nothing was touched: the newer data is still there.
    let kept = c
        .execute_async(
            r#"const cb = arguments[arguments.length - 1];
               const r = indexedDB.open("leadpact");
               r.onsuccess = () => {
                 const db = r.result;
                 const v = db.version;
                 db.transaction("future").objectStore("future").get("k").onsuccess = (e) => {
                   db.close(); cb(v + " " + e.target.result);
                 };
               };"#,
            vec![],
        )
        .await
        .expect("read the database back");
    assert_eq!(kept, "99 a lead from the future");
    browser.close().await;
}

/// Settings saved from a copy another tab has since changed are refused:
/// nothing is overwritten, the app reloads and says so, and the same change
/// made again on the latest settings is saved. The other tab's write is
/// simulated by writing the settings record straight into IndexedDB, with
/// no message to this tab, so this tab's copy is stale.
#[tokio::test]
async fn settings_saved_from_a_stale_copy_are_refused_and_reloaded() {
    let (_server, browser) = serve_and_open(
        SERVER,
        "LEADPACT_DIST_ROOT",
        "/",
        "stale-settings",
        "settings",
    )
    .await;
    let c = &browser.client;
    let s = Screen::new(c);
    s.find("page-settings").await;
    s.type_into("rep-name", "Phan Thu Hà").await;
    s.click("add-rep").await;
    s.wait_texts("rep-row", "the first rep", |t| {
        t.iter().any(|r| r.contains("Phan Thu Hà"))
    })
    .await;

    // Another tab renames that rep (writing the record as schema 4 keeps
    // it: `{ v: version, d: Blob of JSON }`).
    let done = c
        .execute_async(
            r#"const cb = arguments[arguments.length - 1];
               const r = indexedDB.open("leadpact");
               r.onsuccess = () => {
                 const db = r.result;
                 const get = db.transaction("settings").objectStore("settings").get("settings");
                 get.onsuccess = async (e) => {
                   const settings = JSON.parse(await e.target.result.d.text());
                   settings.reps[0].name = "Hà (renamed elsewhere)";
                   const d = new Blob([JSON.stringify(settings)], { type: "application/json" });
                   const put = db.transaction("settings", "readwrite").objectStore("settings")
                     .put({ v: Math.floor(Math.random() * 1e15) + 1, d }, "settings");
                   put.onsuccess = () => { db.close(); cb("ok"); };
                   put.onerror = () => cb("error " + put.error);
                 };
               };
               r.onerror = () => cb("error " + r.error);"#,
            vec![],
        )
        .await
        .expect("write the settings from elsewhere");
    assert_eq!(done, "ok");

    // This tab, still showing the old name, adds a rep: refused and reloaded.
    s.type_into("rep-name", "Đỗ Minh").await;
    s.click("add-rep").await;
    let error = LeadsPage::new(c).error_text().await;
    assert!(
        error.contains("settings were changed in another tab"),
        "{error}"
    );
    let rows = s
        .wait_texts("rep-row", "the other tab's settings", |t| {
            t.iter().any(|r| r.contains("renamed elsewhere"))
        })
        .await;
    assert!(
        !rows.iter().any(|r| r.contains("Đỗ Minh")),
        "the refused rep was not saved: {rows:?}"
    );

    // Made again on the latest settings, the change is saved next to the rename.
    s.type_into("rep-name", "Đỗ Minh").await;
    s.click("add-rep").await;
    s.wait_texts("rep-row", "both edits", |t| {
        t.iter().any(|r| r.contains("Đỗ Minh")) && t.iter().any(|r| r.contains("renamed elsewhere"))
    })
    .await;
    c.refresh().await.expect("reload");
    s.find("page-settings").await;
    s.wait_texts("rep-row", "both edits after a reload", |t| {
        t.len() == 2
            && t.iter().any(|r| r.contains("Đỗ Minh"))
            && t.iter().any(|r| r.contains("renamed elsewhere"))
    })
    .await;
    browser.close().await;
}
