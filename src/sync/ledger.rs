//! The local bookkeeping of sync, as pure functions the store calls inside
//! the transaction of each change (so a change and its outbox entry are
//! written together, or neither is):
//!
//! - [`DocMeta`]: per mutable document (a lead, the settings), the server
//!   revision the local copy descends from, the stamp of every field, and
//!   for the fields written here since that revision, their stamp in it (the
//!   common version a merge compares against);
//! - [`Link`]: which server database the workspace syncs with, as whom, the
//!   checkpoint of the `_changes` feed applied so far, the change counter the
//!   outbox entries carry, and the phase (first upload, first download, live).
//!
//! Rules:
//! - a local edit stamps exactly the fields it changed with the lead's new
//!   `updated_at` and the writer; a new lead needs no stamps (its fields
//!   carry its creation);
//! - a pulled version is adopted as it is when nothing local is waiting to be
//!   pushed, else merged (`sync::merge`) with the local one, which stays
//!   waiting when it differs from the server's;
//! - a server deletion removes the local lead unless it has local edits
//!   waiting: then the edit wins and the lead comes back on the server (nothing
//!   typed is lost);
//! - an outbox entry is removed only when the server accepted the version
//!   that entry pushed (its change number is unchanged).

use super::merge::{self, Side};
use super::stamp::{Stamp, Stamps};
use crate::domain::lead::Lead;
use crate::domain::workspace::Settings;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Sync bookkeeping of one mutable document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The server revision the local copy descends from (None: never synced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// When each field of the local copy was written, and by whom.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub stamps: Stamps,
    /// Fields written here since `rev`: their stamp in `rev` (None: none).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub was: BTreeMap<String, Option<Stamp>>,
}

fn is_empty(s: &Stamps) -> bool {
    s.0.is_empty()
}

impl DocMeta {
    /// The stamps of revision `rev` (the common version for a merge).
    pub fn base(&self) -> Option<Stamps> {
        self.rev.as_ref()?;
        let mut base = self.stamps.clone();
        for (field, stamp) in &self.was {
            match stamp {
                Some(s) => base.0.insert(field.clone(), s.clone()),
                None => base.0.remove(field),
            };
        }
        Some(base)
    }

    fn stamp(&mut self, field: String, stamp: &Stamp) {
        if self.rev.is_some() && !self.was.contains_key(&field) {
            self.was
                .insert(field.clone(), self.stamps.0.get(&field).cloned());
        }
        self.stamps.0.insert(field, stamp.clone());
    }
}

/// Records a local edit of a lead (`old`: as stored before, None when new).
pub fn record_lead_edit(meta: &mut DocMeta, old: Option<&Lead>, new: &Lead, who: &str) {
    let Some(old) = old else { return };
    let stamp = Stamp::new(new.updated_at().timestamp_millis(), who);
    for field in merge::changed_fields(old, new) {
        meta.stamp(field, &stamp);
    }
}

/// Records a local edit of the settings at `now_ms`: a stamp later than
/// every stamp the settings carry (a hybrid logical clock).
pub fn record_settings_edit(
    meta: &mut DocMeta,
    old: &Settings,
    new: &Settings,
    who: &str,
    now_ms: i64,
) {
    let ms = meta
        .stamps
        .latest()
        .map_or(now_ms, |s| now_ms.max(s.ms + 1));
    let stamp = Stamp::new(ms, who);
    for part in merge::changed_parts(old, new) {
        meta.stamp(part, &stamp);
    }
}

/// What to do with a pulled version of a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Pulled<T> {
    /// Already seen (our own push coming back, or a repeat).
    Seen,
    /// Keep this version and bookkeeping; `waiting`: it still has to be
    /// pushed (a merge of local edits).
    Keep {
        /// The document to store.
        value: T,
        /// Its bookkeeping.
        meta: DocMeta,
        /// True when it must be pushed.
        waiting: bool,
    },
}

fn pending_fields(merged: &Stamps, remote: &Stamps) -> BTreeMap<String, Option<Stamp>> {
    merged
        .0
        .keys()
        .chain(remote.0.keys())
        .filter(|k| merged.0.get(*k) != remote.0.get(*k))
        .map(|k| (k.clone(), remote.0.get(k).cloned()))
        .collect()
}

/// The server's version as it is: nothing local waits.
fn adopted<T: Clone>(remote: &T, rev: &str, stamps: &Stamps) -> Pulled<T> {
    Pulled::Keep {
        value: remote.clone(),
        meta: DocMeta {
            rev: Some(rev.to_owned()),
            stamps: stamps.clone(),
            was: BTreeMap::new(),
        },
        waiting: false,
    }
}

/// A merge of local edits with the server's version at `rev`: it waits to
/// be pushed when it differs from the server's.
fn merged_keep<T: PartialEq>(
    merged: T,
    stamps: Stamps,
    rev: &str,
    remote: &T,
    remote_stamps: &Stamps,
) -> Pulled<T> {
    let was = pending_fields(&stamps, remote_stamps);
    let waiting = merged != *remote || !was.is_empty();
    Pulled::Keep {
        value: merged,
        meta: DocMeta {
            rev: Some(rev.to_owned()),
            stamps,
            was,
        },
        waiting,
    }
}

/// A pulled lead at revision `rev`, against the local copy (`waiting`: it
/// has edits not yet pushed).
pub fn pull_lead(
    local: Option<(&Lead, &DocMeta)>,
    waiting: bool,
    rev: &str,
    remote: &Lead,
    remote_stamps: &Stamps,
    who: &str,
) -> Pulled<Lead> {
    if let Some((_, meta)) = local
        && meta.rev.as_deref() == Some(rev)
    {
        return Pulled::Seen;
    }
    let adopt = || adopted(remote, rev, remote_stamps);
    match local {
        Some((lead, meta)) if waiting => {
            let base = meta.base();
            let (merged, stamps) = merge::merge_lead(
                base.as_ref(),
                Side {
                    lead,
                    stamps: &meta.stamps,
                },
                Side {
                    lead: remote,
                    stamps: remote_stamps,
                },
                who,
            );
            merged_keep(merged, stamps, rev, remote, remote_stamps)
        }
        _ => adopt(),
    }
}

/// A pulled version of the settings.
pub fn pull_settings(
    local: (&Settings, &DocMeta),
    waiting: bool,
    rev: &str,
    remote: &Settings,
    remote_stamps: &Stamps,
) -> Pulled<Settings> {
    if local.1.rev.as_deref() == Some(rev) {
        return Pulled::Seen;
    }
    if !waiting {
        return adopted(remote, rev, remote_stamps);
    }
    let (merged, stamps) =
        merge::merge_settings((local.0, &local.1.stamps), (remote, remote_stamps));
    merged_keep(merged, stamps, rev, remote, remote_stamps)
}

/// The server accepted the version pushed with `pushed` stamps as `rev`.
pub fn acknowledge(meta: &mut DocMeta, rev: &str, pushed: &Stamps) {
    meta.rev = Some(rev.to_owned());
    let mut was = BTreeMap::new();
    for field in meta.was.keys() {
        let now = meta.stamps.0.get(field);
        let then = pushed.0.get(field);
        if now != then {
            was.insert(field.clone(), then.cloned());
        }
    }
    meta.was = was;
}

/// The role a user has in a workspace (enforced by the server; the app
/// only reflects it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Reads and writes.
    #[default]
    Member,
    /// Reads only: the server's guard refuses their writes.
    Viewer,
    /// Manages the database, its guard and its people.
    Admin,
    /// Records audits (`domain::audit`) and changes nothing else: the
    /// server's guard refuses their other writes.
    Auditor,
}

/// Where the link stands. Stored as `{"phase": "download", "done": …}`;
/// read without serde's buffering of internally tagged enums (its code is
/// several kilobytes of the first load): one flat record, then the phase.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "phase")]
pub enum Phase {
    /// Uploading the local workspace to an empty database, chunk by chunk.
    Upload {
        /// The next chunk to upload.
        next: u8,
    },
    /// Downloading the team's workspace; batches are staged until complete.
    Download {
        /// Changes staged so far.
        done: u64,
        /// Changes the server reported in all.
        total: u64,
        /// Staged batches.
        batches: u32,
    },
    /// In step: edits go out, changes come in.
    #[default]
    Live,
    /// The server refused this user (access removed): no more sync; the
    /// local copy stays readable.
    Revoked,
}

impl<'de> Deserialize<'de> for Phase {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Phase, D::Error> {
        #[derive(Deserialize)]
        struct Flat {
            phase: String,
            #[serde(default)]
            next: u8,
            #[serde(default)]
            done: u64,
            #[serde(default)]
            total: u64,
            #[serde(default)]
            batches: u32,
        }
        let f = Flat::deserialize(d)?;
        Ok(match f.phase.as_str() {
            "upload" => Phase::Upload { next: f.next },
            "download" => Phase::Download {
                done: f.done,
                total: f.total,
                batches: f.batches,
            },
            "live" => Phase::Live,
            "revoked" => Phase::Revoked,
            other => {
                return Err(serde::de::Error::unknown_variant(
                    other,
                    &["upload", "download", "live", "revoked"],
                ));
            }
        })
    }
}

/// The workspace's link to a team database.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The server, e.g. `https://couch.example.com`.
    pub server: String,
    /// The database.
    pub db: String,
    /// The CouchDB user.
    pub user: String,
    /// This device's id in the workspace (random).
    pub replica: String,
    /// The user's role, as last read from the server.
    pub role: Role,
    /// The `_changes` sequence applied so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<String>,
    /// Where the link stands.
    #[serde(default)]
    pub phase: Phase,
    /// The last change number given to an outbox entry.
    #[serde(default)]
    pub seq: u64,
    /// Documents received but not applied, with the reason (shown in the status).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<(String, String)>,
}

/// A change of the link that touches nothing else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkUpdate {
    /// The role read from the server.
    Role(Role),
    /// A new phase (e.g. [`Phase::Revoked`]).
    Phase(Phase),
    /// The skipped documents were looked at (or fetched again).
    ClearSkipped,
    /// Download the team's workspace again from the start (what waits in
    /// the outbox is dropped when it is adopted): the local copy becomes
    /// the server's.
    Redownload,
}

impl LinkUpdate {
    /// Applies it.
    pub fn apply(&self, link: &mut Link) {
        match self {
            LinkUpdate::Role(r) => link.role = *r,
            LinkUpdate::Phase(p) => link.phase = p.clone(),
            LinkUpdate::ClearSkipped => link.skipped.clear(),
            LinkUpdate::Redownload => {
                link.phase = Phase::Download {
                    done: 0,
                    total: 0,
                    batches: 0,
                };
                link.checkpoint = None;
            }
        }
    }
}

impl Link {
    /// The writer name stamps carry: `user@replica`.
    pub fn who(&self) -> String {
        format!("{}@{}", self.user, self.replica)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
