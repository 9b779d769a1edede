//! Sales and marketing reps: who owns leads and how many they can carry.

use super::extra::Extra;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A rep's stable id (a short slug or a UUID string).
/// Stored inline up to 24 bytes (no allocation, no pointer to follow):
/// the reports compare ids for every lead.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RepId(CompactString);

impl RepId {
    /// Wraps an id.
    pub fn new(id: impl Into<String>) -> Self {
        RepId(CompactString::from(id.into()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RepId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An id made from a name (folded, `a-z0-9` and `-`), not one of `taken`:
/// `Trần Lan` → `tran-lan`, then `tran-lan2`…
pub fn slug_id(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let s: String = crate::domain::search::fold(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let s = s.trim_matches('-');
    let mut id = if s.is_empty() {
        "x".to_owned()
    } else {
        s.to_owned()
    };
    while taken(&id) {
        id.push('2');
    }
    id
}

impl Rep {
    /// A new Sales rep for each of `names` (owners named in an import),
    /// with ids that none of `reps` has.
    pub fn for_owners(names: &[String], reps: &[Rep]) -> Vec<Rep> {
        let mut out: Vec<Rep> = Vec::new();
        for name in names {
            let id = slug_id(name, |id| {
                reps.iter().chain(out.iter()).any(|r| r.id.as_str() == id)
            });
            out.push(Rep::new(id, name.trim(), Membership::Sales, 50));
        }
        out
    }

    /// An active rep not linked to a team user.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        team: Membership,
        capacity: u32,
    ) -> Rep {
        Rep {
            id: RepId::new(id),
            name: name.into(),
            team,
            capacity,
            active: true,
            user: None,
            extra: Extra::default(),
        }
    }
}

/// Which side(s) of the SLA a rep works on; a solo founder is both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    /// Works Marketing's stages.
    Marketing,
    /// Works Sales' stages.
    Sales,
    /// Both teams.
    Both,
}

impl Membership {
    /// True when the rep works on Sales' side.
    pub fn in_sales(self) -> bool {
        matches!(self, Membership::Sales | Membership::Both)
    }

    /// True when the rep works on Marketing's side.
    pub fn in_marketing(self) -> bool {
        matches!(self, Membership::Marketing | Membership::Both)
    }
}

/// A person who owns leads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rep {
    /// Identity.
    pub id: RepId,
    /// Display name.
    pub name: String,
    /// Team membership.
    pub team: Membership,
    /// The most open leads this rep should own at once.
    pub capacity: u32,
    /// Inactive reps keep their history but get no new leads.
    pub active: bool,
    /// The team-sync user (a CouchDB user name) who works as this rep: their
    /// calls and stage moves are this rep's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Fields this version does not know, kept verbatim.
    #[serde(flatten, default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}
