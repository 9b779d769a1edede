//! Persistence behind one trait, [`Store`], with two adapters:
//! [`memory::MemoryStore`] (native tests, and a read-only fallback) and
//! `indexeddb::IdbStore` (the browser, wasm32 only).
//!
//! Both adapters keep leads as serialised JSON records keyed by lead id, so the
//! memory adapter exercises the same serde path as IndexedDB. Both pass the
//! suite in [`conformance`].

pub mod conformance;
#[cfg(target_arch = "wasm32")]
pub mod indexeddb;
pub mod local_settings;
pub mod memory;

use crate::domain::lead::{Lead, LeadId};
use async_trait::async_trait;
use std::fmt;

/// Why a storage operation failed. Shown to the user in the app's one error area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refuses IndexedDB (private mode, disabled, or blocked by another tab).
    Unavailable(String),
    /// The browser's storage quota for this site is used up.
    QuotaExceeded,
    /// A stored record cannot be read back; the record is left untouched.
    Corrupt {
        /// Key of the record.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
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
            StorageError::Failed { operation, message } => {
                write!(f, "Could not {operation}: {message}. Nothing was changed.")
            }
        }
    }
}

impl std::error::Error for StorageError {}

/// Where leads live. Every method is one transaction: it happens entirely or not at all.
#[async_trait(?Send)]
pub trait Store {
    /// Every stored lead, oldest first (by creation time, then id).
    async fn load_leads(&self) -> Result<Vec<Lead>, StorageError>;
    /// Inserts or replaces one lead.
    async fn put_lead(&self, lead: &Lead) -> Result<(), StorageError>;
    /// Removes one lead; removing an absent lead is not an error.
    async fn delete_lead(&self, id: LeadId) -> Result<(), StorageError>;
}

/// Decodes stored records, sorted as [`Store::load_leads`] promises.
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

/// Encodes one lead as its stored record.
pub(crate) fn encode_lead(lead: &Lead) -> String {
    serde_json::to_string(lead).expect("a lead always serialises")
}
