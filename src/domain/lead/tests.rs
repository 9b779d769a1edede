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
fn a_move_by_hand_never_closes_a_deal_without_a_reason() {
    let p = Pipeline::default();
    let mut lead = create(&draft("An", "0912345678", "", "Zalo")).unwrap();
    let won = p
        .stages()
        .iter()
        .find(|s| s.kind == crate::domain::pipeline::StageKind::Won)
        .unwrap()
        .id
        .clone();
    lead.move_by_hand(&won, &p, None, t(2)).unwrap();
    let moves = lead.history().len();
    assert_eq!(
        lead.move_by_hand(&StageId::new("lost"), &p, None, t(3)),
        Err(MoveError::NeedsReason(StageId::new("lost"))),
        "won stays won: the arrow key next to Lost moves nothing"
    );
    assert_eq!(lead.stage(), &won);
    assert_eq!(lead.history().len(), moves, "nothing recorded");
    lead.move_by_hand(&StageId::new("new"), &p, None, t(4))
        .unwrap();
    // Out of Lost by hand is a reopening: no Won lead keeps a loss reason.
    lead.mark_lost(
        Closure {
            kind: LossKind::Lost,
            reason: "price too high".into(),
        },
        &p,
        None,
        t(5),
    )
    .unwrap();
    lead.move_by_hand(&won, &p, None, t(6)).unwrap();
    assert_eq!(lead.closure(), None);
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

/// The edit form shows a phone formatted; saving it unchanged keeps the
/// number as it was first written, and a new number replaces it.
#[test]
fn a_phone_written_another_way_is_the_same_phone() {
    let mut lead = create(&draft("Võ Thị Hạnh", "096 878 3488", "", "Facebook")).unwrap();
    let shown = lead.phone().unwrap().shown();
    assert_eq!(shown, "0968 783 488");
    lead.update_contact(&draft("Võ Thị Hạnh", &shown, "", "Facebook"), t(2))
        .unwrap();
    assert_eq!(lead.phone().unwrap().raw(), "096 878 3488");
    lead.update_contact(&draft("Võ Thị Hạnh", "0912 555 010", "", "Facebook"), t(3))
        .unwrap();
    assert_eq!(lead.phone().unwrap().raw(), "0912 555 010");
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

fn lead_at(n: u128, d: &LeadDraft, h: u32) -> Lead {
    Lead::create(
        d,
        LeadId::from_uuid(Uuid::from_u128(n)),
        t(h),
        &Pipeline::default(),
    )
    .unwrap()
}

#[test]
fn absorbing_keeps_what_stays_takes_what_it_lacks_and_keeps_the_other_whole() {
    let p = Pipeline::default();
    let mut stays = lead_at(1, &draft("An", "0912 345 678", "", "Facebook"), 1);
    stays.advance(&p, Some("Bình"), t(2)).unwrap();
    let mut other = lead_at(2, &draft("Nguyễn An", "", "an@example.vn", "Zalo"), 3);
    other.set_campaign("Tết", t(3));
    other.set_priority(Priority::Urgent, t(3));
    other.set_value(Some(5_000_000), t(3));
    other.set_custom("size", "12", t(3));
    other.assign(Some(RepId::new("chi")), t(4));
    other.advance(&p, None, t(4)).unwrap();
    other.advance(&p, None, t(5)).unwrap();
    stays.set_custom("size", "3", t(2));
    let before = stays.clone();
    stays.absorb(other.clone(), Some("Bình"), t(6));

    // What stays is kept.
    assert_eq!(stays.name(), "An");
    assert_eq!(stays.stage(), before.stage());
    assert_eq!(stays.history(), before.history());
    assert_eq!(stays.created_at(), before.created_at());
    assert_eq!(stays.custom()["size"], "3");
    // What it lacked is taken.
    assert_eq!(stays.email().unwrap().as_str(), "an@example.vn");
    assert_eq!(stays.phone(), before.phone());
    assert_eq!(stays.campaign(), "Tết");
    assert_eq!(stays.priority(), Priority::Urgent);
    assert_eq!(stays.value(), Some(5_000_000));
    assert_eq!(stays.owner(), Some(&RepId::new("chi")));
    assert_eq!(stays.assigned_at(), other.assigned_at());
    // The other is kept whole, its history readable.
    assert_eq!(stays.merged().len(), 1);
    assert_eq!(stays.merged()[0].lead, other);
    assert_eq!(stays.merged()[0].lead.history().len(), 3);
    assert_eq!(stays.merged()[0].by.as_deref(), Some("Bình"));
    assert!(stays.updated_at() >= t(6));
    assert_eq!(stays.check(&p), Ok(()));
    // And it survives a round trip through JSON.
    let json = serde_json::to_string(&stays).unwrap();
    assert_eq!(serde_json::from_str::<Lead>(&json).unwrap(), stays);
}

#[test]
fn absorbing_a_lead_that_absorbed_others_keeps_the_list_flat() {
    let mut a = lead_at(1, &draft("A", "0912 345 678", "", "Zalo"), 1);
    let mut b = lead_at(2, &draft("B", "0912 345 679", "", "Zalo"), 1);
    let c = lead_at(3, &draft("C", "0912 345 670", "", "Zalo"), 1);
    b.absorb(c.clone(), None, t(2));
    a.absorb(b, None, t(3));
    let ids: Vec<_> = a.merged().iter().map(|m| m.lead.id()).collect();
    assert_eq!(ids, [LeadId::from_uuid(Uuid::from_u128(2)), c.id()]);
    assert!(a.merged().iter().all(|m| m.lead.merged().is_empty()));
    // Into itself: nothing.
    let before = a.clone();
    a.absorb(before.clone(), None, t(4));
    assert_eq!(a, before);
}

/// Undo of a stage move: the stage, its history and the loss reason come
/// back as a new version; a field changed meanwhile stays.
#[test]
fn a_move_taken_back_leaves_no_trace_but_keeps_other_edits() {
    let p = Pipeline::default();
    let mut lead = create(&draft("Võ Thị Hạnh", "0912 555 010", "", "Facebook")).unwrap();
    let before = lead.clone();
    lead.advance(&p, Some("lan"), t(2)).unwrap();
    lead.set_campaign(String::from("Tết"), t(3));
    let moved_at = lead.updated_at();
    lead.take_back_move(&before, t(2));
    assert_eq!(lead.stage(), before.stage());
    assert_eq!(lead.history(), before.history());
    assert_eq!(lead.campaign(), "Tết", "a field edited meanwhile stays");
    assert!(lead.updated_at() > moved_at, "a new version");
}

/// Marking a lost lead as junk changes its reason, not its history.
#[test]
fn a_lost_lead_marked_as_junk_takes_the_new_reason() {
    use crate::domain::lead::{Closure, LossKind};
    let p = Pipeline::default();
    let mut lead = create(&draft("Võ Thị Hạnh", "0912 555 010", "", "Facebook")).unwrap();
    let lost = |kind, reason: &str| Closure {
        kind,
        reason: reason.into(),
    };
    lead.mark_lost(lost(LossKind::Lost, "đổi ý"), &p, None, t(2))
        .unwrap();
    let moves = lead.history().len();
    lead.mark_lost(lost(LossKind::Junk, "số ảo"), &p, None, t(3))
        .unwrap();
    assert_eq!(lead.history().len(), moves);
    assert_eq!(lead.closure().map(|c| c.reason.as_str()), Some("số ảo"));
}
