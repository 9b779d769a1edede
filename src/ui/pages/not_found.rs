//! Any path the router does not know.

use crate::app::routes::Page;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// A friendly dead end with the way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" data-testid="page-not-found">
            <p>{i18n.t(Msg::NotFound)}</p>
            <a href=Page::Leads.href()>{i18n.t(Msg::BackToLeads)}</a>
        </section>
    }
}
