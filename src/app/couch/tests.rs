use super::*;

#[test]
fn basic_credentials_and_ids_are_encoded() {
    assert_eq!(
        base64("lan:mật khẩu".as_bytes()),
        "bGFuOm3huq10IGto4bqpdQ=="
    );
    assert_eq!(base64(b"ab"), "YWI=");
    assert_eq!(encode_id("lead:1"), "lead%3A1");
    assert_eq!(encode_id("_design/leadpact"), "_design/leadpact");
    assert_eq!(encode_query("12-g1A/x"), "12-g1A%2Fx");
}
