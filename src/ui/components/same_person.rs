//! Another lead for the same person (same phone or e-mail), shown with
//! what can be done: open it, merge, or go on anyway.

use crate::app::routes::Page;
use crate::app::state::AppState;
use crate::domain::lead::Lead;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The notice. `text`: what it says before the other lead's name;
/// `merge`: the merge button's label; `anyway`: the label and action of
/// going on without merging, when offered.
#[component]
pub fn SamePerson(
    other: Lead,
    text: Signal<String>,
    merge: Signal<String>,
    on_merge: Callback<()>,
    #[prop(optional)] anyway: Option<(Signal<String>, Callback<()>)>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let contact = other
        .phone()
        .map(|p| p.shown_in(state.settings.with_untracked(|s| s.country)))
        .or_else(|| other.email().map(|e| e.to_string()))
        .unwrap_or_default();
    view! {
        <div class="notice same-contact" role="alert" data-testid="same-contact">
            <p>
                {text} " "
                <strong data-testid="same-contact-name">{other.name().to_owned()}</strong>
                " (" {contact} ")."
            </p>
            <div class="actions">
                <a class="button" href=Page::Lead(other.id()).href() data-testid="same-open">{i18n.t(crate::ui::i18n::pages::PageMsg::OpenIt)}</a>
                <button type="button" data-testid="same-merge" on:click=move |_| on_merge.run(())>{merge}</button>
                {anyway.map(|(label, go)| view! {
                    <button type="button" data-testid="same-anyway" on:click=move |_| go.run(())>{label}</button>
                })}
            </div>
        </div>
    }
}
