//! Opt-in browser notifications while the app is open: when more leads are
//! at risk of breaching than at the previous clock tick, one notification
//! says how many. Nothing is sent anywhere; the browser shows it locally.

/// True when the person has allowed notifications for this site.
pub fn allowed() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::Notification::permission() == web_sys::NotificationPermission::Granted
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// Asks for permission (the browser shows its prompt); `true` when granted.
pub async fn request() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Ok(promise) = web_sys::Notification::request_permission() else {
            return false;
        };
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(v) => v.as_string().as_deref() == Some("granted"),
            Err(_) => false,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// Shows one notification (ignored when not allowed).
pub fn show(title: &str, body: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let opts = web_sys::NotificationOptions::new();
        opts.set_body(body);
        opts.set_tag("leadpact-at-risk");
        let _ = web_sys::Notification::new_with_options(title, &opts);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (title, body);
}
