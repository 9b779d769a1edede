//! Countries as telephone numbering knows them: calling code, how many
//! digits a national number has, and whether it is written at home with a
//! trunk `0`. A short table of the countries a Vietnamese team meets (its
//! neighbours, its trading partners, the CRMs' home markets); a number from
//! any other country is checked against the E.164 limits only (7 to 15
//! digits with its code).
//!
//! The lengths are the national significant numbers (after the trunk `0`)
//! of the ITU-T E.164 national numbering plans, mobile and fixed together.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One country's numbering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Numbering {
    /// ISO 3166-1 alpha-2 code.
    pub iso: &'static str,
    /// Calling code, without `+`.
    pub code: &'static str,
    /// Fewest and most national digits (after any trunk `0`).
    pub digits: (usize, usize),
    /// Written at home with a leading `0` (trunk prefix).
    pub trunk: bool,
    /// English name.
    pub en: &'static str,
    /// Vietnamese name.
    pub vi: &'static str,
}

/// The countries this app knows, Vietnam first.
pub const NUMBERINGS: &[Numbering] = &[
    n("VN", "84", (9, 10), true, "Vietnam", "Việt Nam"),
    n(
        "US",
        "1",
        (10, 10),
        false,
        "United States / Canada",
        "Hoa Kỳ / Canada",
    ),
    n(
        "GB",
        "44",
        (9, 10),
        true,
        "United Kingdom",
        "Vương quốc Anh",
    ),
    n("AU", "61", (9, 9), true, "Australia", "Úc"),
    n("SG", "65", (8, 8), false, "Singapore", "Singapore"),
    n("TH", "66", (8, 9), true, "Thailand", "Thái Lan"),
    n("MY", "60", (8, 10), true, "Malaysia", "Malaysia"),
    n("ID", "62", (8, 12), true, "Indonesia", "Indonesia"),
    n("PH", "63", (8, 10), true, "Philippines", "Philippines"),
    n("KH", "855", (8, 9), true, "Cambodia", "Campuchia"),
    n("LA", "856", (8, 10), true, "Laos", "Lào"),
    n("CN", "86", (10, 11), true, "China", "Trung Quốc"),
    n("HK", "852", (8, 8), false, "Hong Kong", "Hồng Kông"),
    n("TW", "886", (8, 9), true, "Taiwan", "Đài Loan"),
    n("JP", "81", (9, 10), true, "Japan", "Nhật Bản"),
    n("KR", "82", (8, 10), true, "South Korea", "Hàn Quốc"),
    n("IN", "91", (10, 10), true, "India", "Ấn Độ"),
    n("AE", "971", (8, 9), true, "United Arab Emirates", "UAE"),
    n("FR", "33", (9, 9), true, "France", "Pháp"),
    n("DE", "49", (7, 12), true, "Germany", "Đức"),
    n("RU", "7", (10, 10), false, "Russia", "Nga"),
];

const fn n(
    iso: &'static str,
    code: &'static str,
    digits: (usize, usize),
    trunk: bool,
    en: &'static str,
    vi: &'static str,
) -> Numbering {
    Numbering {
        iso,
        code,
        digits,
        trunk,
        en,
        vi,
    }
}

/// The country a workspace assumes for numbers written without `+`
/// (stored as its ISO code; Vietnam unless the team chose another).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Country(&'static Numbering);

impl Country {
    /// Vietnam, the default.
    pub const VIETNAM: Country = Country(&NUMBERINGS[0]);

    /// The country of an ISO code this app knows.
    pub fn from_iso(iso: &str) -> Option<Country> {
        NUMBERINGS
            .iter()
            .find(|n| n.iso.eq_ignore_ascii_case(iso.trim()))
            .map(Country)
    }

    /// The known country whose calling code begins `digits` (the longest
    /// code that matches), with the rest of the digits.
    pub fn by_calling_code(digits: &str) -> Option<(Country, &str)> {
        NUMBERINGS
            .iter()
            .filter(|n| digits.starts_with(n.code))
            .max_by_key(|n| n.code.len())
            .map(|n| (Country(n), &digits[n.code.len()..]))
    }

    /// Every country this app knows, Vietnam first.
    pub fn all() -> impl Iterator<Item = Country> {
        NUMBERINGS.iter().map(Country)
    }

    /// Its numbering.
    pub fn numbering(self) -> &'static Numbering {
        self.0
    }

    /// ISO 3166-1 alpha-2 code.
    pub fn iso(self) -> &'static str {
        self.0.iso
    }

    /// Calling code, without `+`.
    pub fn code(self) -> &'static str {
        self.0.code
    }
}

impl Default for Country {
    fn default() -> Self {
        Country::VIETNAM
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.en)
    }
}

impl Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.iso)
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let iso = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Country::from_iso(&iso).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "unknown country {iso:?}: expected an ISO code such as \"VN\" or \"US\""
            ))
        })
    }
}

/// The 2018 renumbering of Vietnam's 11-digit mobile numbers: the old
/// three-digit prefix (after the trunk `0`) and the new two-digit one.
const VIETNAM_2018: [(&str, &str); 21] = [
    ("162", "32"),
    ("163", "33"),
    ("164", "34"),
    ("165", "35"),
    ("166", "36"),
    ("167", "37"),
    ("168", "38"),
    ("169", "39"),
    ("120", "70"),
    ("121", "79"),
    ("122", "77"),
    ("126", "76"),
    ("128", "78"),
    ("123", "83"),
    ("124", "84"),
    ("125", "85"),
    ("127", "81"),
    ("129", "82"),
    ("186", "56"),
    ("188", "58"),
    ("199", "59"),
];

/// The number a pre-2018 11-digit Vietnamese mobile number became: the
/// national digits `1XX…` (ten of them) with the new prefix. None when
/// `national` is not such a number.
pub fn vietnam_2018(national: &str) -> Option<String> {
    if national.len() != 10 {
        return None;
    }
    VIETNAM_2018
        .iter()
        .find(|(old, _)| national.starts_with(old))
        .map(|(old, new)| format!("{new}{}", &national[old.len()..]))
}
