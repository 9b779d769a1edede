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

/// "and 12 more in this list" below a lane cut short.
pub fn more(lang: Lang, n: usize) -> String {
    let num = number(n as u64, lang);
    match lang {
        Lang::En => format!("and {num} more in this list"),
        Lang::Vi => format!("và {num} mục khác trong danh sách này"),
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
