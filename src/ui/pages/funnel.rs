//! `/funnel`: leads reaching each stage (an SVG chart with the same figures
//! in a table beside it), conversion and drop-off, where lost and junk leads
//! left and why, and which team owns each step. A step no lead reached
//! shows 0, no conversion ("—") and says that no lead reached it. Below,
//! the care report for the same leads (`care`).

use crate::app::state::AppState;
use crate::domain::funnel::{Funnel, FunnelFilter, funnel_of};
use crate::domain::live::Field;
use crate::domain::pipeline::Team;
use crate::domain::rep::RepId;
use crate::domain::scorecard::{Period, PeriodKind};
use crate::ui::format::{Clock, duration, number, percent};
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::funnel::FunnelMsg;
use crate::ui::i18n::{Msg, use_i18n};
use chrono::TimeDelta;
use leptos::prelude::*;

thread_local! {
    /// The filters last chosen (period, source, campaign, owner): kept when
    /// a person opens a lead from the care report and comes back.
    static LAST: std::cell::RefCell<[String; 4]> =
        std::cell::RefCell::new(["all".to_owned(), String::new(), String::new(), String::new()]);
}

/// The funnel screen.
#[component]
pub fn FunnelPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    // A value the workspace no longer has (a campaign gone with a replaced
    // workspace) is not kept: the select could not show it.
    let [range, mut s, mut c, mut o] = LAST.with(|l| l.borrow().clone());
    let has = |f: Field, v: &str| {
        state
            .insights
            .with_untracked(|i| i.values(f).any(|x| x == v))
    };
    if !s.is_empty() && !has(Field::Source, &s) {
        s.clear();
    }
    if !c.is_empty() && !has(Field::Campaign, &c) {
        c.clear();
    }
    if !o.is_empty()
        && state
            .settings
            .with_untracked(|st| !st.reps.iter().any(|r| r.id.as_str() == o))
    {
        o.clear();
    }
    let [range, source, campaign, owner] = [range, s, c, o].map(RwSignal::new);
    Effect::new(move || {
        let now = [range.get(), source.get(), campaign.get(), owner.get()];
        LAST.with(|l| *l.borrow_mut() = now);
    });
    // The leads counted: the funnel's and the care report's.
    let filter = Memo::new(move |_| -> FunnelFilter {
        let (now, tz) = state.insights.with(|ins| (ins.now(), ins.timezone()));
        let (from, to) = match range.get().as_str() {
            "month" => {
                let (a, b) = Period::containing(PeriodKind::Month, now, tz).range(tz);
                (Some(a), Some(b))
            }
            "last-month" => {
                let (a, b) = Period::containing(PeriodKind::Month, now, tz)
                    .previous()
                    .range(tz);
                (Some(a), Some(b))
            }
            "90" => (Some(now - TimeDelta::days(90)), None),
            _ => (None, None),
        };
        let opt = |s: String| (!s.is_empty()).then_some(s);
        FunnelFilter {
            from,
            to,
            source: opt(source.get()),
            campaign: opt(campaign.get()),
            owner: opt(owner.get()).map(RepId::new),
        }
    });
    let data = Memo::new(move |_| -> Option<Funnel> {
        let filter = filter.get();
        let ins = state.insights.get();
        let p = ins.prepared()?;
        Some(funnel_of(&p, &filter))
    });
    let distinct = move |f: Field| state.distinct(f);
    let lang = i18n.0;
    let working = move || Clock::Business(state.insights.with(|i| i.working_day()));
    let pct =
        move |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| percent(v * 100.0, lang.get()));
    view! {
        <div class="funnel-page" data-testid="page-funnel">
            <h1>{i18n.t(Msg::NavFunnel)}</h1>
            <div class="filters">
                <select data-testid="funnel-period" aria-label=i18n.t(PageMsg::Period) bind:value=range>
                    <option value="all">{i18n.t(PageMsg::AnyTime)}</option>
                    <option value="month">{i18n.t(FunnelMsg::ThisMonth)}</option>
                    <option value="last-month">{i18n.t(FunnelMsg::LastMonth)}</option>
                    <option value="90">{i18n.t(FunnelMsg::Last90Days)}</option>
                </select>
                <select data-testid="funnel-source" aria-label=i18n.t(PageMsg::Source) bind:value=source>
                    <option value="">{i18n.t(PageMsg::AllSources)}</option>
                    {move || distinct(Field::Source).into_iter().map(|s| view! { <option value=s.clone() selected=source.get_untracked() == s>{crate::ui::format::source_label(&s, i18n.0.get())}</option> }).collect_view()}
                </select>
                <select data-testid="funnel-campaign" aria-label=i18n.t(PageMsg::Campaign) bind:value=campaign>
                    <option value="">{i18n.t(PageMsg::AllCampaigns)}</option>
                    {move || distinct(Field::Campaign).into_iter().map(|s| view! { <option value=s.clone() selected=campaign.get_untracked() == s>{s.clone()}</option> }).collect_view()}
                </select>
                <select data-testid="funnel-owner" aria-label=i18n.t(PageMsg::Owner) bind:value=owner>
                    <option value="">{i18n.t(PageMsg::AllOwners)}</option>
                    {move || state.settings.get().reps.iter().map(|r| view! { <option value=r.id.to_string() selected=owner.get_untracked() == r.id.as_str()>{r.name.clone()}</option> }).collect_view()}
                </select>
            </div>
            {move || {
                data.get()
                    .map(|f| {
                        // The widest bar is the most reached step (not always the
                        // first: a step no lead entered is 0).
                        let max = f.steps.iter().map(|s| s.reached).max().unwrap_or(0).max(1) as f64;
                        let bar_h = 34;
                        let height = f.steps.len() * bar_h + 10;
                        let label = format!("{} {}", number(f.total.into(), lang.get()), i18n.t(FunnelMsg::LeadsCounted)());
                        let bars = f
                            .steps
                            .iter()
                            .enumerate()
                            .map(|(i, s)| {
                                let w = (s.reached as f64 / max * 560.0).max(2.0);
                                let y = i * bar_h + 5;
                                let cls = if s.team == Team::Marketing { "bar marketing" } else { "bar sales" };
                                view! {
                                    <g>
                                        <rect class=cls x="150" y=y width=format!("{w:.1}") height=bar_h - 8 rx="4"></rect>
                                        <text x="0" y=y + 18 class="bar-label">{crate::ui::format::stage_label(s.stage.as_str(), &s.name, i18n.0.get())}</text>
                                        <text x=format!("{:.1}", 156.0 + w) y=y + 18 class="bar-value">{number(s.reached.into(), lang.get())}</text>
                                    </g>
                                }
                            })
                            .collect_view();
                        let rows = f
                            .steps
                            .iter()
                            .map(|s| {
                                let team = if s.team == Team::Marketing { PageMsg::TeamMarketing } else { PageMsg::TeamSales };
                                // On phones the chart gives way to a bar in each step's card.
                                let share = format!("--w: {:.1}%", (s.reached as f64 / max * 100.0).max(1.0));
                                let bar = if s.team == Team::Marketing { "step-bar marketing" } else { "step-bar sales" };
                                let l = |m: PageMsg| i18n.t(m)().to_owned();
                                let reasons = s
                                    .reasons
                                    .iter()
                                    .take(3)
                                    .map(|(r, n)| format!("{r} ({n})"))
                                    .collect::<Vec<_>>()
                                    .join(", ");
                                // A step no lead reached says so where its reasons would be.
                                let reasons = if s.reached == 0 {
                                    view! { <span class="muted">{i18n.t(FunnelMsg::NoneReached)}</span> }.into_any()
                                } else {
                                    reasons.into_any()
                                };
                                view! {
                                    <tr data-testid="funnel-row" data-stage=s.stage.to_string()>
                                        <th scope="row">
                                            {crate::ui::format::stage_label(s.stage.as_str(), &s.name, i18n.0.get())}
                                            <span class=bar style=share aria-hidden="true"></span>
                                        </th>
                                        <td data-label=l(PageMsg::Team)>{i18n.t(team)}</td>
                                        <td data-label=l(PageMsg::Reached) data-testid="funnel-reached">{number(s.reached.into(), lang.get())}</td>
                                        <td data-label=l(PageMsg::Conversion)>{pct(s.conversion)}</td>
                                        <td data-label=l(PageMsg::DropOff)>{pct(s.drop_off)}</td>
                                        <td data-label=l(PageMsg::OpenHere) data-testid="funnel-open">{number(s.open_here.into(), lang.get())}</td>
                                        <td data-label=l(PageMsg::LostHere)>{number(s.lost_here.into(), lang.get())}</td>
                                        <td data-label=l(PageMsg::JunkHere)>{number(s.junk_here.into(), lang.get())}</td>
                                        <td data-label=l(PageMsg::Reasons) class="reasons">{reasons}</td>
                                        <td data-label=l(PageMsg::MedianTime)>{s.median_time.map(|d| duration(d, working(), lang.get()))}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <div class="funnel card">
                                <svg
                                    role="img"
                                    aria-label=label
                                    viewBox=format!("0 0 760 {height}")
                                    class="funnel-chart"
                                    data-testid="funnel-chart"
                                >
                                    {bars}
                                </svg>
                                <table class="data" data-testid="funnel-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{i18n.t(PageMsg::Stage)}</th>
                                            <th scope="col">{i18n.t(PageMsg::Team)}</th>
                                            <th scope="col">{i18n.t(PageMsg::Reached)}</th>
                                            <th scope="col">{i18n.t(PageMsg::Conversion)}</th>
                                            <th scope="col">{i18n.t(PageMsg::DropOff)}</th>
                                            <th scope="col">{i18n.t(PageMsg::OpenHere)}</th>
                                            <th scope="col">{i18n.t(PageMsg::LostHere)}</th>
                                            <th scope="col">{i18n.t(PageMsg::JunkHere)}</th>
                                            <th scope="col">{i18n.t(PageMsg::Reasons)}</th>
                                            <th scope="col">{i18n.t(PageMsg::MedianTime)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                        }
                    })
            }}
            <care::CareSection filter=filter />
        </div>
    }
}

mod care;
