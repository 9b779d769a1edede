use super::*;
use crate::domain::lead::LeadDraft;
use crate::io::csv_export::{export_csv, neutralise, restore};

fn utf16le(text: &str) -> Vec<u8> {
    [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

fn utf16be(text: &str) -> Vec<u8> {
    [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect()
}

/// Chi, a Zalo lead already in the workspace, with this phone.
fn chi(phone: &str, pipeline: &Pipeline) -> Result<Lead, crate::domain::lead::DraftErrors> {
    Lead::create(
        &LeadDraft {
            name: "Chi".into(),
            phone: phone.into(),
            email: "".into(),
            source: "Zalo".into(),
            ..Default::default()
        },
        LeadId::from_uuid(uuid::Uuid::from_u128(9)),
        DateTime::UNIX_EPOCH,
        pipeline,
    )
}

fn lead_of(p: &ImportPreview, row: usize) -> &Candidate {
    match p.rows.iter().find(|(r, _)| *r == row).map(|(_, o)| o) {
        Some(RowOutcome::Lead(c)) => c,
        other => panic!("row {row}: expected a lead, got {other:?}"),
    }
}

pub(super) fn errors_of(p: &ImportPreview, row: usize) -> &[CellError] {
    match p.rows.iter().find(|(r, _)| *r == row).map(|(_, o)| o) {
        Some(RowOutcome::Errors(e)) => e,
        other => panic!("row {row}: expected errors, got {other:?}"),
    }
}

const META: &str = "id\tcreated_time\tad_id\tad_name\tadset_id\tadset_name\tcampaign_id\tcampaign_name\tform_id\tform_name\tis_organic\tplatform\twhich_service_do_you_need?\tfull_name\tphone_number\temail\n\
l:1001\t2026-03-02T09:15:00+07:00\tag:1\tSpa Tết\tas:1\tHCM 25-40\tc:1\tfb-spa-tet\tf:1\tĐăng ký\tfalse\tfb\tChăm sóc da\tNguyễn Thị Lan\tp:+84912345678\tlan@example.vn\n\
l:1002\t2026-03-02T10:00:00+07:00\tag:1\tSpa Tết\tas:1\tHCM 25-40\tc:1\tfb-spa-tet\tf:1\tĐăng ký\tfalse\tig\tTriệt lông\tTrần Minh Thư\tp:+84387654321\t\n\
l:1003\t2026-03-02T11:00:00+07:00\tag:1\tSpa Tết\tas:1\tHCM 25-40\tc:1\tfb-spa-tet\tf:1\tĐăng ký\tfalse\tfb\tChăm sóc da\tasdf\tp:+8412\t\n";

#[test]
fn meta_lead_ads_utf16_tab_separated() {
    let p = preview(&utf16le(META), None, Home::default()).unwrap();
    assert_eq!(
        (p.encoding, p.delimiter, p.preset),
        (Encoding::Utf16Le, '\t', Some(Preset::MetaLeadAds))
    );
    let lan = lead_of(&p, 1);
    assert_eq!(lan.draft.name, "Nguyễn Thị Lan");
    assert_eq!(lan.phone.as_deref(), Some("+84912345678"));
    assert_eq!(lan.draft.source, "Facebook");
    assert_eq!(lan.campaign, "fb-spa-tet");
    assert_eq!(lan.custom["which_service_do_you_need?"], "Chăm sóc da");
    assert_eq!(lan.custom["id"], "l:1001", "unmapped columns are kept");
    assert_eq!(
        lan.created,
        Some(Utc.with_ymd_and_hms(2026, 3, 2, 2, 15, 0).unwrap())
    );
    assert_eq!(lead_of(&p, 2).draft.source, "Instagram");
    let junk = errors_of(&p, 3);
    assert_eq!(junk.len(), 1);
    assert_eq!(
        (junk[0].row, junk[0].column.as_str(), junk[0].value.as_str()),
        (3, "phone_number", "p:+8412")
    );
    assert_eq!(
        junk[0].to_string(),
        "row 3: phone_number 'p:+8412' the phone number is too short"
    );
    assert_eq!(p.counts(), (2, 1));
    assert_eq!(
        preview(&utf16be(META), None, Home::default())
            .unwrap()
            .encoding,
        Encoding::Utf16Be
    );
}

#[test]
fn google_sheets_csv_with_quotes_newlines_and_vietnamese_headers() {
    let csv = "Họ tên,Số điện thoại,Email,Nguồn,Ghi chú\n\
               \"Lê Văn Nam\",0901 234 567,nam@example.vn,Zalo,\"Gọi sau 5h, \"\"gấp\"\"\nhỏi giá\"\n\
               ,,,,\n\
               Phạm Thu,,,Website,\n";
    let p = preview(csv.as_bytes(), None, Home::default()).unwrap();
    assert_eq!(
        (p.encoding, p.delimiter, p.preset),
        (Encoding::Utf8, ',', None)
    );
    let nam = lead_of(&p, 1);
    assert_eq!(nam.draft.source, "Zalo");
    assert_eq!(nam.custom["Ghi chú"], "Gọi sau 5h, \"gấp\"\nhỏi giá");
    let no_contact = errors_of(&p, 3);
    assert_eq!(no_contact[0].column, "Số điện thoại");
    assert_eq!(
        no_contact[0].reason,
        "give a phone number or an e-mail address"
    );
    assert_eq!(p.rows.len(), 2, "the empty row is skipped");
}

#[test]
fn hubspot_pipedrive_zoho_salesforce_are_recognised() {
    let check = |bytes: &[u8], preset: Preset, name: &str, phone: &str, source: &str| {
        let p = preview(bytes, None, Home::default()).unwrap();
        assert_eq!(p.preset, Some(preset));
        let c = lead_of(&p, 1);
        assert_eq!(
            (
                c.draft.name.as_str(),
                c.phone.as_deref(),
                c.draft.source.as_str()
            ),
            (name, Some(phone), source),
            "{preset:?}"
        );
    };
    check(
        b"Record ID,First Name,Last Name,Email,Phone Number,Original Source,Create Date\n51,An,Nguyen,an@example.com,+84 912 000 001,PAID_SOCIAL,2026-03-01 10:00\n",
        Preset::HubSpot,
        "An Nguyen",
        "+84912000001",
        "PAID_SOCIAL",
    );
    check(
        b"Lead - Title,Person - Name,Person - Phone - Work,Person - Email - Work\nSpa deal,Vo Dung,0912000002,\n",
        Preset::Pipedrive,
        "Vo Dung",
        "+84912000002",
        "Pipedrive import",
    );
    check(
        b"Lead Id,First Name,Last Name,Email,Mobile,Lead Source,Created Time,Lead Owner\nz1,Hai,Tran,,0912000003,Web Form,2026-03-01 09:00:00,Lan\n",
        Preset::Zoho,
        "Hai Tran",
        "+84912000003",
        "Web Form",
    );
    let mut sf = b"\xEF\xBB\xBF".to_vec();
    sf.extend_from_slice("Lead ID;First Name;Last Name;Company;Email;Phone;Lead Source;Created Date\n00Q1;Bình;Đỗ;ACME;binh@acme.vn;0912000004;Partner;02/03/2026\n".as_bytes());
    check(
        &sf,
        Preset::Salesforce,
        "Bình Đỗ",
        "+84912000004",
        "Partner",
    );
    assert_eq!(
        preview(&sf, None, Home::default()).unwrap().encoding,
        Encoding::Utf8Bom
    );
    assert_eq!(preview(&sf, None, Home::default()).unwrap().delimiter, ';');
}

#[test]
fn duplicates_in_the_workspace_and_within_the_file() {
    let csv = "name,phone,email\nAn,0912345678,\nAn again,+84 912 345 678,\nBình,,binh@example.com\nChi,0987654321,\n";
    let mut p = preview(csv.as_bytes(), None, Home::default()).unwrap();
    let pipeline = Pipeline::default();
    let existing = chi("", &pipeline);
    assert!(existing.is_err(), "a lead needs a contact");
    let existing = chi("0987 654 321", &pipeline).unwrap();
    p.mark_duplicates(std::slice::from_ref(&existing));
    assert_eq!(lead_of(&p, 1).duplicate, None);
    assert_eq!(lead_of(&p, 2).duplicate, Some(Duplicate::Row(1)));
    assert_eq!(lead_of(&p, 3).duplicate, None);
    assert_eq!(
        lead_of(&p, 4).duplicate,
        Some(Duplicate::Workspace(existing.id()))
    );
    let now = Utc.with_ymd_and_hms(2026, 3, 5, 0, 0, 0).unwrap();
    let mut n = 100u128;
    let mut ids = || {
        n += 1;
        LeadId::from_uuid(uuid::Uuid::from_u128(n))
    };
    assert_eq!(
        p.leads(
            OnDuplicate::Skip,
            &Choices::default(),
            &pipeline,
            now,
            &mut ids
        )
        .len(),
        2
    );
    let all = p.leads(
        OnDuplicate::ImportAnyway,
        &Choices::default(),
        &pipeline,
        now,
        &mut ids,
    );
    assert_eq!(all.len(), 4);
    assert_eq!(
        p.leads(
            OnDuplicate::Merge,
            &Choices::default(),
            &pipeline,
            now,
            &mut ids
        )
        .len(),
        2,
        "under merge, duplicates are not new leads"
    );
    assert!(
        p.merged(std::slice::from_ref(&existing), now).is_empty(),
        "row 4 adds nothing the lead lacks: nothing to write"
    );

    assert!(
        all.iter()
            .all(|l| l.created_at() == now && l.source() == "CSV import")
    );
}

#[test]
fn a_custom_mapping_replaces_the_detected_one() {
    let csv = "col1,col2\nLan,0912345678\n";
    let mapping = Mapping {
        columns: vec![Target::Name, Target::Phone],
        timezone: crate::domain::zone::Zone::ho_chi_minh(),
        country: Country::VIETNAM,
    };
    let p = preview(csv.as_bytes(), Some(&mapping), Home::default()).unwrap();
    assert_eq!(lead_of(&p, 1).draft.name, "Lan");
    let wrong = Mapping {
        columns: vec![Target::Name],
        ..mapping
    };
    assert_eq!(
        preview(csv.as_bytes(), Some(&wrong), Home::default()),
        Err(ImportError::MappingMismatch {
            file: 2,
            mapping: 1
        })
    );
}

#[test]
fn files_that_cannot_be_read_say_why() {
    assert_eq!(preview(b"", None, Home::default()), Err(ImportError::Empty));
    assert_eq!(
        preview(b"\xEF\xBB\xBF  \n", None, Home::default()),
        Err(ImportError::Empty)
    );
    assert_eq!(
        preview(b"name\nNguy\xe3n\n", None, Home::default()),
        Err(ImportError::Encoding { offset: 9 })
    );
    assert!(matches!(
        preview(&[0xFF, 0xFE, 0x41], None, Home::default()),
        Err(ImportError::Encoding { .. })
    ));
    let bad_date = preview(
        "name,phone,created_time\nAn,0912345678,hôm qua\n".as_bytes(),
        None,
        Home::default(),
    )
    .unwrap();
    assert_eq!(errors_of(&bad_date, 1)[0].column, "created_time");
}

#[test]
fn export_is_excel_friendly_and_formula_safe() {
    let pipeline = Pipeline::default();
    let mut lead = Lead::create(
        &LeadDraft {
            name: "=HYPERLINK(\"http://evil\")".into(),
            phone: "0912345678".into(),
            email: "".into(),
            source: "@Facebook".into(),
            ..Default::default()
        },
        LeadId::from_uuid(uuid::Uuid::from_u128(1)),
        DateTime::UNIX_EPOCH,
        &pipeline,
    )
    .unwrap();
    lead.set_custom("ghi chú", "-giảm giá", DateTime::UNIX_EPOCH);
    let settings = crate::domain::workspace::Workspace::default().settings();
    let bytes = export_csv([&lead], &settings);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(
        text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{text}"
    );
    assert!(text.contains(",'@Facebook,"), "{text}");
    // The phone needs no guard: no apostrophe shows in Excel.
    assert!(text.contains(",0912 345 678,"), "{text}");
    assert!(!text.contains("'+84"), "{text}");
    assert!(text.contains("'-giảm giá"), "{text}");
    assert!(text.lines().next().unwrap().ends_with(",ghi chú"));
    for (cell, safe) in [
        ("=1+1", "'=1+1"),
        ("+84", "'+84"),
        ("-", "'-"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("ok", "ok"),
        ("", ""),
    ] {
        assert_eq!(neutralise(cell), safe);
    }
    // What we export, we can import again, unchanged.
    let back = preview(&bytes, None, Home::default()).unwrap();
    assert_eq!(back.counts(), (1, 0));
    let c = lead_of(&back, 1);
    assert_eq!(
        (c.draft.name.as_str(), c.phone.as_deref()),
        ("=HYPERLINK(\"http://evil\")", Some("+84912345678"))
    );
    assert_eq!(c.custom["ghi chú"], "-giảm giá");
    assert_eq!(
        restore("'x"),
        "'x",
        "only a guard before a formula character is removed"
    );
}

#[test]
fn merging_fills_what_the_lead_lacks_and_overwrites_nothing() {
    let pipeline = Pipeline::default();
    let existing = chi("0987 654 321", &pipeline).unwrap();
    let csv = "name,phone,email,utm_campaign,budget\nChị Chi,0987654321,chi@example.vn,tet,10tr\n";
    let mut p = preview(csv.as_bytes(), None, Home::default()).unwrap();
    p.mark_duplicates(std::slice::from_ref(&existing));
    let now = Utc.with_ymd_and_hms(2026, 3, 5, 0, 0, 0).unwrap();
    let merged = p.merged(std::slice::from_ref(&existing), now);
    assert_eq!(merged.len(), 1);
    let m = &merged[0];
    assert_eq!(
        (m.id(), m.name(), m.source()),
        (existing.id(), "Chi", "Zalo")
    );
    assert_eq!(m.phone(), existing.phone());
    assert_eq!(m.email().map(|e| e.as_str()), Some("chi@example.vn"));
    assert_eq!(m.custom().get("budget").map(String::as_str), Some("10tr"));
    assert!(m.updated_at() > existing.updated_at());
}

/// What a row brings (a campaign, extra fields, a priority) is part of the
/// lead's arrival: with distribution on it is still waiting for an owner.
#[test]
fn an_imported_lead_with_a_campaign_still_waits_for_an_owner() {
    use crate::domain::distribution::{Distribution, waiting};
    let csv = "Full name,Phone,Source,Campaign,Budget\nAn,0912345678,Zalo,Tet2027,5 tỷ\n";
    let p = preview(csv.as_bytes(), None, Home::default()).unwrap();
    let pipeline = Pipeline::default();
    let now = Utc.with_ymd_and_hms(2026, 12, 8, 2, 0, 0).unwrap();
    let leads = p.leads(
        OnDuplicate::Skip,
        &Choices::default(),
        &pipeline,
        now,
        || LeadId::from_uuid(uuid::Uuid::from_u128(7)),
    );
    assert_eq!(leads[0].campaign(), "Tet2027");
    let dist = Distribution {
        since: Some(now - chrono::TimeDelta::hours(1)),
        ..Distribution::default()
    };
    assert!(waiting(&dist, &leads[0], true), "{:?}", leads[0]);
}
