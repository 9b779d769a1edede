//! `/`: the Today queue, lane by lane (calls — the leads that can still be
//! won first, the long-overdue ones folded under their count —,
//! reassignments, leads to move on; housekeeping collapsed apart with
//! "close all"), in `domain::queue`'s order, for the signed-in rep or
//! everyone; every list cut short shows more on a click; a first-run
//! screen when the workspace is empty.

use crate::app::routes::Page;
use crate::app::state::{AppState, Loading};
use crate::domain::activity::{ActivityDraft, ActivityKind, Direction, Outcome};
use crate::domain::lead::{Closure, LeadId, LossKind};
use crate::domain::queue::{Bucket, ClockKind, Lane, Limits, NextStep, Queue, QueueItem, Section};
use crate::ui::components::contact_links::ContactLinks;
use crate::ui::components::sample_button::LoadSampleButton;
use crate::ui::components::sla_clocks::{clock_msg, clock_of, describe};
use crate::ui::format::{Clock, duration, number, priority_msg};
use crate::ui::i18n::today::{self as tt, T};
use crate::ui::i18n::{Msg, use_i18n};

use leptos::prelude::*;

pub mod pool;

/// Rows a section shows at first, and how many more each "show more" adds;
/// the rest are counted.
const SHOWN: usize = 50;

/// The start page.
#[component]
pub fn TodayPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    // Few: a list (a set type would cost the first load its code).
    let dismissed = RwSignal::new(Vec::<LeadId>::new());
    // The rep the signed-in member works as (a shared workspace whose reps
    // name their team users): they start on their own leads.
    let me = Memo::new(move |_| {
        state.link.track();
        state.settings.track();
        state.my_rep()
    });
    let mine = RwSignal::new(true);
    let whose = move || if mine.get() { me.get() } else { None };
    let limits = RwSignal::new(Limits::all(SHOWN));
    // Every queued lead counted, each section's first rows listed (at
    // 100 000 leads sorting the whole queue after every change would cost
    // frames).
    let queue = Memo::new(move |_| {
        let ins = state.insights.get();
        let Some(p) = ins.prepared() else {
            return Queue::default();
        };
        let owner = whose();
        let limits = limits.get();
        dismissed.with(|hidden| {
            Queue::build(
                &p,
                ins.placements(),
                owner.as_ref(),
                |id| hidden.contains(&id),
                &limits,
            )
        })
    });
    // The counts are those of the work listed above the housekeeping.
    let count = move |b: Bucket| queue.with(|q| q.count(b));
    let in_lane = move |lane: Lane| queue.with(|q| q.in_section(Section::Lane(lane)));
    let long_overdue = move || queue.with(|q| q.in_section(Section::LongOverdue));
    // "More than 1 working day" (the team's threshold, as clocks say it).
    let long_after = move || {
        let day = state.insights.with(|i| i.working_day());
        let after = state.settings.with(|s| s.policies.long_overdue());
        duration(after, Clock::Business(day), lang())
    };
    let others = move || queue.with(|q| q.others);
    let nothing_to_do = move || {
        queue.with(|q| {
            Lane::ALL
                .iter()
                .all(|l| *l == Lane::ToClose || q.in_lane(*l) == 0)
        })
    };
    let close_all = move |_| {
        let ids: Vec<LeadId> = queue.with_untracked(|q| q.to_close.clone());
        let reason = tt::t(i18n.0.get_untracked(), T::NurtureEndedReason).to_owned();
        state.close_all(
            &ids,
            Closure {
                kind: LossKind::Lost,
                reason,
            },
        );
    };
    let empty = move || state.with_leads(<[_]>::is_empty);
    let lane_view = move |lane: Lane| {
        view! {
            <Show when=move || in_lane(lane) != 0>
                <section class="lane" data-testid="lane" data-lane=format!("{lane:?}")>
                    <h2 data-testid="lane-heading">{move || tt::lane(lang(), lane, in_lane(lane))}</h2>
                    <Rows section=Section::Lane(lane) queue=queue limits=limits dismissed=dismissed />
                </section>
            </Show>
        }
    };
    view! {
        <div class="today-page" data-testid="page-today">
            <h1>{i18n.t(Msg::NavToday)}</h1>
            <Show when=move || state.loading.get() != Loading::Opening>
                <Show when=move || !empty() fallback=FirstRun>
                    <Show when=move || me.get().is_some()>
                        <fieldset class="whose segmented" data-testid="whose">
                            <legend class="visually-hidden">{move || tt::t(lang(), T::Whose)}</legend>
                            <label>
                                <input type="radio" name="whose" data-testid="whose-mine" prop:checked=move || mine.get() on:change=move |_| mine.set(true) />
                                {move || tt::t(lang(), T::Mine)}
                            </label>
                            <label>
                                <input type="radio" name="whose" data-testid="whose-everyone" prop:checked=move || !mine.get() on:change=move |_| mine.set(false) />
                                {move || tt::t(lang(), T::Everyone)}
                            </label>
                        </fieldset>
                    </Show>
                    <p class="summary" aria-live="polite" data-testid="today-summary">
                        <span class="pill breached" data-testid="count-breached">
                            {move || number(count(Bucket::Breached) as u64, lang())} " " {i18n.t(Msg::StatusBreached)}
                        </span>
                        <span class="pill at-risk" data-testid="count-at-risk">
                            {move || number(count(Bucket::AtRisk) as u64, lang())} " " {i18n.t(Msg::StatusAtRisk)}
                        </span>
                        <span class="pill" data-testid="count-due-soon">
                            {move || number(count(Bucket::DueSoon) as u64, lang())} " " {i18n.t(Msg::DueSoon)}
                        </span>
                        <Show when=move || long_overdue() != 0>
                            <span class="pill breached" data-testid="count-long-overdue">
                                {move || tt::long_overdue_pill(lang(), long_overdue())}
                            </span>
                        </Show>
                    </p>
                    <Show when=move || whose().is_some() && others() != 0>
                        <p class="muted" data-testid="whose-others">{move || tt::others(lang(), others())}</p>
                    </Show>
                    <Show when=nothing_to_do>
                        <p class="card empty" data-testid="queue-empty">{i18n.t(Msg::QueueEmpty)}</p>
                    </Show>
                    // Leads waiting for an owner: fetched only by a
                    // workspace with distribution rules.
                    <crate::ui::lazy::Lazy page=crate::ui::lazy::LazyPage::Pool />
                    {lane_view(Lane::Calls)}
                    <Show when=move || long_overdue() != 0>
                        <details class="lane long-overdue" data-testid="long-overdue">
                            <summary data-testid="lane-heading">{move || tt::long_overdue(lang(), long_overdue())}</summary>
                            <p class="muted">{move || tt::long_overdue_hint(lang(), &long_after())}</p>
                            <Rows section=Section::LongOverdue queue=queue limits=limits dismissed=dismissed />
                        </details>
                    </Show>
                    {lane_view(Lane::Reassign)}
                    {lane_view(Lane::MoveOn)}
                    <Show when=move || in_lane(Lane::ToClose) != 0>
                        <details class="lane to-close" data-testid="to-close">
                            <summary data-testid="lane-heading">{move || tt::lane(lang(), Lane::ToClose, in_lane(Lane::ToClose))}</summary>
                            <p class="muted">{move || tt::t(lang(), T::ToCloseHint)}</p>
                            <button type="button" class="danger" data-testid="close-all" disabled=move || !state.can_edit() on:click=close_all>
                                {move || tt::t(lang(), T::CloseAll)}
                            </button>
                            <Rows section=Section::Lane(Lane::ToClose) queue=queue limits=limits dismissed=dismissed />
                        </details>
                    </Show>
                </Show>
            </Show>
        </div>
    }
}

/// The first rows of one section, and a button that shows more.
#[component]
fn Rows(
    section: Section,
    queue: Memo<Queue>,
    limits: RwSignal<Limits>,
    dismissed: RwSignal<Vec<LeadId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rest = move || {
        let shown = queue.with(|q| q.listed(section).count());
        queue.with(|q| q.in_section(section)).saturating_sub(shown)
    };
    let more = move |_| limits.update(|l| *l = l.with(section, l.of(section) + SHOWN));
    view! {
        <ul class="queue" data-testid="queue">
            <For
                each=move || queue.with(|q| q.listed(section).cloned().collect::<Vec<_>>())
                key=|i| (i.lead, i.clock, i.bucket)
                let:item
            >
                <QueueRow item=item dismissed=dismissed />
            </For>
        </ul>
        <Show when=move || rest() != 0>
            <button type="button" class="more" data-testid="lane-more" on:click=more>
                {move || tt::show_more(i18n.0.get(), SHOWN.min(rest()), rest())}
            </button>
        </Show>
    }
}

/// One queued lead with its next step.
#[component]
fn QueueRow(item: QueueItem, dismissed: RwSignal<Vec<LeadId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = item.lead;
    let ins = state.insights.get_untracked();
    let Some(lead) = ins.lead(id).cloned() else {
        return ().into_any();
    };
    // The owner as it is now (a lead given from the pool card keeps its row).
    let owner = move || {
        state.insights.with(|ins| {
            ins.lead(id)
                .and_then(|l| l.owner().map(|o| ins.rep_name(o)))
        })
    };
    // The row stays while its lead is queued under the same clock; its
    // countdown follows the clock tick.
    let kind = item.clock;
    let current = move || {
        state.insights.with(|ins| {
            let status = ins.clocks_of(id).map_or(item.status, |c| kind.of(c));
            let (label, mut detail) = describe(
                i18n,
                &status,
                clock_of(kind, ins.working_day()),
                crate::ui::format::local_datetime,
            );
            // After a try, the card says so and when the next one is due.
            if kind == ClockKind::Attempts
                && let Some(a) = ins.attempts_now(id).filter(|a| a.made > 0 && !a.settled)
            {
                let lang = i18n.0.get();
                let after = a
                    .next_after
                    .map(|t| crate::ui::format::local_time_near(t, ins.now(), lang));
                detail = format!(
                    "{detail} · {}",
                    tt::tries(lang, a.made, a.required, after.as_deref())
                );
            }
            (label, detail)
        })
    };
    let bucket_class = match item.bucket {
        Bucket::Breached | Bucket::LongOverdue => "queue-item breached",
        Bucket::AtRisk => "queue-item at-risk",
        Bucket::DueSoon => "queue-item",
    };
    let log = move |outcome: Outcome| {
        let draft = ActivityDraft {
            kind: ActivityKind::Call,
            direction: Direction::Outbound,
            outcome,
            note: String::new(),
        };
        // A call's outcomes all fit it; the toast answers the tap.
        let _ = state.log_activity(id, draft);
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
                <button type="button" data-testid="dismiss-reassign" on:click=move |_| dismissed.update(|d| if !d.contains(&id) { d.push(id) })>
                    {i18n.t(Msg::KeepOwner)}
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
                on:click=move |_| state.close(&[id], Closure { kind: LossKind::Lost, reason: tt::t(i18n.0.get_untracked(), T::NurtureEndedReason).into() })
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
                <ContactLinks lead=id name=lead.name().to_owned() phone=lead.phone().cloned() email=lead.phone().is_none().then(|| lead.email().cloned()).flatten() />
                <span class="muted">
                    {i18n.t(priority_msg(lead.priority()))}
                    " · "
                    {move || owner().unwrap_or_else(|| i18n.t(Msg::Unassigned)().to_owned())}
                </span>
            </div>
            <div class="what">
                <span class="clock-name">{i18n.t(clock_msg(item.clock))}</span>
                ": "
                // The clock's own word, as on the lead page ("upcoming" is
                // the summary's group, not a clock's state).
                <strong data-testid="queue-status">{move || i18n.t(current().0)()}</strong>
                // Label and detail apart: "đúng hạn · hạn 15:30", never "đúng hạn hạn".
                " · "
                <span class="muted" data-testid="queue-detail">{move || current().1}</span>
            </div>
            <fieldset class="actions bare" disabled=move || !state.can_edit()>{actions}</fieldset>
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
