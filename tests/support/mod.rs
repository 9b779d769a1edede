//! Helpers shared by the wasm test crates (`web.rs`, `browser_bench.rs`).

/// One turn of the event loop: effects and IndexedDB callbacks get to run.
pub async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
