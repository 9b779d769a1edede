//! Journeys through the release build in headless Chromium, served the way
//! GitHub Pages serves it: at the site root and under a sub-path.

use leadpact_e2e::pages::{LeadPage, LeadsPage};
use leadpact_e2e::{Browser, PagesServer, dist};

const SERVER: &str = env!("CARGO_BIN_EXE_pages-server");

#[tokio::test]
async fn leads_and_stages_survive_a_reload() {
    let server = PagesServer::start(SERVER, &dist("LEADPACT_DIST_ROOT"), "/");
    let browser = Browser::start("reload").await;
    let c = &browser.client;
    c.goto(&server.url).await.expect("open the app");
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
    let server = PagesServer::start(SERVER, &dist("LEADPACT_DIST_SUBPATH"), "/leadpact/");
    let browser = Browser::start("subpath").await;
    let c = &browser.client;
    c.goto(&server.url)
        .await
        .expect("open the app under /leadpact/");
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
    c.goto(&server.url).await.expect("back to the list");
    LeadsPage::new(c).wait_rows(1).await;
    c.goto(&deep_link)
        .await
        .expect("open the deep link directly");
    assert_eq!(LeadPage::new(c).title_and_stage().await.0, "Lê Minh Châu");
    browser.close().await;
}

#[tokio::test]
async fn first_run_sample_data_survives_a_reload_and_shows_sla_clocks() {
    let server = PagesServer::start(SERVER, &dist("LEADPACT_DIST_ROOT"), "/");
    let browser = Browser::start("sample").await;
    let c = &browser.client;
    c.goto(&server.url).await.expect("open the app");
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
