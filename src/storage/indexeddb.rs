//! The IndexedDB [`Store`] (wasm32 only).
//!
//! Layout (schema version 1): one object store `leads`, one record per lead,
//! out-of-line key = the lead id as text, value = the lead as a JSON string.
//! JSON strings keep one serde path for every adapter and for backups; the
//! record layout for very large workspaces is measured and chosen later.
//!
//! Upgrades follow a ladder in `upgrade`: `if old < N { migrate_to_N }`.

use super::{StorageError, Store, decode_leads, encode_lead};
use crate::domain::lead::{Lead, LeadId};
use async_trait::async_trait;
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;

const LEADS: &str = "leads";
/// The current schema version; raise it with a new rung in `upgrade`.
pub const SCHEMA_VERSION: u32 = 1;

/// A connection to one IndexedDB database.
pub struct IdbStore {
    db: Database,
}

fn failed(operation: &'static str) -> impl Fn(idb::Error) -> StorageError {
    move |e| {
        let message = e.to_string();
        if message.contains("QuotaExceeded") {
            StorageError::QuotaExceeded
        } else {
            StorageError::Failed { operation, message }
        }
    }
}

fn upgrade(db: &Database, old: u32) -> Result<(), idb::Error> {
    if old < 1 {
        db.create_object_store(LEADS, ObjectStoreParams::new())?;
    }
    Ok(())
}

impl IdbStore {
    /// Opens (creating or upgrading) the database `name`.
    pub async fn open(name: &str) -> Result<IdbStore, StorageError> {
        let unavailable = |e: idb::Error| StorageError::Unavailable(e.to_string());
        let factory = Factory::new().map_err(unavailable)?;
        let mut request = factory
            .open(name, Some(SCHEMA_VERSION))
            .map_err(unavailable)?;
        request.on_upgrade_needed(|event| {
            // An error here aborts the version change; `open` then fails and
            // reports it, and the previous schema stays as it was.
            if let Ok(db) = event.database() {
                let old = event.old_version().unwrap_or(0);
                if let Err(e) = upgrade(&db, old) {
                    web_sys::console::error_1(&e.to_string().into());
                }
            }
        });
        let db = request.await.map_err(unavailable)?;
        Ok(IdbStore { db })
    }

    /// Deletes a whole database (tests use a fresh one per case).
    pub async fn delete(name: &str) -> Result<(), StorageError> {
        let unavailable = |e: idb::Error| StorageError::Unavailable(e.to_string());
        Factory::new()
            .map_err(unavailable)?
            .delete(name)
            .map_err(unavailable)?
            .await
            .map_err(unavailable)
    }

    async fn write(
        &self,
        operation: &'static str,
        f: impl FnOnce(&idb::ObjectStore) -> Result<(), idb::Error>,
    ) -> Result<(), StorageError> {
        let err = failed(operation);
        let tx = self
            .db
            .transaction(&[LEADS], TransactionMode::ReadWrite)
            .map_err(&err)?;
        let store = tx.object_store(LEADS).map_err(&err)?;
        if let Err(e) = f(&store) {
            let _ = tx.abort();
            return Err(err(e));
        }
        let result = tx.commit().map_err(&err)?.await.map_err(&err)?;
        if result.is_committed() {
            Ok(())
        } else {
            Err(StorageError::Failed {
                operation,
                message: "the browser aborted the transaction".into(),
            })
        }
    }
}

#[async_trait(?Send)]
impl Store for IdbStore {
    async fn load_leads(&self) -> Result<Vec<Lead>, StorageError> {
        let err = failed("load leads");
        let tx = self
            .db
            .transaction(&[LEADS], TransactionMode::ReadOnly)
            .map_err(&err)?;
        let store = tx.object_store(LEADS).map_err(&err)?;
        let keys = store
            .get_all_keys(None, None)
            .map_err(&err)?
            .await
            .map_err(&err)?;
        let values = store
            .get_all(None, None)
            .map_err(&err)?
            .await
            .map_err(&err)?;
        let texts: Vec<(String, String)> = keys
            .iter()
            .zip(values.iter())
            .map(|(k, v)| {
                let key = k.as_string().unwrap_or_default();
                v.as_string()
                    .map(|json| (key.clone(), json))
                    .ok_or(StorageError::Corrupt {
                        key,
                        reason: "the record is not text".into(),
                    })
            })
            .collect::<Result<_, _>>()?;
        decode_leads(texts.iter().map(|(k, v)| (k.clone(), v.as_str())))
    }

    async fn put_lead(&self, lead: &Lead) -> Result<(), StorageError> {
        let json = JsValue::from_str(&encode_lead(lead));
        let key = JsValue::from_str(&lead.id().to_string());
        self.write("save the lead", |s| s.put(&json, Some(&key)).map(drop))
            .await
    }

    async fn delete_lead(&self, id: LeadId) -> Result<(), StorageError> {
        let key = JsValue::from_str(&id.to_string());
        self.write("delete the lead", |s| s.delete(key).map(drop))
            .await
    }
}

impl Drop for IdbStore {
    fn drop(&mut self) {
        self.db.close();
    }
}
