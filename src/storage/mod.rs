//! Persistence behind one trait, [`Store`] (and the sync engine's
//! [`SyncStore`]). Every operation is written once
//! (`ops`) over a small model of versioned records (`records`), which two
//! adapters provide: [`memory::MemoryStore`] (native tests) and
//! `indexeddb::IdbStore` (the browser, wasm32 only). Both keep the same
//! records as JSON text in the same chunked layout (`chunks`), and both pass
//! the suite in [`conformance`].

mod change;
pub mod chunks;
pub mod conformance;
#[cfg(target_arch = "wasm32")]
pub mod indexeddb;
pub mod local_settings;
pub mod memory;
pub mod ops;
pub mod records;
#[cfg(target_arch = "wasm32")]
pub mod space;

use crate::domain::lead::LeadId;
use crate::domain::workspace::{Settings, Workspace};
use crate::sync::ledger::{Link, LinkUpdate};
use async_trait::async_trait;
pub use change::Change;
use records::Records;
use std::any::Any;
use std::fmt;
use std::rc::Rc;

/// Why a storage operation failed. Shown to the user in the app's one error
/// area, in their language (`ui::components::error_banner`). None of these
/// texts claims that nothing changed unless the store checked it before
/// writing (conflicts, a newer database): after a failed write the app reads
/// the store back and says what is still stored (`app::health`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refuses IndexedDB (private mode, disabled, or blocked by another tab).
    Unavailable(String),
    /// The database was written by a newer version of the app; it is left
    /// untouched and this (older) copy of the app stays read-only.
    NewerVersion,
    /// The device (or the browser's share of it) has no room for this write;
    /// the browser refused it whole before writing.
    OutOfSpace,
    /// The device is full: the store is not opened (the browser could lose
    /// it), until there is room again.
    FullAtOpen,
    /// The browser closed the connection to the store during a write (it
    /// does so after a disk error, and may have dropped stored data).
    ConnectionLost(String),
    /// A stored record cannot be read back; the record is left untouched.
    Corrupt {
        /// Key of the record.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The lead was changed elsewhere (another tab) since this copy was read;
    /// nothing was written.
    Conflict {
        /// The lead.
        lead: LeadId,
    },
    /// The settings were changed elsewhere (another tab) since this copy was
    /// read; nothing was written.
    SettingsConflict,
    /// The workspace is shared with a team: it is not replaced from one browser.
    Shared,
    /// The team's workspace is still downloading: nothing local is edited
    /// until it is complete.
    Downloading,
    /// Any other failure of the underlying store, with the browser's message.
    Failed {
        /// What was being done ("save lead", "load leads"…).
        operation: &'static str,
        /// The browser's message.
        message: String,
    },
}

impl StorageError {
    /// A failed write after which what is stored must be checked (the
    /// browser may have written part of it, or dropped data).
    pub fn needs_check(&self) -> bool {
        matches!(
            self,
            StorageError::OutOfSpace
                | StorageError::ConnectionLost(_)
                | StorageError::Failed { .. }
        )
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(
                f,
                "This browser does not let Leadpact store data ({why}). Your data is not saved; \
                 leave private mode or allow site storage, then reload."
            ),
            StorageError::NewerVersion => f.write_str(
                "This browser holds data saved by a newer version of Leadpact. Nothing was changed; \
                 reload the page to get the newer version.",
            ),
            StorageError::OutOfSpace => f.write_str(
                "Your device is out of space: the browser refused to save the last change.",
            ),
            StorageError::FullAtOpen => f.write_str(
                "Your device is out of space. Leadpact does not open its storage on a full device, \
                 where the browser could lose it: free some space (photos, videos, other apps), then reload.",
            ),
            StorageError::ConnectionLost(why) => write!(
                f,
                "The browser closed Leadpact's storage while saving ({why})."
            ),
            StorageError::Corrupt { key, reason } => {
                write!(
                    f,
                    "Stored record {key} cannot be read ({reason}); it was left as it is."
                )
            }
            StorageError::Conflict { .. } => f.write_str(
                "This lead was changed in another tab. Nothing was overwritten; the view now shows the latest version — please make your change again.",
            ),
            StorageError::SettingsConflict => f.write_str(
                "The settings were changed in another tab. Nothing was overwritten; the view now shows the latest settings — please make your change again.",
            ),
            StorageError::Shared => f.write_str(
                "This workspace is shared with your team: it cannot be replaced or erased from one browser. Disconnect it from the team first (Settings → Team sync).",
            ),
            StorageError::Downloading => f.write_str(
                "Your team's workspace is still downloading; edits wait until it is complete.",
            ),
            StorageError::Failed { operation, message } => {
                write!(f, "Could not {operation}: {message}.")
            }
        }
    }
}

impl std::error::Error for StorageError {}

/// Where the workspace lives. Every method is one transaction (see
/// `storage::ops`); any [`Records`] adapter is a store.
#[async_trait(?Send)]
pub trait Store {
    /// The whole workspace: leads oldest first (by creation, then id),
    /// activities grouped by lead in the order they were stored; the default
    /// workspace's settings when none were stored yet.
    async fn load(&self) -> Result<Workspace, StorageError>;
    /// Applies one user action (and, when linked to a team, its outbox entries).
    async fn commit(&self, change: &Change) -> Result<(), StorageError>;
    /// Replaces everything (backup import, sample data, erase); refused for a
    /// workspace shared with a team.
    async fn replace(&self, workspace: &Workspace) -> Result<(), StorageError>;
    /// The link to a team database, if any.
    async fn link(&self) -> Result<Option<Link>, StorageError>;
    /// Links or (None) unlinks the workspace.
    async fn set_link(&self, link: Option<&Link>) -> Result<(), StorageError>;
    /// How many documents wait to be pushed.
    async fn waiting(&self) -> Result<usize, StorageError>;
    /// The store itself, for [`syncing`].
    fn into_any(self: Rc<Self>) -> Rc<dyn Any>;
}

/// The sync engine's operations on a store, each one transaction too.
/// Apart from [`Store`] so that the engine's code leaves the first load
/// with the engine (`crate::split`): a `dyn Store` keeps every method of
/// its trait in the main module, and a `dyn SyncStore` is only made by
/// [`syncing`], which only the engine calls.
#[async_trait(?Send)]
pub trait SyncStore: Store {
    /// Changes the link in place.
    async fn update_link(&self, update: &LinkUpdate) -> Result<(), StorageError>;
    /// Documents to push next.
    async fn outgoing(&self, limit: usize) -> Result<ops::Outgoing, StorageError>;
    /// What the server accepted.
    async fn pushed(&self, acks: &[ops::Ack], upload: Option<u8>) -> Result<(), StorageError>;
    /// Applies documents from the server (and the feed's checkpoint).
    async fn pulled(
        &self,
        docs: &[serde_json::Value],
        checkpoint: Option<&str>,
    ) -> Result<ops::PullReport, StorageError>;
    /// Which of the feed's changes (id, revision, deleted) this store does
    /// not hold: ids to fetch, deletions to apply.
    async fn unknown(
        &self,
        changes: &[(String, String, bool)],
    ) -> Result<(Vec<String>, Vec<serde_json::Value>), StorageError>;
    /// Stages a batch of the first download.
    async fn stage(
        &self,
        docs: &[serde_json::Value],
        checkpoint: &str,
        total: u64,
    ) -> Result<(), StorageError>;
    /// Makes the staged download the workspace.
    async fn adopt_staged(&self) -> Result<ops::PullReport, StorageError>;
}

/// The sync engine's view of `store`: every [`Records`] adapter the app
/// opens (IndexedDB; in memory for tests) is one.
pub fn syncing(store: Rc<dyn Store>) -> Option<Rc<dyn SyncStore>> {
    let any = store.into_any();
    #[cfg(target_arch = "wasm32")]
    let any = match any.downcast::<indexeddb::IdbStore>() {
        Ok(idb) => return Some(idb),
        Err(other) => other,
    };
    match any.downcast::<memory::MemoryStore>() {
        Ok(mem) => Some(mem),
        Err(_) => None,
    }
}

#[async_trait(?Send)]
impl<R: Records + 'static> Store for R {
    async fn load(&self) -> Result<Workspace, StorageError> {
        ops::load(self).await
    }
    async fn commit(&self, change: &Change) -> Result<(), StorageError> {
        ops::commit(self, change).await
    }
    async fn replace(&self, workspace: &Workspace) -> Result<(), StorageError> {
        ops::replace(self, workspace).await
    }
    async fn link(&self) -> Result<Option<Link>, StorageError> {
        ops::link(self).await
    }
    async fn set_link(&self, link: Option<&Link>) -> Result<(), StorageError> {
        ops::set_link(self, link).await
    }
    async fn waiting(&self) -> Result<usize, StorageError> {
        ops::waiting(self).await
    }
    fn into_any(self: Rc<Self>) -> Rc<dyn Any> {
        self
    }
}

#[async_trait(?Send)]
impl<R: Records + 'static> SyncStore for R {
    async fn update_link(&self, update: &LinkUpdate) -> Result<(), StorageError> {
        ops::update_link(self, update).await
    }
    async fn outgoing(&self, limit: usize) -> Result<ops::Outgoing, StorageError> {
        ops::outgoing(self, limit).await
    }
    async fn pushed(&self, acks: &[ops::Ack], upload: Option<u8>) -> Result<(), StorageError> {
        ops::pushed(self, acks, upload).await
    }
    async fn pulled(
        &self,
        docs: &[serde_json::Value],
        checkpoint: Option<&str>,
    ) -> Result<ops::PullReport, StorageError> {
        ops::pulled(self, docs, checkpoint).await
    }
    async fn unknown(
        &self,
        changes: &[(String, String, bool)],
    ) -> Result<(Vec<String>, Vec<serde_json::Value>), StorageError> {
        ops::unknown(self, changes).await
    }
    async fn stage(
        &self,
        docs: &[serde_json::Value],
        checkpoint: &str,
        total: u64,
    ) -> Result<(), StorageError> {
        ops::stage(self, docs, checkpoint, total).await
    }
    async fn adopt_staged(&self) -> Result<ops::PullReport, StorageError> {
        ops::adopt_staged(self).await
    }
}

/// Refuses a change whose settings were made from other settings than the
/// stored ones (`stored`: the settings record as text, if any).
pub(crate) fn check_settings(change: &Change, stored: Option<&str>) -> Result<(), StorageError> {
    match &change.expect_settings {
        Some(base) if decode_settings(stored)? != *base => Err(StorageError::SettingsConflict),
        _ => Ok(()),
    }
}

/// Decodes the settings record, or the defaults when there is none.
pub(crate) fn decode_settings(json: Option<&str>) -> Result<Settings, StorageError> {
    match json {
        None => Ok(Workspace::default().settings()),
        Some(json) => serde_json::from_str(json).map_err(|e| StorageError::Corrupt {
            key: "settings".into(),
            reason: e.to_string(),
        }),
    }
}

/// Encodes one lead as its stored record.
pub(crate) fn encode<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("domain values always serialise")
}
