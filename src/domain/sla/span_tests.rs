//! Targets in working days (module docs: N working days of business time,
//! a working day being the calendar's), across special days, holidays and
//! a DST change; their written form.

use super::*;
use crate::domain::calendar::{BusinessCalendar, CalendarSpec, DaySpec, WeekSpec};
use crate::domain::lead::{LeadDraft, LeadId};
use chrono::TimeZone;

fn office() -> Vec<(String, String)> {
    vec![
        ("08:00".into(), "12:00".into()),
        ("13:30".into(), "17:30".into()),
    ]
}

fn calendar(tz: &str, holidays: &[&str], special: &[(&str, &[(&str, &str)])]) -> BusinessCalendar {
    let day = if tz == "Asia/Ho_Chi_Minh" {
        office()
    } else {
        vec![("09:00".to_owned(), "17:00".to_owned())]
    };
    BusinessCalendar::new(CalendarSpec {
        timezone: tz.into(),
        week: WeekSpec {
            mon: day.clone(),
            tue: day.clone(),
            wed: day.clone(),
            thu: day.clone(),
            fri: day,
            ..WeekSpec::default()
        },
        holidays: holidays.iter().map(|s| s.to_string()).collect(),
        exceptions: special
            .iter()
            .map(|(date, hours)| DaySpec {
                date: date.to_string(),
                hours: hours
                    .iter()
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .collect(),
                name: String::new(),
            })
            .collect(),
    })
    .unwrap()
}

fn local(tz: &str, s: &str) -> DateTime<Utc> {
    let tz: chrono_tz::Tz = tz.parse().unwrap();
    let n = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    tz.from_local_datetime(&n)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

/// The first-response deadline of a lead created at `created` (local) under
/// a target of `days` working days, on `cal`.
fn due(cal: &BusinessCalendar, tz: &str, created: &str, days: u32) -> DateTime<Utc> {
    let pipeline = Pipeline::default();
    let mut policies = SlaPolicies::default();
    policies.default.first_response = Span::WorkingDays(days);
    let lead = Lead::create(
        &LeadDraft {
            name: "Hà".into(),
            phone: "0912345678".into(),
            source: "Zalo".into(),
            ..Default::default()
        },
        LeadId::from_uuid(uuid::Uuid::nil()),
        local(tz, created),
        &pipeline,
    )
    .unwrap();
    let ctx = SlaContext {
        calendar: cal,
        pipeline: &pipeline,
        policies: &policies,
    };
    match evaluate(ctx, &lead, &[], local(tz, created)).first_response {
        Status::Pending { due, .. } | Status::AtRisk { due, .. } => due,
        other => panic!("a running clock: {other:?}"),
    }
}

#[test]
fn two_working_days_are_two_days_of_the_calendars_hours() {
    const VN: &str = "Asia/Ho_Chi_Minh";
    let check = |cal: &BusinessCalendar, created: &str, days: u32, expected: &str| {
        assert_eq!(
            due(cal, VN, created, days),
            local(VN, expected),
            "{created} + {days} working days"
        );
    };
    let plain = calendar(VN, &[], &[]);
    // Monday 10:00 + 2 working days: Wednesday 10:00.
    check(&plain, "2026-03-02 10:00", 2, "2026-03-04 10:00");
    // Friday 17:00: 30 min on Friday, the rest next week.
    check(&plain, "2026-03-06 17:00", 1, "2026-03-09 17:00");
    // At night: from the next opening.
    check(&plain, "2026-03-02 22:00", 1, "2026-03-03 17:30");
    // A holiday in between counts nothing.
    let holiday = calendar(VN, &["2026-03-03"], &[]);
    check(&holiday, "2026-03-02 10:00", 2, "2026-03-05 10:00");
    // A half day counts half; a make-up Saturday counts its hours.
    let half = calendar(VN, &[], &[("2026-03-03", &[("08:00", "12:00")])]);
    check(&half, "2026-03-02 10:00", 2, "2026-03-04 15:30");
    let saturday = calendar(
        VN,
        &[],
        &[("2026-03-07", &[("08:00", "12:00"), ("13:30", "17:30")])],
    );
    check(&saturday, "2026-03-06 10:00", 1, "2026-03-07 10:00");
}

#[test]
fn working_days_keep_the_hour_across_a_change_of_clocks() {
    // New York moves to daylight time on Sunday 8 March 2026.
    const NY: &str = "America/New_York";
    let cal = calendar(NY, &[], &[]);
    assert_eq!(cal.working_day(), TimeDelta::hours(8));
    assert_eq!(
        due(&cal, NY, "2026-03-06 10:00", 2),
        local(NY, "2026-03-10 10:00"),
        "Friday 10:00 EST + 2 working days: Tuesday 10:00 EDT"
    );
}

#[test]
fn a_target_is_written_as_minutes_or_working_days() {
    for (json, span) in [
        ("60", Span::Minutes(60)),
        (r#"{"working_days":2}"#, Span::WorkingDays(2)),
    ] {
        assert_eq!(serde_json::from_str::<Span>(json).unwrap(), span);
        assert_eq!(serde_json::to_string(&span).unwrap(), json);
    }
    for bad in [r#""2 days""#, r#"{"days":2}"#, "-5", "1.5", "{}"] {
        let err = serde_json::from_str::<Span>(bad).unwrap_err().to_string();
        assert!(!err.is_empty(), "{bad} refused");
    }
    assert_eq!(
        Span::WorkingDays(2).delta(TimeDelta::hours(8)),
        TimeDelta::hours(16)
    );
}
