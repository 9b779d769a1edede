//! Display helpers shared by views.

use crate::domain::activity::{ActivityKind, Channel, Outcome};
use crate::domain::lead::Priority;
use crate::ui::i18n::{Lang, Msg};
use chrono::{DateTime, Datelike, Local, NaiveDate, TimeDelta, Timelike, Utc};

/// The message naming an activity kind.
pub fn kind_msg(kind: ActivityKind) -> Msg {
    match kind {
        ActivityKind::Call => Msg::KindCall,
        ActivityKind::Message(Channel::Sms) => Msg::KindSms,
        ActivityKind::Message(Channel::Zalo) => Msg::KindZalo,
        ActivityKind::Message(Channel::Email) => Msg::KindEmail,
        ActivityKind::Message(Channel::Chat) => Msg::KindMessage,
        ActivityKind::Meeting => Msg::KindMeeting,
        ActivityKind::Note => Msg::KindNote,
        ActivityKind::Audit => Msg::KindAudit,
    }
}

/// The message naming an outcome.
pub fn outcome_msg(outcome: Outcome) -> Msg {
    match outcome {
        Outcome::Connected => Msg::OutcomeConnected,
        Outcome::NoAnswer => Msg::OutcomeNoAnswer,
        Outcome::Busy => Msg::OutcomeBusy,
        Outcome::WrongNumber => Msg::OutcomeWrongNumber,
        Outcome::Replied => Msg::OutcomeReplied,
        Outcome::Resolved => Msg::OutcomeResolved,
        Outcome::Sent => Msg::OutcomeSent,
    }
}

/// The message naming a priority.
pub fn priority_msg(p: Priority) -> Msg {
    match p {
        Priority::Low => Msg::PriorityLow,
        Priority::Normal => Msg::PriorityNormal,
        Priority::High => Msg::PriorityHigh,
        Priority::Urgent => Msg::PriorityUrgent,
    }
}

/// Sources offered in the forms: (stored value, label).
pub const SOURCES: [(&str, crate::ui::i18n::Msg); 6] = [
    ("Facebook", crate::ui::i18n::Msg::SourceFacebook),
    ("Google", crate::ui::i18n::Msg::SourceGoogle),
    ("Zalo", crate::ui::i18n::Msg::SourceZalo),
    ("Website", crate::ui::i18n::Msg::SourceWebsite),
    ("Referral", crate::ui::i18n::Msg::SourceReferral),
    ("Other", crate::ui::i18n::Msg::SourceOther),
];

/// A lead's source as shown: the forms' sources in the reader's language;
/// any other (an import's, an ad's) as written.
pub fn source_label(value: &str, lang: Lang) -> String {
    SOURCES.iter().find(|(v, _)| *v == value).map_or_else(
        || value.to_owned(),
        |(_, m)| crate::ui::i18n::tr(lang, *m).to_owned(),
    )
}

/// A custom field's name as shown: the names our imports give, in the
/// reader's language; a column of a file, as written.
pub fn custom_label(key: &str, lang: Lang) -> String {
    use crate::io::csv_import::{COMPANY, OLD_NUMBER, OWNER_KEPT, PHONE_KEPT};
    let known: [(&str, &str); 5] = [
        (PHONE_KEPT, "Số điện thoại (không đọc được)"),
        (OLD_NUMBER, "Số cũ (trước 2018)"),
        (COMPANY, "Công ty"),
        (OWNER_KEPT, "Người phụ trách trong tệp"),
        ("Reason", "Lý do"),
    ];
    match (lang, known.iter().find(|(k, _)| *k == key)) {
        (Lang::Vi, Some((_, vi))) => (*vi).to_owned(),
        _ => key.to_owned(),
    }
}

/// A stage's name as shown: the default pipeline's stages, as long as
/// nobody renamed them, in the reader's language; a name a person gave, as
/// written.
pub fn stage_label(id: &str, name: &str, lang: Lang) -> String {
    const DEFAULTS: [(&str, &str, &str); 5] = [
        ("new", "New", "Mới"),
        ("interested", "Interested", "Quan tâm"),
        ("qualified", "Qualified", "Đủ điều kiện"),
        ("won", "Won", "Chốt thành công"),
        ("lost", "Lost", "Thất bại"),
    ];
    match DEFAULTS.iter().find(|(i, n, _)| *i == id && *n == name) {
        Some((_, _, vi)) if lang == Lang::Vi => (*vi).to_owned(),
        _ => name.to_owned(),
    }
}

/// An integer with the locale's thousands separator: `12,500,000` in
/// English, `12.500.000` in Vietnamese.
pub fn number(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::En => ',',
        Lang::Vi => '.',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An amount of Vietnamese đồng: `₫12,500,000` (en) or `12.500.000 ₫` (vi).
pub fn vnd(n: u64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("₫{}", number(n, lang)),
        Lang::Vi => format!("{} ₫", number(n, lang)),
    }
}

/// A percentage with one decimal (`42.5 %`, Vietnamese `42,5 %`).
pub fn percent(v: f64, lang: Lang) -> String {
    let s = format!("{v:.1} %");
    match lang {
        Lang::En => s,
        Lang::Vi => s.replace('.', ","),
    }
}

/// A timestamp in the browser's timezone, as each language writes it:
/// `22 Nov 2026, 14:05` in English, `22/11/2026 14:05` in Vietnamese.
pub fn local_datetime(at: DateTime<Utc>, lang: Lang) -> String {
    let local = at.with_timezone(&Local);
    let (h, m) = (local.hour(), local.minute());
    match lang {
        Lang::En => format!("{}, {h:02}:{m:02}", day(local.date_naive(), lang)),
        Lang::Vi => format!("{} {h:02}:{m:02}", day(local.date_naive(), lang)),
    }
}

/// [`local_datetime`] with the weekday first, for a due time a person plans
/// around: "Thu 10 Dec 2026, 15:30" / "T5 10/12/2026 15:30".
pub fn due_datetime(at: DateTime<Utc>, lang: Lang) -> String {
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const VI: [&str; 7] = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];
    let weekday = at.with_timezone(&Local).weekday().num_days_from_monday() as usize;
    let names = match lang {
        Lang::En => EN,
        Lang::Vi => VI,
    };
    format!("{} {}", names[weekday], local_datetime(at, lang))
}

/// [`local_datetime`], or only `14:05` when `at` falls on the same local day
/// as `now`.
pub fn local_time_near(at: DateTime<Utc>, now: DateTime<Utc>, lang: Lang) -> String {
    let (local, today) = (at.with_timezone(&Local), now.with_timezone(&Local));
    if local.date_naive() == today.date_naive() {
        format!("{:02}:{:02}", local.hour(), local.minute())
    } else {
        local_datetime(at, lang)
    }
}

/// A timestamp in the workspace's timezone `tz` (the one its scorecard
/// periods are in), written as [`local_datetime`] writes it.
pub fn zoned_datetime(at: DateTime<Utc>, tz: crate::domain::zone::Zone, lang: Lang) -> String {
    let local = at.with_timezone(&tz).naive_local();
    let (h, m) = (local.hour(), local.minute());
    match lang {
        Lang::En => format!("{}, {h:02}:{m:02}", day(local.date(), lang)),
        Lang::Vi => format!("{} {h:02}:{m:02}", day(local.date(), lang)),
    }
}

/// `3 Mar` (en) or `03/03` (vi): a day of the month in a short period.
fn day_month(d: NaiveDate, lang: Lang) -> String {
    const SHORT: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::En => format!("{} {}", d.day(), SHORT[d.month0() as usize]),
        Lang::Vi => format!("{:02}/{:02}", d.day(), d.month()),
    }
}

/// `3 Mar 2026` (en) or `03/03/2026` (vi). Written by hand rather than with
/// chrono's `format`, whose machinery would weigh on the first load
/// (`domain::instant`).
fn day(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {:04}", day_month(d, lang), d.year()),
        Lang::Vi => format!("{}/{:04}", day_month(d, lang), d.year()),
    }
}

/// Which clock a duration was counted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// Business time; a working day is this long (the calendar's
    /// [`crate::domain::calendar::BusinessCalendar::working_day`]).
    Business(TimeDelta),
    /// Calendar time: days of 24 h.
    Calendar,
}

/// A duration as the clocks write it, saying which time it counts — one
/// way everywhere (Today, the lead page, the board, the list, the funnel):
/// business time "2 working days 3 h", "3 h 05 min working time",
/// "45 min working time"; calendar time "89 days", "2 days 3 h", "3 h 05
/// min". Past a day, minutes are left out; a negative duration is 0.
pub fn duration(d: TimeDelta, clock: Clock, lang: Lang) -> String {
    let minutes = d.num_minutes().max(0);
    let day = match clock {
        Clock::Business(day) => day.num_minutes().max(1),
        Clock::Calendar => 24 * 60,
    };
    let (days, rest) = (minutes / day, minutes % day);
    let (hours, mins) = (rest / 60, rest % 60);
    let business = matches!(clock, Clock::Business(_));
    let (h, min) = match lang {
        Lang::En => ("h", "min"),
        Lang::Vi => ("giờ", "phút"),
    };
    let head = match (lang, business, days) {
        (_, _, 0) => String::new(),
        (Lang::En, true, 1) => "1 working day".to_owned(),
        (Lang::En, true, n) => format!("{n} working days"),
        (Lang::En, false, 1) => "1 day".to_owned(),
        (Lang::En, false, n) => format!("{n} days"),
        (Lang::Vi, true, n) => format!("{n} ngày làm việc"),
        (Lang::Vi, false, n) => format!("{n} ngày"),
    };
    match (days, hours) {
        (0, _) => {
            let time = match hours {
                0 => format!("{mins} {min}"),
                _ => format!("{hours} {h} {mins:02} {min}"),
            };
            match (business, lang) {
                (false, _) => time,
                (true, Lang::En) => format!("{time} working time"),
                (true, Lang::Vi) => format!("{time} làm việc"),
            }
        }
        (_, 0) => head,
        (_, hours) => format!("{head} {hours} {h}"),
    }
}

/// A scorecard period as people name it: "Week 49, 2026 (30 Nov – 6 Dec)" /
/// "Tuần 49, 2026 (30/11 – 06/12)", "December 2026" / "Tháng 12/2026", or
/// the day.
pub fn period_label(period: crate::domain::scorecard::Period, lang: Lang) -> String {
    use crate::domain::scorecard::Period;
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match (period, lang) {
        (Period::Day(d), _) => day(d, lang),
        (Period::Week(d), _) => {
            let w = d.iso_week();
            let end = d + chrono::Days::new(6);
            match lang {
                Lang::En => format!(
                    "Week {}, {} ({} – {})",
                    w.week(),
                    w.year(),
                    day_month(d, lang),
                    day_month(end, lang)
                ),
                Lang::Vi => format!(
                    "Tuần {}, {} ({} – {})",
                    w.week(),
                    w.year(),
                    day_month(d, lang),
                    day_month(end, lang)
                ),
            }
        }
        (Period::Month(d), Lang::En) => format!("{} {}", MONTHS[d.month0() as usize], d.year()),
        (Period::Month(d), Lang::Vi) => format!("Tháng {}/{}", d.month(), d.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_stages_and_periods_read_in_the_readers_language() {
        use crate::domain::scorecard::Period;
        use chrono::NaiveDate;
        assert_eq!(stage_label("new", "New", Lang::Vi), "Mới");
        assert_eq!(stage_label("new", "New", Lang::En), "New");
        assert_eq!(
            stage_label("new", "Khách mới", Lang::En),
            "Khách mới",
            "a name given is kept"
        );
        let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            period_label(Period::Week(monday), Lang::En),
            "Week 49, 2026 (30 Nov – 6 Dec)"
        );
        assert_eq!(
            period_label(Period::Week(monday), Lang::Vi),
            "Tuần 49, 2026 (30/11 – 06/12)"
        );
        let first = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(
            period_label(Period::Month(first), Lang::Vi),
            "Tháng 12/2026"
        );
        assert_eq!(period_label(Period::Day(first), Lang::En), "1 Dec 2026");
    }

    #[test]
    fn dates_read_as_chrono_would_format_them() {
        let mut d = NaiveDate::from_ymd_opt(2025, 12, 25).unwrap();
        for _ in 0..400 {
            let early = d.with_year(987).unwrap_or(d);
            assert_eq!(day(early, Lang::En), early.format("%-d %b %Y").to_string());
            assert_eq!(day(d, Lang::En), d.format("%-d %b %Y").to_string());
            assert_eq!(day(d, Lang::Vi), d.format("%d/%m/%Y").to_string());
            assert_eq!(day_month(d, Lang::En), d.format("%-d %b").to_string());
            assert_eq!(day_month(d, Lang::Vi), d.format("%d/%m").to_string());
            d = d.succ_opt().unwrap();
        }
        let at = DateTime::parse_from_rfc3339("2026-01-07T03:04:00Z")
            .unwrap()
            .to_utc();
        let local = at.with_timezone(&Local);
        assert_eq!(
            local_datetime(at, Lang::En),
            local.format("%-d %b %Y, %H:%M").to_string()
        );
        assert_eq!(
            local_datetime(at, Lang::Vi),
            local.format("%d/%m/%Y %H:%M").to_string()
        );
    }

    #[test]
    fn vietnamese_durations_and_dates() {
        let at = DateTime::parse_from_rfc3339("2026-03-02T09:05:00Z")
            .unwrap()
            .to_utc();
        let vi = local_datetime(at, Lang::Vi);
        assert_eq!(vi.len(), "02/03/2026 09:05".len(), "{vi}");
        assert!(vi.contains("/2026 "), "{vi}");
    }

    #[test]
    fn money_and_numbers_follow_the_language() {
        assert_eq!(vnd(12_500_000, Lang::En), "₫12,500,000");
        assert_eq!(vnd(12_500_000, Lang::Vi), "12.500.000 ₫");
        assert_eq!(number(999, Lang::En), "999");
        assert_eq!(number(1000, Lang::Vi), "1.000");
        assert_eq!(number(0, Lang::En), "0");
        assert_eq!(percent(42.25, Lang::Vi), "42,2 %");
    }

    /// Every duration says its clock; a working day is the calendar's
    /// (8 h here), never 24 business hours.
    #[test]
    fn durations_say_which_time_they_count() {
        let work = Clock::Business(TimeDelta::hours(8));
        for (minutes, clock, lang, text) in [
            (0, work, Lang::En, "0 min working time"),
            (45, work, Lang::En, "45 min working time"),
            (65, work, Lang::En, "1 h 05 min working time"),
            (65, work, Lang::Vi, "1 giờ 05 phút làm việc"),
            (8 * 60, work, Lang::En, "1 working day"),
            (8 * 60 + 59, work, Lang::En, "1 working day"),
            (11 * 60, work, Lang::En, "1 working day 3 h"),
            (11 * 60, work, Lang::Vi, "1 ngày làm việc 3 giờ"),
            // "20 d 16 h" of 24-hour business days was 62 working days 4 h.
            (496 * 60, work, Lang::En, "62 working days"),
            (500 * 60, work, Lang::En, "62 working days 4 h"),
            (-5, work, Lang::En, "0 min working time"),
            (45, Clock::Calendar, Lang::En, "45 min"),
            (65, Clock::Calendar, Lang::Vi, "1 giờ 05 phút"),
            (1440, Clock::Calendar, Lang::En, "1 day"),
            (89 * 1440 + 120, Clock::Calendar, Lang::En, "89 days 2 h"),
            (3 * 1440, Clock::Calendar, Lang::Vi, "3 ngày"),
        ] {
            assert_eq!(
                duration(TimeDelta::minutes(minutes), clock, lang),
                text,
                "{minutes} min, {clock:?}, {lang:?}"
            );
        }
    }
}
