//! Helpers shared by the domain's tests.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;

/// A local Vietnam time `YYYY-MM-DD HH:MM` as UTC.
pub fn vn(local: &str) -> DateTime<Utc> {
    let n = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").expect("YYYY-MM-DD HH:MM");
    Ho_Chi_Minh
        .from_local_datetime(&n)
        .unwrap()
        .with_timezone(&Utc)
}
