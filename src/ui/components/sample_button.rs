//! The "load sample data" button of the empty screens (Today, Leads).

use crate::app::state::AppState;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// How many leads the empty screens' sample has (the Data page offers more).
const LEADS: usize = 300;

/// Fills an empty workspace with a sample of [`LEADS`] leads; disabled until
/// the store is ready.
#[component]
pub fn LoadSampleButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="primary"
            data-testid="load-sample"
            disabled=move || !state.can_edit()
            on:click=move |_| state.load_sample(LEADS, i18n.0.get_untracked())
        >
            {i18n.t(Msg::LoadSample)}
        </button>
    }
}
