//! The bulk actions on the selected leads: assign, move (closed leads, or a
//! move to Won, only once the person confirms), mark junk with a reason,
//! delete.

use crate::app::state::AppState;
use crate::domain::lead::{Closure, LeadId, LossKind};
use crate::domain::pipeline::StageId;
use crate::domain::rep::RepId;
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::leads::LeadsMsg;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Actions on the selected leads.
#[component]
pub(super) fn BulkBar(selected: RwSignal<BTreeSet<LeadId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let ids = move || selected.get_untracked().into_iter().collect::<Vec<_>>();
    let reason = RwSignal::new(String::new());
    let done = move || selected.set(BTreeSet::new());
    let confirm_move = RwSignal::new(None::<StageId>);
    view! {
        <Show when=move || selected.with(|s| !s.is_empty())>
            <fieldset class="bulk bare" role="toolbar" aria-label=i18n.t(LeadsMsg::BulkActions) data-testid="bulk-bar" disabled=move || !state.can_edit()>
                <strong>{move || selected.with(BTreeSet::len)} " " {i18n.t(LeadsMsg::Selected)}</strong>
                <select data-testid="bulk-owner" aria-label=i18n.t(LeadsMsg::AssignTo) on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if v.is_empty() { return; }
                    state.assign(&ids(), (v != "-").then(|| RepId::new(v)));
                    done();
                }>
                    <option value="">{i18n.t(LeadsMsg::AssignTo)}</option>
                    <option value="-">{i18n.t(Msg::Unassigned)}</option>
                    {move || state.settings.get().reps.iter().map(|r| view! { <option value=r.id.to_string()>{r.name.clone()}</option> }).collect_view()}
                </select>
                <select data-testid="bulk-stage" aria-label=i18n.t(PageMsg::MoveTo) prop:value=move || confirm_move.with(|c| c.as_ref().map(ToString::to_string).unwrap_or_default()) on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if v.is_empty() { return; }
                    // Closed leads among them, or a move to Won (a deal closed
                    // for each of them): only once the person confirms.
                    let list = ids();
                    let pipeline = state.pipeline.get_untracked();
                    let to = StageId::new(v.clone());
                    let wins = pipeline.stage(&to).is_some_and(|s| s.kind == crate::domain::pipeline::StageKind::Won);
                    if wins || list.iter().any(|id| state.lead_untracked(*id).is_some_and(|l| l.is_closed(&pipeline))) {
                        confirm_move.set(Some(StageId::new(v)));
                        return;
                    }
                    state.move_to(&list, StageId::new(v));
                    done();
                }>
                    <option value="">{i18n.t(PageMsg::MoveTo)}</option>
                    {move || state.pipeline.get().stages().iter().filter(|s| s.kind != crate::domain::pipeline::StageKind::Lost).map(|s| view! { <option value=s.id.to_string()>{crate::ui::format::stage_label(s.id.as_str(), &s.name, i18n.0.get())}</option> }).collect_view()}
                </select>
                <input data-testid="bulk-reason" placeholder=i18n.t(PageMsg::Reason) aria-label=i18n.t(PageMsg::Reason) bind:value=reason />
                <button type="button" data-testid="bulk-junk" on:click=move |_| {
                    let r = reason.get_untracked().trim().to_owned();
                    if r.is_empty() {
                        state.error.set(Some(crate::app::state::AppError::ReasonMissing));
                        return;
                    }
                    state.close(&ids(), Closure { kind: LossKind::Junk, reason: r });
                    done();
                }>
                    {i18n.t(PageMsg::MarkJunk)}
                </button>
                <button type="button" class="danger" data-testid="bulk-delete" on:click=move |_| {
                    state.delete(&ids());
                    done();
                }>
                    {i18n.t(PageMsg::Delete)}
                </button>
                <Show when=move || confirm_move.with(Option::is_some)>
                    <div class="confirm" role="alertdialog" data-testid="confirm-move">
                        <p>{move || {
                            let wins = confirm_move.with(|c| c.as_ref().is_some_and(|to| state.pipeline.with(|p| p.stage(to).is_some_and(|s| s.kind == crate::domain::pipeline::StageKind::Won))));
                            i18n.t(if wins { LeadsMsg::WinSome } else { LeadsMsg::ReopenSome })()
                        }}</p>
                        <button type="button" class="primary" data-testid="confirm-move-yes" on:click=move |_| {
                            if let Some(to) = confirm_move.try_update(Option::take).flatten() {
                                state.move_to(&ids(), to);
                                done();
                            }
                        }>{i18n.t(PageMsg::MoveTo)}</button>
                        <button type="button" data-testid="confirm-move-no" on:click=move |_| confirm_move.set(None)>
                            {i18n.t(PageMsg::Cancel)}
                        </button>
                    </div>
                </Show>
            </fieldset>
        </Show>
    }
}
