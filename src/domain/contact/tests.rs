#[test]
fn numbers_show_the_way_people_write_them_and_link_to_call_and_chat() {
    let mobile = Phone::parse("+84912345678").unwrap();
    assert_eq!(mobile.shown(), "0912 345 678");
    assert_eq!(mobile.tel_href(), "tel:+84912345678");
    assert_eq!(
        mobile.zalo_href().as_deref(),
        Some("https://zalo.me/0912345678")
    );
    let landline = Phone::parse("024 3826 4567").unwrap();
    assert_eq!(landline.shown(), "024 3826 4567");
    let abroad = Phone::parse("+1 415 555 0100").unwrap();
    assert_eq!(abroad.shown(), "+14155550100");
    assert_eq!(abroad.zalo_href(), None);
    assert_eq!(abroad.tel_href(), "tel:+14155550100");
}

use super::*;

fn phone(input: &str, expected: Result<&str, PhoneError>) {
    let got = Phone::parse(input).map(|p| p.e164().to_owned());
    assert_eq!(got, expected.map(str::to_owned), "input {input:?}");
}

#[test]
fn vietnamese_numbers_in_every_written_form_are_one_number() {
    phone("0912345678", Ok("+84912345678"));
    phone("+84 912 345 678", Ok("+84912345678"));
    phone("p:+84912345678", Ok("+84912345678"));
    phone("0084912345678", Ok("+84912345678"));
    phone("84912345678", Ok("+84912345678"));
    phone("912345678", Ok("+84912345678"));
    phone("091.234.5678", Ok("+84912345678"));
    phone("(091) 234-5678", Ok("+84912345678"));
    phone(" 0386 123 456 ", Ok("+84386123456"));
    phone("02838123456", Ok("+842838123456"));
}

#[test]
fn other_countries_keep_their_code() {
    phone("+1 415 555 0100", Ok("+14155550100"));
    phone("+65 6123 4567", Ok("+6561234567"));
    phone("0033612345678", Ok("+33612345678"));
}

#[test]
fn junk_phone_numbers_say_why() {
    phone("", Err(PhoneError::Empty));
    phone(" - ", Err(PhoneError::Empty));
    phone("091234567", Err(PhoneError::TooShort));
    phone("09123456789", Err(PhoneError::TooLong));
    phone("0112345678", Err(PhoneError::UnknownVietnameseRange));
    phone("09l2345678", Err(PhoneError::InvalidCharacter('l')));
    phone("+1 23", Err(PhoneError::TooShort));
    phone("+1234567890123456", Err(PhoneError::TooLong));
    phone("12+345", Err(PhoneError::InvalidCharacter('+')));
}

fn phone_in(input: &str, home: &str, expected: Result<&str, PhoneError>) {
    let home = Country::from_iso(home).unwrap();
    let got = Phone::parse_in(input, home).map(|p| p.e164().to_owned());
    assert_eq!(
        got,
        expected.map(str::to_owned),
        "input {input:?} in {home}"
    );
}

#[test]
fn numbers_without_plus_belong_to_the_home_country() {
    phone_in("(212) 555-0147", "US", Ok("+12125550147"));
    phone_in("312-555-0199", "US", Ok("+13125550199"));
    phone_in("1 312 555 0199", "US", Ok("+13125550199"));
    phone_in("020 7946 0018", "GB", Ok("+442079460018"));
    phone_in("6123 4567", "SG", Ok("+6561234567"));
    // Written with a +code, the home country does not matter.
    phone_in("+84 912 345 678", "US", Ok("+84912345678"));
    phone_in("+44 (0)20 7946 0018", "VN", Ok("+442079460018"));
    // Plausible lengths per calling code.
    phone_in("+1 212 555 014", "VN", Err(PhoneError::TooShort));
    phone_in("+1 212 555 01477", "VN", Err(PhoneError::TooLong));
    phone_in("555-0147", "US", Err(PhoneError::TooShort));
    phone_in("0912 345 678", "US", Err(PhoneError::NoSuchAreaCode));
    // A US number is not a Vietnamese mobile (too long for one).
    phone("312-555-0199", Err(PhoneError::TooLong));
    // Unknown calling codes: the E.164 limits.
    phone("+998 90 123 45 67", Ok("+998901234567"));
}

#[test]
fn old_eleven_digit_vietnamese_mobiles_are_renumbered() {
    for (old, new) in [
        ("0162 612 3456", "+84326123456"),
        ("0169 999 8888", "+84399998888"),
        ("0120 123 4567", "+84701234567"),
        ("0121 123 4567", "+84791234567"),
        ("0122 123 4567", "+84771234567"),
        ("0126 123 4567", "+84761234567"),
        ("0128 123 4567", "+84781234567"),
        ("0123 123 4567", "+84831234567"),
        ("0124 123 4567", "+84841234567"),
        ("0125 123 4567", "+84851234567"),
        ("0127 123 4567", "+84811234567"),
        ("0129 123 4567", "+84821234567"),
        ("0186 123 4567", "+84561234567"),
        ("0188 123 4567", "+84581234567"),
        ("0199 123 4567", "+84591234567"),
        ("+84 162 612 3456", "+84326123456"),
    ] {
        phone(old, Ok(new));
        let p = Phone::parse(old).unwrap();
        assert!(p.renumbered(), "{old}");
        assert_eq!(p.raw(), old, "the number as written is kept");
    }
    assert!(!Phone::parse("0326 123 456").unwrap().renumbered());
    assert!(!Phone::parse("024 3826 4567").unwrap().renumbered());
    // 0110… was never a mobile prefix.
    phone("0110 123 4567", Err(PhoneError::UnknownVietnameseRange));
}

#[test]
fn numbers_show_in_the_home_form_and_international_otherwise() {
    let us = Country::from_iso("US").unwrap();
    let ny = Phone::parse_in("212.555.0147", us).unwrap();
    assert_eq!(ny.shown_in(us), "(212) 555-0147");
    assert_eq!(ny.shown_in(Country::VIETNAM), "+12125550147");
    let hn = Phone::parse("0912345678").unwrap();
    assert_eq!(hn.shown_in(us), "+84912345678");
    let gb = Country::from_iso("GB").unwrap();
    assert_eq!(
        Phone::parse_in("020 7946 0018", gb).unwrap().shown_in(gb),
        "02079460018"
    );
}

#[test]
fn a_stored_number_is_checked_against_its_raw_text() {
    assert!(Phone::parse("0912 345 678").unwrap().is_consistent());
    let us = Country::from_iso("US").unwrap();
    assert!(
        Phone::parse_in("(212) 555-0147", us)
            .unwrap()
            .is_consistent()
    );
    let forged: Phone =
        serde_json::from_str(r#"{"raw":"0912 345 678","e164":"+84987654321"}"#).unwrap();
    assert!(!forged.is_consistent());
}

#[test]
fn raw_form_is_kept_as_typed() {
    let p = Phone::parse("  p:+84 912 345 678 ").unwrap();
    assert_eq!(p.raw(), "p:+84 912 345 678");
}

fn email(input: &str, expected: Result<&str, EmailError>) {
    let got = Email::parse(input).map(|e| e.as_str().to_owned());
    assert_eq!(got, expected.map(str::to_owned), "input {input:?}");
}

#[test]
fn e_mail_addresses() {
    email("an@Example.COM", Ok("an@example.com"));
    email(
        " lan.nguyen+ads@sub.example.vn ",
        Ok("lan.nguyen+ads@sub.example.vn"),
    );
    email("", Err(EmailError::Empty));
    email("an example.com", Err(EmailError::Whitespace));
    email("an.example.com", Err(EmailError::NoSingleAt));
    email("a@b@c.com", Err(EmailError::NoSingleAt));
    email("@example.com", Err(EmailError::BadLocalPart));
    email("an@localhost", Err(EmailError::BadDomain));
    email("an@example.c", Err(EmailError::BadDomain));
    email("an@-x.com", Err(EmailError::BadDomain));
    email("an@x..com", Err(EmailError::BadDomain));
}

fn named(cell: &str, expected: Option<&str>) {
    assert_eq!(
        Country::named(cell).map(Country::iso),
        expected,
        "country cell {cell:?}"
    );
}

#[test]
fn a_country_cell_is_read_by_code_name_or_calling_code() {
    named("VN", Some("VN"));
    named("vn", Some("VN"));
    named("VNM", Some("VN"));
    named("Vietnam", Some("VN"));
    named("Viet Nam", Some("VN"));
    named("Việt Nam", Some("VN"));
    named("  VIỆT NAM ", Some("VN"));
    named("United States", Some("US"));
    named("United States of America", Some("US"));
    named("USA", Some("US"));
    named("U.S.A.", Some("US"));
    named("US", Some("US"));
    named("Mỹ", Some("US"));
    named("Hoa Kỳ", Some("US"));
    named("Canada", Some("US"));
    named("CA", Some("US"));
    named("MY", Some("MY"));
    named("Malaysia", Some("MY"));
    named("UK", Some("GB"));
    named("United Kingdom", Some("GB"));
    named("England", Some("GB"));
    named("Korea, Republic of", Some("KR"));
    named("South Korea", Some("KR"));
    named("Hàn Quốc", Some("KR"));
    named("Nhật Bản", Some("JP"));
    named("Úc", Some("AU"));
    named("Singapore", Some("SG"));
    named("Thái Lan", Some("TH"));
    named("Campuchia", Some("KH"));
    named("+84", Some("VN"));
    named("+1", Some("US"));
    named("+ 44", Some("GB"));
    named("+999", None);
    named("+", None);
    named("84", None);
    named("Brazil", None);
    named("XX", None);
    named("", None);
    named(" - ", None);
}
