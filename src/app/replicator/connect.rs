//! Linking a workspace to a team database and the link's life: connect
//! (found the database and its guard as admin, then upload or download),
//! resume on start, sign in again, disconnect.

use super::*;

fn random_replica() -> String {
    let id = clock::new_lead_id().to_string();
    id.chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect()
}

/// Connects the workspace to a team database: signs in, founds the
/// database when it does not exist (a server admin), installs the role
/// guard, then uploads this workspace to an empty database or downloads the
/// team's into this browser (`replace_local`: the person agreed that the
/// local workspace is replaced). Errors are shown in the team status.
pub fn connect(state: AppState, form: ConnectForm, replace_local: bool) {
    leptos::task::spawn_local(async move {
        status(state, |s| {
            *s = TeamStatus {
                state: SyncState::Connecting,
                ..TeamStatus::default()
            }
        });
        if let Err(e) = try_connect(state, &form, replace_local).await {
            // Connecting failed: say exactly why (not "sign in again", which
            // is for a workspace already linked).
            status(state, |s| s.state = SyncState::Failed(e));
        }
    });
}

async fn try_connect(
    state: AppState,
    form: &ConnectForm,
    replace_local: bool,
) -> Result<(), SyncError> {
    let server = ServerUrl::parse(&form.server)?;
    let db = form.db.trim().to_owned();
    check_db_name(&db)?;
    let user = form.user.trim().to_owned();
    let couch = Rc::new(Couch::new(server.clone(), &db));
    couch.welcome().await?;
    let me = couch.sign_in(&user, &form.password).await?;
    let store = sync_store(state)?;
    let info = match couch.info().await {
        Ok(i) => i,
        // A member who may not read the database at all.
        Err(SyncError::Forbidden(_)) => return Err(SyncError::Revoked),
        Err(e) => return Err(e),
    };
    let founding = info.is_none();
    if founding {
        if !me.roles.iter().any(|r| r == "_admin") {
            return Err(SyncError::NoDatabase(db));
        }
        couch.create().await?;
        couch.set_security(&Security::founded_by(&user)).await?;
        couch
            .put(&roles::design_doc(
                &Roster::default(),
                std::slice::from_ref(&user),
                None,
            ))
            .await?;
    }
    let info = couch.info().await?.unwrap_or_default();
    let (role, security, roster) = role(&couch, &user, &me.roles).await;
    if role == Role::Admin {
        // The guard as this version writes it (an older app's knew no
        // auditors), for the people it names.
        members::write_guard(&couch, &roster, &security).await?;
    }
    let team_has_data = couch.get(doc::SETTINGS).await?.is_some();
    let local_has_data = state.with_leads_untracked(|l| !l.is_empty());
    if team_has_data && local_has_data && !replace_local {
        return Err(SyncError::WouldReplace {
            leads: state.with_leads_untracked(<[_]>::len),
        });
    }
    let phase = if team_has_data {
        Phase::Download {
            done: 0,
            total: info.doc_count,
            batches: 0,
        }
    } else {
        Phase::Upload { next: 0 }
    };
    let link = Link {
        server: server.as_str().to_owned(),
        db,
        user,
        replica: random_replica(),
        role,
        checkpoint: (!team_has_data).then(|| seq_text(&info.update_seq)),
        phase,
        seq: 0,
        skipped: Vec::new(),
    };
    store.set_link(Some(&link)).await.map_err(storage)?;
    state.link.set(Some(link));
    state.unlinked.set(None);
    status(state, |s| s.members = members(&security, &roster));
    start(state, couch);
    Ok(())
}

/// At start-up: a linked workspace resumes with the session cookie the
/// browser may still hold, or asks the person to sign in again.
pub fn resume(state: AppState) {
    let Some(link) = state.link.get_untracked() else {
        return;
    };
    let Ok(server) = ServerUrl::parse(&link.server) else {
        return;
    };
    let couch = Rc::new(Couch::new(server, &link.db));
    couch.assume_cookie();
    if link.phase == Phase::Revoked {
        status(state, |s| s.state = SyncState::Revoked);
        state.couch.set_value(Some(Rc::clone(&couch)));
        // What waits here is counted (the status says it was not sent).
        leptos::task::spawn_local(refresh_waiting(state));
        leptos::task::spawn_local(super::watch_return(state, couch));
        return;
    }
    let generation = state.team_generation.get_value();
    leptos::task::spawn_local(async move {
        refresh_waiting(state).await;
        // A tab opened offline (or with the server down) asks again until
        // it is answered — at once when the browser is back online — rather
        // than staying offline until the next reload.
        let mut delay = 2_000;
        while current(state, generation) {
            match couch.session().await {
                Ok(me) if me.name.as_deref() == Some(link.user.as_str()) => {
                    return start(state, couch);
                }
                Ok(_) => return status(state, |s| s.state = SyncState::SignIn),
                Err(e) if unreachable_for_now(&e) => {
                    fail(state, e);
                    backoff(&mut delay).await;
                }
                Err(e) => return fail(state, e),
            }
        }
    });
}

/// A failure that may pass by itself: the network, or the server down or
/// not answering as CouchDB for now.
fn unreachable_for_now(e: &SyncError) -> bool {
    matches!(
        e,
        SyncError::Offline | SyncError::Server(..) | SyncError::Cors { .. } | SyncError::NotCouch
    )
}

/// Signs in again (the session expired, or the browser keeps no cookie).
pub fn sign_in(state: AppState, password: String) {
    let Some(link) = state.link.get_untracked() else {
        return;
    };
    let Ok(server) = ServerUrl::parse(&link.server) else {
        return;
    };
    leptos::task::spawn_local(async move {
        status(state, |s| s.state = SyncState::Connecting);
        let couch = Rc::new(Couch::new(server, &link.db));
        match couch.sign_in(&link.user, &password).await {
            Ok(_) => start(state, couch),
            Err(e) => fail(state, e),
        }
    });
}

/// Stops syncing and forgets the link; the local copy stays as it is.
pub fn disconnect(state: AppState) {
    state.team_generation.update_value(|g| *g += 1);
    let Ok(store) = state.store() else { return };
    let couch = state.couch.get_value();
    leptos::task::spawn_local(async move {
        if let Some(c) = couch {
            c.sign_out().await;
        }
        match store.set_link(None).await {
            Ok(()) => {
                state.link.set(None);
                state.couch.set_value(None);
                state.team.set(TeamStatus::default());
            }
            Err(e) => state.failed_write(e),
        }
    });
}

/// A viewer's changes that cannot be sent (made before the role changed)
/// are dropped and the team's workspace downloaded again: the local copy
/// becomes the server's. The person was offered a backup first.
pub fn take_team_version(state: AppState) {
    let Ok(store) = sync_store(state) else { return };
    let Some(couch) = state.couch.get_value() else {
        return;
    };
    leptos::task::spawn_local(async move {
        match store.update_link(&LinkUpdate::Redownload).await {
            Ok(()) => {
                if let Ok(link) = store.link().await {
                    state.link.set(link);
                }
                status(state, |s| {
                    s.unsendable = 0;
                    s.state = SyncState::Syncing;
                });
                start(state, couch);
            }
            Err(e) => state.failed_write(e),
        }
    });
}
