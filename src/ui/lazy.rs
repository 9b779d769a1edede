//! Every page but Today — the start page — arrives as a wasm module of its
//! own the first time it is opened (`crate::split`), so a first visit
//! downloads only the shell, the workspace's engine and Today; the service
//! worker then keeps the others for later, and offline.
//!
//! A module that cannot be fetched (offline before the service worker had
//! cached it) is an error the page says in words, with a way to try again.

use crate::split::split_point;
use crate::ui::components::help::HelpOverlay;
use crate::ui::i18n::{Msg, use_i18n};
use crate::ui::pages::{
    board::BoardPage, data::DataPage, funnel::FunnelPage, lead_detail::LeadPage, leads::LeadsPage,
    scorecard::ScorecardPage, settings::SettingsPage, today::pool::PoolCard,
};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// A page that arrives when first opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LazyPage {
    Leads,
    Lead,
    Board,
    Funnel,
    Scorecard,
    Settings,
    Data,
    /// Not a page: Today's "waiting for an owner" card, fetched only by a
    /// workspace with distribution rules; no skeleton while it comes (CSS), and
    /// nothing if it cannot (its leads are in Today's lanes anyway).
    Pool,
    /// Not a page either: the keyboard shortcuts' help overlay.
    Help,
}

macro_rules! split_pages {
    ($($variant:ident: $builder:ident => $page:ident,)*) => {
        $(
            split_point!(fn $builder() -> AnyView {
                view! { <$page /> }.into_any()
            });
        )*

        impl LazyPage {
            /// Fetches the page's module (once) and builds the page. Boxed:
            /// one small future per page rather than every page's future in
            /// one state machine, which the first load would carry.
            fn build(self) -> std::pin::Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>> {
                match self {
                    $(LazyPage::$variant => Box::pin($builder()),)*
                }
            }
        }
    };
}

split_pages! {
    Leads: leads_page => LeadsPage,
    Lead: lead_page => LeadPage,
    Board: board_page => BoardPage,
    Funnel: funnel_page => FunnelPage,
    Scorecard: scorecard_page => ScorecardPage,
    Settings: settings_page => SettingsPage,
    Data: data_page => DataPage,
    Pool: pool_card => PoolCard,
    Help: help_overlay => HelpOverlay,
}

/// The route's view: the page once its module is there; until then the
/// page's skeleton; if it cannot come, why, and "try again".
#[component]
pub fn Lazy(page: LazyPage) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<crate::app::state::AppState>();
    let attempt = RwSignal::new(0u32);
    let card = page == LazyPage::Pool;
    // (Today's stylesheet hides the skeleton of its pool card.)
    let fallback = || view! { <div class="page-loading" aria-busy="true" data-testid="page-loading"><div class="boot-line"></div><div class="boot-card"></div></div> };
    view! {
        <Suspense fallback=fallback>
            {move || {
                attempt.track();
                // The pool card only where distribution has rules (followed:
                // it appears once they are set).
                let wanted = !card
                    || state
                        .settings
                        .with(|s| s.extra.0.contains_key(crate::domain::distribution::KEY));
                Suspend::new(send_wrapper::SendWrapper::new(async move {
                    if !wanted {
                        return ().into_any();
                    }
                    match page.build().await {
                        Ok(view) => view,
                        Err(_) if card => ().into_any(),
                        Err(_) => view! {
                            <section class="card notice" role="alert" data-testid="page-load-failed">
                                <p>{i18n.t(Msg::PageLoadFailed)}</p>
                                <button type="button" class="primary" data-testid="page-load-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                                    {i18n.t(Msg::PageLoadRetry)}
                                </button>
                            </section>
                        }
                        .into_any(),
                    }
                }))
            }}
        </Suspense>
    }
}
