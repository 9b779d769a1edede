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
//! - Status: no target → `NoTarget`; no data → `NoData`; otherwise met when
//!   the actual reaches the target in the target's direction, exceeded when it
//!   beats it by more than 10 % of the target, else needs improvement.
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
mod period;

pub use cohort::Cohort;
use cohort::{percent, quantile};
pub use goals::{Goal, KpiStatus, Target, TargetEntry, Targets, status};
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
    /// Target vs actual.
    pub status: KpiStatus,
    /// For a period in progress, a figure that grows as the period goes on
    /// (leads, leads from a source, attempts per lead, and the rates of young
    /// leads that qualify or win later) with a floor is judged against its
    /// target pro-rated to the business time elapsed: this pro-rated target.
    /// Ceilings, quality ratios and "now" figures keep their target.
    pub pace: Option<Target>,
}

/// The value of one KPI for a cohort (`None` when there is nothing to measure).
pub fn measure(p: &Prepared<'_>, cohort: &Cohort<'_>, scope: &Scope, kpi: &Kpi) -> Option<f64> {
    let t = || cohort.tally();
    let n = cohort.len();
    match kpi {
        Kpi::LeadVolume => Some(n as f64),
        Kpi::LeadsFromSource(src) => Some(
            p.facts()
                .sources
                .all()
                .iter()
                .zip(cohort.by_source())
                .filter(|(s, _)| s.eq_ignore_ascii_case(src))
                .map(|(_, count)| f64::from(*count))
                .sum(),
        ),
        Kpi::QualifiedRate => percent(t().qualified, n),
        Kpi::JunkRate => percent(t().junk, n),
        Kpi::FirstResponseMedian => quantile(&t().response_minutes, 0.5),
        Kpi::FirstResponseP90 => quantile(&t().response_minutes, 0.9),
        Kpi::FirstResponseWithinSla => percent(t().responses_kept.0, t().responses_kept.1),
        Kpi::AttemptsPerLead => (n > 0).then(|| t().attempts_made as f64 / n as f64),
        Kpi::RequiredAttemptsRate => percent(t().attempts_kept.0, t().attempts_kept.1),
        Kpi::QualifiedToWon => percent(t().qualified_won, t().qualified),
        Kpi::LeadToWon => percent(t().won, n),
        Kpi::Csat => (t().csat.1 > 0).then(|| f64::from(t().csat.0) / t().csat.1 as f64),
        Kpi::FirstContactResolution => percent(t().first_contact.0, t().first_contact.1),
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
            (capacity > 0).then(|| f64::from(open) * 100.0 / f64::from(capacity))
        }
        Kpi::Breaches => Some(t().breaches as f64),
        Kpi::Reassignments => Some(t().reassignments as f64),
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
            v
        }
    }
}

/// The scorecard of `scope` for `period`, evaluated at `now`.
pub fn scorecard(p: &Prepared<'_>, period: Period, scope: &Scope, now: DateTime<Utc>) -> Vec<Row> {
    let cohort = Cohort::new(p, period, scope, now);
    let share = period.elapsed_share(p.calendar.calendar(), now);
    kpis_for(p, scope)
        .into_iter()
        .map(|kpi| {
            let target = p.ws.targets.get(scope, &kpi);
            let actual = measure(p, &cohort, scope, &kpi);
            let actual = if cohort.is_empty() && !matches!(kpi, Kpi::OpenLoad) {
                None
            } else {
                actual
            };
            let pace = target.filter(|t| {
                share < 1.0
                    && t.goal == Goal::AtLeast
                    && matches!(
                        kpi,
                        Kpi::LeadVolume
                            | Kpi::LeadsFromSource(_)
                            | Kpi::AttemptsPerLead
                            | Kpi::QualifiedRate
                            | Kpi::QualifiedToWon
                            | Kpi::LeadToWon
                    )
            });
            let pace = pace.map(|t| Target {
                value: t.value * share,
                ..t
            });
            Row {
                status: status(pace.or(target), actual),
                kpi,
                target,
                actual,
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

/// The value of `kpi` over the `count` periods ending with `last`, oldest first.
pub fn series(
    p: &Prepared<'_>,
    scope: &Scope,
    kpi: &Kpi,
    last: Period,
    count: usize,
    now: DateTime<Utc>,
) -> Vec<(Period, Option<f64>)> {
    last.ending_with(count)
        .into_iter()
        .map(|period| {
            let cohort = Cohort::new(p, period, scope, now);
            (period, measure_past(p, &cohort, scope, kpi))
        })
        .collect()
}

/// A past period's value of `kpi`, for series and baselines: `None` for an
/// empty cohort (no leads, nothing to compare).
pub fn measure_past(
    p: &Prepared<'_>,
    cohort: &Cohort<'_>,
    scope: &Scope,
    kpi: &Kpi,
) -> Option<f64> {
    if cohort.is_empty() {
        None
    } else {
        measure(p, cohort, scope, kpi)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
