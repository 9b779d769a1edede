use super::*;
use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
use crate::domain::lead::Lead;
use crate::domain::lead::LeadDraft;
use crate::domain::rep::{Membership, Rep};
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
        extra: Default::default(),
    }
}

#[test]
fn breached_first_then_at_risk_then_due_soon_and_answered_leads_leave() {
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
    assert_eq!(ids[0], old.id(), "the breached lead comes first: {queue:?}");
    assert_eq!(queue[0].bucket, Bucket::Breached);
    assert_eq!(queue[0].clock, ClockKind::FirstResponse);
    assert_eq!(queue[0].next, NextStep::Call);
    assert!(
        !ids.contains(&answered.id()),
        "a lead reached by phone needs nothing now: {queue:?}"
    );
    assert_eq!(queue.len(), 2, "the won lead is not queued: {queue:?}");
    let fresh_item = queue.iter().find(|i| i.lead == fresh.id()).unwrap();
    assert_eq!(
        (fresh_item.clock, fresh_item.bucket),
        (ClockKind::FirstResponse, Bucket::DueSoon)
    );
}

#[test]
fn a_short_horizon_leaves_out_what_is_not_due_soon() {
    let mut ws = Workspace::default();
    let fresh = lead(&ws, "Fresh", "2026-03-02 10:59");
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
        let urgencies: Vec<_> = queue
            .iter()
            .filter(|i| i.lane == lane)
            .map(|i| i.status.urgency())
            .collect();
        assert!(
            urgencies.windows(2).all(|w| w[0] <= w[1]),
            "{lane:?}: most urgent first"
        );
    }
}
