//! [`Prepared`]: a workspace ready for the report functions.

use super::*;

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
    /// The current audit verdicts, worked out on first use.
    audits: OnceLock<Vec<crate::domain::audit::Audited>>,
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
            audits: OnceLock::new(),
        })
    }

    /// A workspace kept by [`super::live::Live`]: its activities held per
    /// lead (`ws.activities` is not read), its timeline, stage table,
    /// digest and evaluation made before.
    pub(in crate::domain) fn kept(
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
            audits: OnceLock::new(),
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
            crate::sort::sort(&mut sorted);
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

    /// The current verdict on every audited activity (`domain::audit`),
    /// worked out once.
    pub fn audits(&self) -> &[crate::domain::audit::Audited] {
        self.audits.get_or_init(|| {
            crate::domain::audit::current(
                (0..self.ws.leads.len()).map(|i| (self.ws.leads[i].id(), self.activities(i))),
            )
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
