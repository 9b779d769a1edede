//! The "Today" work queue: what needs action now.
//!
//! Rules (where the brief is silent):
//! - Only open leads (not Won/Lost) are queued.
//! - The work comes in [`Lane`]s, in the order a rep does it: calls first
//!   (first responses and attempts due), then reassignments, then leads to
//!   move on; housekeeping (nurture ended: close it) last, apart.
//! - Within a lane: breached clocks first (most overdue first), then at-risk
//!   clocks, then running clocks due within `horizon` of business time
//!   (least remaining first), by [`Status::urgency`]. Paused, met and
//!   not-applicable clocks never queue a lead. Reassignment and nurture end
//!   queue a lead only once breached: until then the owner still has time
//!   to act, and "give it to someone" or "close it" would be premature.
//! - A lead appears once, under one lane, by what settles it
//!   ([`Lane::claim`]): a call due comes before everything (the call is the
//!   work); then nurture ended (a lead to close is not reassigned or moved
//!   on); then reassignment (an untouched lead needs an owner before it
//!   moves on); then stage time. Within that lane, its most urgent clock.
//! - Ties keep a stable order: higher priority first, then older leads.
//! - The next step follows from the clock: first response and attempts →
//!   call; stage time → move the lead on; reassignment → give it to the
//!   suggested rep ([`super::sla::suggest_owner`], computed against open
//!   loads); nurture end → close it.

use super::lead::{Lead, LeadId, Priority};
use super::rep::RepId;
use super::sla::{LeadClocks, Status, suggest_owner};
use super::workspace::Prepared;
use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

/// Which clock of a lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    /// First response.
    FirstResponse,
    /// Call attempts.
    Attempts,
    /// Time in the current stage.
    StageTime,
    /// Owner inactivity.
    Reassignment,
    /// Nurture end.
    Nurture,
}

impl ClockKind {
    /// Every clock, in display order.
    pub const ALL: [ClockKind; 5] = [
        ClockKind::FirstResponse,
        ClockKind::Attempts,
        ClockKind::StageTime,
        ClockKind::Reassignment,
        ClockKind::Nurture,
    ];

    /// The lane a lead queued by this clock is in.
    pub fn lane(self) -> Lane {
        match self {
            ClockKind::FirstResponse | ClockKind::Attempts => Lane::Calls,
            ClockKind::Reassignment => Lane::Reassign,
            ClockKind::StageTime => Lane::MoveOn,
            ClockKind::Nurture => Lane::ToClose,
        }
    }

    /// The bucket this clock's `status` queues its lead in, if any:
    /// reassigning or closing is due once the limit has passed, not before
    /// (until then the owner can still act).
    pub fn queues(self, status: &Status, horizon: TimeDelta) -> Option<Bucket> {
        let b = bucket(status, horizon)?;
        let early =
            matches!(self, ClockKind::Reassignment | ClockKind::Nurture) && b != Bucket::Breached;
        (!early).then_some(b)
    }

    /// This clock's status in `clocks`.
    pub fn of(self, clocks: &LeadClocks) -> Status {
        match self {
            ClockKind::FirstResponse => clocks.first_response,
            ClockKind::Attempts => clocks.attempts.status,
            ClockKind::StageTime => clocks.stage_time,
            ClockKind::Reassignment => clocks.reassignment,
            ClockKind::Nurture => clocks.nurture,
        }
    }
}

/// What the person should do about a queued lead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// Call (first response or another attempt).
    Call,
    /// Move the lead to its next stage.
    MoveOn,
    /// Give the lead to this rep (`None`: nobody has room).
    Reassign(Option<RepId>),
    /// Close the lead: nurturing has ended.
    Close,
}

/// The kind of work, in the order the queue lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lane {
    /// Calls to make: first responses and attempts due.
    Calls,
    /// Untouched leads to give to someone else.
    Reassign,
    /// Leads that stayed too long in their stage.
    MoveOn,
    /// Housekeeping: nurturing has ended, close them.
    ToClose,
}

impl Lane {
    /// Every lane, in order.
    pub const ALL: [Lane; 4] = [Lane::Calls, Lane::Reassign, Lane::MoveOn, Lane::ToClose];

    /// Which lane takes a lead several clocks queue (lowest first).
    pub fn claim(self) -> u8 {
        match self {
            Lane::Calls => 0,
            Lane::ToClose => 1,
            Lane::Reassign => 2,
            Lane::MoveOn => 3,
        }
    }
}

/// How urgent a clock is within its lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// A clock is past its deadline.
    Breached,
    /// A clock is running out.
    AtRisk,
    /// A clock is due within the horizon.
    DueSoon,
}

/// One queued lead.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QueueItem {
    /// The lead.
    pub lead: LeadId,
    /// Its kind of work.
    pub lane: Lane,
    /// Its part of the queue.
    pub bucket: Bucket,
    /// The clock that queued it.
    pub clock: ClockKind,
    /// That clock's status.
    pub status: Status,
    /// What to do.
    pub next: NextStep,
}

/// The most urgent clock of a lead: `(clock, status)` by [`Status::urgency`].
pub fn most_urgent(clocks: &LeadClocks) -> (ClockKind, Status) {
    ClockKind::ALL
        .iter()
        .map(|k| (*k, k.of(clocks)))
        .min_by_key(|(_, s)| s.urgency())
        .expect("five clocks")
}

/// The bucket of a status, if it queues a lead within `horizon`.
pub fn bucket(status: &Status, horizon: TimeDelta) -> Option<Bucket> {
    match status {
        Status::Breached { done: None, .. } => Some(Bucket::Breached),
        Status::AtRisk { .. } => Some(Bucket::AtRisk),
        Status::Pending { remaining, .. } if *remaining <= horizon => Some(Bucket::DueSoon),
        _ => None,
    }
}

/// Every lead's clocks at `now`, in workspace order (closed leads included):
/// the prepared ones when `now` is theirs.
pub fn all_clocks(p: &Prepared<'_>, now: DateTime<Utc>) -> Vec<LeadClocks> {
    (0..p.ws.leads.len()).map(|i| p.clocks_of(i, now)).collect()
}

/// The queue at `now`, given every lead's clocks (from [`all_clocks`]).
pub fn today(p: &Prepared<'_>, clocks: &[LeadClocks], horizon: TimeDelta) -> Vec<QueueItem> {
    let pipeline = &p.ws.pipeline;
    let loads = p.open_loads();
    // (lead, (lane, urgency), item): sorted by the middle, then the lead.
    type Ranked<'a> = (&'a Lead, (Lane, (u8, i64)), QueueItem);
    let mut items: Vec<Ranked<'_>> =
        p.ws.leads
            .iter()
            .zip(clocks)
            .filter(|(l, _)| !l.is_closed(pipeline))
            .filter_map(|(lead, c)| {
                let (clock, status, bucket) = ClockKind::ALL
                    .iter()
                    .filter_map(|k| {
                        let status = k.of(c);
                        Some((*k, status, k.queues(&status, horizon)?))
                    })
                    .min_by_key(|(k, s, _)| (k.lane().claim(), s.urgency()))?;
                let next = match clock {
                    ClockKind::FirstResponse | ClockKind::Attempts => NextStep::Call,
                    ClockKind::StageTime => NextStep::MoveOn,
                    ClockKind::Reassignment => NextStep::Reassign(
                        suggest_owner(&p.ws.reps, loads, lead.owner()).map(|r| r.id.clone()),
                    ),
                    ClockKind::Nurture => NextStep::Close,
                };
                let item = QueueItem {
                    lead: lead.id(),
                    lane: clock.lane(),
                    bucket,
                    clock,
                    status,
                    next,
                };
                Some((lead, (clock.lane(), status.urgency()), item))
            })
            .collect();
    items.sort_by(|(la, ua, _), (lb, ub, _)| {
        ua.cmp(ub)
            .then_with(|| rank(lb.priority()).cmp(&rank(la.priority())))
            .then_with(|| la.created_at().cmp(&lb.created_at()))
    });
    items.into_iter().map(|(_, _, i)| i).collect()
}

fn rank(p: Priority) -> u8 {
    match p {
        Priority::Low => 0,
        Priority::Normal => 1,
        Priority::High => 2,
        Priority::Urgent => 3,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
    use crate::domain::lead::LeadDraft;
    use crate::domain::rep::{Membership, Rep};
    use crate::domain::test_support::vn;
    use crate::domain::workspace::Workspace;

    fn rep(id: &str, capacity: u32) -> Rep {
        Rep {
            id: RepId::new(id),
            name: id.into(),
            team: Membership::Sales,
            capacity,
            active: true,
            user: None,
            extra: Default::default(),
        }
    }

    fn lead(ws: &Workspace, name: &str, at: &str) -> Lead {
        let draft = LeadDraft {
            name: name.into(),
            phone: "0912345678".into(),
            source: "facebook".into(),
            ..LeadDraft::default()
        };
        Lead::create(
            &draft,
            LeadId::from_uuid(uuid::Uuid::new_v4()),
            vn(at),
            &ws.pipeline,
        )
        .unwrap()
    }

    fn call(lead: &Lead, at: &str, rep: &str) -> Activity {
        Activity {
            lead: lead.id(),
            at: vn(at),
            kind: ActivityKind::Call,
            direction: Direction::Outbound,
            outcome: Outcome::Connected,
            rep: Some(RepId::new(rep)),
            extra: Default::default(),
        }
    }

    #[test]
    fn breached_first_then_at_risk_then_due_soon_and_answered_leads_leave() {
        let mut ws = Workspace {
            reps: vec![rep("an", 10), rep("binh", 10)],
            ..Workspace::default()
        };
        // Monday 2026-03-02, business hours 08:00–12:00, 13:30–17:30.
        let old = lead(&ws, "Old", "2026-03-02 08:00");
        let fresh = lead(&ws, "Fresh", "2026-03-02 10:50");
        let answered = lead(&ws, "Answered", "2026-03-02 08:00");
        ws.activities
            .push(call(&answered, "2026-03-02 08:10", "an"));
        let mut won = lead(&ws, "Won", "2026-03-02 08:00");
        let pipeline = ws.pipeline.clone();
        for _ in 0..3 {
            won.advance(&pipeline, None, vn("2026-03-02 08:01"))
                .unwrap();
        }
        ws.leads = vec![old.clone(), fresh.clone(), answered.clone(), won];
        let now = vn("2026-03-02 11:00");
        let p = Prepared::new(&ws, now).unwrap();
        let clocks = all_clocks(&p, now);
        let queue = today(&p, &clocks, TimeDelta::hours(8));
        let ids: Vec<LeadId> = queue.iter().map(|i| i.lead).collect();
        assert_eq!(ids[0], old.id(), "the breached lead comes first: {queue:?}");
        assert_eq!(queue[0].bucket, Bucket::Breached);
        assert_eq!(queue[0].clock, ClockKind::FirstResponse);
        assert_eq!(queue[0].next, NextStep::Call);
        assert!(
            !ids.contains(&answered.id()),
            "a lead reached by phone needs nothing now: {queue:?}"
        );
        assert_eq!(queue.len(), 2, "the won lead is not queued: {queue:?}");
        let fresh_item = queue.iter().find(|i| i.lead == fresh.id()).unwrap();
        assert_eq!(
            (fresh_item.clock, fresh_item.bucket),
            (ClockKind::FirstResponse, Bucket::DueSoon)
        );
    }

    #[test]
    fn a_short_horizon_leaves_out_what_is_not_due_soon() {
        let mut ws = Workspace::default();
        let fresh = lead(&ws, "Fresh", "2026-03-02 10:59");
        ws.leads = vec![fresh];
        let now = vn("2026-03-02 11:00");
        let p = Prepared::new(&ws, now).unwrap();
        let clocks = all_clocks(&p, now);
        assert!(today(&p, &clocks, TimeDelta::zero()).is_empty());
        assert_eq!(today(&p, &clocks, TimeDelta::days(30)).len(), 1);
    }

    #[test]
    fn untouched_leads_get_a_reassignment_suggestion_to_the_least_loaded_rep() {
        let mut ws = Workspace {
            reps: vec![rep("an", 10), rep("binh", 10), rep("chi", 1)],
            ..Workspace::default()
        };
        let mut l = lead(&ws, "Stale", "2026-03-02 08:00");
        l.assign(Some(RepId::new("an")), vn("2026-03-02 08:00"));
        ws.activities.push(call(&l, "2026-03-02 08:05", "an"));
        let mut busy = lead(&ws, "Busy", "2026-03-20 08:00");
        busy.assign(Some(RepId::new("chi")), vn("2026-03-20 08:00"));
        ws.activities.push(call(&busy, "2026-03-20 08:05", "chi"));
        ws.leads = vec![l.clone(), busy];
        let now = vn("2026-03-20 09:00");
        let p = Prepared::new(&ws, now).unwrap();
        let clocks = all_clocks(&p, now);
        let item = today(&p, &clocks, TimeDelta::hours(1))
            .into_iter()
            .find(|i| i.lead == l.id())
            .expect("the stale lead is queued");
        assert_eq!(item.bucket, Bucket::Breached);
        match item.next {
            NextStep::Reassign(to) => assert_eq!(to, Some(RepId::new("binh"))),
            NextStep::Close => {}
            other => panic!("unexpected next step {other:?}"),
        }
    }

    #[test]
    fn calls_come_first_and_housekeeping_last_in_a_sample_workspace() {
        let now = vn("2026-06-01 10:00");
        let ws = crate::domain::sample::generate(1, 3000, 6, now);
        let p = Prepared::new(&ws, now).unwrap();
        let clocks = all_clocks(&p, now);
        let queue = today(&p, &clocks, TimeDelta::hours(4));
        let lanes: Vec<Lane> = queue.iter().map(|i| i.lane).collect();
        assert!(lanes.windows(2).all(|w| w[0] <= w[1]), "lane by lane");
        assert_eq!(lanes.first(), Some(&Lane::Calls), "a call first");
        assert!(
            lanes.contains(&Lane::ToClose),
            "the sample has housekeeping"
        );
        let index: std::collections::HashMap<LeadId, usize> = ws
            .leads
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id(), i))
            .collect();
        let mut seen = std::collections::HashSet::new();
        for item in &queue {
            assert!(seen.insert(item.lead), "a lead once");
            assert_eq!(item.clock.lane(), item.lane);
            if matches!(item.lane, Lane::Reassign | Lane::ToClose) {
                assert_eq!(item.bucket, Bucket::Breached, "{item:?}");
            }
            let c = &clocks[index[&item.lead]];
            for k in ClockKind::ALL {
                if k.lane().claim() < item.lane.claim() {
                    assert!(
                        k.queues(&k.of(c), TimeDelta::hours(4)).is_none(),
                        "{k:?} settles the lead first: {item:?}"
                    );
                }
            }
        }
        for lane in Lane::ALL {
            let urgencies: Vec<_> = queue
                .iter()
                .filter(|i| i.lane == lane)
                .map(|i| i.status.urgency())
                .collect();
            assert!(
                urgencies.windows(2).all(|w| w[0] <= w[1]),
                "{lane:?}: most urgent first"
            );
        }
    }
}
