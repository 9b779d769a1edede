//! Which policy applies, who a lead is suggested to, loads, and the
//! queue's urgency order.

use super::*;
use crate::domain::rep::Membership;

#[test]
fn first_matching_rule_wins() {
    let mut w = World::new();
    let urgent = SlaPolicy {
        name: "Urgent".into(),
        conditions: Conditions {
            priorities: vec![Priority::Urgent],
            ..Conditions::default()
        },
        first_response: Span::Minutes(15),
        ..SlaPolicy::default()
    };
    let facebook = SlaPolicy {
        name: "Facebook ads".into(),
        conditions: Conditions {
            sources: vec!["facebook".into()],
            ..Conditions::default()
        },
        first_response: Span::Minutes(30),
        ..SlaPolicy::default()
    };
    w.policies.rules = vec![urgent, facebook];
    let mut lead = w.lead(MON);
    assert_eq!(w.policies.policy_for(&lead).name, "Facebook ads");
    lead.set_priority(Priority::Urgent, vn(MON));
    assert_eq!(w.policies.policy_for(&lead).name, "Urgent");
    assert_eq!(
        w.clocks(&lead, &[], "2026-03-02 09:05").first_response,
        Status::Pending {
            due: vn("2026-03-02 09:15"),
            remaining: mins(10)
        }
    );
}

fn rep(id: &str, team: Membership, capacity: u32, active: bool) -> Rep {
    Rep {
        active,
        ..Rep::new(id, id.to_uppercase(), team, capacity)
    }
}

#[test]
fn reassignment_suggests_the_least_loaded_sales_rep_with_room() {
    let reps = [
        rep("an", Membership::Sales, 2, true),
        rep("chi", Membership::Both, 5, true),
        rep("binh", Membership::Sales, 5, true),
        rep("dung", Membership::Marketing, 5, true),
        rep("em", Membership::Sales, 5, false),
    ];
    let loads: BTreeMap<RepId, u32> = [("an", 2), ("binh", 1), ("chi", 1), ("dung", 0), ("em", 0)]
        .map(|(r, n)| (RepId::new(r), n))
        .into();
    let pick = |current: Option<&str>| {
        suggest_owner(&reps, &loads, current.map(RepId::new).as_ref())
            .map(|r| r.id.as_str().to_owned())
    };
    assert_eq!(
        pick(None).as_deref(),
        Some("binh"),
        "an is full; binh and chi tie at 1, binh sorts first"
    );
    assert_eq!(pick(Some("binh")).as_deref(), Some("chi"));
    let full: BTreeMap<RepId, u32> = [("an", 2), ("binh", 5), ("chi", 5)]
        .map(|(r, n)| (RepId::new(r), n))
        .into();
    assert_eq!(suggest_owner(&reps, &full, None), None);
}

#[test]
fn open_loads_count_only_open_leads() {
    let w = World::new();
    let mut a = w.lead(MON);
    a.assign(Some(RepId::new("binh")), vn(MON));
    let mut b = a.clone();
    let mut c = a.clone();
    c.advance(&w.pipeline, None, vn("2026-03-02 10:00"))
        .unwrap();
    b.mark_lost(
        Closure {
            kind: LossKind::Lost,
            reason: "price".into(),
        },
        &w.pipeline,
        None,
        vn("2026-03-02 10:00"),
    )
    .unwrap();
    let ws = crate::domain::workspace::Workspace {
        pipeline: w.pipeline.clone(),
        leads: vec![a, b, c],
        ..Default::default()
    };
    let p = crate::domain::workspace::Prepared::new(&ws, vn("2026-03-02 11:00")).unwrap();
    let loads = p.open_loads();
    assert_eq!(loads.get(&RepId::new("binh")), Some(&2));
}

#[test]
fn urgency_orders_breached_then_at_risk_then_pending() {
    let due = vn(MON);
    let mut list = [
        Status::Pending {
            due,
            remaining: mins(50),
        },
        Status::Met {
            at: due,
            used: mins(1),
        },
        Status::Breached {
            due,
            overdue: mins(5),
            done: None,
        },
        Status::AtRisk {
            due,
            remaining: mins(3),
        },
        Status::Breached {
            due,
            overdue: mins(90),
            done: None,
        },
    ];
    list.sort_by_key(Status::urgency);
    assert_eq!(
        list[0],
        Status::Breached {
            due,
            overdue: mins(90),
            done: None
        }
    );
    assert_eq!(
        list[1],
        Status::Breached {
            due,
            overdue: mins(5),
            done: None
        }
    );
    assert!(matches!(list[2], Status::AtRisk { .. }));
    assert!(matches!(list[3], Status::Pending { .. }));
}
