//! The lead list: search, filters, sort, bulk actions, and a virtualised
//! table (only the rows in view are in the DOM once the list is long).

use super::stage_badge::StageBadge;
use crate::app::routes::Page;
use crate::app::state::AppState;
use crate::domain::lead::LeadId;
use crate::domain::queue::most_urgent;
use crate::domain::search::{LeadFilter, Query};
use crate::ui::components::contact_links::ContactLinks;
use crate::ui::components::sample_button::LoadSampleButton;
use crate::ui::format::local_datetime;
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::leads::LeadsMsg;
use crate::ui::i18n::{Msg, use_i18n};
use leptos::prelude::*;

mod bulk;
mod filters;

use bulk::BulkBar;
use filters::Filters;
use std::collections::BTreeSet;

/// Row height in pixels until one is measured. CSS keeps the rows of a long
/// list at one height per layout (56 px wide, taller on phones, where the
/// cells of a row stack into a grid); the list measures a rendered row as it
/// scrolls, so the rows in view are the rows drawn whatever the layout.
const ROW_PX: usize = 56;
/// Lists up to this long are rendered whole.
const WHOLE: usize = 500;
/// Rows rendered above and below the visible window: enough for a scroll
/// step, few enough that a search keystroke redraws little (10 rows each
/// side made the median keystroke 17–32 ms in Chromium at 10 000 leads, 4
/// make it 6–8 ms).
const OVERSCAN: usize = 4;

/// How the list is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sort {
    Newest,
    Oldest,
    Name,
    Urgent,
}

/// The search, filters and sort last used, and the app they belong to.
type Kept = Option<(
    RwSignal<crate::domain::workspace::Settings>,
    LeadFilter,
    Sort,
)>;

thread_local! {
    /// The search, filters and sort last used in this tab: a person who
    /// opens a lead and comes back finds the list as they left it. Kept
    /// for the app state they were set in (its settings signal): another
    /// app on the page (a test's) starts afresh.
    static LAST: std::cell::RefCell<Kept> = const { std::cell::RefCell::new(None) };
}

/// The list with its toolbar.
#[component]
pub fn LeadList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let (last_filter, last_sort) = LAST
        .with(|l| {
            l.borrow()
                .as_ref()
                .filter(|(of, ..)| *of == state.settings)
                .map(|(_, f, s)| (f.clone(), *s))
        })
        .unwrap_or((LeadFilter::default(), Sort::Newest));
    let filter = RwSignal::new(last_filter);
    let sort = RwSignal::new(last_sort);
    Effect::new(move |_| {
        let kept = Some((state.settings, filter.get(), sort.get()));
        LAST.with(|l| *l.borrow_mut() = kept);
    });
    let selected = RwSignal::new(BTreeSet::<LeadId>::new());
    let scroll_top = RwSignal::new(0usize);
    let viewport = RwSignal::new(640usize);
    let row_px = RwSignal::new(ROW_PX);

    // Positions (into the insights' leads) of the leads shown, in order;
    // the searchable text of each lead is kept with the insights.
    let shown = Memo::new(move |_| {
        let ins = state.insights.get();
        let index = ins.search();
        let f = filter.get();
        let q = Query::new(&f.query);
        let mut idx: Vec<usize> = (0..ins.leads().len())
            .filter(|i| {
                // A closed lead has no SLA status to filter by.
                let closed = ins.eval().facts.leads.get(*i).is_some_and(|f| f.closed);
                f.accepts_with(
                    || index.matches(*i, &q),
                    &ins.leads()[*i],
                    ins.clocks().get(*i).filter(|_| !closed),
                    ins.now(),
                )
            })
            .collect();
        let leads = ins.leads();
        match sort.get() {
            Sort::Newest => idx.reverse(),
            Sort::Oldest => {}
            Sort::Name => {
                let mut named: Vec<(String, usize)> = idx
                    .iter()
                    .map(|i| (crate::domain::search::fold(leads[*i].name()), *i))
                    .collect();
                crate::sort::sort_by(&mut named, |a, b| a.0.cmp(&b.0));
                idx = named.into_iter().map(|(_, i)| i).collect();
            }
            Sort::Urgent => crate::sort::sort_by_key(&mut idx, |i| {
                ins.clocks()
                    .get(*i)
                    .map_or((9, 0), |c| most_urgent(c).1.urgency())
            }),
        }
        idx
    });
    let window = move || {
        let n = shown.with(Vec::len);
        if n <= WHOLE {
            return (0, n);
        }
        let row = row_px.get().max(1);
        let first = (scroll_top.get() / row).saturating_sub(OVERSCAN);
        let count = viewport.get() / row + 2 * OVERSCAN;
        (first.min(n), (first + count).min(n))
    };
    let rows = move || {
        let (a, b) = window();
        let ins = state.insights.get();
        shown.with(|s| {
            s[a..b]
                .iter()
                .map(|i| ins.leads()[*i].clone())
                .collect::<Vec<_>>()
        })
    };
    let pad_top = move || window().0 * row_px.get();
    let pad_bottom = move || (shown.with(Vec::len) - window().1) * row_px.get();
    // Which rows are in view, from geometry: the part of the list inside
    // both its own box (a scroller on wide screens) and the window (phones
    // scroll the page itself), measured from the top of the first row.
    let list_ref = NodeRef::<leptos::html::Div>::new();
    let measure = move || {
        // A list drawn whole needs no measuring (and a page scroll no layout read).
        if shown.with_untracked(Vec::len) <= WHOLE {
            return;
        }
        let Some(el) = list_ref.get_untracked() else {
            return;
        };
        let Some(spacer) = el.query_selector("tr.spacer").ok().flatten() else {
            return;
        };
        let drawn = el
            .query_selector("tr[data-testid='lead-row']")
            .ok()
            .flatten()
            .map(|row| row.get_bounding_client_rect().height().round() as usize)
            .filter(|h| *h > 0);
        if let Some(h) = drawn.filter(|h| *h != row_px.get_untracked()) {
            row_px.set(h);
        }
        let window_height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let frame = el.get_bounding_client_rect();
        let top = frame.top().max(0.0);
        let bottom = frame.bottom().min(window_height);
        let rows_top = spacer.get_bounding_client_rect().top();
        scroll_top.set((top - rows_top).max(0.0) as usize);
        viewport.set((bottom - top).max(0.0) as usize);
    };
    let on_scroll = move |_: leptos::ev::Event| measure();
    let page_scroll = window_event_listener(leptos::ev::scroll, move |_| measure());
    let page_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        page_scroll.remove();
        page_resize.remove();
    });
    let is_virtual = move || shown.with(Vec::len) > WHOLE;
    let all_selected = move || {
        let n = shown.with(Vec::len);
        n > 0 && selected.with(|s| s.len()) >= n
    };
    let toggle_all = move |_| {
        if all_selected() {
            selected.set(BTreeSet::new());
        } else {
            let ins = state.insights.get_untracked();
            selected
                .set(shown.with_untracked(|s| s.iter().map(|i| ins.leads()[*i].id()).collect()));
        }
    };

    view! {
        <section class="card lead-list">
            // The page's title: the list is what the page is for.
            <h1 class="card-title">{i18n.t(LeadsMsg::Leads)}</h1>
            <Show
                when=move || state.with_leads(|l| !l.is_empty())
                fallback=move || {
                    view! {
                        <div class="empty" data-testid="no-leads">
                            <p>{i18n.t(LeadsMsg::NoLeads)}</p>
                            <p>{i18n.t(LeadsMsg::SampleHint)}</p>
                            <LoadSampleButton/>
                        </div>
                    }
                }
            >
                <Filters filter=filter sort=sort />
                <p class="muted" aria-live="polite" data-testid="lead-count">
                    {move || crate::ui::i18n::storage::leads(i18n.0.get(), shown.with(Vec::len))}
                </p>
                <BulkBar selected=selected />
                <div class="table-scroll" class:virtual=is_virtual on:scroll=on_scroll node_ref=list_ref data-testid="lead-scroll">
                    <table data-testid="lead-table">
                        <thead>
                            <tr>
                                <th scope="col">
                                    <label class="tap">
                                        <input
                                            type="checkbox"
                                            data-testid="select-all"
                                            aria-label=i18n.t(LeadsMsg::SelectAll)
                                            prop:checked=all_selected
                                            on:change=toggle_all
                                        />
                                    </label>
                                </th>
                                <th scope="col">{i18n.t(PageMsg::Name)}</th>
                                <th scope="col">{i18n.t(LeadsMsg::Contact)}</th>
                                <th scope="col">{i18n.t(PageMsg::Source)}</th>
                                <th scope="col">{i18n.t(PageMsg::Stage)}</th>
                                <th scope="col">{i18n.t(PageMsg::Owner)}</th>
                                <th scope="col">{i18n.t(PageMsg::Created)}</th>
                                <th scope="col"><span class="sr-only">{i18n.t(Msg::Advance)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", pad_top())></tr>
                            <For each=rows key=|l| (l.id(), l.updated_at()) let:lead>
                                <LeadRow lead=lead selected=selected />
                            </For>
                            <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", pad_bottom())></tr>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// One row; the name links to the lead's page.
#[component]
fn LeadRow(lead: crate::domain::lead::Lead, selected: RwSignal<BTreeSet<LeadId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let id = lead.id();
    let closed = state.pipeline.with_untracked(|p| lead.is_closed(p));
    // The phone (and its Zalo), else the e-mail: tap to reach the lead.
    let email = lead
        .phone()
        .is_none()
        .then(|| lead.email().cloned())
        .flatten();
    let created = lead.created_at();
    let owner = lead
        .owner()
        .map(|o| state.insights.with_untracked(|i| i.rep_name(o)));
    view! {
        <tr data-testid="lead-row" data-lead-id=id.to_string()>
            <td>
                // The label is the box a finger taps (44 px on a phone).
                <label class="tap">
                    <input
                        type="checkbox"
                        data-testid="select-lead"
                        aria-label=lead.name().to_owned()
                        prop:checked=move || selected.with(|s| s.contains(&id))
                        on:change=move |_| selected.update(|s| if !s.remove(&id) { s.insert(id); })
                    />
                </label>
            </td>
            <td>
                <a href=Page::Lead(id).href() data-testid="lead-link">{lead.name().to_owned()}</a>
            </td>
            <td><ContactLinks lead=id name=lead.name().to_owned() phone=lead.phone().cloned() email=email /></td>
            <td>{
                // Follows the language like the filters and the lead page.
                let source = lead.source().to_owned();
                move || crate::ui::format::source_label(&source, i18n.0.get())
            }</td>
            <td><StageBadge stage=lead.stage().clone() /></td>
            <td data-testid="lead-owner-cell">{owner.unwrap_or_else(|| i18n.t(Msg::Unassigned)().to_owned())}</td>
            // Date and time apart: a phone's card shows the date alone.
            <td>{move || {
                let at = local_datetime(created, i18n.0.get());
                // "7 Dec 2026" + ", 06:41" / "07/12/2026" + " 06:41".
                let date = at.rsplit_once(' ').map_or(at.as_str(), |(d, _)| d.trim_end_matches(',')).to_owned();
                let time = at[date.len()..].to_owned();
                view! { {date} <span class="created-time">{time}</span> }
            }}</td>
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
        view! { <span class="muted">{i18n.t(LeadsMsg::Closed)}</span> }.into_any()
    } else {
        view! {
            <button
                type="button"
                data-testid="advance"
                disabled=move || !state.can_edit()
                on:click=move |_| on_advance()
            >
                {i18n.t(Msg::Advance)}
            </button>
        }
        .into_any()
    }
}
