//! Every SLA clock of one lead, with its status and due time in the
//! browser's timezone. Computed by `domain::sla::evaluate` from the stored
//! workspace at the current time.

use crate::app::clock;
use crate::app::state::AppState;
use crate::domain::calendar::BusinessCalendar;
use crate::domain::lead::Lead;
use crate::domain::sla::{LeadClocks, SlaContext, Status, evaluate};
use crate::ui::format::{business_duration, local_datetime};
use crate::ui::i18n::{I18n, Msg, use_i18n};
use leptos::prelude::*;

fn describe(i18n: I18n, status: &Status) -> (Msg, String) {
    let t = |m| i18n.t(m)();
    match status {
        Status::Pending { due, remaining } | Status::AtRisk { due, remaining } => (
            if matches!(status, Status::Pending { .. }) {
                Msg::StatusPending
            } else {
                Msg::StatusAtRisk
            },
            format!(
                "{} {} · {} {}",
                t(Msg::Due),
                local_datetime(*due),
                business_duration(*remaining),
                t(Msg::Remaining)
            ),
        ),
        Status::Breached { due, overdue, .. } => (
            Msg::StatusBreached,
            format!(
                "{} {} · {} {}",
                t(Msg::Due),
                local_datetime(*due),
                t(Msg::Overdue),
                business_duration(*overdue)
            ),
        ),
        Status::Met { at, used } => (
            Msg::StatusMet,
            format!(
                "{} · {} {}",
                local_datetime(*at),
                t(Msg::Took),
                business_duration(*used)
            ),
        ),
        Status::Paused { remaining } => (
            Msg::StatusPaused,
            format!("{} {}", business_duration(*remaining), t(Msg::Remaining)),
        ),
        Status::NotApplicable => (Msg::StatusNotApplicable, String::new()),
    }
}

fn css(status: &Status) -> &'static str {
    match status {
        Status::Breached { .. } => "clock breached",
        Status::AtRisk { .. } => "clock at-risk",
        Status::Met { .. } => "clock met",
        _ => "clock",
    }
}

/// The clocks of `lead`; a calendar the settings cannot build shows nothing.
#[component]
pub fn SlaClocks(lead: Lead) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let clocks = move || -> Option<LeadClocks> {
        let settings = state.settings.get();
        let calendar = BusinessCalendar::new(settings.calendar.clone()).ok()?;
        let ctx = SlaContext {
            calendar: &calendar,
            pipeline: &settings.pipeline,
            policies: &settings.policies,
        };
        let acts: Vec<_> = state.activities.with(|all| {
            all.iter()
                .filter(|a| a.lead == lead.id())
                .cloned()
                .collect()
        });
        Some(evaluate(ctx, &lead, &acts, clock::now()))
    };
    view! {
        <section class="sla-clocks" data-testid="sla-clocks">
            <h2>{i18n.t(Msg::SlaClocks)}</h2>
            {move || {
                clocks()
                    .map(|c| {
                        let rows = [
                            (Msg::ClockFirstResponse, c.first_response, "clock-first-response"),
                            (Msg::ClockAttempts, c.attempts.status, "clock-attempts"),
                            (Msg::ClockStageTime, c.stage_time, "clock-stage-time"),
                            (Msg::ClockReassignment, c.reassignment, "clock-reassignment"),
                            (Msg::ClockNurture, c.nurture, "clock-nurture"),
                        ];
                        let made = c.attempts.made;
                        view! {
                            <dl>
                                {rows
                                    .into_iter()
                                    .map(|(name, status, id)| {
                                        let (label, detail) = describe(i18n, &status);
                                        view! {
                                            <dt>{i18n.t(name)}</dt>
                                            <dd class=css(&status) data-testid=id>
                                                <strong>{i18n.t(label)}</strong>
                                                " "
                                                <span>{detail}</span>
                                            </dd>
                                        }
                                    })
                                    .collect_view()}
                                <dt>{i18n.t(Msg::AttemptsMade)}</dt>
                                <dd data-testid="attempts-made">{made}</dd>
                            </dl>
                        }
                    })
            }}
        </section>
    }
}
