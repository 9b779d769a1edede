//! Older schemas' records brought to the current form (`IdbStore::migrate`,
//! run when opening finds some — `has_legacy` — from a module of its own:
//! the split point `migrate_records`), and the schema-1 writer the tests
//! that check it use.

use super::*;

impl IdbStore {
    /// The records of older schemas, in their current form: leads and
    /// activities of schemas 1–2 as chunks, and the JSON texts of schema 3.
    async fn legacy(
        tx: &IdbTransaction,
        operation: &'static str,
    ) -> Result<Vec<(Table, String, String)>, StorageError> {
        let v1 = all(&store(tx, LEADS_V1, operation)?, operation).await?;
        let v2 = all(&store(tx, ACTIVITIES_V2, operation)?, operation).await?;
        let text = |v: &JsValue, k: &str| {
            v.as_string().ok_or_else(|| StorageError::Corrupt {
                key: k.to_owned(),
                reason: "the record is not text".into(),
            })
        };
        let mut puts: Vec<(Table, String, String)> = Vec::new();
        if !v1.is_empty() {
            let mut leads = Vec::new();
            for (k, v) in &v1 {
                leads.push(serde_json::from_str(&text(v, k)?).map_err(|e| {
                    StorageError::Corrupt {
                        key: k.clone(),
                        reason: e.to_string(),
                    }
                })?);
            }
            let mut activities = Vec::new();
            for (k, v) in &v2 {
                let list: Vec<crate::domain::activity::Activity> =
                    serde_json::from_str(&text(v, k)?).map_err(|e| StorageError::Corrupt {
                        key: format!("activities of {k}"),
                        reason: e.to_string(),
                    })?;
                activities.extend(list);
            }
            let ws = Workspace {
                leads,
                activities,
                ..Workspace::default()
            };
            for (c, leads, acts) in chunks::encode_workspace(&ws) {
                puts.push((Table::Leads, chunk_key(c), leads));
                puts.push((Table::Activities, chunk_key(c), acts));
            }
        }
        for table in [Table::Leads, Table::Activities, Table::Settings] {
            for (k, v) in all(&store(tx, table.store_name(), operation)?, operation).await? {
                if let Some(text) = v.as_string() {
                    puts.push((table, k, text));
                }
            }
        }
        Ok(puts)
    }

    /// Moves records of older schemas into the current form, in one
    /// transaction (nothing to do once done). Without room on the device
    /// the old records stay as they are: they read the same.
    pub(super) async fn migrate(&self) -> Result<(), StorageError> {
        let operation = "move your data to the new storage layout";
        let db = self.db().await?;
        let names = [
            LEADS_V1,
            ACTIVITIES_V2,
            Table::Leads.store_name(),
            Table::Activities.store_name(),
            Table::Settings.store_name(),
        ];
        let look = self.transaction(&db, &names, IdbTransactionMode::Readonly, operation)?;
        let puts = Self::legacy(&look, operation).await?;
        if puts.is_empty() {
            return Ok(());
        }
        let bytes = puts.iter().map(|(_, _, t)| t.len()).sum();
        if crate::storage::space::room_for(bytes).await.is_err() {
            return Ok(());
        }
        let tx = self.transaction(&db, &names, IdbTransactionMode::Readwrite, operation)?;
        let ended = settled(&tx);
        let puts = match Self::legacy(&tx, operation).await {
            Ok(p) => p,
            Err(e) => {
                let _ = tx.abort();
                let _ = ended.await;
                return Err(e);
            }
        };
        let write = || -> Result<(), StorageError> {
            let js = |e: JsValue| from_js(operation, &e);
            for (table, k, text) in &puts {
                store(&tx, table.store_name(), operation)?
                    .put_with_key(&record(*table, text)?, &key(k))
                    .map_err(js)?;
            }
            store(&tx, LEADS_V1, operation)?.clear().map_err(js)?;
            store(&tx, ACTIVITIES_V2, operation)?.clear().map_err(js)?;
            Ok(())
        };
        if let Err(e) = write() {
            let _ = tx.abort();
            let _ = ended.await;
            return Err(e);
        }
        self.finish(&tx, ended, operation).await
    }

    /// Writes raw lead records as schema 1 did (tests of the upgrade ladder).
    pub async fn put_v1_lead(&self, id: &str, json: &str) -> Result<(), StorageError> {
        self.put_raw(LEADS_V1, id, json).await
    }
}
