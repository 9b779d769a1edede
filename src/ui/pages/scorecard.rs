//! `/scorecard`: KPI | target | actual | status for Marketing, Sales and
//! each rep, for a day, week or month; a sparkline of the last periods, the
//! baseline and a suggested next target (accept in one click), the "missed
//! N periods in a row" capacity signal. Targets are edited in place.
//! Statuses say their direction (a floor met / missed, a ceiling within /
//! over) or that there are too few leads to judge (`domain::scorecard`).
//! On phones each row is a card whose cells carry their column's name.
//! Printable: the print stylesheet hides navigation and controls; the
//! printout names the period, when its figures were taken, and each card's
//! scope.

use crate::app::state::AppState;
use crate::domain::scorecard::{
    Basis, Goal, Kpi, KpiStatus, Period, PeriodKind, Row, Scope, Target, all_scopes,
};
use crate::domain::targets::{Advice, Suggestion, TargetRules, scorecard_with_advice};
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::scorecard::{self as words, ScorecardMsg};
use crate::ui::i18n::{Lang, Msg, tr, use_i18n};
use leptos::prelude::*;

mod allocation;
mod audits;
mod plan;
mod rewards;
mod what_if;
use allocation::AllocationCard;
use audits::AuditsCard;
use rewards::RewardsCard;
use what_if::WhatIfCard;

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
        Kpi::AuditPassRate => PageMsg::KpiAuditPassRate,
    }
}

/// The words of a status, in `lang`.
pub fn status_text(s: KpiStatus, lang: Lang) -> String {
    let says = |m: ScorecardMsg| tr(lang, m).to_owned();
    match s {
        KpiStatus::Met => says(ScorecardMsg::Met),
        KpiStatus::Missed => says(ScorecardMsg::Missed),
        KpiStatus::Within => says(ScorecardMsg::Within),
        KpiStatus::Over => says(ScorecardMsg::Over),
        KpiStatus::TooEarly { cases } => words::too_early(lang, cases),
        KpiStatus::TooFew { cases } => words::too_few(lang, cases),
        KpiStatus::NoData => says(ScorecardMsg::NoData),
        KpiStatus::NowOnly => says(ScorecardMsg::NowOnly),
        KpiStatus::Undecided { open, of } => words::undecided(lang, open, of),
        KpiStatus::NoTarget => says(ScorecardMsg::NoTarget),
    }
}

/// The words of `kpi`'s status: a past period's audits passed % on too
/// few audits says audits, not leads.
pub fn kpi_status_text(kpi: &Kpi, s: KpiStatus, lang: Lang) -> String {
    match (kpi, s) {
        (Kpi::AuditPassRate, KpiStatus::TooFew { cases }) => words::too_few_audits(lang, cases),
        (_, s) => status_text(s, lang),
    }
}

/// The class of a status cell: green for a target kept, red for one
/// missed, muted when there is no verdict — the same colour for a floor and
/// a ceiling, so green never means "over".
fn status_class(s: KpiStatus) -> &'static str {
    if s.is_kept() {
        "kpi kept"
    } else if s.is_miss() {
        "kpi missed"
    } else {
        "kpi pending"
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

thread_local! {
    /// The period kind and how many periods back, as last chosen in this tab.
    static LAST: std::cell::Cell<(PeriodKind, i32)> = const { std::cell::Cell::new((PeriodKind::Week, 0)) };
}

/// The scorecard screen.
#[component]
pub fn ScorecardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    // The period chosen stays when a person opens a lead (from a
    // statement) and comes back.
    let (k0, o0) = LAST.get();
    let kind = RwSignal::new(k0);
    let offset = RwSignal::new(o0);
    Effect::new(move || LAST.set((kind.get(), offset.get())));
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
            // The printout names its period and when its figures were taken
            // (the filters above the cards are not printed).
            <p class="print-only print-head" data-testid="print-period">
                {move || {
                    let l = i18n.0.get();
                    let (now, tz) = state.insights.with(|i| (i.now(), i.timezone()));
                    let as_of = crate::ui::format::zoned_datetime(now, tz, l);
                    words::printed(l, &crate::ui::format::period_label(period.get(), l), &as_of)
                }}
                <Show when=move || share.get() < 1.0>
                    " · " {move || crate::ui::i18n::today::in_progress(i18n.0.get(), share.get())}
                </Show>
            </p>
            <div class="filters no-print">
                <select data-testid="period-kind" aria-label=i18n.t(PageMsg::Period) on:change=move |ev| {
                    kind.set(match event_target_value(&ev).as_str() {
                        "day" => PeriodKind::Day,
                        "month" => PeriodKind::Month,
                        _ => PeriodKind::Week,
                    });
                    offset.set(0);
                }>
                    <option value="day" selected=k0 == PeriodKind::Day>{i18n.t(ScorecardMsg::Day)}</option>
                    <option value="week" selected=k0 == PeriodKind::Week>{i18n.t(ScorecardMsg::Week)}</option>
                    <option value="month" selected=k0 == PeriodKind::Month>{i18n.t(ScorecardMsg::Month)}</option>
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
                                let mut trend: Vec<Option<f64>> = advice.history.iter().map(|(_, f)| f.value).collect();
                                trend.push(row.actual);
                                let scope_s = scope.clone();
                                let kpi_s = row.kpi.clone();
                                let goal = row.target.map_or_else(|| row.kpi.natural_goal(), |t| t.goal);
                                let suggestion = advice.suggested.map(|s| match s {
                                    Suggestion::Move(t) => {
                                        let scope = scope.clone();
                                        let kpi = row.kpi.clone();
                                        view! {
                                            <button type="button" class="link no-print" data-testid="accept-target" disabled=move || !state.can_edit() on:click=move |_| set_target(scope.clone(), kpi.clone(), t)>
                                                {i18n.t(ScorecardMsg::SetTarget)} " " {target_text(Some(t), l)}
                                            </button>
                                        }
                                        .into_any()
                                    }
                                    Suggestion::Keep => view! {
                                        <span class="muted" data-testid="suggestion">{i18n.t(ScorecardMsg::KeepTarget)}</span>
                                    }
                                    .into_any(),
                                    Suggestion::OutOfReach => view! {
                                        <span class="muted" data-testid="suggestion">
                                            {i18n.t(match goal { Goal::AtLeast => ScorecardMsg::MissedByFar, Goal::AtMost => ScorecardMsg::OverByFar })}
                                        </span>
                                    }
                                    .into_any(),
                                });
                                let missed = (advice.capacity_short).then(|| view! {
                                    <span class="pill breached" data-testid="capacity-signal">
                                        {i18n.t(match goal { Goal::AtLeast => ScorecardMsg::MissedInARow, Goal::AtMost => ScorecardMsg::OverInARow })} " " {advice.missed_in_a_row}
                                    </span>
                                });
                                // On phones the header row is hidden: each cell says its column.
                                let label = |m: &dyn Fn() -> &'static str| view! { <span class="cell-label">{m()}</span> };
                                view! {
                                    <tr data-testid="kpi-row" data-kpi=row.kpi.to_string() data-cases=row.cases>
                                        <th scope="row">{kpi_label}</th>
                                        <td class="target">
                                            {label(&i18n.t(ScorecardMsg::Target))}
                                            <span class="print-only">{target_text(row.target, l)}</span>
                                            <span class="no-print" data-testid="target-sign">{match goal { Goal::AtLeast => "≥ ", Goal::AtMost => "≤ " }}</span>
                                            <input
                                                class="no-print target-input"
                                                type="number"
                                                step="any"
                                                data-testid="target-input"
                                                disabled=move || !state.can_edit()
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
                                        <td>
                                            {label(&i18n.t(ScorecardMsg::Actual))}
                                            <span data-testid="kpi-actual">{row.actual.map_or_else(|| "—".to_owned(), |v| value(v, l))}</span>
                                            // A figure over leads says how many it rests on.
                                            {(row.actual.is_some()
                                                && row.kpi.basis() == Basis::Leads
                                                && !matches!(row.status, KpiStatus::TooEarly { .. } | KpiStatus::TooFew { .. } | KpiStatus::Undecided { .. }))
                                                .then(|| view! {
                                                " " <span class="muted" data-testid="kpi-cases">{format!("(n = {})", row.cases)}</span>
                                            })}
                                        </td>
                                        <td class=status_class(row.status)>{label(&i18n.t(PageMsg::Status))}<span data-testid="kpi-status">{kpi_status_text(&row.kpi, row.status, l)}</span> {missed}</td>
                                        <td class="trend">{label(&i18n.t(ScorecardMsg::Trend))}{sparkline(&trend)}</td>
                                        <td>{label(&i18n.t(ScorecardMsg::Baseline))}<span data-testid="kpi-baseline">{advice.baseline.map_or_else(|| "—".to_owned(), |b| value(b, l))}</span></td>
                                        <td class="no-print suggested">{label(&i18n.t(ScorecardMsg::Suggested))}{suggestion}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        let l = lang.get();
                        let scope_line = match &scope {
                            Scope::Rep(_) => format!("{}: {title}", tr(l, ScorecardMsg::Rep)),
                            _ => title.clone(),
                        };
                        let print_line = format!("{scope_line} · {}", crate::ui::format::period_label(period.get(), l));
                        view! {
                            <section class="card scorecard" data-testid=testid>
                                // Printed, the card's heading also names its period.
                                <h2 class="no-print">{title}</h2>
                                <p class="print-only print-scope" data-testid="print-scope">{print_line}</p>
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
            <AllocationCard period=period />
            <RewardsCard period=period />
            <AuditsCard period=period />
            <WhatIfCard period=period />
        </div>
    }
}

pub(super) fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
