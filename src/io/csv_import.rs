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

use crate::domain::contact::{Country, Email, Phone};
use crate::domain::lead::{Closure, Field, FieldProblem, Lead, LeadDraft, LeadId};
use crate::domain::pipeline::Pipeline;
use crate::domain::rep::RepId;
use crate::io::csv_export::restore;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

mod columns;
mod status;

use columns::{detect_preset, target_for};
pub use status::{StatusTarget, guess as guess_status};

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
    pub timezone: Tz,
    /// For phone numbers written without `+`.
    #[serde(skip)]
    pub country: Country,
}

/// The workspace's defaults a file is read with: its timezone (times
/// without an offset) and its country (numbers without `+`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Home {
    /// The workspace calendar's timezone.
    pub timezone: Tz,
    /// The workspace's country.
    pub country: Country,
}

impl Default for Home {
    fn default() -> Self {
        Home {
            timezone: chrono_tz::Asia::Ho_Chi_Minh,
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

/// Why the file cannot be previewed at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// No bytes, or no header row.
    Empty,
    /// The file is another kind of file (say which, and what to use).
    NotCsv(NotCsv),
    /// The bytes are not text in a supported encoding.
    Encoding {
        /// Byte offset of the problem.
        offset: usize,
    },
    /// The CSV structure is broken (e.g. an unclosed quote).
    Malformed {
        /// 1-based line.
        line: u64,
        /// Parser message.
        message: String,
    },
    /// A given mapping does not match the file's columns.
    MappingMismatch {
        /// Columns in the file.
        file: usize,
        /// Columns in the mapping.
        mapping: usize,
    },
}

/// What a file that is not a CSV looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotCsv {
    /// JSON: a Leadpact backup goes through backup import.
    Json,
    /// An Excel workbook (.xlsx, a zip) or another zip archive.
    Spreadsheet,
    /// An old Excel workbook (.xls).
    OldExcel,
    /// A PDF.
    Pdf,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("The file is empty or has no header row."),
            ImportError::NotCsv(NotCsv::Json) => f.write_str(
                "This is a JSON file, not a CSV. A Leadpact backup is restored with \"Import backup\"; other JSON must be saved as CSV first.",
            ),
            ImportError::NotCsv(NotCsv::Spreadsheet | NotCsv::OldExcel) => f.write_str(
                "This is a spreadsheet workbook, not a CSV. Open it and save it as \"CSV UTF-8\", then choose that file.",
            ),
            ImportError::NotCsv(NotCsv::Pdf) => f.write_str(
                "This is a PDF, not a CSV. Export the leads from their app as CSV.",
            ),
            ImportError::Encoding { offset } => write!(
                f,
                "The file is not UTF-8 or UTF-16 text (byte {offset}). Save it as \"CSV UTF-8\" and try again."
            ),
            ImportError::Malformed { line, message } => write!(f, "line {line}: {message}"),
            ImportError::MappingMismatch { file, mapping } => {
                write!(
                    f,
                    "the file has {file} columns but the mapping has {mapping}"
                )
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// One problem in one cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellError {
    /// 1-based data row (the header is row 0), as a spreadsheet shows it minus one.
    pub row: usize,
    /// Column header.
    pub column: String,
    /// What the cell held.
    pub value: String,
    /// Why it was refused (in English, for logs and tests).
    pub reason: String,
    /// The lead field's problem, for the screens to say in the reader's
    /// language (None: the cell is not a date and time).
    #[serde(skip)]
    pub problem: Option<FieldProblem>,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {}: {} '{}' {}",
            self.row, self.column, self.value, self.reason
        )
    }
}

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

/// The rep an owner name means: the same name, ignoring case, accents and
/// spacing.
pub fn rep_named<'a>(
    name: &str,
    reps: &'a [crate::domain::rep::Rep],
) -> Option<&'a crate::domain::rep::Rep> {
    let key = |s: &str| {
        crate::domain::search::fold(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wanted = key(name);
    reps.iter().find(|r| key(&r.name) == wanted)
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

/// What a file that is not text looks like, from its first bytes.
fn not_csv(bytes: &[u8]) -> Option<NotCsv> {
    let start = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let first = start.iter().find(|b| !b.is_ascii_whitespace());
    match start {
        [b'P', b'K', 3, 4, ..] => Some(NotCsv::Spreadsheet),
        [0xD0, 0xCF, 0x11, 0xE0, ..] => Some(NotCsv::OldExcel),
        [b'%', b'P', b'D', b'F', ..] => Some(NotCsv::Pdf),
        _ if matches!(first, Some(b'{' | b'[')) => {
            let text = std::str::from_utf8(start).ok()?;
            serde_json::from_str::<serde::de::IgnoredAny>(text)
                .is_ok()
                .then_some(NotCsv::Json)
        }
        _ => None,
    }
}

fn decode(bytes: &[u8]) -> Result<(String, Encoding), ImportError> {
    let utf16 = |body: &[u8], le: bool| {
        if !body.len().is_multiple_of(2) {
            return Err(ImportError::Encoding {
                offset: bytes.len() - 1,
            });
        }
        let units: Vec<u16> = body
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| ImportError::Encoding { offset: 2 })
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .map(|s| (s.to_owned(), Encoding::Utf8Bom))
            .map_err(|e| ImportError::Encoding {
                offset: 3 + e.valid_up_to(),
            }),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true).map(|s| (s, Encoding::Utf16Le)),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false).map(|s| (s, Encoding::Utf16Be)),
        _ => std::str::from_utf8(bytes)
            .map(|s| (s.to_owned(), Encoding::Utf8))
            .map_err(|e| ImportError::Encoding {
                offset: e.valid_up_to(),
            }),
    }
}

/// The delimiter that appears most often outside quotes in the first line.
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (d, n) in &mut counts {
                    if b == *d {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
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
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(malformed)?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = i + 1;
        rows.push((
            row,
            read_row(row, &record, &headers, &mapping, preset, &pipeline),
        ));
    }
    Ok(ImportPreview {
        encoding,
        delimiter: char::from(delimiter),
        preset,
        headers,
        mapping,
        rows,
    })
}

fn parse_created(s: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for f in ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z"] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.with_timezone(&Utc));
        }
    }
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
        "%m/%d/%Y %I:%M %p",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, f) {
            return tz
                .from_local_datetime(&n)
                .earliest()
                .map(|t| t.with_timezone(&Utc));
        }
    }
    for f in ["%Y-%m-%d", "%d/%m/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return tz
                .from_local_datetime(&d.and_hms_opt(0, 0, 0)?)
                .earliest()
                .map(|t| t.with_timezone(&Utc));
        }
    }
    None
}

fn read_row(
    row: usize,
    record: &csv::StringRecord,
    headers: &[String],
    mapping: &Mapping,
    preset: Option<Preset>,
    pipeline: &Pipeline,
) -> RowOutcome {
    let mut fields: HashMap<&'static str, (String, String)> = HashMap::new();
    let mut custom = BTreeMap::new();
    let mut created = None;
    let (mut status, mut owner) = (None, None);
    let mut errors = Vec::new();
    for (col, target) in mapping.columns.iter().enumerate() {
        let value = restore(record.get(col).unwrap_or("").trim()).to_owned();
        let header = headers.get(col).cloned().unwrap_or_default();
        let key = match target {
            Target::Name => "name",
            Target::FirstName => "first",
            Target::LastName => "last",
            Target::Phone => "phone",
            Target::Email => "email",
            Target::Source => "source",
            Target::Campaign => "campaign",
            Target::Created => {
                if !value.is_empty() {
                    created = parse_created(&value, mapping.timezone);
                    if created.is_none() {
                        errors.push(CellError {
                            row,
                            column: header,
                            value,
                            reason: "is not a date and time".into(),
                            problem: None,
                        });
                    }
                }
                continue;
            }
            Target::Status => {
                status = status.or((!value.is_empty()).then_some(value));
                continue;
            }
            Target::Owner => {
                owner = owner.or((!value.is_empty()).then_some(value));
                continue;
            }
            Target::Company => {
                if !value.is_empty() {
                    custom.entry(COMPANY.to_owned()).or_insert(value);
                }
                continue;
            }
            Target::Custom(name) => {
                if !value.is_empty() {
                    custom.insert(name.clone(), value);
                }
                continue;
            }
        };
        if !value.is_empty() {
            fields.entry(key).or_insert((header, value));
        }
    }
    let get = |k: &str| fields.get(k).map(|(_, v)| v.clone()).unwrap_or_default();
    let name = match fields.get("name") {
        Some((_, v)) => v.clone(),
        None => format!("{} {}", get("first"), get("last"))
            .trim()
            .to_owned(),
    };
    let source = match (fields.get("source"), preset) {
        (Some((_, v)), _) => v.clone(),
        (None, Some(Preset::MetaLeadAds))
            if custom
                .get("platform")
                .is_some_and(|p| p.eq_ignore_ascii_case("ig")) =>
        {
            "Instagram".into()
        }
        (None, Some(Preset::MetaLeadAds)) => "Facebook".into(),
        (None, Some(p)) => format!("{p:?} import"),
        (None, None) => "CSV import".into(),
    };
    let mut draft = LeadDraft {
        name,
        phone: get("phone"),
        email: get("email"),
        source,
        country: mapping.country,
    };
    // The header an error points at: the column the value came from, else the
    // first column mapped to that field, else the field's name.
    let column_of = |field: Field| -> String {
        let (key, target) = match field {
            Field::Name => ("name", Target::Name),
            Field::Phone => ("phone", Target::Phone),
            Field::Email => ("email", Target::Email),
            Field::Source => ("source", Target::Source),
        };
        fields
            .get(key)
            .map(|(h, _)| h.clone())
            .or_else(|| {
                mapping
                    .columns
                    .iter()
                    .position(|t| *t == target)
                    .and_then(|i| headers.get(i).cloned())
            })
            .unwrap_or_else(|| key.to_owned())
    };
    // A phone that cannot be understood never refuses a row that has an
    // e-mail: the lead comes in without it, the text kept and flagged.
    let mut phone_kept = None;
    if !draft.phone.is_empty()
        && let Err(problem) = Phone::parse_in(&draft.phone, draft.country)
        && Email::parse(&draft.email).is_ok()
    {
        let raw = std::mem::take(&mut draft.phone);
        custom.insert(PHONE_KEPT.to_owned(), raw.clone());
        phone_kept = Some(CellError {
            row,
            column: column_of(Field::Phone),
            value: raw,
            reason: problem.to_string(),
            problem: Some(FieldProblem::Phone(problem)),
        });
    }
    if let Err(problems) = Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::nil()),
        DateTime::UNIX_EPOCH,
        pipeline,
    ) {
        for (field, problem) in problems.0 {
            let value = match field {
                Field::Name => draft.name.clone(),
                Field::Phone => draft.phone.clone(),
                Field::Email => draft.email.clone(),
                Field::Source => draft.source.clone(),
            };
            errors.push(CellError {
                row,
                column: column_of(field),
                value,
                reason: problem.to_string(),
                problem: Some(problem),
            });
        }
    }
    if !errors.is_empty() {
        return RowOutcome::Errors(errors);
    }
    RowOutcome::Lead(Box::new(Candidate {
        phone: Phone::parse_in(&draft.phone, draft.country)
            .ok()
            .map(|p| p.e164().to_owned()),
        email: Email::parse(&draft.email)
            .ok()
            .map(|e| e.as_str().to_lowercase()),
        campaign: get("campaign"),
        created,
        status,
        owner,
        phone_kept,
        custom,
        duplicate: None,
        draft,
    }))
}

impl ImportPreview {
    /// Marks candidates whose phone or e-mail matches a lead in `existing`
    /// or an earlier row of the file.
    pub fn mark_duplicates(&mut self, existing: &[Lead]) {
        let mut seen: HashMap<String, Duplicate> = HashMap::new();
        for lead in existing {
            let dup = Duplicate::Workspace(lead.id());
            if let Some(p) = lead.phone() {
                seen.entry(p.e164().to_owned()).or_insert(dup.clone());
            }
            if let Some(e) = lead.email() {
                seen.entry(e.as_str().to_lowercase()).or_insert(dup);
            }
        }
        for (row, outcome) in &mut self.rows {
            let RowOutcome::Lead(c) = outcome else {
                continue;
            };
            let keys: Vec<String> = c.phone.iter().chain(c.email.iter()).cloned().collect();
            c.duplicate = keys.iter().find_map(|k| seen.get(k).cloned());
            for k in keys {
                seen.entry(k).or_insert(Duplicate::Row(*row));
            }
        }
    }

    /// Rows that became candidates, and rows with errors.
    pub fn counts(&self) -> (usize, usize) {
        let ok = self
            .rows
            .iter()
            .filter(|(_, o)| matches!(o, RowOutcome::Lead(_)))
            .count();
        (ok, self.rows.len() - ok)
    }

    /// The workspace leads that duplicates fill in under
    /// [`OnDuplicate::Merge`]: a missing phone or e-mail, an empty campaign,
    /// and custom fields the lead does not have yet are taken from the row;
    /// nothing the lead already holds is overwritten. Leads that gain
    /// nothing are not returned.
    pub fn merged(&self, existing: &[Lead], now: DateTime<Utc>) -> Vec<Lead> {
        let mut out: Vec<Lead> = Vec::new();
        for (_, outcome) in &self.rows {
            let RowOutcome::Lead(c) = outcome else {
                continue;
            };
            let Some(Duplicate::Workspace(id)) = c.duplicate else {
                continue;
            };
            let slot = match out.iter().position(|l| l.id() == id) {
                Some(i) => i,
                None => match existing.iter().find(|l| l.id() == id) {
                    Some(l) => {
                        out.push(l.clone());
                        out.len() - 1
                    }
                    None => continue,
                },
            };
            let lead = &mut out[slot];
            let before = lead.clone();
            let draft = LeadDraft {
                name: lead.name().to_owned(),
                phone: lead
                    .phone()
                    .map(|p| p.raw().to_owned())
                    .unwrap_or_else(|| c.draft.phone.clone()),
                email: lead
                    .email()
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_else(|| c.draft.email.clone()),
                source: lead.source().to_owned(),
                country: c.draft.country,
            };
            if (lead.phone().is_none() || lead.email().is_none())
                && lead.update_contact(&draft, now).is_err()
            {
                *lead = before.clone();
            }
            if lead.campaign().is_empty() && !c.campaign.is_empty() {
                lead.set_campaign(c.campaign.clone(), now);
            }
            for (k, v) in &c.custom {
                if !lead.custom().contains_key(k) {
                    lead.set_custom(k.clone(), v.clone(), now);
                }
            }
        }
        out.retain(|l| {
            existing.iter().find(|e| e.id() == l.id()).is_some_and(|o| {
                o.phone() != l.phone()
                    || o.email() != l.email()
                    || o.campaign() != l.campaign()
                    || o.custom() != l.custom()
            })
        });
        out
    }

    /// The distinct values of a row field (status or owner) among the rows
    /// that became candidates, with how many rows hold each, in order of
    /// first appearance.
    pub fn values(&self, of: impl Fn(&Candidate) -> Option<&String>) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for (_, o) in &self.rows {
            if let RowOutcome::Lead(c) = o
                && let Some(v) = of(c)
            {
                match out.iter_mut().find(|(x, _)| x == v) {
                    Some((_, n)) => *n += 1,
                    None => out.push((v.clone(), 1)),
                }
            }
        }
        out
    }

    /// Rows whose phone was not understood and kept as text.
    pub fn phones_kept(&self) -> impl Iterator<Item = &CellError> {
        self.rows.iter().filter_map(|(_, o)| match o {
            RowOutcome::Lead(c) => c.phone_kept.as_ref(),
            RowOutcome::Errors(_) => None,
        })
    }

    /// Builds the leads to write: every valid row, except duplicates when
    /// `on_duplicate` is `Skip` or `Merge`. Ids come from `new_id`; rows
    /// without a creation time get `now`. A status becomes a stage or a
    /// closure as `choices` says (else its [`guess_status`]); an owner
    /// becomes the rep `choices` names (else nobody).
    pub fn leads(
        &self,
        on_duplicate: OnDuplicate,
        choices: &Choices,
        pipeline: &Pipeline,
        now: DateTime<Utc>,
        mut new_id: impl FnMut() -> LeadId,
    ) -> Vec<Lead> {
        self.rows
            .iter()
            .filter_map(|(_, o)| match o {
                RowOutcome::Lead(c)
                    if c.duplicate.is_none() || on_duplicate == OnDuplicate::ImportAnyway =>
                {
                    Some(c)
                }
                _ => None,
            })
            .filter_map(|c| {
                let at = c.created.unwrap_or(now).min(now);
                // It entered this workspace now, whenever it was created:
                // its SLA clocks start now (`domain::sla`).
                let mut lead = Lead::create(&c.draft, new_id(), at, pipeline)
                    .ok()?
                    .entering_at(now);
                if !c.campaign.is_empty() {
                    lead.set_campaign(c.campaign.clone(), at);
                }
                for (k, v) in &c.custom {
                    lead.set_custom(k.clone(), v.clone(), at);
                }
                if let Some(status) = &c.status {
                    let target = choices
                        .statuses
                        .get(status)
                        .cloned()
                        .unwrap_or_else(|| guess_status(status, pipeline));
                    // A stage or closure the pipeline refuses leaves the lead new.
                    let _ = match target {
                        StatusTarget::Stage(id) if &id == lead.stage() => Ok(()),
                        StatusTarget::Stage(id) => lead.move_to(&id, pipeline, None, at),
                        StatusTarget::Closed(kind) => lead.mark_lost(
                            Closure {
                                kind,
                                reason: status.clone(),
                            },
                            pipeline,
                            None,
                            at,
                        ),
                    };
                }
                if lead.phone().is_some_and(Phone::renumbered) {
                    let old = lead.phone().map(|p| p.raw().to_owned()).unwrap_or_default();
                    lead.set_custom(OLD_NUMBER, old, at);
                }
                if let Some(rep) = c.owner.as_ref().and_then(|o| choices.owners.get(o)) {
                    lead.assign(Some(rep.clone()), at);
                }
                Some(lead)
            })
            .collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
