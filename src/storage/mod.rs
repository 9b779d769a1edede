//! Persistence behind one trait, [`Store`], with two adapters:
//! [`memory::MemoryStore`] (native tests, and a read-only fallback) and
//! `indexeddb::IdbStore` (the browser, wasm32 only).
//!
//! Both adapters keep the same records as JSON text: one per lead (keyed by
//! lead id), one activity list per lead, and one settings record; so the
//! memory adapter exercises the same serde path as IndexedDB. Both pass the
//! suite in [`conformance`].

pub mod chunks;
pub mod conformance;
#[cfg(target_arch = "wasm32")]
pub mod indexeddb;
pub mod local_settings;
pub mod memory;

use crate::domain::activity::Activity;
use crate::domain::lead::{Lead, LeadId};
use crate::domain::workspace::{Settings, Workspace};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::fmt;

/// Why a storage operation failed. Shown to the user in the app's one error area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refuses IndexedDB (private mode, disabled, or blocked by another tab).
    Unavailable(String),
    /// The database was written by a newer version of the app; it is left
    /// untouched and this (older) copy of the app stays read-only.
    NewerVersion,
    /// The browser's storage quota for this site is used up.
    QuotaExceeded,
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
    /// Any other failure of the underlying store, with the browser's message.
    Failed {
        /// What was being done ("save lead", "load leads"…).
        operation: &'static str,
        /// The browser's message.
        message: String,
    },
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
            StorageError::QuotaExceeded => f.write_str(
                "The browser's storage for this site is full. Nothing was changed; \
                 export a backup and free some space.",
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
            StorageError::Failed { operation, message } => {
                write!(f, "Could not {operation}: {message}. Nothing was changed.")
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
}

impl Change {
    /// Saving one lead.
    pub fn lead(lead: Lead) -> Change {
        Change {
            leads: vec![lead],
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

/// Where the workspace lives. Every method is one transaction.
#[async_trait(?Send)]
pub trait Store {
    /// The whole workspace: leads oldest first (by creation, then id),
    /// activities grouped by lead in the order they were stored; the default
    /// workspace's settings when none were stored yet.
    async fn load(&self) -> Result<Workspace, StorageError>;
    /// Applies one user action.
    async fn commit(&self, change: &Change) -> Result<(), StorageError>;
    /// Replaces everything (backup import, sample data, erase).
    async fn replace(&self, workspace: &Workspace) -> Result<(), StorageError>;
}

/// Decodes stored records, sorted as [`Store::load`] promises.
pub(crate) fn decode_leads<'a>(
    records: impl Iterator<Item = (String, &'a str)>,
) -> Result<Vec<Lead>, StorageError> {
    let mut leads = records
        .map(|(key, json)| {
            serde_json::from_str::<Lead>(json).map_err(|e| StorageError::Corrupt {
                key,
                reason: e.to_string(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    leads.sort_by_key(|l| (l.created_at(), l.id()));
    Ok(leads)
}

/// Decodes stored activity lists (one JSON array per lead) into one list.
pub(crate) fn decode_activities<'a>(
    records: impl Iterator<Item = (String, &'a str)>,
) -> Result<Vec<Activity>, StorageError> {
    let mut all = Vec::new();
    for (key, json) in records {
        let list: Vec<Activity> =
            serde_json::from_str(json).map_err(|e| StorageError::Corrupt {
                key: format!("activities of {key}"),
                reason: e.to_string(),
            })?;
        all.extend(list);
    }
    Ok(all)
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

/// Activities grouped per lead, as stored.
pub(crate) fn group_activities(
    activities: &[Activity],
) -> std::collections::BTreeMap<LeadId, Vec<&Activity>> {
    let mut by_lead: std::collections::BTreeMap<LeadId, Vec<&Activity>> =
        std::collections::BTreeMap::new();
    for a in activities {
        by_lead.entry(a.lead).or_default().push(a);
    }
    by_lead
}
