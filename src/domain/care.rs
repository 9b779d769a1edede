//! The care report (issue 30): how Sales worked each lead Marketing
//! brought — "did Sales really work the leads we paid for?".
//!
//! Rules:
//! - The leads are those a [`FunnelFilter`] accepts (created in a period,
//!   a source, a campaign, an owner): the same choice as the funnel's.
//! - Per lead: when it arrived (its creation), the first response (the
//!   first-response clock: on time, late by how much, still due, missed),
//!   every outbound try (calls and messages) with its time, the tries the
//!   policy asks for and whether that rule was kept (the tries made in its
//!   window), the tries made closer together than the policy's minimum
//!   gap, the longest wait without a try — from arrival to the first try,
//!   between two tries, and from the last one (or arrival) until now, or
//!   until the lead was closed (calendar time) — and the outcome (won,
//!   lost or junk with the reason, or the open stage).
//! - A lead's **breaches** are the policy's rules it broke: first response
//!   late or missed, too few tries in their window, more tries than
//!   allowed, tries too close, and its owner leaving it untouched past the
//!   reassignment limit.
//! - Per campaign (a lead without one counts under `""`), the same summed:
//!   leads, responded, responded on time, missed (no response, overdue:
//!   with the responded, the leads whose first response is judged; one not
//!   due yet is not counted late), the median business time to the
//!   first response, tries rule kept and missed, leads with a breach, won,
//!   lost, junk and still open; and one total over every campaign.

use super::activity::Activity;
use super::funnel::FunnelFilter;
use super::lead::{Lead, LeadId, LossKind};
use super::pipeline::{Pipeline, StageId, StageKind};
use super::sla::{LeadClocks, SlaPolicies, SlaPolicy, Status};
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::BTreeMap;

/// The first response of one lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirstResponse {
    /// Made within the policy, after this much business time.
    OnTime(DateTime<Utc>, TimeDelta),
    /// Made this much business time after its deadline.
    Late(DateTime<Utc>, TimeDelta),
    /// Not made, and its deadline passed this much business time ago.
    Missed(TimeDelta),
    /// Not made yet, and not due yet (or the clock is paused).
    Due,
    /// No first response is asked for (the lead was closed first, or the
    /// policy asks none).
    NotAsked,
}

/// How a lead ended, or where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CareOutcome {
    /// Open, in this stage (its id and name).
    Open(StageId, String),
    /// Won.
    Won,
    /// Closed as lost or junk, with the reason.
    Closed(LossKind, String),
}

/// A rule of the policy a lead's care broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Breach {
    /// The first response came late.
    LateResponse,
    /// The first response never came, and is overdue.
    NoResponse,
    /// Fewer tries than the policy asks, in its window.
    TriesMissed,
    /// More tries than the policy allows.
    TooManyTries,
    /// Tries closer together than the policy's minimum gap (how many).
    TooClose(u32),
    /// Its owner left it untouched past the reassignment limit.
    Untouched,
}

/// One lead's care.
#[derive(Clone, Debug, PartialEq)]
pub struct CareRow {
    /// The lead.
    pub lead: LeadId,
    /// When it arrived.
    pub arrived: DateTime<Utc>,
    /// Its first response.
    pub first_response: FirstResponse,
    /// Business time from arrival to the first response, when it came.
    pub responded_after: Option<TimeDelta>,
    /// Its outbound tries (calls and messages), oldest first.
    pub tries: Vec<DateTime<Utc>>,
    /// The tries its policy asks for (0: none).
    pub required: u32,
    /// The tries rule: kept, broken, or not judged yet.
    pub tries_kept: Option<bool>,
    /// The longest calendar time from arrival to the first try, or between
    /// two tries (none before a try).
    pub longest_wait: Option<TimeDelta>,
    /// How it ended, or where it is.
    pub outcome: CareOutcome,
    /// The rules broken, in a fixed order.
    pub breaches: Vec<Breach>,
    /// Its audited calls and messages (`domain::audit`, the current
    /// verdicts): passed, failed.
    pub audits: (u32, u32),
}

/// The care of a group of leads, summed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CareSum {
    /// Leads.
    pub leads: u32,
    /// Leads with a first response.
    pub responded: u32,
    /// Of those, on time.
    pub on_time: u32,
    /// Leads whose first response never came and is overdue.
    pub missed: u32,
    /// Median business time to the first response, over the responded.
    pub median_response: Option<TimeDelta>,
    /// Leads whose tries rule was kept.
    pub tries_kept: u32,
    /// Leads whose tries rule was broken.
    pub tries_missed: u32,
    /// Leads with at least one breach.
    pub breached: u32,
    /// Won.
    pub won: u32,
    /// Lost (not junk).
    pub lost: u32,
    /// Junk.
    pub junk: u32,
    /// Still open.
    pub open: u32,
    /// Audited calls and messages that passed (current verdicts).
    pub audits_passed: u32,
    /// Audited calls and messages that failed.
    pub audits_failed: u32,
}

/// The whole report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CareReport {
    /// Every chosen lead, the most recent arrival first.
    pub rows: Vec<CareRow>,
    /// Per campaign (`""`: none), by name.
    pub campaigns: Vec<(String, CareSum)>,
    /// Over every chosen lead.
    pub total: CareSum,
}

/// The report over `leads` (with their `clocks` at `now` and their
/// activities by position, `acts`), for the leads `filter` accepts.
/// `working_day` turns policies written in working days into business time.
#[allow(clippy::too_many_arguments)]
pub fn care_report<'a>(
    leads: &[Lead],
    clocks: &[LeadClocks],
    acts: impl Fn(usize) -> &'a [Activity],
    pipeline: &Pipeline,
    policies: &SlaPolicies,
    working_day: TimeDelta,
    filter: &FunnelFilter,
    now: DateTime<Utc>,
) -> CareReport {
    let mut rows = Vec::new();
    let mut sums: BTreeMap<String, (CareSum, Vec<TimeDelta>)> = BTreeMap::new();
    let mut total = (CareSum::default(), Vec::new());
    for (i, lead) in leads.iter().enumerate() {
        let Some(c) = clocks.get(i) else { break };
        if !filter.accepts(lead) {
            continue;
        }
        let policy = policies.policy_for(lead);
        let mut row = row(lead, c, acts(i), pipeline, policy, now);
        let used = match row.first_response {
            FirstResponse::OnTime(_, used) => Some(used),
            FirstResponse::Late(_, over) => Some(policy.first_response.delta(working_day) + over),
            _ => None,
        };
        row.responded_after = used;
        let entry = sums.entry(lead.campaign().to_owned()).or_default();
        for (sum, times) in [(&mut entry.0, &mut entry.1), (&mut total.0, &mut total.1)] {
            add(sum, &row);
            times.extend(used);
        }
        rows.push(row);
    }
    let finish = |(mut sum, mut times): (CareSum, Vec<TimeDelta>)| {
        times.sort_unstable();
        let n = times.len();
        sum.median_response = match n {
            0 => None,
            _ if n % 2 == 1 => Some(times[n / 2]),
            _ => Some(times[n / 2 - 1] + (times[n / 2] - times[n / 2 - 1]) / 2),
        };
        sum
    };
    rows.sort_by(|a, b| b.arrived.cmp(&a.arrived).then(a.lead.cmp(&b.lead)));
    CareReport {
        rows,
        campaigns: sums.into_iter().map(|(k, v)| (k, finish(v))).collect(),
        total: finish(total),
    }
}

fn add(sum: &mut CareSum, row: &CareRow) {
    sum.leads += 1;
    match row.first_response {
        FirstResponse::OnTime(..) => {
            sum.responded += 1;
            sum.on_time += 1;
        }
        FirstResponse::Late(..) => sum.responded += 1,
        FirstResponse::Missed(_) => sum.missed += 1,
        _ => {}
    }
    match row.tries_kept {
        Some(true) => sum.tries_kept += 1,
        Some(false) => sum.tries_missed += 1,
        None => {}
    }
    if !row.breaches.is_empty() {
        sum.breached += 1;
    }
    sum.audits_passed += row.audits.0;
    sum.audits_failed += row.audits.1;
    match &row.outcome {
        CareOutcome::Open(..) => sum.open += 1,
        CareOutcome::Won => sum.won += 1,
        CareOutcome::Closed(LossKind::Junk, _) => sum.junk += 1,
        CareOutcome::Closed(LossKind::Lost, _) => sum.lost += 1,
    }
}

/// One lead's row.
fn row(
    lead: &Lead,
    c: &LeadClocks,
    acts: &[Activity],
    pipeline: &Pipeline,
    policy: &SlaPolicy,
    now: DateTime<Utc>,
) -> CareRow {
    let first_response = match c.first_response {
        Status::Met { at, used } => FirstResponse::OnTime(at, used),
        Status::Breached {
            done: Some(at),
            overdue,
            ..
        } => FirstResponse::Late(at, overdue),
        Status::Breached { overdue, .. } => FirstResponse::Missed(overdue),
        Status::Pending { .. } | Status::AtRisk { .. } | Status::Paused { .. } => {
            FirstResponse::Due
        }
        Status::NotApplicable => FirstResponse::NotAsked,
    };
    let arrived = lead.created_at();
    let tries: Vec<DateTime<Utc>> = acts
        .iter()
        .filter(|a| a.is_attempt() && a.at >= arrived)
        .map(|a| a.at)
        .collect();
    let stage = pipeline.stage(lead.stage());
    let open = !matches!(
        stage.map(|s| s.kind),
        Some(StageKind::Won | StageKind::Lost)
    );
    // Until now while it is open, until it was closed otherwise.
    let end = if open { now } else { lead.in_stage_since() };
    let marks: Vec<DateTime<Utc>> = std::iter::once(arrived)
        .chain(tries.iter().copied())
        .chain(std::iter::once(end.max(arrived)))
        .collect();
    let longest_wait = marks.windows(2).map(|w| w[1] - w[0]).max();
    let outcome = match (stage.map(|s| s.kind), lead.closure()) {
        (Some(StageKind::Won), _) => CareOutcome::Won,
        (Some(StageKind::Lost), Some(c)) => CareOutcome::Closed(c.kind, c.reason.clone()),
        (Some(StageKind::Lost), None) => CareOutcome::Closed(LossKind::Lost, String::new()),
        (_, _) => CareOutcome::Open(
            lead.stage().clone(),
            stage.map_or_else(|| lead.stage().to_string(), |s| s.name.clone()),
        ),
    };
    let a = &c.attempts;
    let tries_kept = a.status.verdict();
    let mut breaches = Vec::new();
    match first_response {
        FirstResponse::Late(..) => breaches.push(Breach::LateResponse),
        FirstResponse::Missed(_) => breaches.push(Breach::NoResponse),
        _ => {}
    }
    if tries_kept == Some(false) {
        breaches.push(Breach::TriesMissed);
    }
    if a.too_many {
        breaches.push(Breach::TooManyTries);
    }
    if a.short_gaps > 0 {
        breaches.push(Breach::TooClose(a.short_gaps));
    }
    if c.reassignment.is_breached() {
        breaches.push(Breach::Untouched);
    }
    let audits = crate::domain::audit::current([(lead.id(), acts)])
        .iter()
        .fold(
            (0, 0),
            |(p, f), a| if a.passed { (p + 1, f) } else { (p, f + 1) },
        );
    CareRow {
        audits,
        lead: lead.id(),
        arrived,
        first_response,
        responded_after: None,
        tries,
        required: policy.attempts.min_attempts,
        tries_kept,
        longest_wait,
        outcome,
        breaches,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
