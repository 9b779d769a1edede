use super::*;

#[test]
fn language_tags() {
    assert_eq!(Lang::from_tag("vi-VN"), Lang::Vi);
    assert_eq!(Lang::from_tag("VI"), Lang::Vi);
    assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_tag(""), Lang::En);
    assert_eq!(Lang::Vi.other(), Lang::En);
}

#[test]
fn every_message_has_both_languages() {
    let same = SAME_IN_BOTH;
    let all = ALL_MSGS
        .iter()
        .map(|m| (format!("{m:?}"), m.words()))
        .chain(pages::every());
    for (m, (en, vi)) in all {
        assert!(!en.is_empty() && !vi.is_empty(), "{m}");
        assert!(
            en != vi || same.contains(&en),
            "{m} is not translated: {en}"
        );
    }
}

#[test]
fn vietnamese_differs_where_it_should() {
    assert_ne!(tr(Lang::Vi, Msg::NavToday), tr(Lang::En, Msg::NavToday));
    assert_eq!(tr(Lang::Vi, pages::PageMsg::AddLead), "Thêm khách hàng");
}

#[test]
fn a_removed_member_is_told_what_was_not_sent() {
    use crate::app::replicator::{SyncState, TeamStatus};
    let mut s = TeamStatus {
        state: SyncState::Revoked,
        ..TeamStatus::default()
    };
    assert_eq!(team::badge(Lang::En, &s), "Access removed");
    s.waiting = 2;
    assert_eq!(team::badge(Lang::En, &s), "Access removed · 2 not sent");
    assert_eq!(team::badge(Lang::Vi, &s), "Đã bị gỡ quyền · 2 chưa gửi");
    let line = team::status(Lang::En, &s);
    assert!(
        line.contains("2 changes made in this browser were not sent: they go out by themselves if your admin adds you again."),
        "{line}"
    );
    s.waiting = 1;
    assert!(
        team::status(Lang::En, &s)
            .contains("1 change made in this browser was not sent: it goes out by itself"),
        "{}",
        team::status(Lang::En, &s)
    );
    assert!(
        team::status(Lang::Vi, &s).contains("1 thay đổi làm trong trình duyệt này chưa được gửi")
    );
}
