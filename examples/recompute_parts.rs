//! Where the app's recompute after a change goes, at 10 000 leads (native):
//! `cargo run --release --example recompute_parts`.

use chrono::{TimeZone, Utc};
use leadpact::domain::calendar::{BusinessCalendar, Timeline};
use leadpact::domain::queue::all_clocks;
use leadpact::domain::sample::generate;
use leadpact::domain::workspace::{ActivityIndex, Prepared};
use std::time::Instant;

fn main() {
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
    let ws = generate(1, 10_000, 10, now);
    for _ in 0..3 {
        let t = Instant::now();
        let copy = ws.clone();
        let clone = t.elapsed();
        let t = Instant::now();
        let cal = BusinessCalendar::new(ws.calendar.clone()).unwrap();
        let first = ws.leads[0].created_at();
        let tl = Timeline::new(
            cal,
            first - chrono::TimeDelta::days(2),
            now + chrono::TimeDelta::days(366),
        );
        let timeline = t.elapsed();
        let t = Instant::now();
        let idx = ActivityIndex::new(&ws.activities);
        let index = t.elapsed();
        let t = Instant::now();
        let p = Prepared::new(&copy, now).unwrap();
        let prepared = t.elapsed();
        let t = Instant::now();
        let n = all_clocks(&p, now).len();
        let clocks = t.elapsed();
        println!(
            "clone {clone:?}; timeline {timeline:?}; activity index {index:?}; Prepared::new {prepared:?}; all clocks ({n}) {clocks:?}"
        );
        drop((tl, idx));
    }
}
