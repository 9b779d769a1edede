use super::*;
use crate::domain::lead::{LeadDraft, LeadId};
use crate::domain::pipeline::Pipeline;
use crate::domain::test_support::vn;

fn lead(name: &str, phone: &str, email: &str) -> Lead {
    let draft = LeadDraft {
        name: name.into(),
        phone: phone.into(),
        email: email.into(),
        source: "Facebook".into(),
        ..Default::default()
    };
    Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::from_u128(7)),
        vn("2026-03-02 08:00"),
        &Pipeline::default(),
    )
    .unwrap()
}

#[test]
fn phone_in_any_format_finds_the_lead() {
    let l = lead("Trần Thị Mai", "0912 345 678", "");
    for q in [
        "0912 345",
        "+84 912",
        "84912345678",
        "912-345-678",
        "345678",
    ] {
        assert!(Query::new(q).matches(&l), "{q}");
    }
    for q in ["0913", "12"] {
        assert!(!Query::new(q).matches(&l), "{q}");
    }
}

#[test]
fn names_match_without_accents_or_case() {
    let l = lead("Nguyễn Đức Anh", "", "anh@Example.com");
    for q in ["nguyen duc", "ĐỨC", "anh@example", "facebook", ""] {
        assert!(Query::new(q).matches(&l), "{q}");
    }
    assert!(!Query::new("binh").matches(&l));
}

#[test]
fn a_run_of_spaces_reads_as_one_space() {
    // In the query, and in the name (typed or imported with a double space).
    let typed = lead("Nguyễn Văn  Hùng", "0912 345 678", "");
    let leads = [lead("Nguyễn Văn Hùng", "", "hung@example.vn"), typed];
    let index = SearchIndex::new(&leads);
    for q in ["nguyen  van", " nguyen van ", "văn\thùng", "van   hung"] {
        let query = Query::new(q);
        for (i, l) in leads.iter().enumerate() {
            assert!(query.matches(l), "{q:?} finds {}", l.name());
            assert!(index.matches(i, &query), "{q:?} in the index");
        }
    }
    assert!(!Query::new("nguyenvan").matches(&leads[0]));
    assert_eq!(fold_words("  Lân \u{a0} Nguyễn\n"), "lan nguyen");
    // Decomposed (base letter + combining marks) folds as precomposed;
    // invisible characters are not there.
    assert_eq!(fold_words("Hu\u{31b}o\u{31b}\u{302}\u{301}ng"), "huong");
    assert_eq!(fold_words("Hương"), "huong");
    assert_eq!(fold_words("La\u{200b}n\u{feff}"), "lan");
}

#[test]
fn the_index_answers_like_the_lead() {
    let leads = [
        lead("Trần Thị Mai", "0912 345 678", ""),
        lead("Nguyễn Đức Anh", "", "anh@example.com"),
    ];
    let index = SearchIndex::new(&leads);
    for q in [
        "0912", "mai", "anh@", "facebook", "", "zzz", "84912345", "đức",
    ] {
        let q = Query::new(q);
        for (i, l) in leads.iter().enumerate() {
            assert_eq!(index.matches(i, &q), q.matches(l));
        }
    }
    assert!(!index.matches(2, &Query::new("")));
}

#[test]
fn every_set_filter_must_hold() {
    let l = lead("Mai", "0912345678", "");
    let now = vn("2026-03-05 08:00");
    let q = Query::new("");
    let mut f = LeadFilter {
        source: Some("facebook".into()),
        created_within_days: Some(7),
        owner: Some(None),
        ..LeadFilter::default()
    };
    assert!(f.accepts(&q, &l, None, now));
    f.created_within_days = Some(1);
    assert!(!f.accepts(&q, &l, None, now));
    f.created_within_days = None;
    f.stage = Some(StageId::new("qualified"));
    assert!(!f.accepts(&q, &l, None, now));
    f.stage = None;
    f.owner = Some(Some(RepId::new("an")));
    assert!(!f.accepts(&q, &l, None, now));
}

/// The SLA filter says what Today says: a lead created at 08:00 (first
/// response due 09:00) is due soon, then at risk, then breached; a lead
/// whose first response was made is on track.
#[test]
fn the_sla_filter_follows_the_clocks_as_today_does() {
    use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
    use crate::domain::workspace::{Prepared, Workspace};
    let waiting = lead("Mai", "0912345678", "");
    let answered = {
        let draft = LeadDraft {
            name: "Lan".into(),
            phone: "0912345679".into(),
            source: "Facebook".into(),
            ..Default::default()
        };
        let at = vn("2026-03-02 08:00");
        let id = LeadId::from_uuid(uuid::Uuid::from_u128(8));
        let mut l = Lead::create(&draft, id, at, &Pipeline::default()).unwrap();
        l.assign(Some(RepId::new("an")), at);
        l
    };
    let ws = Workspace {
        leads: vec![waiting.clone(), answered.clone()],
        activities: vec![Activity {
            lead: answered.id(),
            at: vn("2026-03-02 08:05"),
            kind: ActivityKind::Call,
            direction: Direction::Outbound,
            outcome: Outcome::Connected,
            rep: Some(RepId::new("an")),
            note: None,
            by: None,
            extra: Default::default(),
        }],
        ..Workspace::default()
    };
    let check = |at: &str, l: &Lead, expected: SlaFilter| {
        let now = vn(at);
        let p = Prepared::new(&ws, now).unwrap();
        let i = ws.leads.iter().position(|x| x.id() == l.id()).unwrap();
        let clocks = &p.clocks()[i];
        let q = Query::new("");
        let all = [
            SlaFilter::Breached,
            SlaFilter::AtRisk,
            SlaFilter::DueSoon,
            SlaFilter::OnTrack,
        ];
        let accepted: Vec<SlaFilter> = all
            .into_iter()
            .filter(|f| {
                LeadFilter {
                    sla: Some(*f),
                    ..LeadFilter::default()
                }
                .accepts(&q, l, Some(clocks), now)
            })
            .collect();
        assert_eq!(accepted, vec![expected], "{} at {at}", l.name());
    };
    check("2026-03-02 08:10", &waiting, SlaFilter::DueSoon);
    check("2026-03-02 08:50", &waiting, SlaFilter::AtRisk);
    check("2026-03-02 09:30", &waiting, SlaFilter::Breached);
    check("2026-03-02 08:10", &answered, SlaFilter::OnTrack);
}

#[test]
fn the_same_person_is_found_by_phone_in_any_format_or_email_in_any_case() {
    let make = |n: u128, phone: &str, email: &str| {
        Lead::create(
            &crate::domain::lead::LeadDraft {
                name: format!("L{n}"),
                phone: phone.into(),
                email: email.into(),
                source: "Zalo".into(),
                ..Default::default()
            },
            LeadId::from_uuid(uuid::Uuid::from_u128(n)),
            chrono::DateTime::UNIX_EPOCH,
            &crate::domain::pipeline::Pipeline::default(),
        )
        .unwrap()
    };
    let here = [make(1, "0912 345 678", ""), make(2, "", "Lan@Example.vn")];
    let by_phone = make(3, "+84 912 345 678", "");
    assert_eq!(
        same_contact(&here, &by_phone, None).map(Lead::id),
        Some(here[0].id())
    );
    let by_email = make(4, "", "lan@example.VN");
    assert_eq!(
        same_contact(&here, &by_email, None).map(Lead::id),
        Some(here[1].id())
    );
    assert_eq!(
        same_contact(&here, &make(5, "0912 345 679", ""), None),
        None
    );
    // A lead being edited is not its own duplicate; `except` skips another.
    assert_eq!(same_contact(&here, &here[0], None), None);
    assert_eq!(same_contact(&here, &by_phone, Some(here[0].id())), None);
    // A lead is found by the contact of a lead merged into it.
    let mut stays = make(6, "0987 654 321", "");
    stays.absorb(
        make(7, "0912 000 111", "mai@example.vn"),
        None,
        chrono::DateTime::UNIX_EPOCH,
    );
    let index = SearchIndex::new([&stays]);
    for q in ["0912000111", "MAI@example", "l7"] {
        assert!(index.matches(0, &Query::new(q)), "{q}");
        assert!(Query::new(q).matches(&stays), "{q}");
    }
    assert!(!index.matches(0, &Query::new("0912345")));
}

#[test]
fn an_address_is_not_a_phone_number() {
    let leads = [
        lead("Khách 299", "", "khach299@example.vn"),
        lead("Khách khác", "0702 991 715", "khac@example.vn"),
    ];
    let q = Query::new("khach299@example.vn");
    assert!(q.matches(&leads[0]));
    assert!(!q.matches(&leads[1]), "its digits are not a phone number");
    assert!(Query::new("0702 991").matches(&leads[1]));
    assert!(Query::new("+84 702-991").matches(&leads[1]));
}
