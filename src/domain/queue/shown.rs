//! The queue as the Today screen shows it: every queued lead counted, only
//! the first few of each lane put in order. Sorting a big workspace's whole
//! queue after every change costs more than a frame; picking each lane's
//! first `shown` items is linear.

use super::*;

/// The Today queue of one owner (or everyone), as a screen shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Queue {
    /// The first `shown` items of each lane, in lane order, each lane in
    /// the order [`today`] gives.
    pub items: Vec<QueueItem>,
    /// How many leads each lane holds, per bucket (`[lane][bucket]`).
    counts: [[usize; 3]; 4],
    /// Every lead of the housekeeping lane (closed together).
    pub to_close: Vec<LeadId>,
    /// Queued leads of other owners, when the queue is one owner's.
    pub others: usize,
}

fn lane_index(lane: Lane) -> usize {
    Lane::ALL.iter().position(|l| *l == lane).unwrap_or(0)
}

fn bucket_index(bucket: Bucket) -> usize {
    match bucket {
        Bucket::Breached => 0,
        Bucket::AtRisk => 1,
        Bucket::DueSoon => 2,
    }
}

/// A placed lead in a lane: its clock's urgency, its position, the clock,
/// its status and bucket.
type Placed = ((u8, i64), usize, ClockKind, Status, Bucket);

impl Queue {
    /// The queue of the leads `owner` owns (every lead when `None`), from
    /// each lead's [`Placement`] (by position, as [`placements`] gives
    /// them), without the leads whose reassignment suggestion a person put
    /// aside (`hidden`, asked about those leads only); each lane's first
    /// `shown` items listed, all of them counted.
    pub fn build(
        p: &Prepared<'_>,
        placements: &[Option<Placement>],
        owner: Option<&RepId>,
        hidden: impl Fn(LeadId) -> bool,
        shown: usize,
    ) -> Queue {
        // One pass over the placements and the facts (compact and in
        // order); a lead itself (a few hundred bytes elsewhere in memory)
        // is read only when it may be listed, or when its reassignment
        // suggestion may have been put aside.
        let facts = p.facts();
        let owner = owner.map(|o| facts.owners.find(o.as_str()));
        let mut queue = Queue::default();
        let mut lanes: [Vec<Placed>; 4] = Default::default();
        for (i, placed) in placements.iter().enumerate().take(p.ws.leads.len()) {
            let Some(Placement {
                clock,
                status,
                bucket,
            }) = *placed
            else {
                continue;
            };
            if clock == ClockKind::Reassignment && hidden(p.ws.leads[i].id()) {
                continue;
            }
            if let Some(want) = owner {
                let has = match facts.leads.get(i) {
                    Some(f) => f.owner.is_some() && f.owner == want,
                    None => p.ws.leads[i]
                        .owner()
                        .is_some_and(|o| facts.owners.find(o.as_str()) == want),
                };
                if !has {
                    queue.others += 1;
                    continue;
                }
            }
            let lane = lane_index(clock.lane());
            queue.counts[lane][bucket_index(bucket)] += 1;
            lanes[lane].push((status.urgency(), i, clock, status, bucket));
        }
        queue.to_close = lanes[lane_index(Lane::ToClose)]
            .iter()
            .map(|(_, i, ..)| p.ws.leads[*i].id())
            .collect();
        let loads = p.open_loads();
        for mut lane in lanes {
            // The first `shown` by urgency, with every tie of the last one
            // (priority and age order those), then ranked in full.
            if lane.len() > shown {
                lane.select_nth_unstable_by_key(shown - 1, |(u, ..)| *u);
                let last = lane[shown - 1].0;
                let (mut kept, mut rest) = (lane[..shown].to_vec(), lane.split_off(shown));
                rest.retain(|(u, ..)| *u == last);
                kept.append(&mut rest);
                lane = kept;
            }
            let mut ranked: Vec<(Rank, usize, ClockKind, Status, Bucket)> = lane
                .into_iter()
                .map(|(_, i, clock, status, bucket)| {
                    (rank_of(p, i, clock, &status), i, clock, status, bucket)
                })
                .collect();
            ranked.sort_unstable_by_key(|(rank, ..)| *rank);
            ranked.truncate(shown);
            queue.items.extend(
                ranked
                    .into_iter()
                    .map(|(_, i, clock, status, bucket)| item(p, i, clock, status, bucket, loads)),
            );
        }
        queue
    }

    /// How many leads `lane` holds.
    pub fn in_lane(&self, lane: Lane) -> usize {
        self.counts[lane_index(lane)].iter().sum()
    }

    /// How many leads the work lanes (all but housekeeping) hold in `bucket`.
    pub fn count(&self, bucket: Bucket) -> usize {
        Lane::ALL
            .iter()
            .filter(|l| **l != Lane::ToClose)
            .map(|l| self.counts[lane_index(*l)][bucket_index(bucket)])
            .sum()
    }

    /// The items listed for `lane`, most urgent first.
    pub fn lane(&self, lane: Lane) -> impl Iterator<Item = &QueueItem> {
        self.items.iter().filter(move |i| i.lane == lane)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::sample::generate;
    use crate::domain::test_support::vn;

    /// The screen's queue is the full queue, cut per lane and counted.
    #[test]
    fn each_lane_lists_the_first_of_the_full_queue_and_counts_the_rest() {
        let now = vn("2026-06-01 10:00");
        let ws = generate(9, 2_000, 6, now);
        let p = Prepared::new(&ws, now).unwrap();
        let horizon = TimeDelta::hours(4);
        let full = today(&p, p.clocks(), horizon);
        let owner = ws.leads.iter().find_map(|l| l.owner().cloned()).unwrap();
        let put_aside = |id: LeadId| id.to_string().ends_with('7');
        let hide = |i: &QueueItem| matches!(i.next, NextStep::Reassign(_)) && put_aside(i.lead);
        for (owner, shown) in [(None, 5), (Some(&owner), 3), (None, 100_000)] {
            let placed = placements(&p, p.clocks(), horizon);
            let q = Queue::build(&p, &placed, owner, put_aside, shown);
            let of_owner = |i: &&QueueItem| {
                owner.is_none()
                    || ws.leads.iter().find(|l| l.id() == i.lead).unwrap().owner() == owner
            };
            let visible: Vec<&QueueItem> = full.iter().filter(|i| !hide(i)).collect();
            let wanted: Vec<&QueueItem> = visible.iter().copied().filter(of_owner).collect();
            assert_eq!(q.others, visible.len() - wanted.len());
            for lane in Lane::ALL {
                let all: Vec<&QueueItem> =
                    wanted.iter().copied().filter(|i| i.lane == lane).collect();
                assert_eq!(q.in_lane(lane), all.len(), "{lane:?}");
                let listed: Vec<&QueueItem> = q.lane(lane).collect();
                assert_eq!(
                    listed,
                    all.iter().copied().take(shown).collect::<Vec<_>>(),
                    "{lane:?}"
                );
            }
            for bucket in [Bucket::Breached, Bucket::AtRisk, Bucket::DueSoon] {
                let n = wanted
                    .iter()
                    .filter(|i| i.lane != Lane::ToClose && i.bucket == bucket)
                    .count();
                assert_eq!(q.count(bucket), n, "{bucket:?}");
            }
            assert!(q.in_lane(Lane::Calls) > shown.min(3), "calls are queued");
            let mut to_close: Vec<LeadId> = wanted
                .iter()
                .filter(|i| i.lane == Lane::ToClose)
                .map(|i| i.lead)
                .collect();
            let mut listed = q.to_close.clone();
            to_close.sort();
            listed.sort();
            assert_eq!(listed, to_close);
        }
    }
}
