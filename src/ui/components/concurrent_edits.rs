//! A lead's concurrent edits (team sync): "edited at the same time by A and
//! B", the value that lost, and one click to take it or keep the current one.

use crate::app::state::AppState;
use crate::domain::lead::{FieldConflict, Lead};
use crate::ui::i18n::team::{self as tt, T};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// How a losing value reads: a stage or rep by name, a phone as typed.
fn shown(state: AppState, c: &FieldConflict) -> String {
    let v = &c.value;
    match c.field.as_str() {
        "stage" => {
            let id = v.as_str().unwrap_or_default();
            state.pipeline.with_untracked(|p| {
                p.stages()
                    .iter()
                    .find(|s| s.id.as_str() == id)
                    .map_or_else(|| id.to_owned(), |s| s.name.clone())
            })
        }
        "owner" => {
            let id = v.as_str().unwrap_or_default();
            state.settings.with_untracked(|s| {
                s.reps
                    .iter()
                    .find(|r| r.id.as_str() == id)
                    .map_or_else(|| id.to_owned(), |r| r.name.clone())
            })
        }
        "phone" => v["raw"].as_str().unwrap_or_default().to_owned(),
        _ => match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => "—".into(),
            other => other.to_string(),
        },
    }
}

/// The concurrent edits of a lead, if any.
#[component]
pub fn ConcurrentEdits(lead: Lead) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    let id = lead.id();
    let conflicts = lead.conflicts().to_vec();
    (!conflicts.is_empty()).then(|| {
        view! {
            <section class="concurrent" role="region" aria-label=move || tt::t(lang(), T::ConcurrentHeading) data-testid="concurrent-edits">
                <h2>{move || tt::t(lang(), T::ConcurrentHeading)}</h2>
                {conflicts.into_iter().enumerate().map(|(i, c)| {
                    let field = c.field.clone();
                    let attr = c.field.clone();
                    let value = shown(state, &c);
                    let (by, winner, f) = (c.by.clone(), c.winner.clone(), c.field.clone());
                    view! {
                        <div class="concurrent-edit" data-testid="concurrent-edit" data-field=attr>
                            <p>{move || tt::concurrent(lang(), &f, &by, &winner)} " " <strong data-testid="concurrent-value">{value.clone()}</strong></p>
                            <button type="button" class="primary" data-testid="take-other" disabled=move || !state.can_edit() on:click=move |_| state.take_conflict(id, i)>
                                {move || tt::t(lang(), T::TakeIt)}
                            </button>
                            <button type="button" data-testid="keep-current" disabled=move || !state.can_edit() on:click=move |_| state.dismiss_conflicts(id, field.clone())>
                                {move || tt::t(lang(), T::KeepCurrent)}
                            </button>
                        </div>
                    }
                }).collect_view()}
            </section>
        }
    })
}
