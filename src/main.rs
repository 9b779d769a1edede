use leadpact::ui::App;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    leadpact::app::zones::install();
    // The page's skeleton (index.html), drawn before the wasm arrived, makes
    // way for the app.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("boot") {
        shell.remove();
    }
    leptos::mount::mount_to_body(|| view! { <App /> });
}
