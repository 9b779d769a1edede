//! The words only the scorecard page says: its code and both languages' text leave
//! with that page's module (`crate::split`).

use crate::ui::i18n::{Catalogue, Lang};

crate::ui::i18n::messages! {
    /// A message of the scorecard page.
    ScorecardMsg, ALL;
    Actual,
    Baseline,
    Day,
    Kpi,
    MissedInARow,
    OverInARow,
    Month,
    Next,
    Previous,
    Print,
    Suggested,
    Target,
    Trend,
    Week,
    WhatIf,
    WhatIfHint,
    CurrentPolicy,
    ProposedPolicy,
    AdoptPolicy,
    Met,
    Missed,
    Within,
    Over,
    NoData,
    NowOnly,
    NoTarget,
    KeepTarget,
    MissedByFar,
    OverByFar,
    SetTarget,
    Rep,
}

impl Catalogue for ScorecardMsg {
    fn words(self) -> (&'static str, &'static str) {
        use ScorecardMsg::*;
        match self {
            Actual => ("Actual", "Thực tế"),
            Baseline => ("Baseline", "Mức nền"),
            Day => ("Day", "Ngày"),
            Kpi => ("KPI", "KPI"),
            // The complete periods before this one: said apart from this
            // period's verdict ("Within · previous periods over in a row: 4"
            // read as a contradiction).
            MissedInARow => (
                "Previous periods missed in a row:",
                "Các kỳ trước chưa đạt liên tiếp:",
            ),
            OverInARow => (
                "Previous periods over in a row:",
                "Các kỳ trước vượt giới hạn liên tiếp:",
            ),
            Month => ("Month", "Tháng"),
            Next => ("Next", "Sau"),
            Previous => ("Previous", "Trước"),
            Print => ("Print", "In"),
            Suggested => ("Suggested next target", "Mục tiêu đề xuất"),
            Target => ("Target", "Mục tiêu"),
            Trend => ("Trend", "Xu hướng"),
            Week => ("Week", "Tuần"),
            WhatIf => (
                "What if: a different SLA policy",
                "Giả sử: một chính sách SLA khác",
            ),
            WhatIfHint => (
                "The same leads of this period, scored under the current policy and under your proposal.",
                "Cùng khách hàng của kỳ này, chấm theo chính sách hiện tại và theo đề xuất của bạn.",
            ),
            CurrentPolicy => ("Current policy", "Chính sách hiện tại"),
            ProposedPolicy => ("Proposal", "Đề xuất"),
            AdoptPolicy => ("Adopt the proposal", "Áp dụng đề xuất"),
            // A floor ("≥") is met or missed; a ceiling ("≤") within or over.
            Met => ("Met", "Đạt"),
            Missed => ("Missed", "Chưa đạt"),
            Within => ("Within", "Trong giới hạn"),
            Over => ("Over", "Vượt giới hạn"),
            NoData => ("No data", "Chưa có dữ liệu"),
            NowOnly => (
                "The state now: see the current period",
                "Số liệu hiện tại: xem ở kỳ hiện tại",
            ),
            NoTarget => ("No target", "Chưa đặt mục tiêu"),
            KeepTarget => ("Keep the target", "Giữ mục tiêu"),
            MissedByFar => (
                "None: the periods before missed it by far",
                "Không đề xuất: các kỳ trước còn cách xa mục tiêu",
            ),
            OverByFar => (
                "None: the periods before were over by far",
                "Không đề xuất: các kỳ trước vượt giới hạn quá xa",
            ),
            SetTarget => ("Set the target to", "Đặt mục tiêu"),
            Rep => ("Rep", "Nhân viên"),
        }
    }
}

/// No verdict yet: "Too early to judge (n = 3)".
pub fn too_early(lang: Lang, cases: usize) -> String {
    match lang {
        Lang::En => format!("Too early to judge (n = {cases})"),
        Lang::Vi => format!("Còn quá sớm để đánh giá (n = {cases})"),
    }
}

/// No verdict while too many of a rate's leads are still open: "Too
/// early: 43 of 57 leads still open".
pub fn undecided(lang: Lang, open: usize, of: usize) -> String {
    match lang {
        Lang::En => format!("Too early: {open} of {of} leads still open"),
        Lang::Vi => format!("Còn quá sớm: {open}/{of} khách chưa có kết quả"),
    }
}

/// No verdict on a period that is over: "Too few leads to judge (n = 3)".
pub fn too_few(lang: Lang, cases: usize) -> String {
    match lang {
        Lang::En => format!("Too few leads to judge (n = {cases})"),
        Lang::Vi => format!("Quá ít khách để đánh giá (n = {cases})"),
    }
}

/// A past period's audits passed % on too few audits.
pub fn too_few_audits(lang: Lang, cases: usize) -> String {
    match lang {
        Lang::En => format!("Too few audits to judge (n = {cases})"),
        Lang::Vi => format!("Quá ít lần kiểm tra để đánh giá (n = {cases})"),
    }
}

/// The printout's line under its title: "Week 10, 2026 (2 Mar – 8 Mar) ·
/// figures as of 3 Mar 2026, 12:00".
pub fn printed(lang: Lang, period: &str, as_of: &str) -> String {
    match lang {
        Lang::En => format!("{period} · figures as of {as_of}"),
        Lang::Vi => format!("{period} · số liệu tính đến {as_of}"),
    }
}
