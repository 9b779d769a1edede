//! Fields this version of Leadpact does not know, kept verbatim.
//!
//! A backup written by a newer version, or edited by hand, may carry fields
//! this version does not understand. They are kept on the record they came
//! with and written back out unchanged, so nothing is lost by a round trip.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Unknown JSON fields of one record (flattened into it when serialised).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Extra(pub BTreeMap<String, serde_json::Value>);

impl Extra {
    /// True when nothing unknown was seen.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A part a page keeps here under `key` (the distribution rules, the
    /// rewards plan): none when absent or unreadable by this version.
    pub fn part<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        self.0
            .get(key)
            .and_then(|v| serde_json::from_value(v.clone()).ok())
    }

    /// Keeps `value` under `key`.
    pub fn set_part(&mut self, key: &str, value: &impl Serialize) {
        self.0.insert(
            key.to_owned(),
            serde_json::to_value(value).unwrap_or_default(),
        );
    }
}
