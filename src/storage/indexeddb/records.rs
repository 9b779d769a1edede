//! Records on IndexedDB: each value as `{ v, d }` (version, text or blob),
//! read in one snapshot, written only when the versions read are unchanged.

use super::*;

pub(super) fn key(k: &str) -> JsValue {
    JsValue::from_str(k)
}

pub(super) fn store(
    tx: &IdbTransaction,
    name: &str,
    operation: &'static str,
) -> Result<IdbObjectStore, StorageError> {
    tx.object_store(name).map_err(|e| from_js(operation, &e))
}

/// Every (key, value) of a store, inside a transaction.
pub(super) async fn all(
    os: &IdbObjectStore,
    operation: &'static str,
) -> Result<Vec<(String, JsValue)>, StorageError> {
    let keys = done(
        operation,
        &os.get_all_keys().map_err(|e| from_js(operation, &e))?,
    )
    .await?;
    let values = done(
        operation,
        &os.get_all().map_err(|e| from_js(operation, &e))?,
    )
    .await?;
    let keys: Array = keys.unchecked_into();
    let values: Array = values.unchecked_into();
    Ok(keys
        .iter()
        .map(|k| k.as_string().unwrap_or_default())
        .zip(values.iter())
        .collect())
}

/// A record value: `{ v, d }`, `d` a blob for large tables.
pub(super) fn record(table: Table, text: &str) -> Result<JsValue, StorageError> {
    let obj = Object::new();
    let data: JsValue = if table.large() {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        web_sys::Blob::new_with_str_sequence_and_options(
            &Array::of1(&JsValue::from_str(text)),
            &options,
        )
        .map_err(|e| StorageError::Failed {
            operation: "prepare the data",
            message: format!("{e:?}"),
        })?
        .into()
    } else {
        JsValue::from_str(text)
    };
    let _ = Reflect::set(&obj, &"v".into(), &JsValue::from_f64(new_version()));
    let _ = Reflect::set(&obj, &"d".into(), &data);
    Ok(obj.into())
}

/// The version of a stored value (0: absent, or a text of schema ≤ 3).
pub(super) fn version_of(value: Option<&JsValue>) -> u64 {
    value
        .filter(|v| v.is_object())
        .and_then(|v| Reflect::get(v, &"v".into()).ok())
        .and_then(|v| v.as_f64())
        .map_or(0, |v| v as u64)
}

/// The data of a stored value: a text of schema ≤ 3, or the record's `d`.
pub(super) fn data_of(value: &JsValue) -> JsValue {
    if value.is_object() {
        Reflect::get(value, &"d".into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        value.clone()
    }
}

/// The text of stored data (a blob is read from its file).
pub(super) async fn text_of(key: &str, data: JsValue) -> Result<String, StorageError> {
    if let Some(text) = data.as_string() {
        return Ok(text);
    }
    match data.dyn_into::<web_sys::Blob>() {
        Ok(blob) => JsFuture::from(blob.text())
            .await
            .map_err(|e| StorageError::ConnectionLost(format!("reading {key}: {e:?}")))?
            .as_string()
            .ok_or_else(|| StorageError::Corrupt {
                key: key.to_owned(),
                reason: "the record is not text".into(),
            }),
        Err(_) => Err(StorageError::Corrupt {
            key: key.to_owned(),
            reason: "the record is not text".into(),
        }),
    }
}

pub(super) fn stores_of(need: &Need) -> Vec<&'static str> {
    Table::store_names(
        need.keys
            .iter()
            .map(|(t, _)| *t)
            .chain(need.tables.iter().copied()),
    )
}

impl IdbStore {
    /// Records and whole tables in one transaction; the texts of whole
    /// tables go to `each` one at a time when it is given (see
    /// [`Records::read_each`]), else into the reads.
    async fn snapshot(
        &self,
        need: &Need,
        mut each: Option<&mut crate::storage::records::EachRecord<'_>>,
    ) -> Result<Reads, StorageError> {
        let operation = "read your data";
        let names = stores_of(need);
        let mut reads = Reads::default();
        if names.is_empty() {
            return Ok(reads);
        }
        let db = self.db().await?;
        let tx = self.transaction(&db, &names, IdbTransactionMode::Readonly, operation)?;
        // Everything is requested inside the transaction (one snapshot);
        // blob texts are read afterwards, from their files.
        let mut singles: Vec<((Table, String), JsValue)> = Vec::new();
        for (table, k) in &need.keys {
            let req = store(&tx, table.store_name(), operation)?
                .get(&key(k))
                .map_err(|e| from_js(operation, &e))?;
            let value = done(operation, &req).await.map_err(|e| self.noted(e))?;
            singles.push(((*table, k.clone()), value));
        }
        let mut wholes: Vec<(Table, Vec<(String, JsValue)>)> = Vec::new();
        for table in &need.tables {
            let os = store(&tx, table.store_name(), operation)?;
            wholes.push((
                *table,
                all(&os, operation).await.map_err(|e| self.noted(e))?,
            ));
        }
        for ((table, k), value) in singles {
            let present = !value.is_undefined() && !value.is_null();
            let version = if present { version_of(Some(&value)) } else { 0 };
            let text = if present {
                Some(text_of(&k, data_of(&value)).await?)
            } else {
                None
            };
            reads.insert_value((table, k), (text, version));
        }
        for (table, rows) in wholes {
            let mut out = Vec::with_capacity(rows.len());
            for (k, value) in rows {
                let version = version_of(Some(&value));
                let text = text_of(&k, data_of(&value)).await?;
                match each.as_mut() {
                    // Handed over and dropped: one record's text at a time.
                    Some(f) => f(table, &k, &text)?,
                    None => out.push((k, text, version)),
                }
            }
            if each.is_none() {
                reads.insert_table(table, out);
            }
        }
        Ok(reads)
    }
}

#[async_trait(?Send)]
impl Records for IdbStore {
    async fn read(&self, need: &Need) -> Result<Reads, StorageError> {
        self.snapshot(need, None).await
    }

    async fn read_each(
        &self,
        need: &Need,
        each: &mut dyn for<'k, 't> FnMut(Table, &'k str, &'t str) -> Result<(), StorageError>,
    ) -> Result<Reads, StorageError> {
        self.snapshot(need, Some(each)).await
    }

    async fn write(&self, read: &Reads, writes: Writes) -> Result<bool, StorageError> {
        let operation = "save the change";
        let names = Table::store_names(
            read.table_list()
                .chain(writes.records.iter().map(|((t, _), _)| *t))
                .chain(writes.clear.iter().copied()),
        );
        // No write starts without room for it (see `storage::space`).
        let bytes: usize = writes
            .records
            .iter()
            .filter(|((t, _), _)| t.large())
            .map(|(_, text)| text.as_ref().map_or(0, String::len))
            .sum();
        crate::storage::space::room_for(bytes).await?;
        // Values are prepared before the transaction opens; each text is
        // dropped once it is a value (a Blob for the large tables).
        let Writes { records, clear } = writes;
        let mut prepared: Vec<(Table, JsValue, Option<JsValue>)> =
            Vec::with_capacity(records.len());
        for ((table, k), text) in records {
            let value = text.as_deref().map(|t| record(table, t)).transpose()?;
            prepared.push((table, key(&k), value));
        }
        let db = self.db().await?;
        let tx = self.transaction(&db, &names, IdbTransactionMode::Readwrite, operation)?;
        let ended = settled(&tx);
        let moved = async {
            for ((table, k), (_, version)) in &read.values {
                let req = store(&tx, table.store_name(), operation)?
                    .get(&key(k))
                    .map_err(|e| from_js(operation, &e))?;
                let now = done(operation, &req).await?;
                let now = (!now.is_undefined()).then_some(now);
                if version_of(now.as_ref()) != *version {
                    return Ok::<bool, StorageError>(true);
                }
            }
            for (table, rows) in &read.tables {
                let os = store(&tx, table.store_name(), operation)?;
                let now: Vec<(String, u64)> = all(&os, operation)
                    .await?
                    .into_iter()
                    .map(|(k, v)| (k, version_of(Some(&v))))
                    .collect();
                let then: Vec<(String, u64)> =
                    rows.iter().map(|(k, _, v)| (k.clone(), *v)).collect();
                if now != then {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        .await;
        match moved {
            Ok(false) => {}
            Ok(true) => {
                let _ = tx.abort();
                let _ = ended.await;
                return Ok(false);
            }
            Err(e) => {
                let _ = tx.abort();
                let _ = ended.await;
                return Err(self.noted(e));
            }
        }
        let apply = || -> Result<(), JsValue> {
            for table in &clear {
                tx.object_store(table.store_name())?.clear()?;
            }
            for (table, k, value) in &prepared {
                let os = tx.object_store(table.store_name())?;
                match value {
                    Some(v) => drop(os.put_with_key(v, k)?),
                    None => drop(os.delete(k)?),
                }
            }
            Ok(())
        };
        if let Err(e) = apply() {
            let _ = tx.abort();
            let _ = ended.await;
            return Err(self.noted(from_js(operation, &e)));
        }
        self.finish(&tx, ended, operation).await.map(|()| true)
    }
}
