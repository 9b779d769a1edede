//! The words only the scorecard page says: its code and both languages' text leave
//! with that page's module (`crate::split`).

use crate::ui::i18n::Catalogue;

crate::ui::i18n::messages! {
    /// A message of the scorecard page.
    ScorecardMsg, ALL;
    Actual,
    Baseline,
    Day,
    Kpi,
    MissedInARow,
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
}

impl Catalogue for ScorecardMsg {
    fn words(self) -> (&'static str, &'static str) {
        use ScorecardMsg::*;
        match self {
            Actual => ("Actual", "Thực tế"),
            Baseline => ("Baseline", "Mức nền"),
            Day => ("Day", "Ngày"),
            Kpi => ("KPI", "KPI"),
            MissedInARow => ("Missed in a row:", "Trượt liên tiếp:"),
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
        }
    }
}
