//! The plan's rules on a hand-made month, and the statements' properties.

use super::*;
use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
use crate::domain::calendar::CalendarSpec;
use crate::domain::lead::{Closure, Lead, LeadDraft, LossKind};
use crate::domain::pipeline::{Pipeline, StageId};
use crate::domain::rep::{Membership, Rep};
use crate::domain::scorecard::{Goal, Target};
use crate::domain::test_support::vn;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;
use proptest::prelude::*;

fn march() -> Period {
    Period::Month(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap())
}

fn now() -> DateTime<Utc> {
    vn("2026-04-02 12:00")
}

fn rep(id: &str) -> RepId {
    RepId::new(id)
}

fn lead(n: u128, created: &str, p: &Pipeline) -> Lead {
    let draft = LeadDraft {
        name: format!("L{n}"),
        phone: "0912345678".into(),
        source: "Zalo".into(),
        ..Default::default()
    };
    Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::from_u128(n)),
        vn(created),
        p,
    )
    .unwrap()
}

/// March 2026: Lan answers twelve leads in time, wins two of them
/// (₫100,000,000 and ₫50,000,000) and lets one lead go unanswered
/// (breached): 12 of 13 first responses in time; Minh has no lead; one
/// junk lead. Hoa and Mai are Marketing.
fn world() -> Workspace {
    let mut ws = Workspace {
        calendar: CalendarSpec::vietnam(),
        ..Workspace::default()
    };
    ws.reps = vec![
        Rep::new("lan", "Lan", Membership::Sales, 40),
        Rep::new("minh", "Minh", Membership::Sales, 40),
        Rep::new("hoa", "Hoa", Membership::Marketing, 40),
        Rep::new("mai", "Mai", Membership::Marketing, 40),
    ];
    let p = ws.pipeline.clone();
    let call = |l: &Lead, at: &str| Activity {
        lead: l.id(),
        at: vn(at),
        kind: ActivityKind::Call,
        direction: Direction::Outbound,
        outcome: Outcome::Connected,
        rep: Some(rep("lan")),
        note: None,
        by: None,
        extra: Default::default(),
    };
    for (n, value) in [(1u128, 100_000_000u64), (2, 50_000_000)] {
        let mut l = lead(n, "2026-03-02 09:00", &p);
        l.assign(Some(rep("lan")), vn("2026-03-02 09:00"));
        l.set_value(Some(value), vn("2026-03-02 09:01"));
        ws.activities.push(call(&l, "2026-03-02 09:05"));
        l.move_to(&StageId::new("won"), &p, None, vn("2026-03-10 10:00"))
            .unwrap();
        ws.leads.push(l);
    }
    // Ten more answered in time and lost: enough leads for a verdict.
    for n in 20..30u128 {
        let mut l = lead(n, "2026-03-05 09:00", &p);
        l.assign(Some(rep("lan")), vn("2026-03-05 09:00"));
        ws.activities.push(call(&l, "2026-03-05 09:05"));
        l.mark_lost(
            Closure {
                kind: LossKind::Lost,
                reason: "chose a competitor".into(),
            },
            &p,
            None,
            vn("2026-03-05 09:10"),
        )
        .unwrap();
        ws.leads.push(l);
    }
    // Never answered: its first response is breached.
    let mut late = lead(3, "2026-03-03 09:00", &p);
    late.assign(Some(rep("lan")), vn("2026-03-03 09:00"));
    ws.leads.push(late);
    let mut junk = lead(4, "2026-03-04 09:00", &p);
    junk.mark_lost(
        Closure {
            kind: LossKind::Junk,
            reason: "fake".into(),
        },
        &p,
        None,
        vn("2026-03-04 09:05"),
    )
    .unwrap();
    ws.leads.push(junk);
    // Won in February: not March's.
    let mut old = lead(5, "2026-02-02 09:00", &p);
    old.assign(Some(rep("lan")), vn("2026-02-02 09:00"));
    old.set_value(Some(999_000_000), vn("2026-02-02 09:01"));
    old.move_to(&StageId::new("won"), &p, None, vn("2026-02-20 10:00"))
        .unwrap();
    ws.leads.push(old);
    ws
}

fn plan() -> RewardPlan {
    RewardPlan {
        currency: "VND".into(),
        sales: TeamRule {
            share_percent: 2.0,
            multipliers: vec![Multiplier {
                kpi: Kpi::FirstResponseWithinSla,
                met: 1.2,
                missed: 0.5,
            }],
            penalty: 100_000,
            penalty_cap: Some(300_000),
            floor: 1_000_000,
            cap: Some(10_000_000),
        },
        marketing: TeamRule {
            share_percent: 1.0,
            multipliers: Vec::new(),
            penalty: 200_000,
            penalty_cap: None,
            floor: 0,
            cap: None,
        },
    }
}

fn of<'a>(all: &'a [Statement], whose: &Whose) -> &'a Statement {
    all.iter().find(|s| s.whose == *whose).expect("a statement")
}

#[test]
fn a_rep_earns_the_share_of_their_won_deals_with_factors_and_penalties() {
    let mut ws = world();
    ws.targets.set(
        Some(Scope::Rep(rep("lan"))),
        Kpi::FirstResponseWithinSla,
        Target {
            goal: Goal::AtLeast,
            value: 95.0,
        },
    );
    let p = Prepared::new(&ws, now()).unwrap();
    let all = statements(&p, &plan(), march(), now());
    let lan = of(&all, &Whose::Person(Side::Sales, rep("lan")));
    let amounts: Vec<i64> = lan.lines.iter().map(|l| l.amount).collect();
    // 2 % of ₫150,000,000 = 3,000,000; first response missed (12 of 13 in
    // time, under 95 %): × 0.5 → −1,500,000; one breached lead −100,000.
    assert_eq!(amounts, vec![3_000_000, -1_500_000, -100_000]);
    assert_eq!(lan.total, 1_400_000);
    assert_eq!(lan.lines[0].leads.len(), 2, "the two deals won in March");
    assert!(matches!(
        lan.lines[1].what,
        LineKind::Factor {
            status: KpiStatus::Missed,
            ..
        }
    ));
    let unanswered = ws.leads.iter().find(|l| l.name() == "L3").unwrap().id();
    assert_eq!(lan.lines[2].leads, vec![unanswered]);
    // Minh: nothing won, nothing breached: exactly the floor.
    let minh = of(&all, &Whose::Person(Side::Sales, rep("minh")));
    assert_eq!(minh.total, 1_000_000);
    assert_eq!(minh.lines.last().unwrap().what, LineKind::Floor(1_000_000));
    // Sales' team: the sum of its reps'.
    let sales = of(&all, &Whose::Team(Side::Sales));
    assert_eq!(sales.total, 2_400_000);
}

#[test]
fn a_rep_made_inactive_still_gets_the_month_they_worked() {
    let mut ws = world();
    for r in ws.reps.iter_mut() {
        r.active = false;
    }
    let p = Prepared::new(&ws, now()).unwrap();
    let all = statements(&p, &plan(), march(), now());
    let lan = of(&all, &Whose::Person(Side::Sales, rep("lan")));
    assert_eq!(lan.lines[0].leads.len(), 2, "her deals still count");
    // Minh, inactive with nothing that month, has no statement.
    assert!(
        !all.iter()
            .any(|s| s.whose == Whose::Person(Side::Sales, rep("minh")))
    );
}

#[test]
fn marketing_shares_its_pool_evenly_and_pays_for_junk() {
    let ws = world();
    let p = Prepared::new(&ws, now()).unwrap();
    let all = statements(&p, &plan(), march(), now());
    let pool = of(&all, &Whose::Team(Side::Marketing));
    // 1 % of ₫150,000,000, less 200,000 for the junk lead.
    assert_eq!(pool.total, 1_300_000);
    let hoa = of(&all, &Whose::Person(Side::Marketing, rep("hoa")));
    let mai = of(&all, &Whose::Person(Side::Marketing, rep("mai")));
    assert_eq!(hoa.total + mai.total, pool.total);
    assert_eq!(hoa.total, 650_000);
}

#[test]
fn the_audit_pass_rate_drives_a_multiplier_once_enough_calls_are_audited() {
    use crate::domain::audit::{Draw, Verdict, is_auditable, key};
    let mut ws = world();
    let mut plan = plan();
    plan.sales.multipliers = vec![Multiplier {
        kpi: Kpi::AuditPassRate,
        met: 1.1,
        missed: 0.5,
    }];
    let draw = Draw {
        seed: 1,
        from: vn("2026-03-01 00:00"),
        to: vn("2026-04-01 00:00"),
        per_rep: 10,
    };
    let calls: Vec<Activity> = ws
        .activities
        .iter()
        .filter(|a| a.rep == Some(rep("lan")) && is_auditable(a))
        .cloned()
        .collect();
    assert!(calls.len() >= 10);
    let factor = |ws: &Workspace| {
        let p = Prepared::new(ws, now()).unwrap();
        let all = statements(&p, &plan, march(), now());
        let lan = of(&all, &Whose::Person(Side::Sales, rep("lan")));
        match &lan.lines[1].what {
            LineKind::Factor { status, .. } => (*status, lan.lines[1].amount),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(factor(&ws), (KpiStatus::NoData, 0), "no audit: no change");
    let audit = |ws: &mut Workspace, a: &Activity, passed: bool| {
        let v = Verdict {
            of: key(a),
            of_at: a.at,
            passed,
            checks: Vec::new(),
            draw,
        };
        ws.activities
            .push(v.record(a.lead, a, "", Some("hoa"), now()));
    };
    for a in &calls[..9] {
        audit(&mut ws, a, true);
    }
    assert_eq!(factor(&ws), (KpiStatus::TooFew { cases: 9 }, 0));
    // The tenth fails: 9 of 10, 90 %, meets the default floor of 90 %.
    audit(&mut ws, &calls[9], false);
    assert_eq!(factor(&ws), (KpiStatus::Met, 300_000));
    // Audited again and failed: 8 of 10, missed.
    audit(&mut ws, &calls[0], false);
    assert_eq!(factor(&ws), (KpiStatus::Missed, -1_500_000));
}

#[test]
fn a_kpi_without_a_verdict_leaves_the_amount_as_it_is() {
    let ws = world();
    let p = Prepared::new(&ws, now()).unwrap();
    let mut plan = plan();
    let nowhere = Kpi::LeadsFromSource("Nowhere".into());
    plan.sales.multipliers[0].kpi = nowhere.clone();
    let all = statements(&p, &plan, march(), now());
    let lan = of(&all, &Whose::Person(Side::Sales, rep("lan")));
    assert_eq!(
        lan.lines[1],
        Line {
            what: LineKind::Factor {
                kpi: nowhere,
                status: KpiStatus::NoData,
                factor: 1.0,
            },
            amount: 0,
            leads: Vec::new(),
        }
    );
}

#[test]
fn the_cap_cuts_and_penalties_stop_at_theirs() {
    let mut ws = world();
    let p0 = ws.pipeline.clone();
    for n in 10..20u128 {
        let mut l = lead(n, "2026-03-05 09:00", &p0);
        l.assign(Some(rep("minh")), vn("2026-03-05 09:00"));
        ws.leads.push(l);
    }
    let mut plan = plan();
    plan.sales.cap = Some(2_000_000);
    plan.sales.floor = 0;
    plan.sales.multipliers.clear();
    let p = Prepared::new(&ws, now()).unwrap();
    let all = statements(&p, &plan, march(), now());
    let minh = of(&all, &Whose::Person(Side::Sales, rep("minh")));
    assert_eq!(
        minh.lines[1].what,
        LineKind::Penalty {
            count: 10,
            each: 100_000,
            capped: true
        }
    );
    assert_eq!(minh.lines[1].amount, -300_000, "capped at 300,000");
    plan.sales.share_percent = 10.0;
    let all = statements(&p, &plan, march(), now());
    let lan = of(&all, &Whose::Person(Side::Sales, rep("lan")));
    assert_eq!(lan.total, 2_000_000);
    assert_eq!(lan.lines.last().unwrap().what, LineKind::Cap(2_000_000));
}

#[test]
fn plans_are_checked_field_by_field() {
    let mut bad = plan();
    bad.currency = "đồng".into();
    bad.sales.share_percent = 120.0;
    bad.sales.multipliers.push(Multiplier {
        kpi: Kpi::FirstResponseWithinSla,
        met: 9.0,
        missed: 1.0,
    });
    bad.marketing.floor = -1;
    bad.marketing.cap = Some(5);
    bad.marketing.floor = 10;
    assert_eq!(
        bad.check(),
        vec![
            PlanError::Currency("đồng".into()),
            PlanError::Share(Side::Sales, 120.0),
            PlanError::Factor(Side::Sales, Kpi::FirstResponseWithinSla, 9.0),
            PlanError::TwiceKpi(Side::Sales, Kpi::FirstResponseWithinSla),
            PlanError::CapBelowFloor(Side::Marketing, 5, 10),
        ]
    );
    assert_eq!(plan().check(), Vec::new());
    assert_eq!(RewardPlan::default().check(), Vec::new());
}

#[test]
fn a_plan_round_trips_through_the_settings() {
    let mut s = Workspace::default().settings();
    assert_eq!(RewardPlan::of(&s), None);
    plan().put(&mut s);
    assert_eq!(RewardPlan::of(&s), Some(plan()));
}

proptest! {
    /// Whatever the plan, every statement's lines add up to its total, the
    /// penalties never pass their cap, each person gets at least the floor
    /// (and at most the cap), and the team statements are the sums of
    /// their people's.
    #[test]
    fn statements_add_up(
        share in 0.0f64..100.0,
        met in 0.0f64..5.0,
        missed in 0.0f64..5.0,
        penalty in 0i64..1_000_000,
        penalty_cap in proptest::option::of(0i64..2_000_000),
        floor in 0i64..3_000_000,
        above in proptest::option::of(0i64..5_000_000),
        target in 0.0f64..100.0,
    ) {
        let mut ws = world();
        ws.targets.set(
            None,
            Kpi::FirstResponseWithinSla,
            Target { goal: Goal::AtLeast, value: target },
        );
        let rule = TeamRule {
            share_percent: share,
            multipliers: vec![Multiplier { kpi: Kpi::FirstResponseWithinSla, met, missed }],
            penalty,
            penalty_cap,
            floor,
            cap: above.map(|a| floor + a),
        };
        let plan = RewardPlan { currency: "VND".into(), sales: rule.clone(), marketing: rule.clone() };
        prop_assert!(plan.check().is_empty());
        let p = Prepared::new(&ws, now()).unwrap();
        let all = statements(&p, &plan, march(), now());
        for s in &all {
            prop_assert_eq!(s.lines.iter().map(|l| l.amount).sum::<i64>(), s.total);
            for l in &s.lines {
                if let (LineKind::Penalty { .. }, Some(cap)) = (&l.what, rule.penalty_cap) {
                    prop_assert!(-l.amount <= cap);
                }
            }
            match &s.whose {
                Whose::Person(Side::Sales, _) | Whose::Team(Side::Marketing) => {
                    prop_assert!(s.total >= floor);
                    if let Some(cap) = rule.cap {
                        prop_assert!(s.total <= cap);
                    }
                }
                _ => {}
            }
        }
        let sum = |side: Side| -> i64 {
            all.iter().filter(|s| matches!(&s.whose, Whose::Person(x, _) if *x == side)).map(|s| s.total).sum()
        };
        prop_assert_eq!(of(&all, &Whose::Team(Side::Sales)).total, sum(Side::Sales));
        prop_assert_eq!(of(&all, &Whose::Team(Side::Marketing)).total, sum(Side::Marketing));
        // Minh (no deal won, no lead breached) gets exactly the floor.
        prop_assert_eq!(of(&all, &Whose::Person(Side::Sales, rep("minh"))).total, floor);
    }
}
