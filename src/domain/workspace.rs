//! Everything one team keeps: pipeline, calendar, SLA policies, reps, KPI
//! targets, leads and activities — and an index of activities per lead.

use super::activity::Activity;
use super::calendar::{BusinessCalendar, CalendarError, CalendarSpec, Mark, Timeline};
use super::contact::Country;
use super::digest::Digest;
use super::extra::Extra;
use super::facts::{Facts, StageTable};
use super::lead::{Lead, LeadId};
use super::pipeline::Pipeline;
use super::rep::{Rep, RepId};
use super::scorecard::Targets;
use super::sla::{LeadClocks, SlaContext, SlaPolicies, evaluate_digest};
use chrono::{DateTime, TimeDelta, Utc};
use rustc_hash::FxHashMap;
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

/// Activities grouped by lead (each group oldest first), built once per change.
///
/// Storage and the app keep activities grouped by lead in time order; then
/// the index borrows them as they are. Otherwise it sorts a copy.
#[derive(Clone, Debug, Default)]
pub struct ActivityIndex<'a> {
    sorted: Cow<'a, [Activity]>,
    by_lead: FxHashMap<LeadId, Range<usize>>,
}

/// The lead ranges of `activities` if they are grouped by lead with each
/// group in time order; `None` otherwise.
fn ranges_if_grouped(activities: &[Activity]) -> Option<FxHashMap<LeadId, Range<usize>>> {
    let mut by_lead = FxHashMap::default();
    let mut start = 0;
    for i in 1..=activities.len() {
        if i == activities.len() || activities[i].lead != activities[start].lead {
            if by_lead.insert(activities[start].lead, start..i).is_some() {
                return None;
            }
            start = i;
        } else if activities[i].at < activities[i - 1].at {
            return None;
        }
    }
    Some(by_lead)
}

/// Orders activities the way [`ActivityIndex`] borrows them without copying:
/// grouped by lead (groups in order of first appearance), each group oldest
/// first. Stable: equal times keep their order.
pub fn group_by_lead(activities: &mut [Activity]) {
    let mut first: FxHashMap<LeadId, usize> = FxHashMap::default();
    for a in activities.iter() {
        let n = first.len();
        first.entry(a.lead).or_insert(n);
    }
    activities.sort_by_key(|a| (first[&a.lead], a.at));
}

impl<'a> ActivityIndex<'a> {
    /// Groups `activities` by lead.
    pub fn new(activities: &'a [Activity]) -> ActivityIndex<'a> {
        if let Some(by_lead) = ranges_if_grouped(activities) {
            return ActivityIndex {
                sorted: Cow::Borrowed(activities),
                by_lead,
            };
        }
        let mut order: Vec<usize> = (0..activities.len()).collect();
        order.sort_by(|a, b| {
            let (a, b) = (&activities[*a], &activities[*b]);
            a.lead.cmp(&b.lead).then(a.at.cmp(&b.at))
        });
        let sorted: Vec<Activity> = order.iter().map(|i| activities[*i].clone()).collect();
        let by_lead = ranges_if_grouped(&sorted).expect("sorted by lead, then time");
        ActivityIndex {
            sorted: Cow::Owned(sorted),
            by_lead,
        }
    }

    /// One lead's activities, oldest first.
    pub fn of(&self, lead: LeadId) -> &[Activity] {
        self.by_lead
            .get(&lead)
            .map_or(&[], |r| &self.sorted[r.clone()])
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
    /// The data.
    pub ws: &'a Workspace,
    /// Business hours, precomputed.
    pub calendar: Timeline,
    /// Activities per lead.
    pub index: ActivityIndex<'a>,
    /// The pipeline as positions.
    pub stages: StageTable,
    /// Every lead's clocks and facts, at `eval.now`.
    pub eval: Cow<'a, Evaluation>,
    /// Where the activities of `ws.leads[i]` sit in the index: looked up
    /// once, then read by position.
    acts: Vec<Range<usize>>,
    /// The leads and activities as the engine reads them, digested on
    /// first use (a `Prepared` sharing an evaluation may never need it) or
    /// handed over from an earlier `Prepared` of the same data.
    digest: OnceLock<Arc<Digest>>,
    /// Every lead source, worked out on first use.
    sources: OnceLock<Vec<String>>,
    /// Open leads per owner, worked out on first use.
    loads: OnceLock<BTreeMap<RepId, u32>>,
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
        let first = ws
            .leads
            .iter()
            .map(Lead::created_at)
            .min()
            .unwrap_or(now)
            .min(now);
        let timeline = Timeline::new(
            calendar,
            first - TimeDelta::days(2),
            now + TimeDelta::days(366),
        );
        let index = ActivityIndex::new(&ws.activities);
        let acts = ws
            .leads
            .iter()
            .map(|l| index.by_lead.get(&l.id()).cloned().unwrap_or(0..0))
            .collect();
        Ok(Prepared {
            ws,
            calendar: timeline,
            index,
            stages: StageTable::new(&ws.pipeline),
            eval: Cow::Owned(Evaluation {
                now,
                ..Evaluation::default()
            }),
            acts,
            digest: OnceLock::new(),
            sources: OnceLock::new(),
            loads: OnceLock::new(),
        })
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
            let mut digest = Digest::with_capacity(self.ws.leads.len(), self.index.sorted.len());
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
        self.acts
            .get(i)
            .map_or(&[], |r| &self.index.sorted[r.clone()])
    }

    /// The distinct lead sources, in order (worked out once).
    pub fn sources(&self) -> &[String] {
        self.sources.get_or_init(|| {
            let mut sorted = self.eval.facts.sources.all().to_vec();
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
    pub fn timezone(&self) -> chrono_tz::Tz {
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
mod tests {
    use super::*;
    use crate::domain::activity::{ActivityKind, Direction, Outcome};
    use chrono::TimeZone;

    fn act(lead: u128, minute: u32) -> Activity {
        Activity {
            lead: LeadId::from_uuid(uuid::Uuid::from_u128(lead)),
            at: Utc.with_ymd_and_hms(2026, 3, 2, 8, minute, 0).unwrap(),
            kind: ActivityKind::Call,
            direction: Direction::Outbound,
            outcome: Outcome::NoAnswer,
            rep: None,
            extra: Extra::default(),
        }
    }

    #[test]
    fn a_tick_with_the_earlier_digest_evaluates_like_a_fresh_start() {
        use crate::domain::sample::generate;
        use crate::domain::test_support::vn;
        let now = vn("2026-06-01 10:00");
        let ws = generate(3, 200, 4, now);
        let first = Prepared::new(&ws, now).unwrap();
        let later = now + TimeDelta::hours(5);
        let fresh = Prepared::new(&ws, later).unwrap();
        let tick = Prepared::with_digest(&ws, first.shared_digest(), later).unwrap();
        assert_eq!(*tick.eval, *fresh.eval);
        assert!(
            Arc::ptr_eq(&tick.shared_digest(), &first.shared_digest()),
            "the digest was reused"
        );
        // A digest of other data (another number of leads) is not used.
        let other = generate(4, 50, 2, now);
        let elsewhere = Prepared::new(&other, now).unwrap();
        let tick = Prepared::with_digest(&ws, elsewhere.shared_digest(), later).unwrap();
        assert_eq!(*tick.eval, *fresh.eval);
    }

    #[test]
    fn grouped_or_not_the_index_gives_each_lead_its_activities_oldest_first() {
        let mixed = vec![act(2, 5), act(1, 9), act(2, 1), act(1, 3), act(3, 0)];
        let mut grouped = mixed.clone();
        group_by_lead(&mut grouped);
        assert_eq!(
            grouped,
            vec![act(2, 1), act(2, 5), act(1, 3), act(1, 9), act(3, 0)]
        );
        let lead = |n| LeadId::from_uuid(uuid::Uuid::from_u128(n));
        for list in [&mixed, &grouped] {
            let index = ActivityIndex::new(list);
            assert_eq!(index.of(lead(1)), [act(1, 3), act(1, 9)]);
            assert_eq!(index.of(lead(2)), [act(2, 1), act(2, 5)]);
            assert_eq!(index.of(lead(3)), [act(3, 0)]);
            assert!(index.of(lead(4)).is_empty());
        }
        assert!(
            matches!(ActivityIndex::new(&grouped).sorted, Cow::Borrowed(_)),
            "no copy when grouped"
        );
        assert!(matches!(ActivityIndex::new(&mixed).sorted, Cow::Owned(_)));
    }
}
