//! Team-sync figures (`make bench-sync`; BENCHMARKS.md): the first upload
//! and the first download of a generated workspace, and the time from an
//! edit in one browser to its appearance in another. Release build, two
//! headless Chromium profiles, PouchDB Server on loopback. Prints figures;
//! asserts only that the work was done.

use leadpact_e2e::couch::{ADMIN, ADMIN_PASSWORD, CouchServer};
use leadpact_e2e::pages::{LeadsPage, Screen};
use leadpact_e2e::{Browser, PagesServer, dist};
use std::time::{Duration, Instant};

const SERVER: &str = env!("CARGO_BIN_EXE_pages-server");

async fn status_is(s: &Screen<'_>, want: &str, limit: Duration) -> Duration {
    let start = Instant::now();
    loop {
        let t = s.texts("sync-status-text").await.concat();
        if t == want {
            return start.elapsed();
        }
        assert!(start.elapsed() < limit, "status {t:?} after {limit:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn connect(s: &Screen<'_>, couch: &CouchServer, db: &str, user: &str, password: &str) {
    s.nav("nav-settings", "page-settings").await;
    s.type_into("sync-server", &couch.url).await;
    s.type_into("sync-db", db).await;
    s.type_into("sync-user", user).await;
    s.type_into("sync-password", password).await;
    s.click("sync-connect").await;
}

async fn upload_and_download(leads: usize) {
    let couch = CouchServer::start();
    couch.create_user("lan", "lan-password");
    let pages = PagesServer::start(SERVER, &dist("LEADPACT_DIST_ROOT"), "/");
    let db = format!("bench-{leads}");
    let a = Browser::start("bench-a").await;
    a.client.goto(&format!("{}data", pages.url)).await.unwrap();
    let sa = Screen::new(&a.client);
    sa.find("page-data").await;
    sa.select("sample-size", &leads.to_string()).await;
    sa.click("data-load-sample").await;
    sa.nav("nav-leads", "page-leads").await;
    sa.wait_texts("lead-count", "the sample", |t| {
        t.concat()
            .replace(',', "")
            .starts_with(&format!("{leads} "))
    })
    .await;
    connect(&sa, &couch, &db, ADMIN, ADMIN_PASSWORD).await;
    let up = status_is(&sa, "Synced", Duration::from_secs(600)).await;
    let docs = couch.doc_ids(&db).len();
    let acts = docs - leads - 1;
    let mut security: leadpact::sync::roles::Security =
        serde_json::from_str(&couch.admin("GET", &format!("/{db}/_security"), None).1).unwrap();
    security.admit("lan");
    couch.admin(
        "PUT",
        &format!("/{db}/_security"),
        Some(&serde_json::to_string(&security).unwrap()),
    );
    let b = Browser::start("bench-b").await;
    b.client.goto(&format!("{}leads", pages.url)).await.unwrap();
    let sb = Screen::new(&b.client);
    LeadsPage::new(&b.client).wait_ready().await;
    connect(&sb, &couch, &db, "lan", "lan-password").await;
    let down = status_is(&sb, "Synced", Duration::from_secs(600)).await;
    println!(
        "sync bench: {leads} leads, {acts} activities ({docs} documents): first upload {:.1} s, first download {:.1} s",
        up.as_secs_f64(),
        down.as_secs_f64()
    );
    if leads <= 1000 {
        edit_to_other_browser(&a, &b, &pages.url).await;
    }
    a.close().await;
    b.close().await;
}

async fn edit_to_other_browser(a: &Browser, b: &Browser, url: &str) {
    a.client.goto(&format!("{url}leads")).await.unwrap();
    b.client.goto(&format!("{url}leads")).await.unwrap();
    let la = LeadsPage::new(&a.client);
    la.wait_ready().await;
    LeadsPage::new(&b.client).wait_ready().await;
    let sa = Screen::new(&a.client);
    let sb = Screen::new(&b.client);
    let mut times = Vec::new();
    for i in 0..50 {
        let name = format!("Bench {i:02}");
        let started = Instant::now();
        sa.type_into("lead-name", &name).await;
        sa.type_into("lead-phone", &format!("0912 {:03} {:03}", 100 + i, 200 + i))
            .await;
        sa.select("lead-source", "Zalo").await;
        sa.click("add-lead").await;
        let script = format!(
            "return [...document.querySelectorAll(\"[data-testid='lead-link']\")].some(e => e.textContent === {name:?})"
        );
        loop {
            if sb.eval(&script).await == serde_json::Value::Bool(true) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "{name} never arrived"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "sync bench: an added lead in the other browser's list: median {:.0} ms, p95 {:.0} ms, max {:.0} ms (50 edits)",
        times[times.len() / 2],
        times[times.len() * 95 / 100],
        times[times.len() - 1]
    );
}

#[tokio::test]
async fn first_upload_and_download_and_an_edit_in_another_browser() {
    for leads in [1000, 10_000] {
        upload_and_download(leads).await;
    }
}
