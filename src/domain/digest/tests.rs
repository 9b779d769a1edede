use crate::domain::calendar::BusinessCalendar;
use crate::domain::pipeline::{Pipeline, StageId};
use crate::domain::sample::generate;
use crate::domain::sla::{SlaContext, Span, evaluate};
use crate::domain::test_support::vn;
use crate::domain::workspace::Prepared;
use chrono::TimeDelta;

/// The prepared clocks come from digests over a timeline; they must be
/// what `evaluate` says over the plain calendar, lead by lead, with
/// pausing stages, stage limits, a policy rule and activities in any order.
#[test]
fn digested_clocks_match_evaluating_each_lead_on_the_calendar() {
    let now = vn("2026-06-01 10:00");
    let mut ws = generate(11, 300, 6, now);
    let mut stages = ws.pipeline.stages().to_vec();
    stages[1].pauses_sla = true;
    ws.pipeline = Pipeline::new(stages, &ws.pipeline.gate().id).unwrap();
    let mut urgent = crate::domain::test_support::urgent_rule();
    urgent
        .stage_limits
        .insert(StageId::new("qualified"), Span::hours(16));
    ws.policies.rules.push(urgent);
    ws.policies
        .default
        .stage_limits
        .insert(StageId::new("interested"), Span::hours(40));
    ws.activities.reverse();

    let calendar = BusinessCalendar::new(ws.calendar.clone()).unwrap();
    let ctx = SlaContext {
        calendar: &calendar,
        pipeline: &ws.pipeline,
        policies: &ws.policies,
    };
    let p = Prepared::new(&ws, now).unwrap();
    let later = now + TimeDelta::hours(30);
    let (mut paused, mut limited) = (0, 0);
    for (i, lead) in ws.leads.iter().enumerate() {
        let acts: Vec<_> = ws
            .activities
            .iter()
            .filter(|a| a.lead == lead.id())
            .cloned()
            .collect();
        let here = evaluate(ctx, lead, &acts, now);
        assert_eq!(p.clocks()[i], here, "lead {i} at now");
        assert_eq!(
            p.clocks_of(i, later),
            evaluate(ctx, lead, &acts, later),
            "lead {i} later"
        );
        let statuses = [here.first_response, here.attempts.status, here.reassignment];
        paused += statuses
            .iter()
            .filter(|s| matches!(s, crate::domain::sla::Status::Paused { .. }))
            .count();
        limited += usize::from(here.stage_time != crate::domain::sla::Status::NotApplicable);
    }
    assert!(paused > 0, "some lead sits in the pausing stage");
    assert!(limited > 0, "some lead has a stage limit");
}
