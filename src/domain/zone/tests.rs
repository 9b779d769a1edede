use super::*;
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::{TZ_VARIANTS, Tz};

fn instant(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(s, 0).expect("in range")
}

#[test]
fn every_zone_gives_chrono_tz_offsets_in_the_sampled_years() {
    for tz in TZ_VARIANTS {
        let zone = Zone::named(tz.name()).expect("a chrono-tz name");
        let mut t = FROM;
        while t < TO {
            let at = instant(t);
            assert_eq!(
                at.with_timezone(&zone).fixed_offset(),
                at.with_timezone(&tz).fixed_offset(),
                "{} at {at}",
                tz.name()
            );
            t += 97 * 3600 + 17;
        }
    }
}

#[test]
fn the_fixed_zones_kept_their_offset_since_1975_as_chrono_tz_says() {
    // 1975-07-01: Vietnam on +07:00 since 13 June 1975.
    for (name, offset) in FIXED {
        let mut t = 173_404_800;
        while t < TO {
            assert_eq!(
                ChronoTz.offset(name, t),
                Some(offset),
                "{name} at {}",
                instant(t)
            );
            t += 86_400;
        }
        assert!(Zone::named(name).unwrap().changes().is_empty(), "{name}");
    }
}

/// Every local time near a change of `tz` (and a few elsewhere), as chrono-tz
/// reads it: none (skipped), one instant or two (repeated).
fn same_local_reading(tz: Tz, zone: Zone, local: NaiveDateTime) {
    let ours = zone
        .from_local_datetime(&local)
        .map(|t| t.with_timezone(&Utc));
    let theirs = tz
        .from_local_datetime(&local)
        .map(|t| t.with_timezone(&Utc));
    assert_eq!(ours, theirs, "{} at local {local}", tz.name());
}

#[test]
fn local_times_around_every_change_read_as_chrono_tz_reads_them() {
    for tz in TZ_VARIANTS {
        let zone = Zone::named(tz.name()).expect("a chrono-tz name");
        for (i, start) in zone.0.starts.iter().enumerate().skip(1) {
            let before = i64::from(zone.0.offsets[i - 1]);
            let after = i64::from(zone.0.offsets[i]);
            for base in [start + before, start + after] {
                for d in (-90..=90).step_by(15) {
                    let local = instant(base + d * 60).naive_utc();
                    same_local_reading(tz, zone, local);
                }
            }
        }
        let mut t = FROM + 3 * 86_400;
        while t < TO {
            same_local_reading(tz, zone, instant(t).naive_utc());
            t += 97 * 86_400;
        }
    }
}

#[test]
fn years_outside_the_samples_repeat_the_rules_of_a_calendar_cycle() {
    for name in [
        "Europe/Paris",
        "America/New_York",
        "Australia/Sydney",
        "Asia/Ho_Chi_Minh",
        "Asia/Tokyo",
        "America/Sao_Paulo",
        "UTC",
    ] {
        let tz: Tz = name.parse().unwrap();
        let zone = Zone::named(name).unwrap();
        let mut t = TO;
        while t < TO + 40 * 365 * 86_400 {
            let at = instant(t);
            assert_eq!(
                at.with_timezone(&zone).fixed_offset(),
                at.with_timezone(&tz).fixed_offset(),
                "{name} at {at}"
            );
            t += 5 * 86_400 + 3_600;
        }
    }
}

#[test]
fn names_are_checked_and_kept() {
    assert_eq!(
        Zone::named("Asia/Ho_Chi_Minh").unwrap().name(),
        "Asia/Ho_Chi_Minh"
    );
    assert_eq!(
        "Mars/Olympus_Mons".parse::<Zone>(),
        Err(UnknownZone("Mars/Olympus_Mons".into()))
    );
    assert!(Zone::named("").is_err());
    let a = Zone::named("Europe/Paris").unwrap();
    assert_eq!(
        a,
        "Europe/Paris".parse().unwrap(),
        "the same zone, looked up twice"
    );
    assert_eq!(serde_json::to_string(&a).unwrap(), "\"Europe/Paris\"");
    let paris = Utc
        .with_ymd_and_hms(2026, 7, 1, 12, 0, 0)
        .unwrap()
        .with_timezone(&a);
    assert_eq!(paris.to_rfc3339(), "2026-07-01T14:00:00+02:00");
    assert_eq!(
        paris + TimeDelta::days(180),
        paris.with_timezone(&Utc).with_timezone(&a) + TimeDelta::days(180)
    );
}
