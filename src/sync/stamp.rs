//! Stamps: when and by whom a field of a document was last written.
//!
//! A [`Stamp`] is an instant in milliseconds plus the writer ("user@device").
//! Stamps are totally ordered (instant, then writer), so "the later edit
//! wins" is deterministic on every device, ties included. A device never
//! writes a stamp older than one it has seen for the same document: local
//! edits are stamped with the lead's `updated_at`, which moves strictly
//! forward past every version it merged (`Lead::touch`), a hybrid logical
//! clock per document.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// One write: when (ms since the Unix epoch) and who ("user@device").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    /// Milliseconds since the Unix epoch.
    pub ms: i64,
    /// Who wrote it: the CouchDB user name, `@`, the device's replica id.
    pub who: String,
}

impl Stamp {
    /// A stamp.
    pub fn new(ms: i64, who: impl Into<String>) -> Stamp {
        Stamp {
            ms,
            who: who.into(),
        }
    }

    /// The person part of `who` (before `@`), for display.
    pub fn person(&self) -> &str {
        self.who.split('@').next().unwrap_or_default()
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}~{}", self.ms, self.who)
    }
}

impl std::str::FromStr for Stamp {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (ms, who) = s
            .split_once('~')
            .ok_or_else(|| format!("'{s}' is not a stamp"))?;
        let ms = ms.parse().map_err(|_| format!("'{s}' is not a stamp"))?;
        Ok(Stamp::new(ms, who))
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The stamp of every field of one document, by field name. A field without
/// a stamp was written when the document was created (see [`Stamps::of`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Stamps(pub BTreeMap<String, Stamp>);

impl Stamps {
    /// The stamp of `field`, or `created` when it was never written since.
    pub fn of<'a>(&'a self, field: &str, created: &'a Stamp) -> &'a Stamp {
        self.0.get(field).unwrap_or(created)
    }

    /// The latest stamp of all.
    pub fn latest(&self) -> Option<&Stamp> {
        self.0.values().max()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn stamps_order_by_time_then_writer_and_round_trip() {
        let a = Stamp::new(5, "lan@k3x9");
        let b = Stamp::new(5, "minh@p2q8");
        let c = Stamp::new(6, "an@zz");
        assert!(a < b && b < c);
        assert_eq!(a.person(), "lan");
        let text = serde_json::to_string(&b).unwrap();
        assert_eq!(text, "\"5~minh@p2q8\"");
        assert_eq!(serde_json::from_str::<Stamp>(&text).unwrap(), b);
        assert!(serde_json::from_str::<Stamp>("\"nope\"").is_err());
    }
}
