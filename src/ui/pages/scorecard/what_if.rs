//! The scorecard's what-if: the current SLA policy and a proposal side by
//! side over the period's leads (`domain::whatif`).

use super::value;
use crate::app::state::AppState;
use crate::domain::scorecard::Period;
use crate::domain::sla::Span;
use crate::domain::whatif::{SlaSummary, what_if};
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::scorecard::ScorecardMsg;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The current SLA policy and a proposal side by side over the period's leads.
#[component]
pub(super) fn WhatIfCard(period: Memo<Period>) -> impl IntoView {
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
