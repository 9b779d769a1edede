//! Every store operation, written once over [`Records`]: each reads what it
//! needs, computes the records to write with pure functions
//! (`storage::chunks`, `sync::ledger`), and writes them in one transaction
//! that is refused when another tab wrote the same records in between; it
//! then starts again from the new records (at most [`ATTEMPTS`] times).
//!
//! When the workspace is linked to a team database, a change's sync
//! bookkeeping (stamps, outbox entries) is computed from the stored records
//! and written in the same transaction as the change.

use super::chunks::{self, CHUNKS, chunk_key, chunk_of};
use super::records::{Need, Reads, Records, Table, Writes};
use super::{Change, StorageError, decode_settings, encode};
use crate::domain::activity::Activity;
use crate::domain::lead::{Lead, LeadId};
use crate::domain::workspace::Workspace;
use crate::sync::doc::{self, DocId, Remote, Skip};
use crate::sync::ledger::{self, DocMeta, Link, LinkUpdate, Phase, Pulled};
use crate::sync::stamp::Stamps;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How often an operation starts again when other tabs keep writing.
pub const ATTEMPTS: usize = 8;

/// Chunks one round of the first upload takes.
pub const UPLOAD_CHUNKS: u8 = 4;

const SETTINGS_KEY: &str = "settings";
const LINK: &str = "link";
const SETTINGS_META: &str = "settings-meta";
const ORPHANS: &str = "orphans";

fn busy() -> StorageError {
    StorageError::Failed {
        operation: "save the change",
        message: "other tabs kept writing the same records".into(),
    }
}

fn corrupt(key: &str, e: impl std::fmt::Display) -> StorageError {
    StorageError::Corrupt {
        key: key.to_owned(),
        reason: e.to_string(),
    }
}

fn link_of(reads: &Reads) -> Result<Option<Link>, StorageError> {
    reads
        .get(Table::Sync, LINK)
        .map(|t| serde_json::from_str(t).map_err(|e| corrupt("sync link", e)))
        .transpose()
}

fn meta_chunk(reads: &Reads, c: u8) -> Result<BTreeMap<LeadId, DocMeta>, StorageError> {
    reads
        .get(Table::Meta, &chunk_key(c))
        .map(|t| serde_json::from_str(t).map_err(|e| corrupt("sync bookkeeping", e)))
        .transpose()
        .map(Option::unwrap_or_default)
}

fn settings_meta(reads: &Reads) -> Result<DocMeta, StorageError> {
    reads
        .get(Table::Sync, SETTINGS_META)
        .map(|t| {
            serde_json::from_str(t).map_err(|e| corrupt("sync bookkeeping of the settings", e))
        })
        .transpose()
        .map(Option::unwrap_or_default)
}

fn outbox(reads: &Reads) -> BTreeMap<String, u64> {
    reads
        .table(Table::Outbox)
        .iter()
        .map(|(k, v, _)| (k.clone(), v.parse().unwrap_or(0)))
        .collect()
}

fn chunk_keys(chunks: impl IntoIterator<Item = u8>, tables: &[Table]) -> Vec<(Table, String)> {
    chunks
        .into_iter()
        .flat_map(|c| tables.iter().map(move |t| (*t, chunk_key(c))))
        .collect()
}

/// The texts in one list and not in the other (each once), ascending.
fn symmetric_difference(mut a: Vec<String>, mut b: Vec<String>) -> Vec<String> {
    for list in [&mut a, &mut b] {
        crate::sort::sort(list);
        list.dedup();
    }
    let mut out: Vec<String> = a
        .iter()
        .filter(|x| b.binary_search(x).is_err())
        .cloned()
        .collect();
    out.extend(b.iter().filter(|x| a.binary_search(x).is_err()).cloned());
    crate::sort::sort(&mut out);
    out
}

/// Runs `plan` over fresh reads until its writes land.
async fn run<R: Records + ?Sized, T>(
    records: &R,
    need: &Need,
    mut plan: impl FnMut(&Reads) -> Result<(Writes, T), StorageError>,
) -> Result<T, StorageError> {
    for _ in 0..ATTEMPTS {
        let reads = records.read(need).await?;
        let (writes, out) = plan(&reads)?;
        if writes.is_empty() || records.write(&reads, writes).await? {
            return Ok(out);
        }
    }
    Err(busy())
}

/// The whole workspace.
pub async fn load<R: Records + ?Sized>(records: &R) -> Result<Workspace, StorageError> {
    let need = Need {
        keys: vec![(Table::Settings, SETTINGS_KEY.into())],
        tables: vec![Table::Leads, Table::Activities],
    };
    // Each chunk decoded as soon as it is read: never every chunk's JSON
    // at once (issue 16: the wasm memory keeps its high-water mark).
    let (mut leads, mut activities) = (Vec::new(), Vec::new());
    let reads = records
        .read_each(&need, &mut |table, key, text| {
            match table {
                Table::Leads => leads.extend(chunks::decode_leads(key, text)?),
                Table::Activities => activities.extend(chunks::decode_activities(
                    &format!("activities {key}"),
                    text,
                )?),
                _ => {}
            }
            Ok(())
        })
        .await?;
    crate::sort::sort_by_key(&mut leads, |l| (l.created_at(), l.id()));
    Ok(Workspace::from_parts(
        decode_settings(reads.get(Table::Settings, SETTINGS_KEY))?,
        leads,
        activities,
    ))
}

/// The link to a team database, if any.
pub async fn link<R: Records + ?Sized>(records: &R) -> Result<Option<Link>, StorageError> {
    let need = Need {
        keys: vec![(Table::Sync, LINK.into())],
        tables: vec![Table::Outbox],
    };
    let reads = records.read(&need).await?;
    link_of(&reads)
}

/// How many documents wait to be pushed.
pub async fn waiting<R: Records + ?Sized>(records: &R) -> Result<usize, StorageError> {
    let need = Need {
        keys: vec![],
        tables: vec![Table::Outbox],
    };
    Ok(records.read(&need).await?.table(Table::Outbox).len())
}

/// Applies one user action (see [`Change`]).
pub async fn commit<R: Records + ?Sized>(records: &R, change: &Change) -> Result<(), StorageError> {
    let touched = chunks::touched(change);
    let mut need = Need {
        keys: chunk_keys(
            touched.iter().copied(),
            &[Table::Leads, Table::Activities, Table::Meta],
        ),
        tables: vec![],
    };
    need.keys.push((Table::Sync, LINK.into()));
    if change.settings.is_some() || change.expect_settings.is_some() {
        need.keys.push((Table::Settings, SETTINGS_KEY.into()));
        need.keys.push((Table::Sync, SETTINGS_META.into()));
    }
    run(records, &need, |reads| plan_commit(reads, change, &touched)).await
}

fn plan_commit(
    reads: &Reads,
    change: &Change,
    touched: &[u8],
) -> Result<(Writes, ()), StorageError> {
    let mut link = link_of(reads)?;
    if let Some(l) = &link
        && matches!(l.phase, Phase::Download { .. })
    {
        return Err(StorageError::Downloading);
    }
    let stored_settings = reads.get(Table::Settings, SETTINGS_KEY);
    super::check_settings(change, stored_settings)?;
    let mut writes = Writes::default();
    let mut out_ids: Vec<String> = Vec::new();
    for &c in touched {
        let key = chunk_key(c);
        let leads_text = reads.get(Table::Leads, &key);
        let new_leads = chunks::apply_leads(c, leads_text, change)?;
        let acts_text = reads.get(Table::Activities, &key);
        let acts_change = change
            .activities
            .iter()
            .map(|(id, _)| *id)
            .chain(change.deleted.iter().copied())
            .chain(
                change
                    .appended
                    .iter()
                    .chain(&change.withdrawn)
                    .map(|a| a.lead),
            )
            .any(|id| chunk_of(id) == c);
        // An activity is logged on a lead that is still here (stored, or
        // written by this very change).
        if change.appended.iter().any(|a| chunk_of(a.lead) == c) {
            let ids = chunks::id_set(
                change
                    .appended
                    .iter()
                    .filter(|a| chunk_of(a.lead) == c)
                    .map(|a| a.lead),
            );
            let stored = chunks::old_leads(c, leads_text, &ids)?;
            for id in ids {
                let here = chunks::stored_lead(&stored, id).is_some()
                    || change.leads.iter().any(|l| l.id() == id);
                if !here || change.deleted.contains(&id) {
                    return Err(StorageError::Conflict { lead: id });
                }
            }
        }
        if let Some(link) = &link {
            let who = link.who();
            let mut metas = meta_chunk(reads, c)?;
            let ids = chunks::id_set(change.lead_ids().filter(|id| chunk_of(*id) == c));
            let old = chunks::old_leads(c, leads_text, &ids)?;
            let old_acts = chunks::old_activities(c, acts_text, &ids)?;
            let acts_of = |id: LeadId| {
                ids.binary_search(&id)
                    .map_or(&[][..], |i| old_acts[i].as_slice())
            };
            for lead in change.leads.iter().filter(|l| chunk_of(l.id()) == c) {
                let meta = metas.entry(lead.id()).or_default();
                ledger::record_lead_edit(meta, chunks::stored_lead(&old, lead.id()), lead, &who);
                out_ids.push(doc::lead_id(lead.id()));
            }
            for id in change.deleted.iter().filter(|id| chunk_of(**id) == c) {
                if chunks::stored_lead(&old, *id).is_some() {
                    out_ids.push(doc::lead_id(*id));
                }
                out_ids.extend(doc::activity_ids(acts_of(*id)));
            }
            for id in ids.iter().filter(|id| change.alters_activities_of(**id)) {
                if change.deleted.contains(id) {
                    continue;
                }
                let old = acts_of(*id);
                out_ids.extend(symmetric_difference(
                    doc::activity_ids(old),
                    doc::activity_ids(&change.activities_after(*id, old)),
                ));
            }
            writes.put(Table::Meta, key.clone(), encode(&metas));
        }
        writes.put(Table::Leads, key.clone(), new_leads);
        if acts_change {
            writes.put(
                Table::Activities,
                key.clone(),
                chunks::apply_activities(c, acts_text, change)?,
            );
        }
    }
    if let Some(settings) = &change.settings {
        writes.put(Table::Settings, SETTINGS_KEY, encode(settings));
        if let Some(link) = &link {
            let old = decode_settings(stored_settings)?;
            let mut meta = settings_meta(reads)?;
            let now = change.now.map_or(0, |t| t.timestamp_millis());
            ledger::record_settings_edit(&mut meta, &old, settings, &link.who(), now);
            writes.put(Table::Sync, SETTINGS_META, encode(&meta));
            out_ids.push(doc::SETTINGS.to_owned());
        }
    }
    if let Some(link) = &mut link
        && !out_ids.is_empty()
    {
        link.seq += 1;
        for id in out_ids {
            writes.put(Table::Outbox, id, link.seq.to_string());
        }
        writes.put(Table::Sync, LINK, encode(&*link));
    }
    Ok((writes, ()))
}

/// Replaces everything (backup import, sample data, erase). A workspace
/// shared with a team is not replaced from one browser.
pub async fn replace<R: Records + ?Sized>(records: &R, ws: &Workspace) -> Result<(), StorageError> {
    // The old leads and activities are cleared, not read: a replace never
    // holds the old workspace's text beside the new one (issue 16: the wasm
    // memory keeps its high-water mark).
    let need = Need {
        keys: vec![(Table::Sync, LINK.into())],
        tables: Vec::new(),
    };
    let encode_all = || (chunks::encode_workspace(ws), encode(&ws.settings()));
    let mut encoded = Some(encode_all());
    run(records, &need, |reads| {
        if link_of(reads)?.is_some() {
            return Err(StorageError::Shared);
        }
        // The text goes to the first attempt whole, not copied; an attempt
        // after another tab wrote encodes it again.
        let (chunks, settings) = encoded.take().unwrap_or_else(encode_all);
        let mut writes = Writes {
            clear: vec![Table::Leads, Table::Activities],
            ..Writes::default()
        };
        for (c, leads, acts) in chunks {
            writes.put(Table::Leads, chunk_key(c), leads);
            writes.put(Table::Activities, chunk_key(c), acts);
        }
        writes.put(Table::Settings, SETTINGS_KEY, settings);
        Ok((writes, ()))
    })
    .await
}

/// Links the workspace to a team database (`phase`: upload the local
/// workspace, or download the team's), or unlinks it (`None`: the local copy
/// stays, the bookkeeping goes).
pub async fn set_link<R: Records + ?Sized>(
    records: &R,
    link: Option<&Link>,
) -> Result<(), StorageError> {
    let need = Need {
        keys: vec![
            (Table::Sync, LINK.into()),
            (Table::Sync, SETTINGS_META.into()),
        ],
        tables: vec![],
    };
    run(records, &need, |_| {
        let mut writes = Writes::default();
        match link {
            Some(l) => writes.put(Table::Sync, LINK, encode(l)),
            None => {
                writes.clear = vec![Table::Meta, Table::Outbox, Table::Inbox, Table::Sync];
            }
        }
        Ok((writes, ()))
    })
    .await
}

/// Updates the link (role, phase) without touching anything else.
pub async fn update_link<R: Records + ?Sized>(
    records: &R,
    update: &LinkUpdate,
) -> Result<(), StorageError> {
    let need = Need {
        keys: vec![(Table::Sync, LINK.into())],
        tables: vec![],
    };
    run(records, &need, |reads| {
        let mut writes = Writes::default();
        if let Some(mut link) = link_of(reads)? {
            update.apply(&mut link);
            writes.put(Table::Sync, LINK, encode(&link));
        }
        Ok((writes, ()))
    })
    .await
}

mod download;
mod pull;
mod push;

pub use download::*;
pub use pull::*;
pub use push::*;

#[cfg(test)]
mod tests {
    #[test]
    fn symmetric_difference_names_each_text_once_in_order() {
        let v = |xs: &[&str]| xs.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            super::symmetric_difference(v(&["c", "a", "b", "a"]), v(&["d", "b", "d"])),
            v(&["a", "c", "d"])
        );
        assert!(super::symmetric_difference(v(&["x"]), v(&["x"])).is_empty());
    }
}
