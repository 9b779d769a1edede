//! A figure judged against its target: the verdict rules of the module docs
//! of [`super`] (what a figure rests on, pro-rated counts, too few cases).

use super::*;

/// Fewer cases than this give no verdict on a figure over leads ("too early
/// to judge (n = 3)"): below it one lead moves a rate by more than 10
/// percentage points.
pub const MIN_CASES: usize = 10;

/// What a KPI's figure rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// A count that accumulates as the period goes on (pro-rated with a
    /// floor in a period in progress).
    Count,
    /// A rate, median, percentile or mean over some of the period's leads
    /// (needs [`MIN_CASES`] cases for a verdict).
    Leads,
    /// The state at `now`.
    Now,
}

/// A KPI's measured value and what it rests on.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The value (`None` when there is nothing to measure).
    pub value: Option<f64>,
    /// The cases it is computed over: for a rate its denominator, for a
    /// median the answered leads, for a count what it counts (see the
    /// module rules).
    pub cases: usize,
    /// For a rate over outcomes, the period's leads whose outcome is not
    /// known yet (still open, inside their nurture time): while they are
    /// more than [`MAX_PENDING_PERCENT`] of the leads there is no verdict.
    #[serde(skip_serializing_if = "is_zero")]
    pub pending: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A rate over outcomes gets no verdict while more than this share (in
/// percent) of its leads are still undecided: the ones decided first are
/// not like the rest (junk is found within the hour, a sale takes weeks),
/// so an early rate is no forecast of the final one.
pub const MAX_PENDING_PERCENT: usize = 20;

impl Figure {
    /// A value with enough cases to judge `kpi` (and to enter a baseline).
    pub fn is_judged(&self, kpi: &Kpi) -> bool {
        self.value.is_some()
            && (kpi.basis() != Basis::Leads || (self.cases >= MIN_CASES && !self.is_undecided()))
    }

    /// Over [`MAX_PENDING_PERCENT`] of its leads still undecided.
    pub fn is_undecided(&self) -> bool {
        self.pending * 100 > MAX_PENDING_PERCENT * (self.cases + self.pending)
    }
}

/// The verdict on `figure` of `kpi` against `target`, with `share` the part
/// of the period's business time that has passed (1 once it is over), and
/// the pro-rated target it was judged against, if any (module rules).
pub fn judge(
    kpi: &Kpi,
    target: Option<Target>,
    figure: Figure,
    share: f64,
) -> (KpiStatus, Option<Target>) {
    let Some(target) = target else {
        return (KpiStatus::NoTarget, None);
    };
    if kpi.basis() == Basis::Leads && figure.value.is_none() && figure.pending > 0 {
        return (
            KpiStatus::Undecided {
                open: figure.pending,
                of: figure.pending,
            },
            None,
        );
    }
    let Some(actual) = figure.value else {
        return (KpiStatus::NoData, None);
    };
    let in_progress = share < 1.0;
    let cases = figure.cases;
    match kpi.basis() {
        Basis::Count if in_progress && target.goal == Goal::AtLeast => {
            let pace = Target {
                value: target.value * share.max(0.0),
                ..target
            };
            let status = if actual >= target.value || (actual > 0.0 && actual >= pace.value) {
                KpiStatus::Met
            } else if pace.value < 1.0 {
                KpiStatus::TooEarly { cases }
            } else {
                KpiStatus::Missed
            };
            (status, Some(pace))
        }
        Basis::Leads if cases < MIN_CASES => {
            let status = if in_progress {
                KpiStatus::TooEarly { cases }
            } else {
                KpiStatus::TooFew { cases }
            };
            (status, None)
        }
        Basis::Leads if figure.is_undecided() => (
            KpiStatus::Undecided {
                open: figure.pending,
                of: cases + figure.pending,
            },
            None,
        ),
        _ => (status(Some(target), Some(actual)), None),
    }
}
