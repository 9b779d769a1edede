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

fn chunk_keys(chunks: &BTreeSet<u8>, tables: &[Table]) -> Vec<(Table, String)> {
    chunks
        .iter()
        .flat_map(|c| tables.iter().map(move |t| (*t, chunk_key(*c))))
        .collect()
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
    leads.sort_by_key(|l| (l.created_at(), l.id()));
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
        keys: chunk_keys(&touched, &[Table::Leads, Table::Activities, Table::Meta]),
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
    touched: &BTreeSet<u8>,
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
            .map(|(id, _)| id)
            .chain(&change.deleted)
            .any(|id| chunk_of(*id) == c);
        if let Some(link) = &link {
            let who = link.who();
            let mut metas = meta_chunk(reads, c)?;
            let ids: BTreeSet<LeadId> = change
                .leads
                .iter()
                .map(Lead::id)
                .chain(change.deleted.iter().copied())
                .chain(change.activities.iter().map(|(id, _)| *id))
                .filter(|id| chunk_of(*id) == c)
                .collect();
            let old = chunks::old_leads(c, leads_text, &ids)?;
            let old_acts = chunks::old_activities(c, acts_text, &ids)?;
            for lead in change.leads.iter().filter(|l| chunk_of(l.id()) == c) {
                let meta = metas.entry(lead.id()).or_default();
                ledger::record_lead_edit(meta, old.get(&lead.id()), lead, &who);
                out_ids.push(doc::lead_id(lead.id()));
            }
            for id in change.deleted.iter().filter(|id| chunk_of(**id) == c) {
                if old.contains_key(id) {
                    out_ids.push(doc::lead_id(*id));
                }
                let acts = old_acts.get(id).map_or(&[][..], Vec::as_slice);
                out_ids.extend(doc::activity_ids(acts));
            }
            for (id, list) in change
                .activities
                .iter()
                .filter(|(id, _)| chunk_of(*id) == c)
            {
                if change.deleted.contains(id) {
                    continue;
                }
                let before: BTreeSet<String> =
                    doc::activity_ids(old_acts.get(id).map_or(&[][..], Vec::as_slice))
                        .into_iter()
                        .collect();
                let after: BTreeSet<String> = doc::activity_ids(list).into_iter().collect();
                out_ids.extend(before.symmetric_difference(&after).cloned());
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
    let need = Need {
        keys: vec![(Table::Sync, LINK.into())],
        tables: vec![Table::Leads, Table::Activities],
    };
    let encoded = chunks::encode_workspace(ws);
    let settings = encode(&ws.settings());
    run(records, &need, |reads| {
        if link_of(reads)?.is_some() {
            return Err(StorageError::Shared);
        }
        let mut writes = Writes::default();
        let mut kept: BTreeSet<String> = BTreeSet::new();
        for (c, leads, acts) in &encoded {
            kept.insert(chunk_key(*c));
            writes.put(Table::Leads, chunk_key(*c), leads.clone());
            writes.put(Table::Activities, chunk_key(*c), acts.clone());
        }
        for table in [Table::Leads, Table::Activities] {
            for (key, _, _) in reads.table(table) {
                if !kept.contains(key) {
                    writes.delete(table, key.clone());
                }
            }
        }
        writes.put(Table::Settings, SETTINGS_KEY, settings.clone());
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

/// A document to push.
#[derive(Clone, Debug, PartialEq)]
pub struct OutDoc {
    /// Its id.
    pub id: String,
    /// The document (a tombstone for a deletion).
    pub doc: Value,
    /// The outbox change number it carries (0: first upload).
    pub seq: u64,
    /// The stamps pushed (leads and settings).
    pub stamps: Option<Stamps>,
    /// A deletion whose server revision must be looked up first.
    pub needs_rev: bool,
}

/// What waits to be pushed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outgoing {
    /// Documents.
    pub docs: Vec<OutDoc>,
    /// The last chunk of the first upload these documents finish, if any.
    pub upload: Option<u8>,
    /// Outbox entries left after these.
    pub remaining: usize,
}

/// Up to `limit` outbox documents, or (first upload) one chunk's documents.
pub async fn outgoing<R: Records + ?Sized>(
    records: &R,
    limit: usize,
) -> Result<Outgoing, StorageError> {
    let first = records
        .read(&Need {
            keys: vec![(Table::Sync, LINK.into())],
            tables: vec![Table::Outbox],
        })
        .await?;
    let Some(link) = link_of(&first)? else {
        return Ok(Outgoing::default());
    };
    let mut entries: Vec<(String, u64)> = outbox(&first).into_iter().collect();
    entries.sort_by_key(|(id, seq)| (*seq, id.clone()));
    let remaining = entries.len().saturating_sub(limit);
    entries.truncate(limit);
    // The first upload takes the next chunks, up to [`UPLOAD_CHUNKS`] of
    // them per round.
    let uploading: Vec<u8> = match link.phase {
        Phase::Upload { next } if next < CHUNKS => {
            (next..CHUNKS.min(next.saturating_add(UPLOAD_CHUNKS))).collect()
        }
        _ => Vec::new(),
    };
    let upload = uploading.last().copied();
    let mut chunks_needed: BTreeSet<u8> = entries
        .iter()
        .filter_map(|(id, _)| DocId::parse(id).lead().map(chunk_of))
        .collect();
    chunks_needed.extend(uploading.iter().copied());
    let mut need = Need {
        keys: chunk_keys(
            &chunks_needed,
            &[Table::Leads, Table::Activities, Table::Meta],
        ),
        tables: vec![],
    };
    need.keys.push((Table::Settings, SETTINGS_KEY.into()));
    need.keys.push((Table::Sync, SETTINGS_META.into()));
    let reads = records.read(&need).await?;
    let mut leads: HashMap<LeadId, Lead> = HashMap::new();
    let mut acts: HashMap<LeadId, Vec<Activity>> = HashMap::new();
    let mut metas: HashMap<LeadId, DocMeta> = HashMap::new();
    for &c in &chunks_needed {
        let key = chunk_key(c);
        if let Some(t) = reads.get(Table::Leads, &key) {
            for l in chunks::decode_leads(&key, t)? {
                leads.insert(l.id(), l);
            }
        }
        if let Some(t) = reads.get(Table::Activities, &key) {
            for a in chunks::decode_activities(&key, t)? {
                acts.entry(a.lead).or_default().push(a);
            }
        }
        metas.extend(meta_chunk(&reads, c)?);
    }
    let settings = decode_settings(reads.get(Table::Settings, SETTINGS_KEY))?;
    let smeta = settings_meta(&reads)?;
    let lead_doc = |id: LeadId, seq: u64| -> Option<OutDoc> {
        let meta = metas.get(&id).cloned().unwrap_or_default();
        let doc_id = doc::lead_id(id);
        match leads.get(&id) {
            Some(l) => Some(OutDoc {
                id: doc_id,
                doc: doc::lead_doc(l, &meta.stamps, meta.rev.as_deref()),
                seq,
                stamps: Some(meta.stamps.clone()),
                needs_rev: false,
            }),
            None => Some(OutDoc {
                doc: doc::tombstone(&doc_id, meta.rev.as_deref()),
                id: doc_id,
                seq,
                stamps: None,
                needs_rev: meta.rev.is_none(),
            }),
        }
    };
    let settings_out = |seq: u64| OutDoc {
        id: doc::SETTINGS.to_owned(),
        doc: doc::settings_doc(&settings, &smeta.stamps, smeta.rev.as_deref()),
        seq,
        stamps: Some(smeta.stamps.clone()),
        needs_rev: false,
    };
    let mut docs = Vec::new();
    for (id, seq) in &entries {
        match DocId::parse(id) {
            DocId::Lead(l) => docs.extend(lead_doc(l, *seq)),
            DocId::Activity(l, _) => {
                let list = acts.get(&l).map_or(&[][..], Vec::as_slice);
                let ids = doc::activity_ids(list);
                match ids.iter().position(|x| x == id) {
                    Some(i) => docs.push(OutDoc {
                        id: id.clone(),
                        doc: doc::activity_doc(id, &list[i]),
                        seq: *seq,
                        stamps: None,
                        needs_rev: false,
                    }),
                    None => docs.push(OutDoc {
                        id: id.clone(),
                        doc: doc::tombstone(id, None),
                        seq: *seq,
                        stamps: None,
                        needs_rev: true,
                    }),
                }
            }
            DocId::Settings => docs.push(settings_out(*seq)),
            DocId::Other(_) => {}
        }
    }
    for &c in &uploading {
        if c == 0 {
            docs.push(settings_out(0));
        }
        let mut in_chunk: Vec<&Lead> = leads.values().filter(|l| chunk_of(l.id()) == c).collect();
        in_chunk.sort_by_key(|l| l.id());
        for l in in_chunk {
            docs.extend(lead_doc(l.id(), 0));
            let list = acts.get(&l.id()).map_or(&[][..], Vec::as_slice);
            for (id, a) in doc::activity_ids(list).iter().zip(list) {
                docs.push(OutDoc {
                    id: id.clone(),
                    doc: doc::activity_doc(id, a),
                    seq: 0,
                    stamps: None,
                    needs_rev: false,
                });
            }
        }
    }
    Ok(Outgoing {
        docs,
        upload,
        remaining,
    })
}

/// Of the changes the feed lists (id, revision, deleted), which this store
/// does not hold yet: the ids to fetch, and the deletions to apply as they
/// are (no body needed). Our own pushes coming back are known.
pub async fn unknown<R: Records + ?Sized>(
    records: &R,
    changes: &[(String, String, bool)],
) -> Result<(Vec<String>, Vec<Value>), StorageError> {
    let chunks_needed: BTreeSet<u8> = changes
        .iter()
        .filter_map(|(id, _, _)| DocId::parse(id).lead().map(chunk_of))
        .collect();
    let mut need = Need {
        keys: chunk_keys(
            &chunks_needed,
            &[Table::Leads, Table::Activities, Table::Meta],
        ),
        tables: vec![],
    };
    need.keys.push((Table::Sync, SETTINGS_META.into()));
    let reads = records.read(&need).await?;
    let mut revs: HashMap<LeadId, Option<String>> = HashMap::new();
    let mut present: BTreeSet<LeadId> = BTreeSet::new();
    let mut acts: HashMap<LeadId, Vec<Activity>> = HashMap::new();
    for &c in &chunks_needed {
        let key = chunk_key(c);
        for (id, m) in meta_chunk(&reads, c)? {
            revs.insert(id, m.rev);
        }
        if let Some(t) = reads.get(Table::Leads, &key) {
            present.extend(chunks::decode_leads(&key, t)?.iter().map(Lead::id));
        }
        if let Some(t) = reads.get(Table::Activities, &key) {
            for a in chunks::decode_activities(&key, t)? {
                acts.entry(a.lead).or_default().push(a);
            }
        }
    }
    let act_ids: BTreeSet<String> = acts.values().flat_map(doc::activity_ids).collect();
    let settings_rev = settings_meta(&reads)?.rev;
    let mut fetch = Vec::new();
    let mut deletions = Vec::new();
    for (id, rev, deleted) in changes {
        let tombstone = || serde_json::json!({ "_id": id, "_rev": rev, "_deleted": true });
        match DocId::parse(id) {
            DocId::Lead(l) => {
                let known = revs.get(&l).and_then(Option::as_deref) == Some(rev.as_str());
                if *deleted {
                    if present.contains(&l) || revs.contains_key(&l) {
                        deletions.push(tombstone());
                    }
                } else if !known {
                    fetch.push(id.clone());
                }
            }
            DocId::Activity(..) => {
                let here = act_ids.contains(id);
                if *deleted {
                    if here {
                        deletions.push(tombstone());
                    }
                } else if !here {
                    fetch.push(id.clone());
                }
            }
            DocId::Settings => {
                if !*deleted && settings_rev.as_deref() != Some(rev.as_str()) {
                    fetch.push(id.clone());
                }
            }
            DocId::Other(_) => {}
        }
    }
    Ok((fetch, deletions))
}

/// What the server said about one pushed document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ack {
    /// The document.
    pub id: String,
    /// The outbox change number it was pushed with.
    pub seq: u64,
    /// The stamps pushed.
    pub stamps: Option<Stamps>,
    /// The new revision, or None when the server refused it.
    pub rev: Option<String>,
}

/// Records what the server accepted (`upload`: the first-upload chunk these
/// acknowledgements finish, when every document of it was accepted).
pub async fn pushed<R: Records + ?Sized>(
    records: &R,
    acks: &[Ack],
    upload: Option<u8>,
) -> Result<(), StorageError> {
    let chunks_needed: BTreeSet<u8> = acks
        .iter()
        .filter_map(|a| DocId::parse(&a.id).lead().map(chunk_of))
        .collect();
    let mut need = Need {
        keys: chunk_keys(&chunks_needed, &[Table::Meta, Table::Leads]),
        tables: vec![Table::Outbox],
    };
    need.keys.push((Table::Sync, LINK.into()));
    need.keys.push((Table::Sync, SETTINGS_META.into()));
    run(records, &need, |reads| {
        let mut writes = Writes::default();
        let Some(mut link) = link_of(reads)? else {
            return Ok((writes, ()));
        };
        let waiting = outbox(reads);
        let mut metas: BTreeMap<u8, BTreeMap<LeadId, DocMeta>> = BTreeMap::new();
        let mut present: BTreeMap<u8, BTreeSet<LeadId>> = BTreeMap::new();
        for &c in &chunks_needed {
            metas.insert(c, meta_chunk(reads, c)?);
            let ids = reads
                .get(Table::Leads, &chunk_key(c))
                .map(|t| chunks::decode_leads(&chunk_key(c), t))
                .transpose()?
                .unwrap_or_default()
                .iter()
                .map(Lead::id)
                .collect();
            present.insert(c, ids);
        }
        let mut smeta = settings_meta(reads)?;
        let mut smeta_changed = false;
        for ack in acks {
            let Some(rev) = &ack.rev else { continue };
            match DocId::parse(&ack.id) {
                DocId::Lead(l) => {
                    let c = chunk_of(l);
                    let chunk = metas.entry(c).or_default();
                    if present.get(&c).is_some_and(|p| p.contains(&l)) {
                        let meta = chunk.entry(l).or_default();
                        ledger::acknowledge(
                            meta,
                            rev,
                            ack.stamps.as_ref().unwrap_or(&Stamps::default()),
                        );
                    } else {
                        chunk.remove(&l);
                    }
                }
                DocId::Settings => {
                    ledger::acknowledge(
                        &mut smeta,
                        rev,
                        ack.stamps.as_ref().unwrap_or(&Stamps::default()),
                    );
                    smeta_changed = true;
                }
                _ => {}
            }
            if waiting.get(&ack.id) == Some(&ack.seq) {
                writes.delete(Table::Outbox, ack.id.clone());
            }
        }
        for (c, m) in &metas {
            writes.put(Table::Meta, chunk_key(*c), encode(m));
        }
        if smeta_changed {
            writes.put(Table::Sync, SETTINGS_META, encode(&smeta));
        }
        if let (Some(c), Phase::Upload { next }) = (upload, &link.phase)
            && *next <= c
        {
            link.phase = if c + 1 >= CHUNKS {
                Phase::Live
            } else {
                Phase::Upload { next: c + 1 }
            };
            writes.put(Table::Sync, LINK, encode(&link));
        }
        Ok((writes, ()))
    })
    .await
}

/// What applying pulled documents did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PullReport {
    /// Documents that changed local data.
    pub applied: usize,
    /// Documents refused, with why.
    pub skipped: Vec<Skip>,
    /// Leads that now carry conflicts a person should look at.
    pub conflicts: usize,
}

/// Applies documents received from the server and, when given, the new
/// checkpoint of the changes feed, in one transaction.
pub async fn pulled<R: Records + ?Sized>(
    records: &R,
    docs: &[Value],
    checkpoint: Option<&str>,
) -> Result<PullReport, StorageError> {
    let chunks_needed: BTreeSet<u8> = docs
        .iter()
        .filter_map(|d| {
            DocId::parse(d["_id"].as_str().unwrap_or_default())
                .lead()
                .map(chunk_of)
        })
        .collect();
    let mut need = Need {
        keys: chunk_keys(
            &chunks_needed,
            &[Table::Leads, Table::Activities, Table::Meta],
        ),
        tables: vec![Table::Outbox],
    };
    for key in [LINK, SETTINGS_META, ORPHANS] {
        need.keys.push((Table::Sync, key.into()));
    }
    need.keys.push((Table::Settings, SETTINGS_KEY.into()));
    run(records, &need, |reads| {
        plan_pull(reads, docs, checkpoint, &chunks_needed)
    })
    .await
}

fn plan_pull(
    reads: &Reads,
    docs: &[Value],
    checkpoint: Option<&str>,
    chunks_needed: &BTreeSet<u8>,
) -> Result<(Writes, PullReport), StorageError> {
    let mut writes = Writes::default();
    let mut report = PullReport::default();
    let Some(mut link) = link_of(reads)? else {
        return Ok((writes, report));
    };
    let who = link.who();
    let waiting = outbox(reads);
    let mut settings = decode_settings(reads.get(Table::Settings, SETTINGS_KEY))?;
    let mut smeta = settings_meta(reads)?;
    let mut orphans: Vec<Value> = reads
        .get(Table::Sync, ORPHANS)
        .map(|t| serde_json::from_str(t).unwrap_or_default())
        .unwrap_or_default();
    let mut leads: BTreeMap<u8, Vec<Lead>> = BTreeMap::new();
    let mut acts: BTreeMap<u8, Vec<Activity>> = BTreeMap::new();
    let mut metas: BTreeMap<u8, BTreeMap<LeadId, DocMeta>> = BTreeMap::new();
    for &c in chunks_needed {
        let key = chunk_key(c);
        leads.insert(
            c,
            reads
                .get(Table::Leads, &key)
                .map(|t| chunks::decode_leads(&key, t))
                .transpose()?
                .unwrap_or_default(),
        );
        acts.insert(
            c,
            reads
                .get(Table::Activities, &key)
                .map(|t| chunks::decode_activities(&key, t))
                .transpose()?
                .unwrap_or_default(),
        );
        metas.insert(c, meta_chunk(reads, c)?);
    }
    let mut touched: BTreeSet<u8> = BTreeSet::new();
    let mut new_waiting: Vec<String> = Vec::new();
    let mut settings_changed = false;
    // Settings first: leads are checked against the pipeline they bring.
    let (setting_docs, others): (Vec<&Value>, Vec<&Value>) = docs
        .iter()
        .partition(|d| d["_id"].as_str() == Some(doc::SETTINGS));
    for d in setting_docs {
        match doc::parse(d, &settings.pipeline) {
            Ok(Remote::Settings {
                rev,
                settings: remote,
                stamps,
            }) => {
                let is_waiting = waiting.contains_key(doc::SETTINGS);
                if let Pulled::Keep {
                    value,
                    meta,
                    waiting: still,
                } =
                    ledger::pull_settings((&settings, &smeta), is_waiting, &rev, &remote, &stamps)
                {
                    settings = value;
                    smeta = meta;
                    settings_changed = true;
                    report.applied += 1;
                    if still {
                        new_waiting.push(doc::SETTINGS.into());
                    }
                }
            }
            Ok(_) => {}
            Err(skip) => report.skipped.push(skip),
        }
    }
    // Documents are applied in feed order; orphaned activities (their lead
    // not here yet) wait in `orphans` until it arrives.
    let pending_orphans = std::mem::take(&mut orphans);
    for d in others.into_iter().chain(pending_orphans.iter()) {
        let id = d["_id"].as_str().unwrap_or_default();
        let remote = match doc::parse(d, &settings.pipeline) {
            Ok(r) => r,
            Err(skip) => {
                report.skipped.push(skip);
                continue;
            }
        };
        match remote {
            Remote::Lead {
                rev,
                lead: remote,
                stamps,
            } => {
                let c = chunk_of(remote.id());
                let list = leads.entry(c).or_default();
                let chunk_metas = metas.entry(c).or_default();
                let pos = list.iter().position(|l| l.id() == remote.id());
                let meta = chunk_metas.get(&remote.id()).cloned().unwrap_or_default();
                let local = pos.map(|i| (&list[i], &meta));
                let result = ledger::pull_lead(
                    local,
                    waiting.contains_key(id),
                    &rev,
                    &remote,
                    &stamps,
                    &who,
                );
                if let Pulled::Keep {
                    value,
                    meta,
                    waiting: still,
                } = result
                {
                    if !value.conflicts().is_empty() {
                        report.conflicts += 1;
                    }
                    match pos {
                        Some(i) => list[i] = value,
                        None => list.push(value),
                    }
                    chunk_metas.insert(remote.id(), meta);
                    if still {
                        new_waiting.push(id.to_owned());
                    }
                    touched.insert(c);
                    report.applied += 1;
                }
            }
            Remote::Activity { id, activity } => {
                let c = chunk_of(activity.lead);
                let known = leads
                    .get(&c)
                    .is_some_and(|l| l.iter().any(|x| x.id() == activity.lead));
                if !known {
                    orphans.push(d.clone());
                    continue;
                }
                let list = acts.entry(c).or_default();
                let of_lead: Vec<&Activity> =
                    list.iter().filter(|a| a.lead == activity.lead).collect();
                if !doc::activity_ids(of_lead).contains(&id) {
                    list.push(activity);
                    touched.insert(c);
                    report.applied += 1;
                }
            }
            Remote::Deleted {
                id: DocId::Lead(l),
                rev,
            } => {
                let c = chunk_of(l);
                let doc_id = doc::lead_id(l);
                if waiting.contains_key(&doc_id) {
                    // Local edits win over a deletion: the lead comes back.
                    if let Some(m) = metas.entry(c).or_default().get_mut(&l) {
                        m.rev = Some(rev);
                        touched.insert(c);
                    }
                    continue;
                }
                let list = leads.entry(c).or_default();
                if list.iter().any(|x| x.id() == l) {
                    list.retain(|x| x.id() != l);
                    acts.entry(c).or_default().retain(|a| a.lead != l);
                    report.applied += 1;
                }
                metas.entry(c).or_default().remove(&l);
                touched.insert(c);
            }
            Remote::Deleted {
                id: DocId::Activity(l, id),
                ..
            } => {
                if waiting.contains_key(&id) {
                    continue;
                }
                let c = chunk_of(l);
                let list = acts.entry(c).or_default();
                let of_lead: Vec<Activity> = list.iter().filter(|a| a.lead == l).cloned().collect();
                let ids = doc::activity_ids(&of_lead);
                if let Some(i) = ids.iter().position(|x| *x == id) {
                    let gone = of_lead[i].clone();
                    if let Some(j) = list.iter().position(|a| *a == gone) {
                        list.remove(j);
                        touched.insert(c);
                        report.applied += 1;
                    }
                }
            }
            Remote::Deleted { .. } | Remote::Settings { .. } | Remote::Ignored => {}
        }
    }
    for c in &touched {
        let key = chunk_key(*c);
        writes.put(Table::Leads, key.clone(), chunks::encode_list(&leads[c]));
        writes.put(
            Table::Activities,
            key.clone(),
            chunks::encode_list(&acts[c]),
        );
        writes.put(Table::Meta, key, encode(&metas[c]));
    }
    if settings_changed {
        writes.put(Table::Settings, SETTINGS_KEY, encode(&settings));
        writes.put(Table::Sync, SETTINGS_META, encode(&smeta));
    }
    if orphans != pending_orphans {
        writes.put(Table::Sync, ORPHANS, encode(&orphans));
    }
    if !new_waiting.is_empty() {
        link.seq += 1;
        for id in new_waiting {
            writes.put(Table::Outbox, id, link.seq.to_string());
        }
    }
    for skip in &report.skipped {
        if !link.skipped.iter().any(|(id, _)| *id == skip.id) {
            link.skipped.push((skip.id.clone(), skip.to_string()));
        }
    }
    if let Some(cp) = checkpoint {
        link.checkpoint = Some(cp.to_owned());
    }
    writes.put(Table::Sync, LINK, encode(&link));
    Ok((writes, report))
}

/// Stages one batch of the first download (resumable: the batch and the
/// new checkpoint are written together).
pub async fn stage<R: Records + ?Sized>(
    records: &R,
    docs: &[Value],
    checkpoint: &str,
    total: u64,
) -> Result<(), StorageError> {
    let need = Need {
        keys: vec![(Table::Sync, LINK.into())],
        tables: vec![],
    };
    let text = encode(docs);
    run(records, &need, |reads| {
        let mut writes = Writes::default();
        let Some(mut link) = link_of(reads)? else {
            return Ok((writes, ()));
        };
        let (done, batches) = match link.phase {
            Phase::Download { done, batches, .. } => (done, batches),
            _ => (0, 0),
        };
        writes.put(Table::Inbox, format!("batch-{batches:06}"), text.clone());
        link.phase = Phase::Download {
            done: done + docs.len() as u64,
            total: total.max(done + docs.len() as u64),
            batches: batches + 1,
        };
        link.checkpoint = Some(checkpoint.to_owned());
        writes.put(Table::Sync, LINK, encode(&link));
        Ok((writes, ()))
    })
    .await
}

/// Ends the first download: the staged documents become the workspace, in
/// one transaction (nothing of the previous local workspace is mixed in).
pub async fn adopt_staged<R: Records + ?Sized>(records: &R) -> Result<PullReport, StorageError> {
    let need = Need {
        keys: vec![(Table::Sync, LINK.into())],
        tables: vec![
            Table::Inbox,
            Table::Leads,
            Table::Activities,
            Table::Meta,
            Table::Outbox,
        ],
    };
    run(records, &need, |reads| {
        let mut writes = Writes::default();
        let mut report = PullReport::default();
        let Some(mut link) = link_of(reads)? else {
            return Ok((writes, report));
        };
        let mut latest: BTreeMap<String, Value> = BTreeMap::new();
        let mut batches: Vec<&(String, String, u64)> = reads.table(Table::Inbox).iter().collect();
        batches.sort_by(|a, b| a.0.cmp(&b.0));
        for (key, text, _) in batches {
            let docs: Vec<Value> = serde_json::from_str(text).map_err(|e| corrupt(key, e))?;
            for d in docs {
                if let Some(id) = d["_id"].as_str() {
                    latest.insert(id.to_owned(), d);
                }
            }
        }
        let mut settings = Workspace::default().settings();
        let mut smeta = DocMeta::default();
        if let Some(d) = latest.get(doc::SETTINGS) {
            match doc::parse(d, &settings.pipeline) {
                Ok(Remote::Settings {
                    rev,
                    settings: s,
                    stamps,
                }) => {
                    settings = *s;
                    smeta = DocMeta {
                        rev: Some(rev),
                        stamps,
                        was: BTreeMap::new(),
                    };
                }
                Ok(_) => {}
                Err(skip) => report.skipped.push(skip),
            }
        }
        let mut leads: Vec<Lead> = Vec::new();
        let mut metas: BTreeMap<u8, BTreeMap<LeadId, DocMeta>> = BTreeMap::new();
        let mut activities: Vec<(String, Activity)> = Vec::new();
        for (id, d) in &latest {
            match doc::parse(d, &settings.pipeline) {
                Ok(Remote::Lead { rev, lead, stamps }) => {
                    metas.entry(chunk_of(lead.id())).or_default().insert(
                        lead.id(),
                        DocMeta {
                            rev: Some(rev),
                            stamps,
                            was: BTreeMap::new(),
                        },
                    );
                    leads.push(*lead);
                }
                Ok(Remote::Activity { activity, .. }) => activities.push((id.clone(), activity)),
                Ok(_) => {}
                Err(skip) => report.skipped.push(skip),
            }
        }
        let known: BTreeSet<LeadId> = leads.iter().map(Lead::id).collect();
        let mut orphans: Vec<Value> = Vec::new();
        let mut acts: Vec<Activity> = Vec::new();
        for (id, a) in activities {
            if known.contains(&a.lead) {
                acts.push(a);
            } else {
                orphans.push(latest[&id].clone());
            }
        }
        report.applied = leads.len() + acts.len();
        leads.sort_by_key(|l| (l.created_at(), l.id()));
        let ws = Workspace::from_parts(settings, leads, acts);
        writes.clear = vec![
            Table::Leads,
            Table::Activities,
            Table::Meta,
            Table::Outbox,
            Table::Inbox,
        ];
        for (c, leads, acts) in chunks::encode_workspace(&ws) {
            writes.put(Table::Leads, chunk_key(c), leads);
            writes.put(Table::Activities, chunk_key(c), acts);
        }
        for (c, m) in &metas {
            writes.put(Table::Meta, chunk_key(*c), encode(m));
        }
        writes.put(Table::Settings, SETTINGS_KEY, encode(&ws.settings()));
        writes.put(Table::Sync, SETTINGS_META, encode(&smeta));
        writes.put(Table::Sync, ORPHANS, encode(&orphans));
        link.phase = Phase::Live;
        for skip in &report.skipped {
            link.skipped.push((skip.id.clone(), skip.to_string()));
        }
        writes.put(Table::Sync, LINK, encode(&link));
        Ok((writes, report))
    })
    .await
}
