//! The app's one place for errors and the read-only notice.

use crate::app::state::{AppState, Loading};
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// Shows the current error (until dismissed) and whether edits can be saved.
#[component]
pub fn ErrorBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    view! {
        <div class="status-area" aria-live="polite">
            <Show when=move || state.loading.get() == Loading::Opening>
                <p class="notice" data-testid="loading">{i18n.t(Msg::Loading)}</p>
            </Show>
            <Show when=move || state.loading.get() == Loading::Unavailable>
                <p class="notice warn" data-testid="read-only">{i18n.t(Msg::ReadOnly)}</p>
            </Show>
            {move || {
                state
                    .error
                    .get()
                    .map(|e| {
                        view! {
                            <div class="error-banner" role="alert" data-testid="error-banner">
                                <span data-testid="error-text">{e.to_string()}</span>
                                <button type="button" on:click=move |_| state.error.set(None)>
                                    {i18n.t(Msg::Dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
