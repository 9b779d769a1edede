//! `/leads/:id`: one lead — contact, owner, stage and its moves, every SLA
//! clock, a timeline of activities and stage changes, activity logging,
//! CSAT, won/lost/junk with a reason, delete (with undo).

use crate::app::routes::Page;
use crate::app::state::{AppState, Loading};
use crate::domain::lead::{Closure, Csat, Lead, LeadId, LossKind};
use crate::domain::pipeline::{StageId, StageKind};
use crate::domain::rep::RepId;
use crate::ui::components::concurrent_edits::ConcurrentEdits;
use crate::ui::components::contact_links::ContactLinks;
use crate::ui::components::same_person::SamePerson;
use crate::ui::components::{
    lead_list::AdvanceButton, sla_clocks::SlaClocks, stage_badge::StageBadge,
};
use crate::ui::format::{local_datetime, priority_msg, vnd};
use crate::ui::i18n::duplicates;
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::lead::LeadMsg;
use crate::ui::i18n::{Lang, Msg, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

mod edit;
mod log;
mod timeline;

use edit::{EditDraft, EditLead};
use log::{LogActivity, LogDraft};
use timeline::Timeline;

/// The lead named by the route, or a "does not exist" notice.
#[component]
pub fn LeadPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| s.parse::<LeadId>().ok()));
    let lead = move || id().and_then(|id| state.lead(id));
    // What the person types lives with the page: the card is drawn again
    // when the lead changes (here, in another tab, or by a colleague), the
    // forms keep their text.
    let draft = EditDraft::new(state.settings.with_untracked(|s| s.country));
    let log = LogDraft::new();
    let reason = RwSignal::new(String::new());
    // A question waiting for the person (move or close a closed lead): it
    // lives with the page, so the card drawn again at a clock tick keeps it.
    let ask = RwSignal::new(None::<(LeadId, Ask)>);
    Effect::new(move || {
        if let Some(l) = lead() {
            draft.follow(&l);
            log.follow(l.id());
        }
    });
    view! {
        <div class="lead-page" data-testid="page-lead">
            <a href=Page::Leads.href() data-testid="back">{i18n.t(Msg::BackToLeads)}</a>
            {move || match lead() {
                Some(lead) => view! { <LeadCard lead=lead draft=draft log=log reason=reason ask=ask /> }.into_any(),
                None if state.loading.get() == Loading::Opening => ().into_any(),
                None => view! { <p class="card" data-testid="lead-missing">{i18n.t(Msg::LeadMissing)}</p> }.into_any(),
            }}
        </div>
    }
}

/// A question the lead page asks before changing a closed lead.
#[derive(Clone, Debug, PartialEq)]
enum Ask {
    /// Move it to this stage (reopens it).
    Move(StageId),
    /// Close a won deal as lost or junk.
    Close(LossKind),
}

#[component]
fn LeadCard(
    lead: Lead,
    draft: EditDraft,
    log: LogDraft,
    reason: RwSignal<String>,
    ask: RwSignal<Option<(LeadId, Ask)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = lead.id();
    let closed = state.pipeline.with_untracked(|p| lead.is_closed(p));
    let won = state.pipeline.with_untracked(|p| {
        p.stage(lead.stage())
            .is_some_and(|s| s.kind == StageKind::Won)
    });
    let lang = i18n.0;
    let value = lead.value();
    let created = lead.created_at();
    let reps = state.settings.with_untracked(|s| s.reps.clone());
    let owner_value = lead.owner().map(|o| o.to_string()).unwrap_or_default();
    let stages = state.pipeline.with_untracked(|p| p.stages().to_vec());
    let custom = lead
        .custom()
        .iter()
        .map(|(k, v)| {
            let k = k.clone();
            view! { <dt>{move || crate::ui::format::custom_label(&k, lang.get())}</dt><dd>{v.clone()}</dd> }
        })
        .collect_view();
    let closure = lead.closure().map(|c| {
        let kind = match c.kind {
            LossKind::Lost => LeadMsg::ClosedLost,
            LossKind::Junk => LeadMsg::ClosedJunk,
        };
        view! {
            <p class="closure" data-testid="closure">
                <strong>{i18n.t(kind)}</strong> ": " {c.reason.clone()}
            </p>
        }
    });
    let on_owner = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        state.assign(&[id], (!v.is_empty()).then(|| RepId::new(v)));
    };
    // A closed lead (won or lost) is moved only once the person confirms.
    let asked = move || ask.with(|a| a.as_ref().filter(|(l, _)| *l == id).map(|(_, q)| q.clone()));
    let confirm_move = move || match asked() {
        Some(Ask::Move(to)) => Some(to),
        _ => None,
    };
    let on_move = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if v.is_empty() {
        } else if closed {
            ask.set(Some((id, Ask::Move(StageId::new(v)))));
        } else {
            state.move_to(&[id], StageId::new(v));
        }
    };
    let on_csat = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let csat = v.parse::<u8>().ok().and_then(|n| Csat::try_from(n).ok());
        state.set_csat(id, csat);
    };
    let navigate = use_navigate();
    let delete = move |_| {
        // A delete the app refuses (an audited lead, for a member) keeps
        // the person on the lead, with why.
        let change = crate::storage::Change {
            deleted: vec![id],
            ..Default::default()
        };
        let refused = state.blocked_for(Some(&change)).is_some();
        state.delete(&[id]);
        if !refused {
            navigate(&Page::Leads.href(), Default::default());
        }
    };
    // Another lead for the same person (added anyway, imported, synced).
    let twin = state
        .with_leads_untracked(|ls| crate::domain::search::same_contact(ls, &lead, None).cloned());
    let twin = twin.map(|other| {
        let into = other.id();
        let navigate = use_navigate();
        view! {
            <SamePerson
                other=other
                text=Signal::derive(move || duplicates::already_here(lang.get()).to_owned())
                merge=Signal::derive(move || duplicates::merge_this_into_it(lang.get()).to_owned())
                on_merge=Callback::new(move |()| {
                    state.merge_leads(id, into, None, duplicates::merged);
                    navigate(&Page::Lead(into).href(), Default::default());
                })
            />
        }
    });
    let country = state.settings.with_untracked(|s| s.country);
    let merged = (!lead.merged().is_empty()).then(|| {
        let items = lead
            .merged()
            .iter()
            .map(|m| {
                let l = &m.lead;
                let contact = [
                    l.phone().map(|p| p.shown_in(country)),
                    l.email().map(|e| e.to_string()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
                let source = crate::ui::format::source_label(l.source(), lang.get_untracked());
                let created = l.created_at();
                view! {
                    <li data-testid="merged-lead">
                        <strong>{l.name().to_owned()}</strong> " · " {contact} " · " {source} " · "
                        <time>{move || local_datetime(created, lang.get())}</time>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="merged-leads">
                <h2>{move || duplicates::merged_heading(lang.get())}</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    let csat_value = lead
        .csat()
        .map(|c| c.score().to_string())
        .unwrap_or_default();
    view! {
        <article class="card lead-card" data-testid="lead-card">
            <header class="lead-head">
                <h1 data-testid="lead-title">{lead.name().to_owned()}</h1>
                <StageBadge stage=lead.stage().clone() />
                <span class="pill">{i18n.t(priority_msg(lead.priority()))}</span>
            </header>
            {closure}
            {twin}
            <ConcurrentEdits lead=lead.clone() />
            // A viewer (or a store that cannot write) sees every control
            // here disabled; the reason is the notice under the header.
            <fieldset class="lead-grid bare" disabled=move || !state.can_edit()>
                <section>
                    <dl>
                        <dt>{i18n.t(PageMsg::Phone)}</dt>
                        <dd data-testid="lead-phone-value"><ContactLinks lead=lead.id() name=lead.name().to_owned() phone=lead.phone().cloned() email=None /></dd>
                        <dt>{i18n.t(PageMsg::Email)}</dt>
                        <dd data-testid="lead-email-value"><ContactLinks lead=lead.id() name=lead.name().to_owned() phone=None email=lead.email().cloned() /></dd>
                        <dt>{i18n.t(PageMsg::Source)}</dt>
                        <dd>{let source = lead.source().to_owned(); move || crate::ui::format::source_label(&source, lang.get())}</dd>
                        <dt>{i18n.t(PageMsg::Campaign)}</dt>
                        <dd>{lead.campaign().to_owned()}</dd>
                        <dt>{i18n.t(PageMsg::Value)}</dt>
                        <dd>{move || value.map(|v| vnd(v, lang.get()))}</dd>
                        <dt>{i18n.t(PageMsg::Created)}</dt>
                        <dd>{move || local_datetime(created, lang.get())}</dd>
                        {custom}
                    </dl>
                    <div class="field">
                        <label for="lead-owner">{i18n.t(PageMsg::Owner)}</label>
                        <select id="lead-owner" data-testid="lead-owner" on:change=on_owner prop:value=owner_value.clone()>
                            <option value="" selected=owner_value.is_empty()>{i18n.t(Msg::Unassigned)}</option>
                            {reps
                                .iter()
                                .map(|r| {
                                    let v = r.id.to_string();
                                    let sel = v == owner_value;
                                    view! { <option value=v selected=sel>{r.name.clone()}</option> }
                                })
                                .collect_view()}
                        </select>
                        {crate::domain::distribution::Why::of(&lead).or_else(|| crate::app::distribute::why_waiting(state, id)).map(|why| {
                            let names = reps.clone();
                            view! {
                                <p class="muted" data-testid="assigned-why">
                                    {move || crate::ui::i18n::pages::lead::assigned_why(lang.get(), &why, |id| {
                                        names.iter().find(|r| r.id == *id).map_or_else(|| id.to_string(), |r| r.name.clone())
                                    })}
                                </p>
                            }.into_any()
                        }).or_else(|| {
                            // Given by a person (or a file): when, so a hand
                            // assignment leaves a line too.
                            let at = lead.owner().and(lead.assigned_at())?;
                            Some(view! {
                                <p class="muted" data-testid="assigned-why">
                                    {move || match lang.get() {
                                        Lang::En => format!("Owner since {}.", local_datetime(at, Lang::En)),
                                        Lang::Vi => format!("Phụ trách từ {}.", local_datetime(at, Lang::Vi)),
                                    }}
                                </p>
                            }.into_any())
                        })}
                    </div>
                    <div class="field">
                        <label for="lead-csat">{i18n.t(PageMsg::Csat)}</label>
                        <select id="lead-csat" data-testid="lead-csat" on:change=on_csat>
                            <option value="" selected=csat_value.is_empty()>"—"</option>
                            {(1..=5u8)
                                .map(|n| {
                                    let sel = csat_value == n.to_string();
                                    view! { <option value=n.to_string() selected=sel>{"★".repeat(n as usize)}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                </section>
                <section class="lead-actions">
                    <h2>{i18n.t(PageMsg::Stage)}</h2>
                    <AdvanceButton closed=closed on_advance=move || state.advance(id) />
                    <div class="field">
                        <label for="lead-move">{i18n.t(PageMsg::MoveTo)}</label>
                        <select id="lead-move" data-testid="lead-move" on:change=on_move prop:value=move || confirm_move().map(|s| s.to_string()).unwrap_or_default()>
                            <option value="">"—"</option>
                            {stages
                                .iter()
                                .filter(|s| s.kind != StageKind::Lost)
                                .map(|s| {
                                    let (id, name) = (s.id.to_string(), s.name.clone());
                                    let label = { let id = id.clone(); move || crate::ui::format::stage_label(&id, &name, lang.get()) };
                                    view! { <option value=id>{label}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <Show when=move || asked().is_some()>
                        <div class="confirm" role="alertdialog" data-testid="confirm-move">
                            <p>{move || i18n.t(match asked() { Some(Ask::Close(_)) => LeadMsg::CloseWonConfirm, _ => LeadMsg::ReopenConfirm })()}</p>
                            <button type="button" class="primary" data-testid="confirm-move-yes" on:click=move |_| {
                                match ask.try_update(Option::take).flatten() {
                                    Some((_, Ask::Move(to))) => state.move_to(&[id], to),
                                    Some((_, Ask::Close(kind))) => {
                                        let r = reason.get_untracked().trim().to_owned();
                                        state.close(&[id], Closure { kind, reason: r });
                                        reason.set(String::new());
                                    }
                                    None => {}
                                }
                            }>{i18n.t(LeadMsg::MoveAnyway)}</button>
                            <button type="button" data-testid="confirm-move-no" on:click=move |_| ask.set(None)>
                                {i18n.t(PageMsg::Cancel)}
                            </button>
                        </div>
                    </Show>
                    <CloseForm id=id reason=reason won=won ask=ask />
                    <button type="button" class="danger" data-testid="delete-lead" on:click=delete>
                        {i18n.t(PageMsg::Delete)}
                    </button>
                </section>
            </fieldset>
            {merged}
            <EditLead id=id draft=draft />
            <LogActivity id=id draft=log />
            <SlaClocks id=id />
            <Timeline lead=lead.clone() />
        </article>
    }
}

/// Mark lost or junk, with a required reason.
#[component]
fn CloseForm(
    id: LeadId,
    reason: RwSignal<String>,
    won: bool,
    ask: RwSignal<Option<(LeadId, Ask)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let missing = RwSignal::new(false);
    let close = move |kind: LossKind| {
        let r = reason.get_untracked().trim().to_owned();
        if r.is_empty() {
            missing.set(true);
            return;
        }
        missing.set(false);
        if won {
            // A won deal is closed as lost only once the person confirms.
            ask.set(Some((id, Ask::Close(kind))));
        } else {
            state.close(&[id], Closure { kind, reason: r });
            // Its reason is shown with the closure now; a later close (lost
            // → junk) asks for its own.
            reason.set(String::new());
        }
    };
    view! {
        <div class="field close-form">
            <label for="close-reason">{i18n.t(PageMsg::Reason)}</label>
            <input
                id="close-reason"
                data-testid="close-reason"
                bind:value=reason
                aria-invalid=move || missing.get().to_string()
                aria-describedby="close-reason-error"
            />
            <p class="field-error" id="close-reason-error" data-testid="close-reason-error">
                {move || missing.get().then(|| i18n.t(Msg::ErrReasonMissing)())}
            </p>
            <button type="button" data-testid="mark-lost" on:click=move |_| close(LossKind::Lost)>
                {i18n.t(PageMsg::MarkLost)}
            </button>
            <button type="button" data-testid="mark-junk" on:click=move |_| close(LossKind::Junk)>
                {i18n.t(PageMsg::MarkJunk)}
            </button>
        </div>
    }
}
