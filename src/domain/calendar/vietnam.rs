//! The Vietnam preset: office hours and the public holidays (solar and
//! lunar) of the years the app plans for.

use super::{CalendarSpec, WeekSpec};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeSet;

impl CalendarSpec {
    /// Vietnam office hours: Asia/Ho_Chi_Minh, Monday–Friday 08:00–12:00 and
    /// 13:30–17:30, with the public holidays of 2025–2030 from
    /// [`vietnam_holidays`].
    pub fn vietnam() -> CalendarSpec {
        let day = || {
            vec![
                ("08:00".to_owned(), "12:00".to_owned()),
                ("13:30".to_owned(), "17:30".to_owned()),
            ]
        };
        CalendarSpec {
            timezone: "Asia/Ho_Chi_Minh".to_owned(),
            week: WeekSpec {
                mon: day(),
                tue: day(),
                wed: day(),
                thu: day(),
                fri: day(),
                ..WeekSpec::default()
            },
            holidays: vietnam_holidays()
                .iter()
                .map(|d| crate::domain::instant::ymd(*d))
                .collect(),
            exceptions: Vec::new(),
        }
    }
}

/// Lunar new year's day (Tết, 1/1) and the Hùng Kings' day (10/3) by the
/// Vietnamese lunar calendar (UTC+7), 2025–2030.
/// (month, day).
type MonthDay = (u32, u32);

const LUNAR: [(i32, MonthDay, MonthDay); 6] = [
    (2025, (1, 29), (4, 7)),
    (2026, (2, 17), (4, 26)),
    (2027, (2, 6), (4, 16)),
    (2028, (1, 26), (4, 4)),
    (2029, (2, 13), (4, 23)),
    (2030, (2, 3), (4, 12)),
];

/// Vietnam's public holidays (Labour Code 2019, art. 112) for 2025–2030, for a
/// Monday–Friday week: New Year (1 Jan); Tết, five days from lunar new year's
/// eve; Hùng Kings' day (10/3 lunar); Reunification (30 Apr); Labour Day
/// (1 May); National Day (2 Sep and 1 Sep). A fixed holiday on a Saturday or
/// Sunday gives the next working day off (art. 111). The government may move
/// days each year; edit the calendar when it does.
pub fn vietnam_holidays() -> Vec<NaiveDate> {
    let date = |y, (m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("valid holiday table");
    let mut days = BTreeSet::new();
    for (year, tet, hung) in LUNAR {
        let tet = date(year, tet);
        days.extend((0..5).map(|i| tet - Days::new(1) + Days::new(i)));
        let fixed = [
            date(year, (1, 1)),
            date(year, hung),
            date(year, (4, 30)),
            date(year, (5, 1)),
            date(year, (9, 2)),
            date(year, (9, 1)),
        ];
        days.extend(fixed);
        for day in fixed {
            if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                let mut off = day;
                while matches!(off.weekday(), Weekday::Sat | Weekday::Sun) || days.contains(&off) {
                    off = off + Days::new(1);
                }
                days.insert(off);
            }
        }
    }
    days.into_iter().collect()
}

// Native only: proptest is not built for wasm32, where plain #[test]s do not run anyway.
