//! The app's one place for errors, the read-only notice, and storage health
//! (a failed write, data the browser dropped) with its way out.

use crate::app::backups;
use crate::app::state::{AppError, AppState, Health, Loading, backup_due};
use crate::ui::i18n::storage::{self as st, Label};
use crate::ui::i18n::{Lang, Msg, tr, use_i18n};
use leptos::prelude::*;

/// An error as the person reads it: a sentence in their language, followed
/// (for file and storage errors) by the precise detail — which row, which
/// field, which record — as the error gives it.
pub fn error_text(lang: Lang, e: &AppError) -> String {
    let t = |m| tr(lang, m);
    match e {
        AppError::Storage(s) => st::storage_error(lang, s),
        AppError::WritesPaused(h) => st::health(lang, h).unwrap_or_default(),
        AppError::Said { en, vi } => match lang {
            Lang::En => en.clone(),
            Lang::Vi => vi.clone(),
        },
        _ if lang == Lang::En => e.to_string(),
        AppError::Move(crate::domain::lead::MoveError::NeedsReason(_)) => "Chỉ đóng khách hàng là thất bại khi có lý do: hãy mở khách hàng và dùng Đánh dấu thất bại hoặc Đánh dấu rác.".to_owned(),
        AppError::Move(m) => format!("{} {m}", t(Msg::ErrMove)),
        AppError::LeadNotFound(_) => t(Msg::LeadMissing).to_owned(),
        AppError::ReasonMissing => t(Msg::ErrReasonMissing).to_owned(),
        AppError::NotLoaded => "Không tải được phần này của Leadpact: có vẻ mất kết nối. Không có gì thay đổi; hãy kiểm tra kết nối rồi thử lại.".to_owned(),
        AppError::ViewOnly => "Bạn chỉ được xem dữ liệu nhóm này, không được sửa. Hãy hỏi quản trị viên nếu cần sửa.".to_owned(),
    }
}

/// Shows the current error (until dismissed), whether edits can be saved,
/// and what to do when storage failed.
#[component]
pub fn ErrorBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    let health = move || state.health.get();
    let reminder = move || {
        state.loading.get() == Loading::Ready
            && state.health.get() == Health::Ok
            && backup_due(
                state.last_backup.get(),
                state.since.get(),
                state.with_leads(<[_]>::len),
                state.now.get(),
            )
    };
    view! {
        <div class="status-area" aria-live="polite">
            <Show when=move || state.loading.get() == Loading::Opening>
                <p class="notice" data-testid="loading">{i18n.t(Msg::Loading)}</p>
            </Show>
            <Show when=move || state.loading.get() == Loading::Unavailable>
                <p class="notice warn" data-testid="read-only">{i18n.t(Msg::ReadOnly)}</p>
            </Show>
            {move || {
                let h = health();
                st::health(lang(), &h).map(|text| {
                    // The team link went with the browser's deletion: where
                    // to reconnect (the words of how live with that panel).
                    let text = match state.unlinked.with(Option::is_some) {
                        true => format!("{text} {}", st::unlinked_short(lang())),
                        false => text,
                    };
                    let lost = matches!(h, Health::Lost { .. });
                    let not_saved = matches!(h, Health::NotSaved { .. });
                    view! {
                        <div class="error-banner storage-health" role="alert" data-testid="storage-health">
                            <p data-testid="storage-health-text">{text}</p>
                            <div class="actions">
                                {lost.then(|| view! {
                                    <button type="button" class="primary" data-testid="download-shown" on:click=move |_| { backups::download(state); }>
                                        {move || st::label(lang(), Label::DownloadShown)}
                                    </button>
                                    <button type="button" data-testid="store-again" on:click=move |_| state.store_again()>
                                        {move || st::label(lang(), Label::StoreAgain)}
                                    </button>
                                })}
                                {not_saved.then(|| view! {
                                    <button type="button" data-testid="download-shown" on:click=move |_| { backups::download(state); }>
                                        {move || st::label(lang(), Label::DownloadShown)}
                                    </button>
                                    <button type="button" class="primary" data-testid="retry-writes" on:click=move |_| state.retry_writes()>
                                        {move || st::label(lang(), Label::TryAgain)}
                                    </button>
                                })}
                            </div>
                        </div>
                    }
                })
            }}
            <Show when=reminder>
                <p class="notice warn" data-testid="backup-reminder">
                    {move || st::backup_reminder(lang())} " "
                    <button type="button" class="link" on:click=move |_| { backups::download(state); }>
                        {i18n.t(Msg::ExportBackup)}
                    </button>
                </p>
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
