use super::*;
use crate::domain::calendar::{BusinessCalendar, CalendarSpec};
use crate::domain::lead::{Closure, LeadDraft, LeadId};
use chrono::TimeZone;

fn t(day: u32, hour: u32) -> DateTime<Utc> {
    // 2026-03-02 is a Monday; 01:00 UTC is 08:00 in Vietnam.
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
}

fn lead(n: u128, source: &str, path: &[(&str, u32)], closure: Option<(LossKind, &str)>) -> Lead {
    let p = Pipeline::default();
    let draft = LeadDraft {
        name: format!("L{n}"),
        phone: "0912345678".into(),
        email: String::new(),
        source: source.into(),
        ..Default::default()
    };
    let mut l = Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::from_u128(n)),
        t(2, 1),
        &p,
    )
    .unwrap();
    for (stage, hour) in path {
        l.move_to(&StageId::new(*stage), &p, None, t(2, *hour))
            .unwrap();
    }
    if let Some((kind, reason)) = closure {
        l.mark_lost(
            Closure {
                kind,
                reason: reason.into(),
            },
            &p,
            None,
            t(3, 1),
        )
        .unwrap();
    }
    l
}

#[test]
fn hand_computed_funnel() {
    let leads = [
        lead(1, "Facebook", &[], Some((LossKind::Junk, "wrong number"))),
        lead(2, "Facebook", &[], Some((LossKind::Junk, "wrong number"))),
        lead(
            3,
            "Facebook",
            &[("interested", 3)],
            Some((LossKind::Lost, "price too high")),
        ),
        lead(4, "Google", &[("interested", 2), ("qualified", 4)], None),
        lead(5, "Google", &[("qualified", 3), ("won", 5)], None), // skipped Interested
        lead(6, "Zalo", &[], None),
    ];
    let p = Pipeline::default();
    let cal = BusinessCalendar::new(CalendarSpec::vietnam()).unwrap();
    let f = funnel(&leads, &p, &cal, &FunnelFilter::default());
    assert_eq!(f.total, 6);
    let reached: Vec<u32> = f.steps.iter().map(|s| s.reached).collect();
    assert_eq!(reached, [6, 3, 2, 1], "new, interested, qualified, won");
    assert_eq!(f.steps[0].conversion, Some(0.5));
    // Of the six at New: three went on, two were junk, one is still there.
    assert_eq!(f.steps[0].drop_off, Some(2.0 / 6.0));
    assert_eq!(f.steps[0].open_here, 1);
    for (s, next) in f.steps.iter().zip(&f.steps[1..]) {
        assert_eq!(
            s.reached,
            next.reached + s.lost_here + s.junk_here + s.open_here,
            "{}",
            s.name
        );
    }
    assert_eq!(f.steps[3].conversion, None);
    assert_eq!((f.steps[0].junk_here, f.steps[0].lost_here), (2, 0));
    assert_eq!(f.steps[0].reasons, [("wrong number".to_owned(), 2)]);
    assert_eq!((f.steps[1].junk_here, f.steps[1].lost_here), (0, 1));
    assert_eq!(f.steps[0].team, Team::Marketing);
    assert_eq!(f.steps[2].team, Team::Sales);
    // Time in New (business time from 08:00 local): leads 3, 4, 5 left after 2, 1, 2 hours;
    // junk leads 1, 2 left on Tuesday 08:00 after a full 8-hour Monday.
    assert_eq!(f.steps[0].median_time, Some(TimeDelta::hours(2)));
    let google = FunnelFilter {
        source: Some("google".into()),
        ..FunnelFilter::default()
    };
    let g = funnel(&leads, &p, &cal, &google);
    assert_eq!(
        g.steps.iter().map(|s| s.reached).collect::<Vec<_>>(),
        [2, 2, 2, 1]
    );
    let none = FunnelFilter {
        from: Some(t(10, 0)),
        ..FunnelFilter::default()
    };
    assert_eq!(funnel(&leads, &p, &cal, &none).steps[0].conversion, None);
}

#[test]
fn a_stage_no_lead_entered_was_reached_by_none() {
    // A stage added between Interested and Qualified after every lead
    // moved on: the leads past it never were in it.
    let leads = [
        lead(1, "Zalo", &[("interested", 2), ("qualified", 3)], None),
        lead(
            2,
            "Zalo",
            &[("interested", 2), ("qualified", 3), ("won", 4)],
            None,
        ),
        lead(3, "Zalo", &[("interested", 2)], None),
        lead(4, "Zalo", &[], None),
    ];
    let mut stages = Pipeline::default().stages().to_vec();
    let mut demo = stages[1].clone();
    (demo.id, demo.name) = (StageId::new("demo"), "Demo".into());
    stages.insert(2, demo);
    let p = Pipeline::new(stages, &StageId::new("qualified")).unwrap();
    let cal = BusinessCalendar::new(CalendarSpec::vietnam()).unwrap();
    let f = funnel(&leads, &p, &cal, &FunnelFilter::default());
    let names: Vec<&str> = f.steps.iter().map(|s| s.stage.as_str()).collect();
    assert_eq!(names, ["new", "interested", "demo", "qualified", "won"]);
    let reached: Vec<u32> = f.steps.iter().map(|s| s.reached).collect();
    assert_eq!(reached, [4, 3, 0, 2, 1], "not 2 for Demo");
    let demo = &f.steps[2];
    assert_eq!((demo.conversion, demo.drop_off), (None, None), "not 100 %");
    // Interested converts into the next stage leads were in.
    assert_eq!(f.steps[1].conversion, Some(2.0 / 3.0));
    assert_eq!(f.steps[3].conversion, Some(0.5));
    // A step nobody got to yet is 0 reached, and 0 % of the step before.
    let early = funnel(&leads[2..], &p, &cal, &FunnelFilter::default());
    let reached: Vec<u32> = early.steps.iter().map(|s| s.reached).collect();
    assert_eq!(reached, [2, 1, 0, 0, 0]);
    assert_eq!(early.steps[1].conversion, Some(0.0));
    assert_eq!(early.steps[2].conversion, None);
}

#[test]
fn medians() {
    let mut v: Vec<TimeDelta> = [5, 1, 3].map(TimeDelta::minutes).to_vec();
    assert_eq!(median(&mut v), Some(TimeDelta::minutes(3)));
    let mut even: Vec<TimeDelta> = [4, 1, 3, 2].map(TimeDelta::minutes).to_vec();
    assert_eq!(median(&mut even), Some(TimeDelta::minutes(2)));
    assert_eq!(median(&mut []), None);
}
