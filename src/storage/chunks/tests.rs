use super::*;
use crate::domain::lead::LeadDraft;
use crate::domain::pipeline::Pipeline;
use crate::domain::test_support::call;
use chrono::TimeZone;

fn lead(n: u128) -> Lead {
    let draft = LeadDraft {
        name: format!("Lead {n}"),
        phone: format!("09123456{:02}", n % 100),
        source: "Zalo".into(),
        ..LeadDraft::default()
    };
    Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::from_u128(n)),
        Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).unwrap(),
        &Pipeline::default(),
    )
    .unwrap()
}

#[test]
fn a_workspace_survives_its_chunks_and_edits_touch_only_their_lead() {
    // 1 and 65 share chunk 1; 2 is alone in chunk 2.
    let (a, b, c) = (lead(1), lead(65), lead(2));
    assert_eq!(chunk_of(a.id()), chunk_of(b.id()));
    let ws = Workspace {
        leads: vec![a.clone(), b.clone(), c.clone()],
        activities: vec![call(&a, 1), call(&b, 2), call(&a, 3)],
        ..Workspace::default()
    };
    let chunks = encode_workspace(&ws);
    assert_eq!(chunks.len(), 2);
    let (one, leads_text, acts_text) = &chunks[0];
    assert_eq!(*one, 1);
    assert_eq!(
        decode_leads("k", leads_text).unwrap(),
        vec![a.clone(), b.clone()]
    );
    assert_eq!(decode_activities("k", acts_text).unwrap().len(), 3);

    // Edit a (guarded by its version), keep b byte for byte.
    let mut a2 = a.clone();
    a2.set_campaign("spring", Utc.with_ymd_and_hms(2026, 3, 3, 1, 0, 0).unwrap());
    let change = Change {
        leads: vec![a2.clone()],
        activities: vec![(a.id(), vec![call(&a, 1), call(&a, 3), call(&a, 9)])],
        expect: vec![(a.id(), a.updated_at())],
        ..Change::default()
    };
    assert_eq!(touched(&change), vec![1]);
    let leads_after = apply_leads(1, Some(leads_text), &change).unwrap();
    assert_eq!(
        decode_leads("k", &leads_after).unwrap(),
        vec![a2.clone(), b.clone()]
    );
    let acts_after = apply_activities(1, Some(acts_text), &change).unwrap();
    let acts = decode_activities("k", &acts_after).unwrap();
    assert_eq!(acts.iter().filter(|x| x.lead == a.id()).count(), 3);
    assert_eq!(acts.iter().filter(|x| x.lead == b.id()).count(), 1);

    // The same edit again is stale now: refused.
    assert_eq!(
        apply_leads(1, Some(&leads_after), &change),
        Err(StorageError::Conflict { lead: a.id() })
    );

    // Deleting b removes it and its activities.
    let del = Change {
        deleted: vec![b.id()],
        ..Change::default()
    };
    let leads_del = apply_leads(1, Some(&leads_after), &del).unwrap();
    assert_eq!(decode_leads("k", &leads_del).unwrap(), vec![a2]);
    let acts_del = apply_activities(1, Some(&acts_after), &del).unwrap();
    assert!(
        decode_activities("k", &acts_del)
            .unwrap()
            .iter()
            .all(|x| x.lead == a.id())
    );

    // A new lead in an empty chunk.
    let d = lead(3);
    let add = Change::lead(d.clone());
    assert_eq!(
        decode_leads("k", &apply_leads(3, None, &add).unwrap()).unwrap(),
        vec![d]
    );
}

#[test]
fn the_last_version_given_wins_and_new_leads_follow_by_id() {
    // 1, 65 and 129 share chunk 1.
    let (a, b, n) = (lead(1), lead(65), lead(129));
    assert!([b.id(), n.id()].iter().all(|id| chunk_of(*id) == 1));
    let stored = encode_list(std::slice::from_ref(&a));
    let t = Utc.with_ymd_and_hms(2026, 3, 4, 1, 0, 0).unwrap();
    let (mut a1, mut a2) = (a.clone(), a.clone());
    a1.set_campaign("first", t);
    a2.set_campaign("second", t);
    let change = Change {
        leads: vec![n.clone(), a1, b.clone(), a2.clone()],
        ..Change::default()
    };
    let after = decode_leads("k", &apply_leads(1, Some(&stored), &change).unwrap()).unwrap();
    assert_eq!(after, vec![a2.clone(), b.clone(), n.clone()]);

    let ids = id_set([n.id(), a.id(), a.id(), b.id()]);
    assert_eq!(ids, vec![a.id(), b.id(), n.id()]);
    assert!(has(&ids, b.id()) && !has(&ids, lead(2).id()));
    let old = old_leads(1, Some(&encode_list(&after)), &ids).unwrap();
    assert_eq!(stored_lead(&old, a.id()), Some(&a2));
    assert_eq!(stored_lead(&old, lead(2).id()), None);
    let acts = encode_list(&[call(&b, 1), call(&a, 2), call(&b, 3)]);
    let per_lead = old_activities(1, Some(&acts), &ids).unwrap();
    assert_eq!(per_lead.iter().map(Vec::len).collect::<Vec<_>>(), [1, 2, 0]);
    assert_eq!(chunks_of([n.id(), lead(2).id(), a.id()]), [1, 2]);
}

#[test]
fn unknown_fields_of_untouched_records_are_kept_and_garbage_is_corrupt() {
    let a = lead(1);
    let mut json: serde_json::Value = serde_json::to_value(&a).unwrap();
    json["from_a_newer_app"] = serde_json::json!({"x": 1});
    let text = format!("[{json}]");
    let other = lead(65);
    let after = apply_leads(1, Some(&text), &Change::lead(other)).unwrap();
    assert!(after.contains("from_a_newer_app"));
    assert!(matches!(
        apply_leads(1, Some("[{\"id\":"), &Change::default()),
        Err(StorageError::Corrupt { .. })
    ));
}
