//! Display helpers shared by views.

use chrono::{DateTime, Local, TimeDelta, Utc};

/// A timestamp in the browser's timezone, `YYYY-MM-DD HH:MM`.
pub fn local_datetime(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// A business duration as `1 h 05 min`, `45 min` or `3 d 2 h` (8-hour days are
/// not assumed: days here are 24 h of business time, rare outside long clocks).
pub fn business_duration(d: TimeDelta) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (days, hours) {
        (0, 0) => format!("{mins} min"),
        (0, h) => format!("{h} h {mins:02} min"),
        (d, h) => format!("{d} d {h} h"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        for (minutes, text) in [
            (0, "0 min"),
            (45, "45 min"),
            (65, "1 h 05 min"),
            (1500, "1 d 1 h"),
            (-5, "0 min"),
        ] {
            assert_eq!(business_duration(TimeDelta::minutes(minutes)), text);
        }
    }
}
