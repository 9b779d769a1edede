//! CSV import from the exports people already have.
//!
//! [`preview`] reads the bytes, detects the encoding (UTF-8 with or without a
//! BOM; UTF-16 LE/BE with a BOM, as Meta Lead Ads exports are) and the
//! delimiter (comma, semicolon or tab), recognises a known export from its
//! header ([`Preset`]), maps columns to lead fields by their names (or uses the
//! caller's [`Mapping`]), and turns every row into either a lead candidate or
//! a list of cell errors (row number, column, value, reason). Unmapped columns
//! become custom fields. Nothing is written: the caller shows the preview,
//! marks duplicates with [`ImportPreview::mark_duplicates`] (same normalised
//! phone or e-mail, in the workspace or earlier in the file), lets the person
//! choose, and then builds leads with [`ImportPreview::leads`].
//!
//! Rules: rows whose cells are all empty are skipped; `first name` + `last
//! name` make the name when there is no full-name column; a missing source is
//! the preset's (Meta: Facebook, or Instagram when `platform` is `ig`); a
//! `created` time without offset is read in the mapping's timezone; a `'`
//! guarding a formula character (see `csv_export`) is removed.
//!
//! Countries: a phone written without `+` is read in its row's own country
//! when a country column names one ([`Country::named`]; of several country
//! columns, the first that names a known country), else in the file's
//! country ([`Mapping::country`]: the workspace's unless the person chose
//! another). An empty or unknown country cell falls back to the file's, and
//! [`ImportPreview::countries`] lists every value with what it was read as,
//! so the wizard can say so. The country cell itself is kept as a custom
//! field under its header.
//!
//! Owners: see `owner` (an owner that is an id of the other system is
//! never made into a rep). An owner that ends up as nobody is kept as text
//! in the custom field [`OWNER_KEPT`].
//!
//! Amounts: a value is in VND (`15.000.000 ₫`, `15,000,000`, `15000000
//! VND`, `2500.00`: a last group of one or two digits after a separator is
//! a decimal part, which must be zero). When a currency column gives
//! another currency for the row (Pipedrive's `Lead - Currency of Value`),
//! the value is not taken as VND: it is kept as text, with its currency, in
//! a custom field named after its column.

use crate::domain::contact::{Country, Email, Phone};
use crate::domain::lead::{
    Closure, Csat, Field, FieldProblem, Lead, LeadDraft, LeadId, LossKind, Priority,
};
use crate::domain::pipeline::Pipeline;
use crate::domain::rep::RepId;
use crate::domain::zone::Zone;
use crate::io::csv_export::restore;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

mod build;
mod cell;
mod columns;
mod error;
mod owner;
mod row;
mod status;
mod text;

pub use cell::{CellError, CellProblem};
use columns::{detect_preset, target_for};
pub use error::{ImportError, NotCsv};
pub use owner::{OwnerId, OwnerValue, new_rep_names, owner_id, rep_named};
use row::read_row;
pub use status::{StatusTarget, guess as guess_status};
use text::{decode, not_csv, sniff_delimiter};

/// How the bytes were decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Encoding {
    /// UTF-8 without a BOM.
    Utf8,
    /// UTF-8 with a BOM (Excel "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian with a BOM (Meta Lead Ads).
    Utf16Le,
    /// UTF-16 big-endian with a BOM.
    Utf16Be,
}

/// A known export, recognised from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Preset {
    /// Facebook/Instagram Lead Ads.
    MetaLeadAds,
    /// HubSpot contacts.
    HubSpot,
    /// Pipedrive leads or persons.
    Pipedrive,
    /// Zoho CRM leads.
    Zoho,
    /// Salesforce leads.
    Salesforce,
}

/// A lead field a column can fill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Target {
    /// Full name.
    Name,
    /// First (given) name.
    FirstName,
    /// Last (family) name.
    LastName,
    /// Phone.
    Phone,
    /// E-mail.
    Email,
    /// Source.
    Source,
    /// Campaign.
    Campaign,
    /// Creation time.
    Created,
    /// Status or stage in the other system (mapped to a stage or a closure).
    Status,
    /// Owner, by name (mapped to a rep).
    Owner,
    /// Company, kept as the custom field `Company`.
    Company,
    /// Priority (low, normal, high, urgent; in English or Vietnamese).
    Priority,
    /// Expected deal value in VND.
    Value,
    /// Closed as lost or junk (our own export's `Closed as`).
    ClosedAs,
    /// Why it was closed (our own export's `Reason`).
    Reason,
    /// Satisfaction score, 1 to 5.
    Csat,
    /// The row's country, for its phone numbers (also kept verbatim as a
    /// custom field under its header).
    Country,
    /// The currency of the row's value (a value in another currency than
    /// VND is kept as text, not as the deal value).
    Currency,
    /// Kept verbatim under this name.
    Custom(String),
}

/// Which column fills which field, plus the timezone for times without
/// offset and the country of phone numbers without `+`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mapping {
    /// One target per column, in column order.
    pub columns: Vec<Target>,
    /// For `created` values without an offset.
    pub timezone: Zone,
    /// For phone numbers written without `+`.
    #[serde(skip)]
    pub country: Country,
}

/// The workspace's defaults a file is read with: its timezone (times
/// without an offset) and its country (numbers without `+`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Home {
    /// The workspace calendar's timezone.
    pub timezone: Zone,
    /// The workspace's country.
    pub country: Country,
}

impl Home {
    /// The defaults of a workspace with these settings.
    pub fn of(settings: &crate::domain::workspace::Settings) -> Home {
        Home {
            timezone: settings.calendar.tz(),
            country: settings.country,
        }
    }
}

impl Default for Home {
    fn default() -> Self {
        Home {
            timezone: crate::domain::zone::Zone::ho_chi_minh(),
            country: Country::VIETNAM,
        }
    }
}

/// The custom field a phone that could not be understood is kept in.
pub const PHONE_KEPT: &str = "Phone (not understood)";
/// The custom field noting a pre-2018 Vietnamese number that was converted.
pub const OLD_NUMBER: &str = "Old number (before 2018)";
/// The custom field a company is kept in.
pub const COMPANY: &str = "Company";
/// The custom field an owner that became nobody (an id of the other
/// system, or a name the person did not add as a rep) is kept in.
pub const OWNER_KEPT: &str = "Owner in the file";

/// An earlier record with the same phone or e-mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Duplicate {
    /// A lead already in the workspace.
    Workspace(LeadId),
    /// An earlier row of this file.
    Row(usize),
}

/// A row that can become a lead.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    /// Name, phone, e-mail, source.
    #[serde(skip)]
    pub draft: LeadDraft,
    /// Normalised phone, for matching.
    pub phone: Option<String>,
    /// Normalised e-mail, for matching.
    pub email: Option<String>,
    /// Campaign (may be empty).
    pub campaign: String,
    /// Creation time from the file, if any.
    pub created: Option<DateTime<Utc>>,
    /// Status in the other system, as written.
    pub status: Option<String>,
    /// Owner's name, as written.
    pub owner: Option<String>,
    /// Priority, when the file gives one.
    pub priority: Option<Priority>,
    /// Deal value in VND, when given.
    pub value: Option<u64>,
    /// Closed as lost or junk, when the file says so.
    pub closed_as: Option<LossKind>,
    /// Why it was closed, when given.
    pub reason: Option<String>,
    /// Satisfaction score, when given.
    #[serde(skip)]
    pub csat: Option<Csat>,
    /// A phone that could not be understood in a row that has an e-mail:
    /// the lead is imported without it, the text kept in [`PHONE_KEPT`].
    pub phone_kept: Option<CellError>,
    /// Unmapped columns.
    pub custom: BTreeMap<String, String>,
    /// Set by [`ImportPreview::mark_duplicates`].
    pub duplicate: Option<Duplicate>,
}

/// What a row became.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum RowOutcome {
    /// A valid lead.
    Lead(Box<Candidate>),
    /// Problems, one per cell.
    Errors(Vec<CellError>),
}

/// Everything the person sees before deciding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportPreview {
    /// Detected encoding.
    pub encoding: Encoding,
    /// Detected delimiter.
    pub delimiter: char,
    /// Recognised export, if any.
    pub preset: Option<Preset>,
    /// The header row.
    pub headers: Vec<String>,
    /// The mapping used.
    pub mapping: Mapping,
    /// `(row number, outcome)` for every non-empty data row.
    pub rows: Vec<(usize, RowOutcome)>,
    /// Every value of the file's country column(s), in order of first
    /// appearance, with what its rows' numbers were read as.
    pub countries: Vec<CountryValue>,
}

/// One value of the file's country column (every row, candidate or not).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountryValue {
    /// As written.
    pub value: String,
    /// How many rows hold it.
    pub rows: usize,
    /// The country it names, or None: not known, the rows' numbers read in
    /// the file's country.
    pub country: Option<Country>,
}

/// What the person chose in the wizard: each status value's meaning, and
/// each owner name's rep.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choices {
    /// Status value (as written) → stage or closure.
    pub statuses: BTreeMap<String, StatusTarget>,
    /// Owner name (as written) → rep.
    pub owners: BTreeMap<String, RepId>,
}

/// What to do with a candidate that duplicates an earlier record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDuplicate {
    /// Leave it out.
    Skip,
    /// Import it as a separate lead anyway.
    ImportAnyway,
    /// Fill the matching workspace lead's empty fields from it (see
    /// [`ImportPreview::merged`]); a duplicate of an earlier row is left out.
    Merge,
}

/// Reads a CSV file into a preview (see the module docs). `mapping` replaces
/// the detected one; it must have one target per column.
pub fn preview(
    bytes: &[u8],
    mapping: Option<&Mapping>,
    home: Home,
) -> Result<ImportPreview, ImportError> {
    if let Some(kind) = not_csv(bytes) {
        return Err(ImportError::NotCsv(kind));
    }
    let (text, encoding) = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let malformed = |e: csv::Error| ImportError::Malformed {
        line: e.position().map_or(0, |p| p.line()),
        message: e.to_string(),
    };
    let headers: Vec<String> = reader
        .headers()
        .map_err(malformed)?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(ImportError::Empty);
    }
    let preset = detect_preset(&headers);
    let mapping = match mapping {
        Some(m) if m.columns.len() != headers.len() => {
            return Err(ImportError::MappingMismatch {
                file: headers.len(),
                mapping: m.columns.len(),
            });
        }
        Some(m) => m.clone(),
        None => Mapping {
            columns: headers.iter().map(|h| target_for(h)).collect(),
            timezone: home.timezone,
            country: home.country,
        },
    };
    let pipeline = Pipeline::default();
    let mut rows = Vec::new();
    let mut countries: Vec<CountryValue> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(malformed)?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = i + 1;
        let (outcome, country) = read_row(row, &record, &headers, &mapping, preset, &pipeline);
        if let Some((value, country)) = country {
            match countries.iter_mut().find(|c| c.value == value) {
                Some(c) => c.rows += 1,
                None => countries.push(CountryValue {
                    value,
                    rows: 1,
                    country,
                }),
            }
        }
        rows.push((row, outcome));
    }
    Ok(ImportPreview {
        encoding,
        delimiter: char::from(delimiter),
        preset,
        headers,
        mapping,
        rows,
        countries,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod exports_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod rules_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
