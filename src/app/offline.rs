//! Offline and updates through the service worker (`sw.js`, written into
//! each build by `tools/postbuild.mjs`): registered at the app's base path;
//! when a new build's worker has installed and waits, `ready` turns true and
//! the page offers to reload; `reload` lets that worker take over, then
//! loads the page again (one build's files are never mixed with another's).
//! Nothing happens where service workers do not exist (an insecure page,
//! an old browser): the app works as before, online.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often a long-open tab asks the server for a new build.
const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// The page's view of its service worker.
#[derive(Clone, Copy)]
pub struct Updates {
    /// A new version is installed and waits for a reload.
    pub ready: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let sw = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    sw.dyn_into::<ServiceWorkerContainer>().ok()
}

impl Updates {
    /// Registers the service worker (in the background) and watches for
    /// new versions.
    pub fn start() -> Updates {
        let updates = Updates {
            ready: RwSignal::new(false),
            registration: StoredValue::new_local(None),
        };
        let Some(sw) = container() else {
            return updates;
        };
        let url = format!("{}/sw.js", crate::app::routes::base_path());
        leptos::task::spawn_local(async move {
            let Ok(reg) = wasm_bindgen_futures::JsFuture::from(sw.register(&url)).await else {
                // No worker (a test server without sw.js, a private window
                // that refuses it): the app works online as before.
                return;
            };
            let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            updates.watch(&sw, &reg);
            updates.registration.set_value(Some(reg.clone()));
            let check = reg.clone();
            set_interval(
                move || {
                    let _ = check.update();
                },
                CHECK_EVERY,
            );
        });
        updates
    }

    fn watch(self, sw: &ServiceWorkerContainer, reg: &ServiceWorkerRegistration) {
        let ready = self.ready;
        // A first install has no controller yet: nothing to update from.
        let controlled = {
            let sw = sw.clone();
            move || sw.controller().is_some()
        };
        if reg.waiting().is_some() && controlled() {
            ready.set(true);
        }
        let found_reg = reg.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(worker) = found_reg.installing() else {
                return;
            };
            let w = worker.clone();
            let controlled = controlled.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if w.state() == ServiceWorkerState::Installed && controlled() {
                    ready.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    }

    /// Lets the waiting version take over, then reloads the page.
    pub fn reload(self) {
        let reload = || {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        };
        let waiting = self
            .registration
            .with_value(|r| r.as_ref().and_then(ServiceWorkerRegistration::waiting));
        let (Some(sw), Some(waiting)) = (container(), waiting) else {
            return reload();
        };
        let on_change = Closure::<dyn FnMut()>::new(reload);
        sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        if waiting.post_message(&"skip-waiting".into()).is_err() {
            reload();
        }
    }
}
