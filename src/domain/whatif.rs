//! What-if: score the same historical leads under a proposed SLA policy.
//!
//! The leads, activities and stage moves stay as they happened; only the
//! targets change. Both sides are evaluated at the same `now`.

use super::scorecard::Period;
use super::sla::{self, SlaContext, SlaPolicies};
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

fn summarize(
    p: &Prepared<'_>,
    policies: &SlaPolicies,
    period: Period,
    now: DateTime<Utc>,
) -> SlaSummary {
    let ctx = SlaContext {
        calendar: &p.calendar,
        pipeline: &p.ws.pipeline,
        policies,
    };
    let (from, to) = period.range(p.timezone());
    let mut s = SlaSummary::default();
    let (mut fr_judged, mut fr_ok, mut at_judged, mut at_ok) = (0usize, 0usize, 0usize, 0usize);
    for lead in
        p.ws.leads
            .iter()
            .filter(|l| l.created_at() >= from && l.created_at() < to)
    {
        let c = sla::evaluate(ctx, lead, p.index.of(lead.id()), now);
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
    WhatIf {
        current: summarize(p, &p.ws.policies, period, now),
        proposed: summarize(p, proposed, period, now),
    }
}
