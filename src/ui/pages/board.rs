//! `/board`: one column per stage with counts; cards move by drag and drop
//! or with the keyboard (← / → on a focused card, or its buttons). Columns
//! before the qualified gate are Marketing's, the gate and after Sales'.
//! Cards whose stage-time clock is breached carry a warning.

use crate::app::routes::Page;
use crate::app::state::AppState;
use crate::domain::lead::LeadId;
use crate::domain::pipeline::{StageId, Team};
use crate::domain::sla::Status;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// Cards shown per column; the rest are counted.
const PER_COLUMN: usize = 50;

/// The board.
#[component]
pub fn BoardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let dragging = RwSignal::new(None::<LeadId>);
    let columns = move || {
        let ins = state.insights.get();
        let pipeline = &ins.ws.pipeline;
        pipeline
            .stages()
            .iter()
            .map(|s| {
                let cards: Vec<(LeadId, String, bool)> = ins
                    .ws
                    .leads
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, l)| l.stage() == &s.id)
                    .map(|(i, l)| {
                        let late = ins.clocks().get(i).is_some_and(|c| {
                            matches!(c.stage_time, Status::Breached { done: None, .. })
                        });
                        (l.id(), l.name().to_owned(), late)
                    })
                    .collect();
                let team = pipeline.team_of(&s.id);
                (
                    s.id.clone(),
                    s.name.clone(),
                    team,
                    s.id == pipeline.gate().id,
                    cards,
                )
            })
            .collect::<Vec<_>>()
    };
    let neighbour = move |id: LeadId, step: isize| -> Option<StageId> {
        let lead = state.lead(id)?;
        state.pipeline.with_untracked(|p| {
            let stages = p.stages();
            let at = stages.iter().position(|s| s.id == *lead.stage())? as isize;
            stages
                .get(usize::try_from(at + step).ok()?)
                .map(|s| s.id.clone())
        })
    };
    let shift = move |id: LeadId, step: isize| {
        if let Some(to) = neighbour(id, step) {
            state.move_to(&[id], to);
        }
    };
    view! {
        <div class="board-page" data-testid="page-board">
            <h1>{i18n.t(Msg::NavBoard)}</h1>
            <p class="muted">{i18n.t(Msg::BoardHint)}</p>
            <div class="board" data-testid="board">
                {move || {
                    columns()
                        .into_iter()
                        .map(|(stage, name, team, gate, cards)| {
                            let count = cards.len();
                            let more = count.saturating_sub(PER_COLUMN);
                            let team_msg = match team {
                                Some(Team::Marketing) => Msg::TeamMarketing,
                                _ => Msg::TeamSales,
                            };
                            let drop_stage = stage.clone();
                            view! {
                                <section
                                    class="column"
                                    class:gate=gate
                                    data-testid="board-column"
                                    data-stage=stage.to_string()
                                    on:dragover=move |ev| ev.prevent_default()
                                    on:drop=move |ev| {
                                        ev.prevent_default();
                                        if let Some(id) = dragging.get_untracked() {
                                            state.move_to(&[id], drop_stage.clone());
                                        }
                                        dragging.set(None);
                                    }
                                >
                                    <h2>
                                        {name} " " <span class="count" data-testid="column-count">{count}</span>
                                    </h2>
                                    <p class="team">
                                        {i18n.t(team_msg)}
                                        {gate.then(|| view! { " · " <strong>{i18n.t(Msg::QualifiedGate)}</strong> })}
                                    </p>
                                    <ul>
                                        {cards
                                            .into_iter()
                                            .take(PER_COLUMN)
                                            .map(|(id, name, late)| {
                                                view! {
                                                    <li
                                                        class="board-card"
                                                        class:late=late
                                                        tabindex="0"
                                                        draggable="true"
                                                        data-testid="board-card"
                                                        data-lead-id=id.to_string()
                                                        on:dragstart=move |_| dragging.set(Some(id))
                                                        on:keydown=move |ev| match ev.key().as_str() {
                                                            "ArrowRight" => { ev.prevent_default(); shift(id, 1) }
                                                            "ArrowLeft" => { ev.prevent_default(); shift(id, -1) }
                                                            _ => {}
                                                        }
                                                    >
                                                        <a href=Page::Lead(id).href()>{name.clone()}</a>
                                                        {late.then(|| view! { <span class="warn" title=i18n.t(Msg::StageTimeOver)>"⚠"</span> })}
                                                        <span class="moves">
                                                            <button type="button" aria-label=i18n.t(Msg::MoveLeft) data-testid="move-left" on:click=move |_| shift(id, -1)>"←"</button>
                                                            <button type="button" aria-label=i18n.t(Msg::MoveRight) data-testid="move-right" on:click=move |_| shift(id, 1)>"→"</button>
                                                        </span>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                    {(more > 0).then(|| view! { <p class="muted">"+" {more} " " {i18n.t(Msg::More)}</p> })}
                                </section>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </div>
    }
}
