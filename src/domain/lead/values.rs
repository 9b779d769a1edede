//! A lead's small values: its id, its priority and its satisfaction score.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// A lead's identity: a random UUID, stable across export and import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LeadId(Uuid);

impl LeadId {
    /// Wraps an existing UUID (the app layer makes random ones).
    pub fn from_uuid(id: Uuid) -> Self {
        LeadId(id)
    }

    /// The UUID.
    pub fn uuid(&self) -> Uuid {
        self.0
    }
}

impl fmt::Display for LeadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for LeadId {
    type Err = uuid::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(LeadId)
    }
}

/// How urgently a lead should be handled; SLA policies may differ per priority.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Can wait.
    Low,
    /// The default.
    #[default]
    Normal,
    /// Ahead of normal leads.
    High,
    /// Drop everything.
    Urgent,
}

impl Priority {
    /// Every priority, lowest first.
    pub const ALL: [Priority; 4] = [
        Priority::Low,
        Priority::Normal,
        Priority::High,
        Priority::Urgent,
    ];
}

/// Customer satisfaction, 1 (bad) to 5 (great).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Csat(u8);

impl Csat {
    /// The score.
    pub fn score(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Csat {
    type Error = String;

    fn try_from(v: u8) -> Result<Self, Self::Error> {
        (1..=5)
            .contains(&v)
            .then_some(Csat(v))
            .ok_or_else(|| format!("CSAT is a score from 1 to 5, not {v}"))
    }
}

impl From<Csat> for u8 {
    fn from(c: Csat) -> u8 {
        c.0
    }
}
