//! The rewards plan's editor (issue 30), on the scorecard's month: the
//! bonus and penalty plan both teams earn from (`domain::rewards`). A
//! person edits a draft; beside it, the month's statements under the
//! adopted plan and under the draft (the what-if), before anything is
//! saved. Adopting checks the plan field by field and says what is wrong in
//! words. (It sits here rather than in Settings so that its code and the
//! statements' travel in one module: code two pages share costs the first
//! load its bookkeeping; Settings links here.)

use super::rewards::{Shown, shown, whose};
use crate::app::state::AppState;
use crate::domain::rewards::{Multiplier, RewardPlan, Side, TeamRule};
use crate::domain::scorecard::{Kpi, Period};
use crate::ui::i18n::pages::rewards::{self as words, money, not_a_number, percent};
use crate::ui::i18n::{Lang, tr, use_i18n};
use leptos::prelude::*;

/// The KPIs a multiplier can use: each team's side of the contract (the
/// sale itself counts for both).
const SALES_KPIS: [Kpi; 8] = [
    Kpi::FirstResponseWithinSla,
    Kpi::FirstResponseMedian,
    Kpi::RequiredAttemptsRate,
    Kpi::Breaches,
    Kpi::LeadToWon,
    Kpi::QualifiedToWon,
    Kpi::Csat,
    Kpi::AuditPassRate,
];
const MARKETING_KPIS: [Kpi; 4] = [
    Kpi::LeadVolume,
    Kpi::QualifiedRate,
    Kpi::JunkRate,
    Kpi::LeadToWon,
];

fn kpis(side: Side) -> &'static [Kpi] {
    match side {
        Side::Sales => &SALES_KPIS,
        Side::Marketing => &MARKETING_KPIS,
    }
}

fn kpi_key(k: &Kpi) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn kpi_label(k: &Kpi, lang: Lang) -> String {
    tr(lang, super::kpi_msg(k)).to_owned()
}

/// A whole amount as typed: `1.000.000`, `1,000,000`, `1 000 000` (empty:
/// none).
fn parse_amount(t: &str) -> Result<Option<i64>, ()> {
    let digits: String = t
        .trim()
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}' | '₫'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    digits.parse::<i64>().map(Some).map_err(|_| ())
}

/// A percentage or factor as typed: `1.5` or `1,5`.
fn parse_decimal(t: &str) -> Result<f64, ()> {
    t.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or(())
}

fn side_key(side: Side) -> &'static str {
    match side {
        Side::Sales => "sales",
        Side::Marketing => "marketing",
    }
}

/// The editor of the plan, trying `draft` (the plan being edited, kept by
/// the card) on `month`; `open` is false once the plan is adopted or the
/// changes discarded.
#[component]
pub(super) fn PlanEditor(
    month: Memo<Period>,
    open: RwSignal<bool>,
    draft: RwSignal<Option<RewardPlan>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    // Drawn again when the language changes (the card's view follows it);
    // the draft lives in the card, so nothing typed is lost.
    let l = i18n.0.get_untracked();
    let adopted = Memo::new(move |_| state.settings.with(RewardPlan::of));
    let errors = RwSignal::new(Vec::<String>::new());
    let current = move || draft.get().or_else(|| adopted.get());
    let edit = move |f: Box<dyn FnOnce(&mut RewardPlan)>| {
        let mut p = draft
            .get_untracked()
            .or_else(|| adopted.get_untracked())
            .unwrap_or_default();
        f(&mut p);
        errors.set(Vec::new());
        draft.set(Some(p));
    };
    let say = move |e: String| errors.set(vec![e]);
    let adopt = move |_| {
        let Some(p) = draft.get_untracked() else {
            return;
        };
        // Its problems are listed above the button as they arise.
        if !p.check().is_empty() || !errors.with_untracked(Vec::is_empty) {
            return;
        }
        let mut s = state.settings.get_untracked();
        p.put(&mut s);
        state.save_settings(s);
        errors.set(Vec::new());
        draft.set(None);
        open.set(false);
    };
    let last_month = month;
    // (who, adopted amount in the adopted plan's currency, the draft's).
    type Row = (String, Option<String>, String);
    let what_if = Memo::new(move |_| -> Vec<Row> {
        let Some(d) = draft.get() else {
            return Vec::new();
        };
        // A draft with a problem pays nothing to compare (a share of
        // 10^20 % would show amounts past any number).
        if errors.with(|e| !e.is_empty()) || !d.check().is_empty() {
            return Vec::new();
        }
        let month = last_month.get();
        let adopted = adopted.get();
        let before: Vec<Shown> = adopted
            .as_ref()
            .map(|a| shown(state, a, month, l))
            .unwrap_or_default();
        let was_in = adopted.map(|a| a.currency).unwrap_or_default();
        shown(state, &d, month, l)
            .into_iter()
            .map(|s| {
                let was = before
                    .iter()
                    .find(|b| b.side == s.side && b.person == s.person)
                    .map(|b| money(b.total, &was_in, false, l));
                (whose(&s, l), was, money(s.total, &d.currency, false, l))
            })
            .collect()
    });
    let team = move |side: Side| {
        let key = side_key(side);
        let rule = move || {
            current().map(|p| match side {
                Side::Sales => p.sales,
                Side::Marketing => p.marketing,
            })
        };
        let set = move |f: Box<dyn FnOnce(&mut TeamRule)>| {
            edit(Box::new(move |p| {
                f(match side {
                    Side::Sales => &mut p.sales,
                    Side::Marketing => &mut p.marketing,
                })
            }))
        };
        // An amount field: (label, testid, read, write; `optional`: empty is none).
        let amount = move |label: (&'static str, &'static str),
                           id: &'static str,
                           read: fn(&TeamRule) -> Option<i64>,
                           write: fn(&mut TeamRule, Option<i64>),
                           optional: bool| {
            let testid = format!("rw-{key}-{id}");
            let name = match l {
                Lang::En => label.0,
                Lang::Vi => label.1,
            };
            view! {
                <label for=testid.clone()>{name}</label>
                <input type="text" inputmode="numeric" id=testid.clone() data-testid=testid
                        placeholder=if optional { match l { Lang::En => "none", Lang::Vi => "không" } } else { "0" }
                        prop:value=move || rule().and_then(|r| read(&r)).map(|v| format!("{}{}", if v < 0 { "-" } else { "" }, crate::ui::format::number(v.unsigned_abs(), l))).unwrap_or_default()
                        on:change=move |ev| {
                            let t = event_target_value(&ev);
                            match parse_amount(&t) {
                                Ok(v) => set(Box::new(move |r| write(r, if optional { v } else { Some(v.unwrap_or(0)) }))),
                                Err(()) => say(not_a_number(&format!("{} · {}", words::team(side, l), name), t.trim(), l)),
                            }
                        } />
            }
        };
        let share_label = match l {
            Lang::En => "Share of won value (%)",
            Lang::Vi => "Tỷ lệ trên giá trị đã chốt (%)",
        };
        let penalty_label = match side {
            Side::Sales => (
                "Penalty per lead of the month with a breached first response, attempts or stage time",
                "Phạt mỗi khách của tháng vi phạm phản hồi đầu, số lần gọi hoặc thời gian ở giai đoạn",
            ),
            Side::Marketing => ("Penalty per junk lead", "Phạt mỗi khách rác"),
        };
        let base_hint = match (side, l) {
            (Side::Sales, Lang::En) => {
                "Each Sales rep: a share of the deals they won in the month, then the multipliers from their own scorecard, then the penalties; the floor and the cap hold for each person."
            }
            (Side::Sales, Lang::Vi) => {
                "Mỗi nhân viên Sales: tỷ lệ trên các hợp đồng họ chốt trong tháng, rồi các hệ số theo bảng KPI của chính họ, rồi phạt; mức sàn và trần áp cho từng người."
            }
            (Side::Marketing, Lang::En) => {
                "Marketing's pool: a share of every deal won in the month (Marketing brought the leads), the multipliers from Marketing's scorecard, the penalties; then split evenly among Marketing's members."
            }
            (Side::Marketing, Lang::Vi) => {
                "Quỹ Marketing: tỷ lệ trên mọi hợp đồng chốt trong tháng (Marketing mang khách về), các hệ số theo bảng KPI của Marketing, phạt; rồi chia đều cho các thành viên Marketing."
            }
        };
        let multipliers = move || {
            rule()
                .map(|r| r.multipliers)
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, m)| {
                    let options = kpis(side)
                        .iter()
                        .map(|k| {
                            let v = kpi_key(k);
                            let sel = *k == m.kpi;
                            view! { <option value=v selected=sel>{kpi_label(k, l)}</option> }
                        })
                        .collect_view();
                    let factor = move |f: f64| percent(f, l);
                    let kpi = m.kpi.clone();
                    let set_factor = move |met: bool| {
                        let kpi = kpi.clone();
                        move |ev: leptos::ev::Event| {
                            let t = event_target_value(&ev);
                            match parse_decimal(&t) {
                                Ok(v) => set(Box::new(move |r| {
                                    if let Some(m) = r.multipliers.get_mut(i) {
                                        if met { m.met = v } else { m.missed = v }
                                    }
                                })),
                                Err(()) => {
                                    let which = match (met, l) {
                                        (true, Lang::En) => "× if met",
                                        (true, Lang::Vi) => "× nếu đạt",
                                        (false, Lang::En) => "× if missed",
                                        (false, Lang::Vi) => "× nếu không đạt",
                                    };
                                    say(not_a_number(&format!("{} · {} · {which}", words::team(side, l), kpi_label(&kpi, l)), t.trim(), l))
                                }
                            }
                        }
                    };
                    // A KPI without a target has no verdict: say the
                    // multiplier changes nothing until one is set.
                    let scope = match side {
                        Side::Sales => crate::domain::scorecard::Scope::Sales,
                        Side::Marketing => crate::domain::scorecard::Scope::Marketing,
                    };
                    let untargeted = state.settings.with_untracked(|s| s.targets.get(&scope, &m.kpi).is_none());
                    let no_target = untargeted.then(|| view! {
                        <p class="muted" data-testid="rw-no-target">{match l {
                            Lang::En => "No target is set for this KPI: the multiplier changes nothing until one is set on the scorecard.",
                            Lang::Vi => "KPI này chưa có mục tiêu: hệ số không thay đổi gì cho đến khi đặt mục tiêu ở bảng điểm.",
                        }}</p>
                    });
                    view! {
                        <div class="filters" data-testid=format!("rw-{key}-multiplier")>
                            <select data-testid=format!("rw-{key}-kpi") aria-label=match l { Lang::En => "KPI", Lang::Vi => "KPI" } on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(k) = kpis(side).iter().find(|k| kpi_key(k) == v).cloned() {
                                    set(Box::new(move |r| {
                                        if let Some(m) = r.multipliers.get_mut(i) {
                                            m.kpi = k;
                                        }
                                    }));
                                }
                            }>{options}</select>
                            <label>
                                <span>{match l { Lang::En => "× if met", Lang::Vi => "× nếu đạt" }}</span>
                                <input type="text" inputmode="decimal" class="short" data-testid=format!("rw-{key}-met") prop:value=factor(m.met) on:change=set_factor(true) />
                            </label>
                            <label>
                                <span>{match l { Lang::En => "× if missed", Lang::Vi => "× nếu không đạt" }}</span>
                                <input type="text" inputmode="decimal" class="short" data-testid=format!("rw-{key}-missed") prop:value=factor(m.missed) on:change=set_factor(false) />
                            </label>
                            <button type="button" data-testid=format!("rw-{key}-remove") on:click=move |_| set(Box::new(move |r| { if i < r.multipliers.len() { r.multipliers.remove(i); } }))>
                                {match l { Lang::En => "Remove", Lang::Vi => "Xóa" }}
                            </button>
                        </div>
                        {no_target}
                    }
                })
                .collect_view()
        };
        view! {
            <fieldset class="reward-team" data-testid=format!("rw-{key}")>
                <legend>{words::team(side, l)}</legend>
                <p class="muted">{base_hint}</p>
                <div class="grid-form">
                    <label for=format!("rw-{key}-share")>{share_label}</label>
                    <input type="text" inputmode="decimal" id=format!("rw-{key}-share") data-testid=format!("rw-{key}-share")
                            prop:value=move || rule().map(|r| percent(r.share_percent, l)).unwrap_or_default()
                            on:change=move |ev| {
                                let t = event_target_value(&ev);
                                match parse_decimal(&t) {
                                    Ok(v) => set(Box::new(move |r| r.share_percent = v)),
                                    Err(()) => say(not_a_number(&format!("{} · {}", words::team(side, l), share_label), t.trim(), l)),
                                }
                            } />
                    {amount(penalty_label, "penalty", |r| Some(r.penalty), |r, v| r.penalty = v.unwrap_or(0), false)}
                    {amount(("Penalties at most (a month)", "Tổng phạt tối đa (một tháng)"), "penalty-cap", |r| r.penalty_cap, |r, v| r.penalty_cap = v, true)}
                    {amount(("Floor", "Mức sàn"), "floor", |r| Some(r.floor), |r, v| r.floor = v.unwrap_or(0), false)}
                    {amount(("Cap", "Mức trần"), "cap", |r| r.cap, |r, v| r.cap = v, true)}
                </div>
                <p><strong>{match l { Lang::En => "Multipliers, in turn, from the month's verdicts", Lang::Vi => "Hệ số, lần lượt, theo kết quả KPI của tháng" }}</strong></p>
                <div>{multipliers}</div>
                <button type="button" data-testid=format!("rw-{key}-add") on:click=move |_| set(Box::new(move |r| {
                    let k = kpis(side).iter().find(|k| !r.multipliers.iter().any(|m| m.kpi == **k)).cloned().unwrap_or_else(|| kpis(side)[0].clone());
                    r.multipliers.push(Multiplier { kpi: k, met: 1.0, missed: 1.0 });
                }))>
                    {match l { Lang::En => "Add a multiplier", Lang::Vi => "Thêm hệ số" }}
                </button>
            </fieldset>
        }
    };
    view! {
        <div class="rewards-editor scorecard" data-testid="rewards-editor">
            <p class="muted">{match l {
                Lang::En => "Nothing changes until you adopt the plan: the table below compares the statements of the month shown under the adopted plan and under this draft.",
                Lang::Vi => "Chưa áp dụng thì chưa có gì thay đổi: bảng dưới so sánh bảng thưởng của tháng đang xem theo kế hoạch đang áp dụng và theo bản nháp này.",
            }}</p>
            <p class="muted">{match l {
                Lang::En => "Amounts are in đồng (₫), the currency of the deals' values.",
                Lang::Vi => "Số tiền tính bằng đồng (₫), đơn vị của giá trị hợp đồng.",
            }}</p>
            {team(Side::Sales)}
            {team(Side::Marketing)}
            <div data-testid="rw-whatif">
                <h3>{match l {
                    Lang::En => format!("What if: {} under this draft", crate::ui::format::period_label(last_month.get(), Lang::En)),
                    Lang::Vi => format!("Giả sử: {} theo bản nháp này", crate::ui::format::period_label(last_month.get(), Lang::Vi)),
                }}</h3>
                <table class="data">
                    <thead><tr>
                        <th scope="col">{match l { Lang::En => "Who", Lang::Vi => "Ai" }}</th>
                        <th scope="col">{match l { Lang::En => "Adopted plan", Lang::Vi => "Kế hoạch đang áp dụng" }}</th>
                        <th scope="col">{match l { Lang::En => "This draft", Lang::Vi => "Bản nháp này" }}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            // On phones the header row is hidden: each cell says its column.
                            let waits = draft.with(|d| d.as_ref().is_some_and(|d| !d.check().is_empty())) || errors.with(|e| !e.is_empty());
                            if waits {
                                let text = match l {
                                    Lang::En => "Put right the problems below to see what this draft would pay.",
                                    Lang::Vi => "Hãy sửa các lỗi bên dưới để xem bản nháp này trả bao nhiêu.",
                                };
                                return view! { <tr data-testid="rw-whatif-wait"><td colspan="3">{text}</td></tr> }.into_any();
                            }
                            let (was_label, now_label) = match l {
                                Lang::En => ("Adopted plan", "This draft"),
                                Lang::Vi => ("Kế hoạch đang áp dụng", "Bản nháp này"),
                            };
                            what_if.get().into_iter().map(|(who, was, now)| view! {
                                <tr data-testid="rw-whatif-row">
                                    <th scope="row">{who}</th>
                                    <td><span class="cell-label">{was_label}</span>{was.unwrap_or_else(|| "—".to_owned())}</td>
                                    <td><span class="cell-label">{now_label}</span>{now}</td>
                                </tr>
                            }).collect_view().into_any()
                        }}
                    </tbody>
                </table>
            </div>
            // Right above Adopt, so that a phone shows them where the
            // person taps; the plan's problems as they type, not only on Adopt.
            <ul class="field-error" role="alert" data-testid="rw-error">
                {move || {
                    let live = draft.with(|d| d.as_ref().map(RewardPlan::check).unwrap_or_default());
                    errors
                        .get()
                        .into_iter()
                        .chain(live.iter().map(|e| words::problem(e, l, &|k| kpi_label(k, l))))
                        .map(|e| view! { <li>{e}</li> })
                        .collect_view()
                }}
            </ul>
            <div class="filters">
                <button type="button" data-testid="rw-adopt" on:click=adopt>
                    {match l { Lang::En => "Adopt this plan", Lang::Vi => "Áp dụng kế hoạch này" }}
                </button>
                <button type="button" data-testid="rw-discard" on:click=move |_| { errors.set(Vec::new()); draft.set(None); open.set(false); }>
                    {match l { Lang::En => "Discard changes", Lang::Vi => "Bỏ thay đổi" }}
                </button>
            </div>
        </div>
    }
}
