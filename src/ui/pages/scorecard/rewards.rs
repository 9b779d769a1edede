//! The scorecard's rewards card (issue 30): on a month, each team's and
//! each person's statement under the adopted plan — the amount and why,
//! line by line, each line opening the leads it counts — with a CSV for
//! payroll (`domain::rewards`). The same statements, worded, serve the
//! plan editor's what-if in Settings.

use crate::app::routes::Page;
use crate::app::state::AppState;
use crate::domain::lead::LeadId;
use crate::domain::rewards::{RewardPlan, Side, Whose, statements};
use crate::domain::scorecard::{Kpi, Period};
use crate::io::csv_export::{RewardRow, export_rewards_csv};
use crate::ui::i18n::pages::rewards::{self as words, money};
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// One line as shown: its words, its amount, the leads it counts (with
/// their names).
pub(crate) type ShownLine = (String, i64, Vec<(LeadId, String)>);

/// One statement as shown.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Shown {
    /// Its team.
    pub side: Side,
    /// The person (None: the team's statement).
    pub person: Option<String>,
    /// The total.
    pub total: i64,
    /// Line by line.
    pub lines: Vec<ShownLine>,
}

/// The label of a KPI in `lang`.
fn kpi_label(k: &Kpi, lang: Lang) -> String {
    let base = crate::ui::i18n::tr(lang, super::kpi_msg(k)).to_owned();
    match k {
        Kpi::LeadsFromSource(s) => format!("{base} {s}"),
        _ => base,
    }
}

/// The statements of `plan` for `period`, worded in `lang` (empty while the
/// workspace's calendar cannot be read).
pub(crate) fn shown(state: AppState, plan: &RewardPlan, period: Period, lang: Lang) -> Vec<Shown> {
    let ins = state.insights.get();
    let Some(p) = ins.prepared() else {
        return Vec::new();
    };
    let name = |r: &crate::domain::rep::RepId| ins.rep_name(r);
    let kpi = |k: &Kpi| kpi_label(k, lang);
    let status = |s| super::status_text(s, lang);
    statements(&p, plan, period, ins.now())
        .into_iter()
        .map(|s| {
            let (side, person) = match &s.whose {
                Whose::Team(side) => (*side, None),
                Whose::Person(side, r) => (*side, Some(name(r))),
            };
            let lines = s
                .lines
                .iter()
                .map(|l| {
                    let text =
                        words::line(&l.what, side, &plan.currency, lang, &kpi, &status, &name);
                    let leads = l
                        .leads
                        .iter()
                        .filter_map(|id| ins.lead(*id).map(|x| (*id, x.name().to_owned())))
                        .collect();
                    (text, l.amount, leads)
                })
                .collect();
            Shown {
                side,
                person,
                total: s.total,
                lines,
            }
        })
        .collect()
}

/// "Sales team" / "Lan · Sales".
pub(crate) fn whose(s: &Shown, lang: Lang) -> String {
    let team = words::team(s.side, lang);
    match (&s.person, lang) {
        (None, Lang::En) => format!("{team} team"),
        (None, Lang::Vi) => format!("Đội {team}"),
        (Some(p), _) => format!("{p} · {team}"),
    }
}

#[component]
pub(super) fn RewardsCard(period: Memo<Period>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let lang = i18n.0;
    let plan = Memo::new(move |_| state.settings.with(RewardPlan::of));
    let month = move || matches!(period.get(), Period::Month(_));
    let list = Memo::new(move |_| {
        let Some(plan) = plan.get() else {
            return Vec::new();
        };
        if !month() {
            return Vec::new();
        }
        shown(state, &plan, period.get(), lang.get())
    });
    let currency =
        move || plan.with(|p| p.as_ref().map(|p| p.currency.clone()).unwrap_or_default());
    let export = move |_| {
        let cur = currency();
        let rows: Vec<RewardRow> = list
            .get_untracked()
            .iter()
            .flat_map(|s| {
                let team = words::team(s.side, Lang::En).to_owned();
                let person = s.person.clone().unwrap_or_default();
                let total = RewardRow {
                    team: team.clone(),
                    person: person.clone(),
                    line: match lang.get_untracked() {
                        Lang::En => "Total".to_owned(),
                        Lang::Vi => "Tổng".to_owned(),
                    },
                    amount: s.total,
                    leads: 0,
                };
                s.lines
                    .iter()
                    .map(move |(text, amount, leads)| RewardRow {
                        team: team.clone(),
                        person: person.clone(),
                        line: text.clone(),
                        amount: *amount,
                        leads: leads.len(),
                    })
                    .chain(std::iter::once(total))
                    .collect::<Vec<_>>()
            })
            .collect();
        let m = match period.get_untracked() {
            Period::Month(d) => d.format("%Y-%m").to_string(),
            _ => return,
        };
        let bytes = export_rewards_csv(&m, &cur, &rows);
        crate::app::files::save_text(
            &format!("leadpact-rewards-{m}.csv"),
            "text/csv;charset=utf-8",
            &String::from_utf8_lossy(&bytes),
        );
    };
    view! {
        <section class="card" data-testid="rewards-card">
            <h2>{move || match lang.get() { Lang::En => "Rewards", Lang::Vi => "Thưởng và phạt" }}</h2>
            {move || match (plan.get().is_some(), month(), lang.get()) {
                (false, _, Lang::En) => view! {
                    <p data-testid="rewards-none">"No rewards plan yet. Set one in " <a href=Page::Settings.href()>"Settings → Rewards"</a> ": a share of won deals for each team, multipliers from the contract's KPIs, penalties, floors and caps."</p>
                }.into_any(),
                (false, _, Lang::Vi) => view! {
                    <p data-testid="rewards-none">"Chưa có kế hoạch thưởng. Đặt trong " <a href=Page::Settings.href()>"Cài đặt → Thưởng và phạt"</a> ": tỷ lệ trên hợp đồng đã chốt cho mỗi đội, hệ số theo KPI của thỏa thuận, mức phạt, mức sàn và trần."</p>
                }.into_any(),
                (true, false, Lang::En) => view! { <p class="muted" data-testid="rewards-none">"Statements are made by the month: choose Month above."</p> }.into_any(),
                (true, false, Lang::Vi) => view! { <p class="muted" data-testid="rewards-none">"Bảng thưởng tính theo tháng: chọn Tháng ở trên."</p> }.into_any(),
                (true, true, l) => view! {
                    <p class="muted">{match l {
                        Lang::En => "Each statement: the amount and why, line by line. Open a line to see the leads it counts.",
                        Lang::Vi => "Mỗi bảng: số tiền và lý do, từng dòng. Mở một dòng để xem các khách được tính.",
                    }}</p>
                    <Statements list=list.into() currency=Signal::derive(currency) />
                    <button type="button" class="no-print" data-testid="rewards-export" on:click=export>
                        {match l { Lang::En => "Download for payroll (CSV)", Lang::Vi => "Tải về cho bảng lương (CSV)" }}
                    </button>
                }.into_any(),
            }}
        </section>
    }
}

/// The statements, each a collapsible block; shared with the what-if.
#[component]
pub(crate) fn Statements(list: Signal<Vec<Shown>>, currency: Signal<String>) -> impl IntoView {
    let lang = use_i18n().0;
    view! {
        <div class="statements">
            {move || {
                let l = lang.get();
                let cur = currency.get();
                list.get()
                    .into_iter()
                    .map(|s| {
                        let title = whose(&s, l);
                        let total = money(s.total, &cur, false, l);
                        let lines = s
                            .lines
                            .iter()
                            .map(|(text, amount, leads)| {
                                let amount = money(*amount, &cur, true, l);
                                let open = (!leads.is_empty()).then(|| {
                                    let links = leads
                                        .iter()
                                        .map(|(id, name)| view! { <li><a href=Page::Lead(*id).href()>{name.clone()}</a></li> })
                                        .collect_view();
                                    view! {
                                        <details class="line-leads">
                                            <summary data-testid="statement-leads">{words::leads(leads.len(), l)}</summary>
                                            <ul>{links}</ul>
                                        </details>
                                    }
                                });
                                view! {
                                    <tr data-testid="statement-line">
                                        <th scope="row">{text.clone()} {open}</th>
                                        <td class="num">{amount}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        // Open, so that the printout shows every line too.
                        view! {
                            <details class="statement" data-testid="statement" open=true>
                                <summary>
                                    <span data-testid="statement-whose">{title}</span>
                                    ": "
                                    <strong data-testid="statement-total">{total}</strong>
                                </summary>
                                <table class="data">
                                    <tbody>{lines}</tbody>
                                </table>
                            </details>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
