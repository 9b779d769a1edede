use super::*;
use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
use crate::domain::calendar::CalendarSpec;
use crate::domain::lead::{Closure, Csat, Lead, LeadDraft, LeadId, LossKind};
use crate::domain::pipeline::StageId;
use crate::domain::rep::{Membership, Rep};
use crate::domain::sla::{SlaPolicies, SlaPolicy, Span};
use crate::domain::targets::{TargetRules, advise};
use crate::domain::test_support::vn;
use crate::domain::whatif::what_if;
use crate::domain::workspace::{Prepared, Workspace};
use crate::domain::zone::Zone;
use chrono::NaiveDate;

fn binh() -> RepId {
    RepId::new("binh")
}

/// Four leads created on Monday 2026-03-02 09:00 (week 2026-W10), scored on Tuesday 12:00:
/// - L1 Facebook, binh calls at 09:20 and connects; qualified, then won with CSAT 5.
/// - L2 Facebook, junk at 09:30, never called, no owner.
/// - L3 Google, binh calls at 10:30 (no answer); moved to Qualified.
/// - L4 Zalo, binh owns it and never calls.
fn world() -> Workspace {
    let mut ws = Workspace {
        calendar: CalendarSpec::vietnam(),
        ..Workspace::default()
    };
    ws.reps = vec![
        Rep::new(binh().as_str(), "Bình", Membership::Sales, 10),
        Rep::new("an", "An", Membership::Marketing, 10),
    ];
    let p = ws.pipeline.clone();
    let created = vn("2026-03-02 09:00");
    let mk = |n: u128, source: &str| {
        let draft = LeadDraft {
            name: format!("L{n}"),
            phone: "0912345678".into(),
            email: String::new(),
            source: source.into(),
            ..Default::default()
        };
        Lead::create(
            &draft,
            LeadId::from_uuid(uuid::Uuid::from_u128(n)),
            created,
            &p,
        )
        .unwrap()
    };
    let call = |lead: &Lead, at: &str, outcome| Activity {
        lead: lead.id(),
        at: vn(at),
        kind: ActivityKind::Call,
        direction: Direction::Outbound,
        outcome,
        rep: Some(binh()),
        note: None,
        by: None,
        extra: Default::default(),
    };
    let mut l1 = mk(1, "Facebook");
    l1.assign(Some(binh()), created);
    for (stage, at) in [
        ("interested", "2026-03-02 10:00"),
        ("qualified", "2026-03-02 11:00"),
        ("won", "2026-03-02 15:00"),
    ] {
        l1.move_to(&StageId::new(stage), &p, None, vn(at)).unwrap();
    }
    l1.set_csat(Some(Csat::try_from(5).unwrap()), vn("2026-03-02 15:00"));
    let mut l2 = mk(2, "Facebook");
    l2.mark_lost(
        Closure {
            kind: LossKind::Junk,
            reason: "fake name".into(),
        },
        &p,
        None,
        vn("2026-03-02 09:30"),
    )
    .unwrap();
    let mut l3 = mk(3, "Google");
    l3.assign(Some(binh()), created);
    l3.move_to(&StageId::new("qualified"), &p, None, vn("2026-03-02 11:00"))
        .unwrap();
    let mut l4 = mk(4, "Zalo");
    l4.assign(Some(binh()), created);
    ws.activities = vec![
        call(&l1, "2026-03-02 09:20", Outcome::Connected),
        call(&l3, "2026-03-02 10:30", Outcome::NoAnswer),
    ];
    ws.leads = vec![l1, l2, l3, l4];
    ws
}

fn now() -> DateTime<Utc> {
    vn("2026-03-03 12:00")
}

fn week() -> Period {
    Period::Week(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
}

fn row<'a>(rows: &'a [Row], kpi: &Kpi) -> &'a Row {
    rows.iter()
        .find(|r| &r.kpi == kpi)
        .unwrap_or_else(|| panic!("no row for {kpi}"))
}

fn check(rows: &[Row], kpi: Kpi, actual: Option<f64>, status: KpiStatus) {
    let r = row(rows, &kpi);
    match (r.actual, actual) {
        (Some(a), Some(e)) => assert!((a - e).abs() < 1e-9, "{kpi}: actual {a}, expected {e}"),
        (a, e) => assert_eq!(a, e, "{kpi}"),
    }
    assert_eq!(
        r.status, status,
        "{kpi} status (actual {:?}, target {:?})",
        r.actual, r.target
    );
}

#[test]
fn marketing_scorecard() {
    let ws = world();
    let p = Prepared::new(&ws, now()).unwrap();
    let rows = scorecard(&p, week(), &Scope::Marketing, now());
    use KpiStatus::*;
    check(&rows, Kpi::LeadVolume, Some(4.0), NoTarget);
    check(&rows, Kpi::QualifiedRate, Some(50.0), Exceeded); // L1, L3 of 4; target ≥ 30
    check(&rows, Kpi::JunkRate, Some(25.0), NeedsImprovement); // L2; target ≤ 15
    check(
        &rows,
        Kpi::LeadsFromSource("Facebook".into()),
        Some(2.0),
        NoTarget,
    );
    check(
        &rows,
        Kpi::LeadsFromSource("Zalo".into()),
        Some(1.0),
        NoTarget,
    );
}

#[test]
fn sales_scorecard() {
    let ws = world();
    let p = Prepared::new(&ws, now()).unwrap();
    let rows = scorecard(&p, week(), &Scope::Sales, now());
    use KpiStatus::*;
    // Answered: L1 after 20 min (met), L3 after 90 (late). L2 junked before its due time; L4 unanswered.
    check(&rows, Kpi::FirstResponseMedian, Some(20.0), Exceeded);
    check(&rows, Kpi::FirstResponseP90, Some(90.0), Exceeded);
    check(
        &rows,
        Kpi::FirstResponseWithinSla,
        Some(100.0 / 3.0),
        NeedsImprovement,
    ); // L1 of L1, L3, L4
    check(&rows, Kpi::AttemptsPerLead, Some(0.5), NeedsImprovement);
    check(
        &rows,
        Kpi::RequiredAttemptsRate,
        Some(100.0 / 3.0),
        NeedsImprovement,
    ); // L1 reached; L3, L4 late
    check(&rows, Kpi::QualifiedToWon, Some(50.0), Exceeded);
    check(&rows, Kpi::LeadToWon, Some(25.0), Exceeded);
    check(&rows, Kpi::Csat, Some(5.0), Exceeded);
    check(
        &rows,
        Kpi::FirstContactResolution,
        Some(0.0),
        NeedsImprovement,
    );
    check(&rows, Kpi::OpenLoad, Some(20.0), Exceeded); // L3, L4 open of capacity 10
    check(&rows, Kpi::Breaches, Some(2.0), NoTarget); // L3, L4
    check(&rows, Kpi::Reassignments, Some(2.0), NoTarget); // L3 untouched since 10:30, L4 since 09:00
}

#[test]
fn rep_scorecard_uses_their_leads_and_falls_back_to_sales_targets() {
    let mut ws = world();
    ws.targets.set(
        Some(Scope::Sales),
        Kpi::LeadVolume,
        Target {
            goal: Goal::AtLeast,
            value: 3.0,
        },
    );
    let p = Prepared::new(&ws, now()).unwrap();
    let rows = scorecard(&p, week(), &Scope::Rep(binh()), now());
    // The week is in progress: 3 leads by Tuesday beat the pace to 3.
    check(&rows, Kpi::LeadVolume, Some(3.0), KpiStatus::Exceeded);
    assert_eq!(
        row(&rows, &Kpi::LeadVolume).target.map(|t| t.value),
        Some(3.0)
    );
    check(
        &rows,
        Kpi::LeadToWon,
        Some(100.0 / 3.0),
        KpiStatus::Exceeded,
    );
    let an = scorecard(&p, week(), &Scope::Rep(RepId::new("an")), now());
    check(&an, Kpi::LeadVolume, None, KpiStatus::NoData);
    assert_eq!(all_scopes(&p).len(), 4);
}

#[test]
fn changing_a_target_changes_the_status() {
    let mut ws = world();
    {
        let p = Prepared::new(&ws, now()).unwrap();
        check(
            &scorecard(&p, week(), &Scope::Marketing, now()),
            Kpi::JunkRate,
            Some(25.0),
            KpiStatus::NeedsImprovement,
        );
    }
    ws.targets.set(
        None,
        Kpi::JunkRate,
        Target {
            goal: Goal::AtMost,
            value: 25.0,
        },
    );
    let p = Prepared::new(&ws, now()).unwrap();
    check(
        &scorecard(&p, week(), &Scope::Marketing, now()),
        Kpi::JunkRate,
        Some(25.0),
        KpiStatus::Met,
    );
}

#[test]
fn a_week_in_progress_judges_lead_volume_against_the_time_elapsed() {
    let mut ws = world();
    let floor = |value| Target {
        goal: Goal::AtLeast,
        value,
    };
    ws.targets.set(None, Kpi::LeadVolume, floor(20.0));
    // Tuesday noon of a Monday–Friday (and Saturday morning) week: a
    // fraction of its business time has passed; 4 leads so far.
    let p = Prepared::new(&ws, now()).unwrap();
    let share = week().elapsed_share(p.calendar.calendar(), now());
    assert!(share > 0.1 && share < 0.5, "{share}");
    let rows = scorecard(&p, week(), &Scope::Marketing, now());
    let r = row(&rows, &Kpi::LeadVolume);
    let pace = r.pace.expect("a pro-rated target");
    assert!((pace.value - 20.0 * share).abs() < 1e-9);
    assert_eq!(
        r.status,
        status(Some(pace), Some(4.0)),
        "judged against the pace"
    );
    assert_eq!(r.target, Some(floor(20.0)), "the target itself is kept");
    // Ceilings keep their target; rates that grow as young leads qualify
    // are paced like counts (when they have a floor).
    assert!(row(&rows, &Kpi::JunkRate).pace.is_none());
    // Once the week is over, the whole target.
    let later = vn("2026-03-10 09:00");
    let p = Prepared::new(&ws, later).unwrap();
    assert_eq!(week().elapsed_share(p.calendar.calendar(), later), 1.0);
    let rows = scorecard(&p, week(), &Scope::Marketing, later);
    let r = row(&rows, &Kpi::LeadVolume);
    assert!(r.pace.is_none());
    assert_eq!(r.status, KpiStatus::NeedsImprovement, "4 of 20");
}

#[test]
fn an_empty_period_has_no_data() {
    let ws = world();
    let p = Prepared::new(&ws, now()).unwrap();
    let next_week = Period::Week(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap());
    let rows = scorecard(&p, next_week, &Scope::Sales, now());
    check(&rows, Kpi::FirstResponseWithinSla, None, KpiStatus::NoData);
}

#[test]
fn status_rules() {
    let at_least = Some(Target {
        goal: Goal::AtLeast,
        value: 80.0,
    });
    let at_most = Some(Target {
        goal: Goal::AtMost,
        value: 30.0,
    });
    for (target, actual, expected) in [
        (at_least, Some(89.0), KpiStatus::Exceeded),
        (at_least, Some(88.0), KpiStatus::Met),
        (at_least, Some(80.0), KpiStatus::Met),
        (at_least, Some(79.9), KpiStatus::NeedsImprovement),
        (at_most, Some(26.0), KpiStatus::Exceeded),
        (at_most, Some(30.0), KpiStatus::Met),
        (at_most, Some(31.0), KpiStatus::NeedsImprovement),
        (at_most, None, KpiStatus::NoData),
        (None, Some(1.0), KpiStatus::NoTarget),
    ] {
        assert_eq!(status(target, actual), expected, "{target:?} {actual:?}");
    }
}

#[test]
fn periods_in_the_workspace_timezone() {
    let tz = Zone::ho_chi_minh();
    let wed = vn("2026-03-04 23:30");
    assert_eq!(Period::containing(PeriodKind::Week, wed, tz), week());
    assert_eq!(
        Period::containing(PeriodKind::Week, wed, tz).label(),
        "2026-W10"
    );
    assert_eq!(
        Period::containing(PeriodKind::Month, wed, tz).label(),
        "2026-03"
    );
    assert_eq!(
        Period::containing(PeriodKind::Day, wed, tz).label(),
        "2026-03-04"
    );
    let (from, to) = Period::Day(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()).range(tz);
    assert_eq!((from, to), (vn("2026-03-02 00:00"), vn("2026-03-03 00:00")));
    assert_eq!(
        Period::Month(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
            .previous()
            .label(),
        "2025-12"
    );
    assert_eq!(week().previous().label(), "2026-W09");
    assert_eq!(week().next().previous(), week());
    let iso_2027 = Period::containing(PeriodKind::Week, vn("2027-01-01 12:00"), tz);
    assert_eq!(iso_2027.label(), "2026-W53");
}

#[test]
fn targets_start_from_the_baseline() {
    let ws = world();
    let p = Prepared::new(&ws, now()).unwrap();
    let current = week().next();
    let advice = advise(
        &p,
        &Scope::Marketing,
        &Kpi::QualifiedRate,
        current,
        TargetRules::default(),
        now(),
    );
    assert_eq!(advice.history.len(), 4);
    assert_eq!(advice.history.last().unwrap(), &(week(), Some(50.0)));
    assert_eq!(advice.baseline, Some(50.0));
    assert_eq!(
        advice.suggested,
        Some(Target {
            goal: Goal::AtLeast,
            value: 52.5
        })
    );
    assert!(!advice.capacity_short);
    let junk = advise(
        &p,
        &Scope::Marketing,
        &Kpi::JunkRate,
        current,
        TargetRules {
            streak: 1,
            ..TargetRules::default()
        },
        now(),
    );
    assert_eq!(junk.missed_in_a_row, 1);
    assert!(junk.capacity_short);
}

#[test]
fn what_if_a_looser_first_response_target() {
    let ws = world();
    let p = Prepared::new(&ws, now()).unwrap();
    let proposed = SlaPolicies {
        default: SlaPolicy {
            first_response: Span::Minutes(120),
            ..ws.policies.default.clone()
        },
        rules: vec![],
        enforced_from: None,
        long_overdue_after: None,
    };
    let w = what_if(&p, &proposed, week(), now());
    assert_eq!(w.current.leads, 4);
    assert_eq!(w.current.first_response_within, Some(100.0 / 3.0));
    assert_eq!(
        w.proposed.first_response_within,
        Some(200.0 / 3.0),
        "L3's 90-minute answer is now in time"
    );
    assert_eq!(
        (
            w.current.first_response_breaches,
            w.proposed.first_response_breaches
        ),
        (2, 1)
    );
}
