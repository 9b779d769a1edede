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

use super::activity::Activity;
use super::lead::Lead;
use super::pipeline::{Pipeline, StageKind};
use super::rep::RepId;
use super::sla::{self, LeadClocks, Status};
use super::workspace::Prepared;
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A reporting period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// One calendar day.
    Day(NaiveDate),
    /// An ISO week, by its Monday.
    Week(NaiveDate),
    /// A month, by its first day.
    Month(NaiveDate),
}

/// The kind of period, for "the period containing this instant".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// Months.
    Month,
}

impl Period {
    /// The period of `kind` containing `at` in `tz`.
    pub fn containing(kind: PeriodKind, at: DateTime<Utc>, tz: Tz) -> Period {
        let d = at.with_timezone(&tz).date_naive();
        match kind {
            PeriodKind::Day => Period::Day(d),
            PeriodKind::Week => {
                Period::Week(d - Days::new(u64::from(d.weekday().num_days_from_monday())))
            }
            PeriodKind::Month => Period::Month(d.with_day(1).expect("day 1 exists")),
        }
    }

    fn first_and_next(self) -> (NaiveDate, NaiveDate) {
        match self {
            Period::Day(d) => (d, d + Days::new(1)),
            Period::Week(d) => (d, d + Days::new(7)),
            Period::Month(d) => (d, d + Months::new(1)),
        }
    }

    /// `[start, end)` as instants.
    pub fn range(self, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        let midnight = |d: NaiveDate| {
            let local = d.and_hms_opt(0, 0, 0).expect("midnight");
            tz.from_local_datetime(&local)
                .earliest()
                .unwrap_or_else(|| tz.from_utc_datetime(&local))
                .with_timezone(&Utc)
        };
        let (first, next) = self.first_and_next();
        (midnight(first), midnight(next))
    }

    /// The period before this one.
    pub fn previous(self) -> Period {
        match self {
            Period::Day(d) => Period::Day(d - Days::new(1)),
            Period::Week(d) => Period::Week(d - Days::new(7)),
            Period::Month(d) => Period::Month(d - Months::new(1)),
        }
    }

    /// The period after this one.
    pub fn next(self) -> Period {
        match self {
            Period::Day(d) => Period::Day(d + Days::new(1)),
            Period::Week(d) => Period::Week(d + Days::new(7)),
            Period::Month(d) => Period::Month(d + Months::new(1)),
        }
    }

    /// `2026-03-02`, `2026-W10` or `2026-03`.
    pub fn label(self) -> String {
        match self {
            Period::Day(d) => d.format("%Y-%m-%d").to_string(),
            Period::Week(d) => {
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month(d) => d.format("%Y-%m").to_string(),
        }
    }
}

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
}

/// A lead, its activities, its clocks at `now`, and the facts about its
/// stages that several KPIs read (worked out once per cohort).
struct Scored<'a> {
    lead: &'a Lead,
    acts: &'a [Activity],
    clocks: LeadClocks,
    /// It reached the qualified gate (or a later stage other than Lost).
    qualified: bool,
    /// It is in a Won stage.
    won: bool,
}

/// A cohort's leads with their clocks at `now`, computed once and shared by every KPI.
pub struct Cohort<'a> {
    leads: Vec<Scored<'a>>,
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
        let leads =
            p.ws.leads
                .iter()
                .enumerate()
                .filter(|(_, l)| l.created_at() >= from && l.created_at() < to)
                .filter(|(_, l)| match scope {
                    Scope::Rep(r) => l.owner() == Some(r),
                    Scope::Marketing | Scope::Sales => true,
                })
                .map(|(i, l)| Scored {
                    lead: l,
                    acts: p.activities(i),
                    clocks: p.clocks_of(i, now),
                    qualified: reached_gate(l, &p.ws.pipeline),
                    won: is_won(l, &p.ws.pipeline),
                })
                .collect();
        Cohort { leads }
    }

    /// Number of leads.
    pub fn len(&self) -> usize {
        self.leads.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty()
    }
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The `q`-quantile (0–1) by the nearest-rank method.
fn quantile(values: &mut [f64], q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let rank = ((q * values.len() as f64).ceil() as usize).clamp(1, values.len());
    Some(values[rank - 1])
}

fn reached_gate(lead: &Lead, pipeline: &Pipeline) -> bool {
    let stages = pipeline.stages();
    let gate = pipeline.index_of(&pipeline.gate().id).unwrap_or(0);
    lead.history().iter().any(|c| {
        pipeline
            .index_of(&c.to)
            .is_some_and(|i| i >= gate && stages[i].kind != StageKind::Lost)
    })
}

fn is_won(lead: &Lead, pipeline: &Pipeline) -> bool {
    pipeline
        .stage(lead.stage())
        .is_some_and(|s| s.kind == StageKind::Won)
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
    let pipeline = &p.ws.pipeline;
    let n = cohort.len();
    let count = |f: &dyn Fn(&Scored<'_>) -> bool| cohort.leads.iter().filter(|x| f(x)).count();
    // Share of judged clocks that were kept (see `Status::verdict`).
    let kept = |clock: &dyn Fn(&LeadClocks) -> Status| {
        let judged: Vec<bool> = cohort
            .leads
            .iter()
            .filter_map(|x| clock(&x.clocks).verdict())
            .collect();
        percent(judged.iter().filter(|ok| **ok).count(), judged.len())
    };
    match kpi {
        Kpi::LeadVolume => Some(n as f64),
        Kpi::LeadsFromSource(src) => {
            Some(count(&|x| x.lead.source().eq_ignore_ascii_case(src)) as f64)
        }
        Kpi::QualifiedRate => percent(count(&|x| x.qualified), n),
        Kpi::JunkRate => percent(count(&|x| x.lead.is_junk()), n),
        Kpi::FirstResponseMedian | Kpi::FirstResponseP90 => {
            let mut mins: Vec<f64> = cohort
                .leads
                .iter()
                .filter_map(|x| {
                    let target = p.ws.policies.policy_for(x.lead).first_response.0;
                    response_minutes(&x.clocks.first_response, i64::from(target))
                })
                .collect();
            quantile(
                &mut mins,
                if *kpi == Kpi::FirstResponseMedian {
                    0.5
                } else {
                    0.9
                },
            )
        }
        Kpi::FirstResponseWithinSla => kept(&|c| c.first_response),
        Kpi::AttemptsPerLead => {
            let made: u32 = cohort.leads.iter().map(|x| x.clocks.attempts.made).sum();
            (n > 0).then(|| f64::from(made) / n as f64)
        }
        Kpi::RequiredAttemptsRate => kept(&|c| c.attempts.status),
        Kpi::QualifiedToWon => percent(count(&|x| x.qualified && x.won), count(&|x| x.qualified)),
        Kpi::LeadToWon => percent(count(&|x| x.won), n),
        Kpi::Csat => {
            let scores: Vec<f64> = cohort
                .leads
                .iter()
                .filter_map(|x| x.lead.csat())
                .map(|c| f64::from(c.score()))
                .collect();
            (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
        }
        Kpi::FirstContactResolution => {
            let firsts: Vec<bool> = cohort
                .leads
                .iter()
                .filter_map(|x| x.acts.iter().find(|a| a.is_conversation()))
                .map(|a| a.outcome == super::activity::Outcome::Resolved)
                .collect();
            percent(firsts.iter().filter(|r| **r).count(), firsts.len())
        }
        Kpi::OpenLoad => {
            let loads = sla::open_loads(&p.ws.leads, pipeline);
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
        Kpi::Breaches => Some(count(&|x| {
            let c = &x.clocks;
            c.first_response.is_breached()
                || c.attempts.status.is_breached()
                || c.stage_time.is_breached()
        }) as f64),
        Kpi::Reassignments => Some(count(&|x| x.clocks.reassignment.is_breached()) as f64),
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
            Row {
                status: status(target, actual),
                kpi,
                target,
                actual,
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
    let mut periods = Vec::with_capacity(count);
    let mut cur = last;
    for _ in 0..count {
        periods.push(cur);
        cur = cur.previous();
    }
    periods.reverse();
    periods
        .into_iter()
        .map(|period| {
            let cohort = Cohort::new(p, period, scope, now);
            let v = if cohort.is_empty() {
                None
            } else {
                measure(p, &cohort, scope, kpi)
            };
            (period, v)
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
