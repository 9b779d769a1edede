//! The one place that reads the wall clock and makes random ids.

use crate::domain::lead::LeadId;
use chrono::{DateTime, Utc};

/// The current instant (the browser's clock on wasm).
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// A fresh random lead id.
pub fn new_lead_id() -> LeadId {
    LeadId::from_uuid(uuid::Uuid::new_v4())
}
