//! The keyboard shortcuts' help overlay: a module of its own
//! (`ui::lazy`, `LazyPage::Help`), fetched the first time a person asks for
//! it — its words and views are not in the first load.

use crate::ui::i18n::pages::keys::KeyMsg;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// Whether the help overlay is open (the shell's, given as context).
#[derive(Clone, Copy)]
pub struct HelpOpen(pub RwSignal<bool>);

/// The shortcut list: (keys, meaning).
const SHORTCUTS: [(&str, KeyMsg); 9] = [
    ("?", KeyMsg::Help),
    ("g t", KeyMsg::Today),
    ("g l", KeyMsg::Leads),
    ("g b", KeyMsg::Board),
    ("n", KeyMsg::NewLead),
    ("/", KeyMsg::Search),
    ("c", KeyMsg::LogCall),
    ("j / k", KeyMsg::NextPrev),
    ("← / →", KeyMsg::BoardMove),
];

/// The overlay listing the shortcuts.
#[component]
pub fn HelpOverlay() -> impl IntoView {
    let i18n = use_i18n();
    let help = expect_context::<HelpOpen>().0;
    view! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help">
            <div class="card">
                <h2 id="help-title">{i18n.t(Msg::Shortcuts)}</h2>
                <dl class="shortcuts">
                    {SHORTCUTS.map(|(k, m)| view! { <dt><kbd>{k}</kbd></dt><dd>{i18n.t(m)}</dd> }).collect_view()}
                </dl>
                <button type="button" data-testid="help-close" on:click=move |_| help.set(false)>{i18n.t(Msg::Close)}</button>
            </div>
        </div>
    }
}
