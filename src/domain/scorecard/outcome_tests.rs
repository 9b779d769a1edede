//! Figures that cannot be known yet, and figures of the state now: no 0
//! for a lead inside its own clocks, no verdict on another period's load.

use super::test_world::{now, week, world, world_of};
use super::*;
use crate::domain::test_support::vn;
use crate::domain::workspace::Prepared;
use chrono::NaiveDate;

fn row<'a>(rows: &'a [Row], kpi: &Kpi) -> &'a Row {
    rows.iter()
        .find(|r| &r.kpi == kpi)
        .unwrap_or_else(|| panic!("no row for {kpi}"))
}

fn check(rows: &[Row], kpi: Kpi, actual: Option<f64>, status: KpiStatus) {
    let r = row(rows, &kpi);
    match (r.actual, actual) {
        (Some(a), Some(e)) => assert!((a - e).abs() < 1e-9, "{kpi}: actual {a}, expected {e}"),
        (a, e) => assert_eq!(a, e, "{kpi}"),
    }
    assert_eq!(r.status, status, "{kpi} status");
}

#[test]
fn leads_still_inside_their_clocks_are_not_zeros() {
    use crate::domain::lead::{Lead, LeadDraft, LeadId};
    use KpiStatus::*;
    // Twelve leads that arrived ten minutes ago: nobody could have called,
    // qualified or won them yet, so they are no 0 in any rate.
    let mut ws = world();
    let pipeline = ws.pipeline.clone();
    for n in 0..12u128 {
        let draft = LeadDraft {
            name: format!("N{n}"),
            phone: "0912345678".into(),
            source: "Zalo".into(),
            ..Default::default()
        };
        let id = LeadId::from_uuid(uuid::Uuid::from_u128(1000 + n));
        ws.leads
            .push(Lead::create(&draft, id, vn("2026-03-04 09:00"), &pipeline).unwrap());
    }
    let day = Period::Day(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
    let at = vn("2026-03-04 09:10");
    let p = Prepared::new(&ws, at).unwrap();
    let m = scorecard(&p, day, &Scope::Marketing, at);
    check(&m, Kpi::LeadVolume, Some(12.0), NoTarget);
    let open = Undecided { open: 12, of: 12 };
    check(&m, Kpi::QualifiedRate, None, open);
    check(&m, Kpi::JunkRate, None, open);
    let s = scorecard(&p, day, &Scope::Sales, at);
    check(&s, Kpi::AttemptsPerLead, None, open);
    check(&s, Kpi::LeadToWon, None, open);
    check(&s, Kpi::QualifiedToWon, None, NoData); // none qualified
    // Two days later their attempts clocks (3 calls in one working day) have
    // run out uncalled: calls per lead is judged, 0; but nobody decided at
    // the gate and none is closed: still open, no 0 in those rates.
    let later = vn("2026-03-06 12:00");
    let p = Prepared::new(&ws, later).unwrap();
    let m = scorecard(&p, day, &Scope::Marketing, later);
    check(&m, Kpi::QualifiedRate, None, open);
    let s = scorecard(&p, day, &Scope::Sales, later);
    check(&s, Kpi::AttemptsPerLead, Some(0.0), Missed);
    assert_eq!(row(&s, &Kpi::AttemptsPerLead).cases, 12);
    check(&s, Kpi::LeadToWon, None, open);
    // Past their 30 days of nurture they are no longer worked: decided, not
    // qualified — now a 0 is true.
    let month = vn("2026-04-20 12:00");
    let p = Prepared::new(&ws, month).unwrap();
    let m = scorecard(&p, day, &Scope::Marketing, month);
    check(&m, Kpi::QualifiedRate, Some(0.0), Missed);
}

#[test]
fn the_load_now_is_no_verdict_on_another_period() {
    let ws = world_of(5);
    let p = Prepared::new(&ws, now()).unwrap();
    let rows = scorecard(&p, week(), &Scope::Sales, now());
    check(&rows, Kpi::OpenLoad, Some(100.0), KpiStatus::Over);
    for other in [week().previous(), week().next()] {
        let rows = scorecard(&p, other, &Scope::Sales, now());
        check(&rows, Kpi::OpenLoad, None, KpiStatus::NowOnly);
    }
}
