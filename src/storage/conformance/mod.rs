//! The behaviour every [`Store`] adapter must have. Run natively against
//! `MemoryStore` and in headless Chromium against `IdbStore` (a fresh database
//! per case). Each case panics with a message naming the case on failure.

mod sync;

use super::{Change, Store, SyncStore};
use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
use crate::domain::lead::{Lead, LeadDraft, LeadId};
use crate::domain::pipeline::Pipeline;
use crate::domain::rep::{Membership, Rep};
use crate::domain::sample::generate;
use crate::domain::workspace::Workspace;
use chrono::{DateTime, TimeZone, Utc};
use std::future::Future;
use uuid::Uuid;

pub(super) fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 9, minute, 0).unwrap()
}

pub(super) fn lead(n: u128, minute: u32, name: &str) -> Lead {
    let draft = LeadDraft {
        name: name.into(),
        phone: format!("09123456{:02}", n % 100),
        email: String::new(),
        source: "Facebook".into(),
        ..Default::default()
    };
    Lead::create(
        &draft,
        LeadId::from_uuid(Uuid::from_u128(n)),
        at(minute),
        &Pipeline::default(),
    )
    .expect("conformance fixtures are valid")
}

pub(super) fn call(lead: &Lead, minute: u32) -> Activity {
    Activity {
        lead: lead.id(),
        at: at(minute),
        kind: ActivityKind::Call,
        direction: Direction::Outbound,
        outcome: Outcome::NoAnswer,
        rep: None,
        note: None,
        by: None,
        extra: Default::default(),
    }
}

/// Activities in a comparable order.
fn sorted(mut acts: Vec<Activity>) -> Vec<Activity> {
    acts.sort_by_key(|a| (a.lead, a.at));
    acts
}

/// Runs every case, each on a store made fresh by `make`.
pub async fn run_all<S, F, Fut>(make: F)
where
    S: SyncStore,
    F: Fn() -> Fut,
    Fut: Future<Output = S>,
{
    empty_store_is_the_default_workspace(&make().await).await;
    committed_leads_load_back(&make().await).await;
    a_commit_replaces_by_id(&make().await).await;
    leads_load_sorted_by_creation(&make().await).await;
    deleting_removes_the_lead_and_its_activities(&make().await).await;
    a_merge_keeps_both_leads_activities_under_the_one_that_stays(&make().await).await;
    unicode_survives(&make().await).await;
    activities_are_stored_per_lead(&make().await).await;
    a_logged_activity_joins_whatever_the_list_holds(&make().await).await;
    settings_are_stored(&make().await).await;
    replace_swaps_the_whole_workspace(&make().await).await;
    a_stale_edit_is_refused_and_changes_nothing(&make().await).await;
    a_stale_settings_save_is_refused_and_changes_nothing(&make().await).await;
    sync::run_all(&make).await;
}

async fn empty_store_is_the_default_workspace(s: &impl Store) {
    assert_eq!(s.load().await.unwrap(), Workspace::default(), "empty store");
}

async fn committed_leads_load_back(s: &impl Store) {
    let a = lead(1, 0, "An");
    s.commit(&Change::lead(a.clone())).await.unwrap();
    assert_eq!(s.load().await.unwrap().leads, vec![a], "commit then load");
}

async fn a_commit_replaces_by_id(s: &impl Store) {
    let mut a = lead(1, 0, "An");
    s.commit(&Change::lead(a.clone())).await.unwrap();
    a.advance(&Pipeline::default(), Some("rep"), at(5)).unwrap();
    s.commit(&Change::lead(a.clone())).await.unwrap();
    assert_eq!(
        s.load().await.unwrap().leads,
        vec![a],
        "second commit replaces the first"
    );
}

async fn leads_load_sorted_by_creation(s: &impl Store) {
    let (late, early, tie_b, tie_a) = (
        lead(9, 30, "L"),
        lead(5, 1, "E"),
        lead(3, 10, "B"),
        lead(2, 10, "A"),
    );
    let change = Change {
        leads: vec![late, early, tie_b, tie_a],
        ..Change::default()
    };
    s.commit(&change).await.unwrap();
    let names: Vec<_> = s
        .load()
        .await
        .unwrap()
        .leads
        .iter()
        .map(|l| l.name().to_owned())
        .collect();
    assert_eq!(names, ["E", "A", "B", "L"], "sorted by created_at then id");
}

async fn deleting_removes_the_lead_and_its_activities(s: &impl Store) {
    let (a, b) = (lead(1, 0, "An"), lead(2, 1, "Bình"));
    let change = Change {
        leads: vec![a.clone(), b.clone()],
        activities: vec![(a.id(), vec![call(&a, 2)]), (b.id(), vec![call(&b, 3)])],
        ..Change::default()
    };
    s.commit(&change).await.unwrap();
    let delete = Change {
        deleted: vec![a.id(), LeadId::from_uuid(Uuid::from_u128(77))],
        ..Change::default()
    };
    s.commit(&delete).await.unwrap();
    let ws = s.load().await.unwrap();
    assert_eq!(ws.leads, vec![b.clone()], "delete one, and an absent one");
    assert_eq!(
        ws.activities,
        vec![call(&b, 3)],
        "the deleted lead's activities went with it"
    );
}

async fn a_merge_keeps_both_leads_activities_under_the_one_that_stays(s: &impl Store) {
    // Ids far apart, so the two leads live in different chunks.
    let (stays, gone, other) = (
        lead(3, 0, "An"),
        lead(200, 1, "An Nguyễn"),
        lead(4, 2, "Chi"),
    );
    let acts = vec![
        call(&stays, 5),
        call(&gone, 3),
        call(&gone, 7),
        call(&other, 4),
    ];
    let setup = Change {
        leads: vec![stays.clone(), gone.clone(), other.clone()],
        activities: vec![
            (stays.id(), vec![acts[0].clone()]),
            (gone.id(), vec![acts[1].clone(), acts[2].clone()]),
            (other.id(), vec![acts[3].clone()]),
        ],
        ..Change::default()
    };
    s.commit(&setup).await.unwrap();
    let merge = Change::merge(stays.clone(), gone.clone(), &acts, Some("Bình"), at(9));
    s.commit(&merge).await.unwrap();
    let ws = s.load().await.unwrap();
    let ids: Vec<LeadId> = ws.leads.iter().map(Lead::id).collect();
    assert_eq!(
        ids,
        [stays.id(), other.id()],
        "merge: the other lead is gone"
    );
    let kept = &ws.leads[0];
    assert_eq!(
        kept.merged().len(),
        1,
        "merge: the other lead is kept inside"
    );
    assert_eq!(kept.merged()[0].lead, gone, "merge: kept whole");
    assert_eq!(kept.history(), stays.history(), "merge: its own history");
    let mut theirs: Vec<_> = ws
        .activities
        .iter()
        .filter(|a| a.lead == stays.id())
        .map(|a| a.at)
        .collect();
    theirs.sort();
    assert_eq!(
        theirs,
        [at(3), at(5), at(7)],
        "merge: every activity of both"
    );
    assert_eq!(ws.activities.len(), 4, "merge: no activity lost or doubled");
    // A second merge from a stale copy is refused and changes nothing.
    let again = Change::merge(stays.clone(), gone.clone(), &acts, None, at(10));
    assert!(
        s.commit(&again).await.is_err(),
        "merge: stale copies refused"
    );
    assert_eq!(
        s.load().await.unwrap(),
        ws,
        "merge: refusal changed nothing"
    );
}

async fn unicode_survives(s: &impl Store) {
    let a = lead(4, 0, "Trần Thị Ánh Tuyết <img src=x> 🌸");
    s.commit(&Change::lead(a.clone())).await.unwrap();
    assert_eq!(
        s.load().await.unwrap().leads[0].name(),
        a.name(),
        "unicode round trip"
    );
}

async fn activities_are_stored_per_lead(s: &impl Store) {
    let a = lead(1, 0, "An");
    let first = Change {
        leads: vec![a.clone()],
        activities: vec![(a.id(), vec![call(&a, 1)])],
        ..Change::default()
    };
    s.commit(&first).await.unwrap();
    let more = Change {
        activities: vec![(a.id(), vec![call(&a, 1), call(&a, 20)])],
        ..Change::default()
    };
    s.commit(&more).await.unwrap();
    assert_eq!(
        s.load().await.unwrap().activities,
        vec![call(&a, 1), call(&a, 20)],
        "the list is replaced"
    );
    let none = Change {
        activities: vec![(a.id(), vec![])],
        ..Change::default()
    };
    s.commit(&none).await.unwrap();
    assert!(
        s.load().await.unwrap().activities.is_empty(),
        "an empty list removes them"
    );
}

/// Logging appends to the list as stored (a colleague's activity written
/// meanwhile stays), needs no version of the lead, and is refused, whole,
/// once the lead is gone; an undo takes out that one activity.
async fn a_logged_activity_joins_whatever_the_list_holds(s: &impl Store) {
    let a = lead(1, 0, "An");
    s.commit(&Change::lead(a.clone())).await.unwrap();
    // Another device's activity, stored after this tab read the lead.
    let theirs = call(&a, 5);
    s.commit(&Change {
        activities: vec![(a.id(), vec![theirs.clone()])],
        ..Change::default()
    })
    .await
    .unwrap();
    let mine = Activity {
        note: Some("Khách hẹn gọi lại".into()),
        ..call(&a, 6)
    };
    s.commit(&Change::log(mine.clone())).await.unwrap();
    s.commit(&Change::log(mine.clone())).await.unwrap();
    assert_eq!(
        sorted(s.load().await.unwrap().activities),
        vec![theirs.clone(), mine.clone(), mine.clone()],
        "appended, the colleague's kept, twice logged is twice"
    );
    s.commit(&Change {
        withdrawn: vec![mine.clone()],
        ..Change::default()
    })
    .await
    .unwrap();
    assert_eq!(
        sorted(s.load().await.unwrap().activities),
        vec![theirs.clone(), mine.clone()],
        "an undo takes out one"
    );
    s.commit(&Change {
        deleted: vec![a.id()],
        ..Change::default()
    })
    .await
    .unwrap();
    let refused = s.commit(&Change::log(call(&a, 9))).await;
    assert!(
        matches!(refused, Err(super::StorageError::Conflict { lead }) if lead == a.id()),
        "a lead that is gone takes no activity: {refused:?}"
    );
    assert!(s.load().await.unwrap().activities.is_empty());
}

async fn settings_are_stored(s: &impl Store) {
    let mut settings = Workspace::default().settings();
    settings
        .reps
        .push(Rep::new("lan", "Lan", Membership::Both, 30));
    settings.calendar.holidays.push("2026-12-24".into());
    s.commit(&Change {
        settings: Some(settings.clone()),
        ..Change::default()
    })
    .await
    .unwrap();
    assert_eq!(
        s.load().await.unwrap().settings(),
        settings,
        "settings round trip"
    );
}

async fn replace_swaps_the_whole_workspace(s: &impl Store) {
    s.commit(&Change::lead(lead(99, 0, "Old"))).await.unwrap();
    let ws = generate(7, 40, 3, at(0) + chrono::TimeDelta::days(100));
    s.replace(&ws).await.unwrap();
    let loaded = s.load().await.unwrap();
    assert_eq!(loaded.leads, ws.leads, "replace: leads");
    assert_eq!(
        sorted(loaded.activities.clone()),
        sorted(ws.activities.clone()),
        "replace: activities"
    );
    assert_eq!(loaded.settings(), ws.settings(), "replace: settings");
    let smaller = generate(8, 5, 2, at(0) + chrono::TimeDelta::days(100));
    s.replace(&smaller).await.unwrap();
    assert_eq!(
        s.load().await.unwrap().leads,
        smaller.leads,
        "nothing of the previous workspace remains"
    );
}

async fn a_stale_edit_is_refused_and_changes_nothing(s: &impl Store) {
    let a = lead(1, 0, "An");
    s.commit(&Change::lead(a.clone())).await.unwrap();
    let base = a.updated_at();
    // Tab 1 advances the lead from the version it read.
    let mut tab1 = a.clone();
    tab1.advance(&Pipeline::default(), None, at(5)).unwrap();
    s.commit(&Change::edit(tab1.clone(), base)).await.unwrap();
    // Tab 2 still holds the old version and edits it too.
    let mut tab2 = a.clone();
    tab2.set_campaign("late edit", at(6));
    let mut stale = Change::edit(tab2, base);
    stale.leads.push(lead(2, 1, "Bình"));
    assert_eq!(
        s.commit(&stale).await,
        Err(super::StorageError::Conflict { lead: a.id() }),
        "stale edit refused"
    );
    assert_eq!(
        s.load().await.unwrap().leads,
        vec![tab1],
        "nothing of the refused change was written"
    );
}

async fn a_stale_settings_save_is_refused_and_changes_nothing(s: &impl Store) {
    let base = Workspace::default().settings();
    let with_rep = |id: &str| {
        let mut settings = base.clone();
        settings.reps.push(Rep::new(id, id, Membership::Both, 30));
        settings
    };
    // Tab 1 adds a rep to the settings it read (the defaults, none stored yet).
    let tab1 = with_rep("lan");
    s.commit(&Change {
        settings: Some(tab1.clone()),
        expect_settings: Some(base.clone()),
        ..Change::default()
    })
    .await
    .expect("settings made from the stored ones are saved");
    // Tab 2 still holds the defaults and adds another rep, with a new lead.
    let stale = Change {
        leads: vec![lead(3, 2, "Chi")],
        settings: Some(with_rep("minh")),
        expect_settings: Some(base.clone()),
        ..Change::default()
    };
    assert_eq!(
        s.commit(&stale).await,
        Err(super::StorageError::SettingsConflict),
        "stale settings refused"
    );
    let stored = s.load().await.unwrap();
    assert_eq!(stored.settings(), tab1, "tab 1's settings kept");
    assert!(
        stored.leads.is_empty(),
        "nothing of the refused change was written"
    );
    // Made again from what is stored now, the save goes through.
    let mut both = tab1.clone();
    both.reps.extend(with_rep("minh").reps.pop());
    s.commit(&Change {
        settings: Some(both.clone()),
        expect_settings: Some(tab1),
        ..Change::default()
    })
    .await
    .expect("settings made from the stored ones are saved");
    assert_eq!(s.load().await.unwrap().settings(), both);
}
