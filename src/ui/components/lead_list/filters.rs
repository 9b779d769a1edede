//! The list's search box, filters (behind one button on phones) and sort.

use super::Sort;
use crate::app::state::AppState;
use crate::domain::lead::Priority;
use crate::domain::live::Field;
use crate::domain::pipeline::StageId;
use crate::domain::rep::RepId;
use crate::domain::search::{LeadFilter, SlaFilter};
use crate::ui::format::priority_msg;
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::leads::LeadsMsg;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

/// Search box, filters and sort.
#[component]
pub(super) fn Filters(filter: RwSignal<LeadFilter>, sort: RwSignal<Sort>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let sources = Memo::new(move |_| state.distinct(Field::Source));
    let campaigns = Memo::new(move |_| state.distinct(Field::Campaign));
    let opt = |v: String| (!v.is_empty()).then_some(v);
    // Each control shows the filter it holds (the list keeps them when a
    // person opens a lead and comes back): the option selected is the
    // filter's value, read once.
    let now = filter.get_untracked();
    let query = now.query.clone();
    let stage_now = now
        .stage
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    let source_now = now.source.clone().unwrap_or_default();
    let campaign_now = now.campaign.clone().unwrap_or_default();
    let owner_now = match &now.owner {
        None => String::new(),
        Some(None) => "-".to_owned(),
        Some(Some(id)) => id.to_string(),
    };
    let priority_now = now.priority.map(|p| format!("{p:?}")).unwrap_or_default();
    let sla_now = match now.sla {
        Some(SlaFilter::Breached) => "breached",
        Some(SlaFilter::AtRisk) => "at-risk",
        Some(SlaFilter::DueSoon) => "due-soon",
        Some(SlaFilter::OnTrack) => "on-track",
        None => "",
    };
    let created_now = now
        .created_within_days
        .map(|d| d.to_string())
        .unwrap_or_default();
    let sort_now = match sort.get_untracked() {
        Sort::Oldest => "oldest",
        Sort::Name => "name",
        Sort::Urgent => "urgent",
        Sort::Newest => "newest",
    };
    // On phones the filters wait behind one button, which counts those set.
    let open = RwSignal::new(false);
    let active = move || {
        filter.with(|f| {
            [
                f.stage.is_some(),
                f.source.is_some(),
                f.campaign.is_some(),
                f.owner.is_some(),
                f.priority.is_some(),
                f.sla.is_some(),
                f.created_within_days.is_some(),
            ]
            .into_iter()
            .filter(|set| *set)
            .count()
        })
    };
    view! {
        <div class="filters" role="search">
            <input
                type="search"
                id="lead-search"
                data-testid="lead-search"
                placeholder=i18n.t(PageMsg::SearchHint)
                aria-label=i18n.t(PageMsg::Search)
                value=query
                on:input=move |ev| {
                    let q = event_target_value(&ev);
                    filter.update(|f| f.query = q);
                }
            />
            <button type="button" class="filters-toggle" data-testid="filters-toggle" aria-expanded=move || open.get().to_string() aria-controls="lead-filters" on:click=move |_| open.update(|o| *o = !*o)>
                {move || crate::ui::i18n::today::filters(i18n.0.get(), active())}
            </button>
            <div class="filter-more" id="lead-filters" class:open=move || open.get()>
            <select data-testid="filter-stage" aria-label=i18n.t(PageMsg::Stage) on:change=move |ev| {
                let v = event_target_value(&ev);
                filter.update(|f| f.stage = opt(v).map(StageId::new));
            }>
                <option value="">{i18n.t(LeadsMsg::AllStages)}</option>
                {move || state.pipeline.get().stages().iter().map(|s| view! { <option value=s.id.to_string() selected=s.id.as_str() == stage_now>{crate::ui::format::stage_label(s.id.as_str(), &s.name, i18n.0.get())}</option> }).collect_view()}
            </select>
            <select data-testid="filter-source" aria-label=i18n.t(PageMsg::Source) on:change=move |ev| {
                let v = event_target_value(&ev);
                filter.update(|f| f.source = opt(v));
            }>
                <option value="">{i18n.t(PageMsg::AllSources)}</option>
                {move || sources.get().into_iter().map(|s| view! { <option value=s.clone() selected=s == source_now>{crate::ui::format::source_label(&s, i18n.0.get())}</option> }).collect_view()}
            </select>
            <select data-testid="filter-campaign" aria-label=i18n.t(PageMsg::Campaign) on:change=move |ev| {
                let v = event_target_value(&ev);
                filter.update(|f| f.campaign = opt(v));
            }>
                <option value="">{i18n.t(PageMsg::AllCampaigns)}</option>
                {move || campaigns.get().into_iter().map(|s| view! { <option value=s.clone() selected=s == campaign_now>{s.clone()}</option> }).collect_view()}
            </select>
            <select data-testid="filter-owner" aria-label=i18n.t(PageMsg::Owner) on:change=move |ev| {
                let v = event_target_value(&ev);
                filter.update(|f| {
                    f.owner = match v.as_str() {
                        "" => None,
                        "-" => Some(None),
                        id => Some(Some(RepId::new(id))),
                    }
                });
            }>
                <option value="">{i18n.t(PageMsg::AllOwners)}</option>
                <option value="-" selected=owner_now == "-">{i18n.t(Msg::Unassigned)}</option>
                {move || state.settings.get().reps.iter().map(|r| view! { <option value=r.id.to_string() selected=r.id.as_str() == owner_now>{r.name.clone()}</option> }).collect_view()}
            </select>
            <select data-testid="filter-priority" aria-label=i18n.t(PageMsg::Priority) on:change=move |ev| {
                let v = event_target_value(&ev);
                filter.update(|f| {
                    f.priority = Priority::ALL
                        .into_iter()
                        .find(|p| format!("{p:?}") == v)
                });
            }>
                <option value="">{i18n.t(PageMsg::AllPriorities)}</option>
                {Priority::ALL
                    .map(|p| view! { <option value=format!("{p:?}") selected=format!("{p:?}") == priority_now>{i18n.t(priority_msg(p))}</option> })
                    .collect_view()}
            </select>
            <select data-testid="filter-sla" aria-label=i18n.t(Msg::SlaClocks) on:change=move |ev| {
                let v = event_target_value(&ev);
                filter.update(|f| {
                    f.sla = match v.as_str() {
                        "breached" => Some(SlaFilter::Breached),
                        "at-risk" => Some(SlaFilter::AtRisk),
                        "due-soon" => Some(SlaFilter::DueSoon),
                        "on-track" => Some(SlaFilter::OnTrack),
                        _ => None,
                    }
                });
            }>
                <option value="">{i18n.t(LeadsMsg::AnySla)}</option>
                <option value="breached" selected=sla_now == "breached">{i18n.t(Msg::StatusBreached)}</option>
                <option value="at-risk" selected=sla_now == "at-risk">{i18n.t(Msg::StatusAtRisk)}</option>
                <option value="due-soon" selected=sla_now == "due-soon">{i18n.t(Msg::DueSoon)}</option>
                <option value="on-track" selected=sla_now == "on-track">{i18n.t(LeadsMsg::OnTrack)}</option>
            </select>
            <select data-testid="filter-created" aria-label=i18n.t(PageMsg::Created) on:change=move |ev| {
                let v = event_target_value(&ev);
                filter.update(|f| f.created_within_days = v.parse().ok());
            }>
                <option value="">{i18n.t(PageMsg::AnyTime)}</option>
                <option value="1" selected=created_now == "1">{i18n.t(LeadsMsg::LastDay)}</option>
                <option value="7" selected=created_now == "7">{i18n.t(LeadsMsg::Last7Days)}</option>
                <option value="30" selected=created_now == "30">{i18n.t(LeadsMsg::Last30Days)}</option>
            </select>
            <select data-testid="sort" aria-label=i18n.t(LeadsMsg::SortBy) on:change=move |ev| {
                sort.set(match event_target_value(&ev).as_str() {
                    "oldest" => Sort::Oldest,
                    "name" => Sort::Name,
                    "urgent" => Sort::Urgent,
                    _ => Sort::Newest,
                });
            }>
                <option value="newest" selected=sort_now == "newest">{i18n.t(LeadsMsg::SortNewest)}</option>
                <option value="oldest" selected=sort_now == "oldest">{i18n.t(LeadsMsg::SortOldest)}</option>
                <option value="name" selected=sort_now == "name">{i18n.t(LeadsMsg::SortName)}</option>
                <option value="urgent" selected=sort_now == "urgent">{i18n.t(LeadsMsg::SortUrgent)}</option>
            </select>
            </div>
        </div>
    }
}
