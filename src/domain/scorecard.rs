//! The KPI scorecard: KPI | target | actual | status, per period and scope.
//!
//! Rules:
//! - A period is a day, an ISO week (Monday first) or a month, in the
//!   workspace timezone; its range is `[local midnight of its first day,
//!   local midnight after its last day)`.
//! - The *cohort* of a period is the leads created in it, within the scope:
//!   Marketing and Sales see every lead, a rep the leads they own.
//! - SLA-based KPIs use each cohort lead's clocks evaluated at `now`.
//! - Rates are percentages (0–100); times are business minutes.
//! - What a figure rests on ([`Kpi::basis`]) decides how a period in
//!   progress is judged:
//!   - **Counts** ([`Basis::Count`]: lead volume, leads from a source,
//!     leads with a breach, reassignments) accumulate as the period goes on.
//!     In a period in progress a count with a floor is judged against the
//!     floor pro-rated to the share of the period's business time that has
//!     passed (the row's `pace`, shown as "by now ≥ 4.6"): met once it
//!     reaches the whole floor, or reaches the pace and is above 0; while
//!     it is below a pace under 1 (not even one expected yet) it is too
//!     early to judge; otherwise missed. Ceilings are never pro-rated: a
//!     count over its ceiling is over for good, one within it is within so
//!     far. A period without leads counts 0.
//!   - **Figures over leads** ([`Basis::Leads`]: every rate, median, 90th
//!     percentile and mean — qualified, junk, lead → won, qualified → won,
//!     calls per lead, first response, CSAT, first-contact resolution) are
//!     judged on the leads the period has so far, against the whole target:
//!     never pro-rated (a rate does not grow with the time elapsed; pro-rated,
//!     "0 % against by now ≥ 0" read as met). Each rests on the leads whose
//!     outcome it measures is known — a lead still inside its own clock is
//!     not yet a 0 (a lead that arrived an hour ago is not "not qualified"
//!     nor "not won"): [`Figure::cases`] are the leads whose gate is settled
//!     (qualified, closed, or past their nurture time — no longer worked, so
//!     not qualified) for the qualified and junk rates; the closed leads (or
//!     past their nurture time) for lead → won; the same among the qualified
//!     leads for qualified → won; the leads whose attempts clock has a
//!     verdict for calls per lead. The leads not settled yet are the
//!     figure's [`Figure::pending`]: while they are more than
//!     [`MAX_PENDING_PERCENT`] (20 %) of the leads, there is no
//!     verdict — "too early: 43 of 57 leads still open" — because the leads
//!     decided first are not like the rest (junk is found within the hour, a
//!     sale takes weeks), in a period in progress or one over. The answered
//!     leads for the first-response median
//!     and 90th percentile; the leads whose clock has a verdict for
//!     first response within SLA and required attempts; the leads with a
//!     CSAT score; the leads with a conversation for first-contact
//!     resolution. On fewer than [`MIN_CASES`] (10) cases there is no
//!     verdict: "too early to judge (n = 3)" while the period is in
//!     progress, "too few leads to judge (n = 3)" once it is over. Ten,
//!     because below it one lead moves a rate by more than 10 percentage
//!     points, so a single call or junk lead would flip the verdict.
//!   - The audits passed % ([`Kpi::AuditPassRate`]) is a figure over the
//!     period's audited calls and messages (by when they happened, each
//!     with its current verdict: `domain::audit`), judged like a rate over
//!     leads, on the same [`MIN_CASES`]; it is shown once the workspace
//!     has an audit.
//!   - **Now** ([`Basis::Now`]: open load against capacity) is the state at
//!     `now`, judged as it is — in the current period only: asked of
//!     another period it has no figure ([`KpiStatus::NowOnly`], "shown for
//!     the current period"), since no history of it is kept.
//! - Verdicts say their direction: a floor ([`Goal::AtLeast`]) is *met* or
//!   *missed*, a ceiling ([`Goal::AtMost`]) *within* or *over*; a figure
//!   equal to its target meets it (is within it). There is deliberately no
//!   "exceeded": how far past its target a team is shows in the figures and
//!   in the suggested next target (`domain::targets`), and a green
//!   "exceeded" on a ceiling read as "over the limit".
//! - A 0 against a floor above 0 is never met (property tested in
//!   `scorecard/property_tests.rs`).
//! - No target → no target; no figure (no leads, nothing answered yet) → no
//!   data.
//! - A rep with no target of their own is held to the Sales target.

use super::rep::RepId;
use super::sla::{LeadClocks, Status};
use super::workspace::Prepared;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::fmt;

mod cohort;
mod goals;
mod judge;
mod period;

pub use cohort::Cohort;
use cohort::{percent, quantile};
pub use goals::{Goal, KpiStatus, Target, TargetEntry, Targets, status};
pub use judge::{Basis, Figure, MAX_PENDING_PERCENT, MIN_CASES, judge};
pub use period::{Period, PeriodKind};

/// Whose scorecard.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Marketing's side of the SLA.
    Marketing,
    /// Sales' side of the SLA.
    Sales,
    /// One rep.
    Rep(RepId),
}

/// A key performance indicator.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kpi {
    /// Leads created.
    LeadVolume,
    /// % of leads that reached the qualified gate.
    QualifiedRate,
    /// % of leads closed as junk.
    JunkRate,
    /// Leads created from one source.
    LeadsFromSource(String),
    /// Median first-response time, business minutes.
    FirstResponseMedian,
    /// 90th percentile first-response time, business minutes.
    FirstResponseP90,
    /// % of answered-or-overdue leads answered within the SLA.
    FirstResponseWithinSla,
    /// Outbound attempts per lead.
    AttemptsPerLead,
    /// % of leads that got the required attempts in time (or were reached).
    RequiredAttemptsRate,
    /// % of qualified leads won.
    QualifiedToWon,
    /// % of leads won.
    LeadToWon,
    /// Mean CSAT (1–5).
    Csat,
    /// % of leads with a conversation whose first conversation resolved it.
    FirstContactResolution,
    /// Open leads as % of capacity (now).
    OpenLoad,
    /// Leads with a breached first-response, attempts or stage-time clock.
    Breaches,
    /// Leads due for reassignment (owner inactive past the target).
    Reassignments,
    /// % of audited calls and messages that passed (`domain::audit`).
    AuditPassRate,
}

impl Kpi {
    /// Which way is better for this KPI (used when a person sets a target
    /// where none existed).
    pub fn natural_goal(&self) -> Goal {
        match self {
            Kpi::JunkRate
            | Kpi::FirstResponseMedian
            | Kpi::FirstResponseP90
            | Kpi::OpenLoad
            | Kpi::Breaches
            | Kpi::Reassignments => Goal::AtMost,
            _ => Goal::AtLeast,
        }
    }

    /// What the figure rests on, which decides how a period in progress is
    /// judged (see the module rules).
    pub fn basis(&self) -> Basis {
        match self {
            Kpi::LeadVolume | Kpi::LeadsFromSource(_) | Kpi::Breaches | Kpi::Reassignments => {
                Basis::Count
            }
            Kpi::OpenLoad => Basis::Now,
            _ => Basis::Leads,
        }
    }

    /// A share of leads in percent, which cannot pass 100.
    pub fn is_share(&self) -> bool {
        matches!(
            self,
            Kpi::QualifiedRate
                | Kpi::JunkRate
                | Kpi::FirstResponseWithinSla
                | Kpi::RequiredAttemptsRate
                | Kpi::QualifiedToWon
                | Kpi::LeadToWon
                | Kpi::FirstContactResolution
                | Kpi::AuditPassRate
        )
    }
}

impl fmt::Display for Kpi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kpi::LeadsFromSource(s) => write!(f, "LeadsFromSource({s})"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One line of the scorecard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The KPI.
    pub kpi: Kpi,
    /// Its target here.
    pub target: Option<Target>,
    /// The measured value.
    pub actual: Option<f64>,
    /// The cases it rests on ([`Figure::cases`]).
    pub cases: usize,
    /// The verdict ([`judge`]).
    pub status: KpiStatus,
    /// For a period in progress, a count with a floor is judged against its
    /// floor pro-rated to the business time elapsed: this pro-rated target.
    /// Ceilings, figures over leads and "now" figures keep their target.
    pub pace: Option<Target>,
}

/// The figure of one KPI for a cohort: its value (`None` when there is
/// nothing to measure) and the cases it rests on (see the module rules).
pub fn measure(p: &Prepared<'_>, cohort: &Cohort<'_>, scope: &Scope, kpi: &Kpi) -> Figure {
    let t = || cohort.tally();
    let n = cohort.len();
    let over = |value: Option<f64>, cases: usize| Figure {
        value,
        cases,
        pending: 0,
    };
    let share = |part: usize, whole: usize| over(percent(part, whole), whole);
    let outcome = |part: usize, (whole, pending): (usize, usize)| Figure {
        pending,
        ..share(part, whole)
    };
    match kpi {
        Kpi::LeadVolume => over(Some(n as f64), n),
        Kpi::LeadsFromSource(src) => {
            let count: u32 = p
                .facts()
                .sources
                .all()
                .iter()
                .zip(cohort.by_source())
                .filter(|(s, _)| s.eq_ignore_ascii_case(src))
                .map(|(_, count)| *count)
                .sum();
            over(Some(f64::from(count)), count as usize)
        }
        Kpi::QualifiedRate => outcome(t().qualified, t().gate),
        Kpi::JunkRate => outcome(t().junk, t().gate),
        Kpi::FirstResponseMedian => over(
            quantile(&t().response_minutes, 0.5),
            t().response_minutes.len(),
        ),
        Kpi::FirstResponseP90 => over(
            quantile(&t().response_minutes, 0.9),
            t().response_minutes.len(),
        ),
        Kpi::FirstResponseWithinSla => share(t().responses_kept.0, t().responses_kept.1),
        Kpi::AttemptsPerLead => {
            let (made, leads) = t().attempts_judged;
            Figure {
                pending: t().attempts_running,
                ..over((leads > 0).then(|| made as f64 / leads as f64), leads)
            }
        }
        Kpi::RequiredAttemptsRate => share(t().attempts_kept.0, t().attempts_kept.1),
        Kpi::QualifiedToWon => outcome(t().qualified_won, t().qualified_closed),
        Kpi::LeadToWon => outcome(t().won, t().closed),
        Kpi::Csat => over(
            (t().csat.1 > 0).then(|| f64::from(t().csat.0) / t().csat.1 as f64),
            t().csat.1,
        ),
        Kpi::FirstContactResolution => share(t().first_contact.0, t().first_contact.1),
        Kpi::OpenLoad => {
            let loads = p.open_loads();
            let reps: Vec<_> =
                p.ws.reps
                    .iter()
                    .filter(|r| r.active && r.team.in_sales())
                    .filter(|r| match scope {
                        Scope::Rep(id) => &r.id == id,
                        _ => true,
                    })
                    .collect();
            let capacity: u32 = reps.iter().map(|r| r.capacity).sum();
            let open: u32 = reps
                .iter()
                .map(|r| loads.get(&r.id).copied().unwrap_or(0))
                .sum();
            over(
                (capacity > 0).then(|| f64::from(open) * 100.0 / f64::from(capacity)),
                open as usize,
            )
        }
        Kpi::Breaches => over(Some(t().breaches as f64), n),
        Kpi::Reassignments => over(Some(t().reassignments as f64), n),
        Kpi::AuditPassRate => {
            let (from, to) = cohort.range();
            let rep = match scope {
                Scope::Rep(r) => Some(r),
                _ => None,
            };
            let (passed, audited) = crate::domain::audit::tally(p.audits(), rep, from, to);
            share(passed, audited)
        }
    }
}

/// The KPIs shown for a scope. Marketing: volume, qualified and junk rates,
/// volume per source seen in the workspace. Sales and reps: the SLA and
/// conversion KPIs (reps also see their lead volume).
pub fn kpis_for(p: &Prepared<'_>, scope: &Scope) -> Vec<Kpi> {
    match scope {
        Scope::Marketing => {
            let mut v = vec![Kpi::LeadVolume, Kpi::QualifiedRate, Kpi::JunkRate];
            v.extend(p.sources().iter().map(|s| Kpi::LeadsFromSource(s.clone())));
            v
        }
        Scope::Sales | Scope::Rep(_) => {
            let mut v = vec![
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
            if matches!(scope, Scope::Rep(_)) {
                v.insert(0, Kpi::LeadVolume);
            }
            // A team that audits sees its pass rate.
            if !p.audits().is_empty() {
                v.push(Kpi::AuditPassRate);
            }
            v
        }
    }
}

/// The scorecard of `scope` for `period`, evaluated at `now`.
pub fn scorecard(p: &Prepared<'_>, period: Period, scope: &Scope, now: DateTime<Utc>) -> Vec<Row> {
    let cohort = Cohort::new(p, period, scope, now);
    let share = period.elapsed_share(p.calendar.calendar(), now);
    let (from, to) = period.range(p.timezone());
    let current = from <= now && now < to;
    kpis_for(p, scope)
        .into_iter()
        .map(|kpi| {
            let target = p.ws.targets.get(scope, &kpi);
            if kpi.basis() == Basis::Now && !current {
                return Row {
                    kpi,
                    target,
                    actual: None,
                    cases: 0,
                    status: KpiStatus::NowOnly,
                    pace: None,
                };
            }
            let figure = measure(p, &cohort, scope, &kpi);
            let (status, pace) = judge(&kpi, target, figure, share);
            Row {
                kpi,
                target,
                actual: figure.value,
                cases: figure.cases,
                status,
                pace,
            }
        })
        .collect()
}

/// Scorecards for Marketing, Sales and every rep, in that order.
pub fn all_scopes(p: &Prepared<'_>) -> Vec<Scope> {
    let mut scopes = vec![Scope::Marketing, Scope::Sales];
    scopes.extend(p.ws.reps.iter().map(|r| Scope::Rep(r.id.clone())));
    scopes
}

/// The figure of `kpi` over the `count` periods ending with `last`, oldest first.
pub fn series(
    p: &Prepared<'_>,
    scope: &Scope,
    kpi: &Kpi,
    last: Period,
    count: usize,
    now: DateTime<Utc>,
) -> Vec<(Period, Figure)> {
    last.ending_with(count)
        .into_iter()
        .map(|period| {
            let cohort = Cohort::new(p, period, scope, now);
            (period, measure_past(p, &cohort, scope, kpi))
        })
        .collect()
}

/// A past period's figure of `kpi`, for series and baselines: none for an
/// empty cohort, counts included (the weeks before a workspace's first lead
/// are not zeros in a baseline), and none for a figure of the state now
/// ([`Basis::Now`]: no history of it is kept, and today's load is not last
/// month's).
pub fn measure_past(p: &Prepared<'_>, cohort: &Cohort<'_>, scope: &Scope, kpi: &Kpi) -> Figure {
    if cohort.is_empty() || kpi.basis() == Basis::Now {
        Figure {
            value: None,
            cases: 0,
            pending: 0,
        }
    } else {
        measure(p, cohort, scope, kpi)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod judge_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod outcome_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod property_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod test_world;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
