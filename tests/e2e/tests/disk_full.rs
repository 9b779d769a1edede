//! A full device must never cost the workspace (issue 17).
//!
//! The browser's profile lives on a small tmpfs; before each action the test
//! takes every free byte (as photos and apps do on a budget phone), performs
//! the action as a person would, reads the message, then frees the space,
//! reloads and checks that the stored workspace is exactly what it was.
//! A second journey plays the browser dropping the stored data while the app
//! is open (DevTools clears the site's IndexedDB): the app says so and offers
//! what is on screen as a backup download, and to store it again.

use leadpact_e2e::pages::{LeadsPage, Row, Screen};
use leadpact_e2e::{Browser, Cdp, PagesServer, SmallDisk, dist, serve_and_open};
use std::path::{Path, PathBuf};
use std::time::Duration;

const SERVER: &str = env!("CARGO_BIN_EXE_pages-server");

/// Waits for the storage panel's text to satisfy `check`.
async fn health_text(s: &Screen<'_>, what: &str, check: impl Fn(&str) -> bool) -> String {
    s.wait_texts("storage-health-text", what, |t| t.iter().any(|x| check(x)))
        .await
        .concat()
}

fn files(dir: &Path) -> (PathBuf, PathBuf) {
    std::fs::create_dir_all(dir).expect("scratch dir");
    let now = chrono::Utc::now();
    let backup = dir.join("other-team.json");
    let ws = leadpact::domain::sample::generate(11, 1000, 5, now);
    std::fs::write(&backup, leadpact::io::backup::export_json(&ws, now)).expect("write backup");
    let csv = dir.join("fair-2026.csv");
    let mut text = String::from("Full name,Phone,Email,Source\n");
    for i in 0..40 {
        text.push_str(&format!(
            "Khách {i},09{:08},khach{i}@example.vn,Referral\n",
            12_000_000 + i
        ));
    }
    std::fs::write(&csv, text).expect("write csv");
    (backup, csv)
}

async fn same_after_reload(
    c: &fantoccini::Client,
    disk: &SmallDisk,
    url: &str,
    before: &[Row],
    action: &str,
) {
    disk.free();
    c.goto(&format!("{url}leads")).await.expect("reload");
    let page = LeadsPage::new(c);
    page.wait_ready().await;
    assert_eq!(
        page.wait_rows(before.len()).await,
        before,
        "{action}: after freeing space and reloading, the stored workspace is exactly as before"
    );
    // Let the browser's database settle before the disk fills again.
    tokio::time::sleep(Duration::from_millis(1500)).await;
}

#[tokio::test]
async fn every_action_on_a_full_disk_is_refused_whole_and_says_what_is_still_stored() {
    let disk = SmallDisk::mount("full", 72);
    let server = PagesServer::start(SERVER, &dist("LEADPACT_DIST_ROOT"), "/");
    let browser = Browser::start_with_profile("full", Some(disk.path().join("profile"))).await;
    let c = &browser.client;
    let url = server.url.clone();
    let (backup, csv) = files(&browser.downloads().with_file_name("inputs"));
    c.goto(&format!("{url}leads")).await.expect("open");
    let page = LeadsPage::new(c);
    let s = Screen::new(c);
    page.wait_ready().await;
    let before = page.load_sample(300).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let stored = "Your device is out of space. The last change was not saved; your 300 leads are still stored.";

    // A lead edit: next stage on an open lead.
    let open: Vec<&Row> = before
        .iter()
        .filter(|r| ["New", "Interested", "Qualified"].contains(&r.stage.as_str()))
        .collect();
    disk.fill();
    page.click_advance(&open[0].name).await;
    let text = health_text(&s, "edit on a full disk", |t| t.contains("out of space")).await;
    assert!(text.contains(stored), "edit: {text}");
    browser.screenshot("disk-full-edit", 375).await;
    // Writes wait: the edit buttons are disabled until the person tries again.
    let waiting = s
        .eval("return [...document.querySelectorAll(\"[data-testid='advance']\")].every(b => b.disabled)")
        .await;
    assert_eq!(waiting, true, "no edit goes to a full disk");
    same_after_reload(c, &disk, &url, &before, "lead edit").await;

    // A CSV import.
    s.nav("nav-data", "page-data").await;
    s.choose_file("import-csv", &csv).await;
    s.find("csv-preview").await;
    disk.fill();
    s.click("csv-confirm").await;
    let text = health_text(&s, "CSV import on a full disk", |t| {
        t.contains("out of space")
    })
    .await;
    assert!(text.contains(stored), "csv: {text}");
    same_after_reload(c, &disk, &url, &before, "CSV import").await;

    // A backup import, replacing and merging.
    for (choice, action) in [
        ("confirm-replace", "backup replace"),
        ("confirm-merge", "backup merge"),
    ] {
        s.nav("nav-data", "page-data").await;
        page.choose_backup(&backup).await;
        s.find("confirm-import").await;
        disk.fill();
        s.click(choice).await;
        let text = health_text(&s, action, |t| t.contains("out of space")).await;
        assert!(text.contains(stored), "{action}: {text}");
        same_after_reload(c, &disk, &url, &before, action).await;
    }

    // Erasing, in Vietnamese.
    s.nav("nav-data", "page-data").await;
    s.click("lang-toggle").await;
    s.type_into("erase-confirm", "XOA").await;
    disk.fill();
    s.click("erase").await;
    let text = health_text(&s, "erase on a full disk", |t| t.contains("hết dung lượng")).await;
    assert!(
        text.contains("300 khách hàng của bạn vẫn được lưu an toàn"),
        "erase, in Vietnamese: {text}"
    );
    s.eval("window.scrollTo(0, 0)").await;
    browser.screenshot("disk-full-erase-vi", 375).await;
    s.click("lang-toggle").await;
    same_after_reload(c, &disk, &url, &before, "erase").await;

    // The 10 000-lead sample (the case first reported): confirmed, then refused.
    s.nav("nav-data", "page-data").await;
    s.select("sample-size", "10000").await;
    let hint = s.texts("sample-hint").await.concat();
    assert!(
        hint.contains("10,000 leads"),
        "the hint names the size chosen: {hint}"
    );
    s.click("data-load-sample").await;
    let question = s.texts("confirm-sample").await.concat();
    assert!(
        question.contains("replaces the 300 leads stored in this browser with 10,000 leads"),
        "{question}"
    );
    disk.fill();
    s.click("confirm-sample-replace").await;
    let text = health_text(&s, "sample on a full disk", |t| t.contains("out of space")).await;
    assert!(text.contains(stored), "sample: {text}");
    // Free space, press "Try again": the same action now goes through.
    disk.free();
    s.click("retry-writes").await;
    s.click("data-load-sample").await;
    s.click("confirm-sample-replace").await;
    s.nav("nav-leads", "page-leads").await;
    page.wait_ready().await;
    s.wait_texts("lead-count", "the 10 000 sample leads are shown", |t| {
        t.concat().starts_with("10,000 ")
    })
    .await;
    browser.close().await;
}

#[tokio::test]
async fn when_the_browser_drops_the_data_what_you_see_is_offered_as_a_backup_and_stored_again() {
    let (server, browser) =
        serve_and_open(SERVER, "LEADPACT_DIST_ROOT", "/", "dropped", "leads").await;
    let c = &browser.client;
    let page = LeadsPage::new(c);
    let s = Screen::new(c);
    page.wait_ready().await;
    let before = page.load_sample(300).await;

    // The Data page says whether the browser keeps the data, and that no
    // backup was taken yet.
    s.nav("nav-data", "page-data").await;
    let persistence = s.texts("persistence").await.concat();
    assert!(
        persistence.starts_with("Persistent") || persistence.starts_with("Best effort"),
        "{persistence}"
    );
    assert_eq!(
        s.texts("last-backup").await.concat(),
        "No backup has been downloaded from this browser yet."
    );

    // The browser drops the site's stored data while the app is open.
    let origin = server.url.trim_end_matches('/').to_owned();
    c.issue_cmd(Cdp {
        cmd: "Storage.clearDataForOrigin",
        params: serde_json::json!({ "origin": origin, "storageTypes": "indexeddb" }),
    })
    .await
    .expect("clear the site's IndexedDB");
    let text = health_text(&s, "the store was dropped", |t| {
        t.contains("no longer stores")
    })
    .await;
    assert!(
        text.contains("it now holds 0 of the 300 leads on screen"),
        "{text}"
    );
    browser.screenshot("data-dropped", 1280).await;

    // Download what is on screen: a complete backup of the 300 leads.
    s.click("download-shown").await;
    let file = browser.download("json").await;
    let ws = leadpact::io::backup::import_json(&std::fs::read_to_string(&file).unwrap())
        .expect("the download is a valid backup");
    assert_eq!(ws.leads.len(), 300, "the backup holds what was on screen");
    s.wait_texts("last-backup", "the backup is recorded", |t| {
        t.concat().contains("(today)")
    })
    .await;

    // Store it again; after a reload the 300 leads are there.
    s.click("store-again").await;
    for _ in 0..100 {
        if s.texts("storage-health-text").await.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        s.texts("storage-health-text").await.is_empty(),
        "healthy again"
    );
    c.goto(&format!("{}leads", server.url))
        .await
        .expect("reload");
    page.wait_ready().await;
    assert_eq!(page.wait_rows(300).await, before);
    browser.close().await;
}
