//! The wizard's country of the file: which country a phone number written
//! without `+` belongs to (the workspace's unless the person chooses
//! another), and what each value of the file's country column was read as.

use crate::domain::contact::Country;
use crate::io::csv_import::CountryValue;
use crate::ui::i18n::pages::data::{DataMsg, unknown_country};
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// A country's name in the reader's language.
fn name(c: Country, lang: Lang) -> &'static str {
    match lang {
        Lang::En => c.numbering().en,
        Lang::Vi => c.numbering().vi,
    }
}

/// The file's country, changeable, and the countries its rows name.
#[component]
pub(super) fn FileCountry(
    /// The country the file is read in now.
    country: Country,
    /// The values of the file's country column.
    countries: Vec<CountryValue>,
    /// Reads the file again in the chosen country.
    choose: Callback<Country>,
) -> impl IntoView {
    let i18n = use_i18n();
    let any = !countries.is_empty();
    let rows = countries
        .into_iter()
        .map(|c| {
            let read_as = move || {
                let lang = i18n.0.get();
                match c.country {
                    Some(known) => format!("{} (+{})", name(known, lang), known.code()),
                    None => unknown_country(lang, name(country, lang)),
                }
            };
            view! {
                <tr data-testid="csv-country-value" class:unknown=c.country.is_none()>
                    <th scope="row">{c.value.clone()}</th>
                    <td>{c.rows}</td>
                    <td>{read_as}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="file-country" data-testid="csv-file-country">
            <label for="csv-country">{i18n.t(DataMsg::FileCountry)}</label>
            <select
                id="csv-country"
                data-testid="csv-country"
                on:change=move |ev| {
                    if let Some(c) = Country::from_iso(&event_target_value(&ev)) {
                        choose.run(c);
                    }
                }
            >
                {move || {
                    let lang = i18n.0.get();
                    Country::all()
                        .map(|c| view! {
                            <option value=c.iso() selected=c == country>
                                {format!("{} (+{})", name(c, lang), c.code())}
                            </option>
                        })
                        .collect_view()
                }}
            </select>
            <p class="muted">{i18n.t(DataMsg::FileCountryHint)}</p>
            {any.then(|| view! {
                <h3>{i18n.t(DataMsg::CountriesInFile)}</h3>
                <table class="data" data-testid="csv-countries">
                    <thead>
                        <tr>
                            <th>{i18n.t(DataMsg::CountryWord)}</th>
                            <th>{i18n.t(DataMsg::Rows)}</th>
                            <th>{i18n.t(DataMsg::NumbersReadAs)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            })}
        </div>
    }
}
