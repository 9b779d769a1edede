//! The app shell: contexts, header, the one error area, and the routes.

use super::components::error_banner::ErrorBanner;
use super::i18n::{I18n, Msg};
use super::pages::{lead_detail::LeadPage, leads::LeadsPage, not_found::NotFound};
use crate::app::routes::{Page, base_path};
use crate::app::state::AppState;
use crate::storage::local_settings;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The IndexedDB database the app uses when none is named.
pub const DEFAULT_DB: &str = "leadpact";

/// The whole app. `db_name` picks the IndexedDB database (tests use a fresh one).
#[component]
pub fn App(#[prop(optional, into)] db_name: Option<String>) -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let lang = RwSignal::new(local_settings::initial_lang());
    let i18n = I18n(lang);
    provide_context(i18n);
    Effect::new(move || local_settings::apply_lang(lang.get()));
    open_store(state, db_name.unwrap_or_else(|| DEFAULT_DB.to_owned()));

    view! {
        <Router base=base_path()>
            <header class="app-header">
                <a class="brand" href=Page::Leads.href()>{i18n.t(Msg::AppName)}</a>
                <span class="tagline">{i18n.t(Msg::Tagline)}</span>
                <nav aria-label="main">
                    <a href=Page::Leads.href() data-testid="nav-leads">{i18n.t(Msg::NavLeads)}</a>
                </nav>
                <button
                    type="button"
                    class="lang-toggle"
                    data-testid="lang-toggle"
                    on:click=move |_| lang.update(|l| *l = l.other())
                >
                    {i18n.t(Msg::SwitchLanguage)}
                </button>
            </header>
            <ErrorBanner />
            <main>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LeadsPage />
                    <Route path=path!("/leads/:id") view=LeadPage />
                </Routes>
            </main>
        </Router>
    }
}

#[cfg(target_arch = "wasm32")]
fn open_store(state: AppState, db_name: String) {
    use crate::storage::indexeddb::IdbStore;
    leptos::task::spawn_local(async move {
        match IdbStore::open(&db_name).await {
            Ok(store) => {
                state.attach(std::rc::Rc::new(store)).await;
                state.sync_with_other_tabs(&db_name);
            }
            Err(e) => state.fail_to_open(e),
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn open_store(state: AppState, _db_name: String) {
    use crate::storage::memory::MemoryStore;
    leptos::task::spawn_local(
        async move { state.attach(std::rc::Rc::new(MemoryStore::new())).await },
    );
}
