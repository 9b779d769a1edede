//! Every hostile or malformed backup in `tests/fixtures/bad/` is refused with
//! the error kind its name starts with (`<kind>__<what>.json`), and the
//! golden backups of every released version import.
#![cfg(not(target_arch = "wasm32"))]

use leadpact::io::backup::{BackupError, export_json, import_bytes, import_json};
use std::path::Path;

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn every_bad_backup_is_refused_with_its_kind() {
    let mut checked = 0;
    for entry in std::fs::read_dir(fixtures().join("bad")).expect("tests/fixtures/bad") {
        let path = entry.expect("dir entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = name.split("__").next().unwrap();
        let bytes = std::fs::read(&path).expect("read fixture");
        match import_bytes(&bytes) {
            Ok(_) => panic!("{name} was accepted"),
            Err(e) => {
                assert_eq!(e.kind(), expected, "{name}: {e}");
                assert!(
                    e.to_string().len() > 10,
                    "{name}: the message says something"
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 50, "the corpus has {checked} files");
}

#[test]
fn golden_backups_of_every_released_version_import() {
    let v1 = import_bytes(&std::fs::read(fixtures().join("backup-v1.json")).unwrap())
        .expect("v1 imports");
    assert_eq!(v1.leads.len(), 4);
    let again = import_json(&export_json(&v1, chrono::Utc::now())).unwrap();
    assert_eq!(again, v1);
    assert!(
        v1.activities
            .iter()
            .all(|a| a.note.is_none() && a.by.is_none()),
        "version 1 has no notes"
    );
    // Version 2: the same workspace, with words on two activities, who
    // logged them, the team's long-overdue threshold, and dates with hours
    // of their own.
    let v2 = import_bytes(&std::fs::read(fixtures().join("backup-v2.json")).unwrap())
        .expect("v2 imports");
    let notes: Vec<(&str, Option<&str>)> = v2
        .activities
        .iter()
        .filter_map(|a| Some((a.note.as_deref()?, a.by.as_deref())))
        .collect();
    assert_eq!(
        notes,
        vec![
            (
                "Khách hẹn gọi lại thứ Hai, cần căn 2 phòng ngủ",
                Some("lan")
            ),
            (
                "Gửi báo giá qua Zalo.\nLine two <b>not HTML</b>",
                Some("admin")
            ),
        ]
    );
    assert_eq!(v2.policies.long_overdue().num_hours(), 16);
    let special: Vec<(&str, &str)> = v2
        .calendar
        .exceptions
        .iter()
        .map(|d| (d.date.as_str(), d.name.as_str()))
        .collect();
    assert_eq!(
        special,
        [("2026-04-25", "Làm bù 30/4"), ("2026-04-29", "Nửa ngày")]
    );
    assert_eq!(v2.leads, v1.leads);
    let again = import_json(&export_json(&v2, chrono::Utc::now())).unwrap();
    assert_eq!(again, v2);
}

#[test]
fn other_encodings_are_refused() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("{\"format\":1}".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert!(matches!(
        import_bytes(&utf16),
        Err(BackupError::Encoding { offset: 0 })
    ));
    let latin1 = b"{\"format\":\"leadpact-backup\",\"name\":\"Nguy\xe3n\"}";
    assert_eq!(import_bytes(latin1).unwrap_err().kind(), "encoding");
}

#[test]
fn fifty_megabyte_files_fail_fast_and_cleanly() {
    let mb50 = 50 * 1024 * 1024;
    let spaces_then_garbage = format!("{}x", " ".repeat(mb50));
    assert_eq!(
        import_json(&spaces_then_garbage).unwrap_err().kind(),
        "syntax"
    );
    let mut big_array = String::with_capacity(mb50 + 16);
    big_array.push('[');
    while big_array.len() < mb50 {
        big_array.push_str("1234567,");
    }
    big_array.push_str("0]");
    assert_eq!(import_json(&big_array).unwrap_err().kind(), "not-a-backup");
    let unterminated = format!(
        "{{\"format\":\"leadpact-backup\",\"version\":1,\"data\":\"{}",
        "a".repeat(mb50)
    );
    assert_eq!(import_json(&unterminated).unwrap_err().kind(), "truncated");
}

/// A backup's records are read like the form reads them, and each error
/// says where and what in plain words (no parser jargon, no "missing" for
/// a value that is there).
#[test]
fn broken_records_and_bad_json_are_said_in_plain_words() {
    for (file, said) in [
        (
            "invalid__lead_name_blank.json",
            "data.leads[0].name: the name is empty",
        ),
        (
            "invalid__lead_email_not_an_email.json",
            "data.leads[0].email: 'not-an-email' is not an e-mail address",
        ),
        (
            "invalid__lead_phone_not_its_text.json",
            "data.leads[0].phone: the stored number is not the phone number '0912 345 678'",
        ),
        (
            "invalid__lead_history_before_created.json",
            "data.leads[0].history[0].at: stage change 1 is earlier than the one before it",
        ),
        (
            "invalid__lead_updated_before_created.json",
            "data.leads[0].updated_at: it was last changed before it was created",
        ),
        (
            "invalid__version_1e400.json",
            "version: expected a whole number from 1, found \"1e400\"",
        ),
        ("syntax__nan.json", "something that is not a value"),
        (
            "syntax__trailing_comma.json",
            "a comma right before a closing bracket",
        ),
        (
            "syntax__single_quotes.json",
            "a name that is not in double quotes",
        ),
        (
            "syntax__two_documents.json",
            "more text after the end of the backup",
        ),
    ] {
        let bytes = std::fs::read(fixtures().join("bad").join(file)).unwrap();
        let message = import_bytes(&bytes).unwrap_err().to_string();
        assert!(message.contains(said), "{file}: {message}");
        assert!(!message.contains("expected ident"), "{file}: {message}");
    }
    let misspelt = import_json(r#"{"format": "leadpact-backup", "version": tru}"#)
        .unwrap_err()
        .to_string();
    assert!(
        misspelt.contains("line 1, column 45: a word that JSON does not know"),
        "{misspelt}"
    );
}
