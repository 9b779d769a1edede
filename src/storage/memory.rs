//! An in-memory [`Store`]: the native test double and the conformance reference.

use super::{
    Change, StorageError, Store, check_settings, decode_activities, decode_leads, decode_settings,
    encode, group_activities,
};
use crate::domain::lead::{Lead, LeadId};
use crate::domain::workspace::Workspace;
use async_trait::async_trait;
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Debug, Default, Clone)]
struct Records {
    leads: BTreeMap<LeadId, String>,
    activities: BTreeMap<LeadId, String>,
    settings: Option<String>,
}

/// Keeps serialised records in maps; nothing survives the process.
#[derive(Debug, Default)]
pub struct MemoryStore {
    records: RefCell<Records>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

#[async_trait(?Send)]
impl Store for MemoryStore {
    async fn load(&self) -> Result<Workspace, StorageError> {
        let r = self.records.borrow();
        let leads = decode_leads(r.leads.iter().map(|(k, v)| (k.to_string(), v.as_str())))?;
        let activities = decode_activities(
            r.activities
                .iter()
                .map(|(k, v)| (k.to_string(), v.as_str())),
        )?;
        Ok(Workspace::from_parts(
            decode_settings(r.settings.as_deref())?,
            leads,
            activities,
        ))
    }

    async fn commit(&self, change: &Change) -> Result<(), StorageError> {
        // Build the new state aside and swap it in: all or nothing.
        let mut next = self.records.borrow().clone();
        check_settings(change, next.settings.as_deref())?;
        for (id, base) in &change.expect {
            let stored = next
                .leads
                .get(id)
                .and_then(|json| serde_json::from_str::<Lead>(json).ok());
            if stored.map(|l| l.updated_at()) != Some(*base) {
                return Err(StorageError::Conflict { lead: *id });
            }
        }
        for lead in &change.leads {
            next.leads.insert(lead.id(), encode(lead));
        }
        for id in &change.deleted {
            next.leads.remove(id);
            next.activities.remove(id);
        }
        for (id, list) in &change.activities {
            if list.is_empty() {
                next.activities.remove(id);
            } else {
                next.activities.insert(*id, encode(list));
            }
        }
        if let Some(settings) = &change.settings {
            next.settings = Some(encode(settings));
        }
        *self.records.borrow_mut() = next;
        Ok(())
    }

    async fn replace(&self, ws: &Workspace) -> Result<(), StorageError> {
        let records = Records {
            leads: ws.leads.iter().map(|l| (l.id(), encode(l))).collect(),
            activities: group_activities(&ws.activities)
                .into_iter()
                .map(|(id, list)| (id, encode(&list)))
                .collect(),
            settings: Some(encode(&ws.settings())),
        };
        *self.records.borrow_mut() = records;
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
