//! The words only a lead's page says: its code and both languages' text leave
//! with that page's module (`crate::split`).

use crate::ui::i18n::Catalogue;

crate::ui::i18n::messages! {
    /// A message of a lead's page.
    LeadMsg, ALL;
    History,
    EnteredAt,
    MovedFromTo,
    Direction,
    Inbound,
    LogActivity,
    Log,
    Outbound,
    Outcome,
    EditLead,
}

impl Catalogue for LeadMsg {
    fn words(self) -> (&'static str, &'static str) {
        use LeadMsg::*;
        match self {
            History => ("Stage history", "Lịch sử giai đoạn"),
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
        }
    }
}
