//! Tests of `activity`.

use super::*;
use crate::domain::test_support::vn;

#[test]
fn every_kind_reads_back_as_written_and_odd_ones_are_refused() {
    for kind in [
        ActivityKind::Call,
        ActivityKind::Meeting,
        ActivityKind::Note,
        ActivityKind::Message(Channel::Zalo),
        ActivityKind::Message(Channel::Sms),
    ] {
        let text = serde_json::to_string(&kind).unwrap();
        assert_eq!(
            serde_json::from_str::<ActivityKind>(&text).unwrap(),
            kind,
            "{text}"
        );
    }
    assert_eq!(
        serde_json::to_string(&ActivityKind::Message(Channel::Email)).unwrap(),
        r#"{"type":"message","channel":"email"}"#
    );
    for odd in [
        r#"{"type":"message"}"#,
        r#"{"type":"call","channel":"zalo"}"#,
        r#"{"type":"fax"}"#,
        r#"{"channel":"zalo"}"#,
        r#"{"type":"message","channel":"pigeon"}"#,
    ] {
        assert!(serde_json::from_str::<ActivityKind>(odd).is_err(), "{odd}");
    }
}

fn draft(kind: ActivityKind, outcome: Outcome, note: &str) -> ActivityDraft {
    ActivityDraft {
        kind,
        direction: Direction::Inbound,
        outcome,
        note: note.into(),
    }
}

fn check(d: ActivityDraft, expected: Result<(Direction, Outcome, Option<&str>), ActivityProblem>) {
    let got = Activity::log(
        &d,
        LeadId::from_uuid(uuid::Uuid::from_u128(1)),
        vn("2026-03-02 09:00"),
        Some(RepId::new("lan")),
        Some("admin"),
    )
    .map(|a| (a.direction, a.outcome, a.note.as_deref().map(str::to_owned)));
    let expected = expected.map(|(d, o, n)| (d, o, n.map(str::to_owned)));
    assert_eq!(got, expected, "{d:?}");
}

#[test]
fn a_note_is_its_text_and_other_kinds_ask_what_fits_them() {
    use ActivityKind::*;
    use Outcome::*;
    let zalo = Message(Channel::Zalo);
    let shape = Activity::NOTE_SHAPE;
    check(
        draft(Note, Connected, "  Khách hẹn gọi lại thứ Hai\n"),
        Ok((shape.0, shape.1, Some("Khách hẹn gọi lại thứ Hai"))),
    );
    check(draft(Note, Busy, "   "), Err(ActivityProblem::NoteMissing));
    check(draft(Note, Busy, ""), Err(ActivityProblem::NoteMissing));
    check(
        draft(Call, NoAnswer, ""),
        Ok((Direction::Inbound, NoAnswer, None)),
    );
    check(
        draft(Call, Connected, "wants the 2-room flat"),
        Ok((Direction::Inbound, Connected, Some("wants the 2-room flat"))),
    );
    check(
        draft(Call, Replied, ""),
        Err(ActivityProblem::OutcomeDoesNotFit {
            kind: Call,
            outcome: Replied,
        }),
    );
    check(
        draft(zalo, Replied, ""),
        Ok((Direction::Inbound, Replied, None)),
    );
    check(
        draft(zalo, Busy, ""),
        Err(ActivityProblem::OutcomeDoesNotFit {
            kind: zalo,
            outcome: Busy,
        }),
    );
    check(
        draft(Meeting, NoAnswer, ""),
        Ok((Direction::Inbound, NoAnswer, None)),
    );
}

#[test]
fn a_note_holds_at_most_two_thousand_characters() {
    let at_most = "ư".repeat(NOTE_MAX);
    check(
        draft(ActivityKind::Note, Outcome::Sent, &at_most),
        Ok((
            Activity::NOTE_SHAPE.0,
            Activity::NOTE_SHAPE.1,
            Some(at_most.as_str()),
        )),
    );
    check(
        draft(
            ActivityKind::Call,
            Outcome::Connected,
            &format!("{at_most}!"),
        ),
        Err(ActivityProblem::NoteTooLong {
            chars: NOTE_MAX + 1,
        }),
    );
}

#[test]
fn older_records_without_text_keep_reading_and_text_round_trips() {
    let old = r#"{"lead":"00000000-0000-0000-0000-000000000001","at":"2026-03-02T02:00:00Z","kind":{"type":"note"},"direction":"outbound","outcome":"connected","rep":"lan"}"#;
    let a: Activity = serde_json::from_str(old).unwrap();
    assert_eq!((a.note.as_deref(), a.by.as_deref()), (None, None));
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        old,
        "written back as it was"
    );
    let mut b = a.clone();
    b.note = Some("<b>not HTML</b>".into());
    b.by = Some("admin".into());
    let json = serde_json::to_string(&b).unwrap();
    assert!(
        json.contains(r#""note":"<b>not HTML</b>","by":"admin""#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Activity>(&json).unwrap(), b);
}
