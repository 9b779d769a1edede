//! A lead's phone, Zalo and e-mail as links that open the phone, the chat
//! or the mail app (and remember the attempt), and the one-tap question
//! about how it went when the person comes back (`app::state::contact`).

use crate::app::state::AppState;
use crate::domain::activity::{ActivityKind, Channel};
use crate::domain::contact::{Email, Phone};
use crate::domain::lead::LeadId;
use crate::ui::format::local_datetime;
use crate::ui::format::outcome_msg;
use crate::ui::i18n::contact as tt;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// Call, Zalo and mail links for one lead (`email` only when asked for).
#[component]
pub fn ContactLinks(
    lead: LeadId,
    name: String,
    phone: Option<Phone>,
    email: Option<Email>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    let phone_links = phone.map(|p| {
        let shown = p.shown_in(state.settings.with_untracked(|s| s.country));
        let (call_name, zalo_name) = (name.clone(), name.clone());
        let label = shown.clone();
        view! {
            <a
                class="contact tel"
                href=p.tel_href()
                data-testid="tel-link"
                aria-label=move || tt::call(lang(), &call_name, &label)
                on:click=move |_| state.begin_contact(lead, ActivityKind::Call)
            >
                {shown}
            </a>
            {p.zalo_href().map(|href| view! {
                <a
                    class="contact zalo"
                    href=href
                    target="_blank"
                    rel="noopener"
                    data-testid="zalo-link"
                    aria-label=move || tt::zalo(lang(), &zalo_name)
                    on:click=move |_| state.begin_contact(lead, ActivityKind::Message(Channel::Zalo))
                >
                    "Zalo"
                </a>
            })}
        }
    });
    let mail_link = email.map(|e| {
        let text = e.to_string();
        let address = text.clone();
        view! {
            <a
                class="contact mail"
                href=format!("mailto:{text}")
                data-testid="mail-link"
                aria-label=move || tt::mail(lang(), &name, &address)
                on:click=move |_| state.begin_contact(lead, ActivityKind::Message(Channel::Email))
            >
                {text.clone()}
            </a>
        }
    });
    view! { <span class="contact-links">{phone_links}{mail_link}</span> }
}

/// The question after a tap: one button per outcome, and a way out.
#[component]
pub fn ContactOutcome() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    view! {
        // Asked once the lead is there (after a reload the attempt is
        // restored before the workspace is loaded).
        {move || state.contact.get().and_then(|p| Some((state.lead(p.lead)?.name().to_owned(), p))).map(|(name, pending)| {
            let question = move || {
                tt::how_did_it_go(lang(), pending.kind, &name, &local_datetime(pending.at, lang()))
            };
            view! {
                <section class="card contact-outcome" role="region" aria-live="polite" aria-label=question.clone() data-testid="contact-outcome">
                    <p data-testid="contact-question">{question.clone()}</p>
                    <div class="actions">
                        {pending.outcomes().iter().map(|&o| view! {
                            <button type="button" class="primary" data-testid="contact-outcome-button" data-outcome=format!("{o:?}") on:click=move |_| state.end_contact(Some(o))>
                                {i18n.t(outcome_msg(o))}
                            </button>
                        }).collect_view()}
                        <button type="button" data-testid="contact-cancel" on:click=move |_| state.end_contact(None)>
                            {move || tt::did_not_happen(lang())}
                        </button>
                    </div>
                </section>
            }
        })}
    }
}
