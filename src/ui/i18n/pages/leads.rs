//! The words only the lead list says: its code and both languages' text leave
//! with that page's module (`crate::split`).

use crate::ui::i18n::Catalogue;

crate::ui::i18n::messages! {
    /// A message of the lead list.
    LeadsMsg, ALL;
    ReopenSome,
    WinSome,
    Leads,
    NoLeads,
    Closed,
    Contact,
    SampleHint,
    AllStages,
    AnySla,
    AssignTo,
    BulkActions,
    Last30Days,
    Last7Days,
    LastDay,
    OnTrack,
    SelectAll,
    Selected,
    SortBy,
    SortName,
    SortNewest,
    SortOldest,
    SortUrgent,
}

impl Catalogue for LeadsMsg {
    fn words(self) -> (&'static str, &'static str) {
        use LeadsMsg::*;
        match self {
            ReopenSome => (
                "Some of the selected leads are closed (won or lost). Moving them reopens them. Move them all?",
                "Một số khách hàng đã chọn đã đóng (thành công hoặc thất bại). Chuyển giai đoạn sẽ mở lại chúng. Vẫn chuyển tất cả?",
            ),
            WinSome => (
                "Mark all the selected leads as won? They then count as won deals on the funnel and the scorecard.",
                "Đánh dấu tất cả khách hàng đã chọn là thành công? Khi đó họ được tính là giao dịch thành công trên phễu và bảng điểm.",
            ),
            Leads => ("Leads", "Danh sách khách hàng"),
            NoLeads => (
                "No leads yet. Add the first one with the form.",
                "Chưa có khách hàng. Thêm khách hàng đầu tiên bằng biểu mẫu.",
            ),
            Closed => ("Closed", "Đã đóng"),
            Contact => ("Contact", "Liên hệ"),
            SampleHint => (
                "Try Leadpact with 300 realistic sample leads (replaces what is stored in this browser).",
                "Dùng thử với 300 khách hàng mẫu (thay thế dữ liệu đang lưu trong trình duyệt này).",
            ),
            AllStages => ("All stages", "Mọi giai đoạn"),
            AnySla => ("Any SLA status", "Mọi trạng thái SLA"),
            AssignTo => ("Assign to…", "Giao cho…"),
            BulkActions => (
                "Actions on selected leads",
                "Thao tác với khách hàng đã chọn",
            ),
            Last30Days => ("Last 30 days", "30 ngày qua"),
            Last7Days => ("Last 7 days", "7 ngày qua"),
            LastDay => ("Last 24 hours", "24 giờ qua"),
            OnTrack => ("On track", "Đúng hạn"),
            SelectAll => ("Select all shown", "Chọn tất cả"),
            Selected => ("selected", "đã chọn"),
            SortBy => ("Sort by", "Sắp xếp"),
            SortName => ("Name", "Tên"),
            SortNewest => ("Newest first", "Mới nhất trước"),
            SortOldest => ("Oldest first", "Cũ nhất trước"),
            SortUrgent => ("Most urgent first", "Gấp nhất trước"),
        }
    }
}
