//! JSON backups: the whole workspace in one file, readable without the app
//! (format in `docs/backup-format.md`).
//!
//! ```json
//! { "format": "leadpact-backup", "version": 2, "exported_at": "2026-11-22T10:00:00Z",
//!   "app_version": "0.1.0", "data": { …the workspace… } }
//! ```
//!
//! Import ([`import_json`]) checks everything before anything is written:
//! the envelope, the version (older versions are migrated by pure ordered
//! steps, newer ones refused), every field's type and value (errors carry the
//! JSON path), duplicate ids, and references between leads, activities,
//! stages and reps. It returns a complete [`Workspace`] or a [`BackupError`];
//! the caller writes the workspace in one transaction. A UTF-8 byte-order mark
//! (Windows editors add one) is tolerated. Fields this version does not know
//! are kept on their record and exported again.

use crate::domain::calendar::{BusinessCalendar, CalendarError};
use crate::domain::workspace::Workspace;
use crate::domain::zone::Zone;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// The `format` value of every Leadpact backup.
pub const FORMAT: &str = "leadpact-backup";
/// The backup version this app writes, and the newest it reads.
pub const VERSION: u64 = 3;
/// The app version written into backups.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    exported_at: DateTime<Utc>,
    app_version: &'static str,
    data: &'a Workspace,
}

/// The whole workspace as a backup file's text.
pub fn export_json(ws: &Workspace, exported_at: DateTime<Utc>) -> String {
    serde_json::to_string(&Envelope {
        format: FORMAT,
        version: VERSION,
        exported_at,
        app_version: APP_VERSION,
        data: ws,
    })
    .expect("a workspace always serialises")
}

/// `leadpact-backup-YYYY-MM-DD.json`, the date in `tz`.
pub fn file_name(exported_at: DateTime<Utc>, tz: Zone) -> String {
    format!(
        "leadpact-backup-{}.json",
        crate::domain::instant::ymd(exported_at.with_timezone(&tz).date_naive())
    )
}

mod error;
pub use error::BackupError;

/// [`import_json`] for a file's raw bytes: UTF-8 required (a BOM is tolerated).
pub fn import_bytes(bytes: &[u8]) -> Result<Workspace, BackupError> {
    let text = std::str::from_utf8(bytes).map_err(|e| BackupError::Encoding {
        offset: e.valid_up_to(),
    })?;
    import_json(text)
}

/// Reads, migrates and validates a backup (see the module docs).
pub fn import_json(text: &str) -> Result<Workspace, BackupError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    // A well-formed backup of this version is read in one pass; anything
    // else takes the careful path below, which says what is wrong and where.
    let ws = match serde_json::from_str::<fast::Backup>(text) {
        Ok(fast::Backup(ws)) => ws,
        Err(_) => read_carefully(text)?,
    };
    validate(&ws)?;
    Ok(ws)
}

/// What a JSON parser's complaint means, in words a person reads.
fn plain_words(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let what = text.split(" at line").next().unwrap_or_default();
    match what {
        "expected ident" => "a word that JSON does not know (only true, false and null are allowed; text needs double quotes)".into(),
        "trailing comma" => "a comma right before a closing bracket".into(),
        "key must be a string" => "a name that is not in double quotes".into(),
        "expected value" => "something that is not a value (text in double quotes, a number, true, false, null, a list or an object)".into(),
        "trailing characters" => "more text after the end of the backup (two files joined?)".into(),
        "recursion limit exceeded" => "lists or objects nested too deeply".into(),
        "number out of range" => "a number too large to read".into(),
        _ if what.starts_with("control character") => "a line break or tab inside a text in quotes".into(),
        _ if what.starts_with("invalid escape") => "a backslash that does not start a valid escape (\\n, \\\", \\\\…)".into(),
        _ if what.starts_with("expected `,` or") => "a missing comma between two items".into(),
        _ if what.starts_with("expected `:`") => "a missing colon after a name".into(),
        other => other.to_owned(),
    }
}

/// The envelope checked field by field, older versions migrated, and every
/// error located: what [`import_json`] does for any file its one-pass reader
/// does not take.
fn read_carefully(text: &str) -> Result<Workspace, BackupError> {
    // The envelope is read with `data` left as unparsed text, so a large
    // backup is parsed once, straight into the workspace.
    let syntax = |e: serde_json::Error| BackupError::Syntax {
        line: e.line(),
        column: e.column(),
        message: plain_words(&e),
        truncated: e.is_eof(),
    };
    let envelope: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(map) => map,
        Err(e) if e.is_data() => {
            // Valid JSON, but not an object.
            let root: Value = serde_json::from_str(text).map_err(syntax)?;
            return Err(BackupError::NotABackup {
                found: format!("the file holds a JSON {}", kind_of(&root)),
            });
        }
        Err(e) => return Err(syntax(e)),
    };
    // A field's value; a value present but unreadable (`1e400`) comes back
    // as its text, so the error says what is there rather than "missing".
    let field = |name: &str| {
        envelope.get(name).map(|raw| {
            serde_json::from_str::<Value>(raw.get())
                .unwrap_or_else(|_| Value::String(raw.get().to_owned()))
        })
    };
    match field("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(BackupError::NotABackup {
                found: format!("its format is {other}"),
            });
        }
        None => {
            return Err(BackupError::NotABackup {
                found: "it has no \"format\" field".into(),
            });
        }
    }
    let version = match field("version") {
        Some(v) => v
            .as_u64()
            .filter(|v| *v >= 1)
            .ok_or_else(|| BackupError::Invalid {
                path: "version".into(),
                message: format!("expected a whole number from 1, found {v}"),
            })?,
        None => {
            return Err(BackupError::Invalid {
                path: "version".into(),
                message: "missing".into(),
            });
        }
    };
    if version > VERSION {
        return Err(BackupError::NewerVersion {
            found: version,
            supported: VERSION,
        });
    }
    let data = envelope.get("data").ok_or_else(|| BackupError::Invalid {
        path: "data".into(),
        message: "missing".into(),
    })?;
    let ws: Workspace = if version == VERSION {
        read_workspace(data.get())?
    } else {
        let mut value: Value = serde_json::from_str(data.get()).map_err(syntax)?;
        migrate(&mut value, version);
        // Read like the current version (errors located the same way).
        read_workspace(&value.to_string())?
    };
    Ok(ws)
}

/// Reads `data` field by field: the object is first split into raw parts
/// (a fast scan), then each known part is parsed on its own, and unknown
/// parts are kept in `extra`. The same result as deriving `Deserialize` for
/// the workspace, without `#[serde(flatten)]` buffering all of `data` (a
/// million activities) before parsing it.
fn read_workspace(data: &str) -> Result<Workspace, BackupError> {
    let mut parts: BTreeMap<String, &RawValue> =
        serde_json::from_str(data).map_err(|e| BackupError::Invalid {
            path: "data".into(),
            message: e.to_string(),
        })?;
    fn part<T: serde::de::DeserializeOwned>(
        parts: &mut BTreeMap<String, &RawValue>,
        name: &str,
        default: Option<fn() -> T>,
    ) -> Result<T, BackupError> {
        match parts.remove(name) {
            // Parsed once; a failure is located from where the parser
            // stopped (`locate`), with no second, path-tracking parser
            // (a second copy of every record's reader in the bundle).
            Some(raw) => serde_json::from_str(raw.get()).map_err(|e| BackupError::Invalid {
                path: format!("data.{name}{}", locate::error_path(raw.get(), &e)),
                message: e.to_string(),
            }),
            None => default.map(|f| f()).ok_or_else(|| BackupError::Invalid {
                path: "data".into(),
                message: format!("missing field `{name}`"),
            }),
        }
    }
    // Stages that are well-formed but make no pipeline: said as such.
    let spec = parts.get("pipeline").and_then(|raw| {
        serde_json::from_str::<crate::domain::pipeline::PipelineSpec>(raw.get()).ok()
    });
    let pipeline = part(&mut parts, "pipeline", None).map_err(|e| {
        match spec.map(crate::domain::pipeline::Pipeline::try_from) {
            Some(Err(problem)) => BackupError::Pipeline(problem),
            _ => e,
        }
    })?;
    let calendar = part(&mut parts, "calendar", None)?;
    let policies = part(&mut parts, "policies", None)?;
    let reps = part(&mut parts, "reps", None)?;
    let targets = part(&mut parts, "targets", Some(Default::default))?;
    let country = part(&mut parts, "country", Some(Default::default))?;
    let leads = part(&mut parts, "leads", Some(Vec::new))?;
    let activities = part(&mut parts, "activities", Some(Vec::new))?;
    let mut extra = crate::domain::extra::Extra::default();
    for (name, raw) in parts {
        let value: Value = serde_json::from_str(raw.get()).map_err(|e| BackupError::Invalid {
            path: format!("data.{name}"),
            message: e.to_string(),
        })?;
        extra.0.insert(name, value);
    }
    Ok(Workspace {
        pipeline,
        calendar,
        policies,
        reps,
        targets,
        country,
        leads,
        activities,
        extra,
    })
}

/// One pass over a backup of the current version, `data` parsed straight
/// into the workspace as it streams by. Any surprise — another format or
/// version, a field out of order, a duplicate or missing key, a wrong type —
/// is an error, and the caller then takes the careful path (which accepts
/// the same files and explains the bad ones), so the two never disagree.
mod fast;
mod locate;
mod validate;
use validate::validate;

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false value",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

/// The upgrade ladder: each step takes `data` one version up, purely.
/// Version 1 is the first.
fn migrate(data: &mut Value, from: u64) {
    debug_assert!(from <= VERSION);
    if from < 2 {
        migrate_to_2(data);
    }
    if from < 3 {
        migrate_to_3(data);
    }
}

/// Version 2 gives activities their words (`note`: a note's text, or what
/// the customer said) and who logged them (`by`), the policies the
/// long-overdue threshold of Today (`long_overdue_after`), and the calendar
/// dates with hours of their own (`exceptions`); all optional.
/// A version-1 file has none of them and keeps its meaning, so the rung
/// changes nothing. The version moved so that an app of version 1 refuses
/// a newer file instead of reading notes as "Note · Outbound · Connected"
/// without their text.
fn migrate_to_2(_data: &mut Value) {}

/// Version 3 adds audits (`domain::audit`): activities of the kind
/// `{"type": "audit"}`, their verdict in the record's `audit` field, and
/// the team's checklist in the workspace's `audits`. A version-2 file has
/// none and keeps its meaning, so the rung changes nothing. The version
/// moved so that an app of version 2 refuses a file with audits as "made
/// by a newer version" instead of as a broken file.
fn migrate_to_3(_data: &mut Value) {}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
