//! The verdict rules of the module docs of `domain::scorecard`, one line each.

use super::*;

fn too_early(cases: usize) -> KpiStatus {
    KpiStatus::TooEarly { cases }
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
    use KpiStatus::*;
    for (target, actual, expected) in [
        (at_least, Some(200.0), Met),
        (at_least, Some(80.0), Met),
        (at_least, Some(79.9), Missed),
        (at_least, Some(0.0), Missed),
        (at_most, Some(0.0), Within),
        (at_most, Some(30.0), Within),
        (at_most, Some(30.1), Over),
        (at_most, None, NoData),
        (None, Some(1.0), NoTarget),
    ] {
        assert_eq!(status(target, actual), expected, "{target:?} {actual:?}");
    }
}

/// The verdict rules of the module docs, one line each.
#[test]
fn judge_rules() {
    use KpiStatus::*;
    let floor = |value| {
        Some(Target {
            goal: Goal::AtLeast,
            value,
        })
    };
    let ceiling = |value| {
        Some(Target {
            goal: Goal::AtMost,
            value,
        })
    };
    let fig = |value: Option<f64>, cases| Figure {
        value,
        cases,
        pending: 0,
    };
    let (over, half, start) = (1.0, 0.5, 0.0);
    #[track_caller]
    fn check(
        kpi: Kpi,
        target: Option<Target>,
        figure: Figure,
        share: f64,
        expected: KpiStatus,
        pace: Option<f64>,
    ) {
        let (status, got) = judge(&kpi, target, figure, share);
        assert_eq!(
            (status, got.map(|t| t.value)),
            (expected, pace),
            "{kpi} {target:?} {figure:?} at {share}"
        );
    }
    let volume = || Kpi::LeadVolume;
    let rate = || Kpi::QualifiedRate;
    // Counts with a floor are pro-rated while the period runs.
    check(
        volume(),
        floor(20.0),
        fig(Some(12.0), 12),
        half,
        Met,
        Some(10.0),
    );
    check(
        volume(),
        floor(20.0),
        fig(Some(9.0), 9),
        half,
        Missed,
        Some(10.0),
    );
    check(
        volume(),
        floor(20.0),
        fig(Some(0.0), 0),
        half,
        Missed,
        Some(10.0),
    );
    check(
        volume(),
        floor(20.0),
        fig(Some(0.0), 0),
        1.0 / 32.0,
        too_early(0),
        Some(0.625),
    );
    check(
        volume(),
        floor(20.0),
        fig(Some(1.0), 1),
        1.0 / 32.0,
        Met,
        Some(0.625),
    );
    check(
        volume(),
        floor(20.0),
        fig(Some(0.0), 0),
        start,
        too_early(0),
        Some(0.0),
    );
    check(
        volume(),
        floor(20.0),
        fig(Some(25.0), 25),
        1.0 / 128.0,
        Met,
        Some(0.156_25),
    );
    check(
        volume(),
        floor(20.0),
        fig(Some(12.0), 12),
        over,
        Missed,
        None,
    );
    check(volume(), floor(20.0), fig(Some(20.0), 20), over, Met, None);
    // Counts with a ceiling are not: within so far, over for good.
    check(
        Kpi::Breaches,
        ceiling(5.0),
        fig(Some(3.0), 30),
        half,
        Within,
        None,
    );
    check(
        Kpi::Breaches,
        ceiling(5.0),
        fig(Some(6.0), 30),
        half,
        Over,
        None,
    );
    // Figures over leads: the whole target, on enough cases.
    check(rate(), floor(30.0), fig(Some(0.0), 12), half, Missed, None);
    check(rate(), floor(30.0), fig(Some(45.0), 12), half, Met, None);
    check(
        rate(),
        floor(30.0),
        fig(Some(0.0), 3),
        half,
        too_early(3),
        None,
    );
    check(
        rate(),
        floor(30.0),
        fig(Some(0.0), 3),
        over,
        TooFew { cases: 3 },
        None,
    );
    check(
        rate(),
        floor(30.0),
        fig(Some(0.0), MIN_CASES),
        over,
        Missed,
        None,
    );
    check(
        rate(),
        floor(30.0),
        fig(Some(50.0), MIN_CASES - 1),
        half,
        too_early(9),
        None,
    );
    check(
        Kpi::AttemptsPerLead,
        floor(2.0),
        fig(Some(0.0), 40),
        half,
        Missed,
        None,
    );
    check(
        Kpi::LeadToWon,
        floor(5.0),
        fig(Some(0.0), 40),
        half,
        Missed,
        None,
    );
    check(
        Kpi::JunkRate,
        ceiling(15.0),
        fig(Some(13.3), 30),
        half,
        Within,
        None,
    );
    check(
        Kpi::JunkRate,
        ceiling(15.0),
        fig(Some(15.0), 30),
        over,
        Within,
        None,
    );
    check(
        Kpi::JunkRate,
        ceiling(15.0),
        fig(Some(16.0), 30),
        over,
        Over,
        None,
    );
    check(
        Kpi::FirstResponseMedian,
        ceiling(30.0),
        fig(Some(5.0), 2),
        half,
        too_early(2),
        None,
    );
    // Open load is the state now: judged as it is.
    check(
        Kpi::OpenLoad,
        ceiling(90.0),
        fig(Some(95.0), 2),
        half,
        Over,
        None,
    );
    // No target, no figure.
    check(rate(), None, fig(Some(50.0), 20), half, NoTarget, None);
    check(rate(), floor(30.0), fig(None, 0), half, NoData, None);
    check(volume(), None, fig(Some(0.0), 0), half, NoTarget, None);
}
