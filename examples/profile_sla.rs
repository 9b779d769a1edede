//! Evaluates every SLA clock of a generated workspace a few times, for profilers:
//! `valgrind --tool=callgrind target/release/examples/profile_sla 5000`.
use chrono::{TimeZone, Utc};
use leadpact::domain::sample::generate;
use leadpact::domain::sla::evaluate;
use leadpact::domain::workspace::Prepared;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5_000);
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
    let ws = generate(1, n, 10, now);
    let p = Prepared::new(&ws, now).expect("valid calendar");
    let mut breached = 0;
    for _ in 0..5 {
        breached += ws
            .leads
            .iter()
            .enumerate()
            .map(|(i, l)| evaluate(p.sla(), l, p.activities(i), now))
            .filter(|c| c.first_response.is_breached())
            .count();
    }
    println!("{breached}");
}
