//! The words only a lead's page says: its code and both languages' text leave
//! with that page's module (`crate::split`).

use crate::domain::activity::{ActivityProblem, NOTE_MAX};
use crate::ui::format::number;
use crate::ui::i18n::{Catalogue, Lang};

crate::ui::i18n::messages! {
    /// A message of a lead's page.
    LeadMsg, ALL;
    History,
    ClosedLost,
    ClosedJunk,
    ReopenConfirm,
    CloseWonConfirm,
    MoveAnyway,
    EnteredAt,
    MovedFromTo,
    Direction,
    Inbound,
    LogActivity,
    Log,
    Outbound,
    Outcome,
    EditLead,
    NoteRequired,
    NoteOptional,
    NoteWithoutText,
    SearchHistory,
}

impl Catalogue for LeadMsg {
    fn words(self) -> (&'static str, &'static str) {
        use LeadMsg::*;
        match self {
            ReopenConfirm => (
                "This lead is closed. Moving it to another stage reopens it. Move it?",
                "Khách hàng này đã đóng. Chuyển sang giai đoạn khác sẽ mở lại khách hàng. Vẫn chuyển?",
            ),
            MoveAnyway => ("Yes, do it", "Đồng ý"),
            ClosedLost => ("Closed as lost", "Đã đóng (thất bại)"),
            ClosedJunk => ("Closed as junk", "Đã đóng (rác)"),
            CloseWonConfirm => (
                "This deal is won. Close it as lost (or junk) with the reason written?",
                "Khách hàng này đã chốt thành công. Vẫn đóng là thất bại (hoặc rác) với lý do đã ghi?",
            ),
            History => ("History", "Lịch sử"),
            EnteredAt => ("entered", "vào"),
            MovedFromTo => ("moved from", "chuyển từ"),
            Direction => ("Direction", "Chiều"),
            Inbound => ("Inbound", "Đến"),
            LogActivity => ("Log activity", "Ghi hoạt động"),
            Log => ("Log", "Ghi"),
            Outbound => ("Outbound", "Đi"),
            Outcome => ("Outcome", "Kết quả"),
            EditLead => (
                "Edit contact, campaign, priority, value",
                "Sửa liên hệ, chiến dịch, ưu tiên, giá trị",
            ),
            NoteRequired => ("Note", "Ghi chú"),
            NoteOptional => (
                "What the customer said (optional)",
                "Khách hàng đã nói gì (không bắt buộc)",
            ),
            NoteWithoutText => (
                "(no text: logged before notes held words)",
                "(không có nội dung: ghi trước khi ghi chú có chữ)",
            ),
            SearchHistory => (
                "Search this lead's history",
                "Tìm trong lịch sử khách hàng này",
            ),
        }
    }
}

/// Why a log was not saved, in words.
pub fn problem(lang: Lang, p: &ActivityProblem) -> String {
    match (p, lang) {
        (ActivityProblem::NoteMissing, Lang::En) => {
            "Write the note first: a note needs text.".to_owned()
        }
        (ActivityProblem::NoteMissing, Lang::Vi) => {
            "Hãy viết nội dung: ghi chú cần có chữ.".to_owned()
        }
        (ActivityProblem::NoteTooLong { chars }, Lang::En) => format!(
            "The note is too long: {} characters, at most {}. Shorten it to save.",
            number(*chars as u64, lang),
            number(NOTE_MAX as u64, lang)
        ),
        (ActivityProblem::NoteTooLong { chars }, Lang::Vi) => format!(
            "Ghi chú quá dài: {} ký tự, tối đa {}. Hãy rút gọn để lưu.",
            number(*chars as u64, lang),
            number(NOTE_MAX as u64, lang)
        ),
        (ActivityProblem::OutcomeDoesNotFit { .. }, Lang::En) => {
            "That outcome does not fit this kind of activity: choose another.".to_owned()
        }
        (ActivityProblem::OutcomeDoesNotFit { .. }, Lang::Vi) => {
            "Kết quả này không hợp với loại hoạt động: hãy chọn kết quả khác.".to_owned()
        }
    }
}

/// The note's length as typed: "120 / 2,000 characters".
pub fn count(lang: Lang, n: &str, max: &str) -> String {
    match lang {
        Lang::En => format!("{n} / {max} characters"),
        Lang::Vi => format!("{n} / {max} ký tự"),
    }
}

/// The rep an activity counts for (not always who did or wrote it).
pub fn counts_for(lang: Lang, rep: &str) -> String {
    match lang {
        Lang::En => format!("for {rep}"),
        Lang::Vi => format!("cho {rep}"),
    }
}

/// Who logged an activity, when not the rep it counts for: "logged by admin".
pub fn logged_by(lang: Lang, user: &str) -> String {
    match lang {
        Lang::En => format!("logged by {user}"),
        Lang::Vi => format!("ghi bởi {user}"),
    }
}

/// An audit of an activity on its timeline: "Audit: failed · by Hoa ·
/// 08/12/2026 10:20", with "(replaced by a later audit)" when it no longer
/// counts.
pub fn audit_line(lang: Lang, passed: bool, by: Option<&str>, when: &str, current: bool) -> String {
    let (head, verdict, by_word, replaced) = match lang {
        Lang::En => (
            "Audit",
            if passed { "passed" } else { "failed" },
            "by",
            " (replaced by a later audit)",
        ),
        Lang::Vi => (
            "Kiểm tra",
            if passed { "đạt" } else { "không đạt" },
            "bởi",
            " (đã được lần kiểm tra sau thay thế)",
        ),
    };
    let by = by.map(|b| format!(" · {by_word} {b}")).unwrap_or_default();
    let replaced = if current { "" } else { replaced };
    format!("{head}: {verdict}{by} · {when}{replaced}")
}

/// Who moved a lead from one stage to another: "by Lan".
pub fn moved_by(lang: Lang, who: &str) -> String {
    match lang {
        Lang::En => format!("by {who}"),
        Lang::Vi => format!("bởi {who}"),
    }
}

/// The history search found nothing.
pub fn no_match(lang: Lang, q: &str) -> String {
    match lang {
        Lang::En => format!("Nothing in this lead's history matches “{q}”."),
        Lang::Vi => format!("Không có mục nào trong lịch sử khớp với “{q}”."),
    }
}

/// How distribution gave a lead its owner: the rule, the rep, who was
/// passed over and why (`name` gives a rep's name from an id).
pub fn assigned_why(
    lang: Lang,
    why: &crate::domain::distribution::Why,
    name: impl Fn(&crate::domain::rep::RepId) -> String,
) -> String {
    use crate::domain::distribution::Skip;
    let rep = why.rep.as_ref().map(&name).unwrap_or_default();
    let skipped: Vec<String> = why
        .skipped
        .iter()
        .map(|(r, s)| {
            let because = match (lang, s) {
                (Lang::En, Skip::NotReceiving) => "not receiving".to_owned(),
                (Lang::En, Skip::Away) => "away".to_owned(),
                (Lang::En, Skip::OffShift) => "outside their hours".to_owned(),
                (Lang::Vi, Skip::OffShift) => "ngoài giờ nhận khách".to_owned(),
                (Lang::En, Skip::AtCap(n)) => format!("at cap {n}"),
                (Lang::En, Skip::NotSales) => "not in Sales".to_owned(),
                (Lang::Vi, Skip::NotReceiving) => "không nhận khách".to_owned(),
                (Lang::Vi, Skip::Away) => "đang nghỉ".to_owned(),
                (Lang::Vi, Skip::AtCap(n)) => format!("đã đủ định mức {n}"),
                (Lang::Vi, Skip::NotSales) => "không thuộc Sales".to_owned(),
            };
            format!("{} {because}", name(r))
        })
        .collect();
    let before = match (lang, why.today) {
        (Lang::En, 0) => "their first lead today".to_owned(),
        (Lang::En, 1) => "1 given today before".to_owned(),
        (Lang::En, n) => format!("{n} given today before"),
        (Lang::Vi, 0) => "khách đầu tiên hôm nay".to_owned(),
        (Lang::Vi, n) => format!("đã nhận {n} khách hôm nay"),
    };
    if why.rep.is_none() {
        // Nobody could take it: it waits, and says for whom.
        return match (lang, skipped.is_empty()) {
            (Lang::En, true) => "Waiting for an owner: there is no active Sales rep to give it to. Choose an owner.".to_owned(),
            (Lang::Vi, true) => "Đang chờ người phụ trách: không có nhân viên Sales nào để giao. Hãy chọn người phụ trách.".to_owned(),
            (Lang::En, false) => format!(
                "Waiting for an owner: no Sales rep can take it now — {}. It goes to the first who can, or choose an owner.",
                skipped.join("; ")
            ),
            (Lang::Vi, false) => format!(
                "Đang chờ người phụ trách: hiện không nhân viên Sales nào nhận được — {}. Khách sẽ được giao cho người đầu tiên có thể, hoặc hãy chọn người phụ trách.",
                skipped.join("; ")
            ),
        };
    }
    let mut out = match (lang, &why.group) {
        (Lang::En, Some(g)) => format!("Given by rotation in group {g}: {rep} was next ({before})"),
        (Lang::En, None) => format!("Given by rotation: {rep} was next ({before})"),
        (Lang::Vi, Some(g)) => format!("Giao theo vòng trong nhóm {g}: đến lượt {rep} ({before})"),
        (Lang::Vi, None) => format!("Giao theo vòng: đến lượt {rep} ({before})"),
    };
    if !skipped.is_empty() {
        out.push_str("; ");
        out.push_str(&skipped.join("; "));
    }
    out.push('.');
    out
}
