//! The verdicts on random workspaces, periods, instants and targets: what
//! a scorecard says is never plainly untrue.

use super::*;
use crate::domain::sample::generate;
use crate::domain::targets::{TargetRules, scorecard_with_advice};
use crate::domain::test_support::vn;
use chrono::TimeDelta;
use proptest::prelude::*;

/// Every KPI a scorecard can show (the sample's sources included).
fn every_kpi() -> Vec<Kpi> {
    let mut kpis = vec![
        Kpi::LeadVolume,
        Kpi::QualifiedRate,
        Kpi::JunkRate,
        Kpi::FirstResponseMedian,
        Kpi::FirstResponseP90,
        Kpi::FirstResponseWithinSla,
        Kpi::AttemptsPerLead,
        Kpi::RequiredAttemptsRate,
        Kpi::QualifiedToWon,
        Kpi::LeadToWon,
        Kpi::Csat,
        Kpi::FirstContactResolution,
        Kpi::OpenLoad,
        Kpi::Breaches,
        Kpi::Reassignments,
    ];
    kpis.extend(
        ["Facebook", "Google", "Zalo", "Website", "Referral"]
            .map(|s| Kpi::LeadsFromSource(s.into())),
    );
    kpis
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// For any workspace, any time, any period and any targets: a 0 against
    /// a floor above 0 is never met; a floor is only met or missed and a
    /// ceiling only within or over; a figure over leads gets a verdict only
    /// on enough cases; "too early" only while the period runs, "too few"
    /// only once it is over; the capacity streak counts verdicts only.
    #[test]
    fn a_zero_against_a_floor_above_zero_is_never_met(
        seed in any::<u64>(),
        leads in 0usize..120,
        reps in 2usize..6,
        minutes_later in -20_000i64..80_000,
        kind in 0u8..3,
        back in 0usize..3,
        targets in proptest::collection::vec((any::<bool>(), 0u8..4, 0.0f64..150.0), 20),
    ) {
        let made = vn("2026-03-04 10:00");
        let mut ws = generate(seed, leads, reps, made);
        for (kpi, (floor, scope, value)) in every_kpi().into_iter().zip(targets) {
            let goal = if floor { Goal::AtLeast } else { Goal::AtMost };
            let scope = match scope {
                0 => None,
                1 => Some(Scope::Marketing),
                2 => Some(Scope::Sales),
                _ => ws.reps.first().map(|r| Scope::Rep(r.id.clone())),
            };
            // Whole values half the time: counts meet them exactly.
            let value = if value > 75.0 { (value - 75.0).floor() } else { value };
            ws.targets.set(scope, kpi, Target { goal, value });
        }
        let now = made + TimeDelta::minutes(minutes_later);
        let p = Prepared::new(&ws, now).unwrap();
        let kind = [PeriodKind::Day, PeriodKind::Week, PeriodKind::Month][kind as usize];
        let mut period = Period::containing(kind, now, p.timezone());
        for _ in 0..back {
            period = period.previous();
        }
        let in_progress = period.elapsed_share(p.calendar.calendar(), now) < 1.0;
        for scope in all_scopes(&p) {
            for (row, advice) in scorecard_with_advice(&p, &scope, period, TargetRules::default(), now) {
                let what = format!("{scope:?} {} {:?} {:?} n={} {period:?}", row.kpi, row.target, row.actual, row.cases);
                if let (Some(t), Some(a)) = (row.target, row.actual)
                    && t.goal == Goal::AtLeast && t.value > 0.0 && a == 0.0
                {
                    prop_assert_ne!(row.status, KpiStatus::Met, "{}", what);
                }
                match (row.target.map(|t| t.goal), row.status) {
                    (None, s) => prop_assert_eq!(s, KpiStatus::NoTarget, "{}", what),
                    (Some(_), KpiStatus::NoTarget) => prop_assert!(false, "{}", what),
                    (Some(Goal::AtLeast), KpiStatus::Within | KpiStatus::Over)
                    | (Some(Goal::AtMost), KpiStatus::Met | KpiStatus::Missed) => {
                        prop_assert!(false, "words against the direction: {:?} {}", row.status, what)
                    }
                    (Some(_), KpiStatus::TooEarly { .. }) => prop_assert!(in_progress, "{}", what),
                    (Some(_), KpiStatus::TooFew { .. }) => prop_assert!(!in_progress, "{}", what),
                    _ => {}
                }
                if row.kpi.basis() == Basis::Leads && (row.status.is_kept() || row.status.is_miss()) {
                    prop_assert!(row.cases >= MIN_CASES, "a verdict on too few cases: {}", what);
                }
                if row.pace.is_some() {
                    prop_assert!(in_progress && row.kpi.basis() == Basis::Count, "{}", what);
                }
                // The streak counts only periods with a verdict, each a miss.
                let streak = advice.missed_in_a_row as usize;
                prop_assert!(
                    advice.history.iter().rev().take(streak).all(|(_, f)| {
                        f.is_judged(&row.kpi) && judge(&row.kpi, row.target, *f, 1.0).0.is_miss()
                    }),
                    "{}", what
                );
            }
        }
    }
}
