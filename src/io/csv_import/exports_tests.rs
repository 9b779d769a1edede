//! The real exports in `tests/fixtures/exports/` (built from each vendor's
//! documented headers), and our own export read back.

use super::tests::errors_of;
use super::*;
use crate::domain::lead::{LeadDraft, LossKind};
use crate::domain::pipeline::Pipeline;
use crate::io::csv_export::export_csv;

/// One real export (built from the vendor's documented headers).
fn export(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/exports/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The team the export files name as owners.
fn lan_and_minh() -> [crate::domain::rep::Rep; 2] {
    use crate::domain::rep::{Membership, Rep};
    [
        Rep::new("lan", "Lan Nguyễn", Membership::Sales, 50),
        Rep::new("minh", "Minh Trần", Membership::Sales, 50),
    ]
}

/// The leads a file gives, with the choices the wizard makes by default:
/// statuses guessed, owners matched to the reps named `Lan Nguyen` and
/// `Minh Tran` (ids of the other system to nobody).
fn import_all(name: &str, home: Home) -> (ImportPreview, Vec<Lead>) {
    let p = preview(&export(name), None, home).unwrap();
    let pipeline = Pipeline::default();
    let reps = lan_and_minh();
    let owners = p
        .owners(&reps)
        .into_iter()
        .filter_map(|o| o.rep.map(|r| (o.value, r)))
        .collect();
    let choices = Choices {
        owners,
        ..Choices::default()
    };
    let now = DateTime::parse_from_rfc3339("2026-12-01T02:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let mut n = 0;
    let leads = p.leads(OnDuplicate::ImportAnyway, &choices, &pipeline, now, || {
        n += 1;
        LeadId::from_uuid(uuid::Uuid::from_u128(n))
    });
    (p, leads)
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn every_row_with_a_usable_contact_of_each_real_export_comes_in() {
    for (file, preset, rows) in [
        ("salesforce-api.csv", Some(Preset::Salesforce), 3),
        ("salesforce-report.csv", Some(Preset::Salesforce), 2),
        ("hubspot.csv", Some(Preset::HubSpot), 3),
        ("hubspot-api.csv", Some(Preset::HubSpot), 3),
        ("pipedrive-people.csv", Some(Preset::Pipedrive), 3),
        ("pipedrive-leads.csv", Some(Preset::Pipedrive), 4),
        ("zoho-leads.csv", Some(Preset::Zoho), 3),
        ("meta-google-sheets.csv", Some(Preset::MetaLeadAds), 2),
    ] {
        let (p, leads) = import_all(file, Home::default());
        assert_eq!(p.preset, preset, "{file}");
        assert_eq!(p.counts(), (rows, 0), "{file}: {:?}", p.rows);
        assert_eq!(leads.len(), rows, "{file}");
        for lead in &leads {
            assert!(lead.phone().is_some() || lead.email().is_some(), "{file}");
            assert_eq!(lead.entered_at(), utc("2026-12-01T02:00:00Z"), "{file}");
        }
    }
}

#[test]
fn salesforce_api_names_fill_contact_status_owner_company_and_time() {
    let (p, leads) = import_all("salesforce-api.csv", Home::default());
    // Jennifer's row says "United States": her number is American, in a
    // Vietnamese workspace too.
    assert_eq!(leads[0].phone().map(|p| p.e164()), Some("+12125550147"));
    assert_eq!(
        leads[0].custom().get("Country").map(String::as_str),
        Some("United States")
    );
    // OwnerId holds Salesforce user ids: nobody owns the leads, no rep is
    // offered, and the id is kept.
    let owners = p.owners(&lan_and_minh());
    assert_eq!(
        owners
            .iter()
            .map(|o| (o.value.as_str(), o.rows, o.rep.is_some(), o.id))
            .collect::<Vec<_>>(),
        [
            ("005Hp00000AbCdEIAV", 2, false, Some(OwnerId::Salesforce)),
            ("005Hp00000XyZ12IAF", 1, false, Some(OwnerId::Salesforce)),
        ]
    );
    assert!(new_rep_names(&owners).is_empty());
    assert!(leads.iter().all(|l| l.owner().is_none()));
    assert_eq!(
        leads[0].custom().get(OWNER_KEPT).map(String::as_str),
        Some("005Hp00000AbCdEIAV")
    );
    // Mark's row has no country, and a US number in a Vietnamese workspace:
    // the row comes in with its e-mail, the number kept as text and flagged.
    let kept: Vec<_> = p.phones_kept().map(|e| (e.row, e.value.clone())).collect();
    assert_eq!(kept, [(2, "312-555-0199".to_owned())]);
    let mark = &leads[1];
    assert_eq!(mark.name(), "Mark Chen");
    assert_eq!(mark.phone(), None);
    assert_eq!(
        mark.custom().get(PHONE_KEPT).map(String::as_str),
        Some("312-555-0199")
    );
    assert_eq!(mark.stage().as_str(), "won", "Closed - Converted");
    assert_eq!(
        mark.custom().get(COMPANY).map(String::as_str),
        Some("Globex")
    );
    assert_eq!(mark.source(), "Partner Referral");
    assert_eq!(mark.created_at(), utc("2026-07-02T14:00:00Z"));
    let thu = &leads[2];
    assert_eq!(
        thu.phone().map(|p| p.e164()),
        Some("+84912345678"),
        "MobilePhone"
    );
    assert_eq!(
        thu.closure().map(|c| (c.kind, c.reason.as_str())),
        Some((LossKind::Lost, "Closed - Not Converted"))
    );
    // In an American workspace, every number without a country is American.
    let (p, us) = import_all(
        "salesforce-api.csv",
        Home {
            country: Country::from_iso("US").unwrap(),
            ..Home::default()
        },
    );
    assert_eq!(us[0].phone().map(|p| p.e164()), Some("+12125550147"));
    assert_eq!(us[1].phone().map(|p| p.e164()), Some("+13125550199"));
    // 0912… is no US number, and Thu has no e-mail: her row says why.
    assert_eq!(p.counts(), (2, 1));
    assert_eq!(
        errors_of(&p, 3)[0].problem,
        CellProblem::Field(FieldProblem::Phone(
            crate::domain::contact::PhoneError::NoSuchAreaCode
        ))
    );
    assert_eq!(errors_of(&p, 3)[0].column, "MobilePhone");
}

#[test]
fn hubspot_pipedrive_zoho_and_meta_map_their_own_columns() {
    let (_, hub) = import_all("hubspot.csv", Home::default());
    assert_eq!(
        hub[0].phone().map(|p| p.e164()),
        Some("+84987654321"),
        "Mobile Phone Number"
    );
    assert_eq!(
        hub[0].owner().map(|r| r.as_str()),
        Some("minh"),
        "Contact owner"
    );
    assert_eq!(hub[0].source(), "Paid social");
    // Naive times are read in the workspace's timezone.
    assert_eq!(hub[0].created_at(), utc("2026-11-03T01:30:00Z"));
    assert_eq!(
        hub[1].closure().map(|c| c.kind),
        Some(LossKind::Junk),
        "UNQUALIFIED"
    );
    assert_eq!(hub[1].phone().map(|p| p.e164()), Some("+442079460018"));
    // A pre-2018 number is converted, and the lead says so.
    assert_eq!(hub[2].phone().map(|p| p.e164()), Some("+84326123456"));
    assert_eq!(
        hub[2].custom().get(OLD_NUMBER).map(String::as_str),
        Some("0162 612 3456")
    );
    let (_, hub_bkk) = import_all(
        "hubspot.csv",
        Home {
            timezone: crate::domain::zone::Zone::named("Asia/Bangkok").unwrap(),
            ..Home::default()
        },
    );
    assert_eq!(
        hub_bkk[0].created_at(),
        utc("2026-11-03T01:30:00Z"),
        "Bangkok is UTC+7 too"
    );
    let (_, hub_utc) = import_all(
        "hubspot.csv",
        Home {
            timezone: crate::domain::zone::Zone::named("UTC").unwrap(),
            ..Home::default()
        },
    );
    assert_eq!(hub_utc[0].created_at(), utc("2026-11-03T08:30:00Z"));

    let (_, pd) = import_all("pipedrive-people.csv", Home::default());
    assert_eq!(
        pd[0].email().map(|e| e.as_str()),
        Some("khoa.do@example.vn"),
        "Person - Email - Home"
    );
    assert_eq!(pd[0].phone().map(|p| p.e164()), Some("+84903111222"));
    assert_eq!(pd[0].owner().map(|r| r.as_str()), Some("lan"));
    assert_eq!(
        pd[0].custom().get(COMPANY).map(String::as_str),
        Some("Khoa Coffee")
    );
    assert_eq!(pd[1].phone().map(|p| p.e164()), Some("+8223123456"));
    // "Person - Person created", in the workspace's timezone.
    assert_eq!(pd[0].created_at(), utc("2026-10-01T02:00:00Z"));
    // The issue's row: an American number with "United States" beside it.
    assert_eq!(pd[2].phone().map(|p| p.e164()), Some("+16145550400"));

    let (p, zoho) = import_all("zoho-leads.csv", Home::default());
    assert_eq!(zoho[0].stage().as_str(), "interested", "Contacted");
    assert_eq!(
        zoho[1].closure().map(|c| c.kind),
        Some(LossKind::Junk),
        "Junk Lead"
    );
    assert_eq!(zoho[1].phone().map(|p| p.e164()), Some("+16465550123"));
    assert_eq!(zoho[2].stage().as_str(), "new", "Not Contacted");
    assert_eq!(p.phones_kept().count(), 1, "555-0147 kept as text");

    let (p, meta) = import_all("meta-google-sheets.csv", Home::default());
    assert_eq!(
        meta[0].email().map(|e| e.as_str()),
        Some("trang@cty.example.vn"),
        "work_email"
    );
    assert_eq!(
        meta[0].custom().get(COMPANY).map(String::as_str),
        Some("Cty Trang")
    );
    assert_eq!(meta[0].campaign(), "fb-spa-tet");
    assert_eq!(meta[1].source(), "Instagram");
    assert_eq!(p.values(|c| c.status.as_ref()), [("CREATED".to_owned(), 1)]);
}

#[test]
fn a_file_that_is_not_a_csv_says_what_it_is() {
    for (bytes, kind) in [
        (
            &br#"{"format":"leadpact-backup","version":1}"#[..],
            NotCsv::Json,
        ),
        (&b"[{\"name\":\"An\"}]"[..], NotCsv::Json),
        (&b"PK\x03\x04\x14\x00\x06\x00"[..], NotCsv::Spreadsheet),
        (&b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"[..], NotCsv::OldExcel),
        (&b"%PDF-1.7\n"[..], NotCsv::Pdf),
    ] {
        assert_eq!(
            preview(bytes, None, Home::default()),
            Err(ImportError::NotCsv(kind))
        );
    }
    // A CSV whose first cell starts with a bracket is still a CSV.
    assert!(preview(b"[name],phone\nAn,0912345678\n", None, Home::default()).is_ok());
}

/// Our export opens cleanly and reads back: phones without a visible guard
/// (and no cell a formula), unique headers, owner and stage by name, times
/// in the workspace's timezone with their offset; importing it gives the
/// same leads.
#[test]
fn the_export_reads_back_as_the_same_leads() {
    let (_, leads) = import_all(
        "salesforce-api.csv",
        Home {
            country: Country::from_iso("US").unwrap(),
            ..Home::default()
        },
    );
    let ws = crate::domain::workspace::Workspace {
        reps: lan_and_minh().to_vec(),
        ..Default::default()
    };
    let mut lead = leads[0].clone();
    lead.set_custom("Name", "a custom field called Name", lead.created_at());
    let vn = Lead::create(
        &LeadDraft {
            name: "Hà".into(),
            phone: "0912 345 678".into(),
            source: "Zalo".into(),
            ..Default::default()
        },
        LeadId::from_uuid(uuid::Uuid::from_u128(77)),
        utc("2026-11-30T17:30:00Z"),
        &ws.pipeline,
    )
    .unwrap();
    let mut vn = vn;
    let t = vn.created_at();
    vn.mark_lost(
        Closure {
            kind: LossKind::Junk,
            reason: "số ảo, \"spam\"".into(),
        },
        &ws.pipeline,
        None,
        t,
    )
    .unwrap();
    vn.set_priority(Priority::Urgent, t);
    vn.assign(Some(crate::domain::rep::RepId::new("lan")), t);
    vn.set_value(Some(15_000_000), t);
    vn.set_csat(Csat::try_from(4).ok(), t);
    let all = [lead.clone(), leads[1].clone(), vn.clone()];
    let bytes = export_csv(&all, &ws.settings());
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let unique: std::collections::BTreeSet<String> =
        header.iter().map(|h| h.to_lowercase()).collect();
    assert_eq!(unique.len(), header.len(), "{header:?}");
    assert!(header.contains(&"Name (2)"), "{header:?}");
    assert!(text.contains(",(+1) 2125550147,"), "{text}");
    assert!(text.contains(",0912 345 678,"), "{text}");
    assert!(text.contains("Lan Nguyễn"), "owner by name: {text}");
    assert!(text.contains(",Won,"), "stage by name: {text}");
    assert!(
        text.contains("2026-12-01T00:30:00+07:00"),
        "time with offset: {text}"
    );
    for line in text.lines() {
        for cell in line.split(',') {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
    let back = preview(&bytes, None, Home::default()).unwrap();
    assert_eq!(back.counts(), (3, 0));
    let owners = back
        .owners(&ws.reps)
        .into_iter()
        .filter_map(|o| o.rep.map(|r| (o.value, r)))
        .collect();
    let choices = Choices {
        owners,
        ..Choices::default()
    };
    let mut n = 100;
    let again = back.leads(
        OnDuplicate::ImportAnyway,
        &choices,
        &ws.pipeline,
        utc("2026-12-01T03:00:00Z"),
        || {
            n += 1;
            LeadId::from_uuid(uuid::Uuid::from_u128(n))
        },
    );
    for (a, b) in all.iter().zip(&again) {
        assert_eq!(a.name(), b.name());
        assert_eq!(a.phone().map(Phone::e164), b.phone().map(Phone::e164));
        assert_eq!(a.email(), b.email());
        assert_eq!(a.source(), b.source());
        assert_eq!(a.stage(), b.stage());
        assert_eq!(a.owner(), b.owner());
        assert_eq!(a.created_at(), b.created_at());
        assert_eq!(a.custom().get(COMPANY), b.custom().get(COMPANY));
        assert_eq!(a.custom().get("Id"), b.custom().get("Id"));
        assert_eq!(a.closure(), b.closure());
        assert_eq!(a.priority(), b.priority());
        assert_eq!(a.value(), b.value());
        assert_eq!(a.csat(), b.csat());
    }
}

#[test]
fn priority_value_closure_and_score_cells_are_read_or_refused_by_name() {
    let file = "Name,Phone,Priority,Value (VND),Closed as,Reason,CSAT\n\
        An,0912345678,Cao,\"15.000.000 ₫\",rác,số ảo,★★★★\n\
        Bình,0912345679,someday,lots,maybe,,9\n";
    let p = preview(file.as_bytes(), None, Home::default()).unwrap();
    assert_eq!(p.counts(), (1, 1));
    let problems: Vec<(String, CellProblem)> = errors_of(&p, 2)
        .iter()
        .map(|e| (e.column.clone(), e.problem.clone()))
        .collect();
    assert_eq!(
        problems,
        [
            ("Priority".to_owned(), CellProblem::NotAPriority),
            ("Value (VND)".to_owned(), CellProblem::NotAnAmount),
            ("Closed as".to_owned(), CellProblem::NotAClosure),
            ("CSAT".to_owned(), CellProblem::NotAScore),
        ]
    );
    let pipeline = Pipeline::default();
    let leads = p.leads(
        OnDuplicate::Skip,
        &Choices::default(),
        &pipeline,
        utc("2026-12-01T03:00:00Z"),
        || LeadId::from_uuid(uuid::Uuid::from_u128(1)),
    );
    let an = &leads[0];
    assert_eq!(an.priority(), Priority::High);
    assert_eq!(an.value(), Some(15_000_000));
    assert_eq!(
        an.closure().map(|c| (c.kind, c.reason.as_str())),
        Some((LossKind::Junk, "số ảo"))
    );
    assert_eq!(an.csat().map(|c| c.score()), Some(4));
    assert!(an.is_closed(&pipeline));
}

#[test]
fn pipedrive_leads_bring_their_contact_person_value_creation_and_country() {
    let (p, leads) = import_all("pipedrive-leads.csv", Home::default());
    let names: Vec<&str> = leads.iter().map(Lead::name).collect();
    assert_eq!(
        names,
        ["Phạm Thu Hà", "Jane Roe", "Carlos Silva", "Trần Văn Bảo"],
        "Lead - Contact person"
    );
    let ha = &leads[0];
    assert_eq!(ha.value(), Some(15_000_000), "Lead - Value in VND");
    assert_eq!(
        ha.created_at(),
        utc("2026-10-05T02:12:00Z"),
        "Lead - Lead created"
    );
    assert_eq!(ha.source(), "Web forms");
    assert_eq!(ha.owner().map(|r| r.as_str()), Some("lan"));
    assert_eq!(ha.custom().get(COMPANY).map(String::as_str), Some("Spa Hà"));
    assert_eq!(ha.phone().map(|p| p.e164()), Some("+84912345111"));
    // 2 500 USD is no VND figure: kept as text, no deal value.
    let jane = &leads[1];
    assert_eq!(jane.value(), None);
    assert_eq!(
        jane.custom().get("Lead - Value").map(String::as_str),
        Some("2500 USD")
    );
    assert_eq!(jane.phone().map(|p| p.e164()), Some("+16145550400"));
    assert_eq!(jane.owner().map(|r| r.as_str()), Some("minh"));
    // Brazil is no country this app knows: the number is read in the
    // file's country, cannot be, and is kept as text beside the e-mail.
    let carlos = &leads[2];
    assert_eq!(carlos.phone(), None);
    assert_eq!(
        carlos.custom().get(PHONE_KEPT).map(String::as_str),
        Some("(11) 91234-5678")
    );
    let bao = &leads[3];
    assert_eq!(bao.value(), Some(8_000_000), "8000000.00");
    assert_eq!(bao.phone().map(|p| p.e164()), Some("+84903222333"));
    let countries: Vec<(&str, usize, Option<&str>)> = p
        .countries
        .iter()
        .map(|c| (c.value.as_str(), c.rows, c.country.map(Country::iso)))
        .collect();
    assert_eq!(
        countries,
        [
            ("Vietnam", 1, Some("VN")),
            ("United States", 1, Some("US")),
            ("Brazil", 1, None),
        ]
    );
}

#[test]
fn hubspot_owner_ids_map_to_nobody_and_each_row_keeps_its_country() {
    let (p, leads) = import_all("hubspot-api.csv", Home::default());
    let owners = p.owners(&lan_and_minh());
    assert_eq!(
        owners
            .iter()
            .map(|o| (o.value.as_str(), o.rows, o.id))
            .collect::<Vec<_>>(),
        [
            ("52780134", 2, Some(OwnerId::Number)),
            ("61123987", 1, Some(OwnerId::Number)),
        ]
    );
    assert!(new_rep_names(&owners).is_empty(), "no rep named 52780134");
    assert!(leads.iter().all(|l| l.owner().is_none()));
    assert_eq!(
        leads[1].custom().get(OWNER_KEPT).map(String::as_str),
        Some("52780134")
    );
    let phones: Vec<Option<&str>> = leads.iter().map(|l| l.phone().map(|p| p.e164())).collect();
    assert_eq!(
        phones,
        [
            Some("+84987654321"),
            Some("+16145550400"),
            Some("+442079460018")
        ]
    );
    assert_eq!(
        leads[0].created_at(),
        utc("2026-11-03T01:30:00Z"),
        "createdate"
    );
    assert_eq!(
        p.values(|c| c.status.as_ref())[0].0,
        "NEW",
        "hs_lead_status"
    );
}
