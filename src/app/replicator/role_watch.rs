//! Who this person is in the workspace, read again while the app runs: a
//! role changed by an admin (at once through the feed, or every 30 s), a
//! removed member waiting to be added back, and the members admins see.

use super::*;

/// The role of the signed-in user in this database.
pub(super) async fn role(
    couch: &Couch,
    user: &str,
    server_roles: &[String],
) -> (Role, Security, Roster) {
    let security = couch.security().await.unwrap_or_default();
    let roster = roster(couch).await.unwrap_or_default();
    let role = roles::role_of(user, server_roles, &security, &roster);
    (role, security, roster)
}

/// The viewers and auditors the design document names (none without one).
pub(super) async fn roster(couch: &Couch) -> Result<Roster, SyncError> {
    Ok(Roster::of(couch.get(doc::DESIGN).await?.as_ref()))
}

/// How often the role is read again while linked.
const ROLE_EVERY_MS: i32 = 30_000;

/// Reads this person's role now, and the members (admins see them); an
/// answer only when the server gave one (a failed read changes nothing).
pub(super) async fn check_role(state: AppState, couch: &Couch) {
    let Some(link) = state.link.get_untracked() else {
        return;
    };
    let Ok(me) = couch.session().await else {
        return;
    };
    if me.name.as_deref() != Some(link.user.as_str()) {
        return;
    }
    let Ok(security) = couch.security().await else {
        return;
    };
    let Ok(roster) = roster(couch).await else {
        return;
    };
    let now = roles::role_of(&link.user, &me.roles, &security, &roster);
    if now != link.role
        && let Ok(store) = sync_store(state)
        && store.update_link(&LinkUpdate::Role(now)).await.is_ok()
        && let Ok(link) = store.link().await
    {
        state.link.set(link);
        // The push loop looks again: a viewer sends nothing, a member
        // again sends what waits.
        state.sync_kick.fire();
        forget_refusal(state, false);
    }
    status(state, |s| s.members = members(&security, &roster));
}

/// A refusal the banner shows ("you can view … but not change it", or the
/// access removed: `back`) is over once the person may write again.
fn forget_refusal(state: AppState, back: bool) {
    use crate::app::state::AppError;
    if state.write_blocked().is_none()
        && state.error.with_untracked(|e| match e {
            Some(AppError::ViewOnly) => true,
            Some(AppError::Said { .. }) => back,
            _ => false,
        })
    {
        state.error.set(None);
    }
}

/// Reads the role at start and then every 30 s while this engine runs: an
/// admin may make a member a viewer (her controls turn off and what waits
/// is said unsendable) or a viewer a member again, and nothing else tells
/// this browser until it writes.
pub(super) async fn watch_role(state: AppState, couch: Rc<Couch>, generation: u64) {
    while current(state, generation) {
        if state
            .link
            .with_untracked(|l| l.as_ref().is_some_and(|l| l.phase == Phase::Revoked))
        {
            return;
        }
        check_role(state, &couch).await;
        clock::sleep_or_online(ROLE_EVERY_MS).await;
    }
}

/// After access was removed: asks every 30 s whether it is back (the admin
/// added this person again), and then syncs again as before — what waited
/// goes out, what the team did comes in.
pub(super) async fn watch_return(state: AppState, couch: Rc<Couch>) {
    let generation = state.team_generation.get_value();
    loop {
        clock::sleep_or_online(ROLE_EVERY_MS).await;
        if !current(state, generation) {
            return;
        }
        let Some(link) = state.link.get_untracked() else {
            return;
        };
        let Ok(me) = couch.session().await else {
            continue;
        };
        if me.name.as_deref() != Some(link.user.as_str()) {
            continue;
        }
        if let Ok(Some(_)) = couch.info().await
            && let Ok(store) = sync_store(state)
            && store
                .update_link(&LinkUpdate::Phase(Phase::Live))
                .await
                .is_ok()
            && let Ok(link) = store.link().await
        {
            state.link.set(link);
            forget_refusal(state, true);
            status(state, |s| s.state = SyncState::Syncing);
            return start(state, couch);
        }
    }
}

pub(super) fn members(security: &Security, roster: &Roster) -> Vec<(String, Role)> {
    let mut out: Vec<(String, Role)> = security
        .members
        .names
        .iter()
        .map(|n| {
            let r = if security.admins.names.contains(n) {
                Role::Admin
            } else if roster.viewers.contains(n) {
                Role::Viewer
            } else if roster.auditors.contains(n) {
                Role::Auditor
            } else {
                Role::Member
            };
            (n.clone(), r)
        })
        .collect();
    crate::sort::sort(&mut out);
    out
}
