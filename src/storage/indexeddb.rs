//! The IndexedDB [`Store`] (wasm32 only).
//!
//! Layout, schema version 3 (values are JSON text, keys are text):
//! - `lead_chunks`: leads spread over 64 records by id (`storage::chunks`),
//!   key `chunk-NN`, value = a JSON array of leads;
//! - `activity_chunks`: the same 64 chunks for activities, grouped by lead;
//! - `settings`: one record, key `settings`: pipeline, calendar, policies,
//!   reps, targets.
//!
//! History: version 1 had only `leads` (one record per lead); version 2 added
//! `activities` (one record per lead) and `settings`; version 3 moved leads
//! and activities into chunks (measured: loading 10 000 leads read 20 000
//! records in ≈ 1.4 s; see BENCHMARKS.md). The ladder in `upgrade` creates the
//! stores of each version (`if old < N { … }`); records left in the stores of
//! versions 1–2 are moved into chunks by `migrate_records`, in one
//! transaction, right after opening. The old stores stay, empty.
//! Every method runs in one transaction over the stores it touches.

use super::chunks::{self, chunk_key};
use super::{
    Change, StorageError, Store, check_settings, decode_activities, decode_leads, decode_settings,
    encode,
};
use crate::domain::workspace::Workspace;
use async_trait::async_trait;
use idb::{Database, DatabaseEvent, Factory, ObjectStore, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;

const LEADS: &str = "leads";
const ACTIVITIES: &str = "activities";
const SETTINGS: &str = "settings";
const LEAD_CHUNKS: &str = "lead_chunks";
const ACTIVITY_CHUNKS: &str = "activity_chunks";
const CURRENT: [&str; 3] = [LEAD_CHUNKS, ACTIVITY_CHUNKS, SETTINGS];
const EVERY: [&str; 5] = [LEADS, ACTIVITIES, SETTINGS, LEAD_CHUNKS, ACTIVITY_CHUNKS];
/// The current schema version; raise it with a new rung in `upgrade`.
pub const SCHEMA_VERSION: u32 = 3;

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
    if old < 2 {
        db.create_object_store(ACTIVITIES, ObjectStoreParams::new())?;
        db.create_object_store(SETTINGS, ObjectStoreParams::new())?;
    }
    if old < 3 {
        db.create_object_store(LEAD_CHUNKS, ObjectStoreParams::new())?;
        db.create_object_store(ACTIVITY_CHUNKS, ObjectStoreParams::new())?;
    }
    Ok(())
}

/// The stores of schema `version` (for tests that build old databases).
fn upgrade_to(db: &Database, old: u32, version: u32) -> Result<(), idb::Error> {
    if old < 1 && version >= 1 {
        db.create_object_store(LEADS, ObjectStoreParams::new())?;
    }
    if old < 2 && version >= 2 {
        db.create_object_store(ACTIVITIES, ObjectStoreParams::new())?;
        db.create_object_store(SETTINGS, ObjectStoreParams::new())?;
    }
    if old < 3 && version >= 3 {
        db.create_object_store(LEAD_CHUNKS, ObjectStoreParams::new())?;
        db.create_object_store(ACTIVITY_CHUNKS, ObjectStoreParams::new())?;
    }
    Ok(())
}

/// Every (key, text value) pair of one store.
async fn all_records(
    store: &ObjectStore,
    err: &impl Fn(idb::Error) -> StorageError,
) -> Result<Vec<(String, String)>, StorageError> {
    let keys = store
        .get_all_keys(None, None)
        .map_err(err)?
        .await
        .map_err(err)?;
    let values = store.get_all(None, None).map_err(err)?.await.map_err(err)?;
    keys.iter()
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
        .collect()
}

impl IdbStore {
    /// Opens (creating or upgrading) the database `name`.
    pub async fn open(name: &str) -> Result<IdbStore, StorageError> {
        Self::open_version(name, SCHEMA_VERSION).await
    }

    /// Opens `name` at an explicit schema version (tests build old schemas with it).
    pub async fn open_version(name: &str, version: u32) -> Result<IdbStore, StorageError> {
        let unavailable = |e: idb::Error| StorageError::Unavailable(e.to_string());
        let factory = Factory::new().map_err(unavailable)?;
        let mut request = factory.open(name, Some(version)).map_err(unavailable)?;
        request.on_upgrade_needed(move |event| {
            // An error here aborts the version change; `open` then fails and
            // reports it, and the previous schema stays as it was.
            if let Ok(db) = event.database() {
                let old = event.old_version().unwrap_or(0);
                let ladder = if version >= SCHEMA_VERSION {
                    upgrade(&db, old)
                } else {
                    upgrade_to(&db, old, version)
                };
                if let Err(e) = ladder {
                    web_sys::console::error_1(&e.to_string().into());
                }
            }
        });
        let db = request.await.map_err(|e| {
            let message = e.to_string();
            if message.contains("VersionError") || message.contains("less than") {
                StorageError::NewerVersion
            } else {
                StorageError::Unavailable(message)
            }
        })?;
        let store = IdbStore { db };
        if version >= SCHEMA_VERSION {
            store.migrate_records().await?;
        }
        Ok(store)
    }

    /// Moves records left in the per-lead stores of schema 1–2 into chunks,
    /// in one transaction (nothing to do once they are empty).
    async fn migrate_records(&self) -> Result<(), StorageError> {
        let operation = "move your data to the new storage layout";
        let err = failed(operation);
        let tx = self
            .db
            .transaction(&EVERY, TransactionMode::ReadWrite)
            .map_err(&err)?;
        let old_leads = tx.object_store(LEADS).map_err(&err)?;
        let old_acts = tx.object_store(ACTIVITIES).map_err(&err)?;
        let leads = all_records(&old_leads, &err).await?;
        if leads.is_empty() {
            let _ = tx.abort();
            return Ok(());
        }
        let acts = all_records(&old_acts, &err).await?;
        let leads = decode_leads(leads.iter().map(|(k, v)| (k.clone(), v.as_str())))?;
        let activities = decode_activities(acts.iter().map(|(k, v)| (k.clone(), v.as_str())))?;
        let ws = Workspace {
            leads,
            activities,
            ..Workspace::default()
        };
        let (lc, ac) = (
            tx.object_store(LEAD_CHUNKS).map_err(&err)?,
            tx.object_store(ACTIVITY_CHUNKS).map_err(&err)?,
        );
        let writes = || -> Result<(), idb::Error> {
            for (c, leads, acts) in chunks::encode_workspace(&ws) {
                let key = JsValue::from_str(&chunk_key(c));
                lc.put(&JsValue::from_str(&leads), Some(&key))?;
                ac.put(&JsValue::from_str(&acts), Some(&key))?;
            }
            old_leads.clear()?;
            old_acts.clear()?;
            Ok(())
        };
        if let Err(e) = writes() {
            let _ = tx.abort();
            return Err(err(e));
        }
        finish(tx, operation).await
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

    /// Writes one raw record into any store (tests of the upgrade ladder
    /// build databases of old schemas with it).
    pub async fn put_raw(&self, store: &str, key: &str, json: &str) -> Result<(), StorageError> {
        let (key, json) = (JsValue::from_str(key), JsValue::from_str(json));
        let stores = [store];
        self.write("save a record", &stores, |tx| {
            tx.object_store(store)?.put(&json, Some(&key)).map(drop)
        })
        .await
    }

    /// Writes raw lead records as schema v1 did (tests of the upgrade ladder).
    pub async fn put_v1_lead(&self, id: &str, json: &str) -> Result<(), StorageError> {
        let (id, json) = (JsValue::from_str(id), JsValue::from_str(json));
        self.write("save the lead", &[LEADS], |tx| {
            tx.object_store(LEADS)?.put(&json, Some(&id)).map(drop)
        })
        .await
    }

    async fn write(
        &self,
        operation: &'static str,
        stores: &[&str],
        f: impl FnOnce(&idb::Transaction) -> Result<(), idb::Error>,
    ) -> Result<(), StorageError> {
        let err = failed(operation);
        let tx = self
            .db
            .transaction(stores, TransactionMode::ReadWrite)
            .map_err(&err)?;
        if let Err(e) = f(&tx) {
            let _ = tx.abort();
            return Err(err(e));
        }
        finish(tx, operation).await
    }
}

/// A lead as its `leads` record: (key, JSON text).
async fn finish(tx: idb::Transaction, operation: &'static str) -> Result<(), StorageError> {
    let err = failed(operation);
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

/// The ladder as it was when version 1 was current (for building v1 test databases).
#[async_trait(?Send)]
impl Store for IdbStore {
    async fn load(&self) -> Result<Workspace, StorageError> {
        let err = failed("load the workspace");
        let tx = self
            .db
            .transaction(&CURRENT, TransactionMode::ReadOnly)
            .map_err(&err)?;
        let lead_chunks = all_records(&tx.object_store(LEAD_CHUNKS).map_err(&err)?, &err).await?;
        let act_chunks =
            all_records(&tx.object_store(ACTIVITY_CHUNKS).map_err(&err)?, &err).await?;
        let settings = tx
            .object_store(SETTINGS)
            .map_err(&err)?
            .get(JsValue::from_str(SETTINGS))
            .map_err(&err)?
            .await
            .map_err(&err)?
            .and_then(|v| v.as_string());
        let mut leads = Vec::new();
        for (key, text) in &lead_chunks {
            leads.extend(chunks::decode_leads(key, text)?);
        }
        leads.sort_by_key(|l| (l.created_at(), l.id()));
        let mut activities = Vec::new();
        for (key, text) in &act_chunks {
            activities.extend(chunks::decode_activities(
                &format!("activities {key}"),
                text,
            )?);
        }
        Ok(Workspace::from_parts(
            decode_settings(settings.as_deref())?,
            leads,
            activities,
        ))
    }

    async fn commit(&self, change: &Change) -> Result<(), StorageError> {
        let settings = change
            .settings
            .as_ref()
            .map(|s| JsValue::from_str(&encode(s)));
        let operation = "save the change";
        let err = failed(operation);
        let tx = self
            .db
            .transaction(&CURRENT, TransactionMode::ReadWrite)
            .map_err(&err)?;
        let (lc, ac, s) = (
            tx.object_store(LEAD_CHUNKS).map_err(&err)?,
            tx.object_store(ACTIVITY_CHUNKS).map_err(&err)?,
            tx.object_store(SETTINGS).map_err(&err)?,
        );
        if change.expect_settings.is_some() {
            let stored = s
                .get(JsValue::from_str(SETTINGS))
                .map_err(&err)?
                .await
                .map_err(&err)?
                .and_then(|v| v.as_string());
            if let Err(e) = check_settings(change, stored.as_deref()) {
                let _ = tx.abort();
                return Err(e);
            }
        }
        // Read, check and rewrite each touched chunk inside the transaction
        // of the writes, so no other tab can slip a write in between.
        let mut writes: Vec<(JsValue, JsValue, Option<JsValue>)> = Vec::new();
        for c in chunks::touched(change) {
            let key = JsValue::from_str(&chunk_key(c));
            let stored = lc
                .get(key.clone())
                .map_err(&err)?
                .await
                .map_err(&err)?
                .and_then(|v| v.as_string());
            let leads = match chunks::apply_leads(c, stored.as_deref(), change) {
                Ok(text) => text,
                Err(e) => {
                    let _ = tx.abort();
                    return Err(e);
                }
            };
            let acts_change = change
                .activities
                .iter()
                .map(|(id, _)| id)
                .chain(&change.deleted)
                .any(|id| chunks::chunk_of(*id) == c);
            let acts = if !acts_change {
                None
            } else {
                let stored = ac
                    .get(key.clone())
                    .map_err(&err)?
                    .await
                    .map_err(&err)?
                    .and_then(|v| v.as_string());
                match chunks::apply_activities(c, stored.as_deref(), change) {
                    Ok(text) => Some(JsValue::from_str(&text)),
                    Err(e) => {
                        let _ = tx.abort();
                        return Err(e);
                    }
                }
            };
            writes.push((key, JsValue::from_str(&leads), acts));
        }
        let put_all = || -> Result<(), idb::Error> {
            for (key, leads, acts) in &writes {
                lc.put(leads, Some(key))?;
                if let Some(a) = acts {
                    ac.put(a, Some(key))?;
                }
            }
            if let Some(v) = &settings {
                s.put(v, Some(&JsValue::from_str(SETTINGS)))?;
            }
            Ok(())
        };
        if let Err(e) = put_all() {
            let _ = tx.abort();
            return Err(err(e));
        }
        finish(tx, operation).await
    }

    async fn replace(&self, ws: &Workspace) -> Result<(), StorageError> {
        let records: Vec<(JsValue, JsValue, JsValue)> = chunks::encode_workspace(ws)
            .into_iter()
            .map(|(c, leads, acts)| {
                (
                    JsValue::from_str(&chunk_key(c)),
                    JsValue::from_str(&leads),
                    JsValue::from_str(&acts),
                )
            })
            .collect();
        let settings = JsValue::from_str(&encode(&ws.settings()));
        self.write("replace the workspace", &CURRENT, |tx| {
            let (lc, ac, s) = (
                tx.object_store(LEAD_CHUNKS)?,
                tx.object_store(ACTIVITY_CHUNKS)?,
                tx.object_store(SETTINGS)?,
            );
            lc.clear()?;
            ac.clear()?;
            for (key, leads, acts) in &records {
                lc.put(leads, Some(key))?;
                ac.put(acts, Some(key))?;
            }
            s.put(&settings, Some(&JsValue::from_str(SETTINGS)))?;
            Ok(())
        })
        .await
    }
}

impl Drop for IdbStore {
    fn drop(&mut self) {
        self.db.close();
    }
}
