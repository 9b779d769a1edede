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
