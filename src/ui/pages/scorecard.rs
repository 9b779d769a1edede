//! `/scorecard`: KPI | target | actual | status for Marketing, Sales and
//! each rep, for a day, week or month; a sparkline of the last periods, the
//! baseline and a suggested next target (accept in one click), the "missed
//! N periods in a row" capacity signal. Targets are edited in place.
//! Printable: the print stylesheet hides navigation and controls.

use crate::app::state::AppState;
use crate::domain::scorecard::{
    Goal, Kpi, KpiStatus, Period, PeriodKind, Row, Scope, Target, all_scopes,
};
use crate::domain::sla::Span;
use crate::domain::targets::{Advice, TargetRules, scorecard_with_advice};
use crate::domain::whatif::{SlaSummary, what_if};
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::scorecard::ScorecardMsg;
use crate::ui::i18n::{Lang, Msg, use_i18n};
use leptos::prelude::*;

/// The label of a KPI.
pub fn kpi_msg(kpi: &Kpi) -> PageMsg {
    match kpi {
        Kpi::LeadVolume => PageMsg::KpiLeadVolume,
        Kpi::QualifiedRate => PageMsg::KpiQualifiedRate,
        Kpi::JunkRate => PageMsg::KpiJunkRate,
        Kpi::LeadsFromSource(_) => PageMsg::KpiLeadsFromSource,
        Kpi::FirstResponseMedian => PageMsg::KpiFirstResponseMedian,
        Kpi::FirstResponseP90 => PageMsg::KpiFirstResponseP90,
        Kpi::FirstResponseWithinSla => PageMsg::KpiFirstResponseWithinSla,
        Kpi::AttemptsPerLead => PageMsg::KpiAttemptsPerLead,
        Kpi::RequiredAttemptsRate => PageMsg::KpiRequiredAttemptsRate,
        Kpi::QualifiedToWon => PageMsg::KpiQualifiedToWon,
        Kpi::LeadToWon => PageMsg::KpiLeadToWon,
        Kpi::Csat => PageMsg::KpiCsat,
        Kpi::FirstContactResolution => PageMsg::KpiFirstContactResolution,
        Kpi::OpenLoad => PageMsg::KpiOpenLoad,
        Kpi::Breaches => PageMsg::KpiBreaches,
        Kpi::Reassignments => PageMsg::KpiReassignments,
    }
}

/// The label of a status.
pub fn status_msg(s: KpiStatus) -> PageMsg {
    match s {
        KpiStatus::Exceeded => PageMsg::KpiExceeded,
        KpiStatus::Met => PageMsg::KpiMet,
        KpiStatus::NeedsImprovement => PageMsg::KpiNeedsImprovement,
        KpiStatus::NoData => PageMsg::KpiNoData,
        KpiStatus::NoTarget => PageMsg::KpiNoTarget,
    }
}

fn value(v: f64, lang: Lang) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.1}");
        if lang == Lang::Vi {
            s.replace('.', ",")
        } else {
            s
        }
    }
}

fn target_text(t: Option<Target>, lang: Lang) -> String {
    t.map_or_else(
        || "—".to_owned(),
        |t| {
            let sign = match t.goal {
                Goal::AtLeast => "≥",
                Goal::AtMost => "≤",
            };
            format!("{sign} {}", value(t.value, lang))
        },
    )
}

/// A sparkline of values, oldest first (gaps for periods without data).
fn sparkline(values: &[Option<f64>]) -> impl IntoView + use<> {
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    let (lo, hi) = known
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let span = if hi > lo { hi - lo } else { 1.0 };
    let step = 80.0 / (values.len().max(2) - 1) as f64;
    let points = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            v.map(|v| {
                format!(
                    "{:.1},{:.1}",
                    i as f64 * step,
                    22.0 - (v - lo) / span * 20.0
                )
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <svg class="spark" viewBox="0 0 80 24" width="80" height="24" aria-hidden="true">
            <polyline points=points fill="none" stroke="currentColor" stroke-width="1.5"></polyline>
        </svg>
    }
}

/// The scorecard screen.
#[component]
pub fn ScorecardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let kind = RwSignal::new(PeriodKind::Week);
    let offset = RwSignal::new(0i32);
    let period = Memo::new(move |_| {
        let ins = state.insights.get();
        let tz = ins.timezone();
        let mut p = Period::containing(kind.get(), ins.now(), tz);
        for _ in 0..offset.get() {
            p = p.previous();
        }
        p
    });
    // How much of the period shown has passed (1 once it is over).
    let share = Memo::new(move |_| {
        let ins = state.insights.get();
        ins.prepared().map_or(1.0, |p| {
            period.get().elapsed_share(p.calendar.calendar(), ins.now())
        })
    });
    type Card = (Scope, String, Vec<(Row, Advice)>);
    let cards = Memo::new(move |_| -> Vec<Card> {
        let ins = state.insights.get();
        let Some(p) = ins.prepared() else {
            return Vec::new();
        };
        let period = period.get();
        all_scopes(&p)
            .into_iter()
            .map(|scope| {
                let name = match &scope {
                    Scope::Rep(id) => ins.rep_name(id),
                    _ => String::new(),
                };
                let rows =
                    scorecard_with_advice(&p, &scope, period, TargetRules::default(), ins.now());
                (scope, name, rows)
            })
            .collect()
    });
    let set_target = move |scope: Scope, kpi: Kpi, target: Target| {
        let mut s = state.settings.get_untracked();
        s.targets.set(Some(scope), kpi, target);
        state.save_settings(s);
    };
    let lang = i18n.0;
    view! {
        <div class="scorecard-page" data-testid="page-scorecard">
            <h1>{i18n.t(Msg::NavScorecard)}</h1>
            <div class="filters no-print">
                <select data-testid="period-kind" aria-label=i18n.t(PageMsg::Period) on:change=move |ev| {
                    kind.set(match event_target_value(&ev).as_str() {
                        "day" => PeriodKind::Day,
                        "month" => PeriodKind::Month,
                        _ => PeriodKind::Week,
                    });
                    offset.set(0);
                }>
                    <option value="day">{i18n.t(ScorecardMsg::Day)}</option>
                    <option value="week" selected=true>{i18n.t(ScorecardMsg::Week)}</option>
                    <option value="month">{i18n.t(ScorecardMsg::Month)}</option>
                </select>
                <button type="button" data-testid="period-prev" aria-label=i18n.t(ScorecardMsg::Previous) on:click=move |_| offset.update(|o| *o += 1)>"‹"</button>
                <strong data-testid="period-label">{move || crate::ui::format::period_label(period.get(), i18n.0.get())}</strong>
                <Show when=move || share.get() < 1.0>
                    <span class="muted" data-testid="period-progress">{move || crate::ui::i18n::today::in_progress(i18n.0.get(), share.get())}</span>
                </Show>
                <button type="button" data-testid="period-next" aria-label=i18n.t(ScorecardMsg::Next) disabled=move || offset.get() == 0 on:click=move |_| offset.update(|o| *o = (*o - 1).max(0))>"›"</button>
                <button type="button" data-testid="print" on:click=move |_| print()>{i18n.t(ScorecardMsg::Print)}</button>
            </div>
            {move || {
                cards
                    .get()
                    .into_iter()
                    .map(|(scope, name, rows)| {
                        let title = match &scope {
                            Scope::Marketing => i18n.t(PageMsg::TeamMarketing)().to_owned(),
                            Scope::Sales => i18n.t(PageMsg::TeamSales)().to_owned(),
                            Scope::Rep(_) => name,
                        };
                        let testid = match &scope {
                            Scope::Marketing => "scorecard-marketing".to_owned(),
                            Scope::Sales => "scorecard-sales".to_owned(),
                            Scope::Rep(id) => format!("scorecard-rep-{id}"),
                        };
                        let body = rows
                            .into_iter()
                            .map(|(row, advice)| {
                                let l = lang.get();
                                let kpi_label = match &row.kpi {
                                    Kpi::LeadsFromSource(s) => format!("{} {}", i18n.t(PageMsg::KpiLeadsFromSource)(), crate::ui::format::source_label(s, l)),
                                    k => i18n.t(kpi_msg(k))().to_owned(),
                                };
                                let mut trend: Vec<Option<f64>> = advice.history.iter().map(|(_, v)| *v).collect();
                                trend.push(row.actual);
                                let status_class = match row.status {
                                    KpiStatus::Exceeded => "kpi exceeded",
                                    KpiStatus::Met => "kpi met",
                                    KpiStatus::NeedsImprovement => "kpi needs",
                                    _ => "kpi",
                                };
                                let scope_s = scope.clone();
                                let kpi_s = row.kpi.clone();
                                let goal = row.target.map_or_else(|| row.kpi.natural_goal(), |t| t.goal);
                                let suggestion = advice.suggested.map(|t| {
                                    let scope = scope.clone();
                                    let kpi = row.kpi.clone();
                                    view! {
                                        <button type="button" class="link no-print" data-testid="accept-target" on:click=move |_| set_target(scope.clone(), kpi.clone(), t)>
                                            {i18n.t(Msg::Accept)} " " {target_text(Some(t), l)}
                                        </button>
                                    }
                                });
                                let missed = (advice.capacity_short).then(|| view! {
                                    <span class="pill breached" data-testid="capacity-signal">
                                        {i18n.t(ScorecardMsg::MissedInARow)} " " {advice.missed_in_a_row}
                                    </span>
                                });
                                view! {
                                    <tr data-testid="kpi-row" data-kpi=row.kpi.to_string()>
                                        <th scope="row">{kpi_label}</th>
                                        <td>
                                            <span class="print-only">{target_text(row.target, l)}</span>
                                            <span class="no-print">{match goal { Goal::AtLeast => "≥ ", Goal::AtMost => "≤ " }}</span>
                                            <input
                                                class="no-print target-input"
                                                type="number"
                                                step="any"
                                                data-testid="target-input"
                                                aria-label=i18n.t(ScorecardMsg::Target)
                                                prop:value=row.target.map(|t| t.value.to_string()).unwrap_or_default()
                                                on:change=move |ev| {
                                                    if let Ok(v) = event_target_value(&ev).trim().replace(',', ".").parse::<f64>()
                                                        && v.is_finite()
                                                    {
                                                        set_target(scope_s.clone(), kpi_s.clone(), Target { goal, value: v });
                                                    }
                                                }
                                            />
                                            {row.pace.map(|p| view! {
                                                <span class="muted pace" data-testid="kpi-pace" data-value=p.value.to_string()>{crate::ui::i18n::today::by_now(l, &value(p.value, l))}</span>
                                            })}
                                        </td>
                                        <td data-testid="kpi-actual">{row.actual.map_or_else(|| "—".to_owned(), |v| value(v, l))}</td>
                                        <td class=status_class data-testid="kpi-status">{i18n.t(status_msg(row.status))} {missed}</td>
                                        <td>{sparkline(&trend)}</td>
                                        <td>{advice.baseline.map(|b| value(b, l))}</td>
                                        <td>{suggestion}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="card scorecard" data-testid=testid>
                                <h2>{title}</h2>
                                <table class="data">
                                    <thead>
                                        <tr>
                                            <th scope="col">{i18n.t(ScorecardMsg::Kpi)}</th>
                                            <th scope="col">{i18n.t(ScorecardMsg::Target)}</th>
                                            <th scope="col">{i18n.t(ScorecardMsg::Actual)}</th>
                                            <th scope="col">{i18n.t(PageMsg::Status)}</th>
                                            <th scope="col">{i18n.t(ScorecardMsg::Trend)}</th>
                                            <th scope="col">{i18n.t(ScorecardMsg::Baseline)}</th>
                                            <th scope="col" class="no-print">{i18n.t(ScorecardMsg::Suggested)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{body}</tbody>
                                </table>
                            </section>
                        }
                    })
                    .collect_view()
            }}
            <WhatIfCard period=period />
        </div>
    }
}

/// The current SLA policy and a proposal side by side over the period's leads.
#[component]
fn WhatIfCard(period: Memo<Period>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let current = state.settings.get_untracked().policies.default;
    // The proposal is written in business minutes and hours.
    let wd = state.insights.with_untracked(|i| i.working_day());
    let fr = RwSignal::new(current.first_response.minutes(wd).to_string());
    let attempts = RwSignal::new(current.attempts.min_attempts.to_string());
    let within = RwSignal::new((current.attempts.within.minutes(wd) / 60).to_string());
    let proposal = Memo::new(move |_| {
        let mut p = state.settings.get().policies;
        let num = |s: RwSignal<String>| s.get().trim().parse::<u32>().ok().filter(|v| *v > 0);
        p.default.first_response = Span::Minutes(num(fr)?);
        p.default.attempts.min_attempts = num(attempts)?;
        p.default.attempts.within = Span::Minutes(num(within)? * 60);
        Some(p)
    });
    let result = Memo::new(move |_| {
        let proposed = proposal.get()?;
        let ins = state.insights.get();
        let p = ins.prepared()?;
        Some(what_if(&p, &proposed, period.get(), ins.now()))
    });
    let lang = i18n.0;
    let pct = move |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| value(v, lang.get()));
    let rows = move || {
        result.get().map(|w| {
            let line = |label: PageMsg, f: &dyn Fn(&SlaSummary) -> String, id: &'static str| {
                view! {
                    <tr data-testid=id>
                        <th scope="row">{i18n.t(label)}</th>
                        <td>{f(&w.current)}</td>
                        <td>{f(&w.proposed)}</td>
                    </tr>
                }
            };
            view! {
                {line(PageMsg::KpiFirstResponseWithinSla, &|s| pct(s.first_response_within), "whatif-fr")}
                {line(PageMsg::FirstResponseBreaches, &|s| s.first_response_breaches.to_string(), "whatif-fr-breaches")}
                {line(PageMsg::KpiRequiredAttemptsRate, &|s| pct(s.attempts_met), "whatif-attempts")}
                {line(PageMsg::KpiBreaches, &|s| s.leads_with_breach.to_string(), "whatif-breaches")}
            }
        })
    };
    let adopt = move |_| {
        if let Some(p) = proposal.get_untracked() {
            let mut s = state.settings.get_untracked();
            s.policies = p;
            state.save_settings(s);
        }
    };
    view! {
        <section class="card what-if no-print" data-testid="what-if">
            <h2>{i18n.t(ScorecardMsg::WhatIf)}</h2>
            <p class="muted">{i18n.t(ScorecardMsg::WhatIfHint)}</p>
            <div class="row">
                <label>{i18n.t(PageMsg::FirstResponseMinutes)}<input type="number" min="1" data-testid="whatif-first-response" bind:value=fr /></label>
                <label>{i18n.t(PageMsg::MinAttempts)}<input type="number" min="1" bind:value=attempts /></label>
                <label>{i18n.t(PageMsg::AttemptsWithinHours)}<input type="number" min="1" bind:value=within /></label>
            </div>
            <Show when=move || proposal.with(Option::is_some) fallback=move || view! { <p class="field-error">{i18n.t(PageMsg::ErrPositive)}</p> }>
                <table class="data">
                    <thead><tr><th scope="col">{i18n.t(ScorecardMsg::Kpi)}</th><th scope="col">{i18n.t(ScorecardMsg::CurrentPolicy)}</th><th scope="col">{i18n.t(ScorecardMsg::ProposedPolicy)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <button type="button" data-testid="adopt-policy" on:click=adopt>{i18n.t(ScorecardMsg::AdoptPolicy)}</button>
            </Show>
        </section>
    }
}

fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
