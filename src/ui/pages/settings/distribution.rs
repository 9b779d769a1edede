//! Settings → Distribution (issue 29): new leads get an owner by the rules
//! of `domain::distribution` — on or off, and each Sales rep's "receiving
//! leads" switch and days away. In a team workspace a member sets their
//! own rep's; an admin anyone's. The leads waiting for an owner are counted.

use super::{Said, SectionError};
use crate::app::clock;
use crate::app::state::AppState;
use crate::domain::distribution::{Distribution, Route, waiting};
use crate::domain::rep::RepId;
use crate::sync::ledger::Role;
use crate::ui::i18n::pages::settings::{RouteProblem, SettingsMsg, route_problem, route_unseen};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

mod text;

use text::{away_text, hours_text, list, parse_away, parse_hours};

#[component]
pub(super) fn DistributionEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let error = RwSignal::new(None::<Said>);
    let dist = Memo::new(move |_| state.settings.with(Distribution::of).unwrap_or_default());
    let on = move || dist.with(|d| d.since.is_some());
    let save = move |f: Box<dyn FnOnce(&mut Distribution)>| {
        let mut s = state.settings.get_untracked();
        let mut d = Distribution::of(&s).unwrap_or_default();
        f(&mut d);
        d.put(&mut s);
        error.set(None);
        state.save_settings(s);
    };
    // In a team workspace a member sets only their own rep's switch.
    let may_set = move |rep: &RepId| {
        let admin = state
            .link
            .with(|l| l.as_ref().is_none_or(|l| l.role == Role::Admin));
        admin || state.my_rep().as_ref() == Some(rep)
    };
    // (waiting for distribution, other open leads without an owner).
    let pool = move || {
        let pipeline = state.pipeline.get();
        dist.with(|d| {
            state.insights.with(|i| {
                let (mut waits, mut others) = (0, 0);
                for l in i
                    .leads()
                    .iter()
                    .filter(|l| l.owner().is_none() && !l.is_closed(&pipeline))
                {
                    if waiting(d, l, true) {
                        waits += 1;
                    } else {
                        others += 1;
                    }
                }
                (waits, others)
            })
        })
    };
    view! {
        <section class="card" data-testid="distribution-editor">
            <h2>{i18n.t(SettingsMsg::Distribution)}</h2>
            <p class="muted">{i18n.t(SettingsMsg::DistributionHint)}</p>
            <label class="tap">
                <input type="checkbox" data-testid="dist-on" prop:checked=on on:change=move |ev| {
                    let yes = event_target_checked(&ev);
                    save(Box::new(move |d| d.since = yes.then(clock::now)));
                } />
                {i18n.t(SettingsMsg::DistributionOn)}
            </label>
            <Show when=on>
                <div class="grid-form">
                    <label for="dist-within">{i18n.t(SettingsMsg::WithinMinutes)}</label>
                    <input id="dist-within" data-testid="dist-within" type="number" min="1" inputmode="numeric"
                        prop:value=move || dist.with(|d| d.within.map(|w| w.to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            match text.trim() {
                                "" => save(Box::new(|d| d.within = None)),
                                t => match t.parse::<u32>() {
                                    Ok(n) if n > 0 => save(Box::new(move |d| d.within = Some(n))),
                                    _ => {
                                        let t = t.to_owned();
                                        error.set(Some(Said::new(move || crate::ui::i18n::pages::settings::bad_within(i18n.0.get(), &t))));
                                    }
                                },
                            }
                        } />
                </div>
                // On a phone the table scrolls on its own (four columns).
                <div class="table-scroll">
                <table class="data" data-testid="dist-reps">
                    <thead><tr>
                        <th>{i18n.t(crate::ui::i18n::pages::PageMsg::Name)}</th>
                        <th>{i18n.t(SettingsMsg::Receiving)}</th>
                        <th>{i18n.t(SettingsMsg::DaysAway)}</th>
                        <th>{i18n.t(SettingsMsg::OwnHours)}</th>
                    </tr></thead>
                    <tbody>
                        {move || state.settings.get().reps.into_iter().filter(|r| r.active && r.team.in_sales()).map(|r| {
                            let id = r.id.clone();
                            let (for_check, for_away, for_value) = (id.clone(), id.clone(), id.clone());
                            let (for_hours, hours_value) = (id.clone(), id.clone());
                            let allowed = may_set(&id);
                            let (name_away, name_hours) = (r.name.clone(), r.name.clone());
                            view! {
                                <tr data-testid="dist-rep">
                                    <td>{r.name.clone()}</td>
                                    <td>
                                        <label class="tap">
                                            <input type="checkbox" data-testid="dist-receiving" aria-label=format!("{} — {}", i18n.t(SettingsMsg::Receiving)(), r.name)
                                                disabled=!allowed
                                                prop:checked=move || dist.with(|d| d.receiving(&for_check))
                                                on:change=move |ev| {
                                                    let yes = event_target_checked(&ev);
                                                    let id = id.clone();
                                                    save(Box::new(move |d| {
                                                        d.paused.retain(|p| *p != id);
                                                        if !yes { d.paused.push(id); }
                                                    }));
                                                } />
                                        </label>
                                    </td>
                                    <td>
                                        <input data-testid="dist-away" placeholder="yyyy-mm-dd – yyyy-mm-dd" aria-label=format!("{} — {}", i18n.t(SettingsMsg::DaysAway)(), r.name)
                                            disabled=!allowed
                                            prop:value=move || dist.with(|d| away_text(d, &for_value))
                                            on:change=move |ev| {
                                                let text = event_target_value(&ev);
                                                match parse_away(&text, &for_away, i18n.0.get_untracked()) {
                                                    Ok(list) => {
                                                        let id = for_away.clone();
                                                        save(Box::new(move |d| {
                                                            d.away.retain(|a| a.rep != id);
                                                            d.away.extend(list);
                                                        }));
                                                    }
                                                    Err(_) => {
                                                        // Named, since the error is said below the table.
                                                        let (rep, name) = (for_away.clone(), name_away.clone());
                                                        error.set(Some(Said::new(move || format!("{name} · {}", parse_away(&text, &rep, i18n.0.get()).err().unwrap_or_default()))));
                                                    }
                                                }
                                            } />
                                    </td>
                                    <td>
                                        <input data-testid="dist-hours" placeholder="hh:mm-hh:mm" aria-label=format!("{} — {}", i18n.t(SettingsMsg::OwnHours)(), r.name)
                                            disabled=!allowed
                                            prop:value=move || dist.with(|d| hours_text(d, &hours_value))
                                            on:change=move |ev| {
                                                let text = event_target_value(&ev);
                                                match parse_hours(&text, &for_hours, i18n.0.get_untracked()) {
                                                    Ok(list) => {
                                                        let id = for_hours.clone();
                                                        save(Box::new(move |d| {
                                                            d.hours.retain(|h| h.rep != id);
                                                            d.hours.extend(list);
                                                        }));
                                                    }
                                                    Err(_) => {
                                                        let (rep, name) = (for_hours.clone(), name_hours.clone());
                                                        error.set(Some(Said::new(move || format!("{name} · {}", parse_hours(&text, &rep, i18n.0.get()).err().unwrap_or_default()))));
                                                    }
                                                }
                                            } />
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
                <RoutesEditor dist=dist error=error admin=Signal::derive(move || state.link.with(|l| l.as_ref().is_none_or(|l| l.role == Role::Admin))) />
                <p data-testid="dist-pool">{move || {
                    let (waiting, others) = pool();
                    let l = i18n.0.get();
                    crate::ui::i18n::pages::settings::pool(l, waiting) + &crate::ui::i18n::pages::settings::unowned(l, others)
                }}</p>
            </Show>
            <SectionError error=error testid="dist-error" />
        </section>
    }
}

/// The routing rules: each a group of reps tried first for leads of some
/// sources or campaigns. Only an admin changes them in a team workspace.
#[component]
fn RoutesEditor(
    dist: Memo<Distribution>,
    error: RwSignal<Option<Said>>,
    admin: Signal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let save = move |f: Box<dyn FnOnce(&mut Distribution)>| {
        let mut s = state.settings.get_untracked();
        let mut d = Distribution::of(&s).unwrap_or_default();
        f(&mut d);
        d.put(&mut s);
        error.set(None);
        state.save_settings(s);
    };
    let name = RwSignal::new(String::new());
    let sources = RwSignal::new(String::new());
    let campaigns = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<RepId>::new());
    let rep_name = move |id: &RepId| {
        state.settings.with(|s| {
            s.reps
                .iter()
                .find(|r| r.id == *id)
                .map_or_else(|| id.to_string(), |r| r.name.clone())
        })
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.0.get_untracked();
        let route = Route {
            name: name.get_untracked().trim().to_owned(),
            sources: list(&sources.get_untracked()),
            campaigns: list(&campaigns.get_untracked()),
            reps: chosen.get_untracked(),
        };
        let problem = if route.name.is_empty() {
            Some(RouteProblem::Name)
        } else if route.sources.is_empty() && route.campaigns.is_empty() {
            Some(RouteProblem::Match)
        } else if route.reps.is_empty() {
            Some(RouteProblem::Reps)
        } else {
            None
        };
        if let Some(p) = problem {
            return error.set(Some(Said::new(move || route_problem(lang, p).to_owned())));
        }
        save(Box::new(move |d| d.routes.push(route)));
        name.set(String::new());
        sources.set(String::new());
        campaigns.set(String::new());
        chosen.set(Vec::new());
    };
    view! {
        <h3>{i18n.t(SettingsMsg::Routes)}</h3>
        <p class="muted">{i18n.t(SettingsMsg::RoutesHint)}</p>
        <fieldset class="bare" disabled=move || !admin.get()>
            <ul class="plain" data-testid="dist-routes">
                {move || dist.get().routes.into_iter().enumerate().map(|(i, r)| {
                    let matches = r.sources.iter().chain(&r.campaigns).cloned().collect::<Vec<_>>().join(", ");
                    let reps = r.reps.iter().map(rep_name).collect::<Vec<_>>().join(", ");
                    let unseen = state.insights.with_untracked(|ins| {
                        let names = r.unseen(ins.leads());
                        (!names.is_empty()).then(|| route_unseen(i18n.0.get_untracked(), &names))
                    });
                    view! {
                        <li data-testid="dist-route">
                            <strong>{r.name.clone()}</strong> ": " {matches} " → " {reps} " "
                            <button type="button" class="link" data-testid="dist-route-remove" on:click=move |_| {
                                save(Box::new(move |d| { if i < d.routes.len() { d.routes.remove(i); } }));
                            }>{i18n.t(SettingsMsg::RemoveRoute)}</button>
                            {unseen.map(|u| view! { <br /><span class="muted" data-testid="route-unseen">{u}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="grid-form" on:submit=add data-testid="dist-route-form">
                <label for="route-name">{i18n.t(SettingsMsg::RouteName)}</label>
                <input id="route-name" data-testid="route-name" bind:value=name />
                <label for="route-sources">{i18n.t(SettingsMsg::RouteSources)}</label>
                <input id="route-sources" data-testid="route-sources" bind:value=sources />
                <label for="route-campaigns">{i18n.t(SettingsMsg::RouteCampaigns)}</label>
                <input id="route-campaigns" data-testid="route-campaigns" bind:value=campaigns />
                <span>{i18n.t(SettingsMsg::RouteReps)}</span>
                <div>
                    {move || state.settings.get().reps.into_iter().filter(|r| r.active && r.team.in_sales()).map(|r| {
                        let (id, for_check) = (r.id.clone(), r.id.clone());
                        view! {
                            <label class="tap">
                                <input type="checkbox" data-testid="route-rep"
                                    prop:checked=move || chosen.with(|c| c.contains(&for_check))
                                    on:change=move |ev| {
                                        let yes = event_target_checked(&ev);
                                        let id = id.clone();
                                        chosen.update(|c| { c.retain(|x| *x != id); if yes { c.push(id); } });
                                    } />
                                {r.name.clone()}
                            </label>
                        }
                    }).collect_view()}
                </div>
                <button type="submit" data-testid="add-route">{i18n.t(SettingsMsg::AddRoute)}</button>
            </form>
        </fieldset>
    }
}
