//! In-browser measurements for BENCHMARKS.md (headless Chromium, release
//! build, real IndexedDB): writing and loading workspaces of 10 000 and
//! 100 000 leads, a 10 000-row CSV import, a 100 000-lead backup. Figures are
//! printed, never asserted. Run with `make bench-browser`.
#![cfg(target_arch = "wasm32")]

mod support;
use support::tick;

use chrono::{TimeZone, Utc};
use leadpact::domain::lead::LeadId;
use leadpact::domain::sample::generate;
use leadpact::domain::workspace::Prepared;
use leadpact::io::backup::{export_json, import_json};
use leadpact::io::csv_export::export_csv;
use leadpact::io::csv_import::{Choices, Home, OnDuplicate, RowOutcome, preview};
use leadpact::storage::Store;
use leadpact::storage::indexeddb::IdbStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn ms() -> f64 {
    js_sys::Date::now()
}

/// The lead list over 10 000 leads: one keystroke in the search box until the
/// DOM shows the result, and the app's recompute after a change.
#[wasm_bindgen_test]
async fn screens() {
    use leadpact::app::state::AppState;
    use leadpact::ui::i18n::{I18n, Lang};
    use leadpact::ui::pages::leads::LeadsPage;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    let now = Utc::now();
    let ws = generate(3, 10_000, 10, now);
    let name = format!("leadpact-bench-ui-{}", uuid::Uuid::new_v4());
    let store = IdbStore::open(&name).await.unwrap();
    store.replace(&ws).await.unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    // Where loading goes: the store's load against decoding the same JSON.
    let t = ms();
    let loaded = store.load().await.unwrap();
    let load = ms() - t;
    let lead_json: Vec<String> = loaded
        .leads
        .iter()
        .map(|l| serde_json::to_string(l).unwrap())
        .collect();
    let acts_json = serde_json::to_string(&loaded.activities).unwrap();
    let t = ms();
    for j in &lead_json {
        let _: leadpact::domain::lead::Lead = serde_json::from_str(j).unwrap();
    }
    let decode_leads = ms() - t;
    let t = ms();
    let _: Vec<leadpact::domain::activity::Activity> = serde_json::from_str(&acts_json).unwrap();
    let decode_acts = ms() - t;
    console_log!(
        "10 000 leads: store.load {load:.0} ms, of which decoding JSON would be leads {decode_leads:.0} ms + activities {decode_acts:.0} ms ({} KB + {} KB)",
        lead_json.iter().map(String::len).sum::<usize>() / 1024,
        acts_json.len() / 1024
    );
    drop(loaded);
    let state = AppState::new();
    let t = ms();
    state.attach(std::rc::Rc::new(store)).await;
    let _ = state.insights.with_untracked(|i| i.clocks().len());
    let attach = ms() - t;
    let t = ms();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        provide_context(I18n(RwSignal::new(Lang::En)));
        view! { <LeadsPage /> }
    });
    tick().await;
    let mount = ms() - t;
    let input: web_sys::HtmlInputElement = root
        .query_selector("[data-testid='lead-search']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let rows = || {
        root.query_selector_all("[data-testid='lead-row']")
            .unwrap()
            .length()
    };
    // Effects (the DOM update) run after the event; one timer turn later
    // they are done. An empty turn is measured and subtracted.
    let t = ms();
    for _ in 0..10 {
        tick().await;
    }
    let empty_turn = (ms() - t) / 10.0;
    let mut times = Vec::new();
    for typed in [
        "n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen ", "nguyen t", "0", "09", "091",
    ] {
        let t = ms();
        input.set_value(typed);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        tick().await;
        let _ = rows();
        times.push((ms() - t - empty_turn).max(0.0));
    }
    times.sort_by(f64::total_cmp);
    let t = ms();
    state.now.set(Utc::now());
    let _ = state.insights.with_untracked(|i| i.clocks().len());
    let recompute = ms() - t;
    // What one edit costs after it is stored: the lead is worked out
    // again on its own (`domain::live`).
    let t = ms();
    let mut lead = state.with_leads_untracked(|ls| ls[0].clone());
    lead.set_campaign("bench", Utc::now());
    state.show_change(leadpact::domain::live::Changed {
        leads: vec![lead],
        ..Default::default()
    });
    let _ = state.insights.with_untracked(|i| i.clocks().len());
    let after_edit = ms() - t;
    console_log!("10 000 leads in the UI: recompute after one edit {after_edit:.0} ms");
    console_log!(
        "10 000 leads in the UI: load into the app {attach:.0} ms; first render {mount:.0} ms; \
         search keystroke → DOM updated median {:.1} ms, worst {:.1} ms ({} keystrokes, an empty timer turn of {empty_turn:.1} ms subtracted); recompute on a clock tick {recompute:.0} ms",
        times[times.len() / 2],
        times[times.len() - 1],
        times.len()
    );
}

#[wasm_bindgen_test]
async fn measure() {
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
    for n in [10_000usize, 100_000] {
        let ws = generate(1, n, 20, now);
        let name = format!("leadpact-bench-{n}-{}", uuid::Uuid::new_v4());
        let store = IdbStore::open(&name).await.unwrap();
        let t = ms();
        store.replace(&ws).await.unwrap();
        let write = ms() - t;
        drop(store);
        let t = ms();
        let store = IdbStore::open(&name).await.unwrap();
        let loaded = store.load().await.unwrap();
        let load = ms() - t;
        let t = ms();
        let prepared = Prepared::new(&loaded, now).unwrap();
        let prepare = ms() - t;
        console_log!(
            "{n} leads, {} activities: replace {write:.0} ms; open + load {load:.0} ms; prepare (calendar timeline + activity index) {prepare:.0} ms",
            loaded.activities.len()
        );
        drop(prepared);
        drop(store);
        IdbStore::delete(&name).await.unwrap();
    }
}

/// A 10 000-row CSV (our own export) read, checked for duplicates against a
/// workspace of 10 000 other leads, turned into leads, and written.
#[wasm_bindgen_test]
async fn csv() {
    let now = chrono::Utc::now();
    let small = generate(2, 10_000, 10, now);
    // A workspace of 10 000 leads, 1 000 of them people the file names too.
    let mut here = generate(3, 9_000, 10, now).leads;
    here.extend(small.leads.iter().take(1_000).cloned());
    let csv = export_csv(&small.leads, &small.settings());
    let t = ms();
    let mut p = preview(&csv, None, Home::default()).unwrap();
    p.mark_duplicates(&here);
    let dups = p
        .rows
        .iter()
        .filter(|(_, o)| matches!(o, RowOutcome::Lead(c) if c.duplicate.is_some()))
        .count();
    let mut k = 0u128;
    let leads = p.leads(
        OnDuplicate::Skip,
        &Choices::default(),
        &small.pipeline,
        now,
        || {
            k += 1;
            LeadId::from_uuid(uuid::Uuid::from_u128(k))
        },
    );
    let parse = ms() - t;
    let name = format!("leadpact-bench-csv-{}", uuid::Uuid::new_v4());
    let store = IdbStore::open(&name).await.unwrap();
    let t = ms();
    let change = leadpact::storage::Change {
        leads,
        ..Default::default()
    };
    store.commit(&change).await.unwrap();
    let write = ms() - t;
    console_log!(
        "CSV 10 000 rows ({} KB) into a 10 000-lead workspace ({dups} duplicates): preview + duplicates + leads {parse:.0} ms; write in one transaction {write:.0} ms",
        csv.len() / 1024
    );
    drop(store);
    IdbStore::delete(&name).await.unwrap();
}

/// A backup of 100 000 leads: export, then import with full validation
/// (issue target: both together ≤ 5 s).
#[wasm_bindgen_test]
async fn backup() {
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
    let big = generate(1, 100_000, 20, now);
    let t = ms();
    let json = export_json(&big, now);
    let export = ms() - t;
    let t = ms();
    let back = import_json(&json).unwrap();
    let import = ms() - t;
    console_log!(
        "backup of 100 000 leads ({} MB): export {export:.0} ms; import + validation {import:.0} ms ({} leads)",
        json.len() / 1_000_000,
        back.leads.len()
    );
}

/// A page mounted in English over `state` in a new element of the body,
/// a few timer turns later; dropping the handle unmounts it.
async fn mount_page<V: leptos::prelude::IntoView + 'static>(
    state: leadpact::app::state::AppState,
    page: fn() -> V,
) -> (web_sys::HtmlElement, Box<dyn std::any::Any>) {
    use leadpact::ui::i18n::{I18n, Lang};
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    let document = web_sys::window().unwrap().document().unwrap();
    let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        provide_context(I18n(RwSignal::new(Lang::En)));
        page()
    });
    for _ in 0..5 {
        tick().await;
    }
    (root, Box::new(handle))
}

/// `performance.now()`, in milliseconds with a fraction.
fn precise_ms() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// Waits timer turn by turn until `done` says the DOM shows the change;
/// the time it took, less one empty turn.
async fn until(start: f64, empty_turn: f64, done: impl Fn() -> bool) -> f64 {
    for _ in 0..2_000 {
        tick().await;
        if done() {
            return (precise_ms() - start - empty_turn).max(0.0);
        }
    }
    panic!("the screen never showed the change");
}

/// Median and worst of some timings, sorted in place.
fn spread(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[times.len() - 1])
}

/// One edit at 10 000 and 100 000 leads until the screen shows it: on the
/// lead list (the row's stage after "next stage") and on Today (the queue
/// after a call is logged), both through the app's action (the IndexedDB
/// write included) and from the moment the write is done (the app's
/// recompute and the DOM update only); and a clock tick.
#[wasm_bindgen_test]
async fn edits() {
    use leadpact::app::state::AppState;
    use leadpact::domain::activity::{ActivityKind, Direction, Outcome};
    use leadpact::domain::live::Changed;
    use leadpact::ui::pages::leads::LeadsPage;
    use leadpact::ui::pages::today::TodayPage;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    const EDITS: usize = 12;
    for n in [10_000usize, 100_000] {
        let now = Utc::now();
        let ws = generate(5, n, 20, now);
        let name = format!("leadpact-bench-edit-{n}-{}", uuid::Uuid::new_v4());
        let store = IdbStore::open(&name).await.unwrap();
        store.replace(&ws).await.unwrap();
        drop(ws);
        let state = AppState::new();
        state.attach(std::rc::Rc::new(store)).await;
        let _ = state.insights.with_untracked(|i| i.clocks().len());
        let t = precise_ms();
        for _ in 0..20 {
            tick().await;
        }
        let empty_turn = (precise_ms() - t) / 20.0;

        // The engine alone (no screen): one lead changed, then read.
        let mut engine = Vec::new();
        for k in 0..EDITS {
            let mut lead = state.with_leads_untracked(|ls| ls[ls.len() / 3 + k * 11].clone());
            lead.set_campaign("bench", Utc::now());
            let start = precise_ms();
            state.show_change(Changed {
                leads: vec![lead],
                ..Changed::default()
            });
            let _ = state.insights.with_untracked(|i| i.clocks().len());
            engine.push(precise_ms() - start);
        }
        let e = spread(&mut engine);
        console_log!(
            "{n} leads, one lead changed, no screen (`Live::apply` through the app's memo): median {:.2} ms, worst {:.2} ms",
            e.0,
            e.1
        );
        let start = precise_ms();
        state.now.set(Utc::now());
        let _ = state.insights.with_untracked(|i| i.clocks().len());
        console_log!(
            "{n} leads, a clock tick, no screen (every lead evaluated again): {:.1} ms",
            precise_ms() - start
        );
        let start = precise_ms();
        let whole = state.snapshot();
        let copy = precise_ms() - start;
        let start = precise_ms();
        let live = leadpact::domain::live::Live::new(whole, Utc::now());
        console_log!(
            "{n} leads, the whole workspace taken in (`Live::new`: timeline, digest, every lead evaluated): {:.0} ms (copying it out first: {copy:.0} ms)",
            precise_ms() - start
        );
        drop(live);

        // The lead list, newest first: "next stage" on a row in view.
        let (root, handle) = mount_page(state, || view! { <LeadsPage /> }).await;
        let row_html = |id: &str| {
            root.query_selector(&format!("tr[data-lead-id='{id}']"))
                .unwrap()
                .map(|r| r.outer_html())
        };
        let open_rows = || -> Vec<String> {
            let rows = root
                .query_selector_all("tr[data-testid='lead-row']")
                .unwrap();
            (0..rows.length())
                .filter_map(|i| rows.item(i))
                .filter_map(|r| r.dyn_into::<web_sys::Element>().ok())
                .filter(|r| {
                    r.query_selector("[data-testid='advance']")
                        .unwrap()
                        .is_some()
                })
                .filter_map(|r| r.get_attribute("data-lead-id"))
                .collect()
        };
        // A search typed letter by letter until the list shows its result.
        let input: web_sys::HtmlInputElement = root
            .query_selector("[data-testid='lead-search']")
            .unwrap()
            .unwrap()
            .unchecked_into();
        let mut keystrokes = Vec::new();
        for typed in [
            "n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen ", "nguyen t", "0", "09", "091",
            "",
        ] {
            // The list is filtered on the input event; its DOM is updated
            // before the next timer turn (as in `screens`).
            let start = precise_ms();
            input.set_value(typed);
            input
                .dispatch_event(&web_sys::Event::new("input").unwrap())
                .unwrap();
            tick().await;
            keystrokes.push((precise_ms() - start - empty_turn).max(0.0));
        }
        let k = spread(&mut keystrokes);
        console_log!(
            "{n} leads, lead search, a keystroke → the list updated in the DOM: median {:.1} ms, worst {:.1} ms ({} keystrokes)",
            k.0,
            k.1,
            keystrokes.len()
        );
        let (mut through_store, mut after_store) = (Vec::new(), Vec::new());
        for k in 0..2 * EDITS {
            let Some(id) = open_rows().into_iter().nth(k % 4) else {
                break;
            };
            let before = row_html(&id);
            let lead_id: LeadId = id.parse().unwrap();
            let start = precise_ms();
            if k % 2 == 0 {
                state.advance(lead_id);
                through_store.push(until(start, empty_turn, || row_html(&id) != before).await);
            } else {
                let mut lead = state
                    .insights
                    .with_untracked(|i| i.lead(lead_id).cloned())
                    .unwrap();
                let pipeline = state.pipeline.get_untracked();
                lead.advance(&pipeline, None, Utc::now()).unwrap();
                let start = precise_ms();
                state.show_change(Changed {
                    leads: vec![lead],
                    ..Changed::default()
                });
                after_store.push(until(start, empty_turn, || row_html(&id) != before).await);
            }
        }
        let (a, b) = (spread(&mut through_store), spread(&mut after_store));
        console_log!(
            "{n} leads, lead list, \"next stage\" → row updated: through the store median {:.1} ms, worst {:.1} ms; once stored (recompute + DOM) median {:.1} ms, worst {:.1} ms ({} + {} edits, an empty timer turn of {empty_turn:.1} ms subtracted)",
            a.0,
            a.1,
            b.0,
            b.1,
            through_store.len(),
            after_store.len()
        );
        drop(handle);
        root.remove();

        // Today: log a call on the first queued lead.
        let (root, handle) = mount_page(state, || view! { <TodayPage /> }).await;
        let page = || {
            root.query_selector("[data-testid='page-today']")
                .unwrap()
                .map(|p| p.inner_html())
        };
        let first_call = || -> Option<LeadId> {
            let button = root
                .query_selector("[data-testid='log-connected']")
                .unwrap()?;
            let row = button.closest("[data-lead-id]").unwrap()?;
            row.get_attribute("data-lead-id")?.parse().ok()
        };
        let (mut through_store, mut after_store) = (Vec::new(), Vec::new());
        for k in 0..2 * EDITS {
            let Some(id) = first_call() else { break };
            let before = page();
            if k % 2 == 0 {
                let start = precise_ms();
                let draft = leadpact::domain::activity::ActivityDraft {
                    kind: ActivityKind::Call,
                    direction: Direction::Outbound,
                    outcome: Outcome::Connected,
                    note: String::new(),
                };
                state.log_activity(id, draft).expect("a call that fits");
                through_store.push(until(start, empty_turn, || page() != before).await);
            } else {
                let mut lead = state
                    .insights
                    .with_untracked(|i| i.lead(id).cloned())
                    .unwrap();
                let mut list = state.activities_of(id);
                let at = Utc::now();
                list.push(leadpact::domain::activity::Activity {
                    lead: id,
                    at,
                    kind: ActivityKind::Call,
                    direction: Direction::Outbound,
                    outcome: Outcome::Connected,
                    rep: lead.owner().cloned(),
                    note: None,
                    by: None,
                    extra: Default::default(),
                });
                lead.touch(at);
                let start = precise_ms();
                state.show_change(Changed {
                    leads: vec![lead],
                    activities: vec![(id, list)],
                    ..Changed::default()
                });
                after_store.push(until(start, empty_turn, || page() != before).await);
            }
        }
        let (a, b) = (spread(&mut through_store), spread(&mut after_store));
        console_log!(
            "{n} leads, Today, a call logged → queue updated: through the store median {:.1} ms, worst {:.1} ms; once stored (recompute + DOM) median {:.1} ms, worst {:.1} ms ({} + {} edits)",
            a.0,
            a.1,
            b.0,
            b.1,
            through_store.len(),
            after_store.len()
        );
        // A clock tick: every lead evaluated again, Today drawn again.
        let mut ticks = Vec::new();
        for i in 1..=5 {
            let before = page();
            let start = precise_ms();
            state
                .now
                .set(Utc::now() + chrono::TimeDelta::minutes(20 * i));
            ticks.push(until(start, empty_turn, || page() != before).await);
        }
        let t = spread(&mut ticks);
        console_log!(
            "{n} leads, Today, a clock tick → queue drawn again: median {:.1} ms, worst {:.1} ms",
            t.0,
            t.1
        );
        drop(handle);
        root.remove();
        // The database stays (the app keeps its connection open, so a
        // deletion would wait for ever); the scratch profile goes after.
    }
}
