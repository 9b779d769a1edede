//! The app's one place for errors and the read-only notice.

use crate::app::state::{AppError, AppState, Loading};
use crate::storage::StorageError;
use crate::ui::i18n::{Lang, Msg, tr, use_i18n};

/// An error as the person reads it: a sentence in their language, followed
/// (for file and storage errors) by the precise detail — which row, which
/// field, which record — as the error gives it.
pub fn error_text(lang: Lang, e: &AppError) -> String {
    let t = |m| tr(lang, m);
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        AppError::Storage(StorageError::Unavailable(why)) => {
            format!("{} ({why})", t(Msg::ErrStorageUnavailable))
        }
        AppError::Storage(StorageError::NewerVersion) => t(Msg::ErrNewerVersion).to_owned(),
        AppError::Storage(StorageError::QuotaExceeded) => t(Msg::ErrQuota).to_owned(),
        AppError::Storage(StorageError::Conflict { .. }) => t(Msg::ErrConflict).to_owned(),
        AppError::Storage(StorageError::SettingsConflict) => t(Msg::ErrSettingsConflict).to_owned(),
        AppError::Storage(other) => format!("{} {other}", t(Msg::ErrStorageFailed)),
        AppError::Move(m) => format!("{} {m}", t(Msg::ErrMove)),
        AppError::LeadNotFound(_) => t(Msg::LeadMissing).to_owned(),
        AppError::Backup(b) => format!("{} {b}", t(Msg::ErrBackup)),
        AppError::Csv(c) => format!("{} {c}", t(Msg::ErrCsv)),
        AppError::ReasonMissing => t(Msg::ErrReasonMissing).to_owned(),
    }
}
use leptos::prelude::*;

/// Shows the current error (until dismissed) and whether edits can be saved.
#[component]
pub fn ErrorBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    view! {
        <div class="status-area" aria-live="polite">
            <Show when=move || state.loading.get() == Loading::Opening>
                <p class="notice" data-testid="loading">{i18n.t(Msg::Loading)}</p>
            </Show>
            <Show when=move || state.loading.get() == Loading::Unavailable>
                <p class="notice warn" data-testid="read-only">{i18n.t(Msg::ReadOnly)}</p>
            </Show>
            {move || {
                state
                    .error
                    .get()
                    .map(|e| {
                        view! {
                            <div class="error-banner" role="alert" data-testid="error-banner">
                                <span data-testid="error-text">{error_text(i18n.0.get(), &e)}</span>
                                <button type="button" on:click=move |_| state.error.set(None)>
                                    {i18n.t(Msg::Dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
