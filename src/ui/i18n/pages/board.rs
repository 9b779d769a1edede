//! The words only the board says: its code and both languages' text leave
//! with that page's module (`crate::split`).

use crate::ui::i18n::Catalogue;

crate::ui::i18n::messages! {
    /// A message of the board.
    BoardMsg, ALL;
    BoardHint,
    BoardHintViewer,
    More,
    MoveLeft,
    MoveRight,
    StageTimeOver,
    NeedsReason,
    ReopenOnPage,
    Junk,
}

impl Catalogue for BoardMsg {
    fn words(self) -> (&'static str, &'static str) {
        use BoardMsg::*;
        match self {
            BoardHint => (
                "Drag a card to another column, or focus it and press ← / →.",
                "Kéo thẻ sang cột khác, hoặc chọn thẻ và bấm ← / →.",
            ),
            BoardHintViewer => (
                "Each column is a stage with its leads; open a card to see the lead. You can view this workspace only, so cards do not move.",
                "Mỗi cột là một giai đoạn với các khách hàng của nó; mở thẻ để xem khách hàng. Bạn chỉ có quyền xem nên không thể chuyển thẻ.",
            ),
            More => ("more", "khác"),
            MoveLeft => ("Move to the previous stage", "Chuyển về giai đoạn trước"),
            MoveRight => ("Move to the next stage", "Chuyển sang giai đoạn sau"),
            StageTimeOver => (
                "Over the time limit for this stage",
                "Quá thời hạn của giai đoạn",
            ),
            NeedsReason => (
                "Nothing moved: a lead is closed as lost only with a reason, on its own page (Mark as lost or Mark as junk). Open",
                "Chưa chuyển gì: chỉ đóng khách hàng là thất bại khi có lý do, trên trang của khách hàng (Đánh dấu thất bại hoặc Đánh dấu rác). Mở",
            ),
            ReopenOnPage => (
                "Nothing moved: a won or lost lead is reopened on its own page (Move to), not by a card. Open",
                "Chưa chuyển gì: khách hàng đã thành công hoặc thất bại được mở lại trên trang của khách hàng (Chuyển đến), không phải bằng thẻ. Mở",
            ),
            Junk => ("junk, not counted", "rác, không tính"),
        }
    }
}
