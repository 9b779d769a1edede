//! The scorecard's rewards card (issue 30): on a month, each team's and
//! each person's statement under the adopted plan — the amount and why,
//! line by line, each line opening the leads it counts — with a CSV for
//! payroll (`domain::rewards`); "set up" or "edit the plan" opens the
//! plan's editor (`plan.rs`), whose what-if words the same statements.

use crate::app::routes::Page;
use crate::app::state::AppState;
use crate::domain::lead::LeadId;
use crate::domain::rewards::{RewardPlan, Side, Whose, statements};
use crate::domain::scorecard::{Kpi, Period};
use crate::io::csv_export::{RewardRow, export_rewards_csv};
use crate::ui::i18n::pages::rewards::{self as words, money};
use crate::ui::i18n::{Lang, use_i18n};
use chrono::Datelike;
use leptos::prelude::*;

/// One line as shown: its words, its amount, the leads it counts (with
/// their names).
pub(super) type ShownLine = (String, i64, Vec<(LeadId, String)>);

/// One statement as shown.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Shown {
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
pub(super) fn shown(state: AppState, plan: &RewardPlan, period: Period, lang: Lang) -> Vec<Shown> {
    let ins = state.insights.get();
    let Some(p) = ins.prepared() else {
        return Vec::new();
    };
    let name = |r: &crate::domain::rep::RepId| ins.rep_name(r);
    let kpi = |k: &Kpi| kpi_label(k, lang);
    let status = |k: &Kpi, s| super::kpi_status_text(k, s, lang);
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
pub(super) fn whose(s: &Shown, lang: Lang) -> String {
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
                    // The file's own words (its header) are English.
                    line: "Total".to_owned(),
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
            // By hand: chrono's strftime is code the app otherwise does without.
            Period::Month(d) => format!("{:04}-{:02}", d.year(), d.month()),
            _ => return,
        };
        let bytes = export_rewards_csv(&m, &cur, &rows);
        crate::app::files::save_text(
            &format!("leadpact-rewards-{m}.csv"),
            "text/csv;charset=utf-8",
            &String::from_utf8_lossy(&bytes),
        );
    };
    // The month shown is still running.
    let running = move || {
        let (now, tz) = state.insights.with_untracked(|i| (i.now(), i.timezone()));
        let (from, to) = period.get_untracked().range(tz);
        from <= now && now < to
    };
    let editing = RwSignal::new(false);
    // The plan being edited: the adopted one, or a starting plan.
    let draft = RwSignal::new(None::<RewardPlan>);
    let edit_button = move |l: Lang, first: bool| {
        view! {
            <button type="button" class="no-print" data-testid="rw-setup" on:click=move |_| {
                draft.set(Some(plan.get_untracked().unwrap_or_default()));
                editing.set(true);
            }>
                {match (l, first) {
                    (Lang::En, true) => "Set up a rewards plan",
                    (Lang::Vi, true) => "Lập kế hoạch thưởng",
                    (Lang::En, false) => "Edit the plan",
                    (Lang::Vi, false) => "Sửa kế hoạch",
                }}
            </button>
        }
    };
    view! {
        <section class="card" data-testid="rewards-card">
            <h2>{move || match lang.get() { Lang::En => "Rewards", Lang::Vi => "Thưởng và phạt" }}</h2>
            {move || match (plan.with(Option::is_some), month(), editing.get(), lang.get()) {
                (_, false, _, Lang::En) => view! { <p class="muted" data-testid="rewards-none">"Rewards are reckoned by the month: choose Month above to read each person's statement or to set the plan."</p> }.into_any(),
                (_, false, _, Lang::Vi) => view! { <p class="muted" data-testid="rewards-none">"Thưởng tính theo tháng: chọn Tháng ở trên để xem bảng thưởng của từng người hoặc đặt kế hoạch."</p> }.into_any(),
                (_, true, true, _) => view! { <super::plan::PlanEditor month=period open=editing draft=draft /> }.into_any(),
                (false, true, false, l) => view! {
                    <p data-testid="rewards-none">{match l {
                        Lang::En => "No rewards plan yet: a share of won deals for each team, multipliers from the contract's KPIs, penalties, floors and caps. Try one on this month before adopting it.",
                        Lang::Vi => "Chưa có kế hoạch thưởng: tỷ lệ trên hợp đồng đã chốt cho mỗi đội, hệ số theo KPI của thỏa thuận, mức phạt, mức sàn và trần. Hãy thử trên tháng này trước khi áp dụng.",
                    }}</p>
                    {edit_button(l, true)}
                }.into_any(),
                (true, true, false, l) => view! {
                    <p class="muted">{match l {
                        Lang::En => "Each statement: the amount and why, line by line. Open a line's leads to see whom it counts.",
                        Lang::Vi => "Mỗi bảng: số tiền và lý do, từng dòng. Mở danh sách khách của một dòng để xem dòng đó tính những ai.",
                    }}</p>
                    {running().then(|| view! {
                        <p class="muted" data-testid="rewards-running">{match l {
                            Lang::En => "This month is still running: the amounts are what the plan gives for it so far, and will change until it ends.",
                            Lang::Vi => "Tháng này chưa kết thúc: số tiền là những gì kế hoạch cho đến hiện tại, và còn thay đổi đến cuối tháng.",
                        }}</p>
                    })}
                    <Statements list=list.into() currency=Signal::derive(currency) />
                    <div class="filters no-print">
                        <button type="button" data-testid="rewards-export" on:click=export>
                            {match l { Lang::En => "Download for payroll (CSV)", Lang::Vi => "Tải về cho bảng lương (CSV)" }}
                        </button>
                        {edit_button(l, false)}
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

/// The statements, each a block of its lines (open, so that a printout
/// shows them all).
#[component]
fn Statements(list: Signal<Vec<Shown>>, currency: Signal<String>) -> impl IntoView {
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
