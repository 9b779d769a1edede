use super::*;
use crate::domain::activity::{ActivityKind, Channel, Direction, Outcome};
use crate::domain::calendar::{BusinessCalendar, CalendarSpec};
use crate::domain::lead::{Closure, LeadDraft, LeadId, LossKind};
use crate::domain::test_support::vn;

fn mins(m: i64) -> TimeDelta {
    TimeDelta::minutes(m)
}

fn pipeline() -> Pipeline {
    let mut stages = Pipeline::default().stages().to_vec();
    let mut waiting = stages[1].clone();
    waiting.id = StageId::new("waiting");
    waiting.name = "Waiting for customer".into();
    waiting.pauses_sla = true;
    stages.insert(2, waiting);
    Pipeline::new(stages, &StageId::new("qualified")).unwrap()
}

struct World {
    cal: BusinessCalendar,
    pipeline: Pipeline,
    policies: SlaPolicies,
}

impl World {
    fn new() -> World {
        World {
            cal: BusinessCalendar::new(CalendarSpec::vietnam()).unwrap(),
            pipeline: pipeline(),
            policies: SlaPolicies::default(),
        }
    }

    fn ctx(&self) -> SlaContext<'_> {
        SlaContext {
            calendar: &self.cal,
            pipeline: &self.pipeline,
            policies: &self.policies,
        }
    }

    fn lead(&self, created: &str) -> Lead {
        let draft = LeadDraft {
            name: "Đặng Thu Hà".into(),
            phone: "0912345678".into(),
            email: String::new(),
            source: "Facebook".into(),
            ..Default::default()
        };
        Lead::create(
            &draft,
            LeadId::from_uuid(uuid::Uuid::nil()),
            vn(created),
            &self.pipeline,
        )
        .unwrap()
    }

    fn clocks(&self, lead: &Lead, acts: &[Activity], now: &str) -> LeadClocks {
        evaluate(self.ctx(), lead, acts, vn(now))
    }
}

fn act(
    at: &str,
    kind: ActivityKind,
    direction: Direction,
    outcome: Outcome,
    rep: &str,
) -> Activity {
    Activity {
        lead: LeadId::from_uuid(uuid::Uuid::nil()),
        at: vn(at),
        kind,
        direction,
        outcome,
        rep: (!rep.is_empty()).then(|| RepId::new(rep)),
        note: None,
        by: None,
        extra: Default::default(),
    }
}

fn call(at: &str, outcome: Outcome) -> Activity {
    act(at, ActivityKind::Call, Direction::Outbound, outcome, "binh")
}

const MON: &str = "2026-03-02 09:00";

#[test]
fn first_response_pending_at_risk_breached_met() {
    let w = World::new();
    let lead = w.lead(MON);
    let fr = |acts: &[Activity], now: &str| w.clocks(&lead, acts, now).first_response;
    let due = vn("2026-03-02 10:00");
    assert_eq!(
        fr(&[], "2026-03-02 09:30"),
        Status::Pending {
            due,
            remaining: mins(30)
        }
    );
    assert_eq!(
        fr(&[], "2026-03-02 09:50"),
        Status::AtRisk {
            due,
            remaining: mins(10)
        }
    );
    assert_eq!(
        fr(&[], "2026-03-02 10:30"),
        Status::Breached {
            due,
            overdue: mins(30),
            done: None
        }
    );
    let on_time = [call("2026-03-02 09:40", Outcome::NoAnswer)];
    assert_eq!(
        fr(&on_time, "2026-03-02 15:00"),
        Status::Met {
            at: vn("2026-03-02 09:40"),
            used: mins(40)
        }
    );
    let late = [call("2026-03-02 10:20", Outcome::Connected)];
    assert_eq!(
        fr(&late, "2026-03-02 15:00"),
        Status::Breached {
            due,
            overdue: mins(20),
            done: Some(vn("2026-03-02 10:20"))
        }
    );
    // Inbound calls and notes are not responses.
    let not_responses = [
        act(
            "2026-03-02 09:10",
            ActivityKind::Call,
            Direction::Inbound,
            Outcome::Connected,
            "binh",
        ),
        act(
            "2026-03-02 09:20",
            ActivityKind::Note,
            Direction::Outbound,
            Outcome::Sent,
            "binh",
        ),
    ];
    assert!(fr(&not_responses, "2026-03-02 10:30").is_breached());
}

#[test]
fn first_response_counts_business_hours_only() {
    let w = World::new();
    let lead = w.lead("2026-03-06 17:00"); // Friday, 30 minutes before closing
    let fr = w.clocks(&lead, &[], "2026-03-07 10:00").first_response; // Saturday
    assert_eq!(
        fr,
        Status::Pending {
            due: vn("2026-03-09 08:30"),
            remaining: mins(30)
        }
    );
    let zalo = act(
        "2026-03-09 08:20",
        ActivityKind::Message(Channel::Zalo),
        Direction::Outbound,
        Outcome::Sent,
        "an",
    );
    assert_eq!(
        w.clocks(&lead, &[zalo], "2026-03-09 12:00").first_response,
        Status::Met {
            at: vn("2026-03-09 08:20"),
            used: mins(50)
        }
    );
}

#[test]
fn a_pausing_stage_stops_the_clock() {
    let w = World::new();
    let mut lead = w.lead(MON);
    lead.move_to(
        &StageId::new("waiting"),
        &w.pipeline,
        None,
        vn("2026-03-02 09:30"),
    )
    .unwrap();
    assert_eq!(
        w.clocks(&lead, &[], "2026-03-02 11:00").first_response,
        Status::Paused {
            remaining: mins(30)
        }
    );
    lead.move_to(
        &StageId::new("new"),
        &w.pipeline,
        None,
        vn("2026-03-02 11:00"),
    )
    .unwrap();
    assert_eq!(
        w.clocks(&lead, &[], "2026-03-02 11:15").first_response,
        Status::Pending {
            due: vn("2026-03-02 11:30"),
            remaining: mins(15)
        }
    );
}

#[test]
fn closing_a_lead_stops_its_clocks() {
    let w = World::new();
    let junk = Closure {
        kind: LossKind::Junk,
        reason: "fake name".into(),
    };
    let mut early = w.lead(MON);
    early
        .mark_lost(junk.clone(), &w.pipeline, None, vn("2026-03-02 09:30"))
        .unwrap();
    let c = w.clocks(&early, &[], "2026-03-03 09:00");
    assert_eq!(
        c.first_response,
        Status::NotApplicable,
        "junked before the due time"
    );
    assert_eq!(c.nurture, Status::NotApplicable);
    let mut late = w.lead(MON);
    late.mark_lost(junk, &w.pipeline, None, vn("2026-03-02 11:00"))
        .unwrap();
    assert_eq!(
        w.clocks(&late, &[], "2026-03-03 09:00").first_response,
        Status::Breached {
            due: vn("2026-03-02 10:00"),
            overdue: mins(60),
            done: None
        }
    );
}

#[test]
fn attempts_required_within_business_time() {
    let w = World::new();
    let lead = w.lead(MON);
    let tries = [
        call("2026-03-02 09:10", Outcome::NoAnswer),
        call("2026-03-02 09:40", Outcome::Busy),
        call("2026-03-02 11:00", Outcome::NoAnswer),
    ];
    let a = w.clocks(&lead, &tries, "2026-03-02 15:00").attempts;
    assert_eq!(
        a.status,
        Status::Met {
            at: vn("2026-03-02 11:00"),
            used: mins(120)
        }
    );
    assert_eq!((a.made, a.too_many, a.short_gaps), (3, false, 1));

    let connected = [call("2026-03-02 09:10", Outcome::Connected)];
    let a = w.clocks(&lead, &connected, "2026-03-02 15:00").attempts;
    assert_eq!(
        a.status,
        Status::Met {
            at: vn("2026-03-02 09:10"),
            used: mins(10)
        },
        "contact ends the requirement"
    );

    let a = w.clocks(&lead, &[], "2026-03-03 10:00").attempts;
    assert_eq!(
        a.status,
        Status::Breached {
            due: vn("2026-03-03 09:00"),
            overdue: mins(60),
            done: None
        }
    );

    let many: Vec<Activity> = (0..7)
        .map(|d| call(&format!("2026-03-{:02} 09:00", 2 + d), Outcome::NoAnswer))
        .collect();
    assert!(w.clocks(&lead, &many, "2026-03-12 09:00").attempts.too_many);
}

#[test]
fn stage_time_limits() {
    let mut w = World::new();
    w.policies
        .default
        .stage_limits
        .insert(StageId::new("new"), Span::hours(2));
    let lead = w.lead(MON);
    assert_eq!(
        w.clocks(&lead, &[], "2026-03-02 12:30").stage_time,
        Status::Breached {
            due: vn("2026-03-02 11:00"),
            overdue: mins(60),
            done: None
        }
    );
    let mut moved = lead.clone();
    moved
        .advance(&w.pipeline, None, vn("2026-03-02 10:00"))
        .unwrap();
    assert_eq!(
        w.clocks(&moved, &[], "2026-03-02 12:30").stage_time,
        Status::NotApplicable,
        "no limit on 'interested'"
    );
}

#[test]
fn reassignment_runs_from_the_owners_last_touch() {
    let w = World::new();
    let mut lead = w.lead(MON);
    lead.assign(Some(RepId::new("binh")), vn(MON));
    let touched = [
        call("2026-03-02 10:00", Outcome::NoAnswer),
        act(
            "2026-03-02 14:00",
            ActivityKind::Call,
            Direction::Outbound,
            Outcome::NoAnswer,
            "someone-else",
        ),
    ];
    assert_eq!(
        w.clocks(&lead, &touched, "2026-03-02 16:00").reassignment,
        Status::Breached {
            due: vn("2026-03-02 15:30"),
            overdue: mins(30),
            done: None
        }
    );
    let unowned = w.lead(MON);
    assert_eq!(
        w.clocks(&unowned, &[], "2026-03-05 16:00").reassignment,
        Status::NotApplicable
    );
}

#[test]
fn nurture_ends_after_calendar_days_without_activity() {
    let w = World::new();
    let lead = w.lead(MON);
    let acts = [call("2026-03-03 09:00", Outcome::NoAnswer)];
    let c = w.clocks(&lead, &acts, "2026-04-03 09:00");
    assert_eq!(
        c.nurture,
        Status::Breached {
            due: vn("2026-04-02 09:00"),
            overdue: TimeDelta::days(1),
            done: None
        }
    );
    assert!(matches!(
        w.clocks(&lead, &acts, "2026-03-30 09:00").nurture,
        Status::AtRisk { .. }
    ));
    assert!(matches!(
        w.clocks(&lead, &acts, "2026-03-10 09:00").nurture,
        Status::Pending { .. }
    ));
}

mod rules;
mod start;
