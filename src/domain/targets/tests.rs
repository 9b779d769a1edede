//! Tests of `targets`.

use super::*;

#[test]
fn baseline_is_the_median_of_the_last_k_with_data() {
    assert_eq!(
        baseline(&[Some(50.0), Some(10.0), Some(30.0), Some(20.0)], 3),
        Some(20.0)
    );
    assert_eq!(
        baseline(&[Some(1.0), None, Some(4.0), Some(2.0)], 4),
        Some(2.0)
    );
    assert_eq!(baseline(&[Some(1.0), Some(3.0)], 4), Some(2.0));
    assert_eq!(baseline(&[None, None], 4), None);
}

fn floor(value: f64) -> Target {
    Target {
        goal: Goal::AtLeast,
        value,
    }
}

fn ceiling(value: f64) -> Target {
    Target {
        goal: Goal::AtMost,
        value,
    }
}

/// One line per rule of the module docs (and every example there).
#[test]
fn suggestions() {
    use Suggestion::*;
    #[track_caller]
    fn check(kpi: Kpi, current: Target, baseline: f64, expected: Suggestion) {
        assert_eq!(
            suggest(&kpi, current, baseline, TargetRules::default().step),
            expected,
            "{kpi} {current:?}, baseline {baseline}"
        );
    }
    let rate = || Kpi::QualifiedRate;
    // Better than the target: one step toward the baseline, never past it.
    check(rate(), floor(30.0), 50.0, Move(floor(33.0)));
    check(rate(), floor(30.0), 31.04, Move(floor(31.0)));
    check(Kpi::JunkRate, ceiling(15.0), 13.3, Move(ceiling(13.5)));
    check(Kpi::JunkRate, ceiling(15.0), 14.96, Keep); // 14.96 rounds up to 15
    check(Kpi::OpenLoad, ceiling(90.0), 20.0, Move(ceiling(81.0)));
    check(
        Kpi::FirstResponseMedian,
        ceiling(30.0),
        12.0,
        Move(ceiling(27.0)),
    );
    // At the target: keep it.
    check(rate(), floor(30.0), 30.0, Keep);
    check(rate(), floor(30.0), 30.04, Keep);
    // A little under a floor / over a ceiling: toward the team, within a step.
    check(rate(), floor(30.0), 28.0, Move(floor(28.0)));
    check(rate(), floor(30.0), 25.0, Move(floor(27.0)));
    check(Kpi::AttemptsPerLead, floor(2.0), 1.7, Move(floor(1.8)));
    check(Kpi::JunkRate, ceiling(15.0), 17.0, Move(ceiling(16.5)));
    // Missed by far: no target a step away would be reached.
    check(rate(), floor(30.0), 20.0, OutOfReach);
    check(rate(), floor(30.0), 0.0, OutOfReach);
    check(Kpi::AttemptsPerLead, floor(2.0), 0.0, OutOfReach);
    check(Kpi::LeadToWon, floor(5.0), 0.0, OutOfReach);
    check(Kpi::FirstResponseMedian, ceiling(30.0), 76.5, OutOfReach);
    check(Kpi::FirstResponseP90, ceiling(120.0), 1536.0, OutOfReach);
    // Counts move by whole leads, at least one.
    check(Kpi::LeadVolume, floor(3.0), 5.0, Move(floor(4.0)));
    check(Kpi::LeadVolume, floor(20.0), 30.0, Move(floor(22.0)));
    check(Kpi::LeadVolume, floor(20.0), 20.5, Keep);
    check(Kpi::LeadVolume, floor(3.0), 2.0, Move(floor(2.0)));
    check(Kpi::Breaches, ceiling(10.0), 4.0, Move(ceiling(9.0)));
    // A target of 0 moves by a step of the baseline.
    check(rate(), floor(0.0), 20.0, Move(floor(2.0)));
    // Never trivial: a floor at 0, a ceiling at 100 on a share.
    check(rate(), floor(0.05), 0.0, Keep);
    check(Kpi::JunkRate, ceiling(99.0), 100.0, Keep);
    // Rounded toward the easier side, with no float hair.
    check(rate(), floor(1.0), 9.0, Move(floor(1.1)));
    check(rate(), floor(33.0), 60.0, Move(floor(36.3)));
}

#[test]
fn streak_of_misses_counts_verdicts_from_the_latest() {
    use KpiStatus::*;
    for (statuses, expected) in [
        (&[Missed, Met, Missed, Missed][..], 2),
        (&[Missed, Missed, Missed], 3),
        (&[Over, Over, Within, Over, Over], 2),
        (&[Missed, Met], 0),
        (&[Over, Within], 0),
        // A period too early or with too few leads to judge is no miss:
        // it ends the streak.
        (&[Missed, Missed, TooFew { cases: 3 }, Missed], 1),
        (&[Missed, TooEarly { cases: 2 }], 0),
        (&[Missed, Missed, NoData], 0),
        (&[], 0),
    ] {
        assert_eq!(missed_in_a_row(statuses), expected, "{statuses:?}");
    }
}

#[test]
fn the_advice_on_a_period_reads_the_periods_before_it_never_itself() {
    use crate::domain::sample::generate;
    use crate::domain::scorecard::{PeriodKind, all_scopes};
    use chrono::TimeZone;
    let now = chrono::Utc.with_ymd_and_hms(2026, 6, 3, 3, 0, 0).unwrap();
    let ws = generate(5, 600, 4, now);
    let p = Prepared::new(&ws, now).unwrap();
    let this_week = Period::containing(PeriodKind::Week, now, p.timezone());
    let last_week = this_week.previous();
    // This week's advice ends with last week; last week's with the week
    // before it (its own verdict is beside it, its streak is of the weeks
    // before).
    let scope = all_scopes(&p).into_iter().next().unwrap();
    for (row, advice) in scorecard_with_advice(&p, &scope, last_week, TargetRules::default(), now) {
        assert_eq!(
            advice.history.last().map(|(per, _)| *per),
            Some(last_week.previous()),
            "{:?}",
            row.kpi
        );
        assert_eq!(
            advice,
            advise(&p, &scope, &row.kpi, last_week, TargetRules::default(), now)
        );
    }
    for (row, advice) in scorecard_with_advice(&p, &scope, this_week, TargetRules::default(), now) {
        assert_eq!(
            advice.history.last().map(|(per, _)| *per),
            Some(last_week),
            "{:?}",
            row.kpi
        );
    }
}

#[test]
fn the_shared_cohorts_give_the_same_advice_as_one_kpi_at_a_time() {
    use crate::domain::sample::generate;
    use crate::domain::scorecard::{PeriodKind, all_scopes};
    use chrono::TimeZone;
    let now = chrono::Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
    let ws = generate(5, 600, 4, now);
    let p = Prepared::new(&ws, now).unwrap();
    let week = Period::containing(PeriodKind::Week, now, p.timezone());
    for scope in all_scopes(&p) {
        for (row, advice) in scorecard_with_advice(&p, &scope, week, TargetRules::default(), now) {
            assert_eq!(
                advice,
                advise(&p, &scope, &row.kpi, week, TargetRules::default(), now),
                "{scope:?} {:?}",
                row.kpi
            );
        }
    }
}
