//! The funnel page's care report (issue 30, `domain::care`): for the leads
//! the funnel counts, how Sales worked them — per campaign summed, then
//! lead by lead with the breaches marked — and the same as a CSV file.

use crate::app::files;
use crate::app::routes::Page;
use crate::app::state::AppState;
use crate::domain::care::{CareReport, CareSum, care_report};
use crate::domain::funnel::FunnelFilter;
use crate::io::csv_export::export_care_csv;
use crate::ui::format::{Clock, duration, local_datetime, local_time_near, number};
use crate::ui::i18n::pages::PageMsg;
use crate::ui::i18n::pages::care::{self as words, CareMsg};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// Leads listed one by one (the CSV has them all).
const LISTED: usize = 200;

/// The care report of the leads `filter` counts.
#[component]
pub(super) fn CareSection(filter: Memo<FunnelFilter>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = i18n.0;
    let report = Memo::new(move |_| -> CareReport {
        let filter = filter.get();
        state.insights.with(|ins| {
            let leads = ins.leads();
            let policies = ins.settings().policies;
            care_report(
                leads,
                ins.clocks(),
                |i| ins.activities_of(leads[i].id()),
                ins.pipeline(),
                &policies,
                ins.working_day(),
                &filter,
                ins.now(),
            )
        })
    });
    let day = move || state.insights.with(|i| i.working_day());
    let export = move |_| {
        let ins = state.insights.get_untracked();
        let bytes =
            report.with_untracked(|r| export_care_csv(r, |id| ins.lead(id), &ins.settings()));
        // Today in the workspace's time, as the person reads the date.
        let name = format!(
            "leadpact-care-{}.csv",
            crate::domain::instant::ymd(ins.now().with_timezone(&ins.timezone()).date_naive())
        );
        files::save_text(
            &name,
            "text/csv;charset=utf-8",
            &String::from_utf8_lossy(&bytes),
        );
    };
    let sum_row = move |name: String, s: CareSum, total: bool| {
        let l = move |m: CareMsg| i18n.t(m)().to_owned();
        let median = s
            .median_response
            .map(|d| duration(d, Clock::Business(day()), lang.get()))
            .unwrap_or_else(|| "—".into());
        let class = if total { "total" } else { "" };
        let attr = name.clone();
        view! {
            <tr class=class data-testid="care-campaign" data-campaign=attr>
                <th scope="row">{name}</th>
                <td data-label=l(CareMsg::Leads)>{number(s.leads.into(), lang.get())}</td>
                <td data-label=l(CareMsg::RespondedOnTime) data-testid="care-on-time">{words::share(lang.get(), s.on_time, s.responded + s.missed)}</td>
                <td data-label=l(CareMsg::MedianResponse)>{median}</td>
                <td data-label=l(CareMsg::TriesKept) data-testid="care-tries-kept">{words::share(lang.get(), s.tries_kept, s.tries_kept + s.tries_missed)}</td>
                <td data-label=l(CareMsg::WithBreach) data-testid="care-breached">{words::share(lang.get(), s.breached, s.leads)}</td>
                <td data-label=l(CareMsg::AuditsPassed) data-testid="care-audits-passed">{words::share(lang.get(), s.audits_passed, s.audits_passed + s.audits_failed)}</td>
                <td data-label=l(CareMsg::Won)>{number(s.won.into(), lang.get())}</td>
                <td data-label=l(CareMsg::Lost)>{number(s.lost.into(), lang.get())}</td>
                <td data-label=l(CareMsg::Junk)>{number(s.junk.into(), lang.get())}</td>
                <td data-label=l(CareMsg::Open)>{number(s.open.into(), lang.get())}</td>
            </tr>
        }
    };
    let campaigns = move || {
        let (list, total) = report.with(|r| (r.campaigns.clone(), r.total.clone()));
        let lang = lang.get();
        let mut rows: Vec<_> = list
            .into_iter()
            .map(|(c, s)| {
                let name = if c.is_empty() {
                    crate::ui::i18n::tr(lang, CareMsg::NoCampaign).to_owned()
                } else {
                    c
                };
                sum_row(name, s, false)
            })
            .collect();
        rows.push(sum_row(
            crate::ui::i18n::tr(lang, CareMsg::Total).to_owned(),
            total,
            true,
        ));
        rows.collect_view()
    };
    let leads = move || {
        let lang = lang.get();
        let day = day();
        state.insights.with(|ins| {
            report.with(|r| {
                r.rows
                    .iter()
                    .take(LISTED)
                    .filter_map(|row| {
                        let lead = ins.lead(row.lead)?;
                        let times: Vec<String> = row.tries.iter().map(|t| local_time_near(*t, row.arrived, lang)).collect();
                        let breached = !row.breaches.is_empty();
                        // "campaign · owner", whichever it has.
                        let owner = lead.owner().map(|o| ins.rep_name(o));
                        let about = [Some(lead.campaign().to_owned()), owner]
                            .into_iter()
                            .flatten()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" · ");
                        let l = move |m: CareMsg| crate::ui::i18n::tr(lang, m);
                        Some(view! {
                            <tr data-testid="care-lead" class:breached=breached>
                                <th scope="row"><a href=Page::Lead(row.lead).href()>{lead.name().to_owned()}</a>
                                    {(!about.is_empty()).then(|| view! { <span class="muted">" · "{about}</span> })}</th>
                                <td data-label=l(CareMsg::Arrived)>{local_datetime(row.arrived, lang)}</td>
                                <td data-label=l(CareMsg::FirstResponse) data-testid="care-first-response">{words::first_response(lang, &row.first_response, day, |t| local_time_near(t, row.arrived, lang))}</td>
                                <td data-label=l(CareMsg::Tries) data-testid="care-tries">{words::tries(lang, row.tries.len(), row.required, &times)}</td>
                                <td data-label=l(CareMsg::LongestWait)>{row.longest_wait.map(|d| duration(d, Clock::Calendar, lang)).unwrap_or_else(|| "—".into())}</td>
                                <td data-label=l(CareMsg::Outcome)>{words::outcome(lang, &row.outcome)}</td>
                                <td data-label=l(CareMsg::Breaches) data-testid="care-breaches" class:bad=breached>{words::breaches(lang, &row.breaches)}</td>
                                <td data-label=l(CareMsg::Audits) data-testid="care-audits" class:bad={row.audits.1 > 0}>{words::audits(lang, row.audits.0, row.audits.1)}</td>
                            </tr>
                        })
                    })
                    .collect_view()
            })
        })
    };
    let count = move || report.with(|r| r.rows.len());
    view! {
        <section class="card care" data-testid="care-report" aria-labelledby="care-title">
            <h2 id="care-title">{i18n.t(CareMsg::Title)}</h2>
            <p class="muted">{i18n.t(CareMsg::Hint)}</p>
            <Show when=move || count() != 0 fallback=move || view! { <p data-testid="care-empty">{i18n.t(CareMsg::NoLeads)}</p> }>
                <div class="table-scroll">
                    <table class="data" data-testid="care-campaigns">
                        <thead><tr>
                            <th scope="col">{i18n.t(PageMsg::Campaign)}</th>
                            <th scope="col">{i18n.t(CareMsg::Leads)}</th>
                            <th scope="col">{i18n.t(CareMsg::RespondedOnTime)}</th>
                            <th scope="col">{i18n.t(CareMsg::MedianResponse)}</th>
                            <th scope="col">{i18n.t(CareMsg::TriesKept)}</th>
                            <th scope="col">{i18n.t(CareMsg::WithBreach)}</th>
                            <th scope="col">{i18n.t(CareMsg::AuditsPassed)}</th>
                            <th scope="col">{i18n.t(CareMsg::Won)}</th>
                            <th scope="col">{i18n.t(CareMsg::Lost)}</th>
                            <th scope="col">{i18n.t(CareMsg::Junk)}</th>
                            <th scope="col">{i18n.t(CareMsg::Open)}</th>
                        </tr></thead>
                        <tbody>{campaigns}</tbody>
                    </table>
                </div>
                <button type="button" data-testid="care-export" on:click=export>{i18n.t(CareMsg::Export)}</button>
                <details data-testid="care-leads">
                    <summary>{move || format!("{} ({})", i18n.t(CareMsg::LeadByLead)(), number(count() as u64, lang.get()))}</summary>
                    <Show when=move || { count() > LISTED }>
                        <p class="muted">{move || words::listed(lang.get(), LISTED, count())}</p>
                    </Show>
                    <div class="table-scroll">
                        <table class="data care-leads">
                            <thead><tr>
                                <th scope="col">{i18n.t(PageMsg::Name)}</th>
                                <th scope="col">{i18n.t(CareMsg::Arrived)}</th>
                                <th scope="col">{i18n.t(CareMsg::FirstResponse)}</th>
                                <th scope="col">{i18n.t(CareMsg::Tries)}</th>
                                <th scope="col">{i18n.t(CareMsg::LongestWait)}</th>
                                <th scope="col">{i18n.t(CareMsg::Outcome)}</th>
                                <th scope="col">{i18n.t(CareMsg::Breaches)}</th>
                                <th scope="col">{i18n.t(CareMsg::Audits)}</th>
                            </tr></thead>
                            <tbody>{leads}</tbody>
                        </table>
                    </div>
                </details>
            </Show>
        </section>
    }
}
