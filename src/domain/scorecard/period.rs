//! Reporting periods: a day, an ISO week or a month in the workspace
//! timezone, and how much of one has passed.

use crate::domain::zone::Zone;
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// A reporting period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// One calendar day.
    Day(NaiveDate),
    /// An ISO week, by its Monday.
    Week(NaiveDate),
    /// A month, by its first day.
    Month(NaiveDate),
}

/// The kind of period, for "the period containing this instant".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// Months.
    Month,
}

impl Period {
    /// The period of `kind` containing `at` in `tz`.
    pub fn containing(kind: PeriodKind, at: DateTime<Utc>, tz: Zone) -> Period {
        let d = at.with_timezone(&tz).date_naive();
        match kind {
            PeriodKind::Day => Period::Day(d),
            PeriodKind::Week => {
                Period::Week(d - Days::new(u64::from(d.weekday().num_days_from_monday())))
            }
            PeriodKind::Month => Period::Month(d.with_day(1).expect("day 1 exists")),
        }
    }

    fn first_and_next(self) -> (NaiveDate, NaiveDate) {
        match self {
            Period::Day(d) => (d, d + Days::new(1)),
            Period::Week(d) => (d, d + Days::new(7)),
            Period::Month(d) => (d, d + Months::new(1)),
        }
    }

    /// How much of this period's business time has passed at `now`: 1 once
    /// it is over, 0 before it starts (a period without business hours
    /// counts as over once it starts).
    pub fn elapsed_share(
        self,
        cal: &crate::domain::calendar::BusinessCalendar,
        now: DateTime<Utc>,
    ) -> f64 {
        let (start, end) = self.range(cal.timezone());
        if now >= end {
            return 1.0;
        }
        if now <= start {
            return 0.0;
        }
        let total = cal.elapsed(start, end).num_seconds();
        if total <= 0 {
            return 1.0;
        }
        (cal.elapsed(start, now).num_seconds() as f64 / total as f64).clamp(0.0, 1.0)
    }

    /// `[start, end)` as instants.
    pub fn range(self, tz: Zone) -> (DateTime<Utc>, DateTime<Utc>) {
        let midnight = |d: NaiveDate| {
            let local = d.and_hms_opt(0, 0, 0).expect("midnight");
            tz.from_local_datetime(&local)
                .earliest()
                .unwrap_or_else(|| tz.from_utc_datetime(&local))
                .with_timezone(&Utc)
        };
        let (first, next) = self.first_and_next();
        (midnight(first), midnight(next))
    }

    /// The period before this one.
    pub fn previous(self) -> Period {
        match self {
            Period::Day(d) => Period::Day(d - Days::new(1)),
            Period::Week(d) => Period::Week(d - Days::new(7)),
            Period::Month(d) => Period::Month(d - Months::new(1)),
        }
    }

    /// The `count` periods ending with this one, oldest first.
    pub fn ending_with(self, count: usize) -> Vec<Period> {
        let mut periods: Vec<Period> = std::iter::successors(Some(self), |p| Some(p.previous()))
            .take(count)
            .collect();
        periods.reverse();
        periods
    }

    /// The period after this one.
    pub fn next(self) -> Period {
        match self {
            Period::Day(d) => Period::Day(d + Days::new(1)),
            Period::Week(d) => Period::Week(d + Days::new(7)),
            Period::Month(d) => Period::Month(d + Months::new(1)),
        }
    }

    /// `2026-03-02`, `2026-W10` or `2026-03`.
    pub fn label(self) -> String {
        match self {
            Period::Day(d) => crate::domain::instant::ymd(d),
            Period::Week(d) => {
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month(d) => format!("{:04}-{:02}", d.year(), d.month()),
        }
    }
}
