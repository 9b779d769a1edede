//! The IndexedDB [`Store`] (wasm32 only).
//!
//! Layout, schema version 2 (values are JSON text, keys are text):
//! - `leads`: one record per lead, key = lead id;
//! - `activities`: one record per lead with activities, key = lead id,
//!   value = the lead's activity list;
//! - `settings`: one record, key `settings`: pipeline, calendar, policies,
//!   reps, targets.
//!
//! Version 1 had only `leads`. Upgrades follow the ladder in `upgrade`:
//! `if old < N { migrate_to_N }`; each rung only adds what its version added,
//! so a v1 database keeps its leads and gains the new stores.
//! Every method runs in one transaction over the stores it touches.

use super::{
    Change, StorageError, Store, decode_activities, decode_leads, decode_settings, encode,
    group_activities,
};
use crate::domain::lead::Lead;
use crate::domain::workspace::Workspace;
use async_trait::async_trait;
use idb::{Database, DatabaseEvent, Factory, ObjectStore, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;

const LEADS: &str = "leads";
const ACTIVITIES: &str = "activities";
const SETTINGS: &str = "settings";
const ALL: [&str; 3] = [LEADS, ACTIVITIES, SETTINGS];
/// The current schema version; raise it with a new rung in `upgrade`.
pub const SCHEMA_VERSION: u32 = 2;

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
                let ladder = if version >= 2 {
                    upgrade(&db, old)
                } else {
                    upgrade_v1_only(&db, old)
                };
                if let Err(e) = ladder {
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
fn lead_record(lead: &Lead) -> (JsValue, JsValue) {
    (
        JsValue::from_str(&lead.id().to_string()),
        JsValue::from_str(&encode(lead)),
    )
}

/// Commits `tx` and reports whether the browser really committed it.
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
fn upgrade_v1_only(db: &Database, old: u32) -> Result<(), idb::Error> {
    if old < 1 {
        db.create_object_store(LEADS, ObjectStoreParams::new())?;
    }
    Ok(())
}

#[async_trait(?Send)]
impl Store for IdbStore {
    async fn load(&self) -> Result<Workspace, StorageError> {
        let err = failed("load the workspace");
        let tx = self
            .db
            .transaction(&ALL, TransactionMode::ReadOnly)
            .map_err(&err)?;
        let leads = all_records(&tx.object_store(LEADS).map_err(&err)?, &err).await?;
        let activities = all_records(&tx.object_store(ACTIVITIES).map_err(&err)?, &err).await?;
        let settings = tx
            .object_store(SETTINGS)
            .map_err(&err)?
            .get(JsValue::from_str(SETTINGS))
            .map_err(&err)?
            .await
            .map_err(&err)?
            .and_then(|v| v.as_string());
        let leads = decode_leads(leads.iter().map(|(k, v)| (k.clone(), v.as_str())))?;
        let activities =
            decode_activities(activities.iter().map(|(k, v)| (k.clone(), v.as_str())))?;
        Ok(Workspace::from_parts(
            decode_settings(settings.as_deref())?,
            leads,
            activities,
        ))
    }

    async fn commit(&self, change: &Change) -> Result<(), StorageError> {
        let leads: Vec<(JsValue, JsValue)> = change.leads.iter().map(lead_record).collect();
        let deleted: Vec<JsValue> = change
            .deleted
            .iter()
            .map(|id| JsValue::from_str(&id.to_string()))
            .collect();
        let activities: Vec<(JsValue, Option<JsValue>)> = change
            .activities
            .iter()
            .map(|(id, list)| {
                (
                    JsValue::from_str(&id.to_string()),
                    (!list.is_empty()).then(|| JsValue::from_str(&encode(list))),
                )
            })
            .collect();
        let settings = change
            .settings
            .as_ref()
            .map(|s| JsValue::from_str(&encode(s)));
        let operation = "save the change";
        let err = failed(operation);
        let tx = self
            .db
            .transaction(&ALL, TransactionMode::ReadWrite)
            .map_err(&err)?;
        let (l, a, s) = (
            tx.object_store(LEADS).map_err(&err)?,
            tx.object_store(ACTIVITIES).map_err(&err)?,
            tx.object_store(SETTINGS).map_err(&err)?,
        );
        // The optimistic check reads inside the same transaction as the writes,
        // so no other tab can slip a write in between.
        for (id, base) in &change.expect {
            let stored = l
                .get(JsValue::from_str(&id.to_string()))
                .map_err(&err)?
                .await
                .map_err(&err)?;
            let current = stored
                .and_then(|v| v.as_string())
                .and_then(|json| serde_json::from_str::<Lead>(&json).ok())
                .map(|lead| lead.updated_at());
            if current != Some(*base) {
                let _ = tx.abort();
                return Err(StorageError::Conflict { lead: *id });
            }
        }
        let writes = || -> Result<(), idb::Error> {
            for (key, value) in &leads {
                l.put(value, Some(key))?;
            }
            for key in &deleted {
                l.delete(key.clone())?;
                a.delete(key.clone())?;
            }
            for (key, value) in &activities {
                match value {
                    Some(v) => a.put(v, Some(key)).map(drop)?,
                    None => a.delete(key.clone()).map(drop)?,
                }
            }
            if let Some(v) = &settings {
                s.put(v, Some(&JsValue::from_str(SETTINGS)))?;
            }
            Ok(())
        };
        if let Err(e) = writes() {
            let _ = tx.abort();
            return Err(err(e));
        }
        finish(tx, operation).await
    }

    async fn replace(&self, ws: &Workspace) -> Result<(), StorageError> {
        let leads: Vec<(JsValue, JsValue)> = ws.leads.iter().map(lead_record).collect();
        let activities: Vec<(JsValue, JsValue)> = group_activities(&ws.activities)
            .into_iter()
            .map(|(id, list)| {
                (
                    JsValue::from_str(&id.to_string()),
                    JsValue::from_str(&encode(&list)),
                )
            })
            .collect();
        let settings = JsValue::from_str(&encode(&ws.settings()));
        self.write("replace the workspace", &ALL, |tx| {
            let (l, a, s) = (
                tx.object_store(LEADS)?,
                tx.object_store(ACTIVITIES)?,
                tx.object_store(SETTINGS)?,
            );
            l.clear()?;
            a.clear()?;
            for (key, value) in &leads {
                l.put(value, Some(key))?;
            }
            for (key, value) in &activities {
                a.put(value, Some(key))?;
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
