//! Downloading backups, and remembering when the last one was taken.

use super::clock;
use super::files;
use super::state::AppState;
use crate::io::backup::{export_json, file_name};
use crate::storage::local_settings;
use leptos::prelude::*;

/// Offers the workspace as shown as a backup file and records when.
/// Returns false when the browser refused the download.
pub fn download(state: AppState) -> bool {
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
