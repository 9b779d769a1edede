//! The one error area's errors.

use crate::domain::lead::{LeadId, MoveError};
use crate::storage::StorageError;
use std::fmt;

use super::Health;

/// An error shown to the user in the app's one error area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppError {
    /// Reading or writing the store failed.
    Storage(StorageError),
    /// A stage move was refused.
    Move(MoveError),
    /// The lead no longer exists (deleted in another tab, or a stale link).
    LeadNotFound(LeadId),
    /// A file was refused (a backup, a CSV file); nothing changed. Written
    /// in both languages by the page that read it, so the words of every
    /// file error stay with that page's module (`crate::split`), not in
    /// the first load.
    Said {
        /// In English.
        en: String,
        /// In Vietnamese.
        vi: String,
    },
    /// Closing leads needs a reason.
    ReasonMissing,
    /// Writes wait: a previous write failed (see [`Health`]).
    WritesPaused(Health),
    /// A viewer of a shared workspace does not change it.
    ViewOnly,
    /// A part of the app fetched when first used (`crate::split`) could not
    /// be fetched; nothing changed.
    NotLoaded,
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Storage(e) => e.fmt(f),
            AppError::Move(e) => e.fmt(f),
            AppError::LeadNotFound(id) => write!(f, "lead {id} does not exist"),
            AppError::Said { en, .. } => f.write_str(en),
            AppError::ReasonMissing => {
                f.write_str("Write a reason before closing leads as junk or lost.")
            }
            AppError::WritesPaused(_) => {
                f.write_str("Changes are not saved until the storage problem above is dealt with.")
            }
            AppError::NotLoaded => f.write_str(
                "This part of Leadpact could not be loaded: the connection seems to be down. Nothing changed; check the connection and try again.",
            ),
            AppError::ViewOnly => f.write_str(
                "You can view this team workspace but not change it. Ask the workspace admin if you need to edit.",
            ),
        }
    }
}
