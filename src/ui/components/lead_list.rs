//! The table of leads with a "next stage" button per row.

use super::stage_badge::StageBadge;
use crate::app::routes::Page;
use crate::app::state::{AppState, Loading};
use crate::domain::lead::Lead;
use crate::ui::format::local_datetime;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// Every lead, newest first.
#[component]
pub fn LeadList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let rows = move || {
        let mut leads = state.leads.get();
        leads.reverse();
        leads
    };
    view! {
        <section class="card lead-list">
            <h2>{i18n.t(Msg::Leads)}</h2>
            <Show
                when=move || state.leads.with(|l| !l.is_empty())
                fallback=move || {
                    view! {
                        <div class="empty" data-testid="no-leads">
                            <p>{i18n.t(Msg::NoLeads)}</p>
                            <p>{i18n.t(Msg::SampleHint)}</p>
                            <button
                                type="button"
                                data-testid="load-sample"
                                disabled=move || state.loading.get() != Loading::Ready
                                on:click=move |_| state.load_sample(300)
                            >
                                {i18n.t(Msg::LoadSample)}
                            </button>
                        </div>
                    }
                }
            >
                <table data-testid="lead-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(Msg::Name)}</th>
                            <th scope="col">{i18n.t(Msg::Contact)}</th>
                            <th scope="col">{i18n.t(Msg::Source)}</th>
                            <th scope="col">{i18n.t(Msg::Stage)}</th>
                            <th scope="col">{i18n.t(Msg::Created)}</th>
                            <th scope="col"><span class="sr-only">{i18n.t(Msg::Advance)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=rows key=|l| (l.id(), l.updated_at()) let:lead>
                            <LeadRow lead=lead />
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

/// One row; the name links to the lead's page.
#[component]
fn LeadRow(lead: Lead) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = lead.id();
    let closed = state.pipeline.with_untracked(|p| lead.is_closed(p));
    let contact = lead
        .phone()
        .map(|p| p.e164().to_owned())
        .or_else(|| lead.email().map(|e| e.to_string()))
        .unwrap_or_default();
    view! {
        <tr data-testid="lead-row" data-lead-id=id.to_string()>
            <td>
                <a href=Page::Lead(id).href() data-testid="lead-link">{lead.name().to_owned()}</a>
            </td>
            <td>{contact}</td>
            <td>{lead.source().to_owned()}</td>
            <td><StageBadge stage=lead.stage().clone() /></td>
            <td>{local_datetime(lead.created_at())}</td>
            <td>
                <AdvanceButton closed=closed on_advance=move || state.advance(id) />
            </td>
        </tr>
    }
}

/// "Next stage", or "Closed" for won and lost leads.
#[component]
pub fn AdvanceButton(closed: bool, on_advance: impl Fn() + 'static) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    if closed {
        view! { <span class="muted">{i18n.t(Msg::Closed)}</span> }.into_any()
    } else {
        view! {
            <button
                type="button"
                data-testid="advance"
                disabled=move || state.loading.get() != Loading::Ready
                on:click=move |_| on_advance()
            >
                {i18n.t(Msg::Advance)}
            </button>
        }
        .into_any()
    }
}
