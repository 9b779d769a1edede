//! Settings → Distribution (issue 29): new leads get an owner by the rules
//! of `domain::distribution` — on or off, and each Sales rep's "receiving
//! leads" switch and days away. In a team workspace a member sets their
//! own rep's; an admin anyone's. The leads waiting for an owner are counted.

use super::{Said, SectionError};
use crate::app::clock;
use crate::app::state::AppState;
use crate::domain::distribution::{Away, Distribution, Hours, Route, waiting};
use crate::domain::instant::{parse_typed_date, ymd};
use crate::domain::rep::RepId;
use crate::sync::ledger::Role;
use crate::ui::i18n::pages::settings::{
    RouteProblem, SettingsMsg, bad_hours, hours_backwards, route_problem, route_unseen,
};
use crate::ui::i18n::{Lang, use_i18n};
use chrono::NaiveTime;
use leptos::prelude::*;

/// A rep's days away as written: `2026-12-24` or `2026-12-24 – 2026-12-31`,
/// several separated by commas.
fn away_text(dist: &Distribution, rep: &RepId) -> String {
    dist.away
        .iter()
        .filter(|a| a.rep == *rep)
        .map(|a| {
            if a.from == a.to {
                ymd(a.from)
            } else {
                format!("{} – {}", ymd(a.from), ymd(a.to))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a rep's days away, or says which part is not a date.
fn parse_away(text: &str, rep: &RepId, lang: Lang) -> Result<Vec<Away>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (a, b) = part
                .split_once('–')
                .or_else(|| part.split_once(" - "))
                .or_else(|| part.split_once(".."))
                .unwrap_or((part, part));
            let (from, to) = (parse_typed_date(a), parse_typed_date(b));
            match (from, to) {
                (Some(from), Some(to)) if from <= to => Ok(Away {
                    rep: rep.clone(),
                    from,
                    to,
                }),
                _ => Err(bad_away(lang, part)),
            }
        })
        .collect()
}

/// A rep's own hours as written: `08:00-12:00, 22:00-02:30`.
fn hours_text(dist: &Distribution, rep: &RepId) -> String {
    dist.hours
        .iter()
        .filter(|h| h.rep == *rep)
        .map(|h| {
            // Past midnight, as the calendar writes it: 22:00-06:00+1.
            let next_day = h.to < h.from && h.to != NaiveTime::MIN;
            format!(
                "{}-{}{}",
                h.from.format("%H:%M"),
                h.to.format("%H:%M"),
                if next_day { "+1" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a rep's own hours, or says which part is not a span of time.
fn parse_hours(text: &str, rep: &RepId, lang: Lang) -> Result<Vec<Hours>, String> {
    let time = |t: &str| chrono::NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (a, b) = part
                .split_once('-')
                .or_else(|| part.split_once('–'))
                .ok_or_else(|| bad_hours(lang, part))?;
            let (b, next_day) = match b.trim().strip_suffix("+1") {
                Some(end) => (end, true),
                None => (b, false),
            };
            match (time(a), time(b)) {
                // An end before the start is a shift past midnight only
                // when marked +1 (as in the calendar); until 00:00 is
                // until midnight.
                (Some(from), Some(to)) if to < from && to != NaiveTime::MIN && !next_day => {
                    Err(hours_backwards(lang, part))
                }
                (Some(from), Some(to)) if from != to => Ok(Hours {
                    rep: rep.clone(),
                    from,
                    to,
                }),
                _ => Err(bad_hours(lang, part)),
            }
        })
        .collect()
}

/// A comma-separated list, trimmed, without empty parts.
fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

fn bad_away(lang: Lang, part: &str) -> String {
    match lang {
        Lang::En => format!(
            "Days away: “{part}” is not a date or a range of dates. Write 24/12/2026 or 2026-12-24, or a range: 24/12/2026 – 31/12/2026. The first day must not be after the last."
        ),
        Lang::Vi => format!(
            "Ngày nghỉ: “{part}” không phải một ngày hay một khoảng ngày. Hãy viết 24/12/2026 hoặc 2026-12-24, hoặc một khoảng: 24/12/2026 – 31/12/2026. Ngày đầu không được sau ngày cuối."
        ),
    }
}

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
    let pool = move || {
        let pipeline = state.pipeline.get();
        dist.with(|d| {
            state.insights.with(|i| {
                i.leads()
                    .iter()
                    .filter(|l| waiting(d, l, !l.is_closed(&pipeline)))
                    .count()
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
                                                        let rep = for_away.clone();
                                                        error.set(Some(Said::new(move || parse_away(&text, &rep, i18n.0.get()).err().unwrap_or_default())));
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
                                                        let rep = for_hours.clone();
                                                        error.set(Some(Said::new(move || parse_hours(&text, &rep, i18n.0.get()).err().unwrap_or_default())));
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
                <p data-testid="dist-pool">{move || crate::ui::i18n::pages::settings::pool(i18n.0.get(), pool())}</p>
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn days_away_read_back_as_written_and_refusals_name_the_part() {
        let lan = RepId::new("lan");
        let list = parse_away("2026-12-24 – 2026-12-26, 2027-01-02", &lan, Lang::En).unwrap();
        let dist = Distribution {
            away: list,
            ..Distribution::default()
        };
        assert_eq!(
            away_text(&dist, &lan),
            "2026-12-24 – 2026-12-26, 2027-01-02"
        );
        assert!(parse_away("", &lan, Lang::En).unwrap().is_empty());
        let e = parse_away("2026-12-24, 24/12", &lan, Lang::Vi).unwrap_err();
        assert!(e.contains("“24/12”"), "{e}");
        let e = parse_away("2026-12-26 – 2026-12-24", &lan, Lang::En).unwrap_err();
        assert!(e.contains("“2026-12-26 – 2026-12-24”"), "{e}");
    }

    #[test]
    fn hours_read_back_as_written_and_refusals_name_the_part() {
        let lan = RepId::new("lan");
        assert!(
            parse_hours("08:00-12:00, 22:00–02:30", &lan, Lang::En)
                .unwrap_err()
                .contains("“22:00–02:30” ends before it starts"),
            "past midnight only with +1"
        );
        let dist = Distribution {
            hours: parse_hours("08:00-12:00, 22:00–02:30+1, 23:00-00:00", &lan, Lang::En).unwrap(),
            ..Distribution::default()
        };
        assert_eq!(
            hours_text(&dist, &lan),
            "08:00-12:00, 22:00-02:30+1, 23:00-00:00"
        );
        assert!(parse_hours(" ", &lan, Lang::En).unwrap().is_empty());
        for bad in ["8h-12h", "08:00", "09:00-09:00", "25:00-26:00"] {
            let e = parse_hours(bad, &lan, Lang::Vi).unwrap_err();
            assert!(e.contains(&format!("“{bad}”")), "{e}");
        }
    }
}
