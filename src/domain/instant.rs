//! Instants in JSON, read and written fast: a backup holds millions of them.
//!
//! The text is exactly chrono's (RFC 3339 in UTC with a `Z`, fractions only
//! when there are some): the common whole-second form is written and read
//! by hand, anything else goes through chrono, which also words the errors.
//! Use with `#[serde(with = "crate::domain::instant")]`.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::de::{self, IntoDeserializer, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
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
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<DateTime<Utc>, E> {
        match parse_whole_second(s) {
            Some(t) => Ok(t),
            None => DateTime::<Utc>::deserialize(s.into_deserializer()),
        }
    }
}

/// Reads an instant.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(InstantVisitor)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Fast(#[serde(with = "super")] DateTime<Utc>);

    proptest! {
        #[test]
        fn same_text_and_same_instant_as_chrono(secs in -70_000_000_000i64..250_000_000_000, nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000]) {
            let t = DateTime::from_timestamp(secs, nanos).unwrap();
            let ours = serde_json::to_string(&Fast(t)).unwrap();
            prop_assert_eq!(&ours, &serde_json::to_string(&t).unwrap());
            prop_assert_eq!(serde_json::from_str::<Fast>(&ours).unwrap(), Fast(t));
        }
    }

    #[test]
    fn other_forms_and_errors_are_chronos() {
        for text in [
            "\"2026-03-05T11:14:07+07:00\"",
            "\"2026-03-05T04:14:07.5Z\"",
            "\"2026-03-05 04:14:07Z\"",
            "\"2026-02-30T04:14:07Z\"",
            "\"2026-03-05T24:00:00Z\"",
            "\"2026-03-05T04:14:60Z\"",
            "\"yesterday\"",
            "\"\"",
            "17",
        ] {
            let ours = serde_json::from_str::<Fast>(text).map(|f| f.0);
            let chrono = serde_json::from_str::<DateTime<Utc>>(text);
            match (ours, chrono) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
                (a, b) => panic!("{text}: {a:?} vs {b:?}"),
            }
        }
    }
}
