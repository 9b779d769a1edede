//! The serialisable form of a business calendar (what settings, backups and
//! the calendar editor hold); [`super::BusinessCalendar::new`] validates it.

use crate::domain::zone::Zone;
use serde::{Deserialize, Serialize};

/// The serialisable form of a calendar, as users and backups write it:
/// `{"timezone": "Asia/Ho_Chi_Minh", "week": {"mon": [["08:00","12:00"]], …}, "holidays": ["2026-02-16"]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarSpec {
    /// IANA timezone name.
    pub timezone: String,
    /// Working intervals per weekday.
    #[serde(default)]
    pub week: WeekSpec,
    /// Closed dates, `YYYY-MM-DD`, in the calendar's timezone.
    #[serde(default)]
    pub holidays: Vec<String>,
    /// Dates with hours of their own: a make-up working day ("làm bù", a
    /// Saturday open to bridge a holiday), a half day, or a closed date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<DaySpec>,
}

/// One date's own hours, replacing its weekday's:
/// `{"date": "2026-04-25", "hours": [["08:00","17:00"]], "name": "Làm bù 30/4"}`;
/// no hours: the date is closed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaySpec {
    /// `YYYY-MM-DD`, in the calendar's timezone.
    pub date: String,
    /// Working intervals `[start, end]` as `HH:MM`, written as a weekday's.
    #[serde(default)]
    pub hours: Vec<(String, String)>,
    /// What the day is, for people ("Làm bù 30/4", "Year-end party").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

/// Intervals `[start, end]` as `HH:MM` strings, per weekday; a missing day is closed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct WeekSpec {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mon: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tue: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wed: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thu: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fri: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sat: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sun: Vec<(String, String)>,
}

impl WeekSpec {
    pub(super) fn days(&self) -> [(&'static str, &Vec<(String, String)>); 7] {
        [
            ("mon", &self.mon),
            ("tue", &self.tue),
            ("wed", &self.wed),
            ("thu", &self.thu),
            ("fri", &self.fri),
            ("sat", &self.sat),
            ("sun", &self.sun),
        ]
    }
}

impl CalendarSpec {
    /// Its timezone; Asia/Ho_Chi_Minh for a name no timezone has (a spec
    /// that [`BusinessCalendar::new`] accepted never has one).
    pub fn tz(&self) -> Zone {
        self.timezone
            .parse()
            .unwrap_or_else(|_| crate::domain::zone::Zone::ho_chi_minh())
    }
}
