//! Dates with hours of their own: a make-up Saturday, a half day, a closed
//! date; clocks run by them, and a date given twice or overlapping its
//! neighbours is refused with its place.

use super::tests::{OFFICE, VN, VN_WEEK, at, spec};
use super::*;

fn day(date: &str, hours: &[(&str, &str)], name: &str) -> DaySpec {
    DaySpec {
        date: date.into(),
        hours: hours
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        name: name.into(),
    }
}

fn with(week: super::tests::Week, holidays: &[&str], days: Vec<DaySpec>) -> CalendarSpec {
    CalendarSpec {
        exceptions: days,
        ..spec(VN, week, holidays)
    }
}

fn check_due(c: &BusinessCalendar, start: &str, minutes: i64, expected: &str) {
    assert_eq!(
        c.due(at(VN, start), TimeDelta::minutes(minutes)),
        at(VN, expected),
        "due({start} + {minutes} min)"
    );
}

/// April 2026: Saturday 25 is a make-up working day 08:00–17:00 (for
/// Thursday 30), Wednesday 29 a half day, Thursday 30 closed.
fn april() -> BusinessCalendar {
    BusinessCalendar::new(with(
        VN_WEEK,
        &[],
        vec![
            day("2026-04-25", &[("08:00", "17:00")], "Làm bù 30/4"),
            day("2026-04-29", &[("08:00", "12:00")], "Half day"),
            day("2026-04-30", &[], "Reunification Day"),
        ],
    ))
    .unwrap()
}

#[test]
fn clocks_run_on_a_make_up_saturday_a_half_day_and_stop_on_a_closed_date() {
    let c = april();
    // Friday 17:00 + 2 h: 30 min on Friday, then the make-up Saturday.
    check_due(&c, "2026-04-24 17:00", 120, "2026-04-25 09:30");
    // The Saturday is one nine-hour stretch (no lunch written).
    check_due(&c, "2026-04-25 08:00", 540, "2026-04-25 17:00");
    check_due(&c, "2026-04-25 16:30", 60, "2026-04-27 08:30");
    // The half day ends at noon; Thursday is closed; Friday runs.
    check_due(&c, "2026-04-29 11:00", 120, "2026-05-01 09:00");
    assert_eq!(
        c.elapsed(at(VN, "2026-04-25 00:00"), at(VN, "2026-05-02 00:00")),
        TimeDelta::hours(9 + 8 + 8 + 4 + 8),
        "Saturday 9 h, Monday, Tuesday, half of Wednesday, Friday"
    );
    assert!(
        c.is_working(at(VN, "2026-04-25 12:30")),
        "no lunch on the Saturday"
    );
    assert!(
        !c.is_working(at(VN, "2026-04-29 13:30")),
        "the half day's afternoon"
    );
    assert!(!c.is_working(at(VN, "2026-04-30 09:00")), "closed");
    // A working day stays the week's: a half day is half a working day.
    assert_eq!(c.working_day(), TimeDelta::hours(8));
    // A timeline answers the same.
    let tl = Timeline::new(
        c.clone(),
        at(VN, "2026-04-01 00:00"),
        at(VN, "2026-06-01 00:00"),
    );
    for (start, m) in [("2026-04-24 17:00", 120), ("2026-04-29 11:00", 120)] {
        assert_eq!(
            tl.due(at(VN, start), TimeDelta::minutes(m)),
            c.due(at(VN, start), TimeDelta::minutes(m))
        );
    }
}

#[test]
fn an_overnight_special_day_runs_into_the_next_morning() {
    let c = BusinessCalendar::new(with(
        VN_WEEK,
        &[],
        vec![day("2026-05-02", &[("20:00", "02:00")], "Stock-take night")],
    ))
    .unwrap();
    check_due(&c, "2026-05-02 23:00", 240, "2026-05-04 09:00");
}

fn check_err(s: CalendarSpec, expected: CalendarError) {
    let err = BusinessCalendar::new(s).unwrap_err();
    assert_eq!(err, expected);
}

#[test]
fn a_special_day_given_badly_is_refused_with_its_place() {
    let at_day = |index, interval, part| CalendarField::Exception {
        index,
        interval,
        part,
    };
    check_err(
        with(VN_WEEK, &[], vec![day("2026-02-30", &[], "")]),
        CalendarError::BadHoliday {
            field: at_day(0, None, None),
            value: "2026-02-30".into(),
        },
    );
    check_err(
        with(
            VN_WEEK,
            &[],
            vec![day("2026-04-25", &[("08:00", "25:00")], "")],
        ),
        CalendarError::BadTime {
            field: at_day(0, Some(0), Some(Part::End)),
            value: "25:00".into(),
        },
    );
    check_err(
        with(
            VN_WEEK,
            &[],
            vec![
                day("2026-04-25", &[("08:00", "17:00")], ""),
                day("2026-04-25", &[], ""),
            ],
        ),
        CalendarError::TwiceGiven {
            field: at_day(1, None, None),
            other: at_day(0, None, None),
            date: "2026-04-25".into(),
        },
    );
    check_err(
        with(
            VN_WEEK,
            &["2026-01-01", "2026-04-30"],
            vec![day("2026-04-30", &[("08:00", "12:00")], "")],
        ),
        CalendarError::TwiceGiven {
            field: at_day(0, None, None),
            other: CalendarField::Holiday(1),
            date: "2026-04-30".into(),
        },
    );
    // Its overnight interval runs into Monday's first one.
    check_err(
        with(
            VN_WEEK,
            &[],
            vec![day("2026-05-03", &[("20:00", "09:00")], "")],
        ),
        CalendarError::Overlap {
            field: at_day(0, Some(0), None),
            other: CalendarField::Week {
                day: 0,
                interval: 0,
                part: None,
            },
        },
    );
    // Sunday night's shift runs into a special Monday's first interval.
    check_err(
        with(
            &[("sun", &[("22:00", "09:00")]), ("tue", OFFICE)],
            &[],
            vec![day("2026-05-04", &[("08:00", "12:00")], "")],
        ),
        CalendarError::Overlap {
            field: at_day(0, Some(0), None),
            other: CalendarField::Week {
                day: 6,
                interval: 0,
                part: None,
            },
        },
    );
    assert_eq!(
        at_day(2, Some(1), Some(Part::Start)).to_string(),
        "exceptions[2].hours[1][0]"
    );
    assert_eq!(at_day(0, None, None).to_string(), "exceptions[0].date");
}

#[test]
fn the_written_form_reads_and_writes_back() {
    let json = r#"{"timezone":"Asia/Ho_Chi_Minh","week":{"mon":[["08:00","12:00"]]},"holidays":[],"exceptions":[{"date":"2026-04-25","hours":[["08:00","17:00"]],"name":"Làm bù 30/4"},{"date":"2026-04-30","hours":[]}]}"#;
    let s: CalendarSpec = serde_json::from_str(json).unwrap();
    assert_eq!(s.exceptions.len(), 2);
    assert_eq!(serde_json::to_string(&s).unwrap(), json);
    let old = r#"{"timezone":"Asia/Ho_Chi_Minh","week":{"mon":[["08:00","12:00"]]},"holidays":[]}"#;
    let s: CalendarSpec = serde_json::from_str(old).unwrap();
    assert!(s.exceptions.is_empty());
    assert_eq!(
        serde_json::to_string(&s).unwrap(),
        old,
        "no exceptions, no field"
    );
}
