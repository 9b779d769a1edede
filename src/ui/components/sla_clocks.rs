//! Every SLA clock of one lead, with its status and due time in the
//! browser's timezone. Computed by `domain::sla::evaluate` from the stored
//! workspace at the current time.

use crate::app::state::AppState;
use crate::domain::lead::LeadId;
use crate::domain::queue::ClockKind;
use crate::domain::sla::{LeadClocks, Span, Status};
use crate::ui::format::{Clock, due_datetime, duration, local_datetime};
use crate::ui::i18n::{I18n, Lang, Msg, use_i18n};
use leptos::prelude::*;

/// The time a clock counts: the nurture clock calendar days, every other
/// clock business time (`working_day`: the calendar's working day).
pub fn clock_of(kind: ClockKind, working_day: chrono::TimeDelta) -> Clock {
    match kind {
        ClockKind::Nurture => Clock::Calendar,
        _ => Clock::Business(working_day),
    }
}

/// The status name and a detail line (due, remaining, overdue…) of a
/// clock counted on `clock`, its due time written by `due_at` (the lead
/// page names the weekday: `due_datetime`; Today keeps the first load
/// small with `local_datetime`).
pub fn describe(
    i18n: I18n,
    status: &Status,
    clock: Clock,
    due_at: fn(chrono::DateTime<chrono::Utc>, Lang) -> String,
) -> (Msg, String) {
    let lang = i18n.0.get();
    let local_datetime = |at| local_datetime(at, lang);
    let due_datetime = |at| due_at(at, lang);
    let span = |d| duration(d, clock, lang);
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
                due_datetime(*due),
                span(*remaining),
                t(Msg::Remaining)
            ),
        ),
        Status::Breached { due, overdue, done } => (
            Msg::StatusBreached,
            format!(
                "{} {} · {}",
                t(Msg::Due),
                due_datetime(*due),
                // Done late: how late, no longer running. Past the deadline
                // but not yet by a minute of the clock's time (after hours
                // a business clock stands still): "overdue by 0 min" would
                // read as not overdue.
                match done {
                    Some(_) if overdue.num_minutes() < 1 => t(Msg::DoneAfterDeadline).to_owned(),
                    Some(_) => format!("{} {}", t(Msg::DoneLateBy), span(*overdue)),
                    None if overdue.num_minutes() < 1 => t(Msg::OverdueSince).to_owned(),
                    None => format!("{} {}", t(Msg::Overdue), span(*overdue)),
                }
            ),
        ),
        Status::Met { at, used } => (
            Msg::StatusMet,
            format!("{} · {} {}", local_datetime(*at), t(Msg::Took), span(*used)),
        ),
        Status::Paused { remaining } => (
            Msg::StatusPaused,
            format!("{} {}", span(*remaining), t(Msg::Remaining)),
        ),
        Status::NotApplicable => (Msg::StatusNotApplicable, String::new()),
    }
}

/// The CSS class of a clock status.
pub fn css(status: &Status) -> &'static str {
    match status {
        Status::Breached { .. } => "clock breached",
        Status::AtRisk { .. } => "clock at-risk",
        Status::Met { .. } => "clock met",
        _ => "clock",
    }
}

/// The message naming a clock.
pub fn clock_msg(kind: ClockKind) -> Msg {
    match kind {
        ClockKind::FirstResponse => Msg::ClockFirstResponse,
        ClockKind::Attempts => Msg::ClockAttempts,
        ClockKind::StageTime => Msg::ClockStageTime,
        ClockKind::Reassignment => Msg::ClockReassignment,
        ClockKind::Nurture => Msg::ClockNurture,
    }
}

/// The clocks of lead `id` at the app's current tick; a calendar the
/// settings cannot build shows nothing.
#[component]
pub fn SlaClocks(id: LeadId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lead = id;
    let clocks = move || -> Option<(LeadClocks, chrono::TimeDelta)> {
        state
            .insights
            .with(|i| i.clocks_of(id).map(|c| (*c, i.working_day())))
    };
    view! {
        <section class="sla-clocks" data-testid="sla-clocks">
            <h2>{i18n.t(Msg::SlaClocks)}</h2>
            {move || {
                clocks()
                    .map(|(c, working_day)| {
                        let rows = ClockKind::ALL.map(|k| {
                            let id = match k {
                                ClockKind::FirstResponse => "clock-first-response",
                                ClockKind::Attempts => "clock-attempts",
                                ClockKind::StageTime => "clock-stage-time",
                                ClockKind::Reassignment => "clock-reassignment",
                                ClockKind::Nurture => "clock-nurture",
                            };
                            // A target in working days is said as written.
                            let days = state.insights.with_untracked(|i| i.target_of(lead, k)).and_then(|t| match t {
                                Span::WorkingDays(d) => Some(d),
                                Span::Minutes(_) => None,
                            });
                            (clock_msg(k), k.of(&c), id, clock_of(k, working_day), days)
                        });
                        let made = c.attempts.made;
                        view! {
                            <dl>
                                {rows
                                    .into_iter()
                                    .map(|(name, status, id, clock, days)| {
                                        let (label, mut detail) = describe(i18n, &status, clock, due_datetime);
                                        if let Some(d) = days.filter(|_| matches!(status, Status::Pending { .. } | Status::AtRisk { .. } | Status::Breached { done: None, .. })) {
                                            // The target as written, said as a target: never "2 working days left (2 working days)".
                                            let l = i18n.0.get();
                                            let target = duration(working_day * d as i32, Clock::Business(working_day), l);
                                            detail = match l {
                                                Lang::En => format!("{detail} (target {target})"),
                                                Lang::Vi => format!("{detail} (mục tiêu {target})"),
                                            };
                                        }
                                        view! {
                                            <dt>{i18n.t(name)}</dt>
                                            <dd class=css(&status) data-testid=id>
                                                <strong>{i18n.t(label)}</strong>
                                                // Label and detail apart: "đúng hạn · hạn 15:30", never "đúng hạn hạn".
                                                {(!detail.is_empty()).then_some(" · ")}
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
