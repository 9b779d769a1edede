//! Display helpers shared by views.

use chrono::{DateTime, Local, Utc};

/// A timestamp in the browser's timezone, `YYYY-MM-DD HH:MM`.
pub fn local_datetime(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}
