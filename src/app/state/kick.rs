//! Waking the push loop after a local change.

use leptos::prelude::*;

/// Wakes a waiting task: [`Kick::wait`] returns at the next [`Kick::fire`],
/// or after ten seconds at most.
#[derive(Clone, Copy)]
pub struct Kick(StoredValue<Option<js_sys::Function>, LocalStorage>);

impl Kick {
    pub(super) fn new() -> Kick {
        Kick(StoredValue::new_local(None))
    }

    /// Wakes whoever waits.
    pub fn fire(self) {
        if let Some(f) = self.0.try_update_value(Option::take).flatten() {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    }

    /// Waits for the next [`Kick::fire`] (ten seconds at most).
    pub async fn wait(self) {
        #[cfg(target_arch = "wasm32")]
        {
            let kicked = js_sys::Promise::new(&mut |resolve, _| {
                self.0.set_value(Some(resolve));
            });
            let timeout = js_sys::Promise::new(&mut |resolve, _| {
                if let Some(w) = web_sys::window() {
                    let _ =
                        w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10_000);
                }
            });
            let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::race(
                &js_sys::Array::of2(&kicked, &timeout),
            ))
            .await;
        }
    }
}
