//! The admin's side: who is in the workspace, and as what.

use super::*;

/// Admin: lets `name` into the workspace as `role`, creating the server
/// user when it does not exist (with `password`).
pub fn invite(state: AppState, name: String, password: String, role: Role) {
    let Some(couch) = state.couch.get_value() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let result = async {
            if !password.is_empty() {
                if !couch.create_user(&name, &password).await? {
                    // 409: the account exists; its password is the person's own.
                    state.toast.set(Some(crate::app::state::Toast::Said {
                        en: format!("{name} already has an account on this server: their password was not changed."),
                        vi: format!("{name} đã có tài khoản trên máy chủ này: mật khẩu của họ không bị đổi."),
                    }));
                }
            } else if couch.user_exists(&name).await? == Some(false) {
                // Nobody could ever sign in as it.
                return Err(SyncError::NoSuchUser(name.clone()));
            }
            let mut security = couch.security().await?;
            security.admit(&name);
            if role == Role::Admin && !security.admins.names.contains(&name) {
                security.admins.names.push(name.clone());
            }
            // Another role than admin: no longer one.
            if role != Role::Admin {
                security.admins.names.retain(|n| *n != name);
            }
            couch.set_security(&security).await?;
            set_role(&couch, &name, role, &security).await?;
            refresh_members(state, &couch).await
        }
        .await;
        if let Err(e) = result {
            fail(state, e);
        }
    });
}

/// Admin: removes `name` from the workspace (their next request is refused).
pub fn remove(state: AppState, name: String) {
    let Some(couch) = state.couch.get_value() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let result = async {
            let mut security = couch.security().await?;
            security.remove(&name);
            couch.set_security(&security).await?;
            set_role(&couch, &name, Role::Member, &security).await?;
            refresh_members(state, &couch).await
        }
        .await;
        if let Err(e) = result {
            fail(state, e);
        }
    });
}

/// Gives `name` their role in the design document's roster, and writes
/// the guard again when it changed.
async fn set_role(
    couch: &Couch,
    name: &str,
    role: Role,
    security: &Security,
) -> Result<(), SyncError> {
    let mut roster = role_watch::roster(couch).await?;
    roster.set(name, role);
    write_guard(couch, &roster, security).await
}

/// Writes the guard for `roster` and the database's admins, unless the
/// stored one is exactly that.
pub(super) async fn write_guard(
    couch: &Couch,
    roster: &Roster,
    security: &Security,
) -> Result<(), SyncError> {
    let design = couch.get(doc::DESIGN).await?;
    let rev = design
        .as_ref()
        .and_then(|d| d["_rev"].as_str().map(str::to_owned));
    let new = roles::design_doc(roster, &security.admins.names, rev.as_deref());
    let same = design.as_ref().is_some_and(|d| {
        d["validate_doc_update"] == new["validate_doc_update"] && Roster::of(Some(d)) == *roster
    });
    if !same {
        couch.put(&new).await?;
    }
    Ok(())
}

async fn refresh_members(state: AppState, couch: &Couch) -> Result<(), SyncError> {
    let security = couch.security().await?;
    let roster = role_watch::roster(couch).await?;
    status(state, |s| s.members = members(&security, &roster));
    Ok(())
}

/// Reads the members again (admins' panel).
pub fn load_members(state: AppState) {
    let Some(couch) = state.couch.get_value() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let _ = refresh_members(state, &couch).await;
    });
}

/// True when this tab signs requests with credentials held in memory (the
/// browser refused the session cookie).
pub fn credentials_in_memory(state: AppState) -> bool {
    state.couch.with_value(|c| {
        c.as_ref()
            .is_some_and(|c| matches!(c.auth(), Auth::Basic(_)))
    })
}
