//! Writes a backup of a generated workspace to stdout:
//! `cargo run --release --example export_backup -- <seed> <leads> <reps> > backup.json`.
use chrono::{TimeZone, Utc};
use leadpact::domain::sample::generate;
use leadpact::io::backup::export_json;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<u64>().expect("a number"));
    let seed = args.next().unwrap_or(1);
    let leads = args.next().unwrap_or(100) as usize;
    let reps = args.next().unwrap_or(3) as usize;
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
    println!("{}", export_json(&generate(seed, leads, reps, now), now));
}
