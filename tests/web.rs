//! Browser tests (wasm-bindgen-test in headless Chromium): the IndexedDB
//! adapter against the shared conformance suite, and components mounted into
//! the real DOM over a real IndexedDB store.
#![cfg(target_arch = "wasm32")]

mod support;
use support::tick;

use leadpact::app::state::AppState;
use leadpact::domain::lead::{Lead, LeadDraft, LeadId};
use leadpact::domain::pipeline::Pipeline;
use leadpact::storage::indexeddb::IdbStore;
use leadpact::storage::{Change, Store, conformance};
use leadpact::ui::i18n::{I18n, Lang};
use leadpact::ui::pages::leads::LeadsPage;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn unique_db(label: &str) -> String {
    format!("leadpact-test-{label}-{}", uuid::Uuid::new_v4())
}

/// An empty element in the page to mount a component into.
fn fresh_root() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// A valid new lead with a Vietnamese mobile number.
fn lead_at(name: &str, source: &str, created: chrono::DateTime<chrono::Utc>) -> Lead {
    let draft = LeadDraft {
        name: name.into(),
        phone: "0912345678".into(),
        email: String::new(),
        source: source.into(),
        ..Default::default()
    };
    Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::new_v4()),
        created,
        &Pipeline::default(),
    )
    .unwrap()
}

/// Ticks until `cond` holds (IndexedDB answers take a few turns).
async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..500 {
        if cond() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting for: {what}");
}

#[wasm_bindgen_test]
async fn indexeddb_store_passes_the_conformance_suite() {
    conformance::run_all(|| async { IdbStore::open(&unique_db("conf")).await.unwrap() }).await;
}

#[wasm_bindgen_test]
async fn indexeddb_keeps_the_workspace_after_the_connection_closes() {
    let name = unique_db("reopen");
    let draft = LeadDraft {
        name: "Phạm Thu".into(),
        phone: "0987654321".into(),
        email: String::new(),
        source: "Website".into(),
        ..Default::default()
    };
    let id = LeadId::from_uuid(uuid::Uuid::new_v4());
    let lead = Lead::create(&draft, id, chrono::Utc::now(), &Pipeline::default()).unwrap();
    {
        let store = IdbStore::open(&name).await.unwrap();
        store.commit(&Change::lead(lead.clone())).await.unwrap();
    }
    let reopened = IdbStore::open(&name).await.unwrap();
    assert_eq!(reopened.load().await.unwrap().leads, vec![lead]);
    drop(reopened);
    IdbStore::delete(&name).await.unwrap();
}

/// A fresh database as schema `version` left it: every record of a golden
/// fixture (`{"stores": {store: {key: json}}}`), written raw. Returns its name.
async fn database_from_fixture(label: &str, version: u32, fixture: &str) -> String {
    let fixture: serde_json::Value = serde_json::from_str(fixture).unwrap();
    let name = unique_db(label);
    let old = IdbStore::open_version(&name, version).await.unwrap();
    for (store, records) in fixture["stores"].as_object().unwrap() {
        for (key, value) in records.as_object().unwrap() {
            old.put_raw(store, key, value.as_str().unwrap())
                .await
                .unwrap();
        }
    }
    name
}

#[wasm_bindgen_test]
async fn a_schema_2_database_moves_into_chunks_without_losing_anything() {
    let name = database_from_fixture("v2", 2, include_str!("fixtures/indexeddb-v2.json")).await;
    let current = IdbStore::open(&name).await.unwrap();
    let ws = current.load().await.unwrap();
    let names: Vec<&str> = ws.leads.iter().map(|l| l.name()).collect();
    assert_eq!(names, ["Nguyễn Văn An", "Trần Thị Bình"]);
    assert_eq!(ws.leads[0].stage().as_str(), "interested");
    assert_eq!(ws.activities.len(), 2);
    assert_eq!(ws.reps.len(), 1, "settings were kept");
    assert_eq!(ws.reps[0].name, "Lan");
    drop(current);
    // Opening again finds the chunks (the old stores are empty now), and an
    // edit after the move is saved.
    let again = IdbStore::open(&name).await.unwrap();
    let mut ws2 = again.load().await.unwrap();
    assert_eq!(ws2, ws);
    let mut lead = ws2.leads.remove(1);
    let base = lead.updated_at();
    lead.set_campaign("tet", chrono::Utc::now());
    again
        .commit(&Change::edit(lead.clone(), base))
        .await
        .unwrap();
    assert_eq!(again.load().await.unwrap().leads[1], lead);
    drop(again);
    IdbStore::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_schema_3_database_reads_as_written() {
    let name = database_from_fixture("v3", 3, include_str!("fixtures/indexeddb-v3.json")).await;
    let store = IdbStore::open(&name).await.unwrap();
    let ws = store.load().await.unwrap();
    let names: Vec<&str> = ws.leads.iter().map(|l| l.name()).collect();
    assert_eq!(names, ["Nguyễn Văn An", "Trần Thị Bình"]);
    assert_eq!(ws.activities.len(), 2);
    assert_eq!(ws.reps[0].name, "Lan");
    drop(store);
    IdbStore::delete(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_schema_1_database_upgrades_without_losing_leads() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/indexeddb-v1.json")).unwrap();
    let name = unique_db("v1");
    {
        let v1 = IdbStore::open_version(&name, 1).await.unwrap();
        for (key, value) in fixture["stores"]["leads"].as_object().unwrap() {
            v1.put_v1_lead(key, value.as_str().unwrap()).await.unwrap();
        }
    }
    let current = IdbStore::open(&name).await.unwrap();
    let ws = current.load().await.unwrap();
    assert_eq!(ws.leads.len(), 1);
    assert_eq!(ws.leads[0].name(), "Nguyễn Văn An");
    assert_eq!(ws.leads[0].stage().as_str(), "interested");
    assert_eq!(
        ws.settings(),
        leadpact::domain::workspace::Workspace::default().settings(),
        "default settings after the upgrade"
    );
    drop(current);
    IdbStore::delete(&name).await.unwrap();
}

/// The leads page mounted in a fresh container over a fresh IndexedDB database.
struct Mounted {
    root: HtmlElement,
    state: AppState,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

async fn mount_leads_page(lang: Lang) -> Mounted {
    let root = fresh_root();
    let state = AppState::new();
    let store = IdbStore::open(&unique_db("ui")).await.unwrap();
    state.attach(Rc::new(store)).await;
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        provide_context(I18n(RwSignal::new(lang)));
        view! { <LeadsPage /> }.into_any()
    });
    tick().await;
    Mounted {
        root,
        state,
        _handle: handle,
    }
}

impl Mounted {
    fn q(&self, testid: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(&format!("[data-testid='{testid}']"))
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    fn all_text(&self, testid: &str) -> Vec<String> {
        let list = self
            .root
            .query_selector_all(&format!("[data-testid='{testid}']"))
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    }

    fn type_into(&self, testid: &str, value: &str) {
        let input: HtmlInputElement = self.q(testid).unwrap().unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }

    fn choose(&self, testid: &str, value: &str) {
        let select: HtmlSelectElement = self.q(testid).unwrap().unchecked_into();
        select.set_value(value);
        for kind in ["input", "change"] {
            select
                .dispatch_event(&web_sys::Event::new(kind).unwrap())
                .unwrap();
        }
    }

    fn click(&self, testid: &str) {
        self.q(testid).unwrap().click();
    }
}

#[wasm_bindgen_test]
async fn adding_and_advancing_a_lead_through_the_dom() {
    let m = mount_leads_page(Lang::En).await;
    assert!(m.q("no-leads").is_some(), "empty state is shown first");
    m.type_into("lead-name", "Võ Thị Dung");
    m.type_into("lead-phone", "+84 912 000 111");
    m.choose("lead-source", "Referral");
    m.click("add-lead");
    until("the new row", || m.all_text("lead-link") == ["Võ Thị Dung"]).await;
    assert_eq!(m.all_text("lead-stage"), ["New"]);
    assert_eq!(
        m.state.with_leads_untracked(|ls| ls[0].source().to_owned()),
        "Referral"
    );
    let name: HtmlInputElement = m.q("lead-name").unwrap().unchecked_into();
    assert_eq!(
        name.value(),
        "",
        "the form is cleared after a successful add"
    );

    m.click("advance");
    until("stage Interested", || {
        m.all_text("lead-stage") == ["Interested"]
    })
    .await;
}

#[wasm_bindgen_test]
async fn invalid_input_shows_field_errors_and_adds_nothing() {
    let m = mount_leads_page(Lang::En).await;
    m.type_into("lead-name", "   ");
    m.type_into("lead-phone", "0912");
    m.click("add-lead");
    tick().await;
    assert_eq!(
        m.q("lead-name-error").unwrap().text_content().unwrap(),
        "A lead needs a name."
    );
    assert_eq!(
        m.q("lead-phone-error").unwrap().text_content().unwrap(),
        "The phone number has too few digits for its country (a number from another country starts with + and its code)."
    );
    let phone: HtmlInputElement = m.q("lead-phone").unwrap().unchecked_into();
    assert_eq!(phone.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(phone.value(), "0912", "what was typed is kept");
    for _ in 0..5 {
        tick().await;
    }
    assert!(m.state.with_leads_untracked(<[_]>::is_empty));
    assert!(m.q("lead-row").is_none());
}

#[wasm_bindgen_test]
async fn lead_names_are_rendered_as_text_never_as_html() {
    let m = mount_leads_page(Lang::En).await;
    let hostile = "<img src=x onerror=\"window.__pwned=1\">";
    m.type_into("lead-name", hostile);
    m.type_into("lead-phone", "0912345678");
    m.click("add-lead");
    until("the row", || m.all_text("lead-link").len() == 1).await;
    assert_eq!(m.all_text("lead-link"), [hostile]);
    assert!(
        m.root.query_selector("img").unwrap().is_none(),
        "no element was created from the name"
    );
}

#[wasm_bindgen_test]
async fn vietnamese_labels_when_the_language_is_vietnamese() {
    let m = mount_leads_page(Lang::Vi).await;
    assert_eq!(
        m.q("add-lead").unwrap().text_content().unwrap(),
        "Thêm khách hàng"
    );
    m.click("add-lead");
    tick().await;
    assert_eq!(
        m.q("lead-name-error").unwrap().text_content().unwrap(),
        "Cần nhập họ tên."
    );
}

#[wasm_bindgen_test]
async fn sample_data_fills_the_list_from_the_empty_state() {
    let m = mount_leads_page(Lang::En).await;
    m.click("load-sample");
    until("300 sample leads", || {
        m.root
            .query_selector_all("[data-testid='lead-row']")
            .unwrap()
            .length()
            == 300
    })
    .await;
    assert!(
        m.state.insights.with_untracked(|i| i.activity_count()) > 300,
        "activities came with them"
    );
    assert!(m.q("no-leads").is_none());
}

#[wasm_bindgen_test]
async fn a_leads_sla_clocks_are_shown() {
    use leadpact::domain::activity::{Activity, ActivityKind, Direction, Outcome};
    use leadpact::domain::rep::RepId;
    use leadpact::ui::components::sla_clocks::SlaClocks;
    let root = fresh_root();
    // Created 2026-03-02 09:00 in Vietnam (a Monday), called 20 minutes later.
    let created = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00+07:00")
        .unwrap()
        .to_utc();
    let lead = lead_at("Đỗ Hà", "Zalo", created);
    let call = Activity {
        lead: lead.id(),
        at: created + chrono::TimeDelta::minutes(20),
        kind: ActivityKind::Call,
        direction: Direction::Outbound,
        outcome: Outcome::Connected,
        rep: Some(RepId::new("lan")),
        note: None,
        by: None,
        extra: Default::default(),
    };
    let store = IdbStore::open(&unique_db("clocks")).await.unwrap();
    store
        .commit(&Change {
            leads: vec![lead.clone()],
            activities: vec![(lead.id(), vec![call])],
            ..Change::default()
        })
        .await
        .unwrap();
    let state = AppState::new();
    state.attach(Rc::new(store)).await;
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        provide_context(I18n(RwSignal::new(Lang::En)));
        view! { <SlaClocks id=lead.id() /> }
    });
    tick().await;
    let text = |id: &str| {
        root.query_selector(&format!("[data-testid='{id}']"))
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert!(
        text("clock-first-response").starts_with("met"),
        "{}",
        text("clock-first-response")
    );
    assert!(
        text("clock-first-response").ends_with("took 20 min working time"),
        "{}",
        text("clock-first-response")
    );
    assert!(
        text("clock-attempts").starts_with("met"),
        "contact ends the attempts requirement"
    );
    assert_eq!(text("attempts-made"), "1");
}

/// The leads page over 2 000 sample leads, once they are shown.
async fn leads_page_with_a_long_sample() -> Mounted {
    let m = mount_leads_page(Lang::En).await;
    m.state.load_sample(2000, Lang::En);
    until("the sample is shown", || {
        m.all_text("lead-count")
            .first()
            .is_some_and(|t| t.starts_with("2,000 "))
    })
    .await;
    m
}

#[wasm_bindgen_test]
async fn a_long_list_is_virtualised_and_search_and_scroll_reach_every_lead() {
    let m = leads_page_with_a_long_sample().await;
    tick().await;
    let rendered = m.all_text("lead-link");
    assert!(
        !rendered.is_empty() && rendered.len() < 120,
        "only the rows in view are in the DOM: {}",
        rendered.len()
    );
    // Scrolling far down renders the rows there.
    // The test page has no stylesheet: make the list a scroll container as main.css does.
    let scroller = m.q("lead-scroll").unwrap();
    scroller
        .set_attribute("style", "max-height: 400px; overflow: auto")
        .unwrap();
    scroller.set_scroll_top(44 * 1500);
    scroller
        .dispatch_event(&web_sys::Event::new("scroll").unwrap())
        .unwrap();
    until("rows further down", || {
        m.all_text("lead-link").first() != rendered.first()
    })
    .await;
    // Search finds a lead that is not rendered, by name.
    let wanted = m.state.with_leads_untracked(|ls| ls[10].name().to_owned());
    m.type_into("lead-search", &wanted);
    until("the search result", || {
        let names = m.all_text("lead-link");
        names.contains(&wanted) && names.len() < 50
    })
    .await;
}

/// Whether the drawn rows of the lead list cover its whole visible area.
fn rows_cover_the_view() -> bool {
    web_sys::js_sys::eval(
        r#"(() => {
             const s = document.querySelector("[data-testid='lead-scroll']");
             const v = s.getBoundingClientRect();
             const rows = [...s.querySelectorAll("tr[data-testid='lead-row']")]
               .map(r => r.getBoundingClientRect());
             return rows.length > 0 && rows[0].top <= Math.max(v.top, 0) + 1
               && rows[rows.length - 1].bottom >= Math.min(v.bottom, window.innerHeight) - 1;
           })()"#,
    )
    .ok()
    .and_then(|v| v.as_bool())
    .unwrap_or(false)
}

/// Rows are one height per layout (taller on phones, where cells wrap): the
/// list measures it, so wherever it is scrolled the rows in view are drawn.
#[wasm_bindgen_test]
async fn a_long_list_draws_the_rows_in_view_whatever_their_height() {
    let m = leads_page_with_a_long_sample().await;
    let document = web_sys::window().unwrap().document().unwrap();
    let style = document.create_element("style").unwrap();
    document.head().unwrap().append_child(&style).unwrap();
    let scroller = m.q("lead-scroll").unwrap();
    scroller
        .set_attribute("style", "max-height: 400px; overflow: auto")
        .unwrap();
    for (height, rows_down) in [(44, 1500), (120, 700), (120, 1500), (44, 300)] {
        style.set_text_content(Some(&format!(
            "tr[data-testid='lead-row'] {{ height: {height}px; }}"
        )));
        scroller.set_scroll_top(height * rows_down);
        // The first scroll event measures the rows, the second lands where asked.
        for _ in 0..2 {
            scroller
                .dispatch_event(&web_sys::Event::new("scroll").unwrap())
                .unwrap();
            tick().await;
            scroller.set_scroll_top(height * rows_down);
        }
        scroller
            .dispatch_event(&web_sys::Event::new("scroll").unwrap())
            .unwrap();
        until(
            &format!("rows of {height} px drawn {rows_down} rows down"),
            rows_cover_the_view,
        )
        .await;
        assert!(
            scroller.scroll_top() >= height * rows_down - 400,
            "scrolled near row {rows_down} at {height} px: {}",
            scroller.scroll_top()
        );
    }
}

#[wasm_bindgen_test]
async fn the_today_queue_logs_a_call_and_the_breach_leaves_the_queue() {
    use leadpact::ui::pages::today::TodayPage;
    let root = fresh_root();
    // A lead created 30 days ago, never called: its first response is
    // breached, long enough ago to be folded under "long overdue".
    let created = chrono::Utc::now() - chrono::TimeDelta::days(30);
    let lead = lead_at("Cao Thị Yến", "Facebook", created);
    let store = IdbStore::open(&unique_db("today")).await.unwrap();
    store.commit(&Change::lead(lead)).await.unwrap();
    let state = AppState::new();
    state.attach(Rc::new(store)).await;
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        provide_context(I18n(RwSignal::new(Lang::En)));
        view! { <TodayPage /> }
    });
    tick().await;
    let q = |id: &str| {
        root.query_selector(&format!("[data-testid='{id}']"))
            .unwrap()
            .map(|e| e.unchecked_into::<HtmlElement>())
    };
    until("the breached lead is queued", || {
        q("queue-status").is_some_and(|e| e.text_content().unwrap() == "breached")
    })
    .await;
    assert_eq!(
        q("count-long-overdue").unwrap().text_content().unwrap(),
        "1 long overdue"
    );
    q("log-connected").unwrap().click();
    until("the answered lead leaves the queue", || {
        q("count-long-overdue").is_none()
    })
    .await;
    assert!(
        q("count-breached")
            .unwrap()
            .text_content()
            .unwrap()
            .starts_with("0 ")
    );
    assert_eq!(state.insights.with_untracked(|i| i.activity_count()), 1);
}

/// The browser deleting the site's data after one of our writes failed (its
/// full-disk eviction) gets what is shown stored again; the same empty store
/// without a failed write is only reported, never written over.
#[wasm_bindgen_test]
async fn a_store_emptied_after_a_failed_write_gets_what_is_shown_again() {
    use leadpact::app::state::Health;
    use leadpact::domain::workspace::Workspace;
    use leadpact::storage::StorageError;
    // Mounting is what starts the app's executor (its tasks run on the
    // browser's loop).
    let _mounted = leptos::mount::mount_to(fresh_root(), || ());
    let store = Rc::new(IdbStore::open(&unique_db("evicted")).await.unwrap());
    let created = chrono::Utc::now() - chrono::TimeDelta::hours(2);
    for name in ["Lê An", "Phạm Bình", "Võ Châu"] {
        let lead = lead_at(name, "Zalo", created);
        store.commit(&Change::lead(lead)).await.unwrap();
    }
    let state = AppState::new();
    state.attach(store.clone()).await;
    let decided = || !matches!(state.health.get_untracked(), Health::Checking);
    // The workspace was linked to a team (as shown): the eviction takes the
    // link, and the person is told and offered it again.
    state.link.set(Some(leadpact::sync::ledger::Link {
        server: "https://couch.example.com".into(),
        db: "sales-team".into(),
        user: "lan".into(),
        ..Default::default()
    }));

    store.replace(&Workspace::default()).await.unwrap();
    state.check_store(Some(StorageError::OutOfSpace));
    until("the store is checked", decided).await;
    assert_eq!(
        state.unlinked.get_untracked().map(|l| l.db),
        Some("sales-team".to_owned()),
        "the team link that went is remembered for the person"
    );
    assert_eq!(
        state.health.get_untracked(),
        Health::NotSaved {
            cause: StorageError::OutOfSpace,
            leads: 3,
            restored: true
        }
    );
    assert_eq!(store.load().await.unwrap().leads.len(), 3, "stored again");

    state.retry_writes();
    store.replace(&Workspace::default()).await.unwrap();
    state.check_store(None);
    until("the store is checked", decided).await;
    assert_eq!(
        state.health.get_untracked(),
        Health::Lost {
            stored: Some(0),
            shown: 3
        }
    );
    assert!(
        store.load().await.unwrap().leads.is_empty(),
        "nothing written without the person's say"
    );
}

#[wasm_bindgen_test]
fn the_browsers_timezones_agree_with_intl_and_with_chrono_tz_across_dst_changes() {
    use chrono::{DateTime, Offset, TimeZone, Utc};
    use leadpact::app::zones::Intl;
    use leadpact::domain::zone::{OffsetSource, Zone};
    leadpact::app::zones::install();
    let names = [
        "Asia/Ho_Chi_Minh",
        "Asia/Bangkok",
        "Asia/Singapore",
        "Asia/Tokyo",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "Asia/Tehran",
        "Asia/Jerusalem",
        "Asia/Dubai",
        "Europe/London",
        "Europe/Paris",
        "Europe/Berlin",
        "Europe/Moscow",
        "Europe/Istanbul",
        "Africa/Cairo",
        "Africa/Casablanca",
        "America/New_York",
        "America/Chicago",
        "America/Los_Angeles",
        "America/Sao_Paulo",
        "America/Santiago",
        "America/St_Johns",
        "Australia/Sydney",
        "Australia/Adelaide",
        "Australia/Lord_Howe",
        "Pacific/Auckland",
        "Pacific/Chatham",
    ];
    let from = Utc
        .with_ymd_and_hms(2010, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    // The browser's rules and chrono-tz's may differ from here on (a newer
    // tzdata: Chromium 156 has Morocco on +00:00 from 2026-09-20); the
    // table must always follow the browser.
    let agreed = Utc
        .with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    let to = Utc
        .with_ymd_and_hms(2030, 12, 31, 0, 0, 0)
        .unwrap()
        .timestamp();
    for name in names {
        let theirs: chrono_tz::Tz = name.parse().unwrap();
        let ours = Zone::named(name).unwrap_or_else(|e| panic!("{e}"));
        let browser = |t: i64| Intl.offset(name, t).expect("the browser knows the zone");
        let mut t = from;
        while t < to {
            let at = DateTime::from_timestamp(t, 0).unwrap();
            let offset = at.with_timezone(&ours).offset().fix();
            assert_eq!(
                offset.local_minus_utc(),
                browser(t),
                "{name} at {at}, as the browser says"
            );
            if t < agreed {
                assert_eq!(
                    offset,
                    at.with_timezone(&theirs).offset().fix(),
                    "{name} at {at}"
                );
                // Local times around the instant, read back.
                for d in [-3600, -60, 0, 60, 3600] {
                    let local = (at + chrono::TimeDelta::seconds(d))
                        .with_timezone(&theirs)
                        .naive_local();
                    assert_eq!(
                        ours.from_local_datetime(&local)
                            .map(|x| x.with_timezone(&Utc)),
                        theirs
                            .from_local_datetime(&local)
                            .map(|x| x.with_timezone(&Utc)),
                        "{name} at local {local}"
                    );
                }
            }
            t += 6 * 86_400 + 3_607;
        }
        // Each change found, to the second.
        for c in ours.changes().iter().filter(|c| (from..to).contains(*c)) {
            for s in [c - 1, *c] {
                let at = DateTime::from_timestamp(s, 0).unwrap();
                assert_eq!(
                    at.with_timezone(&ours).offset().fix().local_minus_utc(),
                    browser(s),
                    "{name}: the change at {at}"
                );
            }
        }
    }
    assert!(Zone::named("Mars/Olympus_Mons").is_err(), "an unknown name");
}
