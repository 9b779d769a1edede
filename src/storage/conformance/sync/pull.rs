//! Pulled documents: adopted, merged with waiting edits, skipped, or
//! waiting for their lead; and what the app is told to show.

use super::*;

pub(super) async fn a_pulled_lead_is_adopted_or_merged_with_waiting_edits(s: &impl SyncStore) {
    s.set_link(Some(&link(Phase::Live))).await.unwrap();
    let a = lead(3, 0, "Bình");
    let report = s
        .pulled(&[lead_doc(&a, &Stamps::default(), "1-x")], Some("7"))
        .await
        .unwrap();
    assert_eq!(report.applied, 1);
    assert_eq!(s.load().await.unwrap().leads, vec![a.clone()], "adopted");
    assert_eq!(
        report.shown,
        Changed {
            leads: vec![a.clone()],
            ..Changed::default()
        },
        "what the app shows"
    );
    assert_eq!(
        s.link().await.unwrap().unwrap().checkpoint.as_deref(),
        Some("7")
    );
    assert_eq!(s.waiting().await.unwrap(), 0, "nothing of ours to push");
    // A local edit waits; another device's edit of another field arrives.
    let mut mine = a.clone();
    mine.set_priority(crate::domain::lead::Priority::Urgent, at(3));
    s.commit(&Change::edit(mine, a.updated_at())).await.unwrap();
    let mut theirs = a.clone();
    theirs.set_campaign("hè", at(4));
    let stamps = Stamps(
        [(
            "campaign".to_owned(),
            crate::sync::stamp::Stamp::new(at(4).timestamp_millis(), "minh@d2"),
        )]
        .into(),
    );
    let report = s
        .pulled(&[lead_doc(&theirs, &stamps, "2-y")], Some("8"))
        .await
        .unwrap();
    let got = s.load().await.unwrap().leads[0].clone();
    assert_eq!(
        report.shown.leads,
        vec![got.clone()],
        "the merge, as stored"
    );
    assert_eq!(got.campaign(), "hè", "their field");
    assert_eq!(
        got.priority(),
        crate::domain::lead::Priority::Urgent,
        "our field"
    );
    let out = s.outgoing(10).await.unwrap();
    assert_eq!(out.docs.len(), 1, "the merge waits to be pushed");
    assert_eq!(out.docs[0].doc["_rev"], "2-y", "on top of their revision");
}

pub(super) async fn a_bad_or_newer_document_is_skipped_and_changes_nothing(s: &impl SyncStore) {
    s.set_link(Some(&link(Phase::Live))).await.unwrap();
    let before = s.load().await.unwrap();
    let mut bad = lead_doc(&lead(4, 0, "Chi"), &Stamps::default(), "1-z");
    bad["name"] = Value::from("");
    let mut newer = lead_doc(&lead(5, 0, "Dũng"), &Stamps::default(), "1-z");
    newer["format"] = Value::from(9);
    let report = s.pulled(&[bad, newer], Some("3")).await.unwrap();
    assert_eq!(report.skipped.len(), 2);
    assert_eq!(s.load().await.unwrap(), before, "local data untouched");
    let skipped = s.link().await.unwrap().unwrap().skipped;
    assert_eq!(skipped.len(), 2, "named in the status: {skipped:?}");
    assert!(skipped[1].1.contains("newer version"), "{skipped:?}");
}

pub(super) async fn an_activity_that_arrives_before_its_lead_waits_for_it(s: &impl SyncStore) {
    s.set_link(Some(&link(Phase::Live))).await.unwrap();
    let a = lead(6, 0, "Giang");
    let act = call(&a, 3);
    let id = doc::activity_ids([&act])[0].clone();
    s.pulled(&[doc::activity_doc(&id, &act)], Some("1"))
        .await
        .unwrap();
    assert!(
        s.load().await.unwrap().activities.is_empty(),
        "no activity without its lead"
    );
    let report = s
        .pulled(&[lead_doc(&a, &Stamps::default(), "1-a")], Some("2"))
        .await
        .unwrap();
    let ws = s.load().await.unwrap();
    assert_eq!(ws.leads.len(), 1);
    assert_eq!(
        ws.activities,
        vec![act.clone()],
        "adopted when the lead arrived"
    );
    assert_eq!(
        report.shown,
        Changed {
            leads: vec![a.clone()],
            activities: vec![(a.id(), vec![act])],
            deleted: Vec::new(),
        },
        "the lead and its activity, as the app shows them"
    );
    // The same activity again is not a duplicate.
    let report = s
        .pulled(&[doc::activity_doc(&id, &call(&a, 3))], Some("3"))
        .await
        .unwrap();
    assert_eq!(s.load().await.unwrap().activities.len(), 1);
    assert_eq!(report.shown, Changed::default(), "nothing to show");
    // Deleted on another device: gone, with its activity.
    let report = s
        .pulled(
            &[serde_json::json!({ "_id": doc::lead_id(a.id()), "_rev": "2-d", "_deleted": true })],
            Some("4"),
        )
        .await
        .unwrap();
    assert!(s.load().await.unwrap().leads.is_empty());
    assert_eq!(
        report.shown,
        Changed {
            deleted: vec![a.id()],
            ..Changed::default()
        }
    );
}
