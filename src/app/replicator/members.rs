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
            set_viewer(&couch, &name, role == Role::Viewer).await?;
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
            set_viewer(&couch, &name, false).await?;
            refresh_members(state, &couch).await
        }
        .await;
        if let Err(e) = result {
            fail(state, e);
        }
    });
}

async fn set_viewer(couch: &Couch, name: &str, viewer: bool) -> Result<(), SyncError> {
    let design = couch.get(doc::DESIGN).await?;
    let mut viewers = design.as_ref().map(roles::viewers_of).unwrap_or_default();
    let before = viewers.clone();
    viewers.retain(|v| v != name);
    if viewer {
        viewers.push(name.to_owned());
    }
    if viewers != before || design.is_none() {
        let rev = design
            .as_ref()
            .and_then(|d| d["_rev"].as_str().map(str::to_owned));
        couch
            .put(&roles::design_doc(&viewers, rev.as_deref()))
            .await?;
    }
    Ok(())
}

async fn refresh_members(state: AppState, couch: &Couch) -> Result<(), SyncError> {
    let security = couch.security().await?;
    let viewers = match couch.get(doc::DESIGN).await? {
        Some(d) => roles::viewers_of(&d),
        None => Vec::new(),
    };
    status(state, |s| s.members = members(&security, &viewers));
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
