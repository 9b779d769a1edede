//! Property tests: the calendar's documented laws on random instants and
//! targets, and a `Timeline` answering exactly as its calendar.

use super::tests::{NIGHT, NY, VN, VN_WEEK, at, cal};
use super::*;
use proptest::prelude::*;

fn calendars() -> Vec<(&'static str, BusinessCalendar)> {
    vec![
        (VN, BusinessCalendar::new(CalendarSpec::vietnam()).unwrap()),
        ("UTC", cal("UTC", NIGHT, &["2026-03-02"])),
        (
            NY,
            cal(
                NY,
                &[
                    ("sun", &[("01:30", "03:00")]),
                    ("mon", &[("02:30", "04:00"), ("09:00", "17:00")]),
                ],
                &[],
            ),
        ),
        (VN, with_special_days()),
    ]
}

/// The Vietnam preset with, every month of 2025–2027, its second Saturday
/// open 08:00–17:00, its 15th a half day (when a weekday) and its 20th
/// closed (when not already a holiday): so random instants meet them.
fn with_special_days() -> BusinessCalendar {
    let mut spec = CalendarSpec::vietnam();
    for year in 2025..2028 {
        for month in 1..=12 {
            let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
            let saturday = first
                .iter_days()
                .filter(|d| d.weekday() == chrono::Weekday::Sat)
                .nth(1)
                .unwrap();
            let mut add = |d: NaiveDate, hours: &[(&str, &str)]| {
                let date = crate::domain::instant::ymd(d);
                if !spec.holidays.contains(&date) {
                    spec.exceptions.push(DaySpec {
                        date,
                        hours: hours
                            .iter()
                            .map(|(a, b)| (a.to_string(), b.to_string()))
                            .collect(),
                        name: String::new(),
                    });
                }
            };
            add(saturday, &[("08:00", "17:00")]);
            let fifteenth = first + Days::new(14);
            if fifteenth.weekday().num_days_from_monday() < 5 {
                add(fifteenth, &[("08:00", "12:00")]);
            }
            add(first + Days::new(19), &[]);
        }
    }
    BusinessCalendar::new(spec).unwrap()
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    // 2025-01-01 .. 2028-01-01, to the second.
    (1_735_689_600i64..1_830_297_600).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
}

fn minutes() -> impl Strategy<Value = TimeDelta> {
    (0i64..20_000).prop_map(TimeDelta::minutes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn elapsed_until_due_is_the_target(which in 0usize..4, start in instant(), d in minutes()) {
        let (_, c) = &calendars()[which];
        let due = c.due(start, d);
        prop_assert!(due >= start);
        prop_assert_eq!(c.elapsed(start, due), d);
    }

    #[test]
    fn due_is_monotonic_and_additive(which in 0usize..4, start in instant(), a in minutes(), b in minutes()) {
        let (_, c) = &calendars()[which];
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(c.due(start, lo) <= c.due(start, hi));
        if b > TimeDelta::zero() {
            prop_assert_eq!(c.due(c.due(start, a), b), c.due(start, a + b));
        }
    }

    #[test]
    fn pauses_never_shorten(which in 0usize..4, start in instant(), d in minutes(),
                            pauses in proptest::collection::vec((0i64..30_000, 0i64..3_000), 0..4)) {
        let (_, c) = &calendars()[which];
        let pauses: Vec<_> = pauses
            .into_iter()
            .map(|(off, len)| (start + TimeDelta::minutes(off), start + TimeDelta::minutes(off + len)))
            .collect();
        let paused = c.due_with_pauses(start, d, &pauses);
        prop_assert!(paused >= c.due(start, d));
        prop_assert_eq!(c.elapsed_with_pauses(start, paused, &pauses), d);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The timeline covers only part of the sampled range, so both its fast
    /// path and its fallback at the edges are exercised.
    #[test]
    fn timeline_gives_the_calendars_answers(which in 0usize..4, start in instant(), d in minutes(), span in minutes(),
                                            pauses in proptest::collection::vec((0i64..30_000, 0i64..3_000), 0..3)) {
        let (_, c) = &calendars()[which];
        let tl = Timeline::new(
            c.clone(),
            Utc.with_ymd_and_hms(2025, 9, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap(),
        );
        let pauses: Vec<_> = pauses
            .into_iter()
            .map(|(off, len)| (start + TimeDelta::minutes(off), start + TimeDelta::minutes(off + len)))
            .collect();
        let end = start + span;
        prop_assert_eq!(BusinessTime::due(&tl, start, d), c.due(start, d));
        prop_assert_eq!(BusinessTime::elapsed(&tl, start, end), c.elapsed(start, end));
        // Marks give the same business time, both ways round and with the calendar itself.
        for cal in [&tl as &dyn BusinessTime, c as &dyn BusinessTime] {
            let (a, b) = (Mark::new(cal, start), Mark::new(cal, end));
            prop_assert_eq!(a.until(cal, b), c.elapsed(start, end));
            prop_assert_eq!(b.until(cal, a), c.elapsed(end, start));
        }
        prop_assert_eq!(tl.due_with_pauses(start, d, &pauses), c.due_with_pauses(start, d, &pauses));
        prop_assert_eq!(tl.elapsed_with_pauses(start, end, &pauses), c.elapsed_with_pauses(start, end, &pauses));
    }
}

#[test]
fn timeline_edge_cases_match_the_calendar() {
    let c = cal(VN, VN_WEEK, &["2026-02-16"]);
    let tl = Timeline::new(
        c.clone(),
        at(VN, "2026-02-01 00:00"),
        at(VN, "2026-04-01 00:00"),
    );
    let p = |a: &str, b: &str| (at(VN, a), at(VN, b));
    for (start, minutes) in [
        ("2026-03-02 12:00", 0),
        ("2026-03-02 11:00", 60),
        ("2026-03-02 07:00", 0),
        ("2026-02-13 17:00", 60),
        ("2026-03-31 17:00", 120), // runs past the end of the timeline
        ("2026-01-15 09:00", 30),  // starts before it
    ] {
        let (s, d) = (at(VN, start), TimeDelta::minutes(minutes));
        assert_eq!(
            BusinessTime::due(&tl, s, d),
            c.due(s, d),
            "{start} + {minutes}"
        );
    }
    let pauses = [
        p("2026-03-02 10:00", "2026-03-02 11:00"),
        p("2026-03-02 08:00", "2026-03-02 09:30"),
    ];
    for (start, minutes) in [
        ("2026-03-02 09:00", 60),
        ("2026-03-02 09:00", 0),
        ("2026-03-02 07:00", 30),
    ] {
        let (s, d) = (at(VN, start), TimeDelta::minutes(minutes));
        assert_eq!(
            tl.due_with_pauses(s, d, &pauses),
            c.due_with_pauses(s, d, &pauses),
            "{start} + {minutes} paused"
        );
    }
}
