//! The workspace's country: how a phone number written without `+` is read
//! (by hand and in imports) and which numbers are shown in national form.

use crate::app::state::AppState;
use crate::domain::contact::Country;
use crate::ui::i18n::pages::settings::SettingsMsg;
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// A country's name in the reader's language.
pub fn country_name(c: Country, lang: Lang) -> &'static str {
    match lang {
        Lang::En => c.numbering().en,
        Lang::Vi => c.numbering().vi,
    }
}

/// The default country, saved as soon as it is chosen.
#[component]
pub fn CountryEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let current = move || state.settings.with(|s| s.country.iso());
    let choose = move |ev: leptos::ev::Event| {
        let Some(country) = Country::from_iso(&event_target_value(&ev)) else {
            return;
        };
        let mut s = state.settings.get_untracked();
        if s.country != country {
            s.country = country;
            state.save_settings(s);
        }
    };
    view! {
        <section class="card" data-testid="country-editor">
            <h2>{i18n.t(SettingsMsg::PhoneNumbers)}</h2>
            <label for="home-country">{i18n.t(SettingsMsg::HomeCountry)}</label>
            <select id="home-country" data-testid="home-country" on:change=choose disabled=move || !state.can_edit()>
                {move || Country::all().map(|c| view! {
                    <option value=c.iso() selected=c.iso() == current()>
                        {format!("{} (+{})", country_name(c, i18n.0.get()), c.code())}
                    </option>
                }).collect_view()}
            </select>
            <p class="muted">{i18n.t(SettingsMsg::HomeCountryHint)}</p>
        </section>
    }
}
