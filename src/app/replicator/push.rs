//! Pushing: the outbox drained in batches through `_bulk_docs`; a 409 is
//! merged with the server's version, a 413 halves the batch.

use super::*;

pub(super) async fn push_loop(state: AppState, couch: Rc<Couch>, generation: u64) {
    let mut delay = 2_000;
    // Halved when the server refuses a request as too large (413).
    let mut batch = BATCH;
    while current(state, generation) {
        match push_once(state, &couch, batch).await {
            Ok(true) => {
                delay = 2_000;
                continue;
            }
            Err(SyncError::TooLarge) if batch > 1 => {
                batch = (batch / 2).max(1);
                continue;
            }
            Ok(false) => {
                delay = 2_000;
                state.sync_kick.wait().await;
            }
            Err(e) => {
                if stopped(state, &couch, e, &mut delay).await {
                    return;
                }
            }
        }
    }
}

/// Pushes one batch; true when there may be more.
async fn push_once(state: AppState, couch: &Couch, batch: usize) -> Result<bool, SyncError> {
    if state.loading.get_untracked() != Loading::Ready {
        return Ok(false);
    }
    let store = sync_store(state)?;
    if state.is_viewer_untracked() {
        // A viewer writes nothing here (`AppState::write_blocked`); what
        // waits was made before the role changed and would be refused:
        // the person is told and decides (`take_team_version`).
        let waiting = store.waiting().await.map_err(storage)?;
        status(state, |s| {
            s.waiting = waiting;
            s.unsendable = waiting;
        });
        settle_pushed(state);
        return Ok(false);
    }
    let out = store.outgoing(batch).await.map_err(storage)?;
    status(state, |s| {
        s.unsendable = 0;
        s.waiting = out.docs.len() + out.remaining;
        if let Some(c) = out.upload {
            s.progress = Some((u64::from(c), u64::from(crate::storage::chunks::CHUNKS)));
        }
    });
    if out.docs.is_empty() {
        if out.upload.is_some() {
            store.pushed(&[], out.upload).await.map_err(storage)?;
            if let Ok(link) = store.link().await {
                state.link.set(link);
            }
            return Ok(true);
        }
        status(state, |s| s.progress = None);
        settle_pushed(state);
        return Ok(false);
    }
    status(state, |s| s.state = SyncState::Syncing);
    // Deletions of documents whose revision this device never knew.
    let unknown: Vec<String> = out
        .docs
        .iter()
        .filter(|d| d.needs_rev)
        .map(|d| d.id.clone())
        .collect();
    let revs: std::collections::HashMap<String, Option<String>> = if unknown.is_empty() {
        Default::default()
    } else {
        couch
            .fetch(&unknown)
            .await?
            .into_iter()
            .filter_map(|d| {
                let id = d["_id"].as_str()?.to_owned();
                let live = d["_deleted"] != true;
                Some((
                    id,
                    live.then(|| d["_rev"].as_str().unwrap_or_default().to_owned()),
                ))
            })
            .collect()
    };
    let mut docs = Vec::new();
    let mut acks = Vec::new();
    let mut sent = Vec::new();
    for d in &out.docs {
        let mut body = d.doc.clone();
        if d.needs_rev {
            match revs.get(&d.id) {
                Some(Some(rev)) => body["_rev"] = Value::from(rev.as_str()),
                // Already gone on the server, or never there: nothing to delete.
                _ => {
                    acks.push(Ack {
                        id: d.id.clone(),
                        seq: d.seq,
                        stamps: None,
                        rev: Some(String::new()),
                    });
                    continue;
                }
            }
        }
        docs.push(body);
        sent.push(d);
    }
    let mut conflicts = Vec::new();
    let mut refused = None;
    // Activities the server refused (its guard: written once, never
    // edited): already there when a reply was lost on the way back.
    let mut recheck = Vec::new();
    for chunk in docs.chunks(batch).zip(sent.chunks(batch)) {
        let results = couch.bulk_docs(chunk.0).await?;
        let ids: Vec<&str> = chunk.1.iter().map(|d| d.id.as_str()).collect();
        for (r, d) in crate::sync::protocol::results_for(&ids, &results)
            .into_iter()
            .zip(chunk.1)
        {
            // Not answered: it stays in the outbox, sent again.
            let Some(r) = r else { continue };
            match (&r.rev, r.error.as_deref()) {
                (Some(rev), None) => acks.push(Ack {
                    id: d.id.clone(),
                    seq: d.seq,
                    stamps: d.stamps.clone(),
                    rev: Some(rev.clone()),
                }),
                (_, Some("conflict")) => match DocId::parse(&d.id) {
                    // An immutable activity already there: nothing to push.
                    DocId::Activity(..) if d.doc["_deleted"] != true => acks.push(Ack {
                        id: d.id.clone(),
                        seq: d.seq,
                        stamps: None,
                        rev: Some(String::new()),
                    }),
                    _ => conflicts.push(d.id.clone()),
                },
                (_, Some(_))
                    if matches!(DocId::parse(&d.id), DocId::Activity(..))
                        && d.doc["_deleted"] != true =>
                {
                    recheck.push((d, r.reason.clone().unwrap_or_default()));
                }
                (_, Some(_)) => refused = Some(r.reason.clone().unwrap_or_default()),
                _ => {}
            }
        }
    }
    if !recheck.is_empty() {
        // An activity's id is the hash of its content: the server holding
        // one under that id holds this activity. A retried push of it is
        // done, not an error.
        let ids: Vec<String> = recheck.iter().map(|(d, _)| d.id.clone()).collect();
        let held: std::collections::HashSet<String> = couch
            .fetch(&ids)
            .await?
            .into_iter()
            .filter(|d| d["_deleted"] != true && d.get("error").is_none())
            .filter_map(|d| d["_id"].as_str().map(str::to_owned))
            .collect();
        for (d, why) in recheck {
            if held.contains(&d.id) {
                acks.push(Ack {
                    id: d.id.clone(),
                    seq: d.seq,
                    stamps: None,
                    rev: Some(String::new()),
                });
            } else {
                refused = Some(why);
            }
        }
    }
    let whole_upload = out
        .upload
        .filter(|_| conflicts.is_empty() && refused.is_none());
    store.pushed(&acks, whole_upload).await.map_err(storage)?;
    if whole_upload.is_some()
        && let Ok(link) = store.link().await
    {
        state.link.set(link);
    }
    if !conflicts.is_empty() {
        // Edited elsewhere since: fetch the server's versions and merge.
        // Shown like a pull's: the leads it merged, never a whole reload
        // (a load read before a pull meanwhile would hide what it showed).
        let theirs = couch.fetch(&conflicts).await?;
        let report = store.pulled(&theirs, None).await.map_err(storage)?;
        if report.applied > 0 {
            if let Some(settings) = report.settings {
                state.show_settings(settings);
            }
            state.show_change(report.shown);
            state.announce();
        }
    }
    if let Some(why) = refused {
        return Err(SyncError::Forbidden(why));
    }
    refresh_waiting(state).await;
    Ok(true)
}
