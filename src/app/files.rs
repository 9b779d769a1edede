//! Files on the person's computer: saving a download, reading a chosen file.

/// Offers `text` as a download named `file_name` (`mime` e.g. `application/json`).
/// Returns `false` when the browser refused.
pub fn save_text(file_name: &str, mime: &str, text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let run = || -> Option<()> {
            let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(mime);
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let document = web_sys::window()?.document()?;
            let a: web_sys::HtmlAnchorElement =
                document.create_element("a").ok()?.dyn_into().ok()?;
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
            web_sys::Url::revoke_object_url(&url).ok()
        };
        run().is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (file_name, mime, text);
        false
    }
}

/// The bytes of the file chosen in the `<input type="file">` that fired `ev`
/// (the input is cleared so the same file can be chosen again). `None` when
/// no file was chosen or the browser could not read it.
pub fn read_chosen_file(
    ev: &web_sys::Event,
) -> impl std::future::Future<Output = Option<Vec<u8>>> + use<> {
    #[cfg(target_arch = "wasm32")]
    let file = {
        use wasm_bindgen::JsCast;
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let file = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        if let Some(i) = input {
            i.set_value("");
        }
        file
    };
    #[cfg(not(target_arch = "wasm32"))]
    let file: Option<()> = {
        let _ = ev;
        None
    };
    async move {
        #[cfg(target_arch = "wasm32")]
        {
            let buffer = wasm_bindgen_futures::JsFuture::from(file?.array_buffer())
                .await
                .ok()?;
            Some(js_sys::Uint8Array::new(&buffer).to_vec())
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            file.map(|()| Vec::new())
        }
    }
}
