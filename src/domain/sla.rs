//! SLA policies and the clocks they put on every lead.
//!
//! # Policies
//! [`SlaPolicies`] holds ordered rules and a default. The first rule whose
//! [`Conditions`] match the lead (priority, source, campaign; an empty list
//! matches anything; text compares case-insensitively) applies, else the default.
//!
//! # Clocks, per lead, evaluated at `now`
//! - **First response**: from creation to the first response (an outbound
//!   call, message or meeting by a rep), in business time.
//! - **Attempts**: at least `min_attempts` outbound attempts within `within`
//!   business time of creation; making contact (a conversation, or an inbound
//!   reply) ends the requirement, and so does a wrong number (no further try
//!   can reach the lead; Today offers to close it as junk). Beyond the clock, `max_attempts` and
//!   `min_gap` (business time between consecutive attempts) are reported as
//!   violations.
//! - **Stage time**: business time in the current stage against that stage's
//!   limit. Stage time is never paused: the limit is about the stage itself.
//! - **Reassignment**: business time since the later of the assignment and the
//!   owner's last activity on the lead; when it passes `reassign_after` the
//!   lead should go to another rep ([`suggest_owner`]).
//! - **Nurture end**: an open lead with no activity for `nurture_days`
//!   *calendar* days (from its last activity, or creation) is due to be
//!   closed; none when the policy never stops nurturing (stored as 0, never
//!   "0 days": [`SlaPolicy::set_nurture`]).
//!
//! # When clocks start
//! A clock never starts before the lead *entered this workspace*
//! ([`Lead::entered_at`]: its creation when it was added here by hand, the
//! import time for a lead created earlier in another system, carried to the
//! team by sync), nor before the workspace's [`SlaPolicies::enforced_from`].
//! The first response, attempts, reassignment and nurture clocks start at
//! the latest of creation, entry and that date; stage time starts at the
//! later of entering the stage and that start. A lead imported with a
//! creation date months ago therefore starts its clocks when it is
//! imported, and keeps its true creation date for the funnel and the
//! scorecard; a lead imported as closed stays closed (its clocks are not
//! applicable). An activity before the start counts, and meets its clock.
//!
//! Business-time clocks other than stage time stop while the lead is in a
//! stage that pauses the SLA. A clock of a closed (Won/Lost) lead: a met
//! clock stays met; an unmet one is breached if the lead closed after its due
//! time, and not applicable otherwise (closing a junk lead early is no breach).
//!
//! # Targets in working days
//! A target is business minutes, or working days ([`Span`]). A target of N
//! working days is N working days of business time, a working day being
//! the calendar's ([`crate::domain::calendar::BusinessCalendar::working_day`]:
//! 8 h in the Vietnam preset). "2 working days" is therefore 16 business
//! hours: a lead that arrives on Monday at 10:00 is due on Wednesday at
//! 10:00 when both days are full working days; a half day in between counts
//! half and a closed date (a holiday, a weekend) not at all, so it is due
//! later; a lead that arrives at night starts at the next opening. We
//! follow this rather than "by the end of the Nth working day" (an option
//! some help desks offer): one unit for targets and the durations the
//! clocks show ("2 working days over"), and every lead the same business
//! time whatever hour it arrived.
//!
//! # Status
//! Pending (due, remaining) → at risk when remaining < `at_risk_percent` of
//! the target → breached once `now` is past the due time (overdue in business
//! time). Met records when and how much business time it took; a late event is
//! a breach with `done` set. Paused when the lead sits in a pausing stage.

use super::activity::Activity;
use super::calendar::{BusinessTime, Mark};
use super::digest::{Change, Digest, Subject, Touch};
use super::facts::StageTable;
use super::lead::{Lead, Priority};
use super::pipeline::{Pipeline, StageId, StageKind};
use super::rep::{Rep, RepId};
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod policy;
mod status;

pub use policy::{AttemptRule, Conditions, Minutes, PolicyError, SlaPolicies, SlaPolicy, Span};
pub use status::{AttemptClock, LeadClocks, Status};

/// What the engine needs besides the lead.
#[derive(Clone, Copy)]
pub struct SlaContext<'a> {
    /// Business hours (a calendar, or a timeline precomputed from one).
    pub calendar: &'a dyn BusinessTime,
    /// Stages (kinds, pausing flags).
    pub pipeline: &'a Pipeline,
    /// Targets.
    pub policies: &'a SlaPolicies,
}

type Window = (DateTime<Utc>, DateTime<Utc>);

/// Completed pauses and, if the lead is paused now, when that pause began.
fn pauses(changes: &[Change], table: &StageTable) -> (Vec<Window>, Option<DateTime<Utc>>) {
    if !table.any_pauses() {
        return (Vec::new(), None);
    }
    let mut done = Vec::new();
    let mut open = None;
    for (i, change) in changes.iter().enumerate() {
        if change.stage.is_some_and(|s| table.pauses(usize::from(s))) {
            match changes.get(i + 1) {
                Some(next) => done.push((change.at(), next.at())),
                None => open = Some(change.at()),
            }
        }
    }
    (done, open)
}

/// One business-time clock: started at `start`, target `target`, finished at `done`.
struct Clock<'a> {
    cal: &'a dyn BusinessTime,
    pauses: &'a [Window],
    paused_since: Option<DateTime<Utc>>,
    closed_at: Option<Mark>,
    at_risk_percent: u8,
    now: Mark,
}

impl Clock<'_> {
    /// Business time from `start` to `at`, less the pauses.
    fn used(&self, start: Mark, at: Mark) -> TimeDelta {
        if self.pauses.is_empty() {
            start.until(self.cal, at)
        } else {
            self.cal
                .elapsed_with_pauses(start.at(), at.at(), self.pauses)
        }
    }

    fn status(&self, start: Mark, target: TimeDelta, done: Option<Mark>) -> Status {
        let cal = self.cal;
        if let Some(at) = done {
            let used = self.used(start, at);
            // Done after its deadline is late even when no business time
            // passed since (a call at 01:00 after a 17:30 deadline): the
            // clock said "breached" all night, and the verdict agrees.
            let in_time = used < target
                || (used == target
                    && at.at() <= cal.due_with_pauses(start.at(), target, self.pauses));
            return if in_time {
                Status::Met { at: at.at(), used }
            } else {
                let due = cal.due_with_pauses(start.at(), target, self.pauses);
                Status::Breached {
                    due,
                    overdue: used - target,
                    done: Some(at.at()),
                }
            };
        }
        if let Some(closed) = self.closed_at {
            let due = cal.due_with_pauses(start.at(), target, self.pauses);
            return if closed.at() > due {
                Status::Breached {
                    due,
                    overdue: Mark::new(cal, due).until(cal, closed),
                    done: None,
                }
            } else {
                Status::NotApplicable
            };
        }
        let now = self.now;
        if let Some(since) = self.paused_since {
            let mut all = self.pauses.to_vec();
            all.push((since, now.at().max(since)));
            let used = cal.elapsed_with_pauses(start.at(), now.at(), &all);
            if used < target {
                return Status::Paused {
                    remaining: target - used,
                };
            }
            let due = cal.due_with_pauses(start.at(), target, &all);
            return Status::Breached {
                due,
                overdue: used - target,
                done: None,
            };
        }
        let due = cal.due_with_pauses(start.at(), target, self.pauses);
        let due_mark = Mark::new(cal, due);
        if now.at() > due {
            return Status::Breached {
                due,
                overdue: due_mark.until(cal, now),
                done: None,
            };
        }
        let remaining = if self.pauses.is_empty() {
            now.until(cal, due_mark)
        } else {
            cal.elapsed_with_pauses(now.at(), due, self.pauses)
        };
        if remaining.num_seconds() * 100 < target.num_seconds() * i64::from(self.at_risk_percent) {
            Status::AtRisk { due, remaining }
        } else {
            Status::Pending { due, remaining }
        }
    }
}

/// Every clock of `lead` at `now`. `activities` are this lead's; oldest first
/// is fastest (as [`super::workspace::ActivityIndex`] gives them), any order works.
///
/// This digests the lead first ([`Digest`]); [`evaluate_digest`] is the same
/// rule for a lead already digested.
pub fn evaluate(
    ctx: SlaContext<'_>,
    lead: &Lead,
    activities: &[Activity],
    now: DateTime<Utc>,
) -> LeadClocks {
    let table = StageTable::new(ctx.pipeline);
    let digest = Digest::of_one(lead, activities, &table, ctx.calendar);
    let policy = ctx.policies.policy_for(lead);
    let from = ctx.policies.from_mark(ctx.calendar);
    let now = Mark::new(ctx.calendar, now);
    digest.get(0).map_or(LeadClocks::NONE, |d| {
        evaluate_digest(ctx.calendar, &table, (policy, from), d, now)
    })
}

/// Every clock of a digested lead at `now`, under `policy` (its
/// [`SlaPolicies::policy_for`]) and the workspace's start
/// ([`SlaPolicies::from_mark`]); `table` is the pipeline it was digested with.
pub fn evaluate_digest(
    cal: &dyn BusinessTime,
    table: &StageTable,
    (policy, from): (&SlaPolicy, Option<Mark>),
    d: Subject<'_>,
    now: Mark,
) -> LeadClocks {
    let lead = d.lead;
    // Targets in working days count the calendar's working day.
    let day = cal.working_day();
    let (done_pauses, paused_since) = pauses(d.changes, table);
    let stage_kind = lead.stage.and_then(|i| table.kind(usize::from(i)));
    let open = stage_kind == Some(StageKind::Open);
    let later = |a: Mark, b: Mark| if b.at() > a.at() { b } else { a };
    // Where the clocks start (module docs): never before the lead entered
    // this workspace, nor before the SLA was enforced.
    let start = from.map_or(lead.entered, |f| later(lead.entered, f));
    let clock = Clock {
        cal,
        pauses: &done_pauses,
        paused_since,
        closed_at: (!open).then_some(lead.in_stage),
        at_risk_percent: policy.at_risk_percent,
        now,
    };
    let acts = &d.touches[d.touches.partition_point(|t| t.at() < lead.created.at())..];

    let first_response = {
        let done = acts.iter().find(|t| t.is(Touch::RESPONSE)).map(Touch::mark);
        clock.status(start, policy.first_response.delta(day), done)
    };

    let attempts = {
        let rule = &policy.attempts;
        let gap = rule.min_gap.delta();
        let (mut made, mut short_gaps, mut nth, mut prev) = (0u32, 0u32, None, None);
        for t in acts.iter().filter(|t| t.is(Touch::ATTEMPT)) {
            made += 1;
            let mark = t.mark();
            if made == rule.min_attempts {
                nth = Some(mark);
            }
            if prev.is_some_and(|p: Mark| p.until(cal, mark) < gap) {
                short_gaps += 1;
            }
            prev = Some(mark);
        }
        let contact = acts
            .iter()
            .find(|t| t.is(Touch::CONVERSATION) || t.is(Touch::INBOUND) || t.is(Touch::DEAD_END))
            .map(Touch::mark);
        let done = match (nth, contact) {
            (Some(a), Some(b)) if b.at() < a.at() => Some(b),
            (a, b) => a.or(b),
        };
        let status = if rule.min_attempts == 0 {
            Status::NotApplicable
        } else {
            clock.status(start, rule.within.delta(day), done)
        };
        // Tried and more tries due: not before the gap has passed.
        let open = matches!(
            status,
            Status::Pending { .. } | Status::AtRisk { .. } | Status::Breached { done: None, .. }
        );
        let next_try = match prev {
            Some(last) if open && gap > TimeDelta::zero() => {
                Some(cal.due(last.at(), gap)).filter(|t| *t > now.at())
            }
            _ => None,
        };
        AttemptClock {
            status,
            made,
            too_many: made > rule.max_attempts,
            short_gaps,
            next_try,
        }
    };

    let limit = if policy.stage_limits.is_empty() {
        None
    } else {
        lead.stage
            .and_then(|i| table.id(usize::from(i)))
            .and_then(|id| policy.stage_limits.get(id))
    };
    let stage_time = match limit {
        Some(limit) if open => Clock {
            pauses: &[],
            paused_since: None,
            closed_at: None,
            ..clock
        }
        .status(later(lead.in_stage, start), limit.delta(day), None),
        _ => Status::NotApplicable,
    };

    let reassignment = match lead.owner {
        Some(_) if open && !policy.reassign_after.is_zero() => {
            let last_touch = acts.iter().rev().find(|t| t.is(Touch::BY_OWNER));
            let start = [lead.assigned, last_touch.map(Touch::mark)]
                .into_iter()
                .flatten()
                .fold(start, later);
            clock.status(start, policy.reassign_after.delta(day), None)
        }
        _ => Status::NotApplicable,
    };

    let nurture = if let Some(days) = policy.nurture().filter(|_| open) {
        let last = acts.last().map_or(start.at(), |t| t.at().max(start.at()));
        let span = TimeDelta::days(i64::from(days));
        let due = last + span;
        let now = now.at();
        if now > due {
            Status::Breached {
                due,
                overdue: now - due,
                done: None,
            }
        } else {
            let remaining = due - now;
            if remaining.num_seconds() * 100
                < span.num_seconds() * i64::from(policy.at_risk_percent)
            {
                Status::AtRisk { due, remaining }
            } else {
                Status::Pending { due, remaining }
            }
        }
    } else {
        Status::NotApplicable
    };

    LeadClocks {
        first_response,
        attempts,
        stage_time,
        reassignment,
        nurture,
    }
}

/// The rep a lead should go to: an active Sales rep other than `current`
/// whose open load is below capacity, lowest load first, then lowest id.
pub fn suggest_owner<'a>(
    reps: &'a [Rep],
    open_load: &BTreeMap<RepId, u32>,
    current: Option<&RepId>,
) -> Option<&'a Rep> {
    reps.iter()
        .filter(|r| r.active && r.team.in_sales() && Some(&r.id) != current)
        .map(|r| (open_load.get(&r.id).copied().unwrap_or(0), r))
        .filter(|(load, r)| *load < r.capacity)
        .min_by(|(la, ra), (lb, rb)| la.cmp(lb).then_with(|| ra.id.cmp(&rb.id)))
        .map(|(_, r)| r)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod span_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
