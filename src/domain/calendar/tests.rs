use super::*;
use chrono_tz::Tz;
use std::collections::BTreeSet;

pub(super) type Week = &'static [(&'static str, &'static [(&'static str, &'static str)])];

pub(super) fn spec(tz: &str, week: Week, holidays: &[&str]) -> CalendarSpec {
    let mut w = WeekSpec::default();
    for (day, ivs) in week {
        let ivs: Vec<(String, String)> = ivs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        match *day {
            "mon" => w.mon = ivs,
            "tue" => w.tue = ivs,
            "wed" => w.wed = ivs,
            "thu" => w.thu = ivs,
            "fri" => w.fri = ivs,
            "sat" => w.sat = ivs,
            "sun" => w.sun = ivs,
            other => panic!("bad day {other}"),
        }
    }
    CalendarSpec {
        timezone: tz.to_owned(),
        week: w,
        holidays: holidays.iter().map(|s| s.to_string()).collect(),
        exceptions: Vec::new(),
    }
}

pub(super) const OFFICE: &[(&str, &str)] = &[("08:00", "12:00"), ("13:30", "17:30")];
pub(super) const VN_WEEK: Week = &[
    ("mon", OFFICE),
    ("tue", OFFICE),
    ("wed", OFFICE),
    ("thu", OFFICE),
    ("fri", OFFICE),
];

pub(super) fn cal(tz: &str, week: Week, holidays: &[&str]) -> BusinessCalendar {
    BusinessCalendar::new(spec(tz, week, holidays)).unwrap()
}

/// A local wall-clock time "YYYY-MM-DD HH:MM" in `tz`, as UTC (earlier if ambiguous).
pub(super) fn at(tz: &str, local: &str) -> DateTime<Utc> {
    let tz: Tz = tz.parse().unwrap();
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
    tz.from_local_datetime(&naive)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

fn show(tz: &str, t: DateTime<Utc>) -> String {
    let tz: Tz = tz.parse().unwrap();
    t.with_timezone(&tz).format("%Y-%m-%d %H:%M %Z").to_string()
}

pub(super) const VN: &str = "Asia/Ho_Chi_Minh";

fn check_due(c: &BusinessCalendar, tz: &str, start: &str, minutes: i64, expected: &str) {
    let got = c.due(at(tz, start), TimeDelta::minutes(minutes));
    assert_eq!(
        show(tz, got),
        show(tz, at(tz, expected)),
        "due({start} + {minutes} min)"
    );
}

#[test]
fn due_in_vietnam_office_hours() {
    let c = cal(VN, VN_WEEK, &[]);
    // 2026-03-02 is a Monday.
    for (start, minutes, expected) in [
        ("2026-03-02 09:00", 60, "2026-03-02 10:00"),
        ("2026-03-02 11:30", 60, "2026-03-02 14:00"), // lunch break skipped
        ("2026-03-02 07:00", 0, "2026-03-02 08:00"),  // zero target, before opening
        ("2026-03-02 09:00", 0, "2026-03-02 09:00"),  // zero target, working
        ("2026-03-02 12:00", 0, "2026-03-02 13:30"),  // closing instant is not working time
        ("2026-03-02 11:00", 60, "2026-03-02 12:00"), // due at closing stays at closing
        ("2026-03-02 08:00", 480, "2026-03-02 17:30"),
        ("2026-03-02 08:00", 481, "2026-03-03 08:01"),
        ("2026-03-02 17:30", 1, "2026-03-03 08:01"),
        ("2026-03-06 17:00", 60, "2026-03-09 08:30"), // over the weekend
        ("2026-03-07 10:00", 30, "2026-03-09 08:30"), // started on Saturday
        ("2026-03-02 07:59", 1, "2026-03-02 08:01"),
        ("2026-03-02 09:00", 5 * 480, "2026-03-09 09:00"), // five working days
    ] {
        check_due(&c, VN, start, minutes, expected);
    }
}

#[test]
fn holidays_close_whole_days() {
    // Tết 2026: Monday 16 and Tuesday 17 February.
    let c = cal(VN, VN_WEEK, &["2026-02-16", "2026-02-17"]);
    check_due(&c, VN, "2026-02-13 17:00", 60, "2026-02-18 08:30");
    check_due(&c, VN, "2026-02-16 10:00", 0, "2026-02-18 08:00");
    assert_eq!(
        c.elapsed(at(VN, "2026-02-13 00:00"), at(VN, "2026-02-19 00:00")),
        TimeDelta::hours(16),
        "Friday and Wednesday only"
    );
}

pub(super) const NIGHT: Week = &[("mon", &[("22:00", "06:00")])];

#[test]
fn overnight_intervals_belong_to_the_day_they_start() {
    let c = cal("UTC", NIGHT, &[]);
    // 2026-03-02 is a Monday.
    check_due(&c, "UTC", "2026-03-02 23:00", 120, "2026-03-03 01:00");
    check_due(&c, "UTC", "2026-03-03 05:00", 120, "2026-03-09 23:00");
    check_due(&c, "UTC", "2026-03-02 21:00", 480, "2026-03-03 06:00");
    // A holiday on Monday cancels the whole night, also its Tuesday part.
    let mon_off = cal("UTC", NIGHT, &["2026-03-02"]);
    check_due(&mon_off, "UTC", "2026-03-03 01:00", 60, "2026-03-09 23:00");
    // A holiday on Tuesday does not touch the night that started on Monday.
    let tue_off = cal("UTC", NIGHT, &["2026-03-03"]);
    check_due(&tue_off, "UTC", "2026-03-02 23:00", 120, "2026-03-03 01:00");
}

#[test]
fn an_interval_ending_at_24_00_runs_into_the_next_day() {
    let c = cal(
        "UTC",
        &[
            ("sun", &[("20:00", "24:00")]),
            ("mon", &[("00:00", "02:00")]),
        ],
        &[],
    );
    // 2026-03-01 is a Sunday.
    check_due(&c, "UTC", "2026-03-01 23:00", 120, "2026-03-02 01:00");
    check_due(&c, "UTC", "2026-03-01 20:00", 240, "2026-03-02 00:00");
}

pub(super) const NY: &str = "America/New_York";

#[test]
fn dst_gap_moves_an_opening_to_the_first_instant_after_it() {
    // 2026-03-08: clocks jump from 02:00 to 03:00 in New York.
    let c = cal(NY, &[("sun", &[("02:30", "04:00")])], &[]);
    let opening = c.due(at(NY, "2026-03-08 00:00"), TimeDelta::zero());
    assert_eq!(opening, at(NY, "2026-03-08 03:00"));
    assert_eq!(opening, Utc.with_ymd_and_hms(2026, 3, 8, 7, 0, 0).unwrap());
    check_due(&c, NY, "2026-03-08 00:00", 30, "2026-03-08 03:30");
    assert_eq!(
        c.elapsed(at(NY, "2026-03-08 00:00"), at(NY, "2026-03-09 00:00")),
        TimeDelta::hours(1)
    );
    // A week later the interval is whole again.
    check_due(&c, NY, "2026-03-15 00:00", 90, "2026-03-15 04:00");
}

#[test]
fn dst_repeated_hour_means_the_earlier_time() {
    // 2026-11-01: clocks go back from 02:00 EDT to 01:00 EST.
    let c = cal(NY, &[("sun", &[("01:30", "03:00")])], &[]);
    let start = Utc.with_ymd_and_hms(2026, 11, 1, 4, 0, 0).unwrap(); // 00:00 EDT
    assert_eq!(
        c.due(start, TimeDelta::zero()),
        Utc.with_ymd_and_hms(2026, 11, 1, 5, 30, 0).unwrap()
    );
    assert_eq!(
        c.elapsed(start, start + TimeDelta::days(1)),
        TimeDelta::minutes(150),
        "01:30 EDT to 03:00 EST"
    );
}

#[test]
fn pauses_stop_the_clock_in_business_time() {
    let c = cal(VN, VN_WEEK, &[]);
    let p = |a: &str, b: &str| (at(VN, a), at(VN, b));
    let due = |start: &str, minutes: i64, pauses: &[(DateTime<Utc>, DateTime<Utc>)]| {
        show(
            VN,
            c.due_with_pauses(at(VN, start), TimeDelta::minutes(minutes), pauses),
        )
    };
    let expect = |local: &str| show(VN, at(VN, local));
    assert_eq!(
        due(
            "2026-03-02 09:00",
            120,
            &[p("2026-03-02 10:00", "2026-03-02 10:30")]
        ),
        expect("2026-03-02 11:30")
    );
    // A pause over the lunch break costs nothing.
    assert_eq!(
        due(
            "2026-03-02 11:00",
            120,
            &[p("2026-03-02 12:00", "2026-03-02 13:30")]
        ),
        expect("2026-03-02 14:30")
    );
    // Paused from Monday 17:00 to Wednesday 08:00: Monday's last half hour
    // and all of Tuesday do not count.
    assert_eq!(
        due(
            "2026-03-02 17:00",
            60,
            &[p("2026-03-02 17:00", "2026-03-04 08:00")]
        ),
        expect("2026-03-04 09:00")
    );
    // Overlapping, unsorted pauses merge.
    let pauses = [
        p("2026-03-02 10:15", "2026-03-02 10:45"),
        p("2026-03-02 10:00", "2026-03-02 10:30"),
    ];
    assert_eq!(
        due("2026-03-02 09:00", 120, &pauses),
        expect("2026-03-02 11:45")
    );
    // Zero target inside a pause: the clock starts when the pause ends.
    assert_eq!(
        due(
            "2026-03-02 09:00",
            0,
            &[p("2026-03-02 08:00", "2026-03-02 09:30")]
        ),
        expect("2026-03-02 09:30")
    );
    // A due time reached exactly when a pause begins stays there.
    assert_eq!(
        due(
            "2026-03-02 09:00",
            60,
            &[p("2026-03-02 10:00", "2026-03-02 11:00")]
        ),
        expect("2026-03-02 10:00")
    );
    assert_eq!(
        c.elapsed_with_pauses(
            at(VN, "2026-03-02 08:00"),
            at(VN, "2026-03-02 12:00"),
            &[p("2026-03-02 09:00", "2026-03-02 10:00")]
        ),
        TimeDelta::hours(3)
    );
}

#[test]
fn elapsed_counts_business_time_only() {
    let c = cal(VN, VN_WEEK, &[]);
    let e = |a: &str, b: &str| c.elapsed(at(VN, a), at(VN, b)).num_minutes();
    assert_eq!(e("2026-03-02 07:00", "2026-03-02 09:00"), 60);
    assert_eq!(e("2026-03-02 11:00", "2026-03-02 14:00"), 90);
    assert_eq!(e("2026-03-06 17:00", "2026-03-09 08:30"), 60);
    assert_eq!(
        e("2026-03-02 10:00", "2026-03-02 09:00"),
        0,
        "backwards is zero"
    );
    assert!(c.is_working(at(VN, "2026-03-02 08:00")));
    assert!(!c.is_working(at(VN, "2026-03-02 12:00")));
    assert!(!c.is_working(at(VN, "2026-03-07 10:00")));
}

#[test]
fn the_documented_json_form_deserialises() {
    let json = r#"{"timezone":"Asia/Ho_Chi_Minh",
        "week":{"mon":[["08:00","12:00"],["13:30","17:30"]],"tue":[["08:00","17:00"]],"sun":[]},
        "holidays":["2026-02-16","2026-02-17"]}"#;
    let s: CalendarSpec = serde_json::from_str(json).unwrap();
    let c = BusinessCalendar::new(s.clone()).unwrap();
    assert_eq!(c.spec(), &s);
    check_due(&c, VN, "2026-02-13 09:00", 60, "2026-02-23 09:00");
    let back: CalendarSpec = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
}

#[test]
fn vietnam_preset_holidays() {
    let days: BTreeSet<String> = vietnam_holidays().iter().map(|d| d.to_string()).collect();
    for day in [
        "2025-01-01",
        "2025-01-28",
        "2025-02-01",
        "2025-04-07",
        "2025-04-30",
        "2025-05-01",
        "2025-09-01",
        "2025-09-02", // 2025
        "2026-02-16",
        "2026-02-17",
        "2026-02-20", // Tết 2026: eve + four days
        "2026-04-26",
        "2026-04-27", // Hùng Kings' day on a Sunday, Monday off
        "2030-02-02",
        "2030-04-12",
    ] {
        assert!(days.contains(day), "{day} is a holiday");
    }
    for day in ["2026-02-21", "2026-02-15", "2025-04-08"] {
        assert!(!days.contains(day), "{day} is not a holiday");
    }
    let c = BusinessCalendar::new(CalendarSpec::vietnam()).unwrap();
    check_due(&c, VN, "2026-02-13 17:00", 60, "2026-02-23 08:30");
}

#[test]
fn a_working_day_is_the_length_most_open_days_have() {
    let check = |week: Week, hours: f64| {
        let c = BusinessCalendar::new(spec("Asia/Ho_Chi_Minh", week, &[])).unwrap();
        assert_eq!(
            c.working_day(),
            TimeDelta::minutes((hours * 60.0) as i64),
            "{week:?}"
        );
    };
    // The Vietnam preset: 8 h on weekdays.
    check(VN_WEEK, 8.0);
    // A Saturday morning does not make a working day 4 h.
    check(
        &[
            ("mon", OFFICE),
            ("tue", OFFICE),
            ("sat", &[("08:00", "12:00")]),
        ],
        8.0,
    );
    // A tie: the longer.
    check(&[("mon", OFFICE), ("sat", &[("08:00", "12:00")])], 8.0);
    // Round the clock and overnight shifts count whole.
    check(&[("mon", &[("00:00", "24:00")])], 24.0);
    check(&[("fri", &[("22:00", "06:00")])], 8.0);
}
