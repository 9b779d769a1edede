//! Helpers shared by the domain's tests.

use crate::domain::zone::Zone;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};

/// A local Vietnam time `YYYY-MM-DD HH:MM` as UTC.
pub fn vn(local: &str) -> DateTime<Utc> {
    let n = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").expect("YYYY-MM-DD HH:MM");
    Zone::ho_chi_minh()
        .from_local_datetime(&n)
        .unwrap()
        .with_timezone(&Utc)
}

/// A lead "Nguyễn An" (id `n`, phone 0912345678, from Zalo) created on
/// 2 March 2026 at 01:00 UTC, in the default pipeline's first stage.
pub fn lead(n: u128) -> super::lead::Lead {
    let draft = super::lead::LeadDraft {
        name: "Nguyễn An".into(),
        phone: "0912345678".into(),
        source: "Zalo".into(),
        ..Default::default()
    };
    super::lead::Lead::create(
        &draft,
        super::lead::LeadId::from_uuid(uuid::Uuid::from_u128(n)),
        Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).unwrap(),
        &super::pipeline::Pipeline::default(),
    )
    .expect("a valid draft")
}

/// An unanswered outbound call to `l` on 2 March 2026 at 02:`minute` UTC.
pub fn call(l: &super::lead::Lead, minute: u32) -> super::activity::Activity {
    use super::activity::{Activity, ActivityKind, Direction, Outcome};
    Activity {
        lead: l.id(),
        at: Utc.with_ymd_and_hms(2026, 3, 2, 2, minute, 0).unwrap(),
        kind: ActivityKind::Call,
        direction: Direction::Outbound,
        outcome: Outcome::NoAnswer,
        rep: None,
        note: None,
        by: None,
        extra: Default::default(),
    }
}

/// An "Urgent" SLA rule for high and urgent leads: first response within 15
/// minutes, at most 2 hours in "new".
pub fn urgent_rule() -> super::sla::SlaPolicy {
    use super::lead::Priority;
    use super::sla::{Conditions, SlaPolicy, Span};
    let mut urgent = SlaPolicy {
        name: "Urgent".into(),
        conditions: Conditions {
            priorities: vec![Priority::High, Priority::Urgent],
            ..Conditions::default()
        },
        first_response: Span::Minutes(15),
        ..SlaPolicy::default()
    };
    urgent
        .stage_limits
        .insert(super::pipeline::StageId::new("new"), Span::hours(2));
    urgent
}
