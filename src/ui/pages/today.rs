//! `/`: the Today queue (breached, at risk, due soon) with one-click call
//! logging, reassignment suggestions and nurture closing; a first-run
//! screen when the workspace is empty.

use crate::app::routes::Page;
use crate::app::state::{AppState, Loading};
use crate::domain::activity::{ActivityKind, Direction, Outcome};
use crate::domain::lead::{Closure, LeadId, LossKind};
use crate::domain::queue::{Bucket, NextStep, QueueItem, today};
use crate::ui::components::sample_button::LoadSampleButton;
use crate::ui::components::sla_clocks::{clock_msg, describe};
use crate::ui::format::priority_msg;
use crate::ui::i18n::{Msg, use_i18n};
use chrono::TimeDelta;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// How far ahead "due soon" looks, in business time.
const HORIZON_HOURS: i64 = 4;
/// Rows shown at once; the rest are counted.
const SHOWN: usize = 100;

/// The start page.
#[component]
pub fn TodayPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let dismissed = RwSignal::new(BTreeSet::new());
    let queue = Memo::new(move |_| {
        let ins = state.insights.get();
        let Some(p) = ins.prepared() else {
            return Vec::new();
        };
        let hidden = dismissed.get();
        today(&p, ins.clocks(), TimeDelta::hours(HORIZON_HOURS))
            .into_iter()
            .filter(|i| !(matches!(i.next, NextStep::Reassign(_)) && hidden.contains(&i.lead)))
            .collect::<Vec<_>>()
    });
    let count = move |b: Bucket| queue.with(|q| q.iter().filter(|i| i.bucket == b).count());
    let empty = move || state.leads.with(Vec::is_empty);
    view! {
        <div class="today-page" data-testid="page-today">
            <h1>{i18n.t(Msg::NavToday)}</h1>
            <Show when=move || state.loading.get() != Loading::Opening>
                <Show when=move || !empty() fallback=FirstRun>
                    <p class="summary" aria-live="polite" data-testid="today-summary">
                        <span class="pill breached" data-testid="count-breached">
                            {move || count(Bucket::Breached)} " " {i18n.t(Msg::StatusBreached)}
                        </span>
                        <span class="pill at-risk" data-testid="count-at-risk">
                            {move || count(Bucket::AtRisk)} " " {i18n.t(Msg::StatusAtRisk)}
                        </span>
                        <span class="pill" data-testid="count-due-soon">
                            {move || count(Bucket::DueSoon)} " " {i18n.t(Msg::DueSoon)}
                        </span>
                    </p>
                    <Show
                        when=move || queue.with(|q| !q.is_empty())
                        fallback=move || view! { <p class="card empty" data-testid="queue-empty">{i18n.t(Msg::QueueEmpty)}</p> }
                    >
                        <ul class="queue" data-testid="queue">
                            <For
                                each=move || queue.get().into_iter().take(SHOWN)
                                key=|i| (i.lead, i.clock, i.bucket)
                                let:item
                            >
                                <QueueRow item=item dismissed=dismissed />
                            </For>
                        </ul>
                        <Show when=move || queue.with(|q| q.len() > SHOWN)>
                            <p class="muted">
                                {move || queue.with(|q| q.len() - SHOWN)} " " {i18n.t(Msg::MoreInQueue)}
                            </p>
                        </Show>
                    </Show>
                </Show>
            </Show>
        </div>
    }
}

/// One queued lead with its next step.
#[component]
fn QueueRow(item: QueueItem, dismissed: RwSignal<BTreeSet<LeadId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = item.lead;
    let ins = state.insights.get_untracked();
    let Some(lead) = ins.lead(id).cloned() else {
        return ().into_any();
    };
    let owner = lead.owner().map(|o| ins.rep_name(o));
    // The row stays while its lead is queued under the same clock; its
    // countdown follows the clock tick.
    let kind = item.clock;
    let current = move || {
        state.insights.with(|ins| {
            let status = ins.clocks_of(id).map_or(item.status, |c| kind.of(c));
            describe(i18n, &status)
        })
    };
    let bucket_class = match item.bucket {
        Bucket::Breached => "queue-item breached",
        Bucket::AtRisk => "queue-item at-risk",
        Bucket::DueSoon => "queue-item",
    };
    let log = move |outcome: Outcome| {
        state.log_activity(id, ActivityKind::Call, Direction::Outbound, outcome);
    };
    let actions = match item.next.clone() {
        NextStep::Call => view! {
            <span class="next">{i18n.t(Msg::LogCall)} ":"</span>
            <button type="button" data-testid="log-connected" on:click=move |_| log(Outcome::Connected)>
                {i18n.t(Msg::OutcomeConnected)}
            </button>
            <button type="button" data-testid="log-no-answer" on:click=move |_| log(Outcome::NoAnswer)>
                {i18n.t(Msg::OutcomeNoAnswer)}
            </button>
            <button type="button" data-testid="log-wrong-number" on:click=move |_| log(Outcome::WrongNumber)>
                {i18n.t(Msg::OutcomeWrongNumber)}
            </button>
        }
        .into_any(),
        NextStep::MoveOn => view! {
            <button type="button" data-testid="advance" on:click=move |_| state.advance(id)>
                {i18n.t(Msg::Advance)}
            </button>
        }
        .into_any(),
        NextStep::Reassign(Some(rep)) => {
            let name = ins.rep_name(&rep);
            view! {
                <span class="next">{i18n.t(Msg::SuggestReassign)} " " <strong>{name}</strong></span>
                <button type="button" data-testid="accept-reassign" on:click=move |_| state.assign(&[id], Some(rep.clone()))>
                    {i18n.t(Msg::Accept)}
                </button>
                <button type="button" data-testid="dismiss-reassign" on:click=move |_| dismissed.update(|d| { d.insert(id); })>
                    {i18n.t(Msg::Dismiss)}
                </button>
            }
            .into_any()
        }
        NextStep::Reassign(None) => view! { <span class="next muted">{i18n.t(Msg::NoRepHasRoom)}</span> }.into_any(),
        NextStep::Close => view! {
            <span class="next">{i18n.t(Msg::NurtureEnded)}</span>
            <button
                type="button"
                data-testid="close-nurture"
                on:click=move |_| state.close(&[id], Closure { kind: LossKind::Lost, reason: "nurture ended".into() })
            >
                {i18n.t(Msg::CloseLead)}
            </button>
        }
        .into_any(),
    };
    view! {
        <li class=bucket_class data-testid="queue-item" data-lead-id=id.to_string()>
            <div class="who">
                <a href=Page::Lead(id).href() data-testid="queue-lead">{lead.name().to_owned()}</a>
                <span class="muted">
                    {i18n.t(priority_msg(lead.priority()))}
                    " · "
                    {owner.unwrap_or_else(|| i18n.t(Msg::Unassigned)().to_owned())}
                </span>
            </div>
            <div class="what">
                <span class="clock-name">{i18n.t(clock_msg(item.clock))}</span>
                ": "
                <strong data-testid="queue-status">{move || i18n.t(current().0)()}</strong>
                " "
                <span class="muted" data-testid="queue-detail">{move || current().1}</span>
            </div>
            <div class="actions">{actions}</div>
        </li>
    }
    .into_any()
}

/// The empty workspace: what Leadpact is and how to start.
#[component]
fn FirstRun() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card first-run" data-testid="first-run">
            <h2>{i18n.t(Msg::Welcome)}</h2>
            <p>{i18n.t(Msg::WelcomeText)}</p>
            <div class="actions">
                <LoadSampleButton/>
                <a class="button" href=Page::Data.href() data-testid="go-import">{i18n.t(Msg::ImportData)}</a>
                <a class="button" href=Page::Leads.href() data-testid="go-add">{i18n.t(Msg::AddFirstLead)}</a>
            </div>
        </section>
    }
}
