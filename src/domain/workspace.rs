//! Everything one team keeps: pipeline, calendar, SLA policies, reps, KPI
//! targets, leads and activities — and an index of activities per lead.

use super::activity::Activity;
use super::calendar::{BusinessCalendar, CalendarError, CalendarSpec, Mark, Timeline};
use super::contact::Country;
use super::digest::Digest;
use super::extra::Extra;
use super::facts::{Facts, StageTable};
use super::lead::Lead;
use super::pipeline::Pipeline;
use super::rep::{Rep, RepId};
use super::scorecard::Targets;
use super::sla::{LeadClocks, SlaContext, SlaPolicies, evaluate_digest};
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// A whole workspace, as stored and backed up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Stages.
    pub pipeline: Pipeline,
    /// Business hours.
    pub calendar: CalendarSpec,
    /// SLA targets.
    pub policies: SlaPolicies,
    /// People.
    pub reps: Vec<Rep>,
    /// KPI targets.
    #[serde(default)]
    pub targets: Targets,
    /// The country of phone numbers written without `+`.
    #[serde(default, skip_serializing_if = "is_vietnam")]
    pub country: Country,
    /// Leads, oldest first.
    #[serde(default)]
    pub leads: Vec<Lead>,
    /// Activities, any order.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Fields this version does not know, kept verbatim.
    #[serde(flatten, default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            pipeline: Pipeline::default(),
            calendar: CalendarSpec::vietnam(),
            policies: SlaPolicies::default(),
            reps: Vec::new(),
            targets: Targets::default(),
            country: Country::VIETNAM,
            leads: Vec::new(),
            activities: Vec::new(),
            extra: Extra::default(),
        }
    }
}

/// Everything in a workspace but its leads and activities: small, and
/// changed rarely (the settings screens).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Stages.
    pub pipeline: Pipeline,
    /// Business hours.
    pub calendar: CalendarSpec,
    /// SLA targets.
    pub policies: SlaPolicies,
    /// People.
    pub reps: Vec<Rep>,
    /// KPI targets.
    #[serde(default)]
    pub targets: Targets,
    /// The country of phone numbers written without `+`.
    #[serde(default, skip_serializing_if = "is_vietnam")]
    pub country: Country,
    /// Fields this version does not know, kept verbatim.
    #[serde(flatten, default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

mod index;

pub use index::{ActivityIndex, group_by_lead};

fn is_vietnam(c: &Country) -> bool {
    *c == Country::VIETNAM
}

impl Workspace {
    /// A copy of the settings part.
    pub fn settings(&self) -> Settings {
        Settings {
            pipeline: self.pipeline.clone(),
            calendar: self.calendar.clone(),
            policies: self.policies.clone(),
            reps: self.reps.clone(),
            targets: self.targets.clone(),
            country: self.country,
            extra: self.extra.clone(),
        }
    }

    /// A workspace from its parts.
    pub fn from_parts(
        settings: Settings,
        leads: Vec<Lead>,
        activities: Vec<Activity>,
    ) -> Workspace {
        Workspace {
            pipeline: settings.pipeline,
            calendar: settings.calendar,
            policies: settings.policies,
            reps: settings.reps,
            targets: settings.targets,
            country: settings.country,
            extra: settings.extra,
            leads,
            activities,
        }
    }
}

/// Every lead evaluated at one instant: its SLA clocks and the facts the
/// reports read ([`Facts`]), both by position in `ws.leads`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// When the clocks were evaluated.
    pub now: DateTime<Utc>,
    /// The clocks of `ws.leads[i]` at `now`.
    pub clocks: Vec<LeadClocks>,
    /// The facts of `ws.leads[i]` (they do not depend on `now`).
    pub facts: Facts,
}

/// A workspace ready for computation: the calendar validated and precomputed
/// as a [`Timeline`] (from the first lead to a year after `now`), activities
/// indexed, and every lead evaluated once at `now` ([`Evaluation`]) for all
/// the reports to share.
pub struct Prepared<'a> {
    /// The data. Read a lead's activities through [`Prepared::activities`],
    /// never `ws.activities`: a workspace kept by [`super::live::Live`]
    /// holds them per lead.
    pub ws: &'a Workspace,
    /// Business hours, precomputed.
    pub calendar: Timeline,
    /// Activities per lead.
    acts: Acts<'a>,
    /// The pipeline as positions.
    pub stages: StageTable,
    /// Every lead's clocks and facts, at `eval.now`.
    pub eval: Cow<'a, Evaluation>,
    /// The leads and activities as the engine reads them, digested on
    /// first use (a `Prepared` sharing an evaluation may never need it) or
    /// handed over from an earlier `Prepared` of the same data.
    digest: OnceLock<Arc<Digest>>,
    /// Every lead source, worked out on first use.
    sources: OnceLock<Vec<String>>,
    /// Open leads per owner, worked out on first use.
    loads: OnceLock<BTreeMap<RepId, u32>>,
}

/// The calendar precomputed from two days before the first of `leads` to a
/// year after `now` (where every clock of a workspace looks), with that end.
pub(super) fn timeline_around(
    calendar: BusinessCalendar,
    leads: &[Lead],
    now: DateTime<Utc>,
) -> (Timeline, DateTime<Utc>) {
    let first = leads
        .iter()
        .map(Lead::created_at)
        .min()
        .unwrap_or(now)
        .min(now);
    let until = now + TimeDelta::days(366);
    (
        Timeline::new(calendar, first - TimeDelta::days(2), until),
        until,
    )
}

/// Where a [`Prepared`] workspace reads each lead's activities.
enum Acts<'a> {
    /// From `ws.activities` grouped by lead, with where the activities of
    /// `ws.leads[i]` sit looked up once, then read by position.
    Indexed(ActivityIndex<'a>, Vec<Range<usize>>),
    /// Held per lead, by position ([`super::live::Live`]).
    PerLead(&'a [Vec<Activity>]),
}

impl<'a> Prepared<'a> {
    /// Validates the calendar, precomputes it around the leads and `now`,
    /// indexes activities and evaluates every lead at `now`.
    pub fn new(ws: &'a Workspace, now: DateTime<Utc>) -> Result<Prepared<'a>, CalendarError> {
        let mut p = Prepared::unevaluated(ws, now)?;
        p.reclock(now);
        Ok(p)
    }

    /// Like [`Prepared::new`], with every lead already evaluated, such as by
    /// an earlier `Prepared` of the same workspace; evaluates them again if
    /// their number does not match.
    pub fn with_evaluation(
        ws: &'a Workspace,
        eval: &'a Evaluation,
    ) -> Result<Prepared<'a>, CalendarError> {
        let mut p = Prepared::unevaluated(ws, eval.now)?;
        if eval.clocks.len() == ws.leads.len() && eval.facts.leads.len() == ws.leads.len() {
            p.eval = Cow::Borrowed(eval);
        } else {
            p.reclock(eval.now);
        }
        Ok(p)
    }

    /// Like [`Prepared::new`], reusing the digest of an earlier `Prepared`
    /// of the same data and settings ([`Prepared::shared_digest`]): a clock
    /// tick evaluates every lead again without digesting it again. A digest
    /// of another number of leads is not used.
    pub fn with_digest(
        ws: &'a Workspace,
        digest: Arc<Digest>,
        now: DateTime<Utc>,
    ) -> Result<Prepared<'a>, CalendarError> {
        let mut p = Prepared::unevaluated(ws, now)?;
        if digest.len() == ws.leads.len() {
            let _ = p.digest.set(digest);
        }
        p.reclock(now);
        Ok(p)
    }

    fn unevaluated(ws: &'a Workspace, now: DateTime<Utc>) -> Result<Prepared<'a>, CalendarError> {
        let calendar = BusinessCalendar::new(ws.calendar.clone())?;
        let (timeline, _) = timeline_around(calendar, &ws.leads, now);
        let index = ActivityIndex::new(&ws.activities);
        let ranges = ws
            .leads
            .iter()
            .map(|l| index.by_lead.get(&l.id()).cloned().unwrap_or(0..0))
            .collect();
        Ok(Prepared {
            ws,
            calendar: timeline,
            acts: Acts::Indexed(index, ranges),
            stages: StageTable::new(&ws.pipeline),
            eval: Cow::Owned(Evaluation {
                now,
                ..Evaluation::default()
            }),
            digest: OnceLock::new(),
            sources: OnceLock::new(),
            loads: OnceLock::new(),
        })
    }

    /// A workspace kept by [`super::live::Live`]: its activities held per
    /// lead (`ws.activities` is not read), its timeline, stage table,
    /// digest and evaluation made before.
    pub(super) fn kept(
        ws: &'a Workspace,
        acts: &'a [Vec<Activity>],
        (calendar, stages): (Timeline, StageTable),
        digest: Arc<Digest>,
        eval: &'a Evaluation,
    ) -> Prepared<'a> {
        let p = Prepared {
            ws,
            calendar,
            acts: Acts::PerLead(acts),
            stages,
            eval: Cow::Borrowed(eval),
            digest: OnceLock::new(),
            sources: OnceLock::new(),
            loads: OnceLock::new(),
        };
        let _ = p.digest.set(digest);
        p
    }

    /// Evaluates every lead again, at `now`: its clocks and, in the same
    /// pass over its digest (made on first use), its facts. What was worked
    /// out on first use (sources, open loads) is worked out again.
    pub fn reclock(&mut self, now: DateTime<Utc>) {
        self.sources = OnceLock::new();
        self.loads = OnceLock::new();
        let n = self.ws.leads.len();
        let at = Mark::new(&self.calendar, now);
        let from = self.ws.policies.from_mark(&self.calendar);
        let (mut clocks, mut facts) = (Vec::with_capacity(n), Facts::with_capacity(n));
        let digest = self.digest();
        for (lead, d) in self.ws.leads.iter().zip(digest.iter()) {
            facts.push(d, &self.stages, &self.calendar);
            let policy = self.ws.policies.policy_for(lead);
            clocks.push(evaluate_digest(
                &self.calendar,
                &self.stages,
                (policy, from),
                d,
                at,
            ));
        }
        facts.name(digest);
        self.eval = Cow::Owned(Evaluation { now, clocks, facts });
    }

    /// Every lead with its activities as the engine reads them (digested
    /// on first use).
    pub fn digest(&self) -> &Digest {
        self.shared()
    }

    /// The digest, to hand to a later `Prepared` of the same data
    /// ([`Prepared::with_digest`]).
    pub fn shared_digest(&self) -> Arc<Digest> {
        Arc::clone(self.shared())
    }

    fn shared(&self) -> &Arc<Digest> {
        self.digest.get_or_init(|| {
            let activities = match &self.acts {
                Acts::Indexed(index, _) => index.sorted.len(),
                Acts::PerLead(acts) => acts.iter().map(Vec::len).sum(),
            };
            let mut digest = Digest::with_capacity(self.ws.leads.len(), activities);
            for (i, lead) in self.ws.leads.iter().enumerate() {
                digest.push(lead, self.activities(i), &self.stages, &self.calendar);
            }
            Arc::new(digest)
        })
    }

    /// When every lead was evaluated.
    pub fn now(&self) -> DateTime<Utc> {
        self.eval.now
    }

    /// Every lead's clocks at [`Prepared::now`], in order.
    pub fn clocks(&self) -> &[LeadClocks] {
        &self.eval.clocks
    }

    /// Every lead's facts, in order.
    pub fn facts(&self) -> &Facts {
        &self.eval.facts
    }

    /// The clocks of `ws.leads[i]` at `now`: the shared ones when `now` is
    /// the instant they were evaluated at.
    pub fn clocks_of(&self, i: usize, now: DateTime<Utc>) -> LeadClocks {
        match self.eval.clocks.get(i) {
            Some(c) if now == self.eval.now => *c,
            _ => self.clocks_under(i, &self.ws.policies, Mark::new(&self.calendar, now)),
        }
    }

    /// The clocks of `ws.leads[i]` at `now` under `policies`: the
    /// workspace's own or a proposal ([`super::whatif`]).
    pub fn clocks_under(&self, i: usize, policies: &SlaPolicies, now: Mark) -> LeadClocks {
        match (self.ws.leads.get(i), self.digest().get(i)) {
            (Some(lead), Some(d)) => {
                let policy = policies.policy_for(lead);
                let from = policies.from_mark(&self.calendar);
                evaluate_digest(&self.calendar, &self.stages, (policy, from), d, now)
            }
            _ => LeadClocks::NONE,
        }
    }

    /// The activities of `ws.leads[i]`, oldest first.
    pub fn activities(&self, i: usize) -> &[Activity] {
        match &self.acts {
            Acts::Indexed(index, ranges) => ranges.get(i).map_or(&[], |r| &index.sorted[r.clone()]),
            Acts::PerLead(acts) => acts.get(i).map_or(&[], Vec::as_slice),
        }
    }

    /// The distinct lead sources, in order (worked out once).
    pub fn sources(&self) -> &[String] {
        self.sources.get_or_init(|| {
            // Only the sources some lead has (a kept digest also numbers
            // sources of leads since changed or removed).
            let facts = &self.eval.facts;
            let mut used = vec![false; facts.sources.all().len()];
            for f in &facts.leads {
                if let Some(u) = used.get_mut(f.source as usize) {
                    *u = true;
                }
            }
            let mut sorted: Vec<String> = facts
                .sources
                .all()
                .iter()
                .zip(used)
                .filter(|(_, used)| *used)
                .map(|(name, _)| name.clone())
                .collect();
            sorted.sort();
            sorted
        })
    }

    /// Open (not Won/Lost) leads per owner, the load [`super::sla::suggest_owner`]
    /// compares with capacity (worked out once, from the facts).
    pub fn open_loads(&self) -> &BTreeMap<RepId, u32> {
        self.loads.get_or_init(|| {
            let facts = &self.eval.facts;
            let mut per_owner = vec![0u32; facts.owners.all().len()];
            for f in facts.leads.iter().filter(|f| !f.closed) {
                if let Some(o) = f.owner {
                    per_owner[o as usize] += 1;
                }
            }
            facts
                .owners
                .all()
                .iter()
                .zip(per_owner)
                .filter(|(_, n)| *n > 0)
                .map(|(id, n)| (RepId::new(id.as_str()), n))
                .collect()
        })
    }

    /// The positions of the leads created in `[from, to)`, in order: a
    /// binary search when leads are kept oldest first, else a scan.
    pub fn created_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<usize> {
        let facts = &self.eval.facts.leads;
        if self.eval.facts.oldest_first() {
            let lo = facts.partition_point(|f| f.created < from);
            let hi = lo + facts[lo..].partition_point(|f| f.created < to);
            (lo..hi).collect()
        } else {
            (0..facts.len())
                .filter(|i| facts[*i].created >= from && facts[*i].created < to)
                .collect()
        }
    }

    /// The timezone of the workspace calendar.
    pub fn timezone(&self) -> crate::domain::zone::Zone {
        self.calendar.calendar().timezone()
    }

    /// The SLA context with the workspace's own policies.
    pub fn sla(&self) -> SlaContext<'_> {
        SlaContext {
            calendar: &self.calendar,
            pipeline: &self.ws.pipeline,
            policies: &self.ws.policies,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
