use super::*;
use crate::domain::activity::{ActivityKind, Direction, Outcome};
use crate::domain::lead::LeadId;
use chrono::TimeZone;

fn act(lead: u128, minute: u32) -> Activity {
    Activity {
        lead: LeadId::from_uuid(uuid::Uuid::from_u128(lead)),
        at: Utc.with_ymd_and_hms(2026, 3, 2, 8, minute, 0).unwrap(),
        kind: ActivityKind::Call,
        direction: Direction::Outbound,
        outcome: Outcome::NoAnswer,
        rep: None,
        note: None,
        by: None,
        extra: Extra::default(),
    }
}

#[test]
fn a_tick_with_the_earlier_digest_evaluates_like_a_fresh_start() {
    use crate::domain::sample::generate;
    use crate::domain::test_support::vn;
    let now = vn("2026-06-01 10:00");
    let ws = generate(3, 200, 4, now);
    let first = Prepared::new(&ws, now).unwrap();
    let later = now + TimeDelta::hours(5);
    let fresh = Prepared::new(&ws, later).unwrap();
    let tick = Prepared::with_digest(&ws, first.shared_digest(), later).unwrap();
    assert_eq!(*tick.eval, *fresh.eval);
    assert!(
        Arc::ptr_eq(&tick.shared_digest(), &first.shared_digest()),
        "the digest was reused"
    );
    // A digest of other data (another number of leads) is not used.
    let other = generate(4, 50, 2, now);
    let elsewhere = Prepared::new(&other, now).unwrap();
    let tick = Prepared::with_digest(&ws, elsewhere.shared_digest(), later).unwrap();
    assert_eq!(*tick.eval, *fresh.eval);
}

#[test]
fn grouped_or_not_the_index_gives_each_lead_its_activities_oldest_first() {
    let mixed = vec![act(2, 5), act(1, 9), act(2, 1), act(1, 3), act(3, 0)];
    let mut grouped = mixed.clone();
    group_by_lead(&mut grouped);
    assert_eq!(
        grouped,
        vec![act(2, 1), act(2, 5), act(1, 3), act(1, 9), act(3, 0)]
    );
    let lead = |n| LeadId::from_uuid(uuid::Uuid::from_u128(n));
    for list in [&mixed, &grouped] {
        let index = ActivityIndex::new(list);
        assert_eq!(index.of(lead(1)), [act(1, 3), act(1, 9)]);
        assert_eq!(index.of(lead(2)), [act(2, 1), act(2, 5)]);
        assert_eq!(index.of(lead(3)), [act(3, 0)]);
        assert!(index.of(lead(4)).is_empty());
    }
    assert!(
        matches!(ActivityIndex::new(&grouped).sorted, Cow::Borrowed(_)),
        "no copy when grouped"
    );
    assert!(matches!(ActivityIndex::new(&mixed).sorted, Cow::Owned(_)));
}
