//! Editing a lead's contact, campaign, priority and value, field errors
//! next to the fields. What is typed lives with the page ([`EditDraft`]),
//! so a change of the lead elsewhere (another tab, a colleague's sync)
//! never wipes it: the fields the person has not touched follow the new
//! version, the ones they changed stay, and when the new version changed
//! one of those too, the form asks: keep mine, or take theirs.

use crate::app::routes::Page;
use crate::app::state::{AppState, LeadEdit, NotSaved};
use crate::domain::contact::Country;
use crate::domain::lead::{DraftErrors, Field, Lead, LeadDraft, LeadId, Priority};
use crate::ui::components::same_person::SamePerson;
use crate::ui::format::priority_msg;
use crate::ui::i18n::duplicates;
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::field_error;
use crate::ui::i18n::pages::lead::LeadMsg;
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// The form's fields, as text.
type Fields = [String; 7];

/// The phone as the lead page shows it (`Phone::shown_in` the workspace's
/// country), so the form and the page agree.
fn fields_of(lead: &Lead, home: Country) -> Fields {
    [
        lead.name().to_owned(),
        lead.phone().map(|p| p.shown_in(home)).unwrap_or_default(),
        lead.email().map(|e| e.to_string()).unwrap_or_default(),
        lead.source().to_owned(),
        lead.campaign().to_owned(),
        format!("{:?}", lead.priority()),
        lead.value().map(|v| v.to_string()).unwrap_or_default(),
    ]
}

/// The edit form's state for the lead a page shows.
#[derive(Clone, Copy)]
pub(super) struct EditDraft {
    /// The version the form was filled from (or last agreed with).
    base: RwSignal<Option<Lead>>,
    /// Name, phone, e-mail, source, campaign, priority, value.
    fields: [RwSignal<String>; 7],
    /// The form is unfolded.
    open: RwSignal<bool>,
    /// The lead changed elsewhere while the person was typing.
    changed_elsewhere: RwSignal<bool>,
    /// The workspace's country (how its phones are written).
    home: Country,
}

impl EditDraft {
    pub(super) fn new(home: Country) -> Self {
        EditDraft {
            home,
            base: RwSignal::new(None),
            fields: Default::default(),
            open: RwSignal::new(false),
            changed_elsewhere: RwSignal::new(false),
        }
    }

    fn typed(&self) -> Fields {
        self.fields.map(|f| f.get_untracked())
    }

    fn fill(&self, lead: &Lead) {
        for (sig, v) in self.fields.iter().zip(fields_of(lead, self.home)) {
            sig.set(v);
        }
        self.base.set(Some(lead.clone()));
        self.changed_elsewhere.set(false);
    }

    /// The lead as stored now. Fields the person has not touched follow
    /// it; fields they changed stay; a field both they and the new version
    /// changed (differently) is a clash, and the form asks.
    pub(super) fn follow(&self, lead: &Lead) {
        let base = self.base.get_untracked();
        match base {
            Some(b) if b.id() == lead.id() && &b == lead => {}
            Some(b) if b.id() == lead.id() => {
                let (was, typed, now) = (
                    fields_of(&b, self.home),
                    self.typed(),
                    fields_of(lead, self.home),
                );
                let mut clash = false;
                for i in 0..was.len() {
                    if typed[i] == was[i] {
                        self.fields[i].set(now[i].clone());
                    } else if now[i] != was[i] && now[i] != typed[i] {
                        clash = true;
                    }
                }
                if clash {
                    self.changed_elsewhere.set(true);
                } else {
                    self.base.set(Some(lead.clone()));
                }
            }
            // Another lead (or the first): start from it, folded.
            _ => {
                self.fill(lead);
                self.open.set(false);
            }
        }
    }
}

#[component]
pub(super) fn EditLead(id: LeadId, draft: EditDraft) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    let [name, phone, email, source, campaign, priority, value] = draft.fields;
    let errors = RwSignal::new(None::<DraftErrors>);
    let value_error = RwSignal::new(false);
    // The lead already here with the phone or e-mail typed, once found.
    let same = RwSignal::new(None::<LeadId>);
    let typed = move || -> Option<LeadEdit> {
        let digits: String = value
            .get_untracked()
            .chars()
            .filter(|c| !matches!(c, '.' | ',' | ' ' | '₫'))
            .collect();
        let parsed = if digits.is_empty() {
            Ok(None)
        } else {
            digits.parse::<u64>().map(Some)
        };
        value_error.set(parsed.is_err());
        Some(LeadEdit {
            draft: LeadDraft {
                name: name.get_untracked(),
                phone: phone.get_untracked(),
                email: email.get_untracked(),
                source: source.get_untracked(),
                ..Default::default()
            },
            campaign: campaign.get_untracked().trim().to_owned(),
            priority: Priority::ALL
                .into_iter()
                .find(|p| format!("{p:?}") == priority.get_untracked())
                .unwrap_or_default(),
            value: parsed.ok()?,
        })
    };
    let save = move |anyway: bool| {
        let Some(edit) = typed() else { return };
        match state.update_lead(id, &edit, anyway) {
            Ok(()) => {
                errors.set(None);
                same.set(None);
                draft.changed_elsewhere.set(false);
            }
            Err(NotSaved::Invalid(e)) => {
                same.set(None);
                errors.set(Some(e));
            }
            Err(NotSaved::SameContact(other)) => {
                errors.set(None);
                same.set(Some(other));
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(false);
    };
    let navigate = leptos_router::hooks::use_navigate();
    let merge = move |()| {
        let (Some(other), Some(edit)) = (same.get_untracked(), typed()) else {
            return;
        };
        state.merge_leads(id, other, Some(&edit), duplicates::merged);
        same.set(None);
        navigate(&Page::Lead(other).href(), Default::default());
    };
    let keep_mine = move |_| {
        // The latest version becomes the base; saving puts these fields on it.
        if let Some(latest) = state.lead(id) {
            draft.base.set(Some(latest));
        }
        draft.changed_elsewhere.set(false);
    };
    let take_theirs = move |_| {
        if let Some(latest) = state.lead(id) {
            draft.fill(&latest);
        }
    };
    let error_for = move |field: Field| errors.with(|e| field_error(i18n, e.as_ref(), field));
    let text = move |label: PageMsg,
                     id: &'static str,
                     sig: RwSignal<String>,
                     field: Option<Field>| {
        view! {
            <div class="field">
                <label for=id>{i18n.t(label)}</label>
                <input id=id data-testid=id bind:value=sig aria-invalid=move || field.and_then(error_for).is_some().to_string() />
                <p class="field-error" data-testid=format!("{id}-error")>{move || field.and_then(error_for)}</p>
            </div>
        }
    };
    view! {
        <details class="edit-lead" prop:open=move || draft.open.get() on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                draft.open.set(d.open());
            }
        }>
            <summary data-testid="edit-lead">{i18n.t(LeadMsg::EditLead)}</summary>
            <Show when=move || draft.changed_elsewhere.get()>
                <div class="notice changed-elsewhere" role="alert" data-testid="changed-elsewhere">
                    <p>{move || changed_text(lang())}</p>
                    <button type="button" class="primary" data-testid="keep-mine" on:click=keep_mine>{move || keep_text(lang())}</button>
                    <button type="button" data-testid="take-theirs" on:click=take_theirs>{move || take_text(lang())}</button>
                </div>
            </Show>
            {move || same.get().and_then(|other| state.lead(other)).map(|other| view! {
                <SamePerson
                    other=other
                    text=Signal::derive(move || i18n.t(PageMsg::SameContactFound)().to_owned())
                    merge=Signal::derive(move || duplicates::merge_this_into_it(lang()).to_owned())
                    on_merge=Callback::new(merge.clone())
                    anyway=(Signal::derive(move || duplicates::save_anyway(lang()).to_owned()), Callback::new(move |()| save(true)))
                />
            })}
            <form on:submit=submit>
            // A viewer cannot type here either (the reason is under the header).
            <fieldset class="bare edit-grid" disabled=move || !state.can_edit()>
                {text(PageMsg::Name, "edit-name", name, Some(Field::Name))}
                {text(PageMsg::Phone, "edit-phone", phone, Some(Field::Phone))}
                {text(PageMsg::Email, "edit-email", email, Some(Field::Email))}
                {text(PageMsg::Source, "edit-source", source, Some(Field::Source))}
                {text(PageMsg::Campaign, "edit-campaign", campaign, None)}
                <div class="field">
                    <label for="edit-priority">{i18n.t(PageMsg::Priority)}</label>
                    <select id="edit-priority" data-testid="edit-priority" bind:value=priority>
                        {Priority::ALL.map(|p| view! { <option value=format!("{p:?}")>{i18n.t(priority_msg(p))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="edit-value">{i18n.t(PageMsg::ValueVnd)}</label>
                    <input id="edit-value" data-testid="edit-value" inputmode="numeric" bind:value=value aria-invalid=move || value_error.get().to_string() />
                    <p class="field-error">{move || value_error.get().then(|| i18n.t(PageMsg::ErrWholeNumber)())}</p>
                </div>
                <div><button type="submit" class="primary" data-testid="save-lead" disabled=move || !state.can_edit()>{i18n.t(PageMsg::Save)}</button></div>
            </fieldset>
            </form>
        </details>
    }
}

fn changed_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "This lead was changed elsewhere (another tab or a colleague) while you were typing. Your text is still here."
        }
        Lang::Vi => {
            "Khách hàng này vừa được sửa ở nơi khác (tab khác hoặc đồng nghiệp) trong lúc bạn đang nhập. Nội dung bạn nhập vẫn còn đây."
        }
    }
}

fn keep_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Keep mine",
        Lang::Vi => "Giữ bản của tôi",
    }
}

fn take_text(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Take theirs",
        Lang::Vi => "Lấy bản mới",
    }
}
