use super::*;
use crate::domain::sample::generate;
use chrono::TimeZone;
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn import_of_export_is_the_same_workspace(seed in any::<u64>(), leads in 0usize..300, reps in 2usize..20) {
        let ws = generate(seed, leads, reps, now());
        prop_assert_eq!(import_json(&export_json(&ws, now())).unwrap(), ws);
    }
}

/// The one-pass reader takes what the careful one takes, with the same
/// result, and leaves anything unusual to it.
#[test]
fn both_readers_agree() {
    let ws = generate(4, 40, 3, now());
    let text = export_json(&ws, now());
    // Unknown fields, added as text: a `Value` would reorder the keys.
    let unknown = text
        .replacen('{', "{\"note\":\"kept aside\",", 1)
        .replacen("\"data\":{", "\"data\":{\"future_setting\":[1,2],", 1)
        .replacen(
            "\"activities\":[{",
            "\"activities\":[{\"mood\":\"good\",",
            1,
        );
    for text in [text.clone(), unknown] {
        let fast = serde_json::from_str::<fast::Backup>(&text).unwrap().0;
        assert_eq!(fast, read_carefully(&text).unwrap());
    }
    // `data` before `version`, an older version, a repeated part: careful path only.
    let data_first = format!(
        "{{\"data\":{},\"format\":\"{FORMAT}\",\"version\":1}}",
        serde_json::to_string(&ws).unwrap()
    );
    let repeated = text.replacen("\"reps\":", "\"reps\":[],\"reps\":", 1);
    for text in [data_first, repeated] {
        assert!(serde_json::from_str::<fast::Backup>(&text).is_err());
        assert_eq!(import_json(&text).unwrap().leads, ws.leads);
    }
}

#[test]
fn unknown_fields_are_kept_through_a_round_trip() {
    let ws = generate(3, 5, 2, now());
    let mut v: Value = serde_json::from_str(&export_json(&ws, now())).unwrap();
    v["data"]["future_setting"] = serde_json::json!({"a": 1});
    v["data"]["leads"][0]["favourite_colour"] = "teal".into();
    v["data"]["reps"][0]["nickname"] = "Lanie".into();
    let back = import_json(&v.to_string()).unwrap();
    let again: Value = serde_json::from_str(&export_json(&back, now())).unwrap();
    assert_eq!(again["data"]["future_setting"], serde_json::json!({"a": 1}));
    assert_eq!(again["data"]["leads"][0]["favourite_colour"], "teal");
    assert_eq!(again["data"]["reps"][0]["nickname"], "Lanie");
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let ws = generate(4, 3, 2, now());
    let text = format!("\u{feff}{}", export_json(&ws, now()));
    assert_eq!(import_json(&text).unwrap(), ws);
}

#[test]
fn file_name_uses_the_local_date() {
    let late = Utc.with_ymd_and_hms(2026, 11, 22, 18, 0, 0).unwrap();
    assert_eq!(
        file_name(late, crate::domain::zone::Zone::ho_chi_minh()),
        "leadpact-backup-2026-11-23.json"
    );
}

#[test]
fn errors_say_what_and_where() {
    let ws = generate(5, 3, 2, now());
    let mut v: Value = serde_json::from_str(&export_json(&ws, now())).unwrap();
    v["data"]["leads"][1]["created_at"] = "yesterday".into();
    let e = import_json(&v.to_string()).unwrap_err();
    assert_eq!(e.kind(), "invalid");
    assert!(
        e.to_string().starts_with("data.leads[1].created_at: "),
        "{e}"
    );
    let cut = &export_json(&ws, now())[..200];
    let e = import_json(cut).unwrap_err();
    assert_eq!(e.kind(), "truncated");
    assert!(e.to_string().contains("cut off"), "{e}");
}
