//! The behaviour every [`Store`] adapter must have. Run natively against
//! `MemoryStore` and in headless Chromium against `IdbStore` (a fresh database
//! per case). Each case panics with a message naming the case on failure.

use super::Store;
use crate::domain::lead::{Lead, LeadDraft, LeadId};
use crate::domain::pipeline::Pipeline;
use chrono::{DateTime, TimeZone, Utc};
use std::future::Future;
use uuid::Uuid;

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 9, minute, 0).unwrap()
}

fn lead(n: u128, minute: u32, name: &str) -> Lead {
    let draft = LeadDraft {
        name: name.into(),
        phone: format!("09123456{:02}", n % 100),
        email: String::new(),
        source: "Facebook".into(),
    };
    Lead::create(
        &draft,
        LeadId::from_uuid(Uuid::from_u128(n)),
        at(minute),
        &Pipeline::default(),
    )
    .expect("conformance fixtures are valid")
}

/// Runs every case, each on a store made fresh by `make`.
pub async fn run_all<S, F, Fut>(make: F)
where
    S: Store,
    F: Fn() -> Fut,
    Fut: Future<Output = S>,
{
    empty_store_has_no_leads(&make().await).await;
    put_then_load_returns_equal_leads(&make().await).await;
    put_replaces_by_id(&make().await).await;
    load_is_sorted_by_creation(&make().await).await;
    delete_removes_only_that_lead(&make().await).await;
    unicode_survives(&make().await).await;
}

async fn empty_store_has_no_leads(s: &impl Store) {
    assert_eq!(s.load_leads().await.unwrap(), vec![], "empty store");
}

async fn put_then_load_returns_equal_leads(s: &impl Store) {
    let a = lead(1, 0, "An");
    s.put_lead(&a).await.unwrap();
    assert_eq!(s.load_leads().await.unwrap(), vec![a], "put then load");
}

async fn put_replaces_by_id(s: &impl Store) {
    let mut a = lead(1, 0, "An");
    s.put_lead(&a).await.unwrap();
    a.advance(&Pipeline::default(), Some("rep"), at(5)).unwrap();
    s.put_lead(&a).await.unwrap();
    let loaded = s.load_leads().await.unwrap();
    assert_eq!(loaded, vec![a], "second put replaces the first");
}

async fn load_is_sorted_by_creation(s: &impl Store) {
    let (late, early, tie_b, tie_a) = (
        lead(9, 30, "L"),
        lead(5, 1, "E"),
        lead(3, 10, "B"),
        lead(2, 10, "A"),
    );
    for l in [&late, &early, &tie_b, &tie_a] {
        s.put_lead(l).await.unwrap();
    }
    let names: Vec<_> = s
        .load_leads()
        .await
        .unwrap()
        .iter()
        .map(|l| l.name().to_owned())
        .collect();
    assert_eq!(names, ["E", "A", "B", "L"], "sorted by created_at then id");
}

async fn delete_removes_only_that_lead(s: &impl Store) {
    let (a, b) = (lead(1, 0, "An"), lead(2, 1, "Bình"));
    s.put_lead(&a).await.unwrap();
    s.put_lead(&b).await.unwrap();
    s.delete_lead(a.id()).await.unwrap();
    s.delete_lead(LeadId::from_uuid(Uuid::from_u128(77)))
        .await
        .unwrap();
    assert_eq!(
        s.load_leads().await.unwrap(),
        vec![b],
        "delete one, and an absent one"
    );
}

async fn unicode_survives(s: &impl Store) {
    let a = lead(4, 0, "Trần Thị Ánh Tuyết <img src=x> 🌸");
    s.put_lead(&a).await.unwrap();
    assert_eq!(
        s.load_leads().await.unwrap()[0].name(),
        a.name(),
        "unicode round trip"
    );
}
