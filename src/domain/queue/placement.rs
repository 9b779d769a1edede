//! Where one lead stands in the queue: its placement (the clock that
//! settles its lane, with status and bucket), its rank among the others,
//! and the queue item Today shows for it.

use super::*;

/// Where a lead's clocks put it in the queue: the clock that queues it,
/// that clock's status and its bucket (a closed lead is never placed).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// The clock that settles its lane.
    pub clock: ClockKind,
    /// That clock's status.
    pub status: Status,
    /// Its part of the lane.
    pub bucket: Bucket,
    /// A call tried and resting: the earliest next try
    /// ([`AttemptClock::next_try`](super::super::sla::AttemptClock::next_try)).
    pub next_try: Option<DateTime<Utc>>,
}

/// The placement of a lead (`closed`: Won or Lost) with `clocks`; a call
/// breached longer than `long_overdue` ago is in [`Bucket::LongOverdue`].
pub fn placement(
    closed: bool,
    clocks: &LeadClocks,
    horizon: TimeDelta,
    long_overdue: TimeDelta,
) -> Option<Placement> {
    if closed {
        return None;
    }
    // A lead tried and resting until its next try stays among the calls,
    // below those that can be made now (`call_order`), however far its
    // deadline: Today shows the retries to come.
    let resting = clocks.attempts.next_try.is_some()
        && matches!(
            clocks.attempts.status,
            Status::Pending { .. } | Status::AtRisk { .. }
        );
    let (clock, status, bucket) = match settled_by(clocks, horizon) {
        Some(settled) => settled,
        None if resting => (ClockKind::Attempts, clocks.attempts.status, Bucket::DueSoon),
        None => return None,
    };
    let bucket = match status {
        Status::Breached { overdue, .. }
            if clock.lane() == Lane::Calls && overdue > long_overdue =>
        {
            Bucket::LongOverdue
        }
        _ => bucket,
    };
    let next_try = (clock == ClockKind::Attempts)
        .then_some(clocks.attempts.next_try)
        .flatten();
    Some(Placement {
        clock,
        status,
        bucket,
        next_try,
    })
}

/// Every lead's placement, by position, from the prepared facts and `clocks`.
pub fn placements(
    p: &Prepared<'_>,
    clocks: &[LeadClocks],
    horizon: TimeDelta,
) -> Vec<Option<Placement>> {
    let long = p.ws.policies.long_overdue();
    clocks
        .iter()
        .enumerate()
        .take(p.ws.leads.len())
        .map(|(i, c)| {
            let closed = p
                .facts()
                .leads
                .get(i)
                .map_or_else(|| p.ws.leads[i].is_closed(&p.ws.pipeline), |f| f.closed);
            placement(closed, c, horizon, long)
        })
        .collect()
}

/// The rank of `ws.leads[i]` placed so.
pub(super) fn rank_of(p: &Prepared<'_>, i: usize, placed: &Placement) -> Rank {
    let lead = &p.ws.leads[i];
    let clock = placed.clock;
    (
        clock.lane(),
        order(clock, &placed.status, placed.bucket, placed.next_try),
        3 - rank(lead.priority()),
        // Calls: the newer lead first (the fresher, the likelier to
        // answer); other work: the older first.
        match clock.lane() {
            Lane::Calls => -lead.created_at().timestamp_millis(),
            _ => lead.created_at().timestamp_millis(),
        },
        i,
    )
}

/// The queue item of `ws.leads[i]`, placed so.
pub(super) fn item(
    p: &Prepared<'_>,
    i: usize,
    placed: Placement,
    loads: &std::collections::BTreeMap<RepId, u32>,
) -> QueueItem {
    let lead = &p.ws.leads[i];
    let Placement {
        clock,
        status,
        bucket,
        next_try,
    } = placed;
    let next = match clock {
        ClockKind::FirstResponse | ClockKind::Attempts => NextStep::Call,
        ClockKind::StageTime => NextStep::MoveOn,
        ClockKind::Reassignment => {
            NextStep::Reassign(suggest_owner(&p.ws.reps, loads, lead.owner()).map(|r| r.id.clone()))
        }
        ClockKind::Nurture => NextStep::Close,
    };
    QueueItem {
        lead: lead.id(),
        lane: clock.lane(),
        bucket,
        clock,
        status,
        next,
        next_try,
    }
}

fn rank(p: Priority) -> u8 {
    match p {
        Priority::Low => 0,
        Priority::Normal => 1,
        Priority::High => 2,
        Priority::Urgent => 3,
    }
}
