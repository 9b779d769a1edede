//! The wizard's questions about the file's values: what each status means
//! here, and which rep each owner is.

use crate::app::state::AppState;
use crate::domain::lead::LossKind;
use crate::domain::rep::RepId;
use crate::io::csv_import::{OwnerId, OwnerValue, StatusTarget, new_rep_names};
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::data::{DataMsg, owner_id_note};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// Each status value in the file, how many rows have it, and what it
/// becomes here: a stage, or closed as lost or junk (a default guessed
/// from the words, which the person can change).
#[component]
pub(super) fn StatusChoices(
    statuses: RwSignal<Vec<(String, usize, StatusTarget)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let value_of = |t: &StatusTarget| match t {
        StatusTarget::Stage(id) => format!("stage:{id}"),
        StatusTarget::Closed(LossKind::Lost) => "lost".to_owned(),
        StatusTarget::Closed(LossKind::Junk) => "junk".to_owned(),
    };
    let rows = move || {
        statuses.get().into_iter().enumerate().map(|(i, (value, n, target))| {
            let current = value_of(&target);
            let pipeline = state.pipeline.get_untracked();
            let options = pipeline.stages().iter().filter(|s| s.kind != crate::domain::pipeline::StageKind::Lost).map(|s| {
                let v = format!("stage:{}", s.id);
                let selected = v == current;
                view! { <option value=v selected=selected>{crate::ui::format::stage_label(s.id.as_str(), &s.name, i18n.0.get())}</option> }
            }).collect_view();
            view! {
                <tr data-testid="csv-status">
                    <th scope="row">{value.clone()}</th>
                    <td>{n}</td>
                    <td class="choice">
                        <select data-testid="csv-status-target" aria-label=value.clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let t = match v.as_str() {
                                "lost" => StatusTarget::Closed(LossKind::Lost),
                                "junk" => StatusTarget::Closed(LossKind::Junk),
                                stage => StatusTarget::Stage(crate::domain::pipeline::StageId::new(stage.trim_start_matches("stage:"))),
                            };
                            statuses.update(|s| if let Some(row) = s.get_mut(i) { row.2 = t; });
                        }>
                            {options}
                            <option value="lost" selected=current == "lost">{i18n.t(DataMsg::ClosedLost)}</option>
                            <option value="junk" selected=current == "junk">{i18n.t(DataMsg::ClosedJunk)}</option>
                        </select>
                    </td>
                </tr>
            }
        }).collect_view()
    };
    view! {
        <Show when=move || statuses.with(|s| !s.is_empty())>
            <h3>{i18n.t(DataMsg::StatusesInFile)}</h3>
            <table class="data" data-testid="csv-statuses">
                <thead><tr><th>{i18n.t(PageMsg::Status)}</th><th>{i18n.t(DataMsg::Rows)}</th><th>{i18n.t(DataMsg::ImportedAs)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </Show>
    }
}

/// Each owner named in the file and the rep it is here: a rep of the same
/// name when there is one; the other names become new Sales reps only when
/// the person leaves the box ticked. An owner that is an id of the other
/// system maps to nobody (unless the person picks a rep) and is never
/// offered as a new rep; a note under the table says so in words.
#[component]
pub(super) fn OwnerChoices(
    owners: RwSignal<Vec<OwnerValue>>,
    create: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let rows = move || {
        owners.get().into_iter().enumerate().map(|(i, o)| {
            let current = o.rep.as_ref().map_or(String::new(), |r| r.to_string());
            let reps = state.settings.get_untracked().reps;
            let options = reps.iter().map(|r| {
                let selected = r.id.as_str() == current;
                view! { <option value=r.id.to_string() selected=selected>{r.name.clone()}</option> }
            }).collect_view();
            let nobody = if o.id.is_some() { DataMsg::NobodyId } else { DataMsg::NewRepOrNobody };
            view! {
                <tr data-testid="csv-owner">
                    <th scope="row">{o.value.clone()}</th>
                    <td>{o.rows}</td>
                    <td class="choice">
                        <select data-testid="csv-owner-rep" aria-label=o.value.clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            owners.update(|o| if let Some(row) = o.get_mut(i) {
                                row.rep = (!v.is_empty()).then(|| RepId::new(v));
                            });
                        }>
                            <option value="" selected=current.is_empty()>{i18n.t(nobody)}</option>
                            {options}
                        </select>
                    </td>
                </tr>
            }
        }).collect_view()
    };
    // One note per kind of id, naming the ids that still map to nobody.
    let notes = move || {
        let lang = i18n.0.get();
        owners.with(|o| {
            [OwnerId::Salesforce, OwnerId::Number, OwnerId::Uuid]
                .into_iter()
                .filter_map(|kind| {
                    let ids: Vec<(&str, usize)> = o
                        .iter()
                        .filter(|o| o.rep.is_none() && o.id == Some(kind))
                        .map(|o| (o.value.as_str(), o.rows))
                        .collect();
                    (!ids.is_empty()).then(|| owner_id_note(lang, kind, &ids))
                })
                .map(|note| view! { <p class="notice" data-testid="csv-owner-id-note">{note}</p> })
                .collect_view()
        })
    };
    let unknown = move || owners.with(|o| new_rep_names(o).len());
    view! {
        <Show when=move || owners.with(|o| !o.is_empty())>
            <h3>{i18n.t(DataMsg::OwnersInFile)}</h3>
            <table class="data" data-testid="csv-owners">
                <thead><tr><th>{i18n.t(PageMsg::Owner)}</th><th>{i18n.t(DataMsg::Rows)}</th><th>{i18n.t(DataMsg::ImportedAs)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {notes}
            <Show when=move || unknown() != 0>
                <label class="check" data-testid="csv-create-reps-label">
                    <input type="checkbox" data-testid="csv-create-reps" prop:checked=move || create.get() on:change=move |ev| create.set(event_target_checked(&ev)) />
                    {move || crate::ui::i18n::today::new_reps(i18n.0.get(), unknown())}
                </label>
            </Show>
        </Show>
    }
}
