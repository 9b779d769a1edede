//! An in-memory store: the native test double and the conformance reference.

use super::StorageError;
use super::records::{Need, Reads, Records, Table, Writes};
use async_trait::async_trait;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// Keeps records in maps; nothing survives the process.
#[derive(Debug, Default)]
pub struct MemoryStore {
    records: RefCell<BTreeMap<(Table, String), (String, u64)>>,
    next_version: Cell<u64>,
    /// Tests: refuse every write from now on, as a full disk would.
    full: Cell<bool>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Tests: makes every later write fail with [`StorageError::OutOfSpace`]
    /// (or succeed again), leaving the records as they are.
    pub fn set_full(&self, full: bool) {
        self.full.set(full);
    }
}

#[async_trait(?Send)]
impl Records for MemoryStore {
    async fn read(&self, need: &Need) -> Result<Reads, StorageError> {
        let records = self.records.borrow();
        let mut reads = Reads::default();
        for key in &need.keys {
            let found = records.get(key);
            reads.insert_value(
                key.clone(),
                (found.map(|(t, _)| t.clone()), found.map_or(0, |(_, v)| *v)),
            );
        }
        for table in &need.tables {
            let rows = records
                .iter()
                .filter(|((t, _), _)| t == table)
                .map(|((_, k), (text, v))| (k.clone(), text.clone(), *v))
                .collect();
            reads.insert_table(*table, rows);
        }
        Ok(reads)
    }

    async fn write(&self, read: &Reads, writes: Writes) -> Result<bool, StorageError> {
        let mut records = self.records.borrow_mut();
        for (key, (_, version)) in &read.values {
            if records.get(key).map_or(0, |(_, v)| *v) != *version {
                return Ok(false);
            }
        }
        for (table, rows) in &read.tables {
            let now: Vec<(&String, u64)> = records
                .iter()
                .filter(|((t, _), _)| t == table)
                .map(|((_, k), (_, v))| (k, *v))
                .collect();
            let then: Vec<(&String, u64)> = rows.iter().map(|(k, _, v)| (k, *v)).collect();
            if now != then {
                return Ok(false);
            }
        }
        if self.full.get() {
            return Err(StorageError::OutOfSpace);
        }
        for table in &writes.clear {
            records.retain(|(t, _), _| t != table);
        }
        for (key, text) in writes.records {
            match text {
                Some(text) => {
                    let v = self.next_version.get() + 1;
                    self.next_version.set(v);
                    records.insert(key, (text, v));
                }
                None => {
                    records.remove(&key);
                }
            }
        }
        Ok(true)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::MemoryStore;
    use crate::domain::sample::generate;
    use crate::storage::{Change, StorageError, Store};

    #[test]
    fn the_sync_engine_finds_its_operations_on_the_store_the_app_holds() {
        pollster::block_on(async {
            let store: std::rc::Rc<dyn Store> = std::rc::Rc::new(MemoryStore::new());
            let sync = crate::storage::syncing(store).expect("a memory store syncs");
            assert_eq!(sync.outgoing(10).await.unwrap().docs.len(), 0);
        });
    }

    #[test]
    fn a_write_refused_for_lack_of_space_changes_nothing() {
        pollster::block_on(async {
            let store = MemoryStore::new();
            let now =
                chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 6, 1, 3, 0, 0).unwrap();
            let ws = generate(2, 50, 3, now);
            store.replace(&ws).await.unwrap();
            store.set_full(true);
            let mut lead = ws.leads[0].clone();
            lead.set_campaign("late", now);
            for result in [
                store
                    .commit(&Change::edit(lead, ws.leads[0].updated_at()))
                    .await,
                store.replace(&generate(3, 10, 2, now)).await,
            ] {
                assert_eq!(result, Err(StorageError::OutOfSpace));
            }
            assert_eq!(store.load().await.unwrap(), ws, "everything as it was");
        });
    }

    #[test]
    fn memory_store_passes_the_conformance_suite() {
        pollster::block_on(super::super::conformance::run_all(|| async {
            super::MemoryStore::new()
        }));
    }
}
