//! Settings → Team sync: connect the workspace to the team's CouchDB, see
//! where syncing stands, sign in again, and (admins) add and remove people.

use crate::app::replicator::{self, ConnectForm, SyncState};
use crate::app::state::AppState;
use crate::sync::ledger::{Phase, Role};
use crate::sync::protocol::SyncError;
use crate::ui::i18n::team::{self as tt, T};
use crate::ui::i18n::use_i18n;
use crate::ui::pages::data::BackupFirst;
use leptos::prelude::*;

/// The team sync card.
#[component]
pub fn TeamSyncPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    // Only a change between linked and not swaps the panel: the link itself
    // changes with every batch synced, and what a person is typing stays.
    let linked = Memo::new(move |_| state.link.with(Option::is_some));
    view! {
        <section class="card team-sync" data-testid="team-sync">
            <h2>{move || tt::t(lang(), T::Heading)}</h2>
            <p class="muted">{move || tt::t(lang(), T::Hint)}</p>
            {move || if linked.get() {
                view! { <Linked /> }.into_any()
            } else {
                view! { <Connect /> }.into_any()
            }}
        </section>
    }
}

/// The status line, as the header badge and the panel show it.
#[component]
pub fn SyncStatusText() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    view! {
        <p class="sync-status" role="status" data-testid="sync-status-text">
            {move || tt::status(i18n.0.get(), &state.team.get())}
        </p>
    }
}

#[component]
fn Connect() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    // After the browser deleted the site's data (and the team link with
    // it), the form offers the link that was there.
    let was = state.unlinked.get_untracked();
    let server = RwSignal::new(was.as_ref().map(|l| l.server.clone()).unwrap_or_default());
    let db = RwSignal::new(was.as_ref().map(|l| l.db.clone()).unwrap_or_default());
    let user = RwSignal::new(was.map(|l| l.user).unwrap_or_default());
    let password = RwSignal::new(String::new());
    let form = move || ConnectForm {
        server: server.get_untracked(),
        db: db.get_untracked(),
        user: user.get_untracked(),
        password: password.get_untracked(),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        replicator::connect(state, form(), false);
    };
    let would_replace = move || {
        matches!(
            state.team.get().state,
            SyncState::Failed(SyncError::WouldReplace { .. })
        )
    };
    let busy = move || state.team.get().state == SyncState::Connecting;
    view! {
        {state.unlinked.get_untracked().map(|l| view! {
            <p class="notice warn" role="alert" data-testid="team-unlinked">{move || tt::unlinked(lang(), &l.db)}</p>
        })}
        <form class="sync-form" on:submit=submit>
            <label>{move || tt::t(lang(), T::Server)}
                <input type="url" data-testid="sync-server" placeholder="https://couch.example.com" bind:value=server />
            </label>
            <label>{move || tt::t(lang(), T::Database)}
                <input data-testid="sync-db" placeholder="sales-team" autocapitalize="off" bind:value=db />
            </label>
            <label>{move || tt::t(lang(), T::User)}
                <input data-testid="sync-user" autocomplete="username" autocapitalize="off" bind:value=user />
            </label>
            <label>{move || tt::t(lang(), T::Password)}
                <input type="password" data-testid="sync-password" autocomplete="current-password" bind:value=password />
            </label>
            <button type="submit" class="primary" data-testid="sync-connect" disabled=move || busy() || !state.writable()>
                {move || tt::t(lang(), T::Connect)}
            </button>
        </form>
        <SyncStatusText />
        <Show when=would_replace>
            <div class="confirm" role="alertdialog" data-testid="confirm-join">
                <BackupFirst />
                <button type="button" class="danger" data-testid="sync-join-replace" on:click=move |_| replicator::connect(state, form(), true)>
                    {move || tt::t(lang(), T::JoinReplace)}
                </button>
            </div>
        </Show>
    }
}

#[component]
fn Linked() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    let link = move || state.link.get();
    let password = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let is_admin = move || link().is_some_and(|l| l.role == Role::Admin);
    Effect::new(move || {
        if is_admin() {
            replicator::load_members(state);
        }
    });
    let who = move || {
        link().map(|l| {
            format!(
                "{} · {} · {} ({})",
                l.user,
                l.server,
                l.db,
                tt::role(lang(), l.role)
            )
        })
    };
    let progress = move || {
        let t = state.team.get();
        let downloading = link()
            .is_some_and(|l| matches!(l.phase, Phase::Download { .. } | Phase::Upload { .. }));
        t.progress.filter(|_| downloading)
    };
    let skipped = move || link().map(|l| l.skipped).unwrap_or_default();
    view! {
        <p data-testid="sync-who">{who}</p>
        <SyncStatusText />
        {move || progress().map(|(done, of)| view! {
            <progress data-testid="sync-progress" max=of.max(1).to_string() value=done.to_string()></progress>
        })}
        <Show when=move || state.team.get().state == SyncState::SignIn>
            <form class="row" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                replicator::sign_in(state, password.get_untracked());
                password.set(String::new());
            }>
                <label for="sync-sign-in-password">{move || tt::t(lang(), T::Password)}</label>
                <input id="sync-sign-in-password" type="password" data-testid="sync-password" autocomplete="current-password" bind:value=password />
                <button type="submit" class="primary" data-testid="sync-sign-in">{move || tt::t(lang(), T::SignIn)}</button>
            </form>
        </Show>
        <Show when=move || state.team.with(|t| t.unsendable > 0)>
            <div class="confirm" role="alert" data-testid="sync-unsendable">
                <p>{move || tt::unsendable(lang(), state.team.with(|t| t.unsendable))}</p>
                <BackupFirst />
                <button type="button" class="danger" data-testid="sync-take-team" on:click=move |_| replicator::take_team_version(state)>
                    {move || tt::t(lang(), T::TakeTeamVersion)}
                </button>
            </div>
        </Show>
        <Show when=move || replicator::credentials_in_memory(state)>
            <p class="muted" data-testid="sync-credentials-note">{move || tt::t(lang(), T::CredentialsInMemory)}</p>
        </Show>
        <Show when=move || !skipped().is_empty()>
            <div data-testid="sync-skipped">
                <p>{move || tt::t(lang(), T::Skipped)}</p>
                <ul>{move || skipped().into_iter().map(|(_, why)| view! { <li>{why}</li> }).collect_view()}</ul>
            </div>
        </Show>
        <Show when=is_admin>
            <Members />
        </Show>
        <p>
            <button type="button" class="danger" data-testid="sync-disconnect" on:click=move |_| confirming.set(true)>
                {move || tt::t(lang(), T::Disconnect)}
            </button>
        </p>
        <Show when=move || confirming.get()>
            <div class="confirm" role="alertdialog" data-testid="confirm-disconnect">
                <p>{move || tt::t(lang(), T::ConfirmDisconnect)}</p>
                <button type="button" class="danger" data-testid="sync-disconnect-confirm" on:click=move |_| {
                    confirming.set(false);
                    replicator::disconnect(state);
                }>
                    {move || tt::t(lang(), T::Disconnect)}
                </button>
                <button type="button" on:click=move |_| confirming.set(false)>{i18n.t(crate::ui::i18n::pages::PageMsg::Cancel)}</button>
            </div>
        </Show>
    }
}

#[component]
fn Members() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = move || i18n.0.get();
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let role = RwSignal::new("member".to_owned());
    let me = Memo::new(move |_| {
        state
            .link
            .with(|l| l.as_ref().map(|l| l.user.clone()).unwrap_or_default())
    });
    // The rows are drawn again when the members change, not with every
    // change of the sync status.
    let members = Memo::new(move |_| state.team.with(|t| t.members.clone()));
    // Removing someone asks first: it cuts them off at their next request.
    let removing = RwSignal::new(None::<String>);
    let role_of = |v: &str| match v {
        "viewer" => Role::Viewer,
        "auditor" => Role::Auditor,
        "admin" => Role::Admin,
        _ => Role::Member,
    };
    let invite = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            return;
        }
        let r = role_of(&role.get_untracked());
        replicator::invite(state, n, password.get_untracked(), r);
        name.set(String::new());
        password.set(String::new());
    };
    view! {
        <h3>{move || tt::t(lang(), T::Members)}</h3>
        <table class="data" data-testid="members">
            <thead><tr><th>{move || tt::t(lang(), T::User)}</th><th>{move || tt::t(lang(), T::RoleLabel)}</th><th><span class="visually-hidden">{move || tt::t(lang(), T::Remove)}</span></th></tr></thead>
            <tbody>
                {move || members.get().into_iter().map(|(n, r)| {
                    let is_me = n == me.get();
                    let gone = n.clone();
                    let who = n.clone();
                    let who_row = n.clone();
                    // Another person's role is changed here (admitted again
                    // with it); one's own is not.
                    let role_cell = if is_me {
                        view! { <span>{move || tt::role(lang(), r)}</span> }.into_any()
                    } else {
                        let label = format!("{} — {n}", tt::t(lang(), T::RoleLabel));
                        view! {
                            <select data-testid="member-role-select" aria-label=label on:change=move |ev| {
                                replicator::invite(state, who.clone(), String::new(), role_of(&event_target_value(&ev)));
                            }>
                                {[Role::Member, Role::Viewer, Role::Auditor, Role::Admin].into_iter().map(|o| {
                                    let v = role_value(o);
                                    view! { <option value=v selected=o == r>{move || tt::role(lang(), o)}</option> }
                                }).collect_view()}
                            </select>
                        }.into_any()
                    };
                    view! {
                        <tr data-testid="member-row" data-user=who_row data-role=role_value(r)>
                            <td data-testid="member-name">{n.clone()}</td>
                            <td data-testid="member-role">{role_cell}</td>
                            <td>
                                {(!is_me).then(|| view! {
                                    <button type="button" class="danger" data-testid="member-remove" aria-label=move || format!("{} {n}", tt::t(lang(), T::Remove)) on:click=move |_| removing.set(Some(gone.clone()))>
                                        {move || tt::t(lang(), T::Remove)}
                                    </button>
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {move || removing.get().map(|who| {
            let ask = match lang() {
                crate::ui::i18n::Lang::En => format!("Remove {who} from this workspace? Their next request to the server is refused; changes they have not sent yet never reach the team."),
                crate::ui::i18n::Lang::Vi => format!("Gỡ {who} khỏi không gian làm việc này? Yêu cầu tiếp theo của họ tới máy chủ sẽ bị từ chối; thay đổi họ chưa gửi sẽ không đến được nhóm."),
            };
            view! {
                <div class="confirm" role="alertdialog" data-testid="confirm-remove">
                    <p>{ask}</p>
                    <button type="button" class="danger" data-testid="confirm-remove-yes" on:click=move |_| {
                        if let Some(n) = removing.try_update(Option::take).flatten() {
                            replicator::remove(state, n);
                        }
                    }>{move || tt::t(lang(), T::Remove)}</button>
                    <button type="button" data-testid="confirm-remove-no" on:click=move |_| removing.set(None)>
                        {move || match lang() { crate::ui::i18n::Lang::En => "Cancel", crate::ui::i18n::Lang::Vi => "Hủy" }}
                    </button>
                </div>
            }
        })}
        <form class="row" on:submit=invite>
            <input data-testid="invite-name" aria-label=move || tt::t(lang(), T::User) placeholder=move || tt::t(lang(), T::User) autocapitalize="off" bind:value=name />
            <input type="password" data-testid="invite-password" aria-label=move || tt::t(lang(), T::NewPassword) placeholder=move || tt::t(lang(), T::NewPassword) autocomplete="new-password" bind:value=password />
            <select data-testid="invite-role" aria-label=move || tt::t(lang(), T::RoleLabel) bind:value=role>
                <option value="member">{move || tt::role(lang(), Role::Member)}</option>
                <option value="viewer">{move || tt::role(lang(), Role::Viewer)}</option>
                <option value="auditor">{move || tt::role(lang(), Role::Auditor)}</option>
                <option value="admin">{move || tt::role(lang(), Role::Admin)}</option>
            </select>
            <button type="submit" data-testid="invite-submit">{move || tt::t(lang(), T::Invite)}</button>
        </form>
    }
}

/// A role as the role selects and the member rows name it.
fn role_value(r: Role) -> &'static str {
    match r {
        Role::Viewer => "viewer",
        Role::Auditor => "auditor",
        Role::Admin => "admin",
        Role::Member => "member",
    }
}
