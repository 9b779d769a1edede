//! The one place that reads the wall clock and makes random ids.

use crate::domain::lead::LeadId;
use chrono::{DateTime, Utc};

/// The current instant (the browser's clock on wasm).
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// A fresh random lead id.
pub fn new_lead_id() -> LeadId {
    LeadId::from_uuid(uuid::Uuid::new_v4())
}

/// Waits `ms` milliseconds (a browser timer; immediate natively).
pub async fn sleep(ms: i32) {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = ms;
}

/// Waits `ms` milliseconds, or less if the browser comes back online
/// meanwhile (a sync retry need not wait out its backoff once the network
/// is back); immediate natively.
pub async fn sleep_or_online(ms: i32) {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
                let once = web_sys::AddEventListenerOptions::new();
                once.set_once(true);
                let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
                    "online", &resolve, &once,
                );
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = ms;
}
