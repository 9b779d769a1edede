use super::*;
use crate::domain::contact::{EmailError, PhoneError};
use chrono::TimeZone;
use uuid::Uuid;

fn t(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, h, 0, 0).unwrap()
}

fn draft(name: &str, phone: &str, email: &str, source: &str) -> LeadDraft {
    LeadDraft {
        name: name.into(),
        phone: phone.into(),
        email: email.into(),
        source: source.into(),
        ..Default::default()
    }
}

fn create(d: &LeadDraft) -> Result<Lead, DraftErrors> {
    Lead::create(
        d,
        LeadId::from_uuid(Uuid::nil()),
        t(1),
        &Pipeline::default(),
    )
}

#[test]
fn valid_draft_enters_the_first_stage() {
    let lead = create(&draft(" Nguyễn Văn An ", "0912 345 678", "", "Facebook")).unwrap();
    assert_eq!(lead.name(), "Nguyễn Văn An");
    assert_eq!(lead.phone().unwrap().e164(), "+84912345678");
    assert_eq!(lead.email(), None);
    assert_eq!(lead.stage().as_str(), "new");
    assert_eq!(lead.history().len(), 1);
    assert_eq!(lead.history()[0].from, None);
}

fn problems(d: LeadDraft, expected: &[(Field, FieldProblem)]) {
    assert_eq!(create(&d).unwrap_err().0, expected, "draft {d:?}");
}

#[test]
fn every_problem_is_reported_with_its_field() {
    problems(
        draft("", "", "", ""),
        &[
            (Field::Name, FieldProblem::NameMissing),
            (Field::Phone, FieldProblem::NoContact),
            (Field::Source, FieldProblem::SourceMissing),
        ],
    );
    problems(
        draft("An", "123", "x@", "Google"),
        &[
            (Field::Phone, FieldProblem::Phone(PhoneError::TooShort)),
            (Field::Email, FieldProblem::Email(EmailError::BadDomain)),
        ],
    );
    let ok_email_only = create(&draft("An", "", "an@example.com", "Referral"));
    assert!(ok_email_only.is_ok());
}

#[test]
fn advancing_walks_the_pipeline_and_records_history() {
    let p = Pipeline::default();
    let mut lead = create(&draft("An", "0912345678", "", "Zalo")).unwrap();
    for (h, expected) in [(2, "interested"), (3, "qualified"), (4, "won")] {
        lead.advance(&p, Some("Bình"), t(h)).unwrap();
        assert_eq!(lead.stage().as_str(), expected);
    }
    assert_eq!(
        lead.advance(&p, None, t(5)),
        Err(MoveError::NoNextStage(StageId::new("won")))
    );
    let last = lead.history().last().unwrap();
    assert_eq!(last.from.as_ref().unwrap().as_str(), "qualified");
    assert_eq!(last.by.as_deref(), Some("Bình"));
    assert_eq!(lead.history().len(), 4);
    assert!(lead.is_closed(&p));
    assert_eq!(lead.updated_at(), t(4));
}

#[test]
fn moves_are_checked_and_time_never_goes_back() {
    let p = Pipeline::default();
    let mut lead = create(&draft("An", "0912345678", "", "Zalo")).unwrap();
    let lost = StageId::new("lost");
    assert_eq!(
        lead.move_to(&StageId::new("x"), &p, None, t(2)),
        Err(MoveError::UnknownStage(StageId::new("x")))
    );
    assert_eq!(
        lead.move_to(&StageId::new("new"), &p, None, t(2)),
        Err(MoveError::AlreadyThere(StageId::new("new")))
    );
    lead.move_to(&lost, &p, None, t(0)).unwrap();
    assert_eq!(
        lead.updated_at(),
        t(1),
        "a clock running behind does not rewind"
    );
}

#[test]
fn junk_closes_with_a_reason_and_extra_fields_are_kept() {
    let p = Pipeline::default();
    let mut lead = create(&draft("An", "0912345678", "", "Facebook")).unwrap();
    lead.set_custom("which_service_do_you_need?", "Spa", t(2));
    lead.assign(Some(RepId::new("binh")), t(2));
    lead.mark_lost(
        Closure {
            kind: LossKind::Junk,
            reason: "wrong number".into(),
        },
        &p,
        None,
        t(3),
    )
    .unwrap();
    assert!(lead.is_junk() && lead.is_closed(&p));
    assert_eq!(lead.stage().as_str(), "lost");
    assert_eq!(lead.custom()["which_service_do_you_need?"], "Spa");
    let json = serde_json::to_string(&lead).unwrap();
    assert_eq!(serde_json::from_str::<Lead>(&json).unwrap(), lead);
}

#[test]
fn a_closed_lead_reopens_where_it_was_and_forgets_its_closure() {
    let p = Pipeline::default();
    let mut lead = create(&draft("An", "0912345678", "", "Facebook")).unwrap();
    lead.advance(&p, None, t(1)).unwrap();
    let was = lead.stage().clone();
    let closure = Closure {
        kind: LossKind::Lost,
        reason: "nurture ended".into(),
    };
    lead.mark_lost(closure, &p, Some("Lan"), t(2)).unwrap();
    lead.reopen(&was, &p, Some("Lan"), t(3)).unwrap();
    assert_eq!(lead.stage(), &was);
    assert!(lead.closure().is_none() && !lead.is_closed(&p));
    assert_eq!(
        lead.history().len(),
        4,
        "created, advanced, closed, reopened"
    );
}

#[test]
fn csat_is_one_to_five() {
    assert!(Csat::try_from(0).is_err());
    assert!(Csat::try_from(6).is_err());
    assert_eq!(Csat::try_from(5).unwrap().score(), 5);
    assert!(serde_json::from_str::<Csat>("7").is_err());
}

#[test]
fn leads_stored_before_the_new_fields_still_load() {
    let old = r#"{"id":"00000000-0000-0000-0000-000000000000","created_at":"2026-03-02T01:00:00Z",
        "updated_at":"2026-03-02T01:00:00Z","name":"An","phone":{"raw":"0912345678","e164":"+84912345678"},
        "email":null,"source":"Zalo","priority":"normal","stage":"new",
        "history":[{"at":"2026-03-02T01:00:00Z","from":null,"to":"new"}]}"#;
    let lead: Lead = serde_json::from_str(old).unwrap();
    assert_eq!(lead.campaign(), "");
    assert_eq!(lead.owner(), None);
}

#[test]
fn serde_round_trip() {
    let lead = create(&draft("An", "0912345678", "an@example.com", "Zalo")).unwrap();
    let json = serde_json::to_string(&lead).unwrap();
    assert_eq!(serde_json::from_str::<Lead>(&json).unwrap(), lead);
}

#[test]
fn editing_contact_validates_like_creating_and_changes_nothing_on_error() {
    let draft = LeadDraft {
        name: "An".into(),
        phone: "0912345678".into(),
        email: String::new(),
        source: "Zalo".into(),
        ..Default::default()
    };
    let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 3, 2, 1, 0, 0).unwrap();
    let mut lead = Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::from_u128(1)),
        at,
        &Pipeline::default(),
    )
    .unwrap();
    let before = lead.clone();
    let bad = LeadDraft {
        phone: "12".into(),
        name: " ".into(),
        ..draft.clone()
    };
    let errors = lead.update_contact(&bad, at).unwrap_err();
    assert!(errors.for_field(Field::Name).is_some() && errors.for_field(Field::Phone).is_some());
    assert_eq!(lead, before);
    let good = LeadDraft {
        name: "Nguyễn An".into(),
        email: "an@example.vn".into(),
        ..draft
    };
    lead.update_contact(&good, at).unwrap();
    assert_eq!(lead.name(), "Nguyễn An");
    assert_eq!(lead.email().unwrap().as_str(), "an@example.vn");
    assert!(
        lead.updated_at() > before.updated_at(),
        "an edit is a new version"
    );
}

/// A duplicate merged into a lead fills what it lacks and overwrites
/// nothing; a value that does not validate changes nothing.
#[test]
fn filling_contact_takes_only_what_is_missing() {
    let mut lead = create(&draft("Võ Thị Hạnh", "0912 555 010", "", "Facebook")).unwrap();
    let typed = draft("Hạnh Võ", "+84 987 000 111", "hanh.vo@example.vn", "Zalo");
    assert!(lead.fill_contact(&typed, t(2)));
    assert_eq!(lead.name(), "Võ Thị Hạnh");
    assert_eq!(lead.source(), "Facebook");
    assert_eq!(lead.phone().map(|p| p.e164()), Some("+84912555010"), "kept");
    assert_eq!(lead.email().map(|e| e.as_str()), Some("hanh.vo@example.vn"));
    assert!(!lead.fill_contact(&typed, t(3)), "nothing left to fill");
    let mut no_email = create(&draft("An", "0912 555 011", "", "Zalo")).unwrap();
    let before = no_email.clone();
    assert!(!no_email.fill_contact(&draft("An", "", "not-an-email", "Zalo"), t(2)));
    assert_eq!(no_email, before);
}
