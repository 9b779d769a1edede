//! Backup export and import (replace, after a confirmation). Import reads and
//! validates the whole file first (`io::backup`); a refused file shows its
//! error in the app's error area and changes nothing.

use crate::app::state::{AppState, Busy, Loading};
use crate::app::{backups, files};
use crate::domain::workspace::Workspace;
use crate::io::backup::import_bytes;
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::data::DataMsg;
use crate::ui::i18n::{Msg, use_i18n};
use crate::ui::pages::data::BackupFirst;
use leptos::prelude::*;

/// The backup card.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let pending = RwSignal::new(None::<Workspace>);
    let ready = move || state.loading.get() == Loading::Ready;

    let export = move |_| {
        backups::download(state);
    };

    let on_file = move |ev: leptos::ev::Event| {
        let bytes = files::read_chosen_file(&ev);
        state.busy.set(Some(Busy::ReadingBackup));
        leptos::task::spawn_local(async move {
            let read = bytes.await;
            let checked = read.as_deref().map(import_bytes);
            state.busy.set(None);
            match checked {
                Some(Ok(ws)) => pending.set(Some(ws)),
                Some(Err(e)) => state.error.set(Some(crate::ui::i18n::backup::refused(&e))),
                None => {}
            }
        });
    };

    view! {
        <section class="card backup" data-testid="backup">
            <h2>{i18n.t(DataMsg::Backup)}</h2>
            <p class="muted" data-testid="backup-hint">
                {move || i18n.t(if state.link.with(Option::is_some) { DataMsg::BackupHintShared } else { DataMsg::BackupHint })()}
            </p>
            <div class="backup-actions">
                <button type="button" data-testid="export-backup" disabled=move || !ready() on:click=export>
                    {i18n.t(Msg::ExportBackup)}
                </button>
                <label class="file-button">
                    {i18n.t(DataMsg::ImportBackup)}
                    <input
                        type="file"
                        accept=".json,application/json"
                        data-testid="import-backup"
                        disabled=move || !state.can_edit()
                        on:change=on_file
                    />
                </label>
            </div>
            {move || {
                pending
                    .with(|p| p.as_ref().map(|ws| (ws.leads.len(), ws.activities.len())))
                    .map(|(leads, activities)| {
                        view! {
                            <div class="confirm" role="alertdialog" data-testid="confirm-import">
                                <p>{i18n.t(DataMsg::ConfirmReplace)} " (" {leads} " / " {activities} ")"</p>
                                <BackupFirst />
                                <button
                                    type="button"
                                    class="primary"
                                    data-testid="confirm-replace"
                                    disabled=move || state.link.with(Option::is_some)
                                    on:click=move |_| {
                                        // Taken, not copied (a backup can be 100 000 leads).
                                        if let Some(ws) = pending.try_update(Option::take).flatten() {
                                            state.replace_workspace(ws);
                                        }
                                    }
                                >
                                    {i18n.t(DataMsg::Replace)}
                                </button>
                                <button
                                    type="button"
                                    data-testid="confirm-merge"
                                    on:click=move |_| {
                                        // Taken, not copied (a backup can be 100 000 leads).
                                        if let Some(ws) = pending.try_update(Option::take).flatten() {
                                            state.merge_workspace(ws, crate::ui::i18n::backup::merged);
                                        }
                                    }
                                >
                                    {i18n.t(DataMsg::Merge)}
                                </button>
                                <button type="button" data-testid="cancel-replace" on:click=move |_| pending.set(None)>
                                    {i18n.t(PageMsg::Cancel)}
                                </button>
                            </div>
                        }
                    })
            }}
        </section>
    }
}
