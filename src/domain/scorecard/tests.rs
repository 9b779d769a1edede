use super::test_world::{binh, now, settled_world, week, world, world_of};
use super::*;
use crate::domain::sla::{SlaPolicies, SlaPolicy, Span};
use crate::domain::targets::{TargetRules, advise};
use crate::domain::test_support::vn;
use crate::domain::whatif::what_if;
use crate::domain::workspace::{Prepared, Workspace};
use crate::domain::zone::Zone;
use chrono::NaiveDate;

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

fn too_early(cases: usize) -> KpiStatus {
    KpiStatus::TooEarly { cases }
}

#[test]
fn marketing_scorecard() {
    use KpiStatus::*;
    // Four leads on Tuesday of the week: counts are counted, rates too, but
    // four leads are too few for a verdict on a rate.
    let ws = world();
    let p = Prepared::new(&ws, now()).unwrap();
    let rows = scorecard(&p, week(), &Scope::Marketing, now());
    check(&rows, Kpi::LeadVolume, Some(4.0), NoTarget);
    // The gate is settled for L1, L3 (qualified) and L2 (junk); L4 is
    // still being worked: not a 0 yet.
    check(&rows, Kpi::QualifiedRate, Some(200.0 / 3.0), too_early(3));
    check(&rows, Kpi::JunkRate, Some(100.0 / 3.0), too_early(3));
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
    // Twenty leads (the same four five times): enough, but a quarter of
    // them (the L4s) are still open at the gate: no verdict yet.
    let ws = world_of(5);
    let p = Prepared::new(&ws, now()).unwrap();
    let rows = scorecard(&p, week(), &Scope::Marketing, now());
    check(&rows, Kpi::LeadVolume, Some(20.0), NoTarget);
    let undecided = Undecided { open: 5, of: 20 };
    check(&rows, Kpi::QualifiedRate, Some(200.0 / 3.0), undecided);
    check(&rows, Kpi::JunkRate, Some(100.0 / 3.0), undecided);
    // Once the L4s are closed, every outcome is known: judged.
    let ws = settled_world(5);
    let p = Prepared::new(&ws, now()).unwrap();
    let rows = scorecard(&p, week(), &Scope::Marketing, now());
    check(&rows, Kpi::QualifiedRate, Some(50.0), Met); // target ≥ 30
    check(&rows, Kpi::JunkRate, Some(25.0), Over); // target ≤ 15
    assert_eq!(row(&rows, &Kpi::QualifiedRate).cases, 20);
    // Once the week is over, four leads are too few (not "too early").
    let later = vn("2026-03-10 09:00");
    let ws = world();
    let p = Prepared::new(&ws, later).unwrap();
    let rows = scorecard(&p, week(), &Scope::Marketing, later);
    check(
        &rows,
        Kpi::QualifiedRate,
        Some(200.0 / 3.0),
        TooFew { cases: 3 },
    );
}

#[test]
fn sales_scorecard() {
    use KpiStatus::*;
    // Each figure over leads counts its own cases. Answered: L1 after 20 min
    // (in time), L3 after 90 (late). L2 junked before its due time; L4
    // unanswered, late.
    let ws = world();
    let p = Prepared::new(&ws, now()).unwrap();
    let rows = scorecard(&p, week(), &Scope::Sales, now());
    check(&rows, Kpi::FirstResponseMedian, Some(20.0), too_early(2));
    check(&rows, Kpi::FirstResponseP90, Some(90.0), too_early(2));
    check(
        &rows,
        Kpi::FirstResponseWithinSla,
        Some(100.0 / 3.0),
        too_early(3),
    ); // L1 of L1, L3, L4
    // Calls per lead over the leads whose attempts clock has a verdict: L1
    // (reached, 1 call), L3 (late, 1), L4 (late, 0); L2 was junked first.
    check(&rows, Kpi::AttemptsPerLead, Some(2.0 / 3.0), too_early(3));
    check(
        &rows,
        Kpi::RequiredAttemptsRate,
        Some(100.0 / 3.0),
        too_early(3),
    ); // L1 reached; L3, L4 late
    // Won over the closed leads: L1 won, L2 junk; L3 (qualified) and L4 are
    // still open, neither won nor lost yet.
    check(&rows, Kpi::QualifiedToWon, Some(100.0), too_early(1));
    check(&rows, Kpi::LeadToWon, Some(50.0), too_early(2));
    check(&rows, Kpi::Csat, Some(5.0), too_early(1));
    check(&rows, Kpi::FirstContactResolution, Some(0.0), too_early(1));
    check(&rows, Kpi::OpenLoad, Some(20.0), Within); // L3, L4 open of capacity 10
    check(&rows, Kpi::Breaches, Some(2.0), NoTarget); // L3, L4
    check(&rows, Kpi::Reassignments, Some(2.0), NoTarget); // L3 untouched since 10:30, L4 since 09:00

    // Five times over: enough cases for most figures.
    let ws = world_of(5);
    let p = Prepared::new(&ws, now()).unwrap();
    let rows = scorecard(&p, week(), &Scope::Sales, now());
    check(&rows, Kpi::FirstResponseMedian, Some(20.0), Within); // ≤ 30
    check(&rows, Kpi::FirstResponseP90, Some(90.0), Within); // ≤ 120
    check(
        &rows,
        Kpi::FirstResponseWithinSla,
        Some(100.0 / 3.0),
        Missed,
    ); // ≥ 90
    check(&rows, Kpi::AttemptsPerLead, Some(2.0 / 3.0), Missed); // ≥ 2, not pro-rated
    check(&rows, Kpi::RequiredAttemptsRate, Some(100.0 / 3.0), Missed);
    check(&rows, Kpi::QualifiedToWon, Some(100.0), too_early(5)); // 5 closed
    // Half the leads still open: no verdict on lead → won yet.
    check(
        &rows,
        Kpi::LeadToWon,
        Some(50.0),
        Undecided { open: 10, of: 20 },
    );
    check(&rows, Kpi::Csat, Some(5.0), too_early(5));
    check(&rows, Kpi::FirstContactResolution, Some(0.0), too_early(5));
    check(&rows, Kpi::OpenLoad, Some(100.0), Over); // 10 open of capacity 10; ≤ 90
    check(&rows, Kpi::Breaches, Some(10.0), NoTarget);
    assert!(
        rows.iter().all(|r| r.pace.is_none()),
        "no figure of Sales is pro-rated"
    );
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
    // The week is in progress, but 3 leads already reach the whole floor of 3.
    check(&rows, Kpi::LeadVolume, Some(3.0), KpiStatus::Met);
    assert_eq!(
        row(&rows, &Kpi::LeadVolume).target.map(|t| t.value),
        Some(3.0)
    );
    check(&rows, Kpi::LeadToWon, Some(100.0), too_early(1)); // L1 of L1 closed
    // An owns no lead: 0 leads so far, against a pace under one lead.
    let an = scorecard(&p, week(), &Scope::Rep(RepId::new("an")), now());
    check(&an, Kpi::LeadVolume, Some(0.0), too_early(0));
    check(&an, Kpi::LeadToWon, None, KpiStatus::NoData);
    assert_eq!(all_scopes(&p).len(), 4);
}

#[test]
fn changing_a_target_changes_the_status() {
    let mut ws = settled_world(5);
    {
        let p = Prepared::new(&ws, now()).unwrap();
        check(
            &scorecard(&p, week(), &Scope::Marketing, now()),
            Kpi::JunkRate,
            Some(25.0),
            KpiStatus::Over,
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
        KpiStatus::Within,
    );
}

#[test]
fn a_week_in_progress_pro_rates_counts_only() {
    let mut ws = world_of(5);
    let floor = |value| Target {
        goal: Goal::AtLeast,
        value,
    };
    ws.targets.set(None, Kpi::LeadVolume, floor(200.0));
    // Tuesday noon of a Monday–Friday (and Saturday morning) week: a
    // fraction of its business time has passed; 20 leads so far.
    let p = Prepared::new(&ws, now()).unwrap();
    let share = week().elapsed_share(p.calendar.calendar(), now());
    assert!(share > 0.1 && share < 0.5, "{share}");
    let rows = scorecard(&p, week(), &Scope::Marketing, now());
    let r = row(&rows, &Kpi::LeadVolume);
    let pace = r.pace.expect("a pro-rated target");
    assert!((pace.value - 200.0 * share).abs() < 1e-9);
    assert!(pace.value > 20.0, "behind the pace: {pace:?}");
    assert_eq!(r.status, KpiStatus::Missed, "judged against the pace");
    assert_eq!(r.target, Some(floor(200.0)), "the target itself is kept");
    // Rates are not pro-rated: judged on the leads so far against the
    // whole target; ceilings keep theirs.
    for kpi in [Kpi::QualifiedRate, Kpi::JunkRate] {
        assert!(row(&rows, &kpi).pace.is_none(), "{kpi}");
    }
    // A pace the count reaches.
    ws.targets.set(None, Kpi::LeadVolume, floor(40.0));
    let p = Prepared::new(&ws, now()).unwrap();
    let rows = scorecard(&p, week(), &Scope::Marketing, now());
    assert_eq!(row(&rows, &Kpi::LeadVolume).status, KpiStatus::Met);
    // Once the week is over, the whole target.
    ws.targets.set(None, Kpi::LeadVolume, floor(200.0));
    let later = vn("2026-03-10 09:00");
    let p = Prepared::new(&ws, later).unwrap();
    assert_eq!(week().elapsed_share(p.calendar.calendar(), later), 1.0);
    let rows = scorecard(&p, week(), &Scope::Marketing, later);
    let r = row(&rows, &Kpi::LeadVolume);
    assert!(r.pace.is_none());
    assert_eq!(r.status, KpiStatus::Missed, "20 of 200");
}

#[test]
fn an_empty_period_has_no_data_but_counts_zero() {
    let ws = world();
    let p = Prepared::new(&ws, now()).unwrap();
    let next_week = Period::Week(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap());
    let rows = scorecard(&p, next_week, &Scope::Sales, now());
    check(&rows, Kpi::FirstResponseWithinSla, None, KpiStatus::NoData);
    check(&rows, Kpi::Breaches, Some(0.0), KpiStatus::NoTarget);
    let rows = scorecard(&p, next_week, &Scope::Marketing, now());
    check(&rows, Kpi::LeadVolume, Some(0.0), KpiStatus::NoTarget);
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
fn targets_start_from_the_current_target_and_the_baseline() {
    use crate::domain::targets::Suggestion;
    // Every lead's outcome known (L4 closed as lost): the rates are judged.
    let ws = settled_world(5);
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
    assert_eq!(
        advice.history.last().unwrap(),
        &(
            week(),
            Figure {
                value: Some(50.0),
                cases: 20,
                pending: 0,
            }
        )
    );
    assert_eq!(advice.baseline, Some(50.0));
    // ≥ 30 now, 50 done: one step up, not the baseline.
    assert_eq!(
        advice.suggested,
        Some(Suggestion::Move(Target {
            goal: Goal::AtLeast,
            value: 33.0
        }))
    );
    assert!(!advice.capacity_short);
    let junk = |ws: &Workspace| {
        let p = Prepared::new(ws, now()).unwrap();
        advise(
            &p,
            &Scope::Marketing,
            &Kpi::JunkRate,
            current,
            TargetRules {
                streak: 1,
                ..TargetRules::default()
            },
            now(),
        )
    };
    let over = junk(&ws);
    assert_eq!(over.missed_in_a_row, 1, "25 % against ≤ 15");
    assert!(over.capacity_short);
    // 25 against ≤ 15: a step (≤ 16.5) would still be missed by far.
    assert_eq!(over.suggested, Some(Suggestion::OutOfReach));
    // Open load is the state now: no past figure, so nothing to advise.
    let p = Prepared::new(&ws, now()).unwrap();
    let load = advise(
        &p,
        &Scope::Sales,
        &Kpi::OpenLoad,
        current,
        TargetRules::default(),
        now(),
    );
    assert!(load.history.iter().all(|(_, f)| f.value.is_none()));
    assert_eq!(
        (load.baseline, load.suggested, load.missed_in_a_row),
        (None, None, 0)
    );
    // Four leads are too few to judge: no miss, no baseline.
    let few = junk(&world());
    assert_eq!(few.missed_in_a_row, 0);
    assert!(!few.capacity_short);
    assert_eq!(few.baseline, None);
    assert_eq!(few.suggested, None);
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
