//! What the reports need to know about each lead, learnt once per lead in the
//! pass that evaluates its clocks ([`super::workspace::Prepared`]), so the
//! funnel and the scorecards read a compact array instead of walking every
//! lead's history and activities again.
//!
//! Facts never depend on `now`: they are the lead's stage, how far its history
//! got, whether it reached the qualified gate, was won, closed as lost or junk,
//! its first conversation, and the business time it spent in each funnel step
//! it left. Their rules are the funnel's and the scorecard's (see those
//! modules); [`LeadFacts::learn`] is the only place that derives them.

use super::calendar::{BusinessTime, Mark};
use super::digest::{Digest, Subject, Touch, position};
use super::lead::{Csat, LossKind};
use super::pipeline::{Pipeline, StageId, StageKind};
use chrono::{DateTime, TimeDelta, Utc};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// The pipeline as positions: each stage's kind, whether it pauses the SLA,
/// its funnel step, and the gate.
#[derive(Clone, Debug)]
pub struct StageTable {
    ids: Vec<StageId>,
    kinds: Vec<StageKind>,
    pausing: Vec<bool>,
    /// The funnel step of each stage (`None` for Lost stages and any Won
    /// stage after the first).
    step_of: Vec<Option<u16>>,
    /// Pipeline position of each funnel step: the Open stages in order, then
    /// the first Won stage.
    steps: Vec<usize>,
    gate: usize,
}

impl StageTable {
    /// The table of `pipeline`.
    pub fn new(pipeline: &Pipeline) -> StageTable {
        let stages = pipeline.stages();
        let mut steps: Vec<usize> = (0..stages.len())
            .filter(|i| stages[*i].kind == StageKind::Open)
            .collect();
        steps.extend(stages.iter().position(|s| s.kind == StageKind::Won));
        let mut step_of = vec![None; stages.len()];
        for (n, i) in steps.iter().enumerate() {
            step_of[*i] = u16::try_from(n).ok();
        }
        StageTable {
            ids: stages.iter().map(|s| s.id.clone()).collect(),
            kinds: stages.iter().map(|s| s.kind).collect(),
            pausing: stages.iter().map(|s| s.pauses_sla).collect(),
            step_of,
            steps,
            gate: pipeline.index_of(&pipeline.gate().id).unwrap_or(0),
        }
    }

    /// The position of a stage.
    pub fn index_of(&self, id: &StageId) -> Option<usize> {
        let id = id.as_str();
        self.ids.iter().position(|s| s.as_str() == id)
    }

    /// The id of the stage at `i`.
    pub fn id(&self, i: usize) -> Option<&StageId> {
        self.ids.get(i)
    }

    /// The funnel step of the stage at `i` (`None` for Lost stages, any Won
    /// stage after the first, and positions past the end).
    pub fn step_of(&self, i: usize) -> Option<u16> {
        self.step_of.get(i).copied().flatten()
    }

    /// Pipeline positions of the funnel steps, in order.
    pub fn steps(&self) -> &[usize] {
        &self.steps
    }

    /// The kind of the stage at `i`.
    pub fn kind(&self, i: usize) -> Option<StageKind> {
        self.kinds.get(i).copied()
    }

    /// Whether the stage at `i` pauses the SLA clocks.
    pub fn pauses(&self, i: usize) -> bool {
        self.pausing.get(i).copied().unwrap_or(false)
    }

    /// Whether any stage pauses the SLA clocks.
    pub fn any_pauses(&self) -> bool {
        self.pausing.contains(&true)
    }
}

/// Business time a lead spent in one funnel step before its next stage change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stay {
    /// The funnel step.
    pub step: u16,
    /// How long.
    pub time: TimeDelta,
}

/// One lead, as the reports see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadFacts {
    /// Creation.
    pub created: DateTime<Utc>,
    /// Its source, as an index into [`Facts::sources`].
    pub source: u32,
    /// Its owner, as an index into [`Facts::owners`].
    pub owner: Option<u32>,
    /// Position of the current stage (`None` when the pipeline lacks it).
    pub stage: Option<u16>,
    /// The furthest funnel step its history shows.
    pub furthest_step: Option<u16>,
    /// Its history shows the gate or a later stage that is not Lost.
    pub qualified: bool,
    /// Its current stage is a Won stage.
    pub won: bool,
    /// Its current stage is Won or Lost.
    pub closed: bool,
    /// How it was closed without a sale, if it was, and why (an index into
    /// [`Facts::reasons`]).
    pub closure: Option<(LossKind, u32)>,
    /// Customer satisfaction.
    pub csat: Option<Csat>,
    /// Whether its first conversation (a connected call or meeting) resolved
    /// its question; `None` when it had none.
    pub first_contact_resolved: Option<bool>,
    /// Its entries in the stays list.
    pub stays: Range<u32>,
}

impl LeadFacts {
    /// Learns the facts of one digested lead, appending the business time of
    /// each step it left to `stays`.
    fn learn(
        d: Subject<'_>,
        table: &StageTable,
        calendar: &dyn BusinessTime,
        stays: &mut Vec<Stay>,
    ) -> LeadFacts {
        let first = stays.len();
        let (mut furthest, mut qualified) = (None, false);
        let mut previous: Option<(Option<u16>, Mark)> = None;
        for change in d.changes {
            let at = change.stage.map(usize::from);
            let step = at.and_then(|i| table.step_of[i]);
            if let Some(i) = at {
                furthest = furthest.max(step);
                qualified |= i >= table.gate && table.kinds[i] != StageKind::Lost;
            }
            let mark = change.mark();
            if let Some((Some(step), since)) = previous {
                stays.push(Stay {
                    step,
                    time: since.until(calendar, mark),
                });
            }
            previous = Some((step, mark));
        }
        let lead = d.lead;
        let kind = lead.stage.and_then(|i| table.kind(usize::from(i)));
        LeadFacts {
            created: lead.created.at(),
            source: lead.source,
            owner: lead.owner,
            stage: lead.stage,
            furthest_step: furthest,
            qualified,
            won: kind == Some(StageKind::Won),
            closed: kind.is_some_and(|k| k != StageKind::Open),
            closure: lead.closure,
            csat: lead.csat,
            first_contact_resolved: d
                .touches
                .iter()
                .find(|t| t.is(Touch::CONVERSATION))
                .map(|t| t.is(Touch::RESOLVED)),
            stays: position(first)..position(stays.len()),
        }
    }

    /// A junk lead.
    pub fn is_junk(&self) -> bool {
        self.closure.is_some_and(|(kind, _)| kind == LossKind::Junk)
    }
}

/// Distinct names (sources, owners, reasons) numbered in order of first appearance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    list: Vec<String>,
    ids: FxHashMap<String, u32>,
}

impl Names {
    pub(crate) fn id(&mut self, name: &str) -> u32 {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        let id = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        self.list.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }

    /// Every name, by number.
    pub fn all(&self) -> &[String] {
        &self.list
    }

    /// The number of a name.
    pub fn find(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }
}

/// The facts of many leads, by position, with their stays and the names of
/// their sources and owners.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// One per lead.
    pub leads: Vec<LeadFacts>,
    stays: Vec<Stay>,
    /// Lead sources, exactly as written.
    pub sources: Names,
    /// Lead owners (rep ids).
    pub owners: Names,
    /// Why leads were closed without a sale.
    pub reasons: Names,
    /// Some lead was created before the one pushed ahead of it.
    out_of_order: bool,
    /// Stays no lead uses any more (leads learnt again or removed).
    garbage: usize,
}

impl Facts {
    /// Room for `n` leads.
    pub fn with_capacity(n: usize) -> Facts {
        Facts {
            leads: Vec::with_capacity(n),
            stays: Vec::with_capacity(n * 2),
            ..Facts::default()
        }
    }

    /// The facts of every lead of `digest`.
    pub fn of_digest(digest: &Digest, table: &StageTable, calendar: &dyn BusinessTime) -> Facts {
        let mut facts = Facts::with_capacity(digest.len());
        for d in digest.iter() {
            facts.push(d, table, calendar);
        }
        facts.name(digest);
        facts
    }

    /// Takes the names the leads' numbers refer to from their digest.
    pub fn name(&mut self, digest: &Digest) {
        self.sources = digest.sources.clone();
        self.owners = digest.owners.clone();
        self.reasons = digest.reasons.clone();
    }

    /// Learns one more digested lead (then [`Facts::name`] names its numbers).
    pub fn push(
        &mut self,
        d: Subject<'_>,
        table: &StageTable,
        calendar: &dyn BusinessTime,
    ) -> &LeadFacts {
        let f = LeadFacts::learn(d, table, calendar, &mut self.stays);
        self.out_of_order |= self.leads.last().is_some_and(|l| l.created > f.created);
        self.leads.push(f);
        self.leads.last().expect("just pushed")
    }

    /// Learns the lead at `i` again (it changed); its old stays become
    /// garbage, dropped once they outweigh what is in use. The names are
    /// taken again with [`Facts::name`].
    pub fn replace(
        &mut self,
        i: usize,
        d: Subject<'_>,
        table: &StageTable,
        calendar: &dyn BusinessTime,
    ) {
        if i >= self.leads.len() {
            return;
        }
        let f = LeadFacts::learn(d, table, calendar, &mut self.stays);
        self.garbage += self.leads[i].stays.len();
        self.leads[i] = f;
        self.out_of_order = !self.leads.is_sorted_by_key(|l| l.created);
        self.compact_if_wasteful();
    }

    /// Keeps the leads whose `keep` is true, in order.
    pub fn retain(&mut self, keep: &[bool]) {
        let mut k = keep.iter();
        let mut garbage = 0;
        self.leads.retain(|f| {
            let kept = k.next().copied().unwrap_or(true);
            if !kept {
                garbage += f.stays.len();
            }
            kept
        });
        self.garbage += garbage;
        self.out_of_order = !self.leads.is_sorted_by_key(|l| l.created);
        self.compact_if_wasteful();
    }

    fn compact_if_wasteful(&mut self) {
        if self.garbage < 4096 || self.garbage < self.stays.len() / 2 {
            return;
        }
        let mut stays = Vec::with_capacity(self.stays.len() - self.garbage.min(self.stays.len()));
        for f in &mut self.leads {
            let first = position(stays.len());
            stays.extend_from_slice(&self.stays[f.stays.start as usize..f.stays.end as usize]);
            f.stays = first..position(stays.len());
        }
        self.stays = stays;
        self.garbage = 0;
    }

    /// True when the leads were pushed oldest first (creation times never
    /// go down), so a creation range can be found by binary search.
    pub fn oldest_first(&self) -> bool {
        !self.out_of_order
    }

    /// The stays of one lead.
    pub fn stays(&self, f: &LeadFacts) -> &[Stay] {
        let r = f.stays.start as usize..f.stays.end as usize;
        self.stays.get(r).unwrap_or(&[])
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::domain::funnel::{FunnelFilter, funnel, funnel_of};
    use crate::domain::sample::generate;
    use crate::domain::test_support::vn;
    use crate::domain::workspace::{Prepared, Workspace};
    use chrono::TimeDelta;
    use std::collections::BTreeSet;

    /// The prepared reports read facts; they must say what the leads say.
    fn check(ws: &Workspace) {
        let now = vn("2026-06-01 10:00");
        let p = Prepared::new(ws, now).unwrap();
        let first = ws.leads.iter().map(|l| l.created_at()).min().unwrap();
        let owner = ws.leads.iter().find_map(|l| l.owner().cloned());
        let filters = [
            FunnelFilter::default(),
            FunnelFilter {
                from: Some(first + TimeDelta::days(20)),
                to: Some(first + TimeDelta::days(50)),
                ..FunnelFilter::default()
            },
            FunnelFilter {
                source: Some("FACEBOOK".into()),
                ..FunnelFilter::default()
            },
            FunnelFilter {
                from: Some(first + TimeDelta::days(10)),
                owner,
                ..FunnelFilter::default()
            },
        ];
        for filter in &filters {
            let from_leads = funnel(&ws.leads, &ws.pipeline, &p.calendar, filter);
            assert!(from_leads.total > 0, "{filter:?} counts someone");
            assert_eq!(funnel_of(&p, filter), from_leads, "{filter:?}");
        }
        let mut loads = std::collections::BTreeMap::new();
        for lead in ws.leads.iter().filter(|l| !l.is_closed(&ws.pipeline)) {
            if let Some(owner) = lead.owner() {
                *loads.entry(owner.clone()).or_insert(0) += 1;
            }
        }
        assert_eq!(*p.open_loads(), loads);
        let sources: BTreeSet<&str> = ws.leads.iter().map(|l| l.source()).collect();
        assert_eq!(p.sources(), sources.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn funnel_loads_and_sources_from_facts_match_the_leads() {
        let mut ws = generate(7, 400, 5, vn("2026-06-01 10:00"));
        check(&ws);
        // Leads in any order (a binary search needs them oldest first).
        ws.leads.reverse();
        check(&ws);
    }
}
