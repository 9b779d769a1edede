//! Business hours: when SLA clocks run.
//!
//! A [`BusinessCalendar`] is a timezone (IANA name), a weekly schedule with any
//! number of intervals per day, and holiday dates. It answers three questions:
//! when is a target of business time reached ([`BusinessCalendar::due`], with
//! pauses [`BusinessCalendar::due_with_pauses`]), and how much business time
//! lies between two instants ([`BusinessCalendar::elapsed`]).
//!
//! # Rules
//! - Times are `HH:MM`, `00:00`–`23:59`; `24:00` may only end an interval and
//!   means the following midnight. An interval whose start equals its end is invalid.
//! - An interval whose end is before its start is an *overnight* interval
//!   (`22:00`–`06:00`): it belongs to the day it starts, so it must be that
//!   day's last interval and must end no later than the next weekday's first
//!   interval starts. Intervals of one day must not overlap (touching is fine).
//! - Days missing from `week` are closed. A calendar with no working time at
//!   all is refused (no target could ever be reached).
//! - A holiday (a whole date in the calendar's timezone) cancels, in full,
//!   every interval that *starts* on that date — including the part of an
//!   overnight interval after midnight — and nothing else (an overnight
//!   interval from the day before still runs into the holiday).
//! - A date with hours of its own (an *exception*: a make-up Saturday
//!   08:00–17:00, a half day 08:00–12:00, or no hours: closed) replaces its
//!   weekday's intervals on that date, written and checked like a
//!   weekday's; its overnight interval must end before the next date's
//!   first interval starts, and the day before's overnight interval before
//!   its first one. A date is given once: not twice among the exceptions,
//!   nor both a holiday and an exception. Exceptions do not change how long
//!   a working day is ([`BusinessCalendar::working_day`]): a half day is
//!   half a working day.
//! - DST: an opening or closing time that does not exist that day (spring
//!   forward) moves to the first instant after the gap; a time that occurs
//!   twice (fall back) means the earlier one. An interval that DST shrinks to
//!   nothing is skipped.
//! - A clock started outside working time starts at the next opening.
//! - For a positive target, a due time that falls exactly at closing stays at
//!   closing. A zero target gives the start itself if it is working time, else
//!   the next opening. Working intervals are half-open: `[open, close)`.
//! - Pauses (`[from, to)` instants, any order, may overlap) stop the clock: the
//!   due time is the instant when business time since the start, minus the
//!   business time inside pauses, reaches the target. A pause outside business
//!   hours therefore costs nothing.
//! - `elapsed(from, to)` is the business time in `[from, to)`; zero when `to <= from`.
//!
//! Consequences checked by property tests: `elapsed(s, due(s, d)) == d`; `due`
//! is monotonic in `d`; `due(due(s, a), b) == due(s, a + b)` for `b > 0`; pauses
//! never make a due time earlier.

use crate::domain::zone::Zone;
use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Utc,
};

mod build;
mod business_time;
mod error;
mod spec;
mod timeline;
mod vietnam;

pub use business_time::{BusinessTime, Mark};
pub use error::{CalendarError, CalendarField, Part};
pub use spec::{CalendarSpec, DaySpec, WeekSpec};
pub use timeline::Timeline;
pub use vietnam::vietnam_holidays;

const DAY_MINUTES: u32 = 24 * 60;

/// One working interval in minutes after the local midnight of the day it
/// starts; `end` may exceed 1440 (overnight or ending at 24:00).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Interval {
    start: u32,
    end: u32,
}

/// A validated business calendar. Build it with [`BusinessCalendar::new`].
#[derive(Clone, Debug)]
pub struct BusinessCalendar {
    tz: Zone,
    /// Monday first.
    week: [Vec<Interval>; 7],
    /// Sorted, each once.
    holidays: Vec<NaiveDate>,
    /// Dates with their own intervals, sorted by date, each once.
    exceptions: Vec<(NaiveDate, Vec<Interval>)>,
    spec: CalendarSpec,
}

impl BusinessCalendar {
    /// The intervals that start on local date `day`: none on a holiday,
    /// its own on a date with its own hours, else its weekday's.
    fn intervals_of(&self, day: NaiveDate) -> &[Interval] {
        if self.holidays.binary_search(&day).is_ok() {
            return &[];
        }
        match self.exceptions.binary_search_by_key(&day, |(d, _)| *d) {
            Ok(i) => &self.exceptions[i].1,
            Err(_) => &self.week[day.weekday().num_days_from_monday() as usize],
        }
    }

    /// The spec this calendar was built from.
    pub fn spec(&self) -> &CalendarSpec {
        &self.spec
    }

    /// The calendar's timezone.
    pub fn timezone(&self) -> Zone {
        self.tz
    }

    /// One *working day* as durations are written ("2 working days 3 h"):
    /// the business time most of the week's open days have (a tie: the
    /// longer) — 8 h in the Vietnam preset, never 24 business hours.
    /// Holidays do not change it; a day's intervals are counted whole, an
    /// overnight one included.
    pub fn working_day(&self) -> TimeDelta {
        let mut lengths: Vec<u32> = self
            .week
            .iter()
            .map(|day| day.iter().map(|iv| iv.end - iv.start).sum::<u32>())
            .filter(|m| *m > 0)
            .collect();
        crate::sort::sort(&mut lengths);
        // Runs of equal lengths, ascending: the longest run wins, the later
        // (longer) on a tie.
        let mut best = (0, 0);
        let mut i = 0;
        while i < lengths.len() {
            let run = lengths[i..]
                .iter()
                .take_while(|m| **m == lengths[i])
                .count();
            if run >= best.0 {
                best = (run, lengths[i]);
            }
            i += run;
        }
        TimeDelta::minutes(i64::from(best.1))
    }

    /// The instant at which `target` of business time has passed since `start`.
    pub fn due(&self, start: DateTime<Utc>, target: TimeDelta) -> DateTime<Utc> {
        self.due_with_pauses(start, target, &[])
    }

    /// Like [`BusinessCalendar::due`], with the clock stopped during `pauses`.
    pub fn due_with_pauses(
        &self,
        start: DateTime<Utc>,
        target: TimeDelta,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> DateTime<Utc> {
        let target = target.max(TimeDelta::zero());
        let pauses = merge(pauses);
        let mut remaining = target;
        for (open, close) in self.running(start, &pauses) {
            if target.is_zero() {
                return open;
            }
            let available = close - open;
            if remaining <= available {
                return open + remaining;
            }
            remaining -= available;
        }
        unreachable!("a validated calendar has working time every week")
    }

    /// Business time in `[from, to)`.
    pub fn elapsed(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> TimeDelta {
        self.elapsed_with_pauses(from, to, &[])
    }

    /// Business time in `[from, to)` outside `pauses`.
    pub fn elapsed_with_pauses(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> TimeDelta {
        let pauses = merge(pauses);
        let mut total = TimeDelta::zero();
        for (open, close) in self.running(from, &pauses) {
            if open >= to {
                break;
            }
            total += close.min(to) - open;
        }
        total
    }

    /// True when `at` is inside a working interval (pauses aside).
    pub fn is_working(&self, at: DateTime<Utc>) -> bool {
        self.working_from(at)
            .next()
            .is_some_and(|(open, _)| open == at)
    }

    /// Working stretches at or after `start` with `pauses` cut out, in order.
    fn running<'a>(
        &'a self,
        start: DateTime<Utc>,
        pauses: &'a [(DateTime<Utc>, DateTime<Utc>)],
    ) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + 'a {
        let mut p = pauses.iter().peekable();
        self.working_from(start).flat_map(move |(open, close)| {
            let mut pieces = Vec::new();
            let mut cursor = open;
            while let Some(&&(ps, pe)) = p.peek() {
                if pe <= cursor {
                    p.next();
                    continue;
                }
                if ps >= close {
                    break;
                }
                if ps > cursor {
                    pieces.push((cursor, ps));
                }
                cursor = cursor.max(pe);
                if pe >= close {
                    break;
                }
                p.next();
            }
            if cursor < close {
                pieces.push((cursor, close));
            }
            pieces
        })
    }

    /// Working intervals in UTC, clipped to start at or after `start`, in
    /// order, never overlapping, never empty.
    fn working_from(
        &self,
        start: DateTime<Utc>,
    ) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + '_ {
        let first_day = start.with_timezone(&self.tz).date_naive() - Days::new(1);
        let mut last_close = start;
        first_day
            .iter_days()
            .flat_map(move |day| {
                self.intervals_of(day)
                    .iter()
                    .map(move |iv| (self.instant(day, iv.start), self.instant(day, iv.end)))
            })
            .filter_map(move |(open, close)| {
                let open = open.max(last_close);
                if close <= open {
                    return None;
                }
                last_close = close;
                Some((open, close))
            })
    }

    /// The UTC instant of `minutes` after local midnight of `day` (may pass
    /// into following days), with the DST rules of the module docs.
    fn instant(&self, day: NaiveDate, minutes: u32) -> DateTime<Utc> {
        let date = day + Days::new(u64::from(minutes / DAY_MINUTES));
        let m = minutes % DAY_MINUTES;
        let time = NaiveTime::from_hms_opt(m / 60, m % 60, 0).expect("minutes below 1440");
        local_to_utc(self.tz, date.and_time(time))
    }
}

impl BusinessTime for BusinessCalendar {
    fn working_day(&self) -> TimeDelta {
        BusinessCalendar::working_day(self)
    }
    fn due_with_pauses(
        &self,
        start: DateTime<Utc>,
        target: TimeDelta,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> DateTime<Utc> {
        BusinessCalendar::due_with_pauses(self, start, target, pauses)
    }
    fn elapsed_with_pauses(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> TimeDelta {
        BusinessCalendar::elapsed_with_pauses(self, from, to, pauses)
    }
}

/// A local wall-clock time to UTC: the instant itself, the earlier of two, or
/// for a time skipped by DST the first instant after the gap.
fn local_to_utc(tz: Zone, local: NaiveDateTime) -> DateTime<Utc> {
    use chrono::LocalResult;
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(earlier, _) => earlier.with_timezone(&Utc),
        LocalResult::None => {
            // The first UTC instant whose local time is at or after `local`:
            // local time only jumps forward inside this window.
            let as_local = |u: NaiveDateTime| u + tz.offset_from_utc_datetime(&u).fix();
            let (mut lo, mut hi) = (local - TimeDelta::hours(36), local + TimeDelta::hours(36));
            while hi - lo > TimeDelta::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if as_local(mid) >= local {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            Utc.from_utc_datetime(&hi)
        }
    }
}

/// Sorts and merges pause ranges, dropping empty ones.
fn merge(pauses: &[(DateTime<Utc>, DateTime<Utc>)]) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut sorted: Vec<_> = pauses.iter().copied().filter(|(s, e)| e > s).collect();
    crate::sort::sort(&mut sorted);
    let mut merged: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::with_capacity(sorted.len());
    for (s, e) in sorted {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod exception_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod property_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod spec_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
