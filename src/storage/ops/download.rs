//! The first download of a team's workspace: staged batch by batch with
//! its checkpoint, then adopted whole in one transaction.

use super::*;

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
        crate::sort::sort_by(&mut batches, |a, b| a.0.cmp(&b.0));
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
        crate::sort::sort_by_key(&mut leads, |l| (l.created_at(), l.id()));
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
