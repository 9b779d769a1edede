//! Leads given past a rep's cap (issue 29): two devices that each gave a
//! lead while apart counted without each other's, so once they meet a rep
//! can carry more open leads than their capacity. Nothing is taken back by
//! itself (a rep may already be calling the lead); the leads over the cap
//! are shown for a person to give to someone else — the ones distribution
//! gave last, so every device names the same leads.

use super::{KEY, Why};
use crate::domain::lead::{Lead, LeadId};
use crate::domain::rep::{Rep, RepId};

/// A lead over its owner's cap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverCap {
    /// The lead.
    pub lead: LeadId,
    /// Its owner.
    pub rep: RepId,
    /// The owner's open leads.
    pub open: u32,
    /// The owner's capacity.
    pub cap: u32,
}

/// For every rep with more open leads than their capacity, the leads
/// distribution gave them last — as many as they are over (at most those
/// it gave them), the latest first (ties by id). Leads a person assigned
/// are never named, and a rep whose latest lead a person gave is left
/// out: a person chose to go past the cap.
pub fn over_cap(reps: &[Rep], leads: &[Lead], is_open: impl Fn(&Lead) -> bool) -> Vec<OverCap> {
    let mut out = Vec::new();
    for rep in reps.iter().filter(|r| r.active && r.capacity > 0) {
        let mine: Vec<&Lead> = leads
            .iter()
            .filter(|l| l.owner() == Some(&rep.id) && is_open(l))
            .collect();
        let open = u32::try_from(mine.len()).unwrap_or(u32::MAX);
        if open <= rep.capacity {
            continue;
        }
        let latest = mine.iter().max_by(|a, b| {
            a.assigned_at()
                .cmp(&b.assigned_at())
                .then(a.id().cmp(&b.id()))
        });
        if latest.is_some_and(|l| Why::of(l).is_none()) {
            continue;
        }
        let mut given: Vec<&Lead> = mine
            .into_iter()
            .filter(|l| l.extra_field(KEY).is_some() && Why::of(l).is_some())
            .collect();
        given.sort_by(|a, b| {
            b.assigned_at()
                .cmp(&a.assigned_at())
                .then(b.id().cmp(&a.id()))
        });
        out.extend(
            given
                .into_iter()
                .take((open - rep.capacity) as usize)
                .map(|l| OverCap {
                    lead: l.id(),
                    rep: rep.id.clone(),
                    open,
                    cap: rep.capacity,
                }),
        );
    }
    out
}
