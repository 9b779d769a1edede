//! The words of the rewards plan (issue 30): the statements on the
//! scorecard's month and the plan's editor in Settings. They leave with
//! those pages' modules.

use crate::domain::rewards::{Amount, LineKind, PlanError, Side};
use crate::domain::scorecard::{Kpi, KpiStatus};
use crate::ui::format::{number, vnd};
use crate::ui::i18n::Lang;

/// An amount of the plan's currency, signed when `signed`: `+₫3,000,000`,
/// `−₫100,000`, `1.400.000 ₫`, `USD 1,200`.
pub fn money(amount: i64, currency: &str, signed: bool, lang: Lang) -> String {
    let sign = match (signed, amount.signum()) {
        (_, -1) => "−",
        (true, 1) => "+",
        _ => "",
    };
    let n = amount.unsigned_abs();
    let body = if currency.eq_ignore_ascii_case("VND") {
        vnd(n, lang)
    } else {
        format!("{} {}", currency.to_uppercase(), number(n, lang))
    };
    format!("{sign}{body}")
}

/// A percentage as a person writes it: `2`, `1.5` (`1,5` in Vietnamese).
pub fn percent(p: f64, lang: Lang) -> String {
    let s = format!("{}", (p * 100.0).round() / 100.0);
    match lang {
        Lang::En => s,
        Lang::Vi => s.replace('.', ","),
    }
}

/// A team's name.
pub fn team(side: Side, lang: Lang) -> &'static str {
    match (side, lang) {
        (Side::Sales, _) => "Sales",
        (Side::Marketing, _) => "Marketing",
    }
}

/// What one line of a statement is, in words. `kpi` names a KPI, `status`
/// says a verdict, `name` names a rep.
pub fn line(
    what: &LineKind,
    side: Side,
    currency: &str,
    lang: Lang,
    kpi: &dyn Fn(&Kpi) -> String,
    status: &dyn Fn(&Kpi, KpiStatus) -> String,
    name: &dyn Fn(&crate::domain::rep::RepId) -> String,
) -> String {
    let m = |v: i64| money(v, currency, false, lang);
    let factor = |f: f64| percent(f, lang);
    match (what, lang) {
        (LineKind::Base { percent: p, value }, Lang::En) => {
            format!("{} % of {} won", percent(*p, lang), m(*value as i64))
        }
        (LineKind::Base { percent: p, value }, Lang::Vi) => {
            format!("{} % của {} đã chốt", percent(*p, lang), m(*value as i64))
        }
        (
            LineKind::Factor {
                kpi: k,
                status: s,
                factor: f,
            },
            _,
        ) if decided(*s) => {
            format!("{}: {} → × {}", kpi(k), status(k, *s), factor(*f))
        }
        (
            LineKind::Factor {
                kpi: k, status: s, ..
            },
            Lang::En,
        ) => {
            format!("{}: {} → no change", kpi(k), status(k, *s))
        }
        (
            LineKind::Factor {
                kpi: k, status: s, ..
            },
            Lang::Vi,
        ) => {
            format!("{}: {} → giữ nguyên", kpi(k), status(k, *s))
        }
        (
            LineKind::Penalty {
                count,
                each,
                capped,
            },
            _,
        ) => {
            let what = match (side, lang, *count) {
                // The scorecard's "leads with a breached SLA": the month's
                // leads, their first response, attempts or time in stage.
                (Side::Sales, Lang::En, 1) => {
                    "1 lead of the month with a breached first response, attempts or stage time"
                        .to_owned()
                }
                (Side::Sales, Lang::En, n) => format!(
                    "{n} leads of the month with a breached first response, attempts or stage time"
                ),
                (Side::Marketing, Lang::En, 1) => "1 junk lead".to_owned(),
                (Side::Marketing, Lang::En, n) => format!("{n} junk leads"),
                (Side::Sales, Lang::Vi, n) => format!(
                    "{n} khách của tháng vi phạm phản hồi đầu, số lần gọi hoặc thời gian ở giai đoạn"
                ),
                (Side::Marketing, Lang::Vi, n) => format!("{n} khách rác"),
            };
            let cap = match (capped, lang) {
                (false, _) => "",
                (true, Lang::En) => " (capped)",
                (true, Lang::Vi) => " (đã chạm mức phạt tối đa)",
            };
            format!("{what} × {}{cap}", m(*each))
        }
        (LineKind::Floor(f), Lang::En) => format!("Raised to the floor of {}", m(*f)),
        (LineKind::Floor(f), Lang::Vi) => format!("Nâng lên mức sàn {}", m(*f)),
        (LineKind::Cap(c), Lang::En) => format!("Cut to the cap of {}", m(*c)),
        (LineKind::Cap(c), Lang::Vi) => format!("Giảm xuống mức trần {}", m(*c)),
        (LineKind::Member(r), _) => name(r),
        (LineKind::ShareOfPool { pool, members }, Lang::En) => {
            format!(
                "An even share of Marketing's pool of {} among {members}",
                m(*pool)
            )
        }
        (LineKind::ShareOfPool { pool, members }, Lang::Vi) => {
            format!("Chia đều quỹ Marketing {} cho {members} người", m(*pool))
        }
    }
}

/// A verdict that chooses a factor.
fn decided(s: KpiStatus) -> bool {
    matches!(
        s,
        KpiStatus::Met | KpiStatus::Missed | KpiStatus::Within | KpiStatus::Over
    )
}

/// "3 leads" — the leads a line counts.
pub fn leads(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 lead".to_owned(),
        (Lang::En, n) => format!("{n} leads"),
        (Lang::Vi, n) => format!("{n} khách"),
    }
}

/// A problem of a plan, naming the team and the field.
pub fn problem(e: &PlanError, lang: Lang, kpi: &dyn Fn(&Kpi) -> String) -> String {
    let side = |s: Side| team(s, lang);
    let field = |a: Amount| match (a, lang) {
        (Amount::Penalty, Lang::En) => "Penalty per lead",
        (Amount::Penalty, Lang::Vi) => "Mức phạt mỗi khách",
        (Amount::PenaltyCap, Lang::En) => "Penalties at most",
        (Amount::PenaltyCap, Lang::Vi) => "Tổng phạt tối đa",
        (Amount::Floor, Lang::En) => "Floor",
        (Amount::Floor, Lang::Vi) => "Mức sàn",
        (Amount::Cap, Lang::En) => "Cap",
        (Amount::Cap, Lang::Vi) => "Mức trần",
    };
    match (e, lang) {
        (PlanError::Currency(c), Lang::En) => {
            format!("Currency: “{c}” is not a three-letter code such as VND or USD.")
        }
        (PlanError::Currency(c), Lang::Vi) => {
            format!("Tiền tệ: “{c}” không phải mã ba chữ cái như VND hay USD.")
        }
        (PlanError::Share(s, v), Lang::En) => format!(
            "{} · Share of won value: {} % is not between 0 and 100.",
            side(*s),
            percent(*v, lang)
        ),
        (PlanError::Share(s, v), Lang::Vi) => format!(
            "{} · Tỷ lệ trên giá trị đã chốt: {} % không nằm trong khoảng 0 đến 100.",
            side(*s),
            percent(*v, lang)
        ),
        (PlanError::Factor(s, k, f), Lang::En) => format!(
            "{} · {}: × {} is not between 0 and 5.",
            side(*s),
            kpi(k),
            percent(*f, lang)
        ),
        (PlanError::Factor(s, k, f), Lang::Vi) => format!(
            "{} · {}: × {} không nằm trong khoảng 0 đến 5.",
            side(*s),
            kpi(k),
            percent(*f, lang)
        ),
        (PlanError::TwiceKpi(s, k), Lang::En) => {
            format!("{} · {} has two multipliers: keep one.", side(*s), kpi(k))
        }
        (PlanError::TwiceKpi(s, k), Lang::Vi) => {
            format!("{} · {} có hai hệ số: chỉ giữ một.", side(*s), kpi(k))
        }
        (PlanError::Negative(s, a, v), Lang::En) => format!(
            "{} · {}: −{} is below 0.",
            side(*s),
            field(*a),
            number(v.unsigned_abs(), lang)
        ),
        (PlanError::Negative(s, a, v), Lang::Vi) => format!(
            "{} · {}: −{} nhỏ hơn 0.",
            side(*s),
            field(*a),
            number(v.unsigned_abs(), lang)
        ),
        (PlanError::CapBelowFloor(s, cap, floor), Lang::En) => format!(
            "{} · Cap: {} is below the floor of {}.",
            side(*s),
            number(*cap as u64, lang),
            number(*floor as u64, lang)
        ),
        (PlanError::CapBelowFloor(s, cap, floor), Lang::Vi) => format!(
            "{} · Mức trần: {} thấp hơn mức sàn {}.",
            side(*s),
            number(*cap as u64, lang),
            number(*floor as u64, lang)
        ),
    }
}

/// A value typed in a field that is not a number.
pub fn not_a_number(field: &str, text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{field}: “{text}” is not a number."),
        Lang::Vi => format!("{field}: “{text}” không phải là số."),
    }
}
