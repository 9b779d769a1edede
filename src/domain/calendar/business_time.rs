//! The business-time questions every calendar answers ([`BusinessTime`]),
//! and [`Mark`], an instant with its business position.

use chrono::{DateTime, TimeDelta, Utc};

/// Business-time questions, answered by a [`BusinessCalendar`](super::BusinessCalendar) or, faster, by
/// a [`Timeline`](super::Timeline) precomputed from one. Both give identical answers.
pub trait BusinessTime {
    /// See [`super::BusinessCalendar::due_with_pauses`].
    fn due_with_pauses(
        &self,
        start: DateTime<Utc>,
        target: TimeDelta,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> DateTime<Utc>;
    /// See [`super::BusinessCalendar::elapsed_with_pauses`].
    fn elapsed_with_pauses(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> TimeDelta;
    /// See [`super::BusinessCalendar::working_day`].
    fn working_day(&self) -> TimeDelta;
    /// See [`super::BusinessCalendar::due`].
    fn due(&self, start: DateTime<Utc>, target: TimeDelta) -> DateTime<Utc> {
        self.due_with_pauses(start, target, &[])
    }
    /// See [`super::BusinessCalendar::elapsed`].
    fn elapsed(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> TimeDelta {
        self.elapsed_with_pauses(from, to, &[])
    }
    /// Business nanoseconds from a fixed origin to `t`, when known without a
    /// walk through the calendar (a [`Timeline`](super::Timeline) inside its range). Then
    /// `elapsed(a, b)` is `position(b) - position(a)` for `a <= b`, which lets
    /// a walk through instants in order look each one up once ([`Mark`]).
    fn position(&self, _t: DateTime<Utc>) -> Option<i64> {
        None
    }
}

/// An instant and its business position ([`BusinessTime::position`]), for
/// measuring the business time between consecutive instants of a walk with
/// one lookup per instant instead of two per pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    at: DateTime<Utc>,
    /// The business position, or [`Mark::UNKNOWN`] (kept as a plain number
    /// so a mark takes 24 bytes, not 32).
    position: i64,
}

impl Mark {
    const UNKNOWN: i64 = i64::MIN;

    /// `at`, looked up in `cal`.
    pub fn new<C: BusinessTime + ?Sized>(cal: &C, at: DateTime<Utc>) -> Mark {
        Mark {
            at,
            position: cal.position(at).unwrap_or(Mark::UNKNOWN),
        }
    }

    /// The position as stored, for compact copies ([`Mark::from_raw`]).
    pub(crate) fn raw_position(self) -> i64 {
        self.position
    }

    /// A mark from [`Mark::raw_position`].
    pub(crate) fn from_raw(at: DateTime<Utc>, position: i64) -> Mark {
        Mark { at, position }
    }

    /// The instant.
    pub fn at(self) -> DateTime<Utc> {
        self.at
    }

    /// Business time from `self` to `later` (zero if `later` is earlier),
    /// exactly [`BusinessTime::elapsed`].
    pub fn until(self, cal: &dyn BusinessTime, later: Mark) -> TimeDelta {
        if self.position == Mark::UNKNOWN || later.position == Mark::UNKNOWN {
            cal.elapsed(self.at, later.at)
        } else {
            TimeDelta::nanoseconds((later.position - self.position).max(0))
        }
    }
}
