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

/// The rep of `reps` whose name reads as `name`: the same but for case,
/// Vietnamese accents and spacing (`Lan`, ` lan `, `LAN`, `Lân` read the
/// same, as stage names do, [`crate::domain::search::fold_words`]). An
/// import's owner names find their rep this way, and no two reps read the
/// same ([`Rep::added`]): people could not tell them apart in a list of
/// owners, nor an import which one a name means.
pub fn rep_named<'a>(name: &str, reps: &'a [Rep]) -> Option<&'a Rep> {
    let wanted = crate::domain::search::fold_words(name);
    reps.iter()
        .find(|r| crate::domain::search::fold_words(&r.name) == wanted)
}

/// Why a rep was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RepError {
    /// The name is empty or only spaces.
    NoName,
    /// A capacity of 0 open leads: the rep could never be given one.
    NoCapacity,
    /// The name reads as this existing rep's name ([`rep_named`]).
    SameName(String),
}

impl Rep {
    /// A new active rep called `name` (its spaces tidied: `" Lan  Anh "` is
    /// `Lan Anh`), to join `reps`, with an id made from the name that none of
    /// them has. Refused when the name is empty, the capacity 0, or the name
    /// reads as one of `reps`' ([`rep_named`]).
    pub fn added(
        name: &str,
        team: Membership,
        capacity: u32,
        reps: &[Rep],
    ) -> Result<Rep, RepError> {
        let name: String = name
            .chars()
            .filter(|c| !crate::domain::search::invisible(*c))
            .collect();
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(RepError::NoName);
        }
        if capacity == 0 {
            return Err(RepError::NoCapacity);
        }
        if let Some(other) = rep_named(&name, reps) {
            return Err(RepError::SameName(other.name.clone()));
        }
        let id = slug_id(&name, |id| reps.iter().any(|r| r.id.as_str() == id));
        Ok(Rep::new(id, name, team, capacity))
    }

    /// A new Sales rep for each of `names` (owners named in an import) that
    /// reads as none of `reps` nor an earlier name ([`rep_named`]: `lan` and
    /// `Lan ` make one rep), with ids that none of `reps` has.
    pub fn for_owners(names: &[String], reps: &[Rep]) -> Vec<Rep> {
        let mut out: Vec<Rep> = Vec::new();
        for name in names {
            if rep_named(name, reps).is_some() || rep_named(name, &out).is_some() {
                continue;
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rep_names_are_unique_ignoring_case_spacing_and_accents() {
        let reps = vec![Rep::new("lan", "Lan", Membership::Sales, 30)];
        // Decomposed accents and invisible characters read the same too.
        for same in ["lan", " LAN ", "Lân", "lan\t", "La\u{302}n", "La\u{200b}n"] {
            assert_eq!(
                Rep::added(same, Membership::Sales, 30, &reps),
                Err(RepError::SameName("Lan".into())),
                "{same:?}"
            );
        }
        let anh = Rep::added("  Lan   Anh ", Membership::Both, 20, &reps).unwrap();
        assert_eq!((anh.name.as_str(), anh.id.as_str()), ("Lan Anh", "lan-anh"));
        for empty in [" ", "\u{200b}", " \u{feff} "] {
            assert_eq!(
                Rep::added(empty, Membership::Sales, 30, &reps),
                Err(RepError::NoName),
                "{empty:?}"
            );
        }
        let minh = Rep::added("Mi\u{200b}nh", Membership::Sales, 30, &reps).unwrap();
        assert_eq!(minh.name, "Minh", "nothing invisible is kept");
        assert_eq!(
            Rep::added("Minh", Membership::Sales, 0, &reps),
            Err(RepError::NoCapacity)
        );
        // An import's owners: one new rep per name that reads differently.
        let names = ["lan ".to_owned(), "Tuấn".into(), "tuan".into()];
        let new = Rep::for_owners(&names, &reps);
        assert_eq!(
            new.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            ["Tuấn"]
        );
        assert_eq!(
            rep_named("TUAN ", &new).map(|r| r.id.as_str()),
            Some("tuan")
        );
    }
}
