//! `/leads/:id`: one lead, its stage and its stage history.

use crate::app::routes::Page;
use crate::app::state::{AppState, Loading};
use crate::domain::lead::{Lead, LeadId};
use crate::ui::components::{
    lead_list::AdvanceButton, sla_clocks::SlaClocks, stage_badge::StageBadge,
};
use crate::ui::format::local_datetime;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The lead named by the route, or a "does not exist" notice.
#[component]
pub fn LeadPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| s.parse::<LeadId>().ok()));
    let lead = move || id().and_then(|id| state.lead(id));
    view! {
        <div class="lead-page" data-testid="page-lead">
            <a href=Page::Leads.href() data-testid="back">{i18n.t(Msg::BackToLeads)}</a>
            {move || match lead() {
                Some(lead) => view! { <LeadCard lead=lead /> }.into_any(),
                None if state.loading.get() == Loading::Opening => ().into_any(),
                None => view! { <p class="card" data-testid="lead-missing">{i18n.t(Msg::LeadMissing)}</p> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn LeadCard(lead: Lead) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = lead.id();
    let closed = state.pipeline.with_untracked(|p| lead.is_closed(p));
    let stage_name = move |s: &crate::domain::pipeline::StageId| {
        state.pipeline.with(|p| {
            p.stage(s)
                .map_or_else(|| s.to_string(), |st| st.name.clone())
        })
    };
    let history = lead
        .history()
        .iter()
        .map(|change| {
            let to = stage_name(&change.to);
            let text = match &change.from {
                None => format!("{} {to}", i18n.t(Msg::EnteredAt)()),
                Some(from) => format!("{} {} → {to}", i18n.t(Msg::MovedFromTo)(), stage_name(from)),
            };
            view! {
                <li data-testid="history-entry">
                    <time>{local_datetime(change.at)}</time>
                    " "
                    {text}
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="card lead-card" data-testid="lead-card">
            <h1 data-testid="lead-title">{lead.name().to_owned()}</h1>
            <dl>
                <dt>{i18n.t(Msg::Phone)}</dt>
                <dd data-testid="lead-phone-value">{lead.phone().map(|p| p.e164().to_owned())}</dd>
                <dt>{i18n.t(Msg::Email)}</dt>
                <dd>{lead.email().map(|e| e.to_string())}</dd>
                <dt>{i18n.t(Msg::Source)}</dt>
                <dd>{lead.source().to_owned()}</dd>
                <dt>{i18n.t(Msg::Stage)}</dt>
                <dd><StageBadge stage=lead.stage().clone() /></dd>
            </dl>
            <AdvanceButton closed=closed on_advance=move || state.advance(id) />
            <SlaClocks lead=lead.clone() />
            <h2>{i18n.t(Msg::History)}</h2>
            <ol class="history">{history}</ol>
        </article>
    }
}
