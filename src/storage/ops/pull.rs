//! Team sync, inward: documents pulled from the server applied with their
//! checkpoint in one transaction.

use super::*;
use crate::domain::live::Changed;
use crate::domain::workspace::Settings;

/// What applying pulled documents did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PullReport {
    /// Documents that changed local data.
    pub applied: usize,
    /// Documents refused, with why.
    pub skipped: Vec<Skip>,
    /// Leads that now carry conflicts a person should look at.
    pub conflicts: usize,
    /// What changed, as the app shows it (`domain::live::Live::apply`):
    /// the leads as they now are, the whole activity list of each lead
    /// whose activities changed, the leads deleted.
    pub shown: Changed,
    /// The settings, when they changed.
    pub settings: Option<Settings>,
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
            chunks_needed.iter().copied(),
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
    // Which leads changed, for `report.shown`.
    let (mut changed, mut changed_acts, mut deleted) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
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
                    changed.insert(remote.id());
                    deleted.remove(&remote.id());
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
                    changed_acts.insert(activity.lead);
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
                    deleted.insert(l);
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
                        changed_acts.insert(l);
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
    // The leads as this transaction leaves them (a lead deleted after it
    // changed is only deleted).
    for id in changed.iter().filter(|id| !deleted.contains(*id)) {
        if let Some(lead) = leads[&chunk_of(*id)].iter().find(|l| l.id() == *id) {
            report.shown.leads.push(lead.clone());
        }
    }
    for id in changed_acts.iter().filter(|id| !deleted.contains(*id)) {
        let list = acts[&chunk_of(*id)]
            .iter()
            .filter(|a| a.lead == *id)
            .cloned()
            .collect();
        report.shown.activities.push((*id, list));
    }
    report.shown.deleted = deleted.into_iter().collect();
    if settings_changed {
        writes.put(Table::Settings, SETTINGS_KEY, encode(&settings));
        writes.put(Table::Sync, SETTINGS_META, encode(&smeta));
        report.settings = Some(settings);
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
