//! Keeping several tabs of one workspace in step.
//!
//! After every successful write a tab posts `"changed"` on a
//! `BroadcastChannel` named after its database; every other tab reloads the
//! workspace from IndexedDB and shows it. Writes are per record, and edits of a
//! lead carry the version they started from (`storage::Change::edit`) and
//! changes of the settings the settings they were made from
//! (`Change::expect_settings`), so a tab holding a stale copy cannot overwrite
//! another tab's edit: the store refuses with a conflict and this tab reloads
//! instead.

use super::state::AppState;

/// The channel for one database; `None` where the browser has no BroadcastChannel.
pub struct Channel {
    #[cfg(target_arch = "wasm32")]
    inner: web_sys::BroadcastChannel,
}

impl Channel {
    /// Opens the channel of `db_name` and reloads `state` whenever another tab writes.
    pub fn listen(db_name: &str, state: AppState) -> Option<Channel> {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            use wasm_bindgen::closure::Closure;
            let inner = web_sys::BroadcastChannel::new(&format!("leadpact:{db_name}")).ok()?;
            // Another tab wrote: show it, and (should this tab be the one
            // syncing with the team) push what it wrote.
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| {
                state.reload();
                state.sync_kick.fire();
            });
            inner.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // The channel lives as long as the page; so does its handler.
            on_message.forget();
            Some(Channel { inner })
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = (db_name, state);
            None
        }
    }

    /// Tells the other tabs that this one wrote.
    pub fn announce(&self) {
        #[cfg(target_arch = "wasm32")]
        {
            let _ = self
                .inner
                .post_message(&wasm_bindgen::JsValue::from_str("changed"));
        }
    }
}
