//! Settings → Distribution (issue 29): new leads get an owner by the rules
//! of `domain::distribution` — on or off, and each Sales rep's "receiving
//! leads" switch and days away. In a team workspace a member sets their
//! own rep's; an admin anyone's. The leads waiting for an owner are counted.

use super::SectionError;
use crate::app::clock;
use crate::app::state::AppState;
use crate::domain::distribution::{Away, Distribution, waiting};
use crate::domain::instant::{parse_ymd, ymd};
use crate::domain::rep::RepId;
use crate::sync::ledger::Role;
use crate::ui::i18n::pages::settings::SettingsMsg;
use crate::ui::i18n::{Lang, use_i18n};
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
            let (from, to) = (parse_ymd(a.trim()), parse_ymd(b.trim()));
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

fn bad_away(lang: Lang, part: &str) -> String {
    match lang {
        Lang::En => format!(
            "Days away: “{part}” is not a date or a range of dates. Write 2026-12-24, or 2026-12-24 – 2026-12-31."
        ),
        Lang::Vi => format!(
            "Ngày nghỉ: “{part}” không phải một ngày hay một khoảng ngày. Hãy viết 2026-12-24, hoặc 2026-12-24 – 2026-12-31."
        ),
    }
}

#[component]
pub(super) fn DistributionEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let error = RwSignal::new(None::<String>);
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
                <table class="data" data-testid="dist-reps">
                    <thead><tr>
                        <th>{i18n.t(crate::ui::i18n::pages::PageMsg::Name)}</th>
                        <th>{i18n.t(SettingsMsg::Receiving)}</th>
                        <th>{i18n.t(SettingsMsg::DaysAway)}</th>
                    </tr></thead>
                    <tbody>
                        {move || state.settings.get().reps.into_iter().filter(|r| r.active && r.team.in_sales()).map(|r| {
                            let id = r.id.clone();
                            let (for_check, for_away, for_value) = (id.clone(), id.clone(), id.clone());
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
                                        <input data-testid="dist-away" placeholder="2026-12-24 – 2026-12-26" aria-label=format!("{} — {}", i18n.t(SettingsMsg::DaysAway)(), r.name)
                                            disabled=!allowed
                                            prop:value=move || dist.with(|d| away_text(d, &for_value))
                                            on:change=move |ev| {
                                                match parse_away(&event_target_value(&ev), &for_away, i18n.0.get_untracked()) {
                                                    Ok(list) => {
                                                        let id = for_away.clone();
                                                        save(Box::new(move |d| {
                                                            d.away.retain(|a| a.rep != id);
                                                            d.away.extend(list);
                                                        }));
                                                    }
                                                    Err(why) => error.set(Some(why)),
                                                }
                                            } />
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <p data-testid="dist-pool">{move || crate::ui::i18n::pages::settings::pool(i18n.0.get(), pool())}</p>
            </Show>
            <SectionError error=error testid="dist-error" />
        </section>
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
}
