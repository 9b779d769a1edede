//! Today's "waiting for an owner" card (issue 29): the leads distribution
//! could not give to anyone yet, each with its allocation clock (arrival →
//! now, against the team's target) and why nobody can take it, with an
//! owner to choose for whoever may write; and the leads given past their
//! owner's cap while devices were apart (`domain::distribution::over_cap`),
//! to give to someone else. A module of its own
//! (`crate::ui::lazy`), fetched only by a workspace that has distribution
//! rules: the first load carries only the check.

use crate::app::routes::Page;
use crate::app::state::AppState;
use crate::domain::distribution::{Distribution, over_cap, waiting};
use crate::domain::lead::LeadId;
use crate::domain::rep::RepId;
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// "25 min" / "2 h 05 min" / "3 days 4 h" of calendar time.
fn waited(minutes: i64, lang: Lang) -> String {
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (lang, d, h) {
        (Lang::En, 0, 0) => format!("{m} min"),
        (Lang::Vi, 0, 0) => format!("{m} phút"),
        (Lang::En, 0, h) => format!("{h} h {m:02} min"),
        (Lang::Vi, 0, h) => format!("{h} giờ {m:02} phút"),
        (Lang::En, 1, h) => format!("1 day {h} h"),
        (Lang::En, d, h) => format!("{d} days {h} h"),
        (Lang::Vi, d, h) => format!("{d} ngày {h} giờ"),
    }
}

/// The card.
#[component]
pub fn PoolCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    // The leads waiting, oldest first: (id, name, minutes waited).
    let pool = Memo::new(move |_| {
        let ins = state.insights.get();
        let settings = state.settings.get();
        let pipeline = state.pipeline.get();
        let Some(dist) = Distribution::of(&settings).filter(|d| d.since.is_some()) else {
            return (Vec::new(), None);
        };
        let now = ins.now();
        let mut list: Vec<(LeadId, String, i64)> = ins
            .leads()
            .iter()
            .filter(|l| waiting(&dist, l, !l.is_closed(&pipeline)))
            .map(|l| {
                let m = (now - l.entered_at()).num_minutes().max(0);
                (l.id(), l.name().to_owned(), m)
            })
            .collect();
        list.sort_by_key(|(id, _, m)| (std::cmp::Reverse(*m), *id));
        (list, dist.within)
    });
    let reps = move || sales_reps(state);
    let heading = move || {
        let n = pool.with(|p| p.0.len());
        match i18n.0.get() {
            Lang::En => format!("Waiting for an owner ({n})"),
            Lang::Vi => format!("Đang chờ người phụ trách ({n})"),
        }
    };
    view! {
        <Show when=move || pool.with(|p| !p.0.is_empty())>
            <section class="lane pool" data-testid="pool">
                <h2 data-testid="lane-heading">{heading}</h2>
                <ul class="queue">
                    {move || {
                        let (list, within) = pool.get();
                        list.into_iter().map(|(id, name, minutes)| {
                            let late = within.is_some_and(|w| minutes > i64::from(w));
                            let clock = move || {
                                let l = i18n.0.get();
                                let wait = waited(minutes, l);
                                match (l, within) {
                                    (Lang::En, Some(w)) => format!("for {wait} · target: an owner within {w} min"),
                                    (Lang::Vi, Some(w)) => format!("{wait} · mục tiêu: có người phụ trách trong {w} phút"),
                                    (Lang::En, None) => format!("for {wait}"),
                                    (Lang::Vi, None) => wait,
                                }
                            };
                            let why = move || {
                                let names = reps();
                                crate::app::distribute::why_waiting(state, id).map(|why| {
                                    crate::ui::i18n::pages::lead::assigned_why(i18n.0.get(), &why, |r| {
                                        names.iter().find(|(i, _)| i == r).map_or_else(|| r.to_string(), |(_, n)| n.clone())
                                    })
                                })
                            };
                            view! {
                                <li class=if late { "queue-item breached" } else { "queue-item" } data-testid="pool-item">
                                    <div class="who"><a href=Page::Lead(id).href()>{name}</a></div>
                                    <div class="state">
                                        <strong data-testid="pool-clock-status">{move || match (i18n.0.get(), late) {
                                            (Lang::En, true) => "over the allocation target",
                                            (Lang::Vi, true) => "quá hạn phân bổ",
                                            (Lang::En, false) => "waiting",
                                            (Lang::Vi, false) => "đang chờ",
                                        }}</strong>
                                        " · "
                                        <span class="muted" data-testid="pool-clock">{clock}</span>
                                    </div>
                                    <p class="muted" data-testid="pool-why">{why}</p>
                                    <GiveTo lead=id testid="pool-owner" />
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </section>
        </Show>
        <OverCapCard />
    }
}

/// The leads given past their owner's cap (two devices apart each gave
/// one), each with its owner's load and an owner to choose.
#[component]
fn OverCapCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    // (lead, its name, owner's name, open, cap), the owner's last first.
    let over = Memo::new(move |_| {
        let ins = state.insights.get();
        let pipeline = state.pipeline.get();
        let on = state
            .settings
            .with(|s| Distribution::of(s).is_some_and(|d| d.since.is_some()));
        if !on {
            return Vec::new();
        }
        over_cap(ins.reps(), ins.leads(), |l| !l.is_closed(&pipeline))
            .into_iter()
            .filter_map(|o| {
                let name = ins.lead(o.lead)?.name().to_owned();
                Some((o.lead, name, ins.rep_name(&o.rep), o.open, o.cap))
            })
            .collect::<Vec<_>>()
    });
    let heading = move || {
        let n = over.with(Vec::len);
        match i18n.0.get() {
            Lang::En => format!("Over capacity ({n})"),
            Lang::Vi => format!("Vượt sức chứa ({n})"),
        }
    };
    view! {
        <Show when=move || over.with(|o| !o.is_empty())>
            <section class="lane pool" data-testid="over-cap">
                <h2 data-testid="lane-heading">{heading}</h2>
                <ul class="queue">
                    {move || over.get().into_iter().map(|(id, name, rep, open, cap)| {
                        let said = move || match i18n.0.get() {
                            Lang::En => format!("{rep} has {open} open leads, cap {cap}: distribution gave {rep} this one last (two devices apart each give leads without the other's). Give it to someone else, or raise the cap in Settings."),
                            Lang::Vi => format!("{rep} đang có {open} khách đang mở, sức chứa {cap}: khách này là khách cuối cùng được phân bổ cho {rep} (hai thiết bị mất kết nối sẽ phân bổ mà không biết khách của nhau). Hãy giao cho người khác, hoặc tăng sức chứa trong Cài đặt."),
                        };
                        view! {
                            <li class="queue-item at-risk" data-testid="over-cap-item">
                                <div class="who"><a href=Page::Lead(id).href()>{name}</a></div>
                                <p class="muted" data-testid="over-cap-why">{said}</p>
                                <GiveTo lead=id testid="over-cap-owner" />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// The active Sales reps, (id, name), in Settings' order (tracked).
fn sales_reps(state: AppState) -> Vec<(RepId, String)> {
    state.settings.with(|s| {
        s.reps
            .iter()
            .filter(|r| r.active && r.team.in_sales())
            .map(|r| (r.id.clone(), r.name.clone()))
            .collect()
    })
}

/// "Give to [rep]": assigns `lead` to the rep chosen (off for whoever may
/// not write).
#[component]
fn GiveTo(lead: LeadId, testid: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let on_owner = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if !v.is_empty() {
            state.assign(&[lead], Some(RepId::new(v)));
        }
    };
    view! {
        <fieldset class="actions bare" disabled=move || !state.can_edit()>
            <label>
                {move || match i18n.0.get() { Lang::En => "Give to ", Lang::Vi => "Giao cho " }}
                <select data-testid=testid on:change=on_owner>
                    <option value="">"—"</option>
                    {move || {
                        // Each rep with their open leads against their cap, so a
                        // person sees who is already full before giving.
                        let l = i18n.0.get();
                        let pipeline = state.pipeline.get();
                        state.insights.with(|ins| {
                            let open = |r: &RepId| ins.leads().iter().filter(|x| x.owner() == Some(r) && !x.is_closed(&pipeline)).count();
                            ins.reps()
                                .iter()
                                .filter(|r| r.active && r.team.in_sales())
                                .map(|r| {
                                    let (n, cap) = (open(&r.id), r.capacity as usize);
                                    let text = match (l, n >= cap) {
                                        (Lang::En, true) => format!("{} — at cap ({n} / {cap} open)", r.name),
                                        (Lang::Vi, true) => format!("{} — đã đủ định mức ({n} / {cap} khách mở)", r.name),
                                        (Lang::En, false) => format!("{} ({n} / {cap} open)", r.name),
                                        (Lang::Vi, false) => format!("{} ({n} / {cap} khách mở)", r.name),
                                    };
                                    view! { <option value=r.id.to_string()>{text}</option> }
                                })
                                .collect_view()
                        })
                    }}
                </select>
            </label>
        </fieldset>
    }
}
