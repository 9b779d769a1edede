//! Why a calendar spec was refused, and where: a structured place people
//! read in their words, written as the spec's JSON path by `Display`.

use std::fmt;

/// Which time of an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// When it starts.
    Start,
    /// When it ends.
    End,
}

/// Where in a calendar spec a problem is. People read it in their words
/// (the settings screen names the day and the interval); `Display` writes
/// it as the spec's JSON path (`week.mon[1][0]`, `holidays[3]`), which is
/// what a backup file's reader needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarField {
    /// Interval `interval` (from 0) of weekday `day` (0 = Monday), or one
    /// of its times.
    Week {
        /// The weekday, Monday first.
        day: usize,
        /// The interval, in the order written.
        interval: usize,
        /// Its start or end, or the whole interval.
        part: Option<Part>,
    },
    /// The holiday at this position (from 0).
    Holiday(usize),
    /// The date with its own hours at this position (from 0): its date
    /// (`interval` `None`), or one of its intervals or their times.
    Exception {
        /// Its position in the list.
        index: usize,
        /// The interval, in the order written; `None`: the date itself.
        interval: Option<usize>,
        /// Its start or end, or the whole interval.
        part: Option<Part>,
    },
}

impl fmt::Display for CalendarField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        match self {
            CalendarField::Week {
                day,
                interval,
                part,
            } => {
                write!(f, "week.{}[{interval}]", DAYS[*day % 7])?;
                match part {
                    Some(Part::Start) => f.write_str("[0]"),
                    Some(Part::End) => f.write_str("[1]"),
                    None => Ok(()),
                }
            }
            CalendarField::Holiday(i) => write!(f, "holidays[{i}]"),
            CalendarField::Exception {
                index,
                interval,
                part,
            } => {
                write!(f, "exceptions[{index}]")?;
                match interval {
                    None => f.write_str(".date"),
                    Some(i) => {
                        write!(f, ".hours[{i}]")?;
                        match part {
                            Some(Part::Start) => f.write_str("[0]"),
                            Some(Part::End) => f.write_str("[1]"),
                            None => Ok(()),
                        }
                    }
                }
            }
        }
    }
}

/// Why a calendar spec was refused, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// The timezone is not an IANA name this app knows.
    UnknownTimezone(String),
    /// A time is not `HH:MM` in range, or `24:00` starts an interval.
    BadTime {
        /// Where.
        field: CalendarField,
        /// What was written.
        value: String,
    },
    /// An interval starts and ends at the same time.
    EmptyInterval {
        /// Where.
        field: CalendarField,
    },
    /// Two intervals overlap (or an overnight interval runs into the next day's first one).
    Overlap {
        /// The later interval.
        field: CalendarField,
        /// The interval it overlaps.
        other: CalendarField,
    },
    /// A holiday (or a date with its own hours) is not a `YYYY-MM-DD` date.
    BadHoliday {
        /// Where.
        field: CalendarField,
        /// What was written.
        value: String,
    },
    /// One date given two ways: twice among the dates with their own
    /// hours, or both closed as a holiday and given hours.
    TwiceGiven {
        /// The later mention.
        field: CalendarField,
        /// The earlier one.
        other: CalendarField,
        /// The date.
        date: String,
    },
    /// No day has any working interval.
    NoWorkingTime,
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::UnknownTimezone(tz) => {
                write!(
                    f,
                    "timezone: '{tz}' is not a known IANA timezone such as Asia/Ho_Chi_Minh"
                )
            }
            CalendarError::BadTime { field, value } => write!(
                f,
                "{field}: '{value}' is not a time of day (HH:MM from 00:00 to 23:59; 24:00 only ends an interval)"
            ),
            CalendarError::EmptyInterval { field } => {
                write!(f, "{field}: the interval starts and ends at the same time")
            }
            CalendarError::Overlap { field, other } => write!(f, "{field}: overlaps {other}"),
            CalendarError::BadHoliday { field, value } => {
                write!(f, "{field}: '{value}' is not a date (YYYY-MM-DD)")
            }
            CalendarError::TwiceGiven { field, other, date } => {
                write!(f, "{field}: {date} is already given at {other}")
            }
            CalendarError::NoWorkingTime => {
                f.write_str("week: no day has working hours, so no SLA clock could ever run")
            }
        }
    }
}

impl std::error::Error for CalendarError {}
