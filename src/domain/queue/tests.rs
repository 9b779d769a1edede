use super::*;
use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
use crate::domain::lead::Lead;
use crate::domain::lead::LeadDraft;
use crate::domain::rep::{Membership, Rep};
use crate::domain::sla::Minutes;
use crate::domain::test_support::vn;
use crate::domain::workspace::Workspace;

fn rep(id: &str, capacity: u32) -> Rep {
    Rep::new(id, id, Membership::Sales, capacity)
}

fn lead(ws: &Workspace, name: &str, at: &str) -> Lead {
    let draft = LeadDraft {
        name: name.into(),
        phone: "0912345678".into(),
        source: "facebook".into(),
        ..LeadDraft::default()
    };
    Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::new_v4()),
        vn(at),
        &ws.pipeline,
    )
    .unwrap()
}

fn call(lead: &Lead, at: &str, rep: &str) -> Activity {
    Activity {
        lead: lead.id(),
        at: vn(at),
        kind: ActivityKind::Call,
        direction: Direction::Outbound,
        outcome: Outcome::Connected,
        rep: Some(RepId::new(rep)),
        note: None,
        by: None,
        extra: Default::default(),
    }
}

#[test]
fn calls_in_their_window_first_then_breaches_and_answered_leads_leave() {
    let mut ws = Workspace {
        reps: vec![rep("an", 10), rep("binh", 10)],
        ..Workspace::default()
    };
    // Monday 2026-03-02, business hours 08:00–12:00, 13:30–17:30.
    let old = lead(&ws, "Old", "2026-03-02 08:00");
    let fresh = lead(&ws, "Fresh", "2026-03-02 10:50");
    let answered = lead(&ws, "Answered", "2026-03-02 08:00");
    ws.activities
        .push(call(&answered, "2026-03-02 08:10", "an"));
    let mut won = lead(&ws, "Won", "2026-03-02 08:00");
    let pipeline = ws.pipeline.clone();
    for _ in 0..3 {
        won.advance(&pipeline, None, vn("2026-03-02 08:01"))
            .unwrap();
    }
    ws.leads = vec![old.clone(), fresh.clone(), answered.clone(), won];
    let now = vn("2026-03-02 11:00");
    let p = Prepared::new(&ws, now).unwrap();
    let clocks = all_clocks(&p, now);
    let queue = today(&p, &clocks, TimeDelta::hours(8));
    let ids: Vec<LeadId> = queue.iter().map(|i| i.lead).collect();
    assert_eq!(
        ids,
        vec![fresh.id(), old.id()],
        "the lead still in its window first, then the breach; neither the answered nor the won lead: {queue:?}"
    );
    assert_eq!(
        (queue[0].clock, queue[0].bucket, &queue[0].next),
        (ClockKind::FirstResponse, Bucket::DueSoon, &NextStep::Call)
    );
    assert_eq!(
        (queue[1].clock, queue[1].bucket),
        (ClockKind::FirstResponse, Bucket::Breached),
        "two business hours late is a recent breach"
    );
}

/// One check of the calls lane's order: leads created at these local times
/// (a first response due an hour of business time later), the queue asked
/// at `now`, expected in this order with these buckets.
fn check_calls(created: &[&str], now: &str, long_after: Option<u32>, expected: &[(usize, Bucket)]) {
    let mut ws = Workspace::default();
    ws.policies.long_overdue_after = long_after.map(|h| Minutes(h * 60));
    ws.leads = created
        .iter()
        .enumerate()
        .map(|(i, at)| lead(&ws, &format!("L{i}"), at))
        .collect();
    let now = vn(now);
    let p = Prepared::new(&ws, now).unwrap();
    let queue = today(&p, &all_clocks(&p, now), HORIZON);
    let got: Vec<(usize, Bucket)> = queue
        .iter()
        .map(|item| {
            let i = ws.leads.iter().position(|l| l.id() == item.lead).unwrap();
            (i, item.bucket)
        })
        .collect();
    assert_eq!(got, expected, "created {created:?}, asked at {now}");
}

#[test]
fn calls_are_ordered_for_the_leads_that_can_still_be_won() {
    use Bucket::*;
    // Business hours 08:00–12:00, 13:30–17:30, Monday to Friday; the default
    // first response is 1 business hour, long overdue after 8 business hours.
    // Created at 03:08, due at 09:00: on Today before opening, before every breach.
    check_calls(
        &["2026-02-27 09:00", "2026-03-02 03:08"],
        "2026-03-02 07:30",
        None,
        &[(1, DueSoon), (0, Breached)],
    );
    // In the window: earliest deadline first (at risk or not).
    check_calls(
        &["2026-03-02 10:00", "2026-03-02 09:15", "2026-03-02 09:50"],
        "2026-03-02 10:05",
        None,
        &[(1, AtRisk), (2, DueSoon), (0, DueSoon)],
    );
    // Breaches: the most recent first; past 8 business hours, long overdue, after them.
    check_calls(
        &[
            "2026-03-02 08:00",
            "2026-02-20 08:00",
            "2026-03-02 09:30",
            "2026-02-27 08:00",
        ],
        "2026-03-02 11:00",
        None,
        &[
            (2, Breached),
            (0, Breached),
            (3, LongOverdue),
            (1, LongOverdue),
        ],
    );
    // The threshold is the team's: at 1 business hour, the 2-hour breach is long overdue.
    check_calls(
        &["2026-03-02 08:00", "2026-03-02 09:30"],
        "2026-03-02 11:00",
        Some(1),
        &[(1, Breached), (0, LongOverdue)],
    );
    // Arrived overnight, all due at 09:00: the newest first.
    check_calls(
        &["2026-03-01 22:00", "2026-03-02 06:30", "2026-03-02 01:00"],
        "2026-03-02 07:00",
        None,
        &[(1, DueSoon), (2, DueSoon), (0, DueSoon)],
    );
    // A first response due beyond the horizon is still queued: the first call is the work.
    check_calls(
        &["2026-03-02 08:30"],
        "2026-03-02 08:31",
        None,
        &[(0, DueSoon)],
    );
}

/// A lead typed in during business hours is first on Today, ahead of
/// 10 000 leads' old breaches.
#[test]
fn a_fresh_lead_comes_first_among_ten_thousand_old_breaches() {
    let now = vn("2026-06-01 10:00");
    let mut ws = crate::domain::sample::generate(3, 10_000, 8, now);
    let fresh = lead(&ws, "Fresh", "2026-06-01 09:58");
    ws.leads.push(fresh.clone());
    let p = Prepared::new(&ws, now).unwrap();
    let horizon = HORIZON;
    let full = today(&p, p.clocks(), horizon);
    let at = full.iter().position(|i| i.lead == fresh.id()).unwrap();
    let fresh_due = match full[at].status {
        Status::Pending { due, .. } | Status::AtRisk { due, .. } => due,
        other => panic!("a fresh lead's first response runs: {other:?}"),
    };
    for before in &full[..at] {
        assert_eq!(before.lane, Lane::Calls);
        match before.status {
            Status::Pending { due, .. } | Status::AtRisk { due, .. } => {
                assert!(due <= fresh_due, "{before:?}")
            }
            other => panic!("nothing breached comes before a fresh lead: {other:?}"),
        }
    }
    let breached = full.iter().filter(|i| i.bucket.is_breached()).count();
    assert!(
        breached > 1_000,
        "the sample is full of breaches: {breached}"
    );
    // On the screen: within the first rows of the calls lane.
    let placed = placements(&p, p.clocks(), horizon);
    let q = Queue::build(&p, &placed, None, |_| false, &Limits::all(20));
    assert!(
        q.listed(Section::Lane(Lane::Calls))
            .any(|i| i.lead == fresh.id()),
        "listed first on Today: {:?}",
        q.listed(Section::Lane(Lane::Calls))
            .take(3)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_lead_tried_without_answer_waits_below_the_calls_that_can_be_made_now() {
    let mut ws = Workspace {
        reps: vec![rep("an", 10)],
        ..Workspace::default()
    };
    // The default policy: 3 tries within a working day, 1 h apart. Friday's
    // leads both missed their clocks, the tried one more recently.
    let tried = lead(&ws, "Tried", "2026-02-27 08:00");
    let other = lead(&ws, "Other", "2026-02-27 15:00");
    let mut no_answer = call(&tried, "2026-03-02 10:55", "an");
    no_answer.outcome = Outcome::NoAnswer;
    ws.activities.push(no_answer);
    ws.leads = vec![tried.clone(), other.clone()];
    let at = |ws: &Workspace, now: &str| {
        let now = vn(now);
        let p = Prepared::new(ws, now).unwrap();
        today(&p, &all_clocks(&p, now), HORIZON)
    };
    // Right after the try: the untried lead first; the tried one waits
    // for its next try at 11:55 (still a breach, counted as one).
    let queue = at(&ws, "2026-03-02 11:00");
    let ids: Vec<LeadId> = queue.iter().map(|i| i.lead).collect();
    assert_eq!(ids, vec![other.id(), tried.id()], "{queue:?}");
    assert_eq!(
        (queue[1].clock, queue[1].bucket),
        (ClockKind::Attempts, Bucket::Breached)
    );
    assert_eq!(queue[1].next_try, Some(vn("2026-03-02 11:55")));
    assert_eq!(queue[0].next_try, None);
    // A fresh lead tried once stays among the calls, resting, though its
    // attempts deadline is a working day away.
    let fresh = lead(&ws, "Fresh", "2026-03-02 10:30");
    let mut first = call(&fresh, "2026-03-02 10:40", "an");
    first.outcome = Outcome::NoAnswer;
    ws.activities.push(first);
    ws.leads.push(fresh.clone());
    let queue = at(&ws, "2026-03-02 11:00");
    let rested = &queue[1];
    assert_eq!(
        (rested.lead, rested.bucket, rested.next_try),
        (fresh.id(), Bucket::DueSoon, Some(vn("2026-03-02 11:40"))),
        "after the call to make now, the earliest next try first: {queue:?}"
    );
    ws.leads.pop();
    ws.activities.pop();
    // Its gap passed: back in its place, the more recent breach first.
    let queue = at(&ws, "2026-03-02 11:56");
    assert_eq!(queue[0].lead, tried.id(), "{queue:?}");
    assert_eq!(queue[0].next_try, None);
}

#[test]
fn a_short_horizon_leaves_out_what_is_not_due_soon() {
    let mut ws = Workspace::default();
    // Answered at once: what runs is the attempts clock (3 within 8 h; no
    // gap between tries, so the lead does not rest until a next try).
    ws.policies.default.attempts.min_gap = Minutes::hours(0);
    let fresh = lead(&ws, "Fresh", "2026-03-02 10:59");
    ws.activities.push(Activity {
        outcome: Outcome::NoAnswer,
        ..call(&fresh, "2026-03-02 10:59", "an")
    });
    ws.leads = vec![fresh];
    let now = vn("2026-03-02 11:00");
    let p = Prepared::new(&ws, now).unwrap();
    let clocks = all_clocks(&p, now);
    assert!(today(&p, &clocks, TimeDelta::zero()).is_empty());
    assert_eq!(today(&p, &clocks, TimeDelta::days(30)).len(), 1);
}

#[test]
fn untouched_leads_get_a_reassignment_suggestion_to_the_least_loaded_rep() {
    let mut ws = Workspace {
        reps: vec![rep("an", 10), rep("binh", 10), rep("chi", 1)],
        ..Workspace::default()
    };
    let mut l = lead(&ws, "Stale", "2026-03-02 08:00");
    l.assign(Some(RepId::new("an")), vn("2026-03-02 08:00"));
    ws.activities.push(call(&l, "2026-03-02 08:05", "an"));
    let mut busy = lead(&ws, "Busy", "2026-03-20 08:00");
    busy.assign(Some(RepId::new("chi")), vn("2026-03-20 08:00"));
    ws.activities.push(call(&busy, "2026-03-20 08:05", "chi"));
    ws.leads = vec![l.clone(), busy];
    let now = vn("2026-03-20 09:00");
    let p = Prepared::new(&ws, now).unwrap();
    let clocks = all_clocks(&p, now);
    let item = today(&p, &clocks, TimeDelta::hours(1))
        .into_iter()
        .find(|i| i.lead == l.id())
        .expect("the stale lead is queued");
    assert_eq!(item.bucket, Bucket::Breached);
    match item.next {
        NextStep::Reassign(to) => assert_eq!(to, Some(RepId::new("binh"))),
        NextStep::Close => {}
        other => panic!("unexpected next step {other:?}"),
    }
}

#[test]
fn the_lead_untouched_most_recently_comes_first_for_reassignment() {
    let mut ws = Workspace {
        reps: vec![rep("an", 10), rep("binh", 10)],
        ..Workspace::default()
    };
    let mut old = lead(&ws, "Quiet for weeks", "2026-03-02 08:00");
    old.assign(Some(RepId::new("an")), vn("2026-03-02 08:00"));
    ws.activities.push(call(&old, "2026-03-02 08:05", "an"));
    let mut recent = lead(&ws, "Quiet since last week", "2026-03-12 08:00");
    recent.assign(Some(RepId::new("an")), vn("2026-03-12 08:00"));
    ws.activities.push(call(&recent, "2026-03-12 08:05", "an"));
    ws.leads = vec![old.clone(), recent.clone()];
    let now = vn("2026-03-30 09:00");
    let p = Prepared::new(&ws, now).unwrap();
    let clocks = all_clocks(&p, now);
    let order: Vec<LeadId> = today(&p, &clocks, TimeDelta::hours(1))
        .into_iter()
        .filter(|i| i.lane == Lane::Reassign)
        .map(|i| i.lead)
        .collect();
    assert_eq!(order, vec![recent.id(), old.id()]);
}

#[test]
fn calls_come_first_and_housekeeping_last_in_a_sample_workspace() {
    let now = vn("2026-06-01 10:00");
    let ws = crate::domain::sample::generate(1, 3000, 6, now);
    let p = Prepared::new(&ws, now).unwrap();
    let clocks = all_clocks(&p, now);
    let queue = today(&p, &clocks, TimeDelta::hours(4));
    let lanes: Vec<Lane> = queue.iter().map(|i| i.lane).collect();
    assert!(lanes.windows(2).all(|w| w[0] <= w[1]), "lane by lane");
    assert_eq!(lanes.first(), Some(&Lane::Calls), "a call first");
    assert!(
        lanes.contains(&Lane::ToClose),
        "the sample has housekeeping"
    );
    let index: std::collections::HashMap<LeadId, usize> = ws
        .leads
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id(), i))
        .collect();
    let mut seen = std::collections::HashSet::new();
    for item in &queue {
        assert!(seen.insert(item.lead), "a lead once");
        assert_eq!(item.clock.lane(), item.lane);
        if matches!(item.lane, Lane::Reassign | Lane::ToClose) {
            assert_eq!(item.bucket, Bucket::Breached, "{item:?}");
        }
        let c = &clocks[index[&item.lead]];
        for k in ClockKind::ALL {
            if k.lane().claim() < item.lane.claim() {
                assert!(
                    k.queues(&k.of(c), TimeDelta::hours(4)).is_none(),
                    "{k:?} settles the lead first: {item:?}"
                );
            }
        }
    }
    for lane in Lane::ALL {
        let orders: Vec<_> = queue
            .iter()
            .filter(|i| i.lane == lane)
            .map(|i| order(i.clock, &i.status, i.bucket, i.next_try))
            .collect();
        assert!(
            orders.windows(2).all(|w| w[0] <= w[1]),
            "{lane:?}: in the lane's order"
        );
    }
    assert!(
        queue
            .iter()
            .all(|i| (i.bucket == Bucket::LongOverdue) <= (i.lane == Lane::Calls)),
        "only calls are folded as long overdue"
    );
}
