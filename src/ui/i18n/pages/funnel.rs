//! The words only the funnel page says: its code and both languages' text leave
//! with that page's module (`crate::split`).

use crate::ui::i18n::Catalogue;

crate::ui::i18n::messages! {
    /// A message of the funnel page.
    FunnelMsg, ALL;
    Last90Days,
    LastMonth,
    LeadsCounted,
    NoneReached,
    ThisMonth,
}

impl Catalogue for FunnelMsg {
    fn words(self) -> (&'static str, &'static str) {
        use FunnelMsg::*;
        match self {
            Last90Days => ("Last 90 days", "90 ngày qua"),
            LastMonth => ("Last month", "Tháng trước"),
            LeadsCounted => ("leads counted", "khách hàng được tính"),
            NoneReached => (
                "No lead counted here was in this stage.",
                "Chưa khách nào trong số này ở giai đoạn này.",
            ),
            ThisMonth => ("This month", "Tháng này"),
        }
    }
}
