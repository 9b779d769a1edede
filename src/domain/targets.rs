//! Targets that start from what the team actually does and rise slowly.
//!
//! - **Baseline** (the measured level): the median of the KPI over the last
//!   `k` complete periods (default 4) whose figure can be judged — periods
//!   with leads, and for a figure over leads at least
//!   [`MIN_CASES`](super::scorecard::MIN_CASES) cases (a rate on 3 leads is
//!   not a level). Open load is the state now: past periods have no figure
//!   of it, so it has no baseline, no suggestion and no streak.
//! - **Suggested next target**: starts from the current target and moves
//!   toward the baseline by at most one *step*: `step` (default 10 %) of
//!   the current target (of the baseline when the target is 0), and at
//!   least one unit — one for counts, 0.1 for every other figure. It never
//!   passes the baseline, and it is rounded to its unit toward the easier
//!   side (a floor down, a ceiling up), so it never asks more than the team
//!   does. Then:
//!   - when it equals the current target: *keep* (nothing to accept);
//!   - when the baseline still misses it by more than one step: *out of
//!     reach* — no target is suggested, since a step cannot make it
//!     reachable (that is the capacity signal's business, not a new
//!     target's);
//!   - when it is trivial — a floor at or below 0, a ceiling at or above
//!     100 on a share of leads — *keep*;
//!   - otherwise it is suggested.
//!
//!   Examples (step 10 %):
//!
//!   | current | baseline | suggested |
//!   |---|---|---|
//!   | qualified rate ≥ 30 | 50 | ≥ 33 (a step, not the baseline) |
//!   | qualified rate ≥ 30 | 31.04 | ≥ 31 (not past the baseline) |
//!   | qualified rate ≥ 30 | 30 | keep |
//!   | qualified rate ≥ 30 | 28 | ≥ 28 |
//!   | qualified rate ≥ 30 | 25 | ≥ 27 (25 misses it by 2, within a step) |
//!   | qualified rate ≥ 30 | 0 | out of reach (never "≥ 0") |
//!   | first response median ≤ 30 min | 76.5 | out of reach (not "≤ 72.7") |
//!   | first response P90 ≤ 120 min | 1 536 | out of reach (not "≤ 1459.2") |
//!   | junk rate ≤ 15 | 13.3 | ≤ 13.5 |
//!   | lead volume ≥ 3 | 5 | ≥ 4 (one lead: a count's unit) |
//!   | lead volume ≥ 20 | 20.5 | keep (20.5 rounds down to 20) |
//!
//!   Tests: `tests::suggestions` (one line per rule).
//! - **Capacity signal**: the target was missed `n` complete periods in a
//!   row (default 3) — more effort will not fix it; more people or fewer
//!   leads will. Only verdicts count: a period with too few leads to judge
//!   (or none) ends the streak, so "missed 4 in a row" means four verdicts,
//!   each a miss.
//! - **Which periods**: the complete periods up to the one shown — the
//!   shown period itself once it is over (a past week read on its own
//!   scorecard: a week met there shows no streak of misses, and its
//!   baseline counts it), the ones before it while it is in progress.

use super::scorecard::{
    Basis, Cohort, Figure, Goal, Kpi, KpiStatus, Period, Row, Scope, Target, judge, measure_past,
    scorecard, series,
};
use super::workspace::Prepared;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Tuning for [`advise`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetRules {
    /// Complete periods in the baseline.
    pub k: usize,
    /// The largest move of a suggested target, as a fraction of the
    /// current target (0.1 = 10 %).
    pub step: f64,
    /// Misses in a row that raise the capacity signal.
    pub streak: u32,
}

impl Default for TargetRules {
    fn default() -> Self {
        TargetRules {
            k: 4,
            step: 0.1,
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

/// What the suggested-target column says (module rules).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum Suggestion {
    /// A new target, one step from the current one toward the baseline.
    Move(Target),
    /// The current target stays: the team is at it, or a step would make it
    /// trivial.
    Keep,
    /// The team misses the target by more than a step: no target suggested.
    OutOfReach,
}

/// The next target for `kpi` from `current` and the measured `baseline`
/// (module rules).
pub fn suggest(kpi: &Kpi, current: Target, baseline: f64, step: f64) -> Suggestion {
    let unit = if kpi.basis() == Basis::Count {
        1.0
    } else {
        0.1
    };
    let c = current.value;
    let bound = |of: f64| (step * of.abs()).max(unit);
    let reach = bound(if c == 0.0 { baseline } else { c });
    let moved = c + (baseline - c).clamp(-reach, reach);
    let value = round_easier(moved, unit, current.goal);
    let target = Target {
        goal: current.goal,
        value,
    };
    let gap = match current.goal {
        Goal::AtLeast => value - baseline,
        Goal::AtMost => baseline - value,
    };
    let trivial = match current.goal {
        Goal::AtLeast => value <= 0.0,
        Goal::AtMost => kpi.is_share() && value >= 100.0,
    };
    if gap > bound(value) + 1e-9 {
        Suggestion::OutOfReach
    } else if trivial || (value - c).abs() < unit / 2.0 {
        Suggestion::Keep
    } else {
        Suggestion::Move(target)
    }
}

/// `v` rounded to a multiple of `unit` toward the easier side of `goal` (a
/// floor down, a ceiling up); a value within a hair of a multiple is that
/// multiple (so 30 × 1.1 is 33, not 33.0000001 rounded).
fn round_easier(v: f64, unit: f64, goal: Goal) -> f64 {
    let scaled = v / unit;
    let nearest = scaled.round();
    let whole = if (scaled - nearest).abs() < 1e-6 {
        nearest
    } else {
        match goal {
            Goal::AtLeast => scaled.floor(),
            Goal::AtMost => scaled.ceil(),
        }
    };
    // Multiplying by 0.1 would bring the hair back (3.3000000000000003).
    if unit < 1.0 {
        whole / (1.0 / unit).round()
    } else {
        whole * unit
    }
}

/// How many of the latest statuses in a row were misses (a floor missed or
/// a ceiling passed); anything else ends the streak.
pub fn missed_in_a_row(statuses: &[KpiStatus]) -> u32 {
    statuses.iter().rev().take_while(|s| s.is_miss()).count() as u32
}

/// What the target screen shows for one KPI.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Advice {
    /// Figures of the last complete periods, oldest first.
    pub history: Vec<(Period, Figure)>,
    /// Median of those that can be judged.
    pub baseline: Option<f64>,
    /// The next target, when there is a target and a baseline.
    pub suggested: Option<Suggestion>,
    /// Periods missed in a row, latest first.
    pub missed_in_a_row: u32,
    /// `missed_in_a_row >= rules.streak`.
    pub capacity_short: bool,
}

/// Advice for `kpi` in `scope` from the `k` periods before `current` (all
/// complete: the advice on a past period never reads that period itself,
/// so its streak and baseline are of the periods *before* it, as the
/// screen says, and never contradict the verdict shown beside them).
///
/// `now` decides which leads each period's figures rest on.
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
    history: Vec<(Period, Figure)>,
    rules: TargetRules,
) -> Advice {
    let target = p.ws.targets.get(scope, kpi);
    let judged: Vec<Option<f64>> = history
        .iter()
        .map(|(_, f)| f.value.filter(|_| f.is_judged(kpi)))
        .collect();
    let base = baseline(&judged, rules.k);
    let statuses: Vec<KpiStatus> = history
        .iter()
        .map(|(_, f)| judge(kpi, target, *f, 1.0).0)
        .collect();
    let missed = missed_in_a_row(&statuses);
    Advice {
        baseline: base,
        suggested: base
            .zip(target)
            .map(|(b, t)| suggest(kpi, t, b, rules.step)),
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
mod tests;
