//! The leads and activities as the engine reads them: a compact copy of what
//! the SLA clocks ([`super::sla`]) and the report facts ([`super::facts`])
//! need, built once per change of the data, never per `now`.
//!
//! A [`Lead`] is a few hundred bytes with its history on the heap, and an
//! [`Activity`] eighty; the clocks of 100 000 leads with a million activities
//! read only a fraction of that but touch all of it. The digest keeps, per
//! lead, its creation, assignment and stage-entry instants with their business
//! positions ([`Mark`]), its stage as a position, its source, owner and
//! closing reason as numbers ([`Names`]); per stage change, the instant, its
//! business position and the stage's position; per activity (a [`Touch`]),
//! the instant, its business position and what it counts as, in one byte of
//! flags. So evaluating every lead reads a third of the bytes, compares no
//! text and looks up no instant it has seen before.
//!
//! Invariants: a lead's touches are oldest first (equal instants keep their
//! order); the flags of a touch are exactly the [`Activity`] predicates they
//! name, and [`Touch::BY_OWNER`] compares with the lead's owner at digest
//! time (a new owner means a new digest of the lead). Nothing here depends on
//! the SLA policies or on `now`.

use super::activity::{Activity, ActivityKind, Direction, Outcome};
use super::calendar::{BusinessTime, Mark};
use super::facts::{Names, StageTable};
use super::lead::{Csat, Lead, LossKind};
use chrono::{DateTime, Utc};
use std::ops::Range;

/// An activity as the engine reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Touch {
    at: DateTime<Utc>,
    position: i64,
    flags: u8,
}

impl Touch {
    /// Counts as a first response ([`Activity::is_response`]).
    pub const RESPONSE: u8 = 1;
    /// Counts as an attempt ([`Activity::is_attempt`]).
    pub const ATTEMPT: u8 = 2;
    /// Was a live conversation ([`Activity::is_conversation`]).
    pub const CONVERSATION: u8 = 4;
    /// Came in from the lead.
    pub const INBOUND: u8 = 8;
    /// Its outcome was [`Outcome::Resolved`].
    pub const RESOLVED: u8 = 16;
    /// Done by the lead's owner.
    pub const BY_OWNER: u8 = 32;
    /// A wrong number ([`Activity::is_dead_end`]).
    pub const DEAD_END: u8 = 64;

    fn new<C>(a: &Activity, owner: Option<&super::rep::RepId>, cal: &C) -> Touch
    where
        C: BusinessTime + ?Sized,
    {
        let bits = [
            (a.is_response(), Touch::RESPONSE),
            (a.is_attempt(), Touch::ATTEMPT),
            (a.is_conversation(), Touch::CONVERSATION),
            (a.direction == Direction::Inbound, Touch::INBOUND),
            (a.outcome == Outcome::Resolved, Touch::RESOLVED),
            (owner.is_some() && a.rep.as_ref() == owner, Touch::BY_OWNER),
            (a.is_dead_end(), Touch::DEAD_END),
        ];
        let flags = bits.iter().filter(|(on, _)| *on).fold(0, |f, (_, b)| f | b);
        let mark = Mark::new(cal, a.at);
        Touch {
            at: a.at,
            position: mark.raw_position(),
            flags,
        }
    }

    /// When it happened.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// When it happened, with its business position.
    pub fn mark(&self) -> Mark {
        Mark::from_raw(self.at, self.position)
    }

    /// True when every flag in `flags` is set.
    pub fn is(&self, flags: u8) -> bool {
        self.flags & flags == flags
    }
}

/// A stage change as the engine reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    at: DateTime<Utc>,
    position: i64,
    /// The position of the stage it went to (`None` when the pipeline lacks it).
    pub stage: Option<u16>,
}

impl Change {
    /// When it happened, with its business position.
    pub fn mark(&self) -> Mark {
        Mark::from_raw(self.at, self.position)
    }

    /// When it happened.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }
}

/// One lead as the engine reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadDigest {
    /// Creation.
    pub created: Mark,
    /// When it entered this workspace (its creation, or its import).
    pub entered: Mark,
    /// When it entered its current stage (its last change, else creation).
    pub in_stage: Mark,
    /// When it was given to its owner.
    pub assigned: Option<Mark>,
    /// Position of the current stage (`None` when the pipeline lacks it).
    pub stage: Option<u16>,
    /// Its source, as a number in [`Digest::sources`].
    pub source: u32,
    /// Its owner, as a number in [`Digest::owners`].
    pub owner: Option<u32>,
    /// How it was closed without a sale, and why (a number in [`Digest::reasons`]).
    pub closure: Option<(LossKind, u32)>,
    /// Customer satisfaction.
    pub csat: Option<Csat>,
    touches: Range<u32>,
    changes: Range<u32>,
}

/// One lead's digest with its changes and touches.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    /// The lead.
    pub lead: &'a LeadDigest,
    /// Its stage changes, in history order.
    pub changes: &'a [Change],
    /// Its activities, oldest first.
    pub touches: &'a [Touch],
}

/// Many leads' digests, by position, with the names they number.
#[derive(Clone, Debug, Default)]
pub struct Digest {
    leads: Vec<LeadDigest>,
    touches: Vec<Touch>,
    changes: Vec<Change>,
    /// Lead sources, exactly as written.
    pub sources: Names,
    /// Lead owners (rep ids).
    pub owners: Names,
    /// Why leads were closed without a sale.
    pub reasons: Names,
    /// Entries of the flat lists no lead uses any more (leads digested
    /// again or removed).
    garbage: usize,
}

/// A position in one of the flat lists, as stored in a range.
pub(crate) fn position(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Digest {
    /// Room for `leads` leads and `activities` activities.
    pub fn with_capacity(leads: usize, activities: usize) -> Digest {
        Digest {
            leads: Vec::with_capacity(leads),
            touches: Vec::with_capacity(activities),
            changes: Vec::with_capacity(leads * 3),
            ..Digest::default()
        }
    }

    /// The digest of one lead on its own (its names numbered from zero).
    pub fn of_one(
        lead: &Lead,
        acts: &[Activity],
        table: &StageTable,
        cal: &dyn BusinessTime,
    ) -> Digest {
        let mut d = Digest::with_capacity(1, acts.len());
        d.push(lead, acts, table, cal);
        d
    }

    /// Digests one more lead with its activities (oldest first is fastest;
    /// any order works).
    pub fn push<C: BusinessTime + ?Sized>(
        &mut self,
        lead: &Lead,
        acts: &[Activity],
        table: &StageTable,
        cal: &C,
    ) {
        let digest = self.digest(lead, acts, table, cal);
        self.leads.push(digest);
    }

    /// Digests the lead at `i` again (it changed): its new touches and
    /// changes go to the end of the flat lists, and the old ones become
    /// garbage, dropped once they outweigh what is in use.
    pub fn replace<C: BusinessTime + ?Sized>(
        &mut self,
        i: usize,
        lead: &Lead,
        acts: &[Activity],
        table: &StageTable,
        cal: &C,
    ) {
        let digest = self.digest(lead, acts, table, cal);
        if let Some(old) = self.leads.get_mut(i) {
            self.garbage += old.touches.len() + old.changes.len();
            *old = digest;
        }
        self.compact_if_wasteful();
    }

    /// Keeps the leads whose `keep` is true, in order.
    pub fn retain(&mut self, keep: &[bool]) {
        let mut k = keep.iter();
        let mut garbage = 0;
        self.leads.retain(|d| {
            let kept = k.next().copied().unwrap_or(true);
            if !kept {
                garbage += d.touches.len() + d.changes.len();
            }
            kept
        });
        self.garbage += garbage;
        self.compact_if_wasteful();
    }

    /// Copies what is in use into fresh lists when garbage is most of them.
    fn compact_if_wasteful(&mut self) {
        if self.garbage < 4096 || self.garbage < (self.touches.len() + self.changes.len()) / 2 {
            return;
        }
        let mut touches =
            Vec::with_capacity(self.touches.len() - self.garbage.min(self.touches.len()));
        let mut changes = Vec::with_capacity(self.leads.len() * 3);
        for d in &mut self.leads {
            let t = position(touches.len());
            touches
                .extend_from_slice(&self.touches[d.touches.start as usize..d.touches.end as usize]);
            d.touches = t..position(touches.len());
            let c = position(changes.len());
            changes
                .extend_from_slice(&self.changes[d.changes.start as usize..d.changes.end as usize]);
            d.changes = c..position(changes.len());
        }
        self.touches = touches;
        self.changes = changes;
        self.garbage = 0;
    }

    /// One lead's digest, its touches and changes appended to the flat lists.
    fn digest<C: BusinessTime + ?Sized>(
        &mut self,
        lead: &Lead,
        acts: &[Activity],
        table: &StageTable,
        cal: &C,
    ) -> LeadDigest {
        let first = self.touches.len();
        let owner = lead.owner();
        self.touches.extend(
            acts.iter()
                .filter(|a| a.kind != ActivityKind::Audit)
                .map(|a| Touch::new(a, owner, cal)),
        );
        let touches = &mut self.touches[first..];
        if !touches.is_sorted_by_key(|t| t.at) {
            crate::sort::sort_by_key(touches, |t| t.at);
        }
        let first_change = self.changes.len();
        self.changes.extend(lead.history().iter().map(|c| {
            let mark = Mark::new(cal, c.at);
            Change {
                at: c.at,
                position: mark.raw_position(),
                stage: table.index_of(&c.to).and_then(|i| u16::try_from(i).ok()),
            }
        }));
        let created = Mark::new(cal, lead.created_at());
        let in_stage = self.changes[first_change..]
            .last()
            .map_or(created, Change::mark);
        let entered = match lead.entered_at() {
            at if at == lead.created_at() => created,
            at => Mark::new(cal, at),
        };
        LeadDigest {
            created,
            entered,
            in_stage,
            assigned: lead.assigned_at().map(|at| Mark::new(cal, at)),
            stage: table
                .index_of(lead.stage())
                .and_then(|i| u16::try_from(i).ok()),
            source: self.sources.id(lead.source()),
            owner: owner.map(|o| self.owners.id(o.as_str())),
            closure: lead.closure().map(|c| (c.kind, self.reasons.id(&c.reason))),
            csat: lead.csat(),
            touches: position(first)..position(self.touches.len()),
            changes: position(first_change)..position(self.changes.len()),
        }
    }

    /// How many leads.
    pub fn len(&self) -> usize {
        self.leads.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty()
    }

    /// The lead at `i`, with its changes and touches.
    pub fn get(&self, i: usize) -> Option<Subject<'_>> {
        self.leads.get(i).map(|lead| self.subject(lead))
    }

    /// Every lead, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Subject<'_>> {
        self.leads.iter().map(|lead| self.subject(lead))
    }

    fn subject<'a>(&'a self, lead: &'a LeadDigest) -> Subject<'a> {
        let range = |r: &Range<u32>| r.start as usize..r.end as usize;
        Subject {
            lead,
            changes: self.changes.get(range(&lead.changes)).unwrap_or(&[]),
            touches: self.touches.get(range(&lead.touches)).unwrap_or(&[]),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
