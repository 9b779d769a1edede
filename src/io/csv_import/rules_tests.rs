//! One data-driven test per import rule: owner ids, a row's country, the
//! file's country, amounts and their currency, the vendors' headers.

use super::columns::target_for;
use super::tests::errors_of;
use super::*;
use crate::domain::contact::PhoneError;
use crate::domain::rep::{Membership, Rep};

fn home(iso: &str) -> Home {
    Home {
        country: Country::from_iso(iso).unwrap(),
        ..Home::default()
    }
}

/// The only row of a file, read in a workspace of `home`.
fn only_row(file: &str, home: Home) -> (ImportPreview, RowOutcome) {
    let p = preview(file.as_bytes(), None, home).unwrap();
    assert_eq!(p.rows.len(), 1, "{file}");
    let outcome = p.rows[0].1.clone();
    (p, outcome)
}

fn owner(value: &str, expected: Option<OwnerId>) {
    assert_eq!(owner_id(value), expected, "owner {value:?}");
}

#[test]
fn owner_ids_are_told_from_names() {
    use OwnerId::*;
    owner("005Hp00000AbCdEIAV", Some(Salesforce));
    owner("005Hp00000AbCdE", Some(Salesforce));
    owner(" 005Hp00000AbCdE ", Some(Salesforce));
    owner("00530000003xqAb", Some(Salesforce));
    owner("52780134", Some(Number));
    owner("13579246", Some(Number));
    owner("7", Some(Number));
    owner("3f2c8d1e-5b7a-4c19-9e2d-1a2b3c4d5e6f", Some(Uuid));
    owner("Lan Nguyen", None);
    owner("Nguyễn Thị Lan", None);
    owner("lan", None);
    // Fifteen letters without a digit is a name, not an id.
    owner("Nguyenthanhbinh", None);
    owner("Maximilianzweig", None);
    // Digits, but not an id's shape.
    owner("Lan 2", None);
    owner("005Hp00000AbCd", None);
    owner("005Hp00000AbCdEIA", None);
    owner("lan.nguyen@example.vn", None);
    owner("3f2c8d1e-5b7a-4c19-9e2d", None);
    owner("", None);
}

fn default_owner(value: &str, rep: Option<&str>, id: bool, offered_as_new_rep: bool) {
    let reps = [Rep::new("lan", "Lan Nguyễn", Membership::Sales, 50)];
    let file = format!("Name,Phone,Owner\nAn,0912345678,{value}\n");
    let p = preview(file.as_bytes(), None, Home::default()).unwrap();
    let owners = p.owners(&reps);
    assert_eq!(owners.len(), 1, "{value}");
    let o = &owners[0];
    assert_eq!(
        (o.rep.as_ref().map(RepId::as_str), o.id.is_some()),
        (rep, id),
        "owner {value:?}"
    );
    assert_eq!(
        new_rep_names(&owners) == [value.to_owned()],
        offered_as_new_rep,
        "owner {value:?}"
    );
}

#[test]
fn an_owner_id_maps_to_nobody_and_is_never_offered_as_a_rep() {
    default_owner("Lan Nguyen", Some("lan"), false, false);
    default_owner("lan  nguyễn", Some("lan"), false, false);
    default_owner("Minh Tran", None, false, true);
    default_owner("005Hp00000AbCdEIAV", None, true, false);
    default_owner("52780134", None, true, false);
    default_owner("3f2c8d1e-5b7a-4c19-9e2d-1a2b3c4d5e6f", None, true, false);
}

fn row_owner(header: &str, expected: &str) {
    let (_, outcome) = only_row(header, Home::default());
    match outcome {
        RowOutcome::Lead(c) => assert_eq!(c.owner.as_deref(), Some(expected), "{header}"),
        RowOutcome::Errors(e) => panic!("{header}: {e:?}"),
    }
}

#[test]
fn of_two_owner_columns_a_name_wins_over_an_id() {
    row_owner(
        "Name,Phone,HubSpot Owner ID,Contact owner\nAn,0912345678,52780134,Lan Nguyen\n",
        "Lan Nguyen",
    );
    row_owner(
        "Name,Phone,Contact owner,HubSpot Owner ID\nAn,0912345678,Lan Nguyen,52780134\n",
        "Lan Nguyen",
    );
    row_owner(
        "Name,Phone,HubSpot Owner ID,Contact owner\nAn,0912345678,52780134,\n",
        "52780134",
    );
    row_owner(
        "Name,Phone,Owner,Lead Owner\nAn,0912345678,Lan,Minh\n",
        "Lan",
    );
}

#[test]
fn an_owner_that_becomes_nobody_is_kept_as_text() {
    let file = "Name,Phone,OwnerId\nAn,0912345678,005Hp00000AbCdEIAV\nBình,0912345679,\n";
    let p = preview(file.as_bytes(), None, Home::default()).unwrap();
    let mut n = 0;
    let mut ids = || {
        n += 1;
        LeadId::from_uuid(uuid::Uuid::from_u128(n))
    };
    let leads = p.leads(
        OnDuplicate::Skip,
        &Choices::default(),
        &Pipeline::default(),
        DateTime::UNIX_EPOCH,
        &mut ids,
    );
    assert_eq!(leads[0].owner(), None);
    assert_eq!(
        leads[0].custom().get(OWNER_KEPT).map(String::as_str),
        Some("005Hp00000AbCdEIAV")
    );
    assert_eq!(
        leads[1].custom().get(OWNER_KEPT),
        None,
        "no owner, nothing kept"
    );
    // Picked by the person: the rep, and nothing kept.
    let choices = Choices {
        owners: [("005Hp00000AbCdEIAV".to_owned(), RepId::new("lan"))].into(),
        ..Choices::default()
    };
    let leads = p.leads(
        OnDuplicate::Skip,
        &choices,
        &Pipeline::default(),
        DateTime::UNIX_EPOCH,
        &mut ids,
    );
    assert_eq!(leads[0].owner().map(RepId::as_str), Some("lan"));
    assert_eq!(leads[0].custom().get(OWNER_KEPT), None);
}

/// The phone of a row with this country cell, in a file read in
/// `file_country`.
fn phone_in_row(
    country: &str,
    phone: &str,
    file_country: &str,
    expected: Result<&str, PhoneError>,
) {
    let file = format!("Name,Phone,Country\nAn,{phone},{country}\n");
    let (_, outcome) = only_row(&file, home(file_country));
    let got = match outcome {
        RowOutcome::Lead(c) => Ok(c.phone.clone().unwrap_or_default()),
        RowOutcome::Errors(e) => match &e[0].problem {
            CellProblem::Field(FieldProblem::Phone(p)) => Err(p.clone()),
            other => panic!("{file}: {other:?}"),
        },
    };
    assert_eq!(
        got,
        expected.map(str::to_owned),
        "{phone:?} with country {country:?} in a file of {file_country}"
    );
}

#[test]
fn a_rows_country_reads_its_numbers_else_the_files_country_does() {
    // The row: an American number with its country, in Vietnam.
    phone_in_row("United States", "614-555-0400", "VN", Ok("+16145550400"));
    phone_in_row("USA", "(614) 555-0400", "VN", Ok("+16145550400"));
    phone_in_row("US", "614 555 0400", "VN", Ok("+16145550400"));
    phone_in_row("Vietnam", "0912 345 678", "US", Ok("+84912345678"));
    phone_in_row("Việt Nam", "0912 345 678", "US", Ok("+84912345678"));
    phone_in_row("United Kingdom", "020 7946 0018", "VN", Ok("+442079460018"));
    phone_in_row("Singapore", "6123 4567", "VN", Ok("+6561234567"));
    // A number with + is its own country's, whatever the cell says.
    phone_in_row("United States", "+84 912 345 678", "VN", Ok("+84912345678"));
    // Empty or unknown: the file's country.
    phone_in_row("", "0912 345 678", "VN", Ok("+84912345678"));
    phone_in_row("", "614-555-0400", "US", Ok("+16145550400"));
    phone_in_row("Brazil", "0912 345 678", "VN", Ok("+84912345678"));
    phone_in_row("Narnia", "614-555-0400", "US", Ok("+16145550400"));
    // Read in its own country, a number that is not one says why.
    phone_in_row(
        "United States",
        "0912 345 678",
        "VN",
        Err(PhoneError::NoSuchAreaCode),
    );
    phone_in_row(
        "Vietnam",
        "614-555-0400",
        "US",
        Err(PhoneError::UnknownVietnameseRange),
    );
    // Without its country, the row was kept as text in Vietnam.
    phone_in_row(
        "",
        "614-555-0400",
        "VN",
        Err(PhoneError::UnknownVietnameseRange),
    );
}

#[test]
fn the_first_country_cell_that_names_a_country_wins_and_is_kept() {
    let file = "Name,Phone,Country,CountryCode\nAn,614-555-0400,Hoa Ky (My),US\n";
    let (p, outcome) = only_row(file, Home::default());
    let RowOutcome::Lead(c) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(c.phone.as_deref(), Some("+16145550400"));
    assert_eq!(
        c.custom.get("Country").map(String::as_str),
        Some("Hoa Ky (My)")
    );
    assert_eq!(c.custom.get("CountryCode").map(String::as_str), Some("US"));
    assert_eq!(
        p.countries,
        [CountryValue {
            value: "US".into(),
            rows: 1,
            country: Country::from_iso("US"),
        }]
    );
}

#[test]
fn the_files_countries_are_listed_with_what_they_were_read_as() {
    let file = "Name,Phone,Email,Country\n\
        An,614-555-0400,,United States\n\
        Bình,0912 345 678,,\n\
        Chi,(11) 91234-5678,chi@example.com,Brazil\n\
        Dũng,614-555-0401,,United States\n\
        Em,12,,Brazil\n";
    let p = preview(file.as_bytes(), None, Home::default()).unwrap();
    let listed: Vec<(&str, usize, Option<&str>)> = p
        .countries
        .iter()
        .map(|c| (c.value.as_str(), c.rows, c.country.map(Country::iso)))
        .collect();
    assert_eq!(
        listed,
        [("United States", 2, Some("US")), ("Brazil", 2, None)],
        "every row counts, even one with errors"
    );
    // Brazil is unknown: its numbers are read in the file's country, and a
    // row with an e-mail keeps what cannot be read as text.
    assert_eq!(p.phones_kept().count(), 1);
    assert_eq!(errors_of(&p, 5)[0].value, "12");
}

#[test]
fn the_files_country_is_the_mappings_and_can_be_changed() {
    let file = "Name,Phone,Email\nJane,614-555-0400,jane@example.com\n";
    let p = preview(file.as_bytes(), None, Home::default()).unwrap();
    assert_eq!(
        p.mapping.country,
        Country::VIETNAM,
        "the workspace's by default"
    );
    assert_eq!(
        p.phones_kept().count(),
        1,
        "read as Vietnamese, kept as text"
    );
    let mapping = Mapping {
        country: Country::from_iso("US").unwrap(),
        ..p.mapping.clone()
    };
    let us = preview(file.as_bytes(), Some(&mapping), Home::default()).unwrap();
    assert_eq!(us.phones_kept().count(), 0);
    let RowOutcome::Lead(c) = &us.rows[0].1 else {
        panic!()
    };
    assert_eq!(c.phone.as_deref(), Some("+16145550400"));
    assert_eq!(c.draft.country.iso(), "US");
}

/// The deal value of a row with this value and currency cell.
fn value(cell: &str, currency: &str, expected: Result<Option<u64>, &str>) {
    let file = format!(
        "Name,Phone,Lead - Value,Lead - Currency of Value\nAn,0912345678,\"{cell}\",{currency}\n"
    );
    let (_, outcome) = only_row(&file, Home::default());
    let got = match outcome {
        RowOutcome::Lead(c) => match c.custom.get("Lead - Value") {
            Some(kept) => Err(kept.clone()),
            None => Ok(c.value),
        },
        RowOutcome::Errors(e) => {
            assert_eq!(e[0].problem, CellProblem::NotAnAmount, "{cell}");
            assert_eq!(
                (e[0].column.as_str(), e[0].value.as_str()),
                ("Lead - Value", cell)
            );
            Err("refused".to_owned())
        }
    };
    assert_eq!(
        got,
        expected.map_err(str::to_owned),
        "value {cell:?} {currency:?}"
    );
}

#[test]
fn a_value_is_vnd_and_one_in_another_currency_is_kept_as_text() {
    value("15000000", "VND", Ok(Some(15_000_000)));
    value("15000000", "", Ok(Some(15_000_000)));
    value("15.000.000 ₫", "", Ok(Some(15_000_000)));
    value("15,000,000", "vnđ", Ok(Some(15_000_000)));
    value("2.500,00 ₫", "", Ok(Some(2_500)));
    value("8000000.00", "VND", Ok(Some(8_000_000)));
    value("8,000,000.0", "VND", Ok(Some(8_000_000)));
    value("1.000", "VND", Ok(Some(1_000)));
    value("", "VND", Ok(None));
    value("2500", "USD", Err("2500 USD"));
    value("2,500.75", "USD", Err("2,500.75 USD"));
    value("12.5", "VND", Err("refused"));
    value("lots", "VND", Err("refused"));
}

fn header(h: &str, expected: Target) {
    assert_eq!(target_for(h), expected, "header {h:?}");
}

#[test]
fn the_vendors_headers_fill_their_fields() {
    use Target::*;
    // Pipedrive's leads, people and deals, as its exports name them.
    header("Lead - Contact person", Name);
    header("Deal - Contact person", Name);
    header("Lead - Lead created", Created);
    header("Lead - Lead created on", Created);
    header("Person - Person created", Created);
    header("Deal - Deal created", Created);
    header("Lead - Value", Value);
    header("Deal - Value", Value);
    header("Lead - Currency of Value", Currency);
    header("Lead - Organization", Company);
    header("Person - First name", FirstName);
    header("Person - Last name", LastName);
    header("Person - Phone", Phone);
    header("Person - Email", Email);
    header("Person - Country of Postal address", Country);
    header("Lead - Title", Custom("Lead - Title".into()));
    // HubSpot's internal names.
    header("hubspot_owner_id", Owner);
    header("hs_lead_status", Status);
    header("lifecyclestage", Status);
    header("createdate", Created);
    header("Country/Region", Country);
    // Salesforce's and everyone's country.
    header("Country", Country);
    header("CountryCode", Country);
    header("Quốc gia", Country);
}
