//! What-if: score the same historical leads under a proposed SLA policy.
//!
//! The leads, activities and stage moves stay as they happened; only the
//! targets change. Both sides are evaluated at the same `now`.

use super::calendar::Mark;
use super::scorecard::Period;
use super::sla::{LeadClocks, SlaPolicies};
use super::workspace::Prepared;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// SLA results of one policy set over a cohort.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SlaSummary {
    /// Leads scored.
    pub leads: usize,
    /// % of judged first responses within target.
    pub first_response_within: Option<f64>,
    /// Leads with a breached first-response clock.
    pub first_response_breaches: usize,
    /// % of judged leads that got their attempts in time.
    pub attempts_met: Option<f64>,
    /// Leads with any breached clock (first response, attempts, stage time).
    pub leads_with_breach: usize,
}

/// The current and the proposed policies side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhatIf {
    /// Under the workspace's policies.
    pub current: SlaSummary,
    /// Under the proposal.
    pub proposed: SlaSummary,
}

/// The summary of the leads created in `period`, with `clocks_of(i)` the
/// clocks of `ws.leads[i]`.
fn summarize(
    p: &Prepared<'_>,
    period: Period,
    clocks_of: impl Fn(usize) -> LeadClocks,
) -> SlaSummary {
    let (from, to) = period.range(p.timezone());
    let mut s = SlaSummary::default();
    let (mut fr_judged, mut fr_ok, mut at_judged, mut at_ok) = (0usize, 0usize, 0usize, 0usize);
    for i in p.created_between(from, to) {
        let c = clocks_of(i);
        s.leads += 1;
        if let Some(ok) = c.first_response.verdict() {
            fr_judged += 1;
            fr_ok += usize::from(ok);
            s.first_response_breaches += usize::from(!ok);
        }
        if let Some(ok) = c.attempts.status.verdict() {
            at_judged += 1;
            at_ok += usize::from(ok);
        }
        if c.first_response.is_breached()
            || c.attempts.status.is_breached()
            || c.stage_time.is_breached()
        {
            s.leads_with_breach += 1;
        }
    }
    let pct = |ok: usize, n: usize| (n > 0).then(|| ok as f64 * 100.0 / n as f64);
    s.first_response_within = pct(fr_ok, fr_judged);
    s.attempts_met = pct(at_ok, at_judged);
    s
}

/// Scores the leads created in `period` under the current and the proposed policies.
pub fn what_if(
    p: &Prepared<'_>,
    proposed: &SlaPolicies,
    period: Period,
    now: DateTime<Utc>,
) -> WhatIf {
    let at = Mark::new(&p.calendar, now);
    WhatIf {
        current: summarize(p, period, |i| p.clocks_of(i, now)),
        proposed: summarize(p, period, |i| p.clocks_under(i, proposed, at)),
    }
}
