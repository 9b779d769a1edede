//! The stage funnel: how far leads got, where they dropped, and whose step it was.
//!
//! Rules:
//! - Steps are the pipeline's Open stages in order, then its first Won stage.
//! - A lead *reached* a step when its history shows it in that step or any
//!   later one (a lead moved straight from New to Qualified passed Interested).
//!   History is used, not only the current stage.
//! - A step no counted lead ever entered (a stage added after the leads
//!   moved past it, or one they all skipped) was reached by none: it shows
//!   0 and no conversion, never "100 %" of leads that were not there.
//! - Conversion of a step = reached(next) / reached(this), the next step
//!   being the next one not skipped that way; none when no lead reached this
//!   one, and none for the last step.
//! - A lost or junk lead *left from* the furthest step it reached before closing;
//!   its recorded reason is counted there. Drop-off of a step = the leads
//!   that left from it / reached(this): a lead still open there has not
//!   dropped (it is counted as *still open here*), so for every step but the
//!   last, reached = reached(next) + lost here + junk here + still open here.
//! - Time in stage: business time between entering a step and the next stage
//!   change, over leads that left it; the median is reported.
//! - The team of a step is its pipeline team (Marketing before the qualified gate).
//! - Filters: leads created in `[from, to)` and matching source, campaign, owner.

use super::calendar::BusinessTime;
use super::digest::Digest;
use super::facts::{Facts, LeadFacts, Names, StageTable, Stay};
use super::lead::{Lead, LossKind};
use super::pipeline::{Pipeline, StageId, Team};
use super::rep::RepId;
use super::workspace::Prepared;
use chrono::{DateTime, TimeDelta, Utc};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Which leads the funnel counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FunnelFilter {
    /// Created at or after.
    pub from: Option<DateTime<Utc>>,
    /// Created before.
    pub to: Option<DateTime<Utc>>,
    /// Only this source (case-insensitive).
    pub source: Option<String>,
    /// Only this campaign (case-insensitive).
    pub campaign: Option<String>,
    /// Only this owner.
    pub owner: Option<RepId>,
}

impl FunnelFilter {
    /// True when the lead is counted.
    pub fn accepts(&self, lead: &Lead) -> bool {
        let text = |want: &Option<String>, have: &str| {
            want.as_ref().is_none_or(|w| w.eq_ignore_ascii_case(have))
        };
        self.from.is_none_or(|f| lead.created_at() >= f)
            && self.to.is_none_or(|t| lead.created_at() < t)
            && text(&self.source, lead.source())
            && text(&self.campaign, lead.campaign())
            && self.owner.as_ref().is_none_or(|o| lead.owner() == Some(o))
    }
}

/// One step of the funnel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FunnelStep {
    /// The stage.
    pub stage: StageId,
    /// Its name.
    pub name: String,
    /// Who owns this step.
    pub team: Team,
    /// Leads that reached it (0 when no counted lead ever entered it).
    pub reached: u32,
    /// Share of them that reached the next step (`None` for the last step or
    /// when none reached this one).
    pub conversion: Option<f64>,
    /// Share of them that left the funnel here (lost or junk); `None` when
    /// none reached it, and for the last step.
    pub drop_off: Option<f64>,
    /// Open leads that got this far and no further (not yet converted, not
    /// dropped); 0 for the last step.
    pub open_here: u32,
    /// Lost (not junk) leads that left from here.
    pub lost_here: u32,
    /// Junk leads that left from here.
    pub junk_here: u32,
    /// Reasons of those lost and junk leads, most frequent first.
    pub reasons: Vec<(String, u32)>,
    /// Median business time spent in this step by leads that left it.
    pub median_time: Option<TimeDelta>,
}

/// The whole funnel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Funnel {
    /// Leads counted.
    pub total: u32,
    /// Steps in order.
    pub steps: Vec<FunnelStep>,
}

/// Computes the funnel over `leads`.
pub fn funnel<'a>(
    leads: impl IntoIterator<Item = &'a Lead>,
    pipeline: &Pipeline,
    calendar: &dyn BusinessTime,
    filter: &FunnelFilter,
) -> Funnel {
    let table = StageTable::new(pipeline);
    let mut counts = Counts::new(&table);
    let mut digest = Digest::default();
    for lead in leads.into_iter().filter(|l| filter.accepts(l)) {
        digest.push(lead, &[], &table, calendar);
    }
    let facts = Facts::of_digest(&digest, &table, calendar);
    for f in &facts.leads {
        counts.add(f, facts.stays(f), &table);
    }
    counts.finish(&table, pipeline, &facts.reasons)
}

/// The funnel of a prepared workspace, read from its facts ([`Prepared::facts`]):
/// the same answer as [`funnel`] over its leads, without walking their histories.
pub fn funnel_of(p: &Prepared<'_>, filter: &FunnelFilter) -> Funnel {
    let facts = p.facts();
    let mut counts = Counts::new(&p.stages);
    let by_details = filter.source.is_some() || filter.campaign.is_some() || filter.owner.is_some();
    let created = p.created_between(
        filter.from.unwrap_or(DateTime::<Utc>::MIN_UTC),
        filter.to.unwrap_or(DateTime::<Utc>::MAX_UTC),
    );
    for i in created {
        let lead = &p.ws.leads[i];
        if by_details && !filter.accepts(lead) {
            continue;
        }
        let f = &facts.leads[i];
        counts.add(f, facts.stays(f), &p.stages);
    }
    counts.finish(&p.stages, &p.ws.pipeline, &facts.reasons)
}

/// Per-step counts while leads are added.
struct Counts {
    total: u32,
    /// Per step: leads whose history shows it or a later step.
    reached: Vec<u32>,
    /// Per step: some lead was in it (left it, or is in it now).
    entered: Vec<bool>,
    lost: Vec<u32>,
    junk: Vec<u32>,
    /// Per step: open leads whose furthest step it is.
    open: Vec<u32>,
    /// Per step: reason (numbered in the facts) → leads.
    reasons: Vec<FxHashMap<u32, u32>>,
    times: Vec<Vec<TimeDelta>>,
}

impl Counts {
    fn new(table: &StageTable) -> Counts {
        let n = table.steps().len();
        Counts {
            total: 0,
            reached: vec![0; n],
            entered: vec![false; n],
            lost: vec![0; n],
            junk: vec![0; n],
            open: vec![0; n],
            reasons: vec![FxHashMap::default(); n],
            times: vec![Vec::new(); n],
        }
    }

    /// Counts one accepted lead.
    fn add(&mut self, facts: &LeadFacts, stays: &[Stay], table: &StageTable) {
        self.total += 1;
        // The steps it was in: those it left, and the one it is in.
        let now_in = facts.stage.and_then(|i| table.step_of(usize::from(i)));
        for step in stays.iter().map(|s| s.step).chain(now_in) {
            if let Some(e) = self.entered.get_mut(usize::from(step)) {
                *e = true;
            }
        }
        if let Some(f) = facts.furthest_step.map(usize::from) {
            for r in &mut self.reached[..=f] {
                *r += 1;
            }
            let last = self.reached.len() - 1;
            if facts.closure.is_none() && f < last {
                self.open[f] += 1;
            }
            if let Some((kind, reason)) = facts.closure {
                match kind {
                    LossKind::Junk => self.junk[f] += 1,
                    LossKind::Lost => self.lost[f] += 1,
                }
                *self.reasons[f].entry(reason).or_insert(0) += 1;
            }
        }
        for stay in stays {
            self.times[usize::from(stay.step)].push(stay.time);
        }
    }

    /// The funnel; `reasons` names the reasons counted.
    fn finish(mut self, table: &StageTable, pipeline: &Pipeline, reasons: &Names) -> Funnel {
        // A step no lead entered though leads went past it was skipped: it
        // was reached by none, and conversion goes on to the next step.
        let skipped: Vec<bool> = (0..self.reached.len())
            .map(|i| !self.entered[i] && self.reached[i] > 0)
            .collect();
        for (r, skip) in self.reached.iter_mut().zip(&skipped) {
            if *skip {
                *r = 0;
            }
        }
        let steps = table
            .steps()
            .iter()
            .enumerate()
            .map(|(i, at)| {
                let stage = &pipeline.stages()[*at];
                let reached = self.reached[i];
                let next = (i + 1..self.reached.len()).find(|j| !skipped[*j]);
                let conversion = next
                    .filter(|_| reached > 0)
                    .map(|j| f64::from(self.reached[j]) / f64::from(reached));
                let mut why: Vec<(String, u32)> = std::mem::take(&mut self.reasons[i])
                    .into_iter()
                    .map(|(r, n)| (reasons.all()[r as usize].clone(), n))
                    .collect();
                crate::sort::sort_by(&mut why, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                FunnelStep {
                    stage: stage.id.clone(),
                    name: stage.name.clone(),
                    team: pipeline.team_of(&stage.id).unwrap_or(Team::Sales),
                    reached,
                    conversion,
                    drop_off: next
                        .filter(|_| reached > 0)
                        .map(|_| f64::from(self.lost[i] + self.junk[i]) / f64::from(reached)),
                    open_here: self.open[i],
                    lost_here: self.lost[i],
                    junk_here: self.junk[i],
                    reasons: why,
                    median_time: median(&mut self.times[i]),
                }
            })
            .collect();
        Funnel {
            total: self.total,
            steps,
        }
    }
}

/// The median (lower middle for even counts); `None` when empty.
pub fn median(values: &mut [TimeDelta]) -> Option<TimeDelta> {
    if values.is_empty() {
        return None;
    }
    let mid = (values.len() - 1) / 2;
    Some(*values.select_nth_unstable(mid).1)
}

#[cfg(test)]
mod tests;
