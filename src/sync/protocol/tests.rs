use super::*;
use serde_json::json;

#[test]
fn bulk_results_are_matched_by_id_not_position() {
    let r = |id: &str, rev: Option<&str>, error: Option<&str>| BulkResult {
        id: id.into(),
        rev: rev.map(str::to_owned),
        error: error.map(str::to_owned),
        reason: None,
    };
    // PouchDB Server's order: the new activity answered before the
    // lead whose update conflicted.
    let results = [
        r("act:1", Some("1-a"), None),
        r("lead:1", None, Some("conflict")),
    ];
    let got = results_for(&["lead:1", "act:1", "lead:2"], &results);
    assert_eq!(got[0].and_then(|r| r.error.as_deref()), Some("conflict"));
    assert_eq!(got[1].and_then(|r| r.rev.as_deref()), Some("1-a"));
    assert!(got[2].is_none(), "not answered");
    // The same id twice: in turn.
    let twice = [r("x", Some("2-b"), None), r("x", Some("3-c"), None)];
    let got = results_for(&["x", "x"], &twice);
    assert_eq!(got[0].and_then(|r| r.rev.as_deref()), Some("2-b"));
    assert_eq!(got[1].and_then(|r| r.rev.as_deref()), Some("3-c"));
}

fn check(text: &str, expected: Result<&str, SyncError>) {
    assert_eq!(
        ServerUrl::parse(text).map(|u| u.as_str().to_owned()),
        expected.map(str::to_owned),
        "{text}"
    );
}

#[test]
fn addresses_are_https_or_this_computer() {
    check(
        "https://couch.example.com/",
        Ok("https://couch.example.com"),
    );
    check(" https://db.team.vn:6984 ", Ok("https://db.team.vn:6984"));
    check("http://localhost:5984", Ok("http://localhost:5984"));
    check("http://127.0.0.1:5984", Ok("http://127.0.0.1:5984"));
    check("http://[::1]:5984", Ok("http://[::1]:5984"));
    check(
        "http://couch.example.com",
        Err(SyncError::PlainHttp("couch.example.com".into())),
    );
    check(
        "http://192.168.1.10:5984",
        Err(SyncError::PlainHttp("192.168.1.10:5984".into())),
    );
    check(
        "couch.example.com",
        Err(SyncError::BadUrl("couch.example.com".into())),
    );
    check("ftp://x", Err(SyncError::BadUrl("ftp://x".into())));
    check("https://", Err(SyncError::BadUrl("https://".into())));
}

#[test]
fn database_names_follow_couchdb() {
    assert!(check_db_name("sales-team_2026").is_ok());
    assert!(check_db_name("a/b").is_ok());
    for bad in ["", "Team", "9team", "team space", "_users"] {
        assert_eq!(check_db_name(bad), Err(SyncError::BadDbName(bad.into())));
    }
    assert_eq!(db_path("a/b+c"), "a%2Fb%2Bc");
}

#[test]
fn statuses_mean_something_for_a_person() {
    let body = ErrorBody {
        error: "forbidden".into(),
        reason: "viewers of this workspace cannot change it".into(),
    };
    assert_eq!(status_error(401, &body, "t"), SyncError::Unauthorized);
    assert_eq!(
        status_error(403, &body, "t").to_string(),
        "The server refused the change: viewers of this workspace cannot change it."
    );
    assert_eq!(
        status_error(404, &body, "t"),
        SyncError::NoDatabase("t".into())
    );
    assert!(matches!(
        status_error(500, &body, "t"),
        SyncError::Server(500, _)
    ));
    assert!(
        SyncError::Cors {
            origin: "https://a.github.io".into()
        }
        .to_string()
        .contains("[cors] origins = https://a.github.io")
    );
    assert!(is_couch(&json!({"couchdb": "Welcome", "version": "3.3.3"})));
    assert!(is_couch(&json!({"express-pouchdb": "Welcome!"})));
    assert!(!is_couch(&json!({"hello": "world"})));
    assert_eq!(seq_text(&json!("12-g1AAAA")), "12-g1AAAA");
    assert_eq!(seq_text(&json!(12)), "12");
}
