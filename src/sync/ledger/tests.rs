//! Tests of `ledger`.

use super::*;
use chrono::{TimeZone, Utc};

fn lead() -> Lead {
    crate::domain::test_support::lead(1)
}

#[test]
fn every_phase_reads_back_as_written_and_an_unknown_one_is_refused() {
    for phase in [
        Phase::Upload { next: 7 },
        Phase::Download {
            done: 12,
            total: 3_000_000_000,
            batches: 4,
        },
        Phase::Live,
        Phase::Revoked,
    ] {
        let text = serde_json::to_string(&phase).unwrap();
        assert_eq!(
            serde_json::from_str::<Phase>(&text).unwrap(),
            phase,
            "{text}"
        );
    }
    assert_eq!(
        serde_json::to_string(&Phase::Upload { next: 7 }).unwrap(),
        r#"{"phase":"upload","next":7}"#
    );
    assert!(serde_json::from_str::<Phase>(r#"{"phase":"paused"}"#).is_err());
    assert!(serde_json::from_str::<Phase>(r#"{"next":1}"#).is_err());
}

#[test]
fn an_edit_stamps_what_it_changed_and_remembers_the_base() {
    let old = lead();
    let mut meta = DocMeta {
        rev: Some("1-a".into()),
        ..DocMeta::default()
    };
    let mut new = old.clone();
    new.set_campaign("spring", Utc.with_ymd_and_hms(2026, 3, 2, 2, 0, 0).unwrap());
    record_lead_edit(&mut meta, Some(&old), &new, "lan@d1");
    assert_eq!(meta.stamps.0.keys().collect::<Vec<_>>(), ["campaign"]);
    assert_eq!(meta.was.get("campaign"), Some(&None));
    assert_eq!(
        meta.base().unwrap(),
        Stamps::default(),
        "the base is rev's stamps"
    );
    let pushed = meta.stamps.clone();
    acknowledge(&mut meta, "2-b", &pushed);
    assert!(meta.was.is_empty(), "pushed as it is: nothing waits");
    assert_eq!(meta.rev.as_deref(), Some("2-b"));
}

#[test]
fn a_pull_is_adopted_unless_local_edits_wait_then_merged() {
    let base = lead();
    let t = |h| Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).unwrap();
    let synced = DocMeta {
        rev: Some("1-a".into()),
        ..DocMeta::default()
    };
    // Theirs: the campaign changed on another device.
    let mut theirs = base.clone();
    theirs.set_campaign("tết", t(3));
    let their_stamps = Stamps(
        [(
            "campaign".to_owned(),
            Stamp::new(t(3).timestamp_millis(), "minh@d2"),
        )]
        .into(),
    );
    match pull_lead(
        Some((&base, &synced)),
        false,
        "2-b",
        &theirs,
        &their_stamps,
        "lan@d1",
    ) {
        Pulled::Keep { value, waiting, .. } => {
            assert_eq!(value, theirs);
            assert!(!waiting);
        }
        other => panic!("{other:?}"),
    }
    // Mine: the priority changed here, not yet pushed.
    let mut mine = base.clone();
    let mut meta = synced.clone();
    mine.set_priority(crate::domain::lead::Priority::Urgent, t(2));
    record_lead_edit(&mut meta, Some(&base), &mine, "lan@d1");
    match pull_lead(
        Some((&mine, &meta)),
        true,
        "2-b",
        &theirs,
        &their_stamps,
        "lan@d1",
    ) {
        Pulled::Keep {
            value,
            meta,
            waiting,
        } => {
            assert_eq!(value.campaign(), "tết", "their field kept");
            assert_eq!(
                value.priority(),
                crate::domain::lead::Priority::Urgent,
                "mine kept"
            );
            assert!(waiting, "the merge must go to the server");
            assert_eq!(meta.rev.as_deref(), Some("2-b"));
            assert!(
                value.conflicts().is_empty(),
                "different fields: no conflict"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        pull_lead(
            Some((
                &theirs,
                &DocMeta {
                    rev: Some("2-b".into()),
                    ..DocMeta::default()
                }
            )),
            false,
            "2-b",
            &theirs,
            &their_stamps,
            "x@y"
        ),
        Pulled::Seen
    );
}
