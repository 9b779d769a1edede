//! Contact data: phone numbers normalised to E.164 and validated e-mail addresses.
//!
//! Phone rules (default region Vietnam, the first market):
//! - Separators people type are ignored: spaces, `.`, `-`, `(`, `)`, `/`, no-break spaces.
//! - Meta Lead Ads prefixes numbers with `p:`; it is dropped.
//! - `+CC…` and `00CC…` are international; anything else is a number of the
//!   *home* country (the workspace's default country, Vietnam unless the
//!   team chose another; [`Country`]): for Vietnam `0912…` (trunk prefix 0),
//!   `84912…` (country code without `+`) and `912…` (a spreadsheet that
//!   dropped the leading zero) all mean `+84912…`.
//! - A Vietnamese number has 9 digits after `+84` (mobile, first digit 3/5/7/8/9)
//!   or 10 digits (landline, first digit 2). A pre-2018 11-digit mobile number
//!   (`0162…`, `0120…`, `0186…`…) is converted to today's (`032…`, `070…`,
//!   `056…`), and [`Phone::renumbered`] says so. Other known countries: the
//!   national lengths of their numbering plan (a `+1` number has 10 digits);
//!   unknown calling codes: 7 to 15 digits in all, the E.164 limits.
//!
//! The full `phonenumber` crate (libphonenumber metadata plus `regex`) was
//! weighed and left out: it would be the largest part of the wasm bundle for a
//! check these few rules make for the numbers this app meets.

mod country;

pub use country::{Country, NUMBERINGS, Numbering, vietnam_2018};
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
    /// A number of the North American plan (`+1`) whose area code starts
    /// with 0 or 1, which none does.
    NoSuchAreaCode,
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
            PhoneError::NoSuchAreaCode => {
                f.write_str("a +1 (US/Canada) number's area code starts with 2 to 9")
            }
        }
    }
}

impl std::error::Error for PhoneError {}

impl Phone {
    /// Parses and normalises a phone number as typed or exported, reading
    /// a number written without `+` as Vietnamese.
    pub fn parse(raw: &str) -> Result<Phone, PhoneError> {
        Phone::parse_in(raw, Country::VIETNAM)
    }

    /// Parses and normalises a phone number, reading a number written
    /// without `+` (or `00`) as a number of `home` (the workspace's, or an
    /// import's, default country).
    pub fn parse_in(raw: &str, home: Country) -> Result<Phone, PhoneError> {
        let trimmed = raw.trim();
        let (plus, digits) = digits_of(trimmed)?;
        let international = if plus {
            Some(digits.as_str())
        } else {
            digits.strip_prefix("00")
        };
        let e164 = match international {
            Some(rest) => match Country::by_calling_code(rest) {
                Some((country, national)) => in_country(country, national, true)?,
                None => other_country(rest)?,
            },
            None => in_country(home, &digits, false)?,
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

    /// Its country, when this app knows its calling code.
    pub fn country(&self) -> Option<Country> {
        Country::by_calling_code(&self.e164[1..]).map(|(c, _)| c)
    }

    /// True when it was written as a pre-2018 11-digit Vietnamese mobile
    /// number (`0162 …`) and converted to today's (`032 …`).
    pub fn renumbered(&self) -> bool {
        if !self.e164.starts_with("+84") {
            return false;
        }
        let digits: String = self.raw.chars().filter(char::is_ascii_digit).collect();
        digits.len() >= 10 && vietnam_2018(&digits[digits.len() - 10..]).is_some()
    }

    /// A Vietnamese number the way people write it at home: mobiles
    /// `0912 345 678`, landlines `024 3826 4567`. None for other countries.
    pub fn national(&self) -> Option<String> {
        let n = self.e164.strip_prefix("+84")?;
        let (a, rest) = n.split_at(if n.len() == 10 { 2 } else { 3 });
        let (b, c) = rest.split_at(rest.len() - if n.len() == 10 { 4 } else { 3 });
        Some(format!("0{a} {b} {c}"))
    }

    /// How the number is shown to a team whose numbers are Vietnamese:
    /// national for Vietnam, `+CC…` otherwise.
    pub fn shown(&self) -> String {
        self.shown_in(Country::VIETNAM)
    }

    /// How the number is shown to a team in `home`: its national form for
    /// a number of that country (`0912 345 678`, `(212) 555-0147`, `020…`),
    /// `+CC…` for any other.
    pub fn shown_in(&self, home: Country) -> String {
        match self.country() {
            Some(c) if c == home && c == Country::VIETNAM => {
                self.national().unwrap_or_else(|| self.e164.clone())
            }
            Some(c) if c == home => {
                let national = &self.e164[1 + c.code().len()..];
                match (c.code(), national.len()) {
                    ("1", 10) => format!(
                        "({}) {}-{}",
                        &national[..3],
                        &national[3..6],
                        &national[6..]
                    ),
                    _ if c.numbering().trunk => format!("0{national}"),
                    _ => national.to_owned(),
                }
            }
            _ => self.e164.clone(),
        }
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

    /// True when its E.164 form is the number its raw text says (a check
    /// for records read from outside): the text reads as it in its own
    /// country or in Vietnam, or — for a number stored under older, looser
    /// rules — its digits (less leading zeros) end its E.164 digits.
    pub fn is_consistent(&self) -> bool {
        let home = self.country().unwrap_or(Country::VIETNAM);
        let reads_as_it = [home, Country::VIETNAM]
            .into_iter()
            .any(|c| Phone::parse_in(&self.raw, c).is_ok_and(|p| p.e164 == self.e164));
        let digits = digits_of(&self.raw).map(|(_, d)| d).unwrap_or_default();
        let national = digits.trim_start_matches('0');
        reads_as_it || (national.len() >= 6 && self.e164[1..].ends_with(national))
    }
}

/// The digits of a number as typed, and whether it began with `+`.
fn digits_of(trimmed: &str) -> Result<(bool, String), PhoneError> {
    let body = trimmed.strip_prefix("p:").unwrap_or(trimmed);
    let mut digits = String::with_capacity(body.len());
    let mut plus = false;
    for (i, c) in body.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            // `+84…`, or `(+1) 212…` as a spreadsheet export writes it.
            '+' if body.chars().take(i).all(|c| c == '(' || c == ' ') => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '/' | '\u{a0}' | '\t' => {}
            other => return Err(PhoneError::InvalidCharacter(other)),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    Ok((plus, digits))
}

/// The E.164 form of `digits` written in `country`: after its calling code
/// (`after_code`), or at home — with the trunk `0`, with the calling code
/// but no `+` (`84912…`, `1 212…`), or with a leading `0` a spreadsheet
/// dropped (`912…`).
fn in_country(country: Country, digits: &str, after_code: bool) -> Result<String, PhoneError> {
    let n = country.numbering();
    let national =
        if n.trunk && digits.starts_with('0') && (!after_code || digits.len() > n.digits.0) {
            // At home, or "+44 (0)20 …" with the trunk 0 kept after the code.
            &digits[1..]
        } else if !after_code && digits.len() > n.digits.1 && digits.starts_with(n.code) {
            &digits[n.code.len()..]
        } else {
            digits
        };
    if country == Country::VIETNAM {
        return vietnamese(national);
    }
    if n.code == "1" && national.len() == 10 && matches!(national.as_bytes()[0], b'0' | b'1') {
        Err(PhoneError::NoSuchAreaCode)
    } else if national.len() < n.digits.0 {
        Err(PhoneError::TooShort)
    } else if national.len() > n.digits.1 {
        Err(PhoneError::TooLong)
    } else {
        Ok(format!("+{}{national}", n.code))
    }
}

fn vietnamese(national: &str) -> Result<String, PhoneError> {
    // A pre-2018 11-digit mobile number becomes today's.
    let renumbered = vietnam_2018(national);
    let national = renumbered.as_deref().unwrap_or(national);
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
mod tests;
