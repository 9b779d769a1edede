//! The "Today" work queue: what needs action now.
//!
//! Rules (where the brief is silent):
//! - Only open leads (not Won/Lost) are queued.
//! - The work comes in [`Lane`]s, in the order a rep does it: calls first
//!   (first responses and attempts due), then reassignments, then leads to
//!   move on; housekeeping (nurture ended: close it) last, apart.
//! - **Calls are ordered for the leads that can still be won.** The chance
//!   of reaching a lead falls steeply in its first hour (the Lead Response
//!   Management study, Oldroyd 2007: a call within 5 minutes rather than 30
//!   makes contact about 100 times likelier), so in the calls lane
//!   ([`call_order`]):
//!   1. leads still inside their window (at risk or due soon) come first,
//!      earliest deadline first;
//!   2. then leads breached recently, the most recent breach first (the
//!      freshest lead is the likeliest to answer);
//!   3. then leads tried and not to be tried again yet (the attempts rule's
//!      minimum gap since the last try has not passed), earliest next try
//!      first: a "no answer" moves the card below the calls that can be
//!      made now, and it comes back up when its next try is due; such a
//!      lead stays queued (due soon) however far its attempts deadline;
//!   4. then leads breached longer ago than
//!      [`SlaPolicies::long_overdue`](super::sla::SlaPolicies::long_overdue)
//!      (business time past the deadline; one working day unless the team
//!      set it) — their own bucket, [`Bucket::LongOverdue`], which Today
//!      folds under its count — again the most recent breach first, those
//!      resting until their next try after the others.
//!
//!   A lead waiting for its first response is always queued while its clock
//!   runs, however far its deadline (the first call is the work): a lead
//!   added now is on Today at once.
//! - **Untouched leads** (the reassignment lane): the most recent breach
//!   first, for the same reason — a lead whose owner went quiet yesterday
//!   can still be won by someone else; one untouched for weeks less so.
//! - In the other lanes: breached clocks first (most overdue first), then
//!   at-risk clocks, then running clocks due within `horizon` of business
//!   time (least remaining first), by [`Status::urgency`]. Paused, met and
//!   not-applicable clocks never queue a lead. Reassignment and nurture end
//!   queue a lead only once breached: until then the owner still has time
//!   to act, and "give it to someone" or "close it" would be premature.
//! - A lead appears once, under one lane, by what settles it
//!   ([`Lane::claim`]): a call due comes before everything (the call is the
//!   work); then nurture ended (a lead to close is not reassigned or moved
//!   on); then reassignment (an untouched lead needs an owner before it
//!   moves on); then stage time. Within that lane, its most urgent clock.
//! - Ties keep a stable order: higher priority first, then, among calls,
//!   the newer lead (leads that arrived overnight are all due at the same
//!   hour of the morning: the one who asked last is the likeliest to
//!   answer), elsewhere the older lead.
//! - The next step follows from the clock: first response and attempts →
//!   call; stage time → move the lead on; reassignment → give it to the
//!   suggested rep ([`super::sla::suggest_owner`], computed against open
//!   loads); nurture end → close it.

use super::lead::{LeadId, Priority};
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
    ///
    /// A running first-response clock queues its lead whatever the horizon
    /// (module rules). The calls lane's long-overdue bucket is told apart
    /// later, by [`placement`], which knows the workspace's threshold.
    pub fn queues(self, status: &Status, horizon: TimeDelta) -> Option<Bucket> {
        let horizon = match (self, status) {
            (ClockKind::FirstResponse, Status::Pending { remaining, .. }) => {
                horizon.max(*remaining)
            }
            _ => horizon,
        };
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
    /// A call whose deadline passed longer ago than the workspace's
    /// threshold (calls lane only; module rules).
    LongOverdue,
}

impl Bucket {
    /// Every bucket.
    pub const ALL: [Bucket; 4] = [
        Bucket::Breached,
        Bucket::AtRisk,
        Bucket::DueSoon,
        Bucket::LongOverdue,
    ];

    /// Past its deadline, recently or long ago.
    pub fn is_breached(self) -> bool {
        matches!(self, Bucket::Breached | Bucket::LongOverdue)
    }
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
    /// A call lead tried and resting: the earliest next try.
    pub next_try: Option<DateTime<Utc>>,
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

/// The queue at `now`, given every lead's clocks (from [`all_clocks`]), in
/// full order: lane by lane, each lane in its order (module rules), the
/// calls lane's long-overdue bucket after its other calls.
pub fn today(p: &Prepared<'_>, clocks: &[LeadClocks], horizon: TimeDelta) -> Vec<QueueItem> {
    let loads = p.open_loads();
    let mut items: Vec<(Rank, QueueItem)> = (0..p.ws.leads.len().min(clocks.len()))
        .filter_map(|i| queued(p, i, &clocks[i], loads, horizon))
        .collect();
    items.sort_by_key(|(rank, _)| *rank);
    items.into_iter().map(|(_, i)| i).collect()
}

/// Where a queued lead sorts: its lane, its order within the lane
/// ([`order`]), then higher priority, then age (module rules), then its
/// position (a stable order).
type Rank = (Lane, (u8, i64), u8, i64, usize);

/// The order of a call within the calls lane (smaller first): inside its
/// window by deadline, then recent breaches (most recent first), then the
/// leads resting until `next_try` (earliest first), then long-overdue ones
/// (most recent breach first, those resting after) — the module rules.
/// `(group, key)`.
pub fn call_order(status: &Status, bucket: Bucket, next_try: Option<DateTime<Utc>>) -> (u8, i64) {
    match (status, bucket, next_try) {
        (Status::Breached { .. }, Bucket::LongOverdue, Some(t)) => (5, t.timestamp()),
        (Status::Breached { overdue, .. }, Bucket::LongOverdue, None) => (4, overdue.num_seconds()),
        (_, _, Some(t)) => (2, t.timestamp()),
        (Status::AtRisk { due, .. } | Status::Pending { due, .. }, _, None) => (0, due.timestamp()),
        (Status::Breached { overdue, .. }, _, None) => (1, overdue.num_seconds()),
        _ => (6, 0),
    }
}

/// The order of a queued clock within its lane (smaller first): the calls
/// lane's [`call_order`], elsewhere [`Status::urgency`].
pub fn order(
    clock: ClockKind,
    status: &Status,
    bucket: Bucket,
    next_try: Option<DateTime<Utc>>,
) -> (u8, i64) {
    match (clock.lane(), status) {
        (Lane::Calls, _) => call_order(status, bucket, next_try),
        // An untouched lead is the likelier to be won the more recently
        // its owner went quiet: the most recent breach first.
        (
            Lane::Reassign,
            Status::Breached {
                done: None,
                overdue,
                ..
            },
        ) => (0, overdue.num_seconds()),
        _ => status.urgency(),
    }
}

/// The queue item of `ws.leads[i]` with its rank, if its clocks queue it.
fn queued(
    p: &Prepared<'_>,
    i: usize,
    clocks: &LeadClocks,
    loads: &std::collections::BTreeMap<RepId, u32>,
    horizon: TimeDelta,
) -> Option<(Rank, QueueItem)> {
    let (rank, placed) = placed(p, i, clocks, horizon)?;
    Some((rank, item(p, i, placed, loads)))
}

/// Where `ws.leads[i]` is queued, if it is: its rank and placement.
fn placed(
    p: &Prepared<'_>,
    i: usize,
    clocks: &LeadClocks,
    horizon: TimeDelta,
) -> Option<(Rank, Placement)> {
    let lead = &p.ws.leads[i];
    let closed = p
        .facts()
        .leads
        .get(i)
        .map_or_else(|| lead.is_closed(&p.ws.pipeline), |f| f.closed);
    if closed {
        return None;
    }
    let placed = placement(false, clocks, horizon, p.ws.policies.long_overdue())?;
    Some((rank_of(p, i, &placed), placed))
}

/// The clock that queues an open lead, its status and its bucket, if any.
fn settled_by(clocks: &LeadClocks, horizon: TimeDelta) -> Option<(ClockKind, Status, Bucket)> {
    ClockKind::ALL
        .iter()
        .filter_map(|k| {
            let status = k.of(clocks);
            Some((*k, status, k.queues(&status, horizon)?))
        })
        .min_by_key(|(k, s, _)| (k.lane().claim(), s.urgency()))
}

/// How far ahead "due soon" looks, in business time: the Today screen's
/// horizon, the one a [`super::live::Live`] workspace places leads with.
pub const HORIZON: TimeDelta = TimeDelta::hours(4);

mod placement;
mod shown;

pub use placement::{Placement, placement, placements};
use placement::{item, rank_of};
pub use shown::{Limits, Queue, Section};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
