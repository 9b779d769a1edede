//! Team sync, outward: what waits to be pushed (the outbox, or a chunk of
//! the first upload), which documents of the server's feed are new here,
//! and what the server accepted.

use super::*;

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
    crate::sort::sort_by_key(&mut entries, |(id, seq)| (*seq, id.clone()));
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
            chunks_needed.iter().copied(),
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
        crate::sort::sort_by_key(&mut in_chunk, |l| l.id());
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
            chunks_needed.iter().copied(),
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
        keys: chunk_keys(chunks_needed.iter().copied(), &[Table::Meta, Table::Leads]),
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
