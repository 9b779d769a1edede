//! An in-memory [`Store`]: the native test double and the conformance reference.

use super::{StorageError, Store, decode_leads, encode_lead};
use crate::domain::lead::{Lead, LeadId};
use async_trait::async_trait;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Keeps serialised leads in a map; nothing survives the process.
#[derive(Debug, Default)]
pub struct MemoryStore {
    records: RefCell<BTreeMap<LeadId, String>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

#[async_trait(?Send)]
impl Store for MemoryStore {
    async fn load_leads(&self) -> Result<Vec<Lead>, StorageError> {
        let records = self.records.borrow();
        decode_leads(records.iter().map(|(k, v)| (k.to_string(), v.as_str())))
    }

    async fn put_lead(&self, lead: &Lead) -> Result<(), StorageError> {
        self.records
            .borrow_mut()
            .insert(lead.id(), encode_lead(lead));
        Ok(())
    }

    async fn delete_lead(&self, id: LeadId) -> Result<(), StorageError> {
        self.records.borrow_mut().remove(&id);
        Ok(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn memory_store_passes_the_conformance_suite() {
        pollster::block_on(super::super::conformance::run_all(|| async {
            super::MemoryStore::new()
        }));
    }
}
