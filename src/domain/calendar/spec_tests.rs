//! A refused calendar spec names its field and value (never a spec path).

use super::tests::{OFFICE, VN, VN_WEEK, spec};
use super::*;

/// The field a spec path names (`week.mon[1][0]`, `holidays[2]`).
fn path(p: &str) -> CalendarField {
    let index = |s: &str| s.trim_end_matches(']').parse::<usize>().unwrap();
    if let Some(rest) = p.strip_prefix("holidays[") {
        return CalendarField::Holiday(index(rest));
    }
    let rest = p.strip_prefix("week.").unwrap();
    let (name, rest) = rest.split_once('[').unwrap();
    let day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|d| *d == name)
        .unwrap();
    let mut parts = rest.split('[');
    let interval = index(parts.next().unwrap());
    let part = parts.next().map(|p| {
        if index(p) == 0 {
            Part::Start
        } else {
            Part::End
        }
    });
    let field = CalendarField::Week {
        day,
        interval,
        part,
    };
    assert_eq!(field.to_string(), p, "the path reads back");
    field
}

fn check_err(s: CalendarSpec, expected: CalendarError) {
    let err = BusinessCalendar::new(s).unwrap_err();
    assert_eq!(err, expected);
    assert!(!err.to_string().is_empty());
}

#[test]
fn invalid_specs_name_the_field() {
    let bad_time = |field: &str, value: &str| CalendarError::BadTime {
        field: path(field),
        value: value.into(),
    };
    check_err(
        spec("Mars/Olympus", VN_WEEK, &[]),
        CalendarError::UnknownTimezone("Mars/Olympus".into()),
    );
    check_err(
        spec(VN, &[("mon", &[("25:00", "26:00")])], &[]),
        bad_time("week.mon[0][0]", "25:00"),
    );
    check_err(
        spec(VN, &[("mon", &[("08:00", "24:01")])], &[]),
        bad_time("week.mon[0][1]", "24:01"),
    );
    check_err(
        spec(VN, &[("mon", &[("24:00", "08:00")])], &[]),
        bad_time("week.mon[0][0]", "24:00"),
    );
    check_err(
        spec(VN, &[("mon", &[("8:00", "12:00")])], &[]),
        bad_time("week.mon[0][0]", "8:00"),
    );
    check_err(
        spec(VN, &[("mon", &[("08:60", "12:00")])], &[]),
        bad_time("week.mon[0][0]", "08:60"),
    );
    check_err(
        spec(VN, &[("tue", &[("09:00", "09:00")])], &[]),
        CalendarError::EmptyInterval {
            field: path("week.tue[0]"),
        },
    );
    check_err(
        spec(
            VN,
            &[("mon", &[("08:00", "12:00"), ("11:00", "13:00")])],
            &[],
        ),
        CalendarError::Overlap {
            field: path("week.mon[1]"),
            other: path("week.mon[0]"),
        },
    );
    check_err(
        spec(
            VN,
            &[("mon", &[("22:00", "06:00"), ("23:00", "23:30")])],
            &[],
        ),
        CalendarError::Overlap {
            field: path("week.mon[1]"),
            other: path("week.mon[0]"),
        },
    );
    check_err(
        spec(VN, &[("sun", &[("22:00", "09:00")]), ("mon", OFFICE)], &[]),
        CalendarError::Overlap {
            field: path("week.sun[0]"),
            other: path("week.mon[0]"),
        },
    );
    check_err(
        spec(VN, VN_WEEK, &["2026-01-01", "2026-02-30"]),
        CalendarError::BadHoliday {
            field: path("holidays[1]"),
            value: "2026-02-30".into(),
        },
    );
    check_err(spec(VN, &[], &[]), CalendarError::NoWorkingTime);
}
