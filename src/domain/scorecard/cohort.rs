//! A cohort of leads and what its KPIs count over them, tallied once.

use super::*;

/// A cohort: the positions of its leads in the workspace, their clocks at
/// `now`, and what the KPIs count over them, tallied in one pass on first
/// use and shared by every KPI.
pub struct Cohort<'a> {
    p: &'a Prepared<'a>,
    members: Vec<usize>,
    /// The period's start and end.
    range: (DateTime<Utc>, DateTime<Utc>),
    /// The members' clocks when `now` is not the instant `p` evaluated
    /// them at (else `p`'s are read).
    own_clocks: Option<Vec<LeadClocks>>,
    tally: OnceCell<Tally>,
    by_source: OnceCell<Vec<u32>>,
}

impl<'a> Cohort<'a> {
    /// Leads created in `period` within `scope`, evaluated at `now`.
    pub fn new(
        p: &'a Prepared<'a>,
        period: Period,
        scope: &Scope,
        now: DateTime<Utc>,
    ) -> Cohort<'a> {
        let (from, to) = period.range(p.timezone());
        let mut members = p.created_between(from, to);
        if let Scope::Rep(r) = scope {
            let facts = &p.facts();
            let owner = facts.owners.find(r.as_str());
            members.retain(|i| owner.is_some() && facts.leads[*i].owner == owner);
        }
        let own_clocks =
            (now != p.now()).then(|| members.iter().map(|i| p.clocks_of(*i, now)).collect());
        Cohort {
            p,
            members,
            range: (from, to),
            own_clocks,
            tally: OnceCell::new(),
            by_source: OnceCell::new(),
        }
    }

    /// The period's start and end (excluded).
    pub fn range(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        self.range
    }

    /// Number of leads.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    pub(super) fn tally(&self) -> &Tally {
        self.tally.get_or_init(|| {
            let clocks = |n: usize| match &self.own_clocks {
                Some(own) => &own[n],
                None => &self.p.clocks()[self.members[n]],
            };
            Tally::new(self.p, &self.members, clocks)
        })
    }

    /// Leads per source (by its number in the facts).
    pub(super) fn by_source(&self) -> &[u32] {
        self.by_source.get_or_init(|| {
            let facts = self.p.facts();
            let mut counts = vec![0; facts.sources.all().len()];
            for i in &self.members {
                counts[facts.leads[*i].source as usize] += 1;
            }
            counts
        })
    }
}

/// What the KPIs of one cohort count, in one pass over its facts and clocks.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) qualified: usize,
    pub(super) qualified_won: usize,
    pub(super) won: usize,
    pub(super) junk: usize,
    /// (settled, pending) at the gate: settled leads are qualified, closed,
    /// or past their nurture time (no longer worked: not qualified);
    /// pending ones are still open before the gate and being worked.
    pub(super) gate: (usize, usize),
    /// (settled, pending) for a sale: closed (won or lost, junk included)
    /// or past their nurture time; pending ones still open.
    pub(super) closed: (usize, usize),
    /// The same over the qualified leads.
    pub(super) qualified_closed: (usize, usize),
    /// (attempts made on, number of) the leads whose attempts clock has a
    /// verdict.
    pub(super) attempts_judged: (u64, usize),
    /// Leads whose attempts clock still runs (not due yet).
    pub(super) attempts_running: usize,
    /// Minutes of finished first responses, sorted.
    pub(super) response_minutes: Vec<f64>,
    /// (kept, judged) first-response clocks (see `Status::verdict`).
    pub(super) responses_kept: (usize, usize),
    /// (kept, judged) attempt clocks.
    pub(super) attempts_kept: (usize, usize),
    pub(super) csat: (u32, usize),
    /// (resolved, with a first conversation).
    pub(super) first_contact: (usize, usize),
    pub(super) breaches: usize,
    pub(super) reassignments: usize,
}

impl Tally {
    fn new<'c>(
        p: &Prepared<'_>,
        members: &[usize],
        clocks: impl Fn(usize) -> &'c LeadClocks,
    ) -> Tally {
        let facts = &p.facts().leads;
        let policies = &p.ws.policies;
        let day = p.calendar.calendar().working_day();
        let mut t = Tally::default();
        let judge = |pair: &mut (usize, usize), s: &Status| {
            if let Some(kept) = s.verdict() {
                pair.0 += usize::from(kept);
                pair.1 += 1;
            }
        };
        for (n, i) in members.iter().enumerate() {
            let (f, c) = (&facts[*i], clocks(n));
            t.qualified += usize::from(f.qualified);
            t.qualified_won += usize::from(f.qualified && f.won);
            t.won += usize::from(f.won);
            t.junk += usize::from(f.is_junk());
            let attempts_due = c.attempts.status.verdict().is_some();
            // No longer nurtured: its outcome is known (not qualified, not
            // won), whatever the stage still says.
            let done = f.closed || c.nurture.is_breached();
            let count = |pair: &mut (usize, usize), settled: bool| {
                pair.0 += usize::from(settled);
                pair.1 += usize::from(!settled);
            };
            count(&mut t.gate, f.qualified || done);
            count(&mut t.closed, done);
            if f.qualified {
                count(&mut t.qualified_closed, done);
            }
            t.attempts_running += usize::from(matches!(
                c.attempts.status,
                Status::Pending { .. } | Status::AtRisk { .. }
            ));
            if attempts_due {
                t.attempts_judged.0 += u64::from(c.attempts.made);
                t.attempts_judged.1 += 1;
            }
            let target = policies.policy_for(&p.ws.leads[*i]);
            t.response_minutes.extend(response_minutes(
                &c.first_response,
                i64::from(target.first_response.minutes(day)),
            ));
            judge(&mut t.responses_kept, &c.first_response);
            judge(&mut t.attempts_kept, &c.attempts.status);
            if let Some(score) = f.csat {
                t.csat.0 += u32::from(score.score());
                t.csat.1 += 1;
            }
            if let Some(resolved) = f.first_contact_resolved {
                t.first_contact.0 += usize::from(resolved);
                t.first_contact.1 += 1;
            }
            t.breaches += usize::from(
                c.first_response.is_breached()
                    || c.attempts.status.is_breached()
                    || c.stage_time.is_breached(),
            );
            t.reassignments += usize::from(c.reassignment.is_breached());
        }
        crate::sort::sort_by(&mut t.response_minutes, f64::total_cmp);
        t
    }
}

pub(super) fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The `q`-quantile (0–1) of sorted values by the nearest-rank method.
pub(super) fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

/// Minutes of a first-response clock that finished, for medians.
fn response_minutes(s: &Status, target: i64) -> Option<f64> {
    match s {
        Status::Met { used, .. } => Some(used.num_seconds() as f64 / 60.0),
        Status::Breached {
            overdue,
            done: Some(_),
            ..
        } => Some((target * 60 + overdue.num_seconds()) as f64 / 60.0),
        _ => None,
    }
}
