//! The owners a file names, and which of them are people.
//!
//! Rules:
//! - An owner value that is an id of the other system is not a name
//!   ([`owner_id`]): all digits (HubSpot's, Pipedrive's and Zoho's user ids),
//!   a Salesforce id (one word of 15 or 18 ASCII letters and digits with at
//!   least one digit: `005Hp00000AbCdE`, `005Hp00000AbCdEIAV`; a person's
//!   name has no digits), or a UUID. Such a value maps to nobody unless the
//!   person picks a rep for it, and a rep is never made from it.
//! - A name maps to the rep of the same name (ignoring case, accents and
//!   spacing, [`rep_named`]); the names with no rep are the ones the wizard
//!   offers to add as reps ([`new_rep_names`]).
//! - Of two owner columns in one row (`Contact owner` and `HubSpot owner
//!   ID`), a name wins over an id whatever their order; otherwise the first
//!   non-empty one.

use super::ImportPreview;
use crate::domain::rep::{Rep, RepId};
use serde::Serialize;

/// What kind of id an owner value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum OwnerId {
    /// A Salesforce record id (15 characters, or 18 with its checksum).
    Salesforce,
    /// Digits only (HubSpot, Pipedrive, Zoho user ids).
    Number,
    /// A UUID.
    Uuid,
}

/// The kind of id `value` is, or None when it can be a person's name.
pub fn owner_id(value: &str) -> Option<OwnerId> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return Some(OwnerId::Number);
    }
    if matches!(v.len(), 15 | 18)
        && v.bytes().all(|b| b.is_ascii_alphanumeric())
        && v.bytes().any(|b| b.is_ascii_digit())
    {
        return Some(OwnerId::Salesforce);
    }
    let groups: Vec<&str> = v.split('-').collect();
    let uuid = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()));
    uuid.then_some(OwnerId::Uuid)
}

pub use crate::domain::rep::rep_named;

/// One owner value of the file, as the wizard asks about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OwnerValue {
    /// As written.
    pub value: String,
    /// How many rows that can be imported name it.
    pub rows: usize,
    /// The rep it maps to (the person may change it); None is nobody, or a
    /// new rep when it is a name and the person adds the new names.
    pub rep: Option<RepId>,
    /// Set when the value is an id of the other system, not a name.
    pub id: Option<OwnerId>,
}

impl ImportPreview {
    /// The owners the rows that can be imported name, in order of first
    /// appearance (as [`ImportPreview::values`]), each with its default: a
    /// name maps to the rep of that name, if any; an id maps to nobody.
    pub fn owners(&self, reps: &[Rep]) -> Vec<OwnerValue> {
        self.values(|c| c.owner.as_ref())
            .into_iter()
            .map(|(value, rows)| {
                let id = owner_id(&value);
                let rep = match id {
                    Some(_) => None,
                    None => rep_named(&value, reps).map(|r| r.id.clone()),
                };
                OwnerValue {
                    value,
                    rows,
                    rep,
                    id,
                }
            })
            .collect()
    }
}

/// The owners that may become new reps: names (never ids) with no rep.
pub fn new_rep_names(owners: &[OwnerValue]) -> Vec<String> {
    owners
        .iter()
        .filter(|o| o.rep.is_none() && o.id.is_none())
        .map(|o| o.value.clone())
        .collect()
}
