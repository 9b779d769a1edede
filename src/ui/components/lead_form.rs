//! The "new lead" form: every field error shown next to its field, and a
//! person already here (same phone or e-mail) shown before a second lead
//! is made: open it, add the details to it, or add anyway.

use crate::app::state::{AppState, NotSaved};
use crate::domain::lead::{DraftErrors, Field, LeadDraft, LeadId};
use crate::ui::components::same_person::SamePerson;
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::field_error;
use crate::ui::i18n::use_i18n;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::ui::format::SOURCES;

/// Adds a lead; keeps what was typed when something is wrong.
#[component]
pub fn LeadForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let source = RwSignal::new(SOURCES[0].0.to_owned());
    let errors = RwSignal::new(None::<DraftErrors>);
    // The lead already here with this phone or e-mail, once found.
    let same = RwSignal::new(None::<LeadId>);
    let draft = move || LeadDraft {
        name: name.get_untracked(),
        phone: phone.get_untracked(),
        email: email.get_untracked(),
        source: source.get_untracked(),
        ..Default::default()
    };
    let done = move || {
        for s in [name, phone, email] {
            s.set(String::new());
        }
        errors.set(None);
        same.set(None);
    };
    let add = move |anyway: bool| match state.add_lead(&draft(), anyway) {
        Ok(()) => done(),
        Err(NotSaved::Invalid(e)) => {
            same.set(None);
            errors.set(Some(e));
        }
        Err(NotSaved::SameContact(id)) => {
            errors.set(None);
            same.set(Some(id));
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        add(false);
    };
    let merge = move |()| {
        if let Some(id) = same.get_untracked() {
            state.merge_into(id, &draft());
            done();
        }
    };
    let error_for = move |field: Field| errors.with(|e| field_error(i18n, e.as_ref(), field));
    let field = move |field: Field,
                      label: PageMsg,
                      kind: &'static str,
                      value: RwSignal<String>,
                      id: &'static str| {
        let error_id = format!("{id}-error");
        let described = error_id.clone();
        view! {
            <div class="field">
                <label for=id>{i18n.t(label)}</label>
                <input
                    id=id
                    type=kind
                    data-testid=id
                    bind:value=value
                    aria-invalid=move || error_for(field).is_some().to_string()
                    aria-describedby=described
                />
                <p class="field-error" id=error_id data-testid=format!("{id}-error")>
                    {move || error_for(field)}
                </p>
            </div>
        }
    };

    view! {
        <form class="lead-form card" on:submit=on_submit data-testid="lead-form" novalidate>
            // A viewer cannot type here either (the reason is under the header).
            <fieldset class="bare" disabled=move || !state.can_edit()>
            <h2>{i18n.t(PageMsg::NewLead)}</h2>
            {field(Field::Name, PageMsg::Name, "text", name, "lead-name")}
            {field(Field::Phone, PageMsg::Phone, "tel", phone, "lead-phone")}
            {field(Field::Email, PageMsg::Email, "email", email, "lead-email")}
            <div class="field">
                <label for="lead-source">{i18n.t(PageMsg::Source)}</label>
                <select id="lead-source" data-testid="lead-source" bind:value=source>
                    {SOURCES
                        .into_iter()
                        .map(|(value, label)| view! { <option value=value>{i18n.t(label)}</option> })
                        .collect_view()}
                </select>
            </div>
            {move || same.get().and_then(|id| state.lead(id)).map(|other| view! {
                <SamePerson
                    other=other
                    text=Signal::derive(move || i18n.t(PageMsg::SameContactFound)().to_owned())
                    merge=Signal::derive(move || i18n.t(PageMsg::MergeIntoIt)().to_owned())
                    on_merge=Callback::new(merge)
                    anyway=(Signal::derive(move || i18n.t(PageMsg::AddAnyway)().to_owned()), Callback::new(move |()| add(true)))
                />
            })}
            <button
                type="submit"
                class="primary"
                data-testid="add-lead"
                disabled=move || !state.can_edit()
            >
                {i18n.t(PageMsg::AddLead)}
            </button>
        </fieldset>
            </form>
    }
}
