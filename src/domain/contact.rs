//! Contact data: phone numbers normalised to E.164 and validated e-mail addresses.
//!
//! Phone rules (default region Vietnam, the first market):
//! - Separators people type are ignored: spaces, `.`, `-`, `(`, `)`, `/`, no-break spaces.
//! - Meta Lead Ads prefixes numbers with `p:`; it is dropped.
//! - `+CC…` and `00CC…` are international; anything else is Vietnamese:
//!   `0912…` (trunk prefix 0), `84912…` (country code without `+`) and `912…`
//!   (a spreadsheet that dropped the leading zero) all mean `+84912…`.
//! - A Vietnamese number has 9 digits after `+84` (mobile, first digit 3/5/7/8/9)
//!   or 10 digits (landline, first digit 2). Other countries: 7 to 15 digits in
//!   all, the E.164 limits.
//!
//! The full `phonenumber` crate (libphonenumber metadata plus `regex`) was
//! weighed and left out: it would be the largest part of the wasm bundle for a
//! check these few rules make for the numbers this app meets.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A phone number: what the person typed, and its E.164 form used for matching.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Phone {
    raw: String,
    e164: String,
}

/// Why a phone number was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// Nothing but separators.
    Empty,
    /// A character that is neither a digit nor a separator.
    InvalidCharacter(char),
    /// Fewer digits than any valid number of that country has.
    TooShort,
    /// More digits than any valid number of that country has.
    TooLong,
    /// A Vietnamese number whose first digit after the trunk prefix is not a known range.
    UnknownVietnameseRange,
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhoneError::Empty => f.write_str("the phone number is empty"),
            PhoneError::InvalidCharacter(c) => {
                write!(f, "the phone number contains '{c}', which is not a digit")
            }
            PhoneError::TooShort => f.write_str("the phone number is too short"),
            PhoneError::TooLong => f.write_str("the phone number is too long"),
            PhoneError::UnknownVietnameseRange => f.write_str(
                "a Vietnamese number starts with 03, 05, 07, 08, 09 (mobile) or 02 (landline)",
            ),
        }
    }
}

impl std::error::Error for PhoneError {}

impl Phone {
    /// Parses and normalises a phone number as typed or exported.
    pub fn parse(raw: &str) -> Result<Phone, PhoneError> {
        let trimmed = raw.trim();
        let body = trimmed.strip_prefix("p:").unwrap_or(trimmed);
        let mut digits = String::with_capacity(body.len());
        let mut plus = false;
        for (i, c) in body.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => plus = true,
                ' ' | '.' | '-' | '(' | ')' | '/' | '\u{a0}' | '\t' => {}
                other => return Err(PhoneError::InvalidCharacter(other)),
            }
        }
        if digits.is_empty() {
            return Err(PhoneError::Empty);
        }
        let international = if plus {
            Some(digits.as_str())
        } else {
            digits.strip_prefix("00")
        };
        let e164 = match international {
            Some(rest) => match rest.strip_prefix("84") {
                Some(national) => vietnamese(national)?,
                None => other_country(rest)?,
            },
            None => {
                let national = if let Some(n) = digits.strip_prefix('0') {
                    n
                } else if digits.len() >= 11 {
                    digits.strip_prefix("84").unwrap_or(&digits)
                } else {
                    &digits
                };
                vietnamese(national)?
            }
        };
        Ok(Phone {
            raw: trimmed.to_owned(),
            e164,
        })
    }

    /// The number as it was typed (trimmed).
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The normalised `+CC…` form; two numbers are the same when these are equal.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// A Vietnamese number the way people write it at home: mobiles
    /// `0912 345 678`, landlines `024 3826 4567`. None for other countries.
    pub fn national(&self) -> Option<String> {
        let n = self.e164.strip_prefix("+84")?;
        let (a, rest) = n.split_at(if n.len() == 10 { 2 } else { 3 });
        let (b, c) = rest.split_at(rest.len() - if n.len() == 10 { 4 } else { 3 });
        Some(format!("0{a} {b} {c}"))
    }

    /// How the number is shown: national for Vietnam, `+CC…` otherwise.
    pub fn shown(&self) -> String {
        self.national().unwrap_or_else(|| self.e164.clone())
    }

    /// The `tel:` link that dials it.
    pub fn tel_href(&self) -> String {
        format!("tel:{}", self.e164)
    }

    /// The Zalo chat with this number (Zalo addresses Vietnamese numbers
    /// in their national form); None for other countries.
    pub fn zalo_href(&self) -> Option<String> {
        let n = self.e164.strip_prefix("+84")?;
        Some(format!("https://zalo.me/0{n}"))
    }
}

fn vietnamese(national: &str) -> Result<String, PhoneError> {
    if national.len() < 9 {
        return Err(PhoneError::TooShort);
    }
    let expected = match national.as_bytes()[0] {
        b'3' | b'5' | b'7' | b'8' | b'9' => 9,
        b'2' => 10,
        _ => return Err(PhoneError::UnknownVietnameseRange),
    };
    match national.len().cmp(&expected) {
        std::cmp::Ordering::Less => Err(PhoneError::TooShort),
        std::cmp::Ordering::Greater => Err(PhoneError::TooLong),
        std::cmp::Ordering::Equal => Ok(format!("+84{national}")),
    }
}

fn other_country(digits: &str) -> Result<String, PhoneError> {
    match digits.len() {
        0..=6 => Err(PhoneError::TooShort),
        7..=15 => Ok(format!("+{digits}")),
        _ => Err(PhoneError::TooLong),
    }
}

/// A syntactically valid e-mail address, trimmed, domain lower-cased.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

/// Why an e-mail address was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailError {
    /// Nothing typed.
    Empty,
    /// Not exactly one `@`.
    NoSingleAt,
    /// Nothing before the `@`, or more than 64 characters there.
    BadLocalPart,
    /// The domain is not `name.tld` made of letters, digits and hyphens.
    BadDomain,
    /// Spaces or control characters.
    Whitespace,
}

impl fmt::Display for EmailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EmailError::Empty => "the e-mail address is empty",
            EmailError::NoSingleAt => "an e-mail address has exactly one '@'",
            EmailError::BadLocalPart => "the part before '@' is empty or too long",
            EmailError::BadDomain => "the part after '@' is not a domain such as example.com",
            EmailError::Whitespace => "an e-mail address cannot contain spaces",
        })
    }
}

impl std::error::Error for EmailError {}

impl Email {
    /// Validates an address; the domain is lower-cased, the local part kept as typed.
    pub fn parse(raw: &str) -> Result<Email, EmailError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EmailError::Whitespace);
        }
        let (local, domain) = match s.split_once('@') {
            Some((l, d)) if !d.contains('@') => (l, d),
            _ => return Err(EmailError::NoSingleAt),
        };
        if local.is_empty() || local.len() > 64 {
            return Err(EmailError::BadLocalPart);
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let label_ok = |l: &&str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        };
        let tld_ok = labels
            .last()
            .is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
        if labels.len() < 2 || !labels.iter().all(label_ok) || !tld_ok {
            return Err(EmailError::BadDomain);
        }
        Ok(Email(format!("{local}@{}", domain.to_lowercase())))
    }

    /// The address as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
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
}
