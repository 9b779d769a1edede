//! The queue as the Today screen shows it: every queued lead counted, only
//! the first few of each lane put in order. Sorting a big workspace's whole
//! queue after every change costs more than a frame; picking each lane's
//! first `shown` items is linear.

use super::*;

/// A part of Today listed on its own: a lane's work, or the calls lane's
/// long-overdue leads (folded under their count).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// A lane, without its long-overdue leads.
    Lane(Lane),
    /// The calls lane's [`Bucket::LongOverdue`] leads.
    LongOverdue,
}

impl Section {
    /// Every section, in the order Today shows them.
    pub const ALL: [Section; 5] = [
        Section::Lane(Lane::Calls),
        Section::LongOverdue,
        Section::Lane(Lane::Reassign),
        Section::Lane(Lane::MoveOn),
        Section::Lane(Lane::ToClose),
    ];

    /// The section a queued lead is listed in.
    pub fn of(lane: Lane, bucket: Bucket) -> Section {
        if bucket == Bucket::LongOverdue {
            Section::LongOverdue
        } else {
            Section::Lane(lane)
        }
    }

    fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// How many rows of each section to list (the rest are counted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits([usize; 5]);

impl Limits {
    /// `n` rows of every section.
    pub fn all(n: usize) -> Limits {
        Limits([n; 5])
    }

    /// Rows of `section`.
    pub fn of(&self, section: Section) -> usize {
        self.0[section.index()]
    }

    /// The same, with `n` rows of `section`.
    pub fn with(mut self, section: Section, n: usize) -> Limits {
        self.0[section.index()] = n;
        self
    }
}

/// The Today queue of one owner (or everyone), as a screen shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Queue {
    /// The first rows of each section, in section order, each section in
    /// the order [`today`] gives.
    pub items: Vec<QueueItem>,
    /// How many leads each lane holds, per bucket (`[lane][bucket]`).
    counts: [[usize; 4]; 4],
    /// Every lead of the housekeeping lane (closed together).
    pub to_close: Vec<LeadId>,
    /// Queued leads of other owners, when the queue is one owner's.
    pub others: usize,
}

fn lane_index(lane: Lane) -> usize {
    Lane::ALL.iter().position(|l| *l == lane).unwrap_or(0)
}

fn bucket_index(bucket: Bucket) -> usize {
    Bucket::ALL.iter().position(|b| *b == bucket).unwrap_or(0)
}

/// A placed lead in a section: its order in its lane, its position and
/// its placement.
type Placed = ((u8, i64), usize, Placement);

impl Queue {
    /// The queue of the leads `owner` owns (every lead when `None`), from
    /// each lead's [`Placement`] (by position, as [`placements`] gives
    /// them), without the leads whose reassignment suggestion a person put
    /// aside (`hidden`, asked about those leads only); each section's first
    /// rows listed (`limits`), all of them counted.
    pub fn build(
        p: &Prepared<'_>,
        placements: &[Option<Placement>],
        owner: Option<&RepId>,
        hidden: impl Fn(LeadId) -> bool,
        limits: &Limits,
    ) -> Queue {
        // One pass over the placements and the facts (compact and in
        // order); a lead itself (a few hundred bytes elsewhere in memory)
        // is read only when it may be listed, or when its reassignment
        // suggestion may have been put aside.
        let facts = p.facts();
        let owner = owner.map(|o| facts.owners.find(o.as_str()));
        let mut queue = Queue::default();
        let mut sections: [Vec<Placed>; 5] = Default::default();
        for (i, placed) in placements.iter().enumerate().take(p.ws.leads.len()) {
            let Some(placed) = *placed else {
                continue;
            };
            let (clock, bucket) = (placed.clock, placed.bucket);
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
            let lane = clock.lane();
            queue.counts[lane_index(lane)][bucket_index(bucket)] += 1;
            sections[Section::of(lane, bucket).index()].push((
                order(clock, &placed.status, bucket, placed.next_try),
                i,
                placed,
            ));
        }
        queue.to_close = sections[Section::Lane(Lane::ToClose).index()]
            .iter()
            .map(|(_, i, ..)| p.ws.leads[*i].id())
            .collect();
        let loads = p.open_loads();
        for (section, mut placed) in Section::ALL.into_iter().zip(sections) {
            let shown = limits.of(section);
            // The first `shown` by order, with every tie of the last one
            // (priority and age order those), then ranked in full.
            if shown == 0 {
                continue;
            }
            if placed.len() > shown {
                placed.select_nth_unstable_by_key(shown - 1, |(o, ..)| *o);
                let last = placed[shown - 1].0;
                let (mut kept, mut rest) = (placed[..shown].to_vec(), placed.split_off(shown));
                rest.retain(|(o, ..)| *o == last);
                kept.append(&mut rest);
                placed = kept;
            }
            let mut ranked: Vec<(Rank, usize, Placement)> = placed
                .into_iter()
                .map(|(_, i, placed)| (rank_of(p, i, &placed), i, placed))
                .collect();
            ranked.sort_unstable_by_key(|(rank, ..)| *rank);
            ranked.truncate(shown);
            queue.items.extend(
                ranked
                    .into_iter()
                    .map(|(_, i, placed)| item(p, i, placed, loads)),
            );
        }
        queue
    }

    /// How many leads `lane` holds (its long-overdue ones included).
    pub fn in_lane(&self, lane: Lane) -> usize {
        self.counts[lane_index(lane)].iter().sum()
    }

    /// How many leads `section` holds.
    pub fn in_section(&self, section: Section) -> usize {
        match section {
            Section::LongOverdue => {
                self.counts[lane_index(Lane::Calls)][bucket_index(Bucket::LongOverdue)]
            }
            Section::Lane(lane) => {
                self.in_lane(lane)
                    - self.counts[lane_index(lane)][bucket_index(Bucket::LongOverdue)]
            }
        }
    }

    /// How many leads the work lanes (all but housekeeping) hold in `bucket`.
    pub fn count(&self, bucket: Bucket) -> usize {
        Lane::ALL
            .iter()
            .filter(|l| **l != Lane::ToClose)
            .map(|l| self.counts[lane_index(*l)][bucket_index(bucket)])
            .sum()
    }

    /// The items listed for `section`, in order.
    pub fn listed(&self, section: Section) -> impl Iterator<Item = &QueueItem> {
        self.items
            .iter()
            .filter(move |i| Section::of(i.lane, i.bucket) == section)
    }

    /// The items listed for `lane` (its long-overdue ones included), in order.
    pub fn lane(&self, lane: Lane) -> impl Iterator<Item = &QueueItem> {
        self.items.iter().filter(move |i| i.lane == lane)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::sample::generate;
    use crate::domain::test_support::vn;

    /// The screen's queue is the full queue, cut per section and counted.
    #[test]
    fn each_section_lists_the_first_of_the_full_queue_and_counts_the_rest() {
        let now = vn("2026-06-01 10:00");
        let ws = generate(9, 2_000, 6, now);
        let p = Prepared::new(&ws, now).unwrap();
        let horizon = TimeDelta::hours(4);
        let full = today(&p, p.clocks(), horizon);
        let owner = ws.leads.iter().find_map(|l| l.owner().cloned()).unwrap();
        let put_aside = |id: LeadId| id.to_string().ends_with('7');
        let hide = |i: &QueueItem| matches!(i.next, NextStep::Reassign(_)) && put_aside(i.lead);
        let uneven = Limits::all(4).with(Section::LongOverdue, 2);
        for (owner, limits) in [
            (None, Limits::all(5)),
            (Some(&owner), Limits::all(3)),
            (None, uneven),
            (None, Limits::all(100_000)),
        ] {
            let placed = placements(&p, p.clocks(), horizon);
            let q = Queue::build(&p, &placed, owner, put_aside, &limits);
            let of_owner = |i: &&QueueItem| {
                owner.is_none()
                    || ws.leads.iter().find(|l| l.id() == i.lead).unwrap().owner() == owner
            };
            let visible: Vec<&QueueItem> = full.iter().filter(|i| !hide(i)).collect();
            let wanted: Vec<&QueueItem> = visible.iter().copied().filter(of_owner).collect();
            assert_eq!(q.others, visible.len() - wanted.len());
            for section in Section::ALL {
                let all: Vec<&QueueItem> = wanted
                    .iter()
                    .copied()
                    .filter(|i| Section::of(i.lane, i.bucket) == section)
                    .collect();
                assert_eq!(q.in_section(section), all.len(), "{section:?}");
                let listed: Vec<&QueueItem> = q.listed(section).collect();
                assert_eq!(
                    listed,
                    all.iter()
                        .copied()
                        .take(limits.of(section))
                        .collect::<Vec<_>>(),
                    "{section:?}"
                );
            }
            for lane in Lane::ALL {
                let n = wanted.iter().filter(|i| i.lane == lane).count();
                assert_eq!(q.in_lane(lane), n, "{lane:?}");
            }
            for bucket in Bucket::ALL {
                let n = wanted
                    .iter()
                    .filter(|i| i.lane != Lane::ToClose && i.bucket == bucket)
                    .count();
                assert_eq!(q.count(bucket), n, "{bucket:?}");
            }
            assert!(q.in_lane(Lane::Calls) > 3, "calls are queued");
            assert!(
                q.in_section(Section::LongOverdue) > 0,
                "the sample has long-overdue calls"
            );
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
