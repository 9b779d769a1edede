//! Prints the size of a generated workspace: `cargo run --release --example sample_stats -- 100000 20`.
use chrono::{TimeZone, Utc};
use leadpact::domain::sample::generate;
use leadpact::domain::workspace::Prepared;
use std::time::Instant;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let leads = args.next().unwrap_or(100_000);
    let reps = args.next().unwrap_or(20);
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
    let t = Instant::now();
    let ws = generate(1, leads, reps, now);
    let generated = t.elapsed();
    let t = Instant::now();
    let prepared = Prepared::new(&ws, now).expect("valid calendar");
    let indexed = t.elapsed();
    let json = serde_json::to_string(&ws).expect("serialises");
    println!(
        "{} leads, {} activities ({:.1}/lead), {} reps; generated in {generated:.2?}, indexed in {indexed:.2?}; JSON {:.1} MB",
        ws.leads.len(),
        ws.activities.len(),
        ws.activities.len() as f64 / ws.leads.len() as f64,
        ws.reps.len(),
        json.len() as f64 / 1e6
    );
    drop(prepared);
}
