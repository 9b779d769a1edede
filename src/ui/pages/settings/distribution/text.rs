//! Distribution's fields as people write them: days away (ISO or day
//! first, a range with "–"), own hours (past midnight with "+1"), lists.

use crate::domain::distribution::{Away, Distribution, Hours};
use crate::domain::instant::{parse_typed_date, ymd};
use crate::domain::rep::RepId;
use crate::ui::i18n::Lang;
use crate::ui::i18n::pages::settings::{bad_hours, hours_backwards};
use chrono::NaiveTime;

/// A rep's days away as written: `2026-12-24` or `2026-12-24 – 2026-12-31`,
/// several separated by commas.
pub(super) fn away_text(dist: &Distribution, rep: &RepId) -> String {
    dist.away
        .iter()
        .filter(|a| a.rep == *rep)
        .map(|a| {
            if a.from == a.to {
                ymd(a.from)
            } else {
                format!("{} – {}", ymd(a.from), ymd(a.to))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a rep's days away, or says which part is not a date.
pub(super) fn parse_away(text: &str, rep: &RepId, lang: Lang) -> Result<Vec<Away>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (a, b) = part
                .split_once('–')
                .or_else(|| part.split_once(" - "))
                .or_else(|| part.split_once(".."))
                .unwrap_or((part, part));
            let (from, to) = (parse_typed_date(a), parse_typed_date(b));
            match (from, to) {
                (Some(from), Some(to)) if from <= to => Ok(Away {
                    rep: rep.clone(),
                    from,
                    to,
                }),
                _ => Err(bad_away(lang, part)),
            }
        })
        .collect()
}

/// A rep's own hours as written: `08:00-12:00, 22:00-02:30`.
pub(super) fn hours_text(dist: &Distribution, rep: &RepId) -> String {
    dist.hours
        .iter()
        .filter(|h| h.rep == *rep)
        .map(|h| {
            // Past midnight, as the calendar writes it: 22:00-06:00+1.
            let next_day = h.to < h.from && h.to != NaiveTime::MIN;
            format!(
                "{}-{}{}",
                h.from.format("%H:%M"),
                h.to.format("%H:%M"),
                if next_day { "+1" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a rep's own hours, or says which part is not a span of time.
pub(super) fn parse_hours(text: &str, rep: &RepId, lang: Lang) -> Result<Vec<Hours>, String> {
    let time = |t: &str| chrono::NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (a, b) = part
                .split_once('-')
                .or_else(|| part.split_once('–'))
                .ok_or_else(|| bad_hours(lang, part))?;
            let (b, next_day) = match b.trim().strip_suffix("+1") {
                Some(end) => (end, true),
                None => (b, false),
            };
            match (time(a), time(b)) {
                // An end before the start is a shift past midnight only
                // when marked +1 (as in the calendar); until 00:00 is
                // until midnight.
                (Some(from), Some(to)) if to < from && to != NaiveTime::MIN && !next_day => {
                    Err(hours_backwards(lang, part))
                }
                (Some(from), Some(to)) if from != to => Ok(Hours {
                    rep: rep.clone(),
                    from,
                    to,
                }),
                _ => Err(bad_hours(lang, part)),
            }
        })
        .collect()
}

/// A comma-separated list, trimmed, without empty parts.
pub(super) fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

pub(super) fn bad_away(lang: Lang, part: &str) -> String {
    match lang {
        Lang::En => format!(
            "Days away: “{part}” is not a date or a range of dates. Write 24/12/2026 or 2026-12-24, or a range: 24/12/2026 – 31/12/2026. The first day must not be after the last."
        ),
        Lang::Vi => format!(
            "Ngày nghỉ: “{part}” không phải một ngày hay một khoảng ngày. Hãy viết 24/12/2026 hoặc 2026-12-24, hoặc một khoảng: 24/12/2026 – 31/12/2026. Ngày đầu không được sau ngày cuối."
        ),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn days_away_read_back_as_written_and_refusals_name_the_part() {
        let lan = RepId::new("lan");
        let list = parse_away("2026-12-24 – 2026-12-26, 2027-01-02", &lan, Lang::En).unwrap();
        let dist = Distribution {
            away: list,
            ..Distribution::default()
        };
        assert_eq!(
            away_text(&dist, &lan),
            "2026-12-24 – 2026-12-26, 2027-01-02"
        );
        assert!(parse_away("", &lan, Lang::En).unwrap().is_empty());
        let e = parse_away("2026-12-24, 24/12", &lan, Lang::Vi).unwrap_err();
        assert!(e.contains("“24/12”"), "{e}");
        let e = parse_away("2026-12-26 – 2026-12-24", &lan, Lang::En).unwrap_err();
        assert!(e.contains("“2026-12-26 – 2026-12-24”"), "{e}");
    }

    #[test]
    fn hours_read_back_as_written_and_refusals_name_the_part() {
        let lan = RepId::new("lan");
        assert!(
            parse_hours("08:00-12:00, 22:00–02:30", &lan, Lang::En)
                .unwrap_err()
                .contains("“22:00–02:30” ends before it starts"),
            "past midnight only with +1"
        );
        let dist = Distribution {
            hours: parse_hours("08:00-12:00, 22:00–02:30+1, 23:00-00:00", &lan, Lang::En).unwrap(),
            ..Distribution::default()
        };
        assert_eq!(
            hours_text(&dist, &lan),
            "08:00-12:00, 22:00-02:30+1, 23:00-00:00"
        );
        assert!(parse_hours(" ", &lan, Lang::En).unwrap().is_empty());
        for bad in ["8h-12h", "08:00", "09:00-09:00", "25:00-26:00"] {
            let e = parse_hours(bad, &lan, Lang::Vi).unwrap_err();
            assert!(e.contains(&format!("“{bad}”")), "{e}");
        }
    }
}
