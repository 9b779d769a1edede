//! Pulling: the first download in batches (staged, adopted whole), then
//! the changes feed, fetching only what this device lacks; sibling
//! revisions the server holds are made one on the way in.

use super::*;
use crate::sync::merge;
use serde_json::json;

/// The feed's position as the pull loop knows it: ahead of the stored
/// checkpoint while only changes this device already had came by (the
/// stored one moves with the next change applied, or every
/// [`CHECKPOINT_EVERY_MS`]; after a reload those changes are listed again
/// and recognised, not fetched).
#[derive(Default)]
struct Position {
    since: Option<String>,
    saved_at: f64,
}

/// How often a checkpoint that moved over known changes only is stored.
const CHECKPOINT_EVERY_MS: f64 = 30_000.0;

pub(super) async fn pull_loop(state: AppState, couch: Rc<Couch>, generation: u64) {
    let mut delay = 2_000;
    let mut position = Position::default();
    while current(state, generation) {
        match pull_once(state, &couch, &mut position).await {
            Ok(()) => delay = 2_000,
            Err(e) => {
                if stopped(state, &couch, e, &mut delay).await {
                    return;
                }
            }
        }
    }
}

/// One step of pulling: a batch of the first download, or the next changes.
async fn pull_once(
    state: AppState,
    couch: &Couch,
    position: &mut Position,
) -> Result<(), SyncError> {
    let store = sync_store(state)?;
    let Some(link) = store.link().await.map_err(storage)? else {
        return Ok(());
    };
    let since = position
        .since
        .clone()
        .filter(|_| link.phase != Phase::Revoked && !matches!(link.phase, Phase::Download { .. }))
        .or_else(|| link.checkpoint.clone())
        .unwrap_or_else(|| "0".into());
    match link.phase {
        Phase::Revoked => Err(SyncError::Revoked),
        Phase::Download { done, total, .. } => {
            status(state, |s| {
                s.state = SyncState::Syncing;
                s.progress = Some((done, total));
            });
            let changes = couch.changes(&since, BATCH, 0, true).await?;
            let mut docs: Vec<Value> = changes.results.into_iter().filter_map(|c| c.doc).collect();
            if docs.is_empty() {
                let report = store.adopt_staged().await.map_err(storage)?;
                state.reload();
                state.announce();
                if let Ok(link) = store.link().await {
                    state.link.set(link);
                }
                status(state, |s| {
                    s.progress = None;
                    s.state = SyncState::Synced;
                });
                let _ = report;
                return Ok(());
            }
            // The total: what the feed says is left, else the database's
            // document count read when joining (not every server says).
            make_siblings_one(state, couch, &link, &mut docs).await?;
            let total = changes
                .pending
                .map_or(total, |left| done + docs.len() as u64 + left);
            store
                .stage(&docs, &seq_text(&changes.last_seq), total)
                .await
                .map_err(|e| {
                    state.failed_write(e.clone());
                    storage(e)
                })?;
            Ok(())
        }
        Phase::Upload { .. } | Phase::Live => {
            // The feed without bodies; only what this device lacks is
            // fetched (our own pushes coming back are not).
            let changes = couch.changes(&since, BATCH, LONGPOLL_MS, false).await?;
            let listed: Vec<(String, String, bool)> = changes
                .results
                .iter()
                .map(|c| (c.id.clone(), c.known_by().to_owned(), c.deleted))
                .collect();
            // The viewers live in the design document: when an admin
            // changes someone's role, everyone reads their own again now
            // (a removal shows at the next refused request instead).
            if listed.iter().any(|(id, ..)| id == doc::DESIGN) {
                super::check_role(state, couch).await;
            }
            let (fetch, mut docs) = store.unknown(&listed).await.map_err(storage)?;
            if !fetch.is_empty() {
                docs.extend(couch.fetch(&fetch).await?);
            }
            make_siblings_one(state, couch, &link, &mut docs).await?;
            let at = seq_text(&changes.last_seq);
            let now = js_sys::Date::now();
            if docs.is_empty() && now - position.saved_at < CHECKPOINT_EVERY_MS {
                // Only changes this device had: nothing to write now.
                position.since = Some(at);
                refresh_waiting(state).await;
                settle_status(state);
                return Ok(());
            }
            let report = store.pulled(&docs, Some(&at)).await.map_err(|e| {
                state.failed_write(e.clone());
                storage(e)
            })?;
            position.since = Some(at);
            position.saved_at = now;
            if report.applied > 0 {
                // What the pull changed, shown like an edit of this tab.
                if let Some(settings) = report.settings {
                    state.show_settings(settings);
                }
                state.show_change(report.shown);
                state.announce();
            }
            if let Ok(link) = store.link().await {
                state.link.set(link);
            }
            refresh_waiting(state).await;
            settle_status(state);
            Ok(())
        }
    }
}

/// After a step of the push loop that sent nothing (nothing waits, or a
/// viewer's changes cannot go): no request reached the server, so it
/// proves nothing about the connection — Offline or an error stays until a
/// pull answers (the loops start only once the server answered a session
/// check, so Connecting may settle).
pub(super) fn settle_pushed(state: AppState) {
    let failed = state
        .team
        .with_untracked(|t| matches!(t.state, SyncState::Offline | SyncState::Failed(_)));
    if !failed {
        settle_status(state);
    }
}

/// After a successful step: synced when nothing waits and no first upload
/// or download is under way.
pub(super) fn settle_status(state: AppState) {
    let live = state
        .link
        .with_untracked(|l| l.as_ref().is_some_and(|l| l.phase == Phase::Live));
    status(state, |s| {
        if matches!(
            s.state,
            SyncState::Failed(_)
                | SyncState::Offline
                | SyncState::Connecting
                | SyncState::Syncing
                | SyncState::Synced
        ) {
            s.state = if (s.waiting > s.unsendable) || !live {
                SyncState::Syncing
            } else {
                SyncState::Synced
            };
        }
    });
}

/// Documents the server holds sibling revisions of (`_conflicts`: written
/// apart on a cluster's nodes, or by replicas that were apart) are made one:
/// the siblings are fetched and merged (`sync::merge::resolve`, the same
/// result on every device), the merge is written over the winner and the
/// other revisions are deleted, in one request. The merged document is
/// what this device applies. Another device resolving the same siblings
/// first only makes the write fail (a 409): the winner is applied, and
/// its merge comes through the feed. A viewer cannot write: it applies
/// the winner as it is.
async fn make_siblings_one(
    state: AppState,
    couch: &Couch,
    link: &Link,
    docs: &mut [Value],
) -> Result<(), SyncError> {
    for doc in docs.iter_mut() {
        let Some(Value::Array(others)) = doc.as_object_mut().and_then(|o| o.remove("_conflicts"))
        else {
            continue;
        };
        let id = doc["_id"].as_str().unwrap_or_default().to_owned();
        if others.is_empty() || matches!(link.role, Role::Viewer | Role::Auditor) || id.is_empty() {
            continue;
        }
        let others: Vec<String> = others
            .iter()
            .filter_map(|r| r.as_str().map(str::to_owned))
            .collect();
        let mut siblings = vec![doc.clone()];
        for rev in &others {
            if let Some(sibling) = couch.get_rev(&id, rev).await? {
                siblings.push(sibling);
            }
        }
        let pipeline = state.pipeline.get_untracked();
        let Some(mut merged) = merge::resolve(&siblings, &pipeline, &link.who()) else {
            continue;
        };
        // The merge first, then the other revisions deleted: the results
        // of one request carry the same id and need not come in order.
        let written = couch.bulk_docs(std::slice::from_ref(&merged)).await?;
        let Some(rev) = written.first().and_then(|r| r.rev.clone()) else {
            continue;
        };
        let deletions: Vec<Value> = others
            .iter()
            .map(|rev| json!({ "_id": id, "_rev": rev, "_deleted": true }))
            .collect();
        couch.bulk_docs(&deletions).await?;
        merged["_rev"] = Value::from(rev);
        *doc = merged;
    }
    Ok(())
}
