//! Targets that start from what the team actually does and rise slowly.
//!
//! - **Baseline**: the median of the KPI over the last `k` complete periods
//!   that have data (default 4).
//! - **Suggested next target**: the baseline improved by a step (default 5 %)
//!   in the KPI's direction.
//! - **Capacity signal**: the target was missed `n` periods in a row (default
//!   3) — more effort will not fix it; more people or fewer leads will.

use super::scorecard::{
    Cohort, Goal, Kpi, KpiStatus, Period, Row, Scope, Target, measure_past, scorecard, series,
    status,
};
use super::workspace::Prepared;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Tuning for [`advise`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetRules {
    /// Complete periods in the baseline.
    pub k: usize,
    /// Improvement step, as a fraction (0.05 = 5 %).
    pub step: f64,
    /// Misses in a row that raise the capacity signal.
    pub streak: u32,
}

impl Default for TargetRules {
    fn default() -> Self {
        TargetRules {
            k: 4,
            step: 0.05,
            streak: 3,
        }
    }
}

/// Median of the values that exist among the last `k`.
pub fn baseline(values: &[Option<f64>], k: usize) -> Option<f64> {
    let mut last: Vec<f64> = values.iter().rev().take(k).flatten().copied().collect();
    if last.is_empty() {
        return None;
    }
    crate::sort::sort_by(&mut last, f64::total_cmp);
    let n = last.len();
    Some(if n % 2 == 1 {
        last[n / 2]
    } else {
        (last[n / 2 - 1] + last[n / 2]) / 2.0
    })
}

/// The baseline moved one step in the better direction.
pub fn suggest(baseline: f64, goal: Goal, step: f64) -> Target {
    let value = match goal {
        Goal::AtLeast => baseline * (1.0 + step),
        Goal::AtMost => baseline * (1.0 - step),
    };
    Target { goal, value }
}

/// How many of the latest statuses in a row were "needs improvement".
pub fn missed_in_a_row(statuses: &[KpiStatus]) -> u32 {
    statuses
        .iter()
        .rev()
        .take_while(|s| **s == KpiStatus::NeedsImprovement)
        .count() as u32
}

/// What the target screen shows for one KPI.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Advice {
    /// Values of the last complete periods, oldest first.
    pub history: Vec<(Period, Option<f64>)>,
    /// Median of those.
    pub baseline: Option<f64>,
    /// Baseline plus one step.
    pub suggested: Option<Target>,
    /// Periods missed in a row, latest first.
    pub missed_in_a_row: u32,
    /// `missed_in_a_row >= rules.streak`.
    pub capacity_short: bool,
}

/// Advice for `kpi` in `scope` from the `k` complete periods before `current`.
pub fn advise(
    p: &Prepared<'_>,
    scope: &Scope,
    kpi: &Kpi,
    current: Period,
    rules: TargetRules,
    now: DateTime<Utc>,
) -> Advice {
    let history = series(
        p,
        scope,
        kpi,
        current.previous(),
        rules.k.max(rules.streak as usize),
        now,
    );
    advice_from(p, scope, kpi, history, rules)
}

fn advice_from(
    p: &Prepared<'_>,
    scope: &Scope,
    kpi: &Kpi,
    history: Vec<(Period, Option<f64>)>,
    rules: TargetRules,
) -> Advice {
    let target = p.ws.targets.get(scope, kpi);
    let values: Vec<Option<f64>> = history.iter().map(|(_, v)| *v).collect();
    let base = baseline(&values, rules.k);
    let statuses: Vec<KpiStatus> = values.iter().map(|v| status(target, *v)).collect();
    let missed = missed_in_a_row(&statuses);
    let goal = target.map(|t| t.goal);
    Advice {
        baseline: base,
        suggested: base.zip(goal).map(|(b, g)| suggest(b, g, rules.step)),
        missed_in_a_row: missed,
        capacity_short: missed >= rules.streak,
        history,
    }
}

/// The scorecard of `scope` for `current` with [`advise`]'s advice for every
/// row — the same answers, but each past period's cohort is built once and
/// shared by every KPI instead of once per KPI.
pub fn scorecard_with_advice(
    p: &Prepared<'_>,
    scope: &Scope,
    current: Period,
    rules: TargetRules,
    now: DateTime<Utc>,
) -> Vec<(Row, Advice)> {
    let periods = current
        .previous()
        .ending_with(rules.k.max(rules.streak as usize));
    let cohorts: Vec<Cohort<'_>> = periods
        .iter()
        .map(|per| Cohort::new(p, *per, scope, now))
        .collect();
    scorecard(p, current, scope, now)
        .into_iter()
        .map(|row| {
            let history = periods
                .iter()
                .zip(&cohorts)
                .map(|(per, c)| (*per, measure_past(p, c, scope, &row.kpi)))
                .collect();
            let advice = advice_from(p, scope, &row.kpi, history, rules);
            (row, advice)
        })
        .collect()
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn suggestions_move_one_step_the_right_way() {
        assert_eq!(
            suggest(80.0, Goal::AtLeast, 0.05),
            Target {
                goal: Goal::AtLeast,
                value: 84.0
            }
        );
        assert_eq!(
            suggest(40.0, Goal::AtMost, 0.05),
            Target {
                goal: Goal::AtMost,
                value: 38.0
            }
        );
    }

    #[test]
    fn streak_of_misses_counts_from_the_latest() {
        use KpiStatus::*;
        assert_eq!(
            missed_in_a_row(&[NeedsImprovement, Met, NeedsImprovement, NeedsImprovement]),
            2
        );
        assert_eq!(
            missed_in_a_row(&[NeedsImprovement, NeedsImprovement, NeedsImprovement]),
            3
        );
        assert_eq!(missed_in_a_row(&[NeedsImprovement, Exceeded]), 0);
        assert_eq!(missed_in_a_row(&[]), 0);
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
            for (row, advice) in
                scorecard_with_advice(&p, &scope, week, TargetRules::default(), now)
            {
                assert_eq!(
                    advice,
                    advise(&p, &scope, &row.kpi, week, TargetRules::default(), now),
                    "{scope:?} {:?}",
                    row.kpi
                );
            }
        }
    }
}
