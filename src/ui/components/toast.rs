//! Results of actions, announced politely; a deletion or a bulk close
//! offers undo.

use crate::app::state::{AppState, Toast};
use crate::ui::i18n::today as counted;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// The toast area at the bottom of the screen.
#[component]
pub fn ToastArea() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    // A toast leaves by itself: 10 s with an undo, 6 s without.
    Effect::new(move || {
        if let Some(t) = state.toast.get() {
            let secs = if matches!(t, Toast::Deleted(_) | Toast::Closed(_)) {
                10
            } else {
                6
            };
            set_timeout(
                move || {
                    if state.toast.get_untracked().as_ref() == Some(&t) {
                        state.toast.set(None);
                    }
                },
                std::time::Duration::from_secs(secs),
            );
        }
    });
    view! {
        {move || state.busy.get().map(|b| {
            let text = crate::ui::i18n::storage::busy(i18n.0.get(), b);
            view! {
                <div class="busy" role="status" data-testid="busy">
                    <progress aria-label=text.clone()></progress>
                    <span>{text}</span>
                </div>
            }
        })}
        <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
            {move || state.toast.get().map(|t| {
                let lang = i18n.0.get_untracked();
                let is_delete = matches!(t, Toast::Deleted(_) | Toast::Closed(_));
                let text = match t {
                    Toast::Deleted(n) => counted::deleted(lang, n),
                    Toast::Closed(n) => counted::closed(lang, n),
                    Toast::Imported(n, m) => counted::imported(lang, n, m),
                    Toast::LeadsMerged(name) => crate::ui::i18n::duplicates::merged(lang, &name),
                    Toast::Saved => i18n.t(Msg::ToastSaved)().to_owned(),
                    Toast::NotificationsBlocked => counted::notifications_blocked(lang).to_owned(),
                    Toast::Replaced(n) => format!("{} {}", i18n.t(Msg::ToastReplaced)(), crate::ui::format::number(n as u64, lang)),
                    Toast::Merged(r) => format!(
                        "{}: {} {}, {} {}, {} {}{}",
                        i18n.t(Msg::ToastMerged)(),
                        r.added,
                        i18n.t(Msg::Added)(),
                        r.updated,
                        i18n.t(Msg::Updated)(),
                        r.skipped,
                        i18n.t(Msg::Skipped)(),
                        if r.refused.is_empty() {
                            String::new()
                        } else {
                            format!(", {} {}", r.refused.len(), i18n.t(Msg::RefusedUnknownStage)())
                        }
                    ),
                };
                view! {
                    <div class="toast" data-testid="toast">
                        <span data-testid="toast-text">{text}</span>
                        {is_delete.then(|| view! {
                            <button type="button" data-testid="undo" on:click=move |_| { state.toast.set(None); state.undo(); }>
                                {i18n.t(Msg::Undo)}
                            </button>
                        })}
                        <button type="button" class="link" aria-label=i18n.t(Msg::Dismiss) on:click=move |_| state.toast.set(None)>"✕"</button>
                    </div>
                }
            })}
        </div>
    }
}
