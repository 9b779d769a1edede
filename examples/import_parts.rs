//! Where a large backup import goes (native): `cargo run --profile bench --example import_parts`
//! (`--release` measures the size-optimised build the browser gets).

use chrono::{TimeZone, Utc};
use leadpact::domain::activity::Activity;
use leadpact::domain::lead::Lead;
use leadpact::domain::sample::generate;
use leadpact::io::backup::{export_json, import_json};
use std::time::Instant;

fn main() {
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
    let ws = generate(1, 100_000, 20, now);
    let leads = serde_json::to_string(&ws.leads).unwrap();
    let acts = serde_json::to_string(&ws.activities).unwrap();
    let t = Instant::now();
    let json = export_json(&ws, now);
    println!("export_json: {:?}", t.elapsed());
    let t = Instant::now();
    let _: Vec<Lead> = serde_json::from_str(&leads).unwrap();
    println!("leads ({} MB): {:?}", leads.len() >> 20, t.elapsed());
    let t = Instant::now();
    let _: Vec<Activity> = serde_json::from_str(&acts).unwrap();
    println!("activities ({} MB): {:?}", acts.len() >> 20, t.elapsed());
    let t = Instant::now();
    let _: Vec<serde_json::Value> = serde_json::from_str(&acts).unwrap();
    println!("activities as untyped JSON values: {:?}", t.elapsed());
    scan(&json);
    let t = Instant::now();
    let back = import_json(&json).unwrap();
    println!("import_json ({} MB): {:?}", json.len() >> 20, t.elapsed());
    assert_eq!(back.leads.len(), ws.leads.len());
}

/// The two raw scans the careful import path makes before parsing.
fn scan(json: &str) {
    use serde_json::value::RawValue;
    use std::collections::BTreeMap;
    let t = Instant::now();
    let env: BTreeMap<String, &RawValue> = serde_json::from_str(json).unwrap();
    println!("envelope split: {:?}", t.elapsed());
    let t = Instant::now();
    let parts: BTreeMap<String, &RawValue> = serde_json::from_str(env["data"].get()).unwrap();
    println!("data split: {:?} ({} parts)", t.elapsed(), parts.len());
}
