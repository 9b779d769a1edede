//! The sync bookkeeping every store keeps (see `sync::ledger`), on both adapters.

use super::{at, call, lead};
use crate::domain::activity::Activity;
use crate::domain::lead::Lead;
use crate::domain::live::Changed;
use crate::domain::pipeline::Pipeline;
use crate::domain::workspace::Workspace;
use crate::storage::ops::Ack;
use crate::storage::{Change, StorageError, SyncStore};
use crate::sync::doc::{self, DocId};
use crate::sync::ledger::{Link, Phase, Role};
use crate::sync::stamp::Stamps;
use serde_json::Value;
use std::future::Future;

mod pull;

fn lead_doc(l: &Lead, stamps: &Stamps, rev: &str) -> Value {
    doc::lead_doc(l, stamps, Some(rev))
}

fn link(phase: Phase) -> Link {
    Link {
        server: "https://couch.example.com".into(),
        db: "team".into(),
        user: "lan".into(),
        replica: "d1".into(),
        role: Role::Member,
        phase,
        ..Link::default()
    }
}

/// Every sync case, each on a fresh store.
pub async fn run_all<S, F, Fut>(make: &F)
where
    S: SyncStore,
    F: Fn() -> Fut,
    Fut: Future<Output = S>,
{
    a_change_and_its_outbox_entries_are_written_together(&make().await).await;
    pull::a_pulled_lead_is_adopted_or_merged_with_waiting_edits(&make().await).await;
    pull::a_bad_or_newer_document_is_skipped_and_changes_nothing(&make().await).await;
    pull::an_activity_that_arrives_before_its_lead_waits_for_it(&make().await).await;
    the_first_download_is_staged_then_adopted_whole(&make().await).await;
    the_first_upload_walks_every_chunk(&make().await).await;
    a_shared_workspace_is_not_replaced_from_one_browser(&make().await).await;
    only_what_the_store_lacks_is_fetched(&make().await).await;
}

async fn only_what_the_store_lacks_is_fetched(s: &impl SyncStore) {
    s.set_link(Some(&link(Phase::Live))).await.unwrap();
    let a = lead(11, 0, "Kim");
    let act = call(&a, 4);
    let act_id = doc::activity_ids([&act])[0].clone();
    s.pulled(
        &[
            lead_doc(&a, &Stamps::default(), "3-k"),
            doc::activity_doc(&act_id, &act),
        ],
        Some("5"),
    )
    .await
    .unwrap();
    let other = doc::lead_id(lead(12, 0, "Other").id());
    let changes = vec![
        (doc::lead_id(a.id()), "3-k".to_owned(), false),
        (doc::lead_id(a.id()), "4-m".to_owned(), false),
        (act_id.clone(), "1-a".to_owned(), false),
        (other.clone(), "1-o".to_owned(), false),
        (
            "act:00000000-0000-0000-0000-00000000000c:0000000000000000".to_owned(),
            "1-x".to_owned(),
            false,
        ),
        (
            doc::lead_id(lead(13, 0, "Gone").id()),
            "2-d".to_owned(),
            true,
        ),
    ];
    let (fetch, deletions) = s.unknown(&changes).await.unwrap();
    assert_eq!(
        fetch,
        [
            doc::lead_id(a.id()),
            other,
            "act:00000000-0000-0000-0000-00000000000c:0000000000000000".to_owned()
        ],
        "a newer revision, a lead and an activity never seen; not what is held"
    );
    assert!(
        deletions.is_empty(),
        "a deletion of a lead never held needs nothing"
    );
    let (_, deletions) = s
        .unknown(&[(doc::lead_id(a.id()), "4-z".to_owned(), true)])
        .await
        .unwrap();
    assert_eq!(
        deletions.len(),
        1,
        "a deletion of a held lead is applied as it is"
    );
}

fn acks(docs: &[crate::storage::ops::OutDoc], rev: &str) -> Vec<Ack> {
    docs.iter()
        .map(|d| Ack {
            id: d.id.clone(),
            seq: d.seq,
            stamps: d.stamps.clone(),
            rev: Some(rev.to_owned()),
        })
        .collect()
}

async fn a_change_and_its_outbox_entries_are_written_together(s: &impl SyncStore) {
    s.commit(&Change::lead(lead(1, 0, "Before the link")))
        .await
        .unwrap();
    assert_eq!(s.waiting().await.unwrap(), 0, "unlinked: no outbox");
    s.set_link(Some(&link(Phase::Live))).await.unwrap();
    let a = lead(2, 1, "An");
    s.commit(&Change {
        leads: vec![a.clone()],
        activities: vec![(a.id(), vec![call(&a, 2)])],
        ..Change::default()
    })
    .await
    .unwrap();
    assert_eq!(
        s.waiting().await.unwrap(),
        2,
        "the lead and its activity wait"
    );
    let out = s.outgoing(10).await.unwrap();
    let ids: Vec<&str> = out.docs.iter().map(|d| d.id.as_str()).collect();
    assert!(ids.contains(&doc::lead_id(a.id()).as_str()), "{ids:?}");
    assert!(ids.iter().any(|i| i.starts_with("act:")), "{ids:?}");
    s.pushed(&acks(&out.docs, "1-a"), None).await.unwrap();
    assert_eq!(s.waiting().await.unwrap(), 0, "accepted: nothing waits");
    // The next edit carries the revision it descends from.
    let mut edited = a.clone();
    edited.set_campaign("tết", at(5));
    s.commit(&Change::edit(edited, a.updated_at()))
        .await
        .unwrap();
    let out = s.outgoing(10).await.unwrap();
    assert_eq!(out.docs.len(), 1);
    assert_eq!(out.docs[0].doc["_rev"], "1-a");
    assert!(
        out.docs[0]
            .stamps
            .as_ref()
            .unwrap()
            .0
            .contains_key("campaign")
    );
    // A logged activity goes out on its own; an undone one goes out as a
    // deletion once it was accepted (or not at all before).
    let note = Activity {
        note: Some("gọi lại sau".into()),
        ..call(&a, 6)
    };
    s.commit(&Change::log(note.clone())).await.unwrap();
    let out = s.outgoing(10).await.unwrap();
    let ids: Vec<&str> = out.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 2, "the edit and the new activity: {ids:?}");
    assert!(
        out.docs
            .iter()
            .any(|d| d.doc["note"] == "gọi lại sau" && d.doc["type"] == "activity"),
        "{:?}",
        out.docs
    );
    s.pushed(&acks(&out.docs, "2-b"), None).await.unwrap();
    s.commit(&Change {
        withdrawn: vec![note],
        ..Change::default()
    })
    .await
    .unwrap();
    let out = s.outgoing(10).await.unwrap();
    assert_eq!(out.docs.len(), 1);
    assert_eq!(out.docs[0].doc["_deleted"], true, "{:?}", out.docs);
    s.pushed(&acks(&out.docs, "3-c"), None).await.unwrap();
    // Deleting the lead pushes its deletion and its activity's.
    s.commit(&Change {
        deleted: vec![a.id()],
        ..Change::default()
    })
    .await
    .unwrap();
    let out = s.outgoing(10).await.unwrap();
    assert!(
        out.docs.iter().all(|d| d.doc["_deleted"] == true),
        "deletions: {:?}",
        out.docs
    );
    assert_eq!(out.docs.len(), 2);
}

async fn the_first_download_is_staged_then_adopted_whole(s: &impl SyncStore) {
    s.commit(&Change::lead(lead(7, 0, "Local only")))
        .await
        .unwrap();
    s.set_link(Some(&link(Phase::Download {
        done: 0,
        total: 0,
        batches: 0,
    })))
    .await
    .unwrap();
    let team = crate::domain::sample::generate(3, 12, 2, at(0) + chrono::TimeDelta::days(30));
    let mut docs: Vec<Value> = vec![doc::settings_doc(
        &team.settings(),
        &Stamps::default(),
        Some("1-s"),
    )];
    for l in &team.leads {
        docs.push(lead_doc(l, &Stamps::default(), "1-l"));
        let acts: Vec<_> = team
            .activities
            .iter()
            .filter(|a| a.lead == l.id())
            .collect();
        for (id, a) in doc::activity_ids(acts.iter().copied()).iter().zip(&acts) {
            docs.push(doc::activity_doc(id, a));
        }
    }
    let (first, second) = docs.split_at(docs.len() / 2);
    s.stage(first, "10", docs.len() as u64).await.unwrap();
    assert_eq!(
        s.load().await.unwrap().leads.len(),
        1,
        "nothing of a half download is shown"
    );
    assert_eq!(
        s.commit(&Change::lead(lead(8, 1, "During"))).await,
        Err(StorageError::Downloading),
        "no local edit during the first download"
    );
    match s.link().await.unwrap().unwrap().phase {
        Phase::Download { done, total, .. } => {
            assert_eq!((done, total), (first.len() as u64, docs.len() as u64))
        }
        other => panic!("{other:?}"),
    }
    s.stage(second, "20", docs.len() as u64).await.unwrap();
    s.adopt_staged().await.unwrap();
    let ws = s.load().await.unwrap();
    assert_eq!(
        ws.leads, team.leads,
        "exactly the team's leads, nothing local mixed in"
    );
    assert_eq!(ws.activities.len(), team.activities.len());
    assert_eq!(ws.settings(), team.settings());
    let l = s.link().await.unwrap().unwrap();
    assert_eq!(
        (l.phase, l.checkpoint.as_deref()),
        (Phase::Live, Some("20"))
    );
}

async fn the_first_upload_walks_every_chunk(s: &impl SyncStore) {
    let ws = crate::domain::sample::generate(5, 40, 3, at(0) + chrono::TimeDelta::days(30));
    s.replace(&ws).await.unwrap();
    s.set_link(Some(&link(Phase::Upload { next: 0 })))
        .await
        .unwrap();
    let mut leads = 0;
    let mut acts = 0;
    let mut settings = 0;
    for _ in 0..100 {
        let out = s.outgoing(500).await.unwrap();
        let Some(chunk) = out.upload else { break };
        for d in &out.docs {
            match DocId::parse(&d.id) {
                DocId::Lead(_) => leads += 1,
                DocId::Activity(..) => acts += 1,
                DocId::Settings => settings += 1,
                DocId::Other(_) => {}
            }
        }
        s.pushed(&acks(&out.docs, "1-u"), Some(chunk))
            .await
            .unwrap();
    }
    assert_eq!((leads, acts, settings), (40, ws.activities.len(), 1));
    assert_eq!(s.link().await.unwrap().unwrap().phase, Phase::Live);
    // Every lead now knows its revision.
    let mut edited = ws.leads[0].clone();
    edited
        .advance(
            &Pipeline::default(),
            None,
            at(0) + chrono::TimeDelta::days(31),
        )
        .ok();
    edited.set_campaign("after upload", at(0) + chrono::TimeDelta::days(31));
    s.commit(&Change::edit(edited, ws.leads[0].updated_at()))
        .await
        .unwrap();
    assert_eq!(s.outgoing(10).await.unwrap().docs[0].doc["_rev"], "1-u");
}

async fn a_shared_workspace_is_not_replaced_from_one_browser(s: &impl SyncStore) {
    s.set_link(Some(&link(Phase::Live))).await.unwrap();
    assert_eq!(
        s.replace(&Workspace::default()).await,
        Err(StorageError::Shared)
    );
    s.set_link(None).await.unwrap();
    assert!(s.link().await.unwrap().is_none(), "unlinked");
    s.replace(&Workspace::default()).await.unwrap();
}
