//! Countries as telephone numbering knows them: calling code, how many
//! digits a national number has, and whether it is written at home with a
//! trunk `0`. A short table of the countries a Vietnamese team meets (its
//! neighbours, its trading partners, the CRMs' home markets); a number from
//! any other country is checked against the E.164 limits only (7 to 15
//! digits with its code).
//!
//! The lengths are the national significant numbers (after the trunk `0`)
//! of the ITU-T E.164 national numbering plans, mobile and fixed together.
//!
//! A country cell of an imported file is read by [`Country::named`]: codes,
//! English and Vietnamese names and common other names of these countries;
//! anything else is no country (the import then reads the row's numbers in
//! the file's country and says so).

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

    /// The country a file's country cell names: an ISO 3166-1 alpha-2 or
    /// alpha-3 code,
    /// its English or Vietnamese name (accents, case, dots and spacing
    /// aside), a common other name (`USA`, `UK`, `Korea`, `Mỹ`, `Hàn
    /// Quốc`…), or `+` and its calling code. Canada is read as the North
    /// American plan it shares with the United States. None for anything
    /// else, including a country this app has no numbering for.
    pub fn named(value: &str) -> Option<Country> {
        let raw = value.trim();
        if let Some(code) = raw.strip_prefix('+') {
            let code = code.trim();
            return NUMBERINGS
                .iter()
                .find(|n| !code.is_empty() && n.code == code)
                .map(Country);
        }
        // Two ASCII letters are an ISO code ("MY" is Malaysia; "Mỹ", with
        // its accent, is the United States).
        if raw.len() == 2 && raw.chars().all(|c| c.is_ascii_alphabetic()) {
            return Country::from_iso(raw).or_else(|| {
                ALIASES
                    .iter()
                    .find(|(a, _)| a.eq_ignore_ascii_case(raw))
                    .and_then(|(_, iso)| Country::from_iso(iso))
            });
        }
        let key = name_key(raw);
        if key.is_empty() {
            return None;
        }
        let by_name = NUMBERINGS.iter().find(|n| {
            [n.en, n.vi]
                .iter()
                .flat_map(|name| name.split('/'))
                .any(|name| name_key(name) == key)
        });
        by_name.map(Country).or_else(|| {
            ALIASES
                .iter()
                .find(|(a, _)| *a == key)
                .and_then(|(_, iso)| Country::from_iso(iso))
        })
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

/// A country name folded for comparison: lower case, Vietnamese accents
/// and `đ` removed, anything but letters and digits a space, spaces single.
fn name_key(name: &str) -> String {
    let folded: String = crate::domain::search::fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Other ways files name the countries of [`NUMBERINGS`] (folded as
/// `name_key` folds them), with their ISO code: alpha-3 codes, short and
/// long forms, Vietnamese names without accents. Canada shares `+1`.
const ALIASES: &[(&str, &str)] = &[
    ("vnm", "VN"),
    ("viet nam", "VN"),
    ("socialist republic of vietnam", "VN"),
    ("usa", "US"),
    ("u s", "US"),
    ("u s a", "US"),
    ("united states", "US"),
    ("united states of america", "US"),
    ("america", "US"),
    ("my", "US"),
    ("hoa ky", "US"),
    ("ca", "US"),
    ("can", "US"),
    ("canada", "US"),
    ("gbr", "GB"),
    ("uk", "GB"),
    ("u k", "GB"),
    ("great britain", "GB"),
    ("britain", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("anh", "GB"),
    ("aus", "AU"),
    ("sgp", "SG"),
    ("tha", "TH"),
    ("mys", "MY"),
    ("idn", "ID"),
    ("phl", "PH"),
    ("khm", "KH"),
    ("cambodia", "KH"),
    ("kampuchea", "KH"),
    ("lao", "LA"),
    ("lao pdr", "LA"),
    ("chn", "CN"),
    ("prc", "CN"),
    ("people s republic of china", "CN"),
    ("hkg", "HK"),
    ("hong kong sar", "HK"),
    ("hongkong", "HK"),
    ("twn", "TW"),
    ("jpn", "JP"),
    ("nhat", "JP"),
    ("kor", "KR"),
    ("korea", "KR"),
    ("republic of korea", "KR"),
    ("korea republic of", "KR"),
    ("korea south", "KR"),
    ("south korea", "KR"),
    ("han quoc", "KR"),
    ("ind", "IN"),
    ("are", "AE"),
    ("uae", "AE"),
    ("u a e", "AE"),
    ("emirates", "AE"),
    ("united arab emirates", "AE"),
    ("fra", "FR"),
    ("deu", "DE"),
    ("deutschland", "DE"),
    ("rus", "RU"),
    ("russian federation", "RU"),
];

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
