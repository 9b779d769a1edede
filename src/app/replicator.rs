//! Keeps a linked workspace in step with the team's CouchDB database:
//! connecting (and founding the database), the first upload or download,
//! then pushing what waits in the outbox and pulling the changes feed.
//!
//! Beside storage, never in views: views call [`connect`], [`sign_in`],
//! [`disconnect`] and the admin's [`invite`] / [`remove`], and read
//! `AppState::team`. Every write goes through the store's transactions
//! (`storage::ops`), so a push, a pull and a local edit never half-apply;
//! one tab of a browser syncs (a Web Lock), the others follow through the
//! tab channel.
//!
//! Failures never touch local data: offline, the loop waits and retries
//! (2 s, doubling to 30 s, or at once when the browser is back online); a
//! refused sign-in asks the person to sign in again; a removed access stops
//! syncing for good and says so.

use super::clock;
use super::couch::{Auth, Couch};
use super::state::{AppState, Loading};
use crate::split::split_point;
use crate::storage::ops::Ack;
use crate::storage::{StorageError, SyncStore};
use crate::sync::doc::{self, DocId};
use crate::sync::ledger::{Link, LinkUpdate, Phase, Role};
use crate::sync::protocol::{ServerUrl, SyncError, check_db_name, seq_text};
use crate::sync::roles::{self, Roster, Security};
use leptos::prelude::*;
use serde_json::Value;
use std::rc::Rc;

/// How many documents one push or pull moves at most.
pub const BATCH: usize = 1000;
/// How long a pull waits on the server for the next change.
const LONGPOLL_MS: u32 = 25_000;

/// Where syncing stands, for the status line.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SyncState {
    /// Not linked to a team.
    #[default]
    Off,
    /// Signing in, checking the database.
    Connecting,
    /// Everything is on the server.
    Synced,
    /// Pushing or pulling.
    Syncing,
    /// The server cannot be reached; changes wait.
    Offline,
    /// The person must sign in again.
    SignIn,
    /// Stopped on an error (retried when it may pass).
    Failed(SyncError),
    /// Access to the workspace was removed.
    Revoked,
}

/// What the team-sync status shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamStatus {
    /// Where syncing stands.
    pub state: SyncState,
    /// Local changes waiting to be pushed.
    pub waiting: usize,
    /// The first download or upload: (done, of).
    pub progress: Option<(u64, u64)>,
    /// The members of the workspace (admins see them).
    pub members: Vec<(String, Role)>,
    /// Changes made here that the server will refuse: this person's role
    /// became viewer while they waited to be sent.
    pub unsendable: usize,
}

/// The connection form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConnectForm {
    /// The server's address.
    pub server: String,
    /// The database.
    pub db: String,
    /// The user.
    pub user: String,
    /// The password (never stored).
    pub password: String,
}

fn status(state: AppState, f: impl FnOnce(&mut TeamStatus)) {
    state.team.update(f);
}

fn fail(state: AppState, e: SyncError) {
    status(state, |s| {
        s.state = match e {
            SyncError::Offline => SyncState::Offline,
            SyncError::Unauthorized => SyncState::SignIn,
            SyncError::Revoked => SyncState::Revoked,
            other => SyncState::Failed(other),
        }
    });
}

/// The store, as the sync engine works on it (`storage::SyncStore`).
fn sync_store(state: AppState) -> Result<Rc<dyn SyncStore>, SyncError> {
    let store = state
        .store()
        .map_err(|e| SyncError::Storage(e.to_string()))?;
    crate::storage::syncing(store)
        .ok_or_else(|| SyncError::Storage("this store cannot sync".into()))
}

fn storage(e: StorageError) -> SyncError {
    SyncError::Storage(e.to_string())
}

/// The browser saying it went offline shows Offline at once (the loops
/// find out only at their next request); listened to once per tab.
fn watch_offline(state: AppState) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        thread_local!(static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
        if WATCHING.with(|w| w.replace(true)) {
            return;
        }
        let went = Closure::<dyn Fn()>::new(move || {
            if state.link.try_with_untracked(Option::is_some) == Some(true) {
                status(state, |s| {
                    if matches!(
                        s.state,
                        SyncState::Synced | SyncState::Syncing | SyncState::Connecting
                    ) {
                        s.state = SyncState::Offline;
                    }
                });
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("offline", went.as_ref().unchecked_ref());
        }
        went.forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = state;
}

fn start(state: AppState, couch: Rc<Couch>) {
    watch_offline(state);
    let generation = state.team_generation.get_value() + 1;
    state.team_generation.set_value(generation);
    state.couch.set_value(Some(Rc::clone(&couch)));
    // The role may have changed since the last session (the admin made this
    // member a viewer, or the other way round), and may change at any time.
    leptos::task::spawn_local(watch_role(state, Rc::clone(&couch), generation));
    // Leads from colleagues reach distribution too.
    crate::app::distribute::install(state);
    let lock = format!("leadpact-sync:{}", state.db_name());
    with_lock(&lock, move || {
        let (pull_couch, push_couch) = (Rc::clone(&couch), couch);
        leptos::task::spawn_local(pull_loop(state, pull_couch, generation));
        leptos::task::spawn_local(push_loop(state, push_couch, generation));
    });
}

thread_local! {
    /// The Web Locks this tab holds (each for as long as it lives).
    static HELD: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` once this tab holds the Web Lock `name` (held until the tab
/// closes; another tab takes over then). Without Web Locks, at once. A
/// tab that already holds it runs `f` at once: the engine started again in
/// the same tab (the team's version taken, a new sign-in) would otherwise
/// wait forever for the lock its first start holds.
fn with_lock(name: &str, f: impl FnOnce() + 'static) {
    if HELD.with(|h| h.borrow().iter().any(|n| n == name)) {
        return f();
    }
    #[cfg(target_arch = "wasm32")]
    {
        use js_sys::{Function, Promise, Reflect};
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let held_name = name.to_owned();
        let locks = web_sys::window()
            .map(|w| w.navigator())
            .and_then(|n| Reflect::get(&n, &"locks".into()).ok())
            .filter(|l| !l.is_undefined());
        let Some(locks) = locks else { return f() };
        let request = Reflect::get(&locks, &"request".into())
            .ok()
            .and_then(|r| r.dyn_into::<Function>().ok());
        let Some(request) = request else { return f() };
        let held = Closure::once_into_js(move |_lock: wasm_bindgen::JsValue| {
            HELD.with(|h| h.borrow_mut().push(held_name));
            f();
            // Never settles: the lock is held as long as the tab lives.
            wasm_bindgen::JsValue::from(Promise::new(&mut |_, _| {}))
        });
        if request.call2(&locks, &name.into(), &held).is_err() {
            web_sys::console::warn_1(&"Web Locks refused; syncing from this tab".into());
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        f();
    }
}

fn current(state: AppState, generation: u64) -> bool {
    state.team_generation.get_value() == generation
}

async fn refresh_waiting(state: AppState) {
    if let Ok(store) = state.store()
        && let Ok(n) = store.waiting().await
    {
        status(state, |s| s.waiting = n);
    }
}

async fn backoff(delay: &mut i32) {
    clock::sleep_or_online(*delay).await;
    *delay = (*delay * 2).min(30_000);
}

/// An error of a request on the database: is it access removed, or the
/// session gone?
async fn triage(couch: &Couch, user: &str, e: SyncError) -> SyncError {
    match e {
        SyncError::Unauthorized | SyncError::Forbidden(_) => match couch.session().await {
            Ok(me) if me.name.as_deref() == Some(user) => match e {
                SyncError::Forbidden(ref why)
                    if why.contains("viewer") || why.contains("activities") =>
                {
                    e
                }
                _ => SyncError::Revoked,
            },
            Ok(_) => SyncError::Unauthorized,
            Err(other) => other,
        },
        other => other,
    }
}

async fn revoke(state: AppState) {
    if let Ok(store) = sync_store(state) {
        let _ = store.update_link(&LinkUpdate::Phase(Phase::Revoked)).await;
        if let Ok(link) = store.link().await {
            state.link.set(link);
        }
    }
    fail(state, SyncError::Revoked);
    // Both loops stop on it; one watch waits for the access to come back.
    thread_local!(static WATCHING: std::cell::Cell<u64> = const { std::cell::Cell::new(u64::MAX) });
    let generation = state.team_generation.get_value();
    if WATCHING.with(|w| w.replace(generation)) != generation
        && let Some(couch) = state.couch.get_value()
    {
        leptos::task::spawn_local(watch_return(state, couch));
    }
}

/// After a failed step of a loop: true when the loop must stop (access
/// removed, or the person must sign in again); otherwise the status says why
/// and the loop waits before trying again.
async fn stopped(state: AppState, couch: &Couch, e: SyncError, delay: &mut i32) -> bool {
    let user = state
        .link
        .with_untracked(|l| l.as_ref().map(|l| l.user.clone()))
        .unwrap_or_default();
    match triage(couch, &user, e).await {
        SyncError::Revoked => {
            revoke(state).await;
            true
        }
        SyncError::Unauthorized => {
            fail(state, SyncError::Unauthorized);
            true
        }
        // Made a viewer since this session began: the role is read again
        // and the push loop, seeing a viewer, sends nothing more and says
        // how many changes cannot be sent (`TeamStatus::unsendable`).
        SyncError::Forbidden(why) if why.contains("viewer") && !state.is_viewer_untracked() => {
            if let Ok(store) = sync_store(state)
                && store
                    .update_link(&LinkUpdate::Role(Role::Viewer))
                    .await
                    .is_ok()
                && let Ok(link) = store.link().await
            {
                state.link.set(link);
            }
            state.sync_kick.fire();
            false
        }
        other => {
            fail(state, other);
            backoff(delay).await;
            false
        }
    }
}

mod connect;
mod members;
mod pull;
mod push;
mod role_watch;

pub use connect::{connect, disconnect, sign_in, take_team_version};
pub use members::{credentials_in_memory, invite, load_members, remove};
use pull::{pull_loop, settle_pushed};
use push::push_loop;
use role_watch::{check_role, members, role, watch_return, watch_role};

split_point!(
    /// The sync engine's way in at start-up (`crate::split`): with it, the
    /// engine a linked workspace runs is a module of its own, shared with
    /// the settings page's team panel, never fetched for a workspace of one.
    fn sync_engine(state: AppState) -> () {
        connect::resume(state)
    }
);

/// At start-up: a linked workspace resumes syncing, with the session cookie
/// the browser may still hold, or asks the person to sign in again. Should
/// the engine's module not come (offline before the service worker kept
/// it), the status says offline and it is fetched again every 30 s, or as
/// soon as the browser is back online; the outbox keeps every change
/// meanwhile.
pub fn resume(state: AppState) {
    if state.link.with_untracked(Option::is_none) {
        return;
    }
    // Never blank after a reload: connecting until the loops say more.
    status(state, |s| s.state = SyncState::Connecting);
    leptos::task::spawn_local(async move {
        while sync_engine(state).await.is_err() {
            status(state, |s| s.state = SyncState::Offline);
            clock::sleep_or_online(30_000).await;
        }
    });
}
