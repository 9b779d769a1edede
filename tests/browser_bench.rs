//! In-browser measurements for BENCHMARKS.md (headless Chromium, release
//! build, real IndexedDB): writing and loading workspaces of 10 000 and
//! 100 000 leads, a 10 000-row CSV import, a 100 000-lead backup. Figures are
//! printed, never asserted. Run with `make bench-browser`.
#![cfg(target_arch = "wasm32")]

use chrono::{TimeZone, Utc};
use leadpact::domain::lead::LeadId;
use leadpact::domain::sample::generate;
use leadpact::domain::workspace::Prepared;
use leadpact::io::backup::{export_json, import_json};
use leadpact::io::csv_export::export_csv;
use leadpact::io::csv_import::{OnDuplicate, preview};
use leadpact::storage::Store;
use leadpact::storage::indexeddb::IdbStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn ms() -> f64 {
    js_sys::Date::now()
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

    let small = generate(2, 10_000, 10, now);
    let csv = export_csv(&small.leads, &small.pipeline);
    let t = ms();
    let mut p = preview(&csv, None).unwrap();
    p.mark_duplicates(&[]);
    let mut k = 0u128;
    let leads = p.leads(OnDuplicate::Skip, &small.pipeline, now, || {
        k += 1;
        LeadId::from_uuid(uuid::Uuid::from_u128(k))
    });
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
        "CSV 10 000 rows ({} KB): preview + duplicates + leads {parse:.0} ms; write in one transaction {write:.0} ms",
        csv.len() / 1024
    );
    drop(store);
    IdbStore::delete(&name).await.unwrap();

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
