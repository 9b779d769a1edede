//! How fast leads reach an owner, and how many leads Sales can carry
//! (issue 29, the scorecard's allocation card).
//!
//! - **Allocation time** of a lead that arrived in a period: from its
//!   arrival to its owner's assignment, in calendar minutes (an imported
//!   lead that came with its owner: 0). A lead still without an owner is
//!   waiting; its wait runs until now. A lead given an owner later than
//!   the team's target (`Distribution::within`), or waiting longer than
//!   it, is a breach. A lead re-assigned later counts from its arrival to
//!   its latest owner: the figure is when the lead reached the rep who has
//!   it.
//! - **Capacity plan.** Each active Sales rep carries up to their cap of
//!   open leads at once; a lead stays open for the median of how long
//!   Sales' leads stay open: the leads closed in the last 90 days (arrival
//!   to won or lost) and the open ones Sales holds (arrival to now: at
//!   least that long), in calendar days. Counting only the closed ones
//!   would leave out the leads that linger, and promise many times what
//!   the team closes. So Sales can take about `Σ caps × 30 / median days`
//!   new leads a month; beside it, what they did close: a third of the
//!   leads closed in 90 days. No lead closed in 90 days: no plan (not a
//!   guess).

use super::super::lead::Lead;
use super::super::pipeline::{Pipeline, StageKind};
use super::super::rep::Rep;
use chrono::{DateTime, Duration, Utc};

/// The allocation figures of the leads that arrived in a period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Allocation {
    /// Leads that arrived.
    pub arrived: usize,
    /// Of them, given an owner.
    pub given: usize,
    /// Median arrival → owner, minutes.
    pub median: Option<i64>,
    /// 90th percentile arrival → owner, minutes.
    pub p90: Option<i64>,
    /// Given later than the target, or waiting longer than it.
    pub breaches: usize,
    /// Still without an owner (open).
    pub waiting: usize,
    /// The longest of those waits, minutes.
    pub oldest_wait: Option<i64>,
}

/// The nearest-rank percentile `q` (0–1) of sorted `v`.
fn percentile(v: &[i64], q: f64) -> Option<i64> {
    if v.is_empty() {
        return None;
    }
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    Some(v[rank - 1])
}

/// Allocation of the leads that arrived in `[from, to)`, as of `now`,
/// against a target of `within` minutes (none: no breaches counted).
pub fn allocation(
    leads: &[Lead],
    pipeline: &Pipeline,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    within: Option<u32>,
    now: DateTime<Utc>,
) -> Allocation {
    let mut out = Allocation::default();
    let mut times = Vec::new();
    let late = |m: i64| within.is_some_and(|w| m > i64::from(w));
    for lead in leads {
        let at = lead.entered_at();
        if at < from || at >= to {
            continue;
        }
        out.arrived += 1;
        match (lead.owner(), lead.assigned_at()) {
            (Some(_), given) => {
                let m = given.map_or(0, |g| (g - at).num_minutes().max(0));
                out.given += 1;
                out.breaches += usize::from(late(m));
                times.push(m);
            }
            (None, _) if !lead.is_closed(pipeline) => {
                let m = (now - at).num_minutes().max(0);
                out.waiting += 1;
                out.breaches += usize::from(late(m));
                out.oldest_wait = out.oldest_wait.max(Some(m));
            }
            (None, _) => {}
        }
    }
    times.sort_unstable();
    out.median = percentile(&times, 0.5);
    out.p90 = percentile(&times, 0.9);
    out
}

/// What Sales can take, from its reps' caps and how long leads stay open.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Capacity {
    /// Active Sales reps.
    pub reps: usize,
    /// Their caps, summed.
    pub caps: u32,
    /// Open leads they own now.
    pub open: u32,
    /// Leads closed in the last 90 days that the median rests on.
    pub closed: usize,
    /// Median days a lead stays open (closed ones and open ones, above).
    pub days_to_close: Option<f64>,
    /// About how many new leads a month Sales can take.
    pub per_month: Option<u32>,
}

/// Closed leads the plan needs before it gives a figure (as a scorecard
/// rate needs leads before its verdict).
pub const PLAN_MIN_CLOSED: usize = 10;

/// The capacity plan as of `now` (see the module docs).
pub fn capacity(reps: &[Rep], leads: &[Lead], pipeline: &Pipeline, now: DateTime<Utc>) -> Capacity {
    let sales: Vec<&Rep> = reps
        .iter()
        .filter(|r| r.active && r.team.in_sales())
        .collect();
    let caps = sales.iter().map(|r| r.capacity).sum();
    let mut open = 0;
    let mut days = Vec::new();
    let mut open_days = Vec::new();
    let since = now - Duration::days(90);
    for lead in leads {
        let closed = pipeline
            .stage(lead.stage())
            .is_some_and(|s| s.kind != StageKind::Open);
        if !closed {
            if lead
                .owner()
                .is_some_and(|o| sales.iter().any(|r| r.id == *o))
            {
                open += 1;
                open_days.push((now - lead.entered_at()).num_minutes().max(0) as f64 / 1440.0);
            }
            continue;
        }
        let Some(at) = lead.history().last().map(|c| c.at) else {
            continue;
        };
        if at >= since && at <= now {
            days.push((at - lead.entered_at()).num_minutes().max(0) as f64 / 1440.0);
        }
    }
    let closed = days.len();
    if closed > 0 {
        days.extend(open_days);
    }
    days.sort_by(f64::total_cmp);
    let median = (!days.is_empty()).then(|| {
        let n = days.len();
        if n % 2 == 1 {
            days[n / 2]
        } else {
            (days[n / 2 - 1] + days[n / 2]) / 2.0
        }
    });
    // On fewer closed leads than a verdict needs, no plan: "too early"
    // (two leads closed in the first hour are no time to close).
    let per_month = median
        .filter(|_| closed >= PLAN_MIN_CLOSED)
        .map(|d| (f64::from(caps) * 30.0 / d.max(1.0)).round() as u32);
    Capacity {
        reps: sales.len(),
        caps,
        open,
        closed,
        days_to_close: median,
        per_month,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::lead::{LeadDraft, LeadId};
    use crate::domain::rep::{Membership, RepId};
    use chrono::TimeZone;

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 2, 0, 0).unwrap() + Duration::minutes(minute)
    }

    fn lead(n: u128, minute: i64) -> Lead {
        let draft = LeadDraft {
            name: format!("Khách {n}"),
            phone: format!("09120{n:05}"),
            source: "Zalo".into(),
            ..Default::default()
        };
        Lead::create(
            &draft,
            LeadId::from_uuid(uuid::Uuid::from_u128(n)),
            at(minute),
            &Pipeline::default(),
        )
        .unwrap()
    }

    #[test]
    fn allocation_counts_arrival_to_owner_and_the_waits() {
        let p = Pipeline::default();
        let mut leads: Vec<Lead> = (1..=4).map(|n| lead(n, n as i64)).collect();
        leads[0].assign(Some(RepId::new("lan")), at(3)); // 2 min
        leads[1].assign(Some(RepId::new("minh")), at(32)); // 30 min
        leads[2].assign(Some(RepId::new("lan")), at(13)); // 10 min
        // leads[3] waits since minute 4.
        let before = lead(9, -500);
        leads.push(before);
        let a = allocation(&leads, &p, (at(0), at(60)), Some(15), at(64));
        assert_eq!((a.arrived, a.given, a.waiting), (4, 3, 1));
        assert_eq!((a.median, a.p90), (Some(10), Some(30)));
        assert_eq!(a.oldest_wait, Some(60));
        assert_eq!(a.breaches, 2, "30 min given, 60 min waiting");
        let none = allocation(&leads, &p, (at(0), at(60)), None, at(64));
        assert_eq!(none.breaches, 0, "no target, no breach");
    }

    #[test]
    fn capacity_is_caps_times_a_month_over_the_median_days_to_close() {
        let p = Pipeline::default();
        let reps = vec![
            Rep::new("lan", "Lan", Membership::Sales, 40),
            Rep::new("minh", "Minh", Membership::Sales, 20),
            Rep::new("hoa", "Hoa", Membership::Marketing, 40),
        ];
        assert_eq!(
            capacity(&reps, &[], &p, at(0)).per_month,
            None,
            "nothing closed: no plan"
        );
        let mut leads = Vec::new();
        for (n, days) in (1u128..=10).zip(1i64..=10) {
            let mut l = lead(n, -days * 1440 - 60);
            l.move_to(
                &crate::domain::pipeline::StageId::new("won"),
                &p,
                None,
                at(-60),
            )
            .unwrap();
            leads.push(l);
        }
        // Three closed: too early for a plan.
        let c = capacity(&reps, &leads[..3], &p, at(0));
        assert_eq!((c.closed, c.per_month), (3, None));
        let mut open = lead(40, 0);
        open.assign(Some(RepId::new("lan")), at(1));
        leads.push(open);
        let c = capacity(&reps, &leads, &p, at(0));
        assert_eq!((c.reps, c.caps, c.open, c.closed), (2, 60, 1, 10));
        // 1 to 10 days closed; the open one 0 days so far.
        assert_eq!(c.days_to_close, Some(5.0));
        assert_eq!(c.per_month, Some(360), "60 × 30 / 5");
        // Leads that linger count: an open lead 40 days old, twice.
        for n in [50u128, 60] {
            let mut old = lead(n, -40 * 1440);
            old.assign(Some(RepId::new("minh")), at(-40 * 1440));
            leads.push(old);
        }
        let c = capacity(&reps, &leads, &p, at(0));
        assert_eq!(c.days_to_close, Some(6.0), "0, 1 … 10, 40, 40");
        assert_eq!(c.per_month, Some(300), "60 × 30 / 6");
    }
}
