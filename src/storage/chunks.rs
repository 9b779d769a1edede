//! The chunked record layout of the IndexedDB store (schema 3), as pure
//! functions tested natively.
//!
//! Leads are spread over [`CHUNKS`] records by their id (`chunk_of`); a
//! chunk's value is the JSON array of its leads. Activities live in a
//! parallel set of chunks (same numbering), grouped by lead. Loading 10 000
//! leads reads 2 × 64 records instead of 20 000, and writing one lead
//! rewrites only its chunk. Untouched leads and activities pass through a
//! rewrite as raw JSON, byte for byte (unknown fields included), without
//! being decoded.

use super::{Change, StorageError, encode};
use crate::domain::activity::Activity;
use crate::domain::lead::{Lead, LeadId};
use crate::domain::workspace::Workspace;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Number of chunks.
pub const CHUNKS: u8 = 64;

/// The chunk a lead (and its activities) lives in.
pub fn chunk_of(id: LeadId) -> u8 {
    id.uuid().as_bytes()[15] % CHUNKS
}

/// Lead ids sorted, each once: a set looked up with [`has`]. (Sorted lists
/// rather than `BTreeSet`s here: each map or set type costs the first load
/// its own code, BENCHMARKS.md "Bundle".)
pub fn id_set(ids: impl IntoIterator<Item = LeadId>) -> Vec<LeadId> {
    by_id_last_wins(ids.into_iter().collect(), |id| *id)
}

/// `list` sorted by id, keeping of each id only its last entry (as a map
/// filled in order keeps the last value).
fn by_id_last_wins<T>(mut list: Vec<T>, id: impl Fn(&T) -> LeadId) -> Vec<T> {
    crate::sort::sort_by_key(&mut list, |t| id(t)); // stable: equal ids keep their order
    list.reverse();
    list.dedup_by_key(|t| id(t));
    list.reverse();
    list
}

/// Whether the sorted `set` holds `id`.
pub fn has(set: &[LeadId], id: LeadId) -> bool {
    set.binary_search(&id).is_ok()
}

/// The chunks of `ids`, ascending, each once.
pub fn chunks_of(ids: impl IntoIterator<Item = LeadId>) -> Vec<u8> {
    let mut hit = [false; CHUNKS as usize];
    for id in ids {
        hit[chunk_of(id) as usize] = true;
    }
    (0..CHUNKS).filter(|c| hit[*c as usize]).collect()
}

/// The record key of chunk `c`.
pub fn chunk_key(c: u8) -> String {
    format!("chunk-{c:02}")
}

#[derive(Deserialize)]
struct LeadHead {
    id: LeadId,
    #[serde(with = "crate::domain::instant")]
    updated_at: DateTime<Utc>,
}

#[derive(Deserialize)]
struct ActivityHead {
    lead: LeadId,
}

fn corrupt(key: &str, e: serde_json::Error) -> StorageError {
    StorageError::Corrupt {
        key: key.to_owned(),
        reason: e.to_string(),
    }
}

fn raw_items<'a>(key: &str, text: Option<&'a str>) -> Result<Vec<&'a RawValue>, StorageError> {
    match text {
        None => Ok(Vec::new()),
        Some(t) => serde_json::from_str(t).map_err(|e| corrupt(key, e)),
    }
}

fn join(items: impl IntoIterator<Item = String>) -> String {
    let mut out = String::from("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item);
    }
    out.push(']');
    out
}

/// Decodes a lead chunk.
pub fn decode_leads(key: &str, text: &str) -> Result<Vec<Lead>, StorageError> {
    serde_json::from_str(text).map_err(|e| corrupt(key, e))
}

/// Decodes an activity chunk.
pub fn decode_activities(key: &str, text: &str) -> Result<Vec<Activity>, StorageError> {
    serde_json::from_str(text).map_err(|e| corrupt(key, e))
}

/// The chunks `change` touches, ascending.
pub fn touched(change: &Change) -> Vec<u8> {
    chunks_of(
        change
            .lead_ids()
            .chain(change.expect.iter().map(|(id, _)| *id)),
    )
}

/// The new text of lead chunk `c` after `change`, given its stored text.
/// Checks `change.expect` for the chunk's leads: a lead stored with another
/// `updated_at` (or gone) is a [`StorageError::Conflict`].
pub fn apply_leads(c: u8, stored: Option<&str>, change: &Change) -> Result<String, StorageError> {
    let key = chunk_key(c);
    let items = raw_items(&key, stored)?;
    let mut heads = Vec::with_capacity(items.len());
    for raw in &items {
        let head: LeadHead = serde_json::from_str(raw.get()).map_err(|e| corrupt(&key, e))?;
        heads.push(head);
    }
    for (id, base) in change.expect.iter().filter(|(id, _)| chunk_of(*id) == c) {
        let current = heads.iter().find(|h| h.id == *id).map(|h| h.updated_at);
        if current != Some(*base) {
            return Err(StorageError::Conflict { lead: *id });
        }
    }
    let deleted = id_set(change.deleted.iter().copied());
    // The chunk's new versions by id (the last one given wins), each taken
    // where its lead is stored; the new leads follow, by id.
    let mut new: Vec<(LeadId, Option<String>)> = by_id_last_wins(
        change
            .leads
            .iter()
            .filter(|l| chunk_of(l.id()) == c)
            .map(|l| (l.id(), Some(encode(l))))
            .collect(),
        |(id, _)| *id,
    );
    let mut out: Vec<String> = Vec::with_capacity(items.len() + new.len());
    for (raw, head) in items.iter().zip(&heads) {
        if has(&deleted, head.id) {
            continue;
        }
        let replacement = new
            .binary_search_by_key(&head.id, |(id, _)| *id)
            .ok()
            .and_then(|i| new[i].1.take());
        match replacement {
            Some(replacement) => out.push(replacement),
            None => out.push(raw.get().to_owned()),
        }
    }
    out.extend(new.into_iter().filter_map(|(_, text)| text));
    Ok(join(out))
}

/// The new text of activity chunk `c` after `change`: deleted leads lose
/// their activities; a lead in `change.activities` gets exactly its new
/// list; then `withdrawn` and `appended` apply to what that leaves
/// ([`Change::activities_after`]). A lead whose list only grows keeps its
/// stored records as they are.
pub fn apply_activities(
    c: u8,
    stored: Option<&str>,
    change: &Change,
) -> Result<String, StorageError> {
    let key = format!("activities {}", chunk_key(c));
    let items = raw_items(&key, stored)?;
    let replaced = id_set(
        change
            .deleted
            .iter()
            .copied()
            .chain(change.activities.iter().map(|(id, _)| *id))
            .filter(|id| chunk_of(*id) == c),
    );
    let withdrawn: Vec<&Activity> = change
        .withdrawn
        .iter()
        .filter(|a| chunk_of(a.lead) == c && !has(&replaced, a.lead))
        .collect();
    let mut out: Vec<String> = Vec::with_capacity(items.len() + change.appended.len());
    // The stored records of leads losing an activity, read whole only then.
    let mut kept: Vec<(usize, Activity)> = Vec::new();
    for raw in &items {
        let head: ActivityHead = serde_json::from_str(raw.get()).map_err(|e| corrupt(&key, e))?;
        if has(&replaced, head.lead) {
            continue;
        }
        if withdrawn.iter().any(|a| a.lead == head.lead) {
            let a: Activity = serde_json::from_str(raw.get()).map_err(|e| corrupt(&key, e))?;
            kept.push((out.len(), a));
        }
        out.push(raw.get().to_owned());
    }
    // Each withdrawn activity takes out the last stored one equal to it.
    let mut gone: Vec<usize> = Vec::new();
    for w in &withdrawn {
        if let Some((at, _)) = kept
            .iter()
            .rev()
            .find(|(at, a)| a == *w && !gone.contains(at))
        {
            gone.push(*at);
        }
    }
    let mut out: Vec<String> = out
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !gone.contains(i))
        .map(|(_, text)| text)
        .collect();
    for (id, list) in change
        .activities
        .iter()
        .filter(|(id, _)| chunk_of(*id) == c)
    {
        if !change.deleted.contains(id) {
            let list = change.activities_after(*id, list);
            out.extend(list.iter().map(encode));
        }
    }
    out.extend(
        change
            .appended
            .iter()
            .filter(|a| chunk_of(a.lead) == c && !has(&replaced, a.lead))
            .map(encode),
    );
    Ok(join(out))
}

/// The stored versions of the leads `ids` (an [`id_set`]) in chunk `c`
/// (those present), by id: look one up with [`stored_lead`].
pub fn old_leads(c: u8, stored: Option<&str>, ids: &[LeadId]) -> Result<Vec<Lead>, StorageError> {
    let key = chunk_key(c);
    let mut out: Vec<Lead> = Vec::new();
    for raw in raw_items(&key, stored)? {
        let head: LeadHead = serde_json::from_str(raw.get()).map_err(|e| corrupt(&key, e))?;
        if has(ids, head.id) {
            out.push(serde_json::from_str(raw.get()).map_err(|e| corrupt(&key, e))?);
        }
    }
    Ok(by_id_last_wins(out, Lead::id))
}

/// The lead `id` among [`old_leads`]' result.
pub fn stored_lead(old: &[Lead], id: LeadId) -> Option<&Lead> {
    old.binary_search_by_key(&id, Lead::id)
        .ok()
        .map(|i| &old[i])
}

/// The stored activities of the leads `ids` (an [`id_set`]) in activity
/// chunk `c`, per lead in stored order: entry `i` is lead `ids[i]`'s.
pub fn old_activities(
    c: u8,
    stored: Option<&str>,
    ids: &[LeadId],
) -> Result<Vec<Vec<Activity>>, StorageError> {
    let key = format!("activities {}", chunk_key(c));
    let mut out: Vec<Vec<Activity>> = vec![Vec::new(); ids.len()];
    for raw in raw_items(&key, stored)? {
        let head: ActivityHead = serde_json::from_str(raw.get()).map_err(|e| corrupt(&key, e))?;
        if let Ok(i) = ids.binary_search(&head.lead) {
            out[i].push(serde_json::from_str(raw.get()).map_err(|e| corrupt(&key, e))?);
        }
    }
    Ok(out)
}

/// A chunk's text from its items.
pub fn encode_list<T: serde::Serialize>(items: &[T]) -> String {
    join(items.iter().map(encode))
}

/// Every chunk of a workspace: `(chunk, leads text, activities text)` for
/// the chunks that hold anything.
pub fn encode_workspace(ws: &Workspace) -> Vec<(u8, String, String)> {
    // Grouped by reference, then each chunk written straight into its text
    // (the same text as joining each record's own: one JSON array).
    let mut leads: Vec<Vec<&Lead>> = vec![Vec::new(); CHUNKS as usize];
    let mut acts: Vec<Vec<&Activity>> = vec![Vec::new(); CHUNKS as usize];
    for l in &ws.leads {
        leads[chunk_of(l.id()) as usize].push(l);
    }
    for a in &ws.activities {
        acts[chunk_of(a.lead) as usize].push(a);
    }
    (0..CHUNKS)
        .zip(leads.into_iter().zip(acts))
        .filter(|(_, (l, a))| !l.is_empty() || !a.is_empty())
        .map(|(c, (l, a))| (c, encode(&l), encode(&a)))
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
