//! The Today queue's lanes and switches, and the counted results of actions
//! on leads ("1 lead deleted", "3 leads closed"), in both languages.

use super::Lang;
use super::storage::leads;
use crate::domain::queue::Lane;
use crate::ui::format::number;

/// Labels of the Today page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    Whose,
    Mine,
    Everyone,
    CloseAll,
    NurtureEndedReason,
    ToCloseHint,
}

/// A label of the Today page.
pub fn t(lang: Lang, l: T) -> &'static str {
    use T::*;
    let (en, vi) = match l {
        Whose => ("Whose leads", "Khách hàng của ai"),
        Mine => ("Mine", "Của tôi"),
        Everyone => ("Everyone's", "Của mọi người"),
        CloseAll => (
            "Close all as lost — nurture ended",
            "Đóng tất cả (thất bại) — hết thời gian chăm sóc",
        ),
        NurtureEndedReason => ("nurture ended", "hết thời gian chăm sóc"),
        ToCloseHint => (
            "Nurturing has ended for these leads: close them, or open one to give it another chance.",
            "Những khách hàng này đã hết thời gian chăm sóc: hãy đóng lại, hoặc mở từng người để cho thêm cơ hội.",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
}

/// A lane's heading with its count: "Calls to make (12)".
pub fn lane(lang: Lang, lane: Lane, n: usize) -> String {
    let (en, vi) = match lane {
        Lane::Calls => ("Calls to make", "Cuộc gọi cần thực hiện"),
        Lane::Reassign => (
            "Untouched: give to someone",
            "Chưa ai chăm: giao cho người khác",
        ),
        Lane::MoveOn => ("Too long in their stage", "Ở quá lâu trong một giai đoạn"),
        Lane::ToClose => ("To close", "Cần đóng"),
    };
    let label = match lang {
        Lang::En => en,
        Lang::Vi => vi,
    };
    format!("{label} ({})", number(n as u64, lang))
}

/// The button below a list cut short: "Show 50 more (120 not shown)".
pub fn show_more(lang: Lang, step: usize, rest: usize) -> String {
    let (step, rest) = (number(step as u64, lang), number(rest as u64, lang));
    match lang {
        Lang::En => format!("Show {step} more ({rest} not shown)"),
        Lang::Vi => format!("Hiện thêm {step} ({rest} chưa hiện)"),
    }
}

/// The folded group of calls breached long ago: "Long overdue calls (71)".
pub fn long_overdue(lang: Lang, n: usize) -> String {
    let n = number(n as u64, lang);
    match lang {
        Lang::En => format!("Long overdue calls ({n})"),
        Lang::Vi => format!("Cuộc gọi đã trễ lâu ({n})"),
    }
}

/// What the long-overdue group holds: deadlines passed more than `after`
/// (a duration as the clocks write it) ago.
pub fn long_overdue_hint(lang: Lang, after: &str) -> String {
    match lang {
        Lang::En => format!(
            "Their deadline passed more than {after} ago. Call them after the leads above, which can still be won."
        ),
        Lang::Vi => format!(
            "Đã quá hạn hơn {after}. Hãy gọi sau các khách hàng ở trên, những người vẫn còn cơ hội chốt."
        ),
    }
}

/// The summary's count of long-overdue calls: "71 long overdue".
pub fn long_overdue_pill(lang: Lang, n: usize) -> String {
    let n = number(n as u64, lang);
    match lang {
        Lang::En => format!("{n} long overdue"),
        Lang::Vi => format!("{n} trễ lâu"),
    }
}

/// What comes next for a lead after a logged attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// Attempt `made` of the `required`; the next try not before `after`.
    Attempt {
        /// Attempts made.
        made: u32,
        /// Attempts required.
        required: u32,
        /// The earliest next try, as shown.
        after: Option<String>,
    },
    /// The required attempts are made; up to `max` are allowed.
    Required {
        /// Attempts required (and made).
        required: u32,
        /// Attempts allowed at most.
        max: u32,
    },
    /// The attempt rule is settled otherwise (contact made, a wrong number,
    /// its window over): no more tries are due.
    Done,
}

/// The answer to a logged activity: "No answer logged for Lan Phạm —
/// attempt 2 of 3, next try after 14:30." (`what`: the outcome or kind).
pub fn logged(lang: Lang, what: &str, name: &str, next: Option<&Next>) -> String {
    let head = match lang {
        Lang::En => format!("{what} logged for {name}"),
        Lang::Vi => format!("Đã ghi “{what}” cho {name}"),
    };
    let next = match (next, lang) {
        (None, _) => String::new(),
        (Some(Next::Done), Lang::En) => " — no more tries due".to_owned(),
        (Some(Next::Done), Lang::Vi) => " — không cần gọi thêm".to_owned(),
        (Some(Next::Required { required, max }), Lang::En) => {
            format!(" — the {required} required tries are made (at most {max})")
        }
        (Some(Next::Required { required, max }), Lang::Vi) => {
            format!(" — đã đủ {required} lần thử bắt buộc (tối đa {max} lần)")
        }
        (
            Some(Next::Attempt {
                made,
                required,
                after,
            }),
            _,
        ) => format!(" — {}", tries(lang, *made, *required, after.as_deref())),
    };
    format!("{head}{next}.")
}

/// Where a lead's call attempts stand: "attempt 2 of 3, next try after
/// 14:30" (Today's card, and the answer to a logged attempt).
pub fn tries(lang: Lang, made: u32, required: u32, after: Option<&str>) -> String {
    let then = |word: &str| after.map(|t| format!(", {word} {t}")).unwrap_or_default();
    match lang {
        Lang::En => format!("attempt {made} of {required}{}", then("next try after")),
        Lang::Vi => format!("lần thử {made}/{required}{}", then("thử lại sau")),
    }
}

/// A log that gave an unowned lead to the rep: "… Lan now owns it."
pub fn now_owns(lang: Lang, logged: &str, rep: &str) -> String {
    match lang {
        Lang::En => format!("{logged} {rep} now owns it."),
        Lang::Vi => format!("{logged} Giờ {rep} phụ trách khách này."),
    }
}

/// The toast's offer after a wrong number, and the reason it closes with.
pub fn close_as_junk(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("Close as junk: wrong number", "wrong number"),
        Lang::Vi => ("Đóng (rác): sai số", "sai số"),
    }
}

/// Leads owned by others, left out by "Mine".
pub fn others(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} of colleagues or unassigned are under Everyone's.",
            leads(lang, n)
        ),
        Lang::Vi => format!(
            "{} của đồng nghiệp hoặc chưa giao nằm ở mục Của mọi người.",
            leads(lang, n)
        ),
    }
}

/// A scorecard period not over yet: "in progress: 23 % of its business
/// time has passed".
pub fn in_progress(lang: Lang, share: f64) -> String {
    let pct = (share * 100.0).floor() as u32;
    match lang {
        Lang::En => format!("in progress: {pct} % of its business time has passed"),
        Lang::Vi => format!("đang diễn ra: đã qua {pct} % thời gian làm việc"),
    }
}

/// The pro-rated target of a count in a period in progress: "by now ≥ 4.6".
pub fn by_now(lang: Lang, value: &str) -> String {
    match lang {
        Lang::En => format!("by now ≥ {value}"),
        Lang::Vi => format!("đến lúc này ≥ {value}"),
    }
}

/// The phone's filter button: "Filters" / "Filters (2)".
pub fn filters(lang: Lang, active: usize) -> String {
    let word = match lang {
        Lang::En => "Filters",
        Lang::Vi => "Bộ lọc",
    };
    match active {
        0 => word.to_owned(),
        n => format!("{word} ({n})"),
    }
}

/// Why "notify me" did nothing.
pub fn notifications_blocked(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "This browser blocks notifications from Leadpact: allow them in the site settings (the icon left of the address) to be warned before breaches."
        }
        Lang::Vi => {
            "Trình duyệt đang chặn thông báo của Leadpact: hãy cho phép trong cài đặt trang (biểu tượng bên trái thanh địa chỉ) để được báo trước khi trễ hạn."
        }
    }
}

/// "1 lead deleted." / "Đã xóa 3 khách hàng."
pub fn deleted(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{} deleted.", leads(lang, n)),
        Lang::Vi => format!("Đã xóa {}.", leads(lang, n)),
    }
}

/// "3 leads closed as lost." / "Đã đóng 3 khách hàng (thất bại)."
pub fn closed(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{} closed as lost.", leads(lang, n)),
        Lang::Vi => format!("Đã đóng {} (thất bại).", leads(lang, n)),
    }
}

/// "Lan Phạm moved to Qualified." / "3 leads moved to Qualified."
pub fn moved(lang: Lang, n: usize, name: &str, stage: &str) -> String {
    match (lang, n) {
        (Lang::En, 1) => format!("{name} moved to {stage}."),
        (Lang::Vi, 1) => format!("Đã chuyển {name} sang {stage}."),
        (Lang::En, _) => format!("{} moved to {stage}.", leads(lang, n)),
        (Lang::Vi, _) => format!("Đã chuyển {} sang {stage}.", leads(lang, n)),
    }
}

/// "Lan Phạm closed as junk." / "Đã đóng 3 khách hàng (rác)."
pub fn closed_as(lang: Lang, n: usize, name: &str, kind: crate::domain::lead::LossKind) -> String {
    let who = match n {
        1 => name.to_owned(),
        _ => leads(lang, n),
    };
    let junk = kind == crate::domain::lead::LossKind::Junk;
    let (en, vi) = if junk {
        ("junk", "rác")
    } else {
        ("lost", "thất bại")
    };
    match lang {
        Lang::En => format!("{who} closed as {en}."),
        Lang::Vi => format!("Đã đóng {who} ({vi})."),
    }
}

/// "1 lead imported." / "2 leads imported, 1 filled in."
pub fn imported(lang: Lang, added: usize, filled: usize) -> String {
    let filled_text = number(filled as u64, lang);
    match (lang, filled) {
        (Lang::En, 0) => format!("{} imported.", leads(lang, added)),
        (Lang::En, _) => format!(
            "{} imported, {filled_text} existing filled in.",
            leads(lang, added)
        ),
        (Lang::Vi, 0) => format!("Đã nhập {}.", leads(lang, added)),
        (Lang::Vi, _) => format!(
            "Đã nhập {}, bổ sung {filled_text} khách hàng có sẵn.",
            leads(lang, added)
        ),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn counts_read_right_in_both_languages() {
        assert_eq!(deleted(Lang::En, 1), "1 lead deleted.");
        assert_eq!(deleted(Lang::En, 3), "3 leads deleted.");
        assert_eq!(
            closed(Lang::Vi, 1_200),
            "Đã đóng 1.200 khách hàng (thất bại)."
        );
        assert_eq!(
            imported(Lang::En, 1, 2),
            "1 lead imported, 2 existing filled in."
        );
        assert_eq!(lane(Lang::En, Lane::Calls, 12), "Calls to make (12)");
        let made = Next::Required {
            required: 3,
            max: 6,
        };
        assert_eq!(
            logged(Lang::Vi, "Không nghe máy", "Lan", Some(&made)),
            "Đã ghi “Không nghe máy” cho Lan — đã đủ 3 lần thử bắt buộc (tối đa 6 lần)."
        );
        let next = Next::Attempt {
            made: 2,
            required: 3,
            after: Some("14:30".into()),
        };
        assert_eq!(
            logged(Lang::En, "No answer", "Lan Phạm", Some(&next)),
            "No answer logged for Lan Phạm — attempt 2 of 3, next try after 14:30."
        );
        assert_eq!(
            logged(Lang::Vi, "Không nghe máy", "Lan Phạm", Some(&next)),
            "Đã ghi “Không nghe máy” cho Lan Phạm — lần thử 2/3, thử lại sau 14:30."
        );
        assert_eq!(
            logged(Lang::En, "Note", "Lan", None),
            "Note logged for Lan."
        );
    }
}

/// The wizard's offer to add the owners not in the team as reps.
pub fn new_reps(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::En, 1) => "Add the 1 owner not in the team as a Sales rep".to_owned(),
        (Lang::En, n) => format!("Add the {n} owners not in the team as Sales reps"),
        (Lang::Vi, n) => format!("Thêm {n} người phụ trách chưa có vào nhóm (Sales)"),
    }
}
