//! [`Timeline`]: a calendar's working intervals between two instants,
//! precomputed, answering the same business-time questions faster.

use super::*;

/// A calendar's working intervals between two instants, precomputed in UTC
/// with the business time before each, so `elapsed` is two binary searches
/// and `due` one. Instants are kept as `i64` nanoseconds (cheap to compare).
/// Questions that reach outside the range are answered by the calendar itself,
/// so a timeline never changes an answer, only its cost.
#[derive(Clone, Debug)]
pub struct Timeline {
    cal: BusinessCalendar,
    from: i64,
    to: i64,
    opens: Vec<i64>,
    closes: Vec<i64>,
    /// Business nanoseconds before interval `i`; one extra entry holds the total.
    before: Vec<i64>,
    /// For each whole day since `from`, how many intervals open at or before
    /// its first instant: a lookup starts there and scans the day's few
    /// intervals instead of searching the whole range.
    by_day: Vec<u32>,
}

const DAY_NANOS: i64 = 86_400 * 1_000_000_000;

/// `by_day` for intervals opening at `opens` (sorted), days from `from` to `to`.
fn day_buckets(opens: &[i64], from: i64, to: i64) -> Vec<u32> {
    let days = usize::try_from((to - from) / DAY_NANOS + 1).unwrap_or(0);
    let mut out = Vec::with_capacity(days);
    let mut i = 0;
    for d in 0..days as i64 {
        let start = from + d * DAY_NANOS;
        while i < opens.len() && opens[i] <= start {
            i += 1;
        }
        out.push(u32::try_from(i).unwrap_or(u32::MAX));
    }
    out
}

fn nanos(t: DateTime<Utc>) -> Option<i64> {
    t.timestamp_nanos_opt()
}

fn instant_of(n: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_nanos(n)
}

impl Timeline {
    /// Precomputes `calendar` over `[from, to)`.
    pub fn new(calendar: BusinessCalendar, from: DateTime<Utc>, to: DateTime<Utc>) -> Timeline {
        let (mut opens, mut closes, mut before) = (Vec::new(), Vec::new(), vec![0i64]);
        let (lo, hi) = (nanos(from), nanos(to));
        if let (Some(lo), Some(hi)) = (lo, hi) {
            for (open, close) in calendar.working_from(from) {
                let (Some(o), Some(c)) = (nanos(open), nanos(close)) else {
                    break;
                };
                if o >= hi {
                    break;
                }
                let total = *before.last().expect("never empty");
                before.push(total + (c - o));
                opens.push(o);
                closes.push(c);
            }
            // The range is trusted only up to the last close computed.
            let to = closes.last().copied().unwrap_or(lo).min(hi).max(lo);
            let by_day = day_buckets(&opens, lo, to);
            return Timeline {
                cal: calendar,
                from: lo,
                to,
                opens,
                closes,
                before,
                by_day,
            };
        }
        // Outside the i64-nanosecond era: an empty timeline that always falls back.
        Timeline {
            cal: calendar,
            from: 0,
            to: -1,
            opens,
            closes,
            before,
            by_day: Vec::new(),
        }
    }

    /// How many intervals open at or before `t` (covered): the day's bucket,
    /// then a short scan.
    fn opened_by(&self, t: i64) -> usize {
        let day = ((t - self.from) / DAY_NANOS) as usize;
        let mut i = self.by_day.get(day).map_or(0, |n| *n as usize);
        while i < self.opens.len() && self.opens[i] <= t {
            i += 1;
        }
        i
    }

    /// The calendar behind it.
    pub fn calendar(&self) -> &BusinessCalendar {
        &self.cal
    }

    fn covered(&self, t: DateTime<Utc>) -> Option<i64> {
        nanos(t).filter(|n| *n >= self.from && *n <= self.to)
    }

    /// Business nanoseconds in `[from, t)`; `t` must be covered.
    fn cum(&self, t: i64) -> i64 {
        let i = self.opened_by(t);
        if i == 0 {
            return 0;
        }
        self.before[i - 1] + (t.min(self.closes[i - 1]) - self.opens[i - 1])
    }

    /// Business time in `[a, b)` without pauses, when both are covered.
    fn span(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> Option<i64> {
        if b <= a {
            return Some(0);
        }
        Some(self.cum(self.covered(b)?) - self.cum(self.covered(a)?))
    }

    /// `due` without pauses, when the answer lies in the range.
    fn due_plain(&self, start: DateTime<Utc>, target: i64) -> Option<DateTime<Utc>> {
        let s = self.covered(start)?;
        if target == 0 {
            let i = self.closes.partition_point(|c| *c <= s);
            return self.opens.get(i).map(|o| instant_of((*o).max(s)));
        }
        let goal = self.cum(s) + target;
        // The answer is usually a few intervals ahead: scan, then search.
        let mut j = self.opened_by(s).saturating_sub(1);
        let mut steps = 0;
        while j < self.opens.len() && self.before[j + 1] < goal && steps < 8 {
            j += 1;
            steps += 1;
        }
        if steps == 8 {
            j += self.before[j + 1..].partition_point(|end| *end < goal);
        }
        (j < self.opens.len()).then(|| instant_of(self.opens[j] + (goal - self.before[j])))
    }

    fn due_fast(
        &self,
        start: DateTime<Utc>,
        target: TimeDelta,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> Option<DateTime<Utc>> {
        let target = target.max(TimeDelta::zero()).num_nanoseconds()?;
        let merged;
        let pauses = if pauses.is_empty() {
            pauses
        } else {
            merged = merge(pauses);
            &merged[..]
        };
        let mut remaining = target;
        let mut seg_start = start;
        let mut p = pauses.iter().filter(|(_, e)| *e > start).peekable();
        loop {
            // Skip a pause the segment starts in.
            while let Some(&&(ps, pe)) = p.peek() {
                if ps <= seg_start {
                    seg_start = seg_start.max(pe);
                    p.next();
                } else {
                    break;
                }
            }
            let seg_end = p.peek().map(|(ps, _)| *ps);
            let answer = self.due_plain(seg_start, remaining)?;
            match seg_end {
                Some(end) if answer > end || (target == 0 && answer >= end) => {
                    remaining -= self.span(seg_start, end)?;
                }
                _ => return Some(answer),
            }
            seg_start = end_of(seg_end);
        }
    }
}

fn end_of(seg_end: Option<DateTime<Utc>>) -> DateTime<Utc> {
    seg_end.expect("a segment that ends before the answer has an end")
}

impl BusinessTime for Timeline {
    fn working_day(&self) -> TimeDelta {
        self.cal.working_day()
    }

    fn position(&self, t: DateTime<Utc>) -> Option<i64> {
        self.covered(t).map(|n| self.cum(n))
    }

    fn due_with_pauses(
        &self,
        start: DateTime<Utc>,
        target: TimeDelta,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> DateTime<Utc> {
        self.due_fast(start, target, pauses)
            .unwrap_or_else(|| self.cal.due_with_pauses(start, target, pauses))
    }

    fn elapsed_with_pauses(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> TimeDelta {
        let fast = || -> Option<i64> {
            let mut total = self.span(from, to)?;
            if !pauses.is_empty() {
                for (ps, pe) in merge(pauses) {
                    total -= self.span(ps.max(from), pe.min(to))?;
                }
            }
            Some(total)
        };
        fast()
            .map(TimeDelta::nanoseconds)
            .unwrap_or_else(|| self.cal.elapsed_with_pauses(from, to, pauses))
    }
}
