//! The hand-computed workspace of the scorecard's tests.

use super::*;
use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
use crate::domain::calendar::CalendarSpec;
use crate::domain::lead::{Closure, Csat, Lead, LeadDraft, LeadId, LossKind};
use crate::domain::pipeline::StageId;
use crate::domain::rep::{Membership, Rep};
use crate::domain::test_support::vn;
use crate::domain::workspace::Workspace;
use chrono::NaiveDate;

pub(super) fn binh() -> RepId {
    RepId::new("binh")
}

/// Four leads created on Monday 2026-03-02 09:00 (week 2026-W10), scored on Tuesday 12:00:
/// - L1 Facebook, binh calls at 09:20 and connects; qualified, then won with CSAT 5.
/// - L2 Facebook, junk at 09:30, never called, no owner.
/// - L3 Google, binh calls at 10:30 (no answer); moved to Qualified.
/// - L4 Zalo, binh owns it and never calls.
pub(super) fn world() -> Workspace {
    world_of(1)
}

/// [`world`]'s four leads `copies` times over (new ids, same times): every
/// rate, median and mean is the same, counts are `copies` times larger, so
/// the figures over leads rest on enough cases for a verdict.
pub(super) fn world_of(copies: u128) -> Workspace {
    let mut ws = Workspace {
        calendar: CalendarSpec::vietnam(),
        ..Workspace::default()
    };
    ws.reps = vec![
        Rep::new(binh().as_str(), "Bình", Membership::Sales, 10),
        Rep::new("an", "An", Membership::Marketing, 10),
    ];
    for copy in 0..copies {
        let (leads, activities) = four_leads(&ws, copy * 10);
        ws.leads.extend(leads);
        ws.activities.extend(activities);
    }
    ws
}

fn four_leads(ws: &Workspace, first_id: u128) -> (Vec<Lead>, Vec<Activity>) {
    let p = ws.pipeline.clone();
    let created = vn("2026-03-02 09:00");
    let mk = |n: u128, source: &str| {
        let draft = LeadDraft {
            name: format!("L{n}"),
            phone: "0912345678".into(),
            email: String::new(),
            source: source.into(),
            ..Default::default()
        };
        Lead::create(
            &draft,
            LeadId::from_uuid(uuid::Uuid::from_u128(first_id + n)),
            created,
            &p,
        )
        .unwrap()
    };
    let call = |lead: &Lead, at: &str, outcome| Activity {
        lead: lead.id(),
        at: vn(at),
        kind: ActivityKind::Call,
        direction: Direction::Outbound,
        outcome,
        rep: Some(binh()),
        note: None,
        by: None,
        extra: Default::default(),
    };
    let mut l1 = mk(1, "Facebook");
    l1.assign(Some(binh()), created);
    for (stage, at) in [
        ("interested", "2026-03-02 10:00"),
        ("qualified", "2026-03-02 11:00"),
        ("won", "2026-03-02 15:00"),
    ] {
        l1.move_to(&StageId::new(stage), &p, None, vn(at)).unwrap();
    }
    l1.set_csat(Some(Csat::try_from(5).unwrap()), vn("2026-03-02 15:00"));
    let mut l2 = mk(2, "Facebook");
    l2.mark_lost(
        Closure {
            kind: LossKind::Junk,
            reason: "fake name".into(),
        },
        &p,
        None,
        vn("2026-03-02 09:30"),
    )
    .unwrap();
    let mut l3 = mk(3, "Google");
    l3.assign(Some(binh()), created);
    l3.move_to(&StageId::new("qualified"), &p, None, vn("2026-03-02 11:00"))
        .unwrap();
    let mut l4 = mk(4, "Zalo");
    l4.assign(Some(binh()), created);
    let activities = vec![
        call(&l1, "2026-03-02 09:20", Outcome::Connected),
        call(&l3, "2026-03-02 10:30", Outcome::NoAnswer),
    ];
    (vec![l1, l2, l3, l4], activities)
}

/// [`world_of`] with every L4 closed as lost on Monday 17:00 (nobody could
/// reach it): every lead's gate and sale are settled, so the rates over
/// outcomes get verdicts — qualified 50 % (L1, L3), junk 25 % (L2), won
/// 50 % of the closed leads and lead → won 1 in 3 closed… of 4 leads.
pub(super) fn settled_world(copies: u128) -> Workspace {
    let mut ws = world_of(copies);
    let pipeline = ws.pipeline.clone();
    for lead in ws.leads.iter_mut().filter(|l| l.name() == "L4") {
        lead.mark_lost(
            Closure {
                kind: LossKind::Lost,
                reason: "no answer".into(),
            },
            &pipeline,
            None,
            vn("2026-03-02 17:00"),
        )
        .unwrap();
    }
    ws
}

pub(super) fn now() -> DateTime<Utc> {
    vn("2026-03-03 12:00")
}

pub(super) fn week() -> Period {
    Period::Week(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
}
