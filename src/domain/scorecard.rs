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

mod period;

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

/// Which way is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// Higher is better; the target is a floor.
    AtLeast,
    /// Lower is better; the target is a ceiling.
    AtMost,
}

/// A target for one KPI.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Direction.
    pub goal: Goal,
    /// Value, in the KPI's unit.
    pub value: f64,
}

/// One stored target: for a scope (or every scope when `None`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetEntry {
    /// Whose.
    pub scope: Option<Scope>,
    /// Which KPI.
    pub kpi: Kpi,
    /// The target.
    pub target: Target,
}

/// The workspace's KPI targets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Targets(pub Vec<TargetEntry>);

impl Default for Targets {
    /// Conventional starting points; teams replace them with their own
    /// baselines (see `domain::targets`).
    fn default() -> Self {
        use Goal::*;
        let t = |kpi, goal, value| TargetEntry {
            scope: None,
            kpi,
            target: Target { goal, value },
        };
        Targets(vec![
            t(Kpi::QualifiedRate, AtLeast, 30.0),
            t(Kpi::JunkRate, AtMost, 15.0),
            t(Kpi::FirstResponseMedian, AtMost, 30.0),
            t(Kpi::FirstResponseP90, AtMost, 120.0),
            t(Kpi::FirstResponseWithinSla, AtLeast, 90.0),
            t(Kpi::AttemptsPerLead, AtLeast, 2.0),
            t(Kpi::RequiredAttemptsRate, AtLeast, 80.0),
            t(Kpi::QualifiedToWon, AtLeast, 25.0),
            t(Kpi::LeadToWon, AtLeast, 5.0),
            t(Kpi::Csat, AtLeast, 4.0),
            t(Kpi::FirstContactResolution, AtLeast, 30.0),
            t(Kpi::OpenLoad, AtMost, 90.0),
        ])
    }
}

impl Targets {
    /// The target for `kpi` in `scope`: the scope's own, else (for a rep)
    /// Sales', else the one for every scope.
    pub fn get(&self, scope: &Scope, kpi: &Kpi) -> Option<Target> {
        let find = |s: Option<&Scope>| {
            self.0
                .iter()
                .find(|e| e.scope.as_ref() == s && &e.kpi == kpi)
                .map(|e| e.target)
        };
        find(Some(scope))
            .or_else(|| {
                matches!(scope, Scope::Rep(_))
                    .then(|| find(Some(&Scope::Sales)))
                    .flatten()
            })
            .or_else(|| find(None))
    }

    /// Sets (or replaces) the target for `kpi` in exactly `scope`.
    pub fn set(&mut self, scope: Option<Scope>, kpi: Kpi, target: Target) {
        match self.0.iter_mut().find(|e| e.scope == scope && e.kpi == kpi) {
            Some(e) => e.target = target,
            None => self.0.push(TargetEntry { scope, kpi, target }),
        }
    }
}

/// How an actual compares with its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiStatus {
    /// Better than the target by more than 10 %.
    Exceeded,
    /// Reached.
    Met,
    /// Missed.
    NeedsImprovement,
    /// No leads to measure.
    NoData,
    /// No target set.
    NoTarget,
}

/// The status of `actual` against `target` (see module rules).
pub fn status(target: Option<Target>, actual: Option<f64>) -> KpiStatus {
    match (target, actual) {
        (None, _) => KpiStatus::NoTarget,
        (_, None) => KpiStatus::NoData,
        (
            Some(Target {
                goal: Goal::AtLeast,
                value,
            }),
            Some(a),
        ) => {
            if a > value + value.abs() * 0.1 {
                KpiStatus::Exceeded
            } else if a >= value {
                KpiStatus::Met
            } else {
                KpiStatus::NeedsImprovement
            }
        }
        (
            Some(Target {
                goal: Goal::AtMost,
                value,
            }),
            Some(a),
        ) => {
            if a < value - value.abs() * 0.1 {
                KpiStatus::Exceeded
            } else if a <= value {
                KpiStatus::Met
            } else {
                KpiStatus::NeedsImprovement
            }
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

/// A cohort: the positions of its leads in the workspace, their clocks at
/// `now`, and what the KPIs count over them, tallied in one pass on first
/// use and shared by every KPI.
pub struct Cohort<'a> {
    p: &'a Prepared<'a>,
    members: Vec<usize>,
    /// The members' clocks when `now` is not the instant `p` evaluated
    /// them at (else `p`'s are read).
    own_clocks: Option<Vec<LeadClocks>>,
    tally: OnceCell<Tally>,
    by_source: OnceCell<Vec<u32>>,
}

impl<'a> Cohort<'a> {
    /// Leads created in `period` within `scope`, evaluated at `now`.
    pub fn new(
        p: &'a Prepared<'a>,
        period: Period,
        scope: &Scope,
        now: DateTime<Utc>,
    ) -> Cohort<'a> {
        let (from, to) = period.range(p.timezone());
        let mut members = p.created_between(from, to);
        if let Scope::Rep(r) = scope {
            let facts = &p.facts();
            let owner = facts.owners.find(r.as_str());
            members.retain(|i| owner.is_some() && facts.leads[*i].owner == owner);
        }
        let own_clocks =
            (now != p.now()).then(|| members.iter().map(|i| p.clocks_of(*i, now)).collect());
        Cohort {
            p,
            members,
            own_clocks,
            tally: OnceCell::new(),
            by_source: OnceCell::new(),
        }
    }

    /// Number of leads.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    fn tally(&self) -> &Tally {
        self.tally.get_or_init(|| {
            let clocks = |n: usize| match &self.own_clocks {
                Some(own) => &own[n],
                None => &self.p.clocks()[self.members[n]],
            };
            Tally::new(self.p, &self.members, clocks)
        })
    }

    /// Leads per source (by its number in the facts).
    fn by_source(&self) -> &[u32] {
        self.by_source.get_or_init(|| {
            let facts = self.p.facts();
            let mut counts = vec![0; facts.sources.all().len()];
            for i in &self.members {
                counts[facts.leads[*i].source as usize] += 1;
            }
            counts
        })
    }
}

/// What the KPIs of one cohort count, in one pass over its facts and clocks.
#[derive(Default)]
struct Tally {
    qualified: usize,
    qualified_won: usize,
    won: usize,
    junk: usize,
    attempts_made: u64,
    /// Minutes of finished first responses, sorted.
    response_minutes: Vec<f64>,
    /// (kept, judged) first-response clocks (see `Status::verdict`).
    responses_kept: (usize, usize),
    /// (kept, judged) attempt clocks.
    attempts_kept: (usize, usize),
    csat: (u32, usize),
    /// (resolved, with a first conversation).
    first_contact: (usize, usize),
    breaches: usize,
    reassignments: usize,
}

impl Tally {
    fn new<'c>(
        p: &Prepared<'_>,
        members: &[usize],
        clocks: impl Fn(usize) -> &'c LeadClocks,
    ) -> Tally {
        let facts = &p.facts().leads;
        let policies = &p.ws.policies;
        let mut t = Tally::default();
        let judge = |pair: &mut (usize, usize), s: &Status| {
            if let Some(kept) = s.verdict() {
                pair.0 += usize::from(kept);
                pair.1 += 1;
            }
        };
        for (n, i) in members.iter().enumerate() {
            let (f, c) = (&facts[*i], clocks(n));
            t.qualified += usize::from(f.qualified);
            t.qualified_won += usize::from(f.qualified && f.won);
            t.won += usize::from(f.won);
            t.junk += usize::from(f.is_junk());
            t.attempts_made += u64::from(c.attempts.made);
            let target = policies.policy_for(&p.ws.leads[*i]);
            t.response_minutes.extend(response_minutes(
                &c.first_response,
                i64::from(target.first_response.0),
            ));
            judge(&mut t.responses_kept, &c.first_response);
            judge(&mut t.attempts_kept, &c.attempts.status);
            if let Some(score) = f.csat {
                t.csat.0 += u32::from(score.score());
                t.csat.1 += 1;
            }
            if let Some(resolved) = f.first_contact_resolved {
                t.first_contact.0 += usize::from(resolved);
                t.first_contact.1 += 1;
            }
            t.breaches += usize::from(
                c.first_response.is_breached()
                    || c.attempts.status.is_breached()
                    || c.stage_time.is_breached(),
            );
            t.reassignments += usize::from(c.reassignment.is_breached());
        }
        t.response_minutes.sort_by(f64::total_cmp);
        t
    }
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The `q`-quantile (0–1) of sorted values by the nearest-rank method.
fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

/// Minutes of a first-response clock that finished, for medians.
fn response_minutes(s: &Status, target: i64) -> Option<f64> {
    match s {
        Status::Met { used, .. } => Some(used.num_seconds() as f64 / 60.0),
        Status::Breached {
            overdue,
            done: Some(_),
            ..
        } => Some((target * 60 + overdue.num_seconds()) as f64 / 60.0),
        _ => None,
    }
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
