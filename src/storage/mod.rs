//! Persistence behind one trait, [`Store`]. Every operation is written once
//! (`ops`) over a small model of versioned records (`records`), which two
//! adapters provide: [`memory::MemoryStore`] (native tests) and
//! `indexeddb::IdbStore` (the browser, wasm32 only). Both keep the same
//! records as JSON text in the same chunked layout (`chunks`), and both pass
//! the suite in [`conformance`].

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

use crate::domain::activity::Activity;
use crate::domain::lead::{Lead, LeadId};
use crate::domain::workspace::{Settings, Workspace};
use crate::sync::ledger::{Link, LinkUpdate};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use records::Records;
use std::fmt;

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

/// One user action's writes, applied in one transaction: all or nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Change {
    /// Leads to insert or replace.
    pub leads: Vec<Lead>,
    /// Leads to remove (with their activities).
    pub deleted: Vec<LeadId>,
    /// A lead's complete activity list, replacing the stored one.
    pub activities: Vec<(LeadId, Vec<Activity>)>,
    /// New settings, when they changed.
    pub settings: Option<Settings>,
    /// Optimistic check: each lead must still be stored with this
    /// `updated_at` (the version the edit started from), or the whole change
    /// is refused with [`StorageError::Conflict`].
    pub expect: Vec<(LeadId, DateTime<Utc>)>,
    /// Optimistic check on the settings: the store must still hold these
    /// (the settings the new `settings` were made from), or the whole change
    /// is refused with [`StorageError::SettingsConflict`].
    pub expect_settings: Option<Settings>,
    /// When the change was made (stamps the settings' sync bookkeeping).
    pub now: Option<DateTime<Utc>>,
}

impl Change {
    /// The change that turns `old` into `new`: every lead added or changed
    /// (each guarded by the version `old` holds), every lead removed, the
    /// activity lists that differ, and the settings when they differ.
    pub fn between(old: &Workspace, new: &Workspace) -> Change {
        use std::collections::{BTreeMap, HashMap};
        let before: HashMap<LeadId, &Lead> = old.leads.iter().map(|l| (l.id(), l)).collect();
        let after: HashMap<LeadId, &Lead> = new.leads.iter().map(|l| (l.id(), l)).collect();
        let group = |ws: &Workspace| {
            let mut by: BTreeMap<LeadId, Vec<Activity>> = BTreeMap::new();
            for a in &ws.activities {
                by.entry(a.lead).or_default().push(a.clone());
            }
            by
        };
        let (acts_before, mut acts_after) = (group(old), group(new));
        let mut change = Change::default();
        for lead in &new.leads {
            match before.get(&lead.id()) {
                Some(b) if *b == lead => {}
                Some(b) => {
                    change.expect.push((lead.id(), b.updated_at()));
                    change.leads.push(lead.clone());
                }
                None => change.leads.push(lead.clone()),
            }
        }
        for lead in &old.leads {
            if !after.contains_key(&lead.id()) {
                change.expect.push((lead.id(), lead.updated_at()));
                change.deleted.push(lead.id());
            }
        }
        for lead in &new.leads {
            let then = acts_before.get(&lead.id());
            let now = acts_after.remove(&lead.id()).unwrap_or_default();
            if then.map_or(!now.is_empty(), |t| *t != now) {
                change.activities.push((lead.id(), now));
            }
        }
        if old.settings() != new.settings() {
            change.settings = Some(new.settings());
            change.expect_settings = Some(old.settings());
        }
        change
    }

    /// True when it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty()
            && self.deleted.is_empty()
            && self.activities.is_empty()
            && self.settings.is_none()
    }

    /// Saving one lead.
    pub fn lead(lead: Lead) -> Change {
        Change {
            leads: vec![lead],
            ..Change::default()
        }
    }

    /// Lead `gone` made part of lead `stays` (the same person, see
    /// `domain::lead::merge_pair`), both as read now: `stays` saved with
    /// every activity of both, `gone` deleted; refused if either changed.
    pub fn merge(
        stays: Lead,
        gone: Lead,
        activities: &[Activity],
        by: Option<&str>,
        now: DateTime<Utc>,
    ) -> Change {
        let expect = vec![
            (gone.id(), gone.updated_at()),
            (stays.id(), stays.updated_at()),
        ];
        let deleted = vec![gone.id()];
        let (lead, acts) = crate::domain::lead::merge_pair(stays, gone, activities, by, now);
        Change {
            activities: vec![(lead.id(), acts)],
            leads: vec![lead],
            deleted,
            expect,
            ..Change::default()
        }
    }

    /// Saving an edit of a lead that was read at version `base`.
    pub fn edit(lead: Lead, base: DateTime<Utc>) -> Change {
        Change {
            expect: vec![(lead.id(), base)],
            ..Change::lead(lead)
        }
    }
}

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
    /// Changes the link in place.
    async fn update_link(&self, update: &LinkUpdate) -> Result<(), StorageError>;
    /// How many documents wait to be pushed.
    async fn waiting(&self) -> Result<usize, StorageError>;
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

#[async_trait(?Send)]
impl<R: Records> Store for R {
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
    async fn update_link(&self, update: &LinkUpdate) -> Result<(), StorageError> {
        ops::update_link(self, update).await
    }
    async fn waiting(&self) -> Result<usize, StorageError> {
        ops::waiting(self).await
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
