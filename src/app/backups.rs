//! Downloading backups, and remembering when the last one was taken.

use super::clock;
use super::files;
use super::state::AppState;
use crate::io::backup::{export_json, file_name};
use crate::storage::local_settings;
use leptos::prelude::*;

/// Offers the workspace as shown as a backup file and records when. Its
/// code (the whole workspace written as a backup) is a module of its own
/// (`crate::split`), fetched at the first backup: the first load does not
/// carry it. A module that cannot come says so, and nothing changes.
pub fn download(state: AppState) {
    leptos::task::spawn_local(async move {
        if write_backup(state).await.is_err() {
            state
                .error
                .set(Some(crate::app::state::AppError::NotLoaded));
        }
    });
}

crate::split::split_point!(
    /// [`download`]'s work: false when the browser refused the download.
    fn write_backup(state: AppState) -> bool {
        save_backup(state)
    }
);

/// Writes the backup file now; false when the browser refused it.
fn save_backup(state: AppState) -> bool {
    let now = clock::now();
    let ws = state.snapshot();
    let tz = ws.calendar.tz();
    let saved = files::save_text(
        &file_name(now, tz),
        "application/json",
        &export_json(&ws, now),
    );
    if saved {
        local_settings::set_last_backup(&state.db_name(), now);
        state.last_backup.set(Some(now));
    }
    saved
}
