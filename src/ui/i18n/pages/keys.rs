//! The words only the keyboard shortcuts' help says: they leave with its
//! module (`crate::split`).

use crate::ui::i18n::Catalogue;

crate::ui::i18n::messages! {
    /// A shortcut's meaning.
    KeyMsg, ALL;
    Help,
    Today,
    Leads,
    Board,
    NewLead,
    Search,
    LogCall,
    NextPrev,
    BoardMove,
}

impl Catalogue for KeyMsg {
    fn words(self) -> (&'static str, &'static str) {
        use KeyMsg::*;
        match self {
            Help => ("Show or hide this help", "Hiện/ẩn trợ giúp này"),
            Today => ("Today", "Hôm nay"),
            Leads => ("Leads", "Khách hàng"),
            Board => ("Board", "Bảng"),
            NewLead => ("New lead", "Khách hàng mới"),
            Search => ("Search leads", "Tìm khách hàng"),
            LogCall => (
                "Log a call on the open lead",
                "Ghi cuộc gọi cho khách đang mở",
            ),
            NextPrev => ("Next / previous lead", "Khách hàng kế / trước"),
            BoardMove => (
                "Move the focused card on the board",
                "Di chuyển thẻ đang chọn trên bảng",
            ),
        }
    }
}
