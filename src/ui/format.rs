//! Display helpers shared by views.

use crate::domain::lead::Priority;
use crate::ui::i18n::{Lang, Msg};
use chrono::{DateTime, Local, TimeDelta, Utc};

/// The message naming a priority.
pub fn priority_msg(p: Priority) -> Msg {
    match p {
        Priority::Low => Msg::PriorityLow,
        Priority::Normal => Msg::PriorityNormal,
        Priority::High => Msg::PriorityHigh,
        Priority::Urgent => Msg::PriorityUrgent,
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
    match lang {
        Lang::En => local.format("%-d %b %Y, %H:%M").to_string(),
        Lang::Vi => local.format("%d/%m/%Y %H:%M").to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

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
