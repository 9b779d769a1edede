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
