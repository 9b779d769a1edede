//! A workspace kept ready for every screen while it changes, lead by lead.
//!
//! [`Prepared::new`] digests and evaluates every lead: right for a load, too
//! slow for each edit of a big workspace (≈ 120 ms natively at 100 000
//! leads). A [`Live`] workspace owns its data and what was worked out from
//! it — the timeline, the stage table, the digest, every lead's clocks and
//! facts, the search index — and a change of some leads ([`Live::apply`]:
//! one path for edits, imports and pulled documents) redoes only their
//! part. A clock tick ([`Live::at`]) evaluates every lead again from the
//! kept digest. Settings that change the calendar or the pipeline rebuild
//! everything, like a load; new policies evaluate every lead again.
//!
//! Invariants:
//! - every lead is evaluated at the same instant, [`Live::now`]; a change
//!   evaluates its leads at that instant, and only a tick moves it (so the
//!   clocks of a lead changed a few seconds after the last tick count its
//!   new activity as done, like a fresh evaluation at that tick would);
//! - after any sequence of changes, every lead's clocks and facts, the
//!   sources, the open loads and the search index are those of a fresh
//!   [`Prepared`] of the same workspace at the same instant (property
//!   tested in `live/tests.rs`); numbers given to names may differ (a name
//!   no lead uses any more keeps its number), the names they stand for do
//!   not;
//! - each lead's activities are held with it, oldest first (equal instants
//!   keep their order); activities of no known lead are kept aside, never
//!   dropped, and written back by [`Live::workspace`].

use super::activity::Activity;
use super::calendar::{BusinessCalendar, Mark, Timeline};
use super::digest::Digest;
use super::facts::{Facts, StageTable};
use super::lead::{Lead, LeadId};
use super::pipeline::Pipeline;
use super::queue::{HORIZON, Placement, placement};
use super::rep::{Rep, RepId};
use super::search::SearchIndex;
use super::sla::{LeadClocks, Status, evaluate_digest};
use super::workspace::{Evaluation, Prepared, Settings, Workspace, timeline_around};
use chrono::{DateTime, TimeDelta, Utc};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// Where a lead's call attempts stand ([`Live::attempts_now`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttemptsNow {
    /// Outbound attempts made.
    pub made: u32,
    /// Attempts its policy requires.
    pub required: u32,
    /// Attempts its policy allows at most.
    pub max: u32,
    /// Met, missed or not applicable: no more tries are due.
    pub settled: bool,
    /// The earliest next try, while the requirement is open.
    pub next_after: Option<DateTime<Utc>>,
}

/// What changed in some leads (the parts of a stored change the screens read).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changed {
    /// Leads added or changed, whole; new leads go after the others.
    pub leads: Vec<Lead>,
    /// Leads whose activities are now exactly these (any order).
    pub activities: Vec<(LeadId, Vec<Activity>)>,
    /// Leads removed, with their activities.
    pub deleted: Vec<LeadId>,
}

mod read;
mod values;

pub use values::Field;
use values::Values;

/// The calendar and pipeline worked out, and every lead digested (absent
/// while the calendar is invalid).
#[derive(Clone, Debug)]
struct Engine {
    timeline: Timeline,
    /// The timeline answers from its table up to here (then from the calendar).
    until: DateTime<Utc>,
    stages: StageTable,
    digest: Arc<Digest>,
}

/// A workspace with every lead evaluated, kept up to date change by change.
#[derive(Clone, Debug)]
pub struct Live {
    /// Settings and leads; `ws.activities` is empty (they are in `acts`).
    ws: Workspace,
    /// The activities of `ws.leads[i]`, oldest first.
    acts: Vec<Vec<Activity>>,
    /// Activities of no lead here, kept as they came.
    orphans: Vec<Activity>,
    /// Position of each lead in `ws.leads`.
    positions: FxHashMap<LeadId, usize>,
    engine: Option<Engine>,
    eval: Evaluation,
    /// Where each lead's clocks put it in the Today queue (at [`HORIZON`]).
    placements: Vec<Option<Placement>>,
    search: OnceLock<SearchIndex>,
    values: Values,
}

impl Default for Live {
    fn default() -> Self {
        Live::new(Workspace::default(), DateTime::<Utc>::UNIX_EPOCH)
    }
}

/// A lead's activities oldest first; equal instants keep their order.
fn oldest_first(acts: &mut [Activity]) {
    if !acts.is_sorted_by_key(|a| a.at) {
        crate::sort::sort_by_key(acts, |a| a.at);
    }
}

impl Live {
    /// Takes `ws` and evaluates every lead at `now`.
    pub fn new(mut ws: Workspace, now: DateTime<Utc>) -> Live {
        let activities = std::mem::take(&mut ws.activities);
        let positions: FxHashMap<LeadId, usize> = ws
            .leads
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id(), i))
            .collect();
        // Each lead's list at its exact size (growing them one by one
        // would leave a third of a million activities' room unused).
        let mut counts = vec![0usize; ws.leads.len()];
        for a in &activities {
            if let Some(i) = positions.get(&a.lead) {
                counts[*i] += 1;
            }
        }
        let mut acts: Vec<Vec<Activity>> = counts.into_iter().map(Vec::with_capacity).collect();
        let mut orphans = Vec::new();
        for a in activities {
            match positions.get(&a.lead) {
                Some(i) => acts[*i].push(a),
                None => orphans.push(a),
            }
        }
        acts.iter_mut().for_each(|a| oldest_first(a));
        let mut values = Values::default();
        ws.leads.iter().for_each(|l| values.add(l));
        let mut live = Live {
            ws,
            acts,
            orphans,
            positions,
            engine: None,
            eval: Evaluation::default(),
            placements: Vec::new(),
            search: OnceLock::new(),
            values,
        };
        live.rebuild(now);
        live
    }

    /// Works out the calendar and the pipeline, digests and evaluates every lead.
    fn rebuild(&mut self, now: DateTime<Utc>) {
        self.engine = BusinessCalendar::new(self.ws.calendar.clone())
            .ok()
            .map(|calendar| {
                let (timeline, until) = timeline_around(calendar, &self.ws.leads, now);
                let stages = StageTable::new(&self.ws.pipeline);
                let n = self.acts.iter().map(Vec::len).sum();
                let mut digest = Digest::with_capacity(self.ws.leads.len(), n);
                for (lead, acts) in self.ws.leads.iter().zip(&self.acts) {
                    digest.push(lead, acts, &stages, &timeline);
                }
                Engine {
                    timeline,
                    until,
                    stages,
                    digest: Arc::new(digest),
                }
            });
        self.evaluate_all(now);
    }

    /// Evaluates every lead at `now` from the digest.
    fn evaluate_all(&mut self, now: DateTime<Utc>) {
        let Some(e) = &self.engine else {
            self.eval = Evaluation {
                now,
                ..Evaluation::default()
            };
            self.placements = Vec::new();
            return;
        };
        let n = self.ws.leads.len();
        let at = Mark::new(&e.timeline, now);
        let from = self.ws.policies.from_mark(&e.timeline);
        let (mut clocks, mut facts) = (Vec::with_capacity(n), Facts::with_capacity(n));
        let mut placements = Vec::with_capacity(n);
        let long = self.ws.policies.long_overdue();
        for (lead, d) in self.ws.leads.iter().zip(e.digest.iter()) {
            let closed = facts.push(d, &e.stages, &e.timeline).closed;
            let policy = self.ws.policies.policy_for(lead);
            let c = evaluate_digest(&e.timeline, &e.stages, (policy, from), d, at);
            placements.push(placement(closed, &c, HORIZON, long));
            clocks.push(c);
        }
        facts.name(&e.digest);
        self.eval = Evaluation { now, clocks, facts };
        self.placements = placements;
    }

    /// A clock tick: every lead evaluated again at `now` (the digest is kept).
    pub fn at(&mut self, now: DateTime<Utc>) {
        if self
            .engine
            .as_ref()
            .is_some_and(|e| now + TimeDelta::days(30) > e.until)
        {
            // The timeline's table runs out soon: a new one (the digest's
            // business positions do not depend on it, but cheap answers do).
            return self.rebuild(now);
        }
        self.evaluate_all(now);
    }

    /// New settings: the calendar or the pipeline changed → everything is
    /// worked out again; the policies changed → every lead is evaluated again.
    pub fn set_settings(&mut self, settings: Settings) {
        let rebuild =
            settings.calendar != self.ws.calendar || settings.pipeline != self.ws.pipeline;
        let reclock = settings.policies != self.ws.policies;
        let now = self.eval.now;
        let leads = std::mem::take(&mut self.ws.leads);
        self.ws = Workspace::from_parts(settings, leads, Vec::new());
        if rebuild {
            self.rebuild(now);
        } else if reclock {
            self.evaluate_all(now);
        }
    }

    /// True when `settings` are the ones this workspace has.
    pub fn has_settings(&self, settings: &Settings) -> bool {
        let ws = &self.ws;
        settings.pipeline == ws.pipeline
            && settings.calendar == ws.calendar
            && settings.policies == ws.policies
            && settings.reps == ws.reps
            && settings.targets == ws.targets
            && settings.country == ws.country
            && settings.extra == ws.extra
    }

    /// Takes in a change of some leads and works out again only what it touches.
    pub fn apply(&mut self, change: Changed) {
        if !change.deleted.is_empty() {
            self.remove(&change.deleted);
        }
        let old_len = self.ws.leads.len();
        let mut touched = Vec::with_capacity(change.leads.len() + change.activities.len());
        for lead in change.leads {
            self.values.add(&lead);
            match self.positions.get(&lead.id()) {
                Some(i) => {
                    self.values.remove(&self.ws.leads[*i]);
                    self.ws.leads[*i] = lead;
                    touched.push(*i);
                }
                None => {
                    let i = self.ws.leads.len();
                    self.positions.insert(lead.id(), i);
                    self.ws.leads.push(lead);
                    let id = self.ws.leads[i].id();
                    // Activities that came before their lead join it.
                    let (mine, rest) = std::mem::take(&mut self.orphans)
                        .into_iter()
                        .partition(|a| a.lead == id);
                    self.orphans = rest;
                    let mut mine: Vec<Activity> = mine;
                    oldest_first(&mut mine);
                    self.acts.push(mine);
                    touched.push(i);
                }
            }
        }
        for (id, mut list) in change.activities {
            match self.positions.get(&id) {
                Some(i) => {
                    oldest_first(&mut list);
                    self.acts[*i] = list;
                    touched.push(*i);
                }
                None => {
                    self.orphans.retain(|a| a.lead != id);
                    self.orphans.extend(list);
                }
            }
        }
        touched.sort_unstable();
        touched.dedup();
        if let Some(search) = self.search.get_mut() {
            for i in &touched {
                search.set(*i, &self.ws.leads[*i]);
            }
        }
        let Some(e) = &mut self.engine else {
            return;
        };
        let digest = Arc::make_mut(&mut e.digest);
        for i in &touched {
            let (lead, acts) = (&self.ws.leads[*i], &self.acts[*i]);
            if *i < old_len {
                digest.replace(*i, lead, acts, &e.stages, &e.timeline);
            } else {
                digest.push(lead, acts, &e.stages, &e.timeline);
            }
        }
        let at = Mark::new(&e.timeline, self.eval.now);
        let from = self.ws.policies.from_mark(&e.timeline);
        let long = self.ws.policies.long_overdue();
        for i in touched {
            let d = e.digest.get(i).expect("digested above");
            let lead = &self.ws.leads[i];
            let policy = self.ws.policies.policy_for(lead);
            let clocks = evaluate_digest(&e.timeline, &e.stages, (policy, from), d, at);
            if i < old_len {
                self.eval.facts.replace(i, d, &e.stages, &e.timeline);
            } else {
                self.eval.facts.push(d, &e.stages, &e.timeline);
            }
            let closed = self.eval.facts.leads[i].closed;
            let placed = placement(closed, &clocks, HORIZON, long);
            if i < old_len {
                self.eval.clocks[i] = clocks;
                self.placements[i] = placed;
            } else {
                self.eval.clocks.push(clocks);
                self.placements.push(placed);
            }
        }
        self.eval.facts.name(&e.digest);
    }

    /// Removes leads and their activities.
    fn remove(&mut self, ids: &[LeadId]) {
        let gone: FxHashSet<LeadId> = ids.iter().copied().collect();
        self.orphans.retain(|a| !gone.contains(&a.lead));
        let keep: Vec<bool> = self
            .ws
            .leads
            .iter()
            .map(|l| !gone.contains(&l.id()))
            .collect();
        if !keep.contains(&false) {
            return;
        }
        for (lead, _) in self.ws.leads.iter().zip(&keep).filter(|(_, k)| !**k) {
            self.values.remove(lead);
        }
        let retain = |k: &mut std::slice::Iter<'_, bool>| k.next().copied().unwrap_or(true);
        let mut k = keep.iter();
        self.ws.leads.retain(|_| retain(&mut k));
        let mut k = keep.iter();
        self.acts.retain(|_| retain(&mut k));
        if let Some(search) = self.search.get_mut() {
            search.retain(&keep);
        }
        if let Some(e) = &mut self.engine {
            Arc::make_mut(&mut e.digest).retain(&keep);
            let mut k = keep.iter();
            self.eval.clocks.retain(|_| retain(&mut k));
            let mut k = keep.iter();
            self.placements.retain(|_| retain(&mut k));
            self.eval.facts.retain(&keep);
        }
        self.positions = self
            .ws
            .leads
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id(), i))
            .collect();
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
