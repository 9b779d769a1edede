//! Display helpers shared by views.

use crate::domain::lead::Priority;
use crate::ui::i18n::{Lang, Msg};
use chrono::{DateTime, Datelike, Local, NaiveDate, TimeDelta, Timelike, Utc};

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
    use crate::io::csv_import::{COMPANY, OLD_NUMBER, PHONE_KEPT};
    let known: [(&str, &str); 4] = [
        (PHONE_KEPT, "Số điện thoại (không đọc được)"),
        (OLD_NUMBER, "Số cũ (trước 2018)"),
        (COMPANY, "Công ty"),
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

/// A business duration as `1 h 05 min`, `45 min` or `3 d 2 h` (8-hour days are
/// not assumed: days here are 24 h of business time, rare outside long clocks).
pub fn business_duration(d: TimeDelta, lang: Lang) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let (dw, hw, mw) = match lang {
        Lang::En => ("d", "h", "min"),
        Lang::Vi => ("ngày", "giờ", "phút"),
    };
    match (days, hours) {
        (0, 0) => format!("{mins} {mw}"),
        (0, h) => format!("{h} {hw} {mins:02} {mw}"),
        (d, h) => format!("{d} {dw} {h} {hw}"),
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
        assert_eq!(
            business_duration(TimeDelta::minutes(65), Lang::Vi),
            "1 giờ 05 phút"
        );
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

    #[test]
    fn durations() {
        for (minutes, text) in [
            (0, "0 min"),
            (45, "45 min"),
            (65, "1 h 05 min"),
            (1500, "1 d 1 h"),
            (-5, "0 min"),
        ] {
            assert_eq!(
                business_duration(TimeDelta::minutes(minutes), Lang::En),
                text
            );
        }
    }
}
