//! Instants in JSON, read and written fast: a backup holds millions of them.
//!
//! The text is exactly chrono's (RFC 3339 in UTC with a `Z`, fractions only
//! when there are some): the common whole-second form is written and read
//! by hand, any other RFC 3339 form (an offset, a fraction, a space or a
//! small `t` between date and time) through chrono's RFC 3339 reader. Text
//! that is not one is refused with the value and what was expected, in
//! words `ui::i18n::backup` also says in Vietnamese. Use with
//! `#[serde(with = "crate::domain::instant")]`, or
//! `crate::domain::instant::option` for an `Option`.
//!
//! Never chrono's general parser (`str::parse`, `parse_from_str`): its
//! format machinery was ≈ 28 KB of the main module's code (BENCHMARKS.md,
//! "Bundle"); dates (`YYYY-MM-DD`) are read and written here too.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::de::{self, Unexpected, Visitor};
use serde::{Deserializer, Serialize, Serializer};
use std::fmt;

/// `YYYY-MM-DDTHH:MM:SSZ` for a whole second in years 0–9999.
fn whole_second(t: &DateTime<Utc>) -> Option<[u8; 20]> {
    if t.nanosecond() != 0 || !(0..=9999).contains(&t.year()) {
        return None;
    }
    let mut out = *b"0000-00-00T00:00:00Z";
    let mut put = |at: usize, width: usize, mut n: u32| {
        for i in (0..width).rev() {
            out[at + i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    put(0, 4, t.year() as u32);
    put(5, 2, t.month());
    put(8, 2, t.day());
    put(11, 2, t.hour());
    put(14, 2, t.minute());
    put(17, 2, t.second());
    Some(out)
}

/// Reads `YYYY-MM-DDTHH:MM:SSZ`; `None` for any other text.
fn parse_whole_second(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?;
    let time = date.and_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)?;
    Some(time.and_utc())
}

/// Any RFC 3339 date and time, in UTC; also the years before 0 and after
/// 9999 as chrono writes them (`-0051-…`, `+10000-…`), so whatever was
/// written is read back.
pub fn parse(s: &str) -> Option<DateTime<Utc>> {
    parse_whole_second(s)
        .or_else(|| {
            DateTime::parse_from_rfc3339(s)
                .ok()
                .map(|t| t.with_timezone(&Utc))
        })
        .or_else(|| parse_far_year(s))
}

/// A signed year of four digits or more, then the rest of an RFC 3339 text.
fn parse_far_year(s: &str) -> Option<DateTime<Utc>> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = s[1..].bytes().take_while(u8::is_ascii_digit).count();
    if !(4..=6).contains(&digits) {
        return None;
    }
    let year: i32 = s[1..1 + digits].parse().ok()?;
    // Read with a leap year in its place, then given its own year (a 29
    // February of a year that has none is refused there).
    let t = DateTime::parse_from_rfc3339(&format!("2000{}", &s[1 + digits..])).ok()?;
    let local = t.naive_local().with_year(sign * year)?;
    Some(local.checked_sub_offset(*t.offset())?.and_utc())
}

/// A date as `YYYY-MM-DD`.
pub fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Reads a date written `YYYY-MM-DD` (month and day may have one digit).
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let mut num = |max_len: usize| -> Option<u32> {
        let p = parts.next()?;
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|c| c.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (y, m, d) = (num(4)?, num(2)?, num(2)?);
    if parts.next().is_some() || s.len() < 8 {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// A date as a person types it: `2026-04-30` (ISO) or day first,
/// `30/04/2026` / `30/4/2026` / `30.04.2026` (as Vietnam writes dates).
pub fn parse_typed_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = parse_ymd(s) {
        return Some(d);
    }
    let mut parts = s.split(['/', '.']);
    let mut num = |max_len: usize| -> Option<u32> {
        let p = parts.next()?;
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|c| c.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (d, m, y) = (num(2)?, num(2)?, num(4)?);
    if parts.next().is_some() || y < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// What an instant looks like, as a refusal says it.
pub const EXPECTED: &str = "a date and time such as 2026-03-05T04:14:07Z";

/// Writes an instant.
pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    match whole_second(t) {
        Some(text) => s.serialize_str(std::str::from_utf8(&text).expect("ASCII")),
        None => t.serialize(s),
    }
}

struct InstantVisitor;

impl Visitor<'_> for InstantVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<DateTime<Utc>, E> {
        parse(s).ok_or_else(|| E::invalid_value(Unexpected::Str(s), &self))
    }
}

/// Reads an instant.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(InstantVisitor)
}

/// The same for an `Option` (`null` or absent with `#[serde(default)]`).
pub mod option {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    #[derive(Deserialize)]
    struct Instant(#[serde(with = "super")] DateTime<Utc>);

    /// Writes an optional instant.
    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    /// Reads an optional instant.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        Ok(Option::<Instant>::deserialize(d)?.map(|i| i.0))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Fast(#[serde(with = "super")] DateTime<Utc>);

    proptest! {
        #[test]
        fn same_text_and_same_instant_as_chrono(secs in -70_000_000_000i64..400_000_000_000, nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000]) {
            let t = DateTime::from_timestamp(secs, nanos).unwrap();
            let ours = serde_json::to_string(&Fast(t)).unwrap();
            prop_assert_eq!(&ours, &serde_json::to_string(&t).unwrap());
            prop_assert_eq!(serde_json::from_str::<Fast>(&ours).unwrap(), Fast(t));
        }
    }

    #[test]
    fn other_rfc_3339_forms_read_as_chrono_reads_them() {
        for text in [
            "2026-03-05T11:14:07+07:00",
            "2026-03-05T04:14:07.5Z",
            "2026-03-05 04:14:07Z",
            "2026-03-05t04:14:07z",
            "2026-03-05T04:14:60Z",
            "2026-03-05T04:14:07.123456789-00:30",
            "-0051-09-27T16:56:59Z",
            "+10000-01-01T00:30:00+01:00",
            "-0004-02-29T23:00:00-02:00",
        ] {
            let ours = serde_json::from_str::<Fast>(&format!("\"{text}\"")).map(|f| f.0);
            let chrono = serde_json::from_str::<DateTime<Utc>>(&format!("\"{text}\""));
            let ours = ours.unwrap();
            assert_eq!(ours, chrono.unwrap(), "{text}");
            assert_eq!(parse(text), Some(ours));
        }
    }

    #[test]
    fn anything_else_is_refused_with_its_value() {
        for text in [
            "2026-02-30T04:14:07Z",
            "2026-03-05T24:00:00Z",
            "2026-03-05",
            "-0003-02-29T00:00:00Z",
            "+10000-01-01",
            "yesterday",
            "",
        ] {
            let e = serde_json::from_str::<Fast>(&format!("\"{text}\"")).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!(
                    "invalid value: string \"{text}\", expected {EXPECTED} at line 1 column {}",
                    text.len() + 2
                ),
            );
        }
        let e = serde_json::from_str::<Fast>("17").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("invalid type: integer `17`, expected a date"),
            "{e}"
        );
    }

    #[test]
    fn optional_instants() {
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Opt {
            #[serde(
                default,
                skip_serializing_if = "Option::is_none",
                with = "super::option"
            )]
            at: Option<DateTime<Utc>>,
        }
        let t = parse("2026-03-05T04:14:07Z");
        for (value, text) in [(t, r#"{"at":"2026-03-05T04:14:07Z"}"#), (None, "{}")] {
            assert_eq!(serde_json::to_string(&Opt { at: value }).unwrap(), text);
            assert_eq!(serde_json::from_str::<Opt>(text).unwrap().at, value);
        }
        assert_eq!(
            serde_json::from_str::<Opt>(r#"{"at":null}"#).unwrap().at,
            None
        );
        assert!(serde_json::from_str::<Opt>(r#"{"at":"soon"}"#).is_err());
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(ymd(d), "2026-03-05");
        assert_eq!(ymd(d), d.format("%Y-%m-%d").to_string());
        assert_eq!(parse_ymd("2026-03-05"), Some(d));
        assert_eq!(parse_ymd("2026-3-5"), Some(d));
        for bad in [
            "",
            "2026-02-30",
            "2026-03",
            "2026-03-05-1",
            "26-3-5x",
            "2026/03/05",
            "+026-03-05",
            "2026-003-05",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
        for typed in ["2026-03-05", " 05/03/2026 ", "5/3/2026", "05.03.2026"] {
            assert_eq!(parse_typed_date(typed), Some(d), "{typed}");
        }
        for bad in [
            "30/02/2026",
            "05/03/26",
            "2026/03/05",
            "05/03/2026/1",
            "5/3",
            "",
        ] {
            assert_eq!(parse_typed_date(bad), None, "{bad}");
        }
    }
}
