//! Timezones by IANA name, without shipping the timezone database.
//!
//! A [`Zone`] is a chrono [`TimeZone`] whose offsets come from an
//! [`OffsetSource`]: natively chrono-tz (tests, tools), in the browser its
//! own `Intl` data (`app::zones`), so the wasm carries no tables (chrono-tz
//! weighed 142 KB of the gzip first load; BENCHMARKS.md). The first use of a name asks the
//! source once per week from [`FROM`] to [`TO`], finds each change to the
//! second, and keeps that table for the rest of the process; outside the
//! sampled years the same rules are repeated with the calendar's 28-year
//! cycle (dates and weekdays repeat, so "last Sunday of March" does too).
//!
//! Rules:
//! - The source is installed once, before the first zone is looked up
//!   ([`install`]); without one, native builds use chrono-tz and the
//!   browser knows only the [`FIXED`] zones.
//! - The [`FIXED`] zones (UTC, Vietnam's) are never asked of the source:
//!   their offset has not changed since 1975 and a change would come with a
//!   new release, like chrono-tz's tables. A new workspace's zone is one of
//!   them, so a first visit starts without the browser's first
//!   `Intl.DateTimeFormat` and its 2 600 samples (measured: ≈ 230 ms of
//!   the start on a 4× slower CPU; BENCHMARKS.md, "Lighthouse").
//! - Two offsets closer than a week apart (a change undone within the
//!   week) are not seen; no zone does this in the sampled years.

use chrono::{FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, Offset, TimeZone};
use std::fmt;
use std::str::FromStr;
use std::sync::{Mutex, OnceLock};

/// First sampled instant: 2000-01-01T00:00:00Z.
pub const FROM: i64 = 946_684_800;
/// Last sampled instant: 2050-01-01T00:00:00Z.
pub const TO: i64 = 2_524_608_000;
const STEP: i64 = 7 * 86_400;
/// 28 Gregorian years (valid 1901–2099: no skipped leap year inside).
const CYCLE: i64 = 10_227 * 86_400;

/// Where offsets come from: the UTC offset in seconds of zone `name` at
/// `utc` (seconds since the epoch), None when the name is no zone.
pub trait OffsetSource: Send + Sync {
    /// The offset, or None for an unknown name.
    fn offset(&self, name: &str, utc: i64) -> Option<i32>;
}

static SOURCE: OnceLock<Box<dyn OffsetSource>> = OnceLock::new();

/// Installs the offset source; the first call wins (false afterwards).
pub fn install(source: Box<dyn OffsetSource>) -> bool {
    SOURCE.set(source).is_ok()
}

fn offset_at(name: &str, utc: i64) -> Option<i32> {
    match SOURCE.get() {
        Some(s) => s.offset(name, utc),
        None => builtin(name, utc),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn builtin(name: &str, utc: i64) -> Option<i32> {
    ChronoTz.offset(name, utc)
}

#[cfg(target_arch = "wasm32")]
fn builtin(name: &str, _utc: i64) -> Option<i32> {
    fixed(name)
}

/// Zones whose offset is the same all through the sampled years (and
/// since 1975): worked out without the source.
pub const FIXED: [(&str, i32); 4] = [
    ("UTC", 0),
    ("Etc/UTC", 0),
    ("Asia/Ho_Chi_Minh", 7 * 3600),
    ("Asia/Saigon", 7 * 3600),
];

fn fixed(name: &str) -> Option<i32> {
    FIXED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, offset)| *offset)
}

/// chrono-tz's tables (native builds).
#[cfg(not(target_arch = "wasm32"))]
pub struct ChronoTz;

#[cfg(not(target_arch = "wasm32"))]
impl OffsetSource for ChronoTz {
    fn offset(&self, name: &str, utc: i64) -> Option<i32> {
        let tz: chrono_tz::Tz = name.parse().ok()?;
        let at = chrono::DateTime::from_timestamp(utc, 0)?.naive_utc();
        Some(tz.offset_from_utc_datetime(&at).fix().local_minus_utc())
    }
}

/// One zone's offsets: `offsets[i]` holds from `starts[i]` (UTC seconds)
/// until the next start; `starts[0]` is [`FROM`].
struct Table {
    name: &'static str,
    starts: Vec<i64>,
    offsets: Vec<i32>,
}

impl Table {
    fn build(name: &str) -> Option<Table> {
        let mut starts = vec![FROM];
        if let Some(offset) = fixed(name) {
            return Some(Table {
                name: Box::leak(name.to_owned().into_boxed_str()),
                starts,
                offsets: vec![offset],
            });
        }
        let mut offsets = vec![offset_at(name, FROM)?];
        let mut t = FROM;
        while t < TO {
            let next = (t + STEP).min(TO);
            let now = *offsets.last().expect("one offset at least");
            let later = offset_at(name, next)?;
            if later != now {
                // The change lies in (t, next]: the first second with `later`.
                let (mut lo, mut hi) = (t, next);
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if offset_at(name, mid)? == now {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                starts.push(hi);
                offsets.push(offset_at(name, hi)?);
            }
            t = next;
        }
        Some(Table {
            name: Box::leak(name.to_owned().into_boxed_str()),
            starts,
            offsets,
        })
    }

    /// The period index holding `utc`, which lies within the table.
    fn index(&self, utc: i64) -> usize {
        self.starts.partition_point(|s| *s <= utc).saturating_sub(1)
    }

    /// `utc` moved into the sampled years by whole cycles.
    fn fold(utc: i64) -> i64 {
        if utc < FROM {
            utc + (FROM - utc + CYCLE - 1) / CYCLE * CYCLE
        } else if utc >= TO {
            utc - ((utc - TO) / CYCLE + 1) * CYCLE
        } else {
            utc
        }
    }

    fn offset(&self, utc: i64) -> i32 {
        self.offsets[self.index(Table::fold(utc))]
    }

    /// The offsets under which local time `local` (seconds, as if UTC)
    /// exists, earlier instant first.
    fn local(&self, local: i64) -> MappedLocalTime<i32> {
        let l = Table::fold(local);
        // Offsets lie within ±26 h: every period that may hold `l - offset`.
        let first = self.index((l - 26 * 3600).max(FROM));
        let mut found: Vec<i32> = Vec::with_capacity(2);
        for i in first..self.starts.len() {
            if self.starts[i] > l + 26 * 3600 {
                break;
            }
            let off = self.offsets[i];
            let utc = l - i64::from(off);
            let end = self.starts.get(i + 1).copied().unwrap_or(i64::MAX);
            let start = if i == 0 { i64::MIN } else { self.starts[i] };
            if utc >= start && utc < end && !found.contains(&off) {
                found.push(off);
            }
        }
        match found.as_slice() {
            [] => MappedLocalTime::None,
            [one] => MappedLocalTime::Single(*one),
            [a, b, ..] => {
                // Earlier instant = the larger offset.
                let (early, late) = if a >= b { (*a, *b) } else { (*b, *a) };
                MappedLocalTime::Ambiguous(early, late)
            }
        }
    }
}

/// Every zone looked up so far (tables live for the whole process).
static KNOWN: Mutex<Vec<&'static Table>> = Mutex::new(Vec::new());

/// A timezone by IANA name (see the module docs). `Copy`, compared by name.
#[derive(Clone, Copy)]
pub struct Zone(&'static Table);

/// The name is no timezone the source knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownZone(pub String);

impl fmt::Display for UnknownZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not a timezone name", self.0)
    }
}

impl std::error::Error for UnknownZone {}

impl Zone {
    /// The zone named `name`, its offsets worked out on first use.
    pub fn named(name: &str) -> Result<Zone, UnknownZone> {
        let unknown = || UnknownZone(name.to_owned());
        if name.is_empty() || name.len() > 64 {
            return Err(unknown());
        }
        let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = known.iter().find(|t| t.name == name) {
            return Ok(Zone(t));
        }
        let table: &'static Table = Box::leak(Box::new(Table::build(name).ok_or_else(unknown)?));
        known.push(table);
        Ok(Zone(table))
    }

    /// Asia/Ho_Chi_Minh, the default of a new workspace.
    pub fn ho_chi_minh() -> Zone {
        Zone::named("Asia/Ho_Chi_Minh").expect("every source knows Asia/Ho_Chi_Minh")
    }

    /// Its IANA name.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The instants (UTC seconds) its offset changed at, within the
    /// sampled years.
    pub fn changes(self) -> &'static [i64] {
        &self.0.starts[1..]
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Zone {}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Zone({})", self.0.name)
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

impl FromStr for Zone {
    type Err = UnknownZone;
    fn from_str(s: &str) -> Result<Zone, UnknownZone> {
        Zone::named(s)
    }
}

impl serde::Serialize for Zone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.name)
    }
}

/// A zone's offset at one instant.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ZoneOffset {
    zone: Zone,
    fixed: FixedOffset,
}

impl fmt::Debug for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.fixed)
    }
}

impl fmt::Display for ZoneOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.fixed)
    }
}

impl Offset for ZoneOffset {
    fn fix(&self) -> FixedOffset {
        self.fixed
    }
}

impl Zone {
    fn at(self, seconds: i32) -> ZoneOffset {
        ZoneOffset {
            zone: self,
            fixed: FixedOffset::east_opt(seconds).unwrap_or(FixedOffset::east_opt(0).expect("0")),
        }
    }
}

impl TimeZone for Zone {
    type Offset = ZoneOffset;

    fn from_offset(offset: &ZoneOffset) -> Zone {
        offset.zone
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<ZoneOffset> {
        self.offset_from_local_datetime(&local.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<ZoneOffset> {
        self.0
            .local(local.and_utc().timestamp())
            .map(|s| self.at(s))
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> ZoneOffset {
        self.offset_from_utc_datetime(&utc.and_time(chrono::NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> ZoneOffset {
        self.at(self.0.offset(utc.and_utc().timestamp()))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
