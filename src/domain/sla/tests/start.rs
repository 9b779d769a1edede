//! When clocks start (entry, the SLA's start) and when a deadline is
//! met or missed at its edge.

use super::*;

/// A lead created months ago in another system and imported today starts
/// its clocks at the import: nothing is breached on arrival, and it keeps
/// its true creation date.
#[test]
fn an_imported_old_lead_starts_its_clocks_when_it_enters_the_workspace() {
    let mut w = World::new();
    w.policies
        .default
        .stage_limits
        .insert(StageId::new("new"), Span::hours(8));
    let old = w.lead("2026-08-10 09:00");
    let now = "2026-12-01 09:30";
    // Without the entry time, everything is breached by months.
    let as_if_new_here = w.clocks(&old, &[], now);
    assert!(as_if_new_here.first_response.is_breached());
    assert!(as_if_new_here.nurture.is_breached());
    assert!(as_if_new_here.stage_time.is_breached());
    let imported = old.entering_at(vn("2026-12-01 09:00"));
    assert_eq!(imported.created_at(), vn("2026-08-10 09:00"));
    let c = w.clocks(&imported, &[], now);
    assert_eq!(
        c.first_response,
        Status::Pending {
            due: vn("2026-12-01 10:00"),
            remaining: mins(30)
        }
    );
    assert!(!c.attempts.status.is_breached());
    assert!(!c.nurture.is_breached());
    assert!(!c.stage_time.is_breached());
    // A day and a half later, untouched, it is late like any lead.
    assert!(
        w.clocks(&imported, &[], "2026-12-02 15:00")
            .first_response
            .is_breached()
    );
    // A call made before the import (kept in the file's history) counts.
    let call = act(
        "2026-08-10 10:00",
        ActivityKind::Call,
        Direction::Outbound,
        Outcome::Connected,
        "lan",
    );
    assert!(matches!(
        w.clocks(&imported, &[call], now).first_response,
        Status::Met { .. }
    ));
}

/// "SLA enforced from": no clock starts before that date, whatever the
/// lead's creation or entry.
#[test]
fn no_clock_starts_before_the_sla_is_enforced() {
    let mut w = World::new();
    let lead = w.lead("2026-11-20 09:00");
    assert!(
        w.clocks(&lead, &[], "2026-12-01 09:30")
            .first_response
            .is_breached()
    );
    w.policies.enforced_from = Some(vn("2026-12-01 09:00"));
    let c = w.clocks(&lead, &[], "2026-12-01 09:30");
    assert!(matches!(c.first_response, Status::Pending { .. }), "{c:?}");
    assert!(!c.nurture.is_breached());
    // A lead created after that date is judged from its creation.
    let later = w.lead("2026-12-01 09:10");
    assert_eq!(
        w.clocks(&later, &[], "2026-12-01 09:30").first_response,
        Status::Pending {
            due: vn("2026-12-01 10:10"),
            remaining: mins(40)
        }
    );
}

/// A clock whose deadline is the end of a working day reads "breached" all
/// night; a call at 01:00 is then late — by no business time, but late —
/// never "met". A call at the deadline itself is in time.
#[test]
fn done_after_the_deadline_outside_hours_is_late_not_met() {
    let w = World::new();
    // Monday 16:30: the first response is due at 17:30.
    let lead = w.lead("2026-03-02 16:30");
    let due = vn("2026-03-02 17:30");
    let fr = |acts: &[Activity], now: &str| w.clocks(&lead, acts, now).first_response;
    assert!(fr(&[], "2026-03-03 01:00").is_breached(), "all night");
    let at_night = [call("2026-03-03 01:00", Outcome::Connected)];
    assert_eq!(
        fr(&at_night, "2026-03-03 01:05"),
        Status::Breached {
            due,
            overdue: TimeDelta::zero(),
            done: Some(vn("2026-03-03 01:00"))
        }
    );
    let at_the_deadline = [call("2026-03-02 17:30", Outcome::Connected)];
    assert_eq!(
        fr(&at_the_deadline, "2026-03-03 01:05"),
        Status::Met {
            at: due,
            used: mins(60)
        }
    );
}
