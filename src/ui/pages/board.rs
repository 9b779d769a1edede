//! `/board`: one column per stage with counts; cards move by drag and drop
//! or with the keyboard (← / → on a focused card, or its buttons). Columns
//! before the qualified gate are Marketing's, the gate and after Sales'.
//! Cards whose stage-time clock is breached carry a warning.

use crate::app::routes::Page;
use crate::app::state::AppState;
use crate::domain::lead::LeadId;
use crate::domain::pipeline::{StageId, StageKind, Team};
use crate::domain::queue::{Bucket, bucket, most_urgent};
use crate::domain::sla::Status;
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::board::BoardMsg;
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
        let pipeline = ins.pipeline();
        pipeline
            .stages()
            .iter()
            .map(|s| {
                // Junk is not a lost deal: counted apart, not shown as cards.
                let lost = s.kind == StageKind::Lost;
                let junk = if lost {
                    ins.leads()
                        .iter()
                        .filter(|l| l.stage() == &s.id && l.is_junk())
                        .count()
                } else {
                    0
                };
                let here: Vec<usize> = ins
                    .leads()
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, l)| l.stage() == &s.id && !(lost && l.is_junk()))
                    .map(|(i, _)| i)
                    .collect();
                // The cards shown say whose lead it is and how its most
                // urgent SLA clock stands (as Today and the list say it).
                let cards: Vec<Card> = here
                    .iter()
                    .take(PER_COLUMN)
                    .map(|&i| {
                        let l = &ins.leads()[i];
                        let clocks = ins.clocks().get(i);
                        let late = clocks.is_some_and(|c| {
                            matches!(c.stage_time, Status::Breached { done: None, .. })
                        });
                        let sla = clocks
                            .and_then(|c| bucket(&most_urgent(c).1, chrono::TimeDelta::zero()));
                        Card {
                            id: l.id(),
                            name: l.name().to_owned(),
                            owner: l.owner().map(|o| ins.rep_name(o)),
                            late,
                            sla,
                        }
                    })
                    .collect();
                let count = here.len();
                let team = pipeline.team_of(&s.id);
                (
                    s.id.clone(),
                    crate::ui::format::stage_label(s.id.as_str(), &s.name, i18n.0.get()),
                    team,
                    s.id == pipeline.gate().id,
                    (count, cards),
                    junk,
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
    // The board is drawn again when a lead moves, so the focus would be
    // lost (and the next key would move the card that took its place): it
    // follows the moved card to its new column, on the same control.
    let refocus = StoredValue::new(None::<(LeadId, StageId, &'static str)>);
    // A card sent to Lost (a key, a button or a drop) stays where it is,
    // and the board says why and where to close it with a reason.
    // A won or lost card stays too: it is reopened on its page.
    let refused = RwSignal::new(None::<(LeadId, String, BoardMsg)>);
    let kind_of = move |s: &StageId| {
        state
            .pipeline
            .with_untracked(|p| p.stage(s).map(|s| s.kind))
    };
    let try_move = move |id: LeadId, to: StageId| {
        let Some(lead) = state.lead_untracked(id) else {
            return false;
        };
        let why = if kind_of(&to) == Some(StageKind::Lost) {
            Some(BoardMsg::NeedsReason)
        } else if kind_of(lead.stage()).is_some_and(|k| k != StageKind::Open) {
            Some(BoardMsg::ReopenOnPage)
        } else {
            None
        };
        if let Some(why) = why {
            refused.set(Some((id, lead.name().to_owned(), why)));
            return false;
        }
        refused.set(None);
        state.move_to(&[id], to);
        true
    };
    let shift = move |id: LeadId, step: isize, from: &'static str| {
        if let Some(to) = neighbour(id, step) {
            refocus.set_value(Some((id, to.clone(), from)));
            if !try_move(id, to) {
                refocus.set_value(None);
            }
        }
    };
    Effect::new(move || {
        state.insights.track();
        let Some((id, to, from)) = refocus.get_value() else {
            return;
        };
        if state.lead(id).is_none_or(|l| l.stage() != &to) {
            return;
        }
        refocus.set_value(None);
        request_animation_frame(move || focus_card(id, &to, from));
    });
    view! {
        <div class="board-page" data-testid="page-board">
            <h1>{i18n.t(Msg::NavBoard)}</h1>
            <p class="muted" data-testid="board-hint">{move || i18n.t(if state.can_edit() { BoardMsg::BoardHint } else { BoardMsg::BoardHintViewer })()}</p>
            {move || refused.get().map(|(id, name, why)| view! {
                <p class="notice warn" role="alert" data-testid="board-refused">
                    {i18n.t(why)} " " <a href=Page::Lead(id).href()>{name}</a> "."
                </p>
            })}
            <fieldset class="board bare" data-testid="board" disabled=move || !state.can_edit()>
                {move || {
                    columns()
                        .into_iter()
                        .map(|(stage, name, team, gate, (count, cards), junk)| {
                            let more = count.saturating_sub(PER_COLUMN);
                            let team_msg = match team {
                                Some(Team::Marketing) => PageMsg::TeamMarketing,
                                _ => PageMsg::TeamSales,
                            };
                            let drop_stage = stage.clone();
                            // A won or lost card is reopened on its page:
                            // no arrows that could only be refused (a key
                            // still says why).
                            let closed = kind_of(&stage).is_some_and(|k| k != StageKind::Open);
                            view! {
                                <section
                                    class="column"
                                    tabindex="-1"
                                    class:gate=gate
                                    data-testid="board-column"
                                    data-stage=stage.to_string()
                                    on:dragover=move |ev| ev.prevent_default()
                                    on:drop=move |ev| {
                                        ev.prevent_default();
                                        if let Some(id) = dragging.get_untracked() {
                                            try_move(id, drop_stage.clone());
                                        }
                                        dragging.set(None);
                                    }
                                >
                                    <h2>
                                        {name} " " <span class="count" data-testid="column-count">{count}</span>
                                    </h2>
                                    {(junk > 0).then(|| view! { <p class="muted" data-testid="column-junk">"+ " {junk} " " {i18n.t(BoardMsg::Junk)}</p> })}
                                    <p class="team">
                                        {i18n.t(team_msg)}
                                        {gate.then(|| view! { " · " <strong>{i18n.t(PageMsg::QualifiedGate)}</strong> })}
                                    </p>
                                    <ul>
                                        {cards
                                            .into_iter()
                                            .map(|Card { id, name, owner, late, sla }| {
                                                view! {
                                                    <li
                                                        class="board-card"
                                                        class:late=late
                                                        tabindex="0"
                                                        draggable=move || if state.can_edit() { "true" } else { "false" }
                                                        data-testid="board-card"
                                                        data-lead-id=id.to_string()
                                                        on:dragstart=move |_| dragging.set(Some(id))
                                                        on:keydown=move |ev| match ev.key().as_str() {
                                                            _ if !state.can_edit_untracked() => {}
                                                            "ArrowRight" => { ev.prevent_default(); shift(id, 1, CARD) }
                                                            "ArrowLeft" => { ev.prevent_default(); shift(id, -1, CARD) }
                                                            _ => {}
                                                        }
                                                    >
                                                        <a href=Page::Lead(id).href()>{name.clone()}</a>
                                                        {late.then(|| view! { <span class="warn" title=i18n.t(BoardMsg::StageTimeOver)>"⚠"</span> })}
                                                        <span class="card-facts">
                                                            <span class="muted" data-testid="card-owner">{owner.unwrap_or_else(|| i18n.t(Msg::Unassigned)().to_owned())}</span>
                                                            {sla.map(|b| {
                                                                let (class, msg) = match b {
                                                                    Bucket::AtRisk => ("pill at-risk", Msg::StatusAtRisk),
                                                                    _ => ("pill breached", Msg::StatusBreached),
                                                                };
                                                                view! { " " <span class=class data-testid="card-sla">{i18n.t(msg)}</span> }
                                                            })}
                                                        </span>
                                                        {(!closed).then(|| view! {
                                                            <span class="moves">
                                                                <button type="button" aria-label=i18n.t(BoardMsg::MoveLeft) data-testid="move-left" on:click=move |_| shift(id, -1, "move-left")>"←"</button>
                                                                <button type="button" aria-label=i18n.t(BoardMsg::MoveRight) data-testid="move-right" on:click=move |_| shift(id, 1, "move-right")>"→"</button>
                                                            </span>
                                                        })}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                    {(more > 0).then(|| view! { <p class="muted">"+" {more} " " {i18n.t(BoardMsg::More)}</p> })}
                                </section>
                            }
                        })
                        .collect_view()
                }}
            </fieldset>
        </div>
    }
}

/// What a card shows.
struct Card {
    id: LeadId,
    name: String,
    /// The owner's name; none when nobody owns the lead.
    owner: Option<String>,
    /// The stage-time clock is over.
    late: bool,
    /// Breached or at risk: the lead's most urgent SLA clock.
    sla: Option<Bucket>,
}

/// The card itself, as the control that keeps the focus.
const CARD: &str = "board-card";

/// Focuses the moved card's control `from` (the card, or one of its move
/// buttons) in its new column; the column when the card is beyond the
/// cards shown.
fn focus_card(id: LeadId, stage: &StageId, from: &str) {
    use wasm_bindgen::JsCast;
    let card = format!("[data-testid='board-card'][data-lead-id='{id}']");
    let selector = if from == CARD {
        card
    } else {
        format!("{card} [data-testid='{from}']")
    };
    let column = format!("[data-testid='board-column'][data-stage='{stage}']");
    let found = [selector, column].into_iter().find_map(|s| {
        document()
            .query_selector(&s)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    });
    if let Some(el) = found {
        let _ = el.focus();
    }
}
