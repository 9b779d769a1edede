//! The scorecard's allocation card (issue 29): how fast the period's new
//! leads reached an owner, each Sales rep's open leads against their cap,
//! and the capacity plan beside Marketing's lead target
//! (`domain::distribution::plan`).

use crate::app::state::AppState;
use crate::domain::distribution::Distribution;
use crate::domain::distribution::plan::{allocation, capacity};
use crate::domain::scorecard::{Kpi, Period, Scope};
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// "2 h 05 min" / "12 min".
fn minutes(m: i64, lang: Lang) -> String {
    let (h, m) = (m / 60, m % 60);
    match (lang, h) {
        (Lang::En, 0) => format!("{m} min"),
        (Lang::Vi, 0) => format!("{m} phút"),
        (Lang::En, h) => format!("{h} h {m:02} min"),
        (Lang::Vi, h) => format!("{h} giờ {m:02} phút"),
    }
}

#[component]
pub(super) fn AllocationCard(period: Memo<Period>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let i18n = use_i18n();
    let figures = Memo::new(move |_| {
        let ins = state.insights.get();
        let pipeline = state.pipeline.get();
        let settings = ins.settings();
        let within = Distribution::of(&settings).and_then(|d| d.within);
        let range = period.get().range(ins.timezone());
        let a = allocation(ins.leads(), &pipeline, range, within, ins.now());
        let c = capacity(&settings.reps, ins.leads(), &pipeline, ins.now());
        let loads: Vec<(String, u32, u32)> = settings
            .reps
            .iter()
            .filter(|r| r.active && r.team.in_sales())
            .map(|r| {
                let open = ins
                    .leads()
                    .iter()
                    .filter(|l| l.owner() == Some(&r.id) && !l.is_closed(&pipeline))
                    .count() as u32;
                (r.name.clone(), open, r.capacity)
            })
            .collect();
        let target = settings
            .targets
            .get(&Scope::Marketing, &Kpi::LeadVolume)
            .map(|t| t.value);
        (a, within, c, loads, target)
    });
    let lines = move || {
        let l = i18n.0.get();
        let (a, within, c, loads, target) = figures.get();
        // Room: what each rep can still take before their cap (one over
        // their cap makes no room for the others).
        let room: u32 = loads
            .iter()
            .map(|(_, open, cap)| cap.saturating_sub(*open))
            .sum();
        let full = loads.iter().filter(|(_, open, cap)| open >= cap).count();
        let m = |v: Option<i64>| v.map_or_else(|| "—".to_owned(), |v| minutes(v, l));
        let allocation = match l {
            Lang::En => format!(
                "{} new leads arrived; {} got an owner — median {}, 90 % within {}.",
                a.arrived,
                a.given,
                m(a.median),
                m(a.p90)
            ),
            Lang::Vi => format!(
                "{} khách mới; {} đã có người phụ trách — trung vị {}, 90 % trong vòng {}.",
                a.arrived,
                a.given,
                m(a.median),
                m(a.p90)
            ),
        };
        let waiting = match (l, a.waiting) {
            (Lang::En, 0) => "None is waiting for an owner.".to_owned(),
            (Lang::Vi, 0) => "Không khách nào đang chờ người phụ trách.".to_owned(),
            (Lang::En, n) => format!(
                "{n} waiting for an owner, the longest for {}.",
                m(a.oldest_wait)
            ),
            (Lang::Vi, n) => format!(
                "{n} khách đang chờ người phụ trách, lâu nhất {}.",
                m(a.oldest_wait)
            ),
        };
        let breaches = match (l, within) {
            (Lang::En, Some(w)) => {
                format!("Target: an owner within {w} min — {} over it.", a.breaches)
            }
            (Lang::Vi, Some(w)) => format!(
                "Mục tiêu: có người phụ trách trong {w} phút — {} khách quá hạn.",
                a.breaches
            ),
            (Lang::En, None) => {
                "No allocation target is set (Settings → Who gets new leads).".to_owned()
            }
            (Lang::Vi, None) => {
                "Chưa đặt mục tiêu phân bổ (Cài đặt → Phân bổ khách mới).".to_owned()
            }
        };
        // Counts as the language writes them ("2,539" / "2.539").
        let num = |n: u64| crate::ui::format::number(n, l);
        let plan = match (l, c.days_to_close, c.per_month) {
            (Lang::En, Some(d), Some(n)) => format!(
                "Capacity plan: {} Sales reps with caps summing to {} open leads, and a lead staying open a median {:.1} days (the {} closed in 90 days and the {} still open): Sales can take about {} new leads a month. In the last 90 days they closed about {} a month.",
                c.reps, num(c.caps as u64), d, num(c.closed as u64), num(c.open as u64), num(n as u64), num((c.closed as f64 / 3.0).round() as u64)
            ),
            (Lang::Vi, Some(d), Some(n)) => format!(
                "Kế hoạch năng lực: {} nhân viên Sales với tổng định mức {} khách đang mở, và một khách mở trung vị {} ngày ({} khách đã đóng trong 90 ngày và {} khách còn mở): Sales nhận được khoảng {} khách mới mỗi tháng. Trong 90 ngày qua họ đã đóng khoảng {} khách mỗi tháng.",
                c.reps, num(c.caps as u64), format!("{d:.1}").replace('.', ","), num(c.closed as u64), num(c.open as u64), num(n as u64), num((c.closed as f64 / 3.0).round() as u64)
            ),
            (Lang::En, Some(_), None) => format!(
                "Capacity plan: too early — {} won or lost in the last 90 days; the plan needs {} to measure how long a lead stays open.",
                if c.closed == 1 { "1 lead".to_owned() } else { format!("{} leads", c.closed) },
                crate::domain::distribution::plan::PLAN_MIN_CLOSED
            ),
            (Lang::Vi, Some(_), None) => format!(
                "Kế hoạch năng lực: còn quá sớm — mới có {} khách thành công hoặc thất bại trong 90 ngày qua; cần {} khách để đo một khách mở bao lâu.",
                c.closed,
                crate::domain::distribution::plan::PLAN_MIN_CLOSED
            ),
            (Lang::En, _, _) => "Capacity plan: no lead was won or lost in the last 90 days, so there is no measured time to close yet.".to_owned(),
            (Lang::Vi, _, _) => "Kế hoạch năng lực: chưa có khách nào thành công hay thất bại trong 90 ngày qua, nên chưa đo được thời gian đóng.".to_owned(),
        };
        // The plan is a steady state; say where Sales stands now beside it
        // (reps over their caps take no new lead until some close).
        let now = match l {
            _ if c.reps == 0 => String::new(),
            Lang::En if room == 0 => format!(
                " Right now they carry {} open leads and every rep is at their cap: new leads wait for an owner until some close.",
                crate::ui::format::number(c.open as u64, l)
            ),
            Lang::Vi if room == 0 => format!(
                " Hiện họ đang giữ {} khách mở và mọi nhân viên đều đã đủ định mức: khách mới phải chờ người phụ trách đến khi có khách được đóng.",
                crate::ui::format::number(c.open as u64, l)
            ),
            // Room is what the reps under their cap can still take; say
            // who is full too, or "room for 9" reads as the whole team's.
            Lang::En if full > 0 => format!(
                " Right now they carry {} open leads: {full} of {} reps are at or over their cap; the others have room for {room} more.",
                crate::ui::format::number(c.open as u64, l),
                c.reps
            ),
            Lang::Vi if full > 0 => format!(
                " Hiện họ đang giữ {} khách mở: {full} trong {} nhân viên đã đủ hoặc vượt định mức; những người còn lại nhận thêm được {room} khách.",
                crate::ui::format::number(c.open as u64, l),
                c.reps
            ),
            Lang::En => format!(
                " Right now they carry {} open leads: room for {room} more before the caps.",
                crate::ui::format::number(c.open as u64, l)
            ),
            Lang::Vi => format!(
                " Hiện họ đang giữ {} khách mở: còn nhận thêm được {room} khách trước khi đủ định mức.",
                crate::ui::format::number(c.open as u64, l)
            ),
        };
        let plan = plan + &now;
        let target = target.map(|t| match l {
            Lang::En => format!("Marketing's lead volume target: {t}."),
            Lang::Vi => format!("Mục tiêu số khách của Marketing: {t}."),
        });
        (allocation, waiting, breaches, plan, target)
    };
    view! {
        <section class="card" data-testid="allocation-card">
            <h2>{move || match i18n.0.get() { Lang::En => "Allocation and capacity", Lang::Vi => "Phân bổ và năng lực" }}</h2>
            <p data-testid="allocation-time">{move || lines().0}</p>
            <p data-testid="allocation-waiting">{move || lines().1}</p>
            <p data-testid="allocation-target">{move || lines().2}</p>
            <table class="data" data-testid="rep-loads">
                <thead><tr>
                    <th scope="col">{move || match i18n.0.get() { Lang::En => "Sales rep", Lang::Vi => "Nhân viên Sales" }}</th>
                    <th scope="col">{move || match i18n.0.get() { Lang::En => "Open leads now / cap", Lang::Vi => "Khách đang mở hiện nay / định mức" }}</th>
                </tr></thead>
                <tbody>
                    {move || figures.get().3.into_iter().map(|(name, open, cap)| {
                        let full = open >= cap;
                        view! {
                        <tr data-testid="rep-load" class:breached=full>
                            <th scope="row">{name}</th>
                            <td>{format!("{open} / {cap}")}</td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
            <p data-testid="capacity-plan">{move || lines().3}</p>
            {move || lines().4.map(|t| view! { <p class="muted" data-testid="marketing-target">{t}</p> })}
        </section>
    }
}
