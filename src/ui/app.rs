//! The app shell: contexts, header and navigation, the one error area,
//! toasts, keyboard shortcuts with their help overlay, and the routes.

use super::components::error_banner::ErrorBanner;
use super::components::toast::ToastArea;
use super::i18n::{I18n, Msg};
use super::lazy::{Lazy, LazyPage};
use super::pages::{not_found::NotFound, today::TodayPage};
use crate::app::clock;
use crate::app::routes::{Page, base_path};
use crate::app::state::AppState;
use crate::storage::local_settings;
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

/// The IndexedDB database the app uses when none is named.
pub const DEFAULT_DB: &str = "leadpact";

/// How often clocks are re-evaluated while the app is open.
const TICK: std::time::Duration = std::time::Duration::from_secs(30);

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
    #[cfg(target_arch = "wasm32")]
    set_interval(move || state.now.set(clock::now()), TICK);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (TICK, clock::now);
    let help = RwSignal::new(false);
    provide_context(crate::ui::components::help::HelpOpen(help));
    let notify_on = RwSignal::new(crate::app::notify::allowed());
    watch_at_risk(state, i18n, notify_on);

    // Offline and updates (the service worker).
    let updates = crate::app::offline::Updates::start();

    let nav = [
        (Page::Today, Msg::NavToday, "nav-today"),
        (Page::Leads, Msg::NavLeads, "nav-leads"),
        (Page::Board, Msg::NavBoard, "nav-board"),
        (Page::Funnel, Msg::NavFunnel, "nav-funnel"),
        (Page::Scorecard, Msg::NavScorecard, "nav-scorecard"),
        (Page::Settings, Msg::NavSettings, "nav-settings"),
        (Page::Data, Msg::NavData, "nav-data"),
    ];
    view! {
        <Router base=base_path()>
            <Shortcuts help=help />
            <a class="skip-link" href="#main">{i18n.t(Msg::SkipToContent)}</a>
            <header class="app-header">
                <a class="brand" href=Page::Today.href()>{i18n.t(Msg::AppName)}</a>
                <nav aria-label=i18n.t(Msg::MainNav)>
                    {nav
                        // Today is "/": marked current only there, not under every page.
                        .map(|(page, msg, id)| view! { <A href=page.href() exact=matches!(page, Page::Today) attr:data-testid=id>{i18n.t(msg)}</A> })
                        .collect_view()}
                </nav>
                <button
                    type="button"
                    class="link notify-toggle"
                    data-testid="notify-toggle"
                    disabled=move || notify_on.get()
                    on:click=move |_| {
                        leptos::task::spawn_local(async move {
                            let granted = crate::app::notify::request().await;
                            notify_on.set(granted);
                            if !granted {
                                state.toast.set(Some(crate::app::state::Toast::NotificationsBlocked));
                            }
                        })
                    }
                >
                    <span class="label">{move || if notify_on.get() { i18n.t(Msg::NotifyOn)() } else { i18n.t(Msg::Notify)() }}</span>
                </button>
                <button type="button" class="link help-toggle" data-testid="help-toggle" aria-keyshortcuts="?" on:click=move |_| help.update(|h| *h = !*h)>
                    {i18n.t(Msg::Shortcuts)}
                </button>
                <Show when=move || state.link.with(Option::is_some)>
                    <A href=Page::Settings.href() attr:class="sync-badge" attr:data-testid="sync-badge">
                        {move || crate::ui::i18n::team::badge(i18n.0.get(), &state.team.get())}
                        {move || state.is_viewer_tracked().then(|| format!(" · {}", crate::ui::i18n::team::viewer(i18n.0.get()).0))}
                    </A>
                </Show>
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
            <Show when=move || state.is_viewer_tracked()>
                <p class="notice shell-note" role="note" data-testid="view-only-note">
                    {move || crate::ui::i18n::team::viewer(i18n.0.get()).1}
                </p>
            </Show>
            <Show when=move || updates.ready.get()>
                <div class="notice update-ready" role="status" data-testid="update-ready">
                    {i18n.t(Msg::UpdateReady)} " "
                    <button type="button" class="primary" data-testid="update-reload" on:click=move |_| updates.reload()>
                        {i18n.t(Msg::ReloadNow)}
                    </button>
                </div>
            </Show>
            <crate::ui::components::contact_links::ContactOutcome />
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=TodayPage />
                    <Route path=path!("/leads") view=|| view! { <Lazy page=LazyPage::Leads /> } />
                    <Route path=path!("/leads/:id") view=|| view! { <Lazy page=LazyPage::Lead /> } />
                    <Route path=path!("/board") view=|| view! { <Lazy page=LazyPage::Board /> } />
                    <Route path=path!("/funnel") view=|| view! { <Lazy page=LazyPage::Funnel /> } />
                    <Route path=path!("/scorecard") view=|| view! { <Lazy page=LazyPage::Scorecard /> } />
                    <Route path=path!("/settings") view=|| view! { <Lazy page=LazyPage::Settings /> } />
                    <Route path=path!("/data") view=|| view! { <Lazy page=LazyPage::Data /> } />
                </Routes>
            </main>
            <ToastArea />
            <Show when=move || help.get()>
                <div class="help-slot"><Lazy page=LazyPage::Help /></div>
            </Show>
        </Router>
    }
}

/// Notifies (when allowed) each time more leads are at risk than at the
/// previous evaluation.
fn watch_at_risk(state: AppState, i18n: I18n, on: RwSignal<bool>) {
    use crate::domain::queue::{Bucket, bucket, most_urgent};
    // `None` until the workspace is loaded: opening the app is not news.
    let last = StoredValue::new(None::<usize>);
    Effect::new(move || {
        if !on.get() {
            // Off: nothing to count (a big workspace pays for every pass).
            last.set_value(None);
            return;
        }
        let at_risk = state.insights.with(|ins| {
            ins.clocks()
                .iter()
                .filter(|c| {
                    bucket(&most_urgent(c).1, chrono::TimeDelta::zero()) == Some(Bucket::AtRisk)
                })
                .count()
        });
        if state.loading.get() != crate::app::state::Loading::Ready {
            return;
        }
        if last.get_value().is_some_and(|l| at_risk > l) {
            crate::app::notify::show(
                i18n.t(Msg::NotifyTitle)(),
                &format!("{at_risk} {}", i18n.t(Msg::NotifyBody)()),
            );
        }
        last.set_value(Some(at_risk));
    });
}

/// Global key handling (ignored while typing in a field).
#[component]
fn Shortcuts(help: RwSignal<bool>) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos_router::hooks::{use_location, use_navigate};
        let state = expect_context::<AppState>();
        let navigate = use_navigate();
        let location = use_location();
        let pending_g = StoredValue::new(false);
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            use wasm_bindgen::JsCast;
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let typing = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
            if typing {
                return;
            }
            let key = ev.key();
            let go = |page: Page| navigate(&page.href(), Default::default());
            if pending_g.get_value() {
                pending_g.set_value(false);
                match key.as_str() {
                    "t" => go(Page::Today),
                    "l" => go(Page::Leads),
                    "b" => go(Page::Board),
                    "f" => go(Page::Funnel),
                    "s" => go(Page::Scorecard),
                    "d" => go(Page::Data),
                    _ => {}
                }
                return;
            }
            let focus = |id: &str| {
                if let Some(el) = document()
                    .get_element_by_id(id)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            };
            match key.as_str() {
                "?" => help.update(|h| *h = !*h),
                "Escape" => help.set(false),
                "g" => pending_g.set_value(true),
                "n" => {
                    ev.prevent_default();
                    go(Page::Leads);
                    set_timeout(
                        move || focus("lead-name"),
                        std::time::Duration::from_millis(50),
                    );
                }
                "/" => {
                    ev.prevent_default();
                    go(Page::Leads);
                    set_timeout(
                        move || focus("lead-search"),
                        std::time::Duration::from_millis(50),
                    );
                }
                // A viewer (or one whose access was removed) is told why
                // nothing opens, as the board's keys tell her.
                "c" => match state.write_blocked() {
                    Some(why) => state.error.set(Some(why)),
                    None => focus("log-kind"),
                },
                "j" | "k" => {
                    let path = location.pathname.get_untracked();
                    let current = path.rsplit('/').next().and_then(|s| s.parse().ok());
                    let ids: Vec<_> =
                        state.with_leads_untracked(|ls| ls.iter().rev().map(|l| l.id()).collect());
                    if let Some(cur) = current
                        && let Some(i) = ids.iter().position(|id| *id == cur)
                    {
                        let j = if key == "j" { i + 1 } else { i.wrapping_sub(1) };
                        if let Some(next) = ids.get(j) {
                            go(Page::Lead(*next));
                        }
                    } else if let Some(first) = ids.first() {
                        go(Page::Lead(*first));
                    }
                }
                _ => {}
            }
        });
        on_cleanup(move || handle.remove());
    }
    let _ = help;
}

#[cfg(target_arch = "wasm32")]
fn open_store(state: AppState, db_name: String) {
    use crate::storage::indexeddb::IdbStore;
    state.set_db_name(&db_name);
    leptos::task::spawn_local(async move {
        match IdbStore::open(&db_name).await {
            Ok(store) => {
                // The browser closed the store by itself (a disk error, site
                // data cleared): check at once what it still holds.
                store.on_lost(move || state.check_store(None));
                state.attach(std::rc::Rc::new(store)).await;
                state.sync_with_other_tabs(&db_name);
            }
            Err(e) => state.fail_to_open(e),
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn open_store(state: AppState, db_name: String) {
    use crate::storage::memory::MemoryStore;
    state.set_db_name(&db_name);
    leptos::task::spawn_local(
        async move { state.attach(std::rc::Rc::new(MemoryStore::new())).await },
    );
}
