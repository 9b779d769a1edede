//! JSON backups: the whole workspace in one file, readable without the app
//! (format in `docs/backup-format.md`).
//!
//! ```json
//! { "format": "leadpact-backup", "version": 1, "exported_at": "2026-11-22T10:00:00Z",
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
pub const VERSION: u64 = 1;
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
        exported_at.with_timezone(&tz).format("%Y-%m-%d")
    )
}

/// Why a backup was refused. Nothing is changed when import fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// The file is empty (or only whitespace).
    Empty,
    /// The bytes are not UTF-8 text (e.g. a UTF-16 or Latin-1 re-save).
    Encoding {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Not valid JSON: cut short, or not JSON at all.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
        /// The file ended before the JSON did (an interrupted download or copy).
        truncated: bool,
    },
    /// Valid JSON, but not a Leadpact backup (another app's file).
    NotABackup {
        /// What was found instead.
        found: String,
    },
    /// A backup from a newer Leadpact than this one.
    NewerVersion {
        /// The file's version.
        found: u64,
        /// The newest this app reads.
        supported: u64,
    },
    /// A field has the wrong type or an impossible value.
    Invalid {
        /// JSON path, e.g. `data.leads[3].created_at`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A lead breaks an invariant of leads (see `Lead::check`).
    Lead {
        /// JSON path of the field, e.g. `data.leads[3].email`.
        path: String,
        /// What is wrong.
        problem: crate::domain::lead::LeadInvalid,
    },
    /// Two records of one kind share an id.
    DuplicateId {
        /// JSON path of the second one.
        path: String,
        /// The id.
        id: String,
    },
    /// A record refers to something the backup does not contain.
    DanglingReference {
        /// JSON path of the reference.
        path: String,
        /// What it names.
        id: String,
        /// The kind of thing it should name ("lead", "stage", "rep").
        kind: &'static str,
    },
    /// The business calendar is not valid.
    Calendar(CalendarError),
    /// The pipeline's stages do not make a pipeline.
    Pipeline(crate::domain::pipeline::PipelineError),
}

impl BackupError {
    /// A stable name for the kind of error (used by tests and the UI).
    pub fn kind(&self) -> &'static str {
        match self {
            BackupError::Empty => "empty",
            BackupError::Encoding { .. } => "encoding",
            BackupError::Syntax {
                truncated: true, ..
            } => "truncated",
            BackupError::Syntax { .. } => "syntax",
            BackupError::NotABackup { .. } => "not-a-backup",
            BackupError::NewerVersion { .. } => "newer-version",
            BackupError::Invalid { .. } | BackupError::Lead { .. } => "invalid",
            BackupError::DuplicateId { .. } => "duplicate-id",
            BackupError::DanglingReference { .. } => "dangling-reference",
            BackupError::Calendar(_) => "calendar",
            BackupError::Pipeline(_) => "invalid",
        }
    }
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::Empty => f.write_str("The file is empty."),
            BackupError::Encoding { offset } => write!(
                f,
                "The file is not UTF-8 text (byte {offset}); was it saved in another encoding? Export the backup again from Leadpact."
            ),
            BackupError::Syntax {
                line,
                column,
                truncated: true,
                ..
            } => write!(
                f,
                "The file ends too early (line {line}, column {column}): it was cut off while downloading or copying."
            ),
            BackupError::Syntax {
                line,
                column,
                message,
                ..
            } => {
                write!(
                    f,
                    "This is not valid JSON: line {line}, column {column}: {message}."
                )
            }
            BackupError::NotABackup { found } => {
                write!(f, "This is not a Leadpact backup ({found}).")
            }
            BackupError::NewerVersion { found, supported } => write!(
                f,
                "This backup was made by a newer Leadpact (format version {found}); this app reads up to version {supported}. Update the app first."
            ),
            BackupError::Invalid { path, message } => write!(f, "{path}: {message}"),
            BackupError::Lead { path, problem } => write!(f, "{path}: {problem}"),
            BackupError::DuplicateId { path, id } => write!(f, "{path}: the id {id} is used twice"),
            BackupError::DanglingReference { path, id, kind } => {
                write!(
                    f,
                    "{path}: refers to {kind} '{id}', which is not in the backup"
                )
            }
            BackupError::Calendar(e) => write!(f, "data.calendar.{e}"),
            BackupError::Pipeline(e) => write!(f, "data.pipeline: {e}"),
        }
    }
}

impl std::error::Error for BackupError {}

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
        serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            BackupError::Invalid {
                path: format!("data.{path}"),
                message: e.into_inner().to_string(),
            }
        })?
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
            // Parse fast; only a failure is parsed again with path tracking
            // (which allocates for every key) to say where it went wrong.
            Some(raw) => serde_json::from_str(raw.get()).map_err(|_| {
                let e = serde_path_to_error::deserialize::<_, T>(
                    &mut serde_json::Deserializer::from_str(raw.get()),
                )
                .err()
                .expect("the same input fails the same way");
                let path = e.path().to_string();
                BackupError::Invalid {
                    path: match path.as_str() {
                        "." => format!("data.{name}"),
                        p if p.starts_with('[') => format!("data.{name}{p}"),
                        p => format!("data.{name}.{p}"),
                    },
                    message: e.into_inner().to_string(),
                }
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
mod fast {
    use super::{FORMAT, VERSION};
    use crate::domain::extra::Extra;
    use crate::domain::workspace::Workspace;
    use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
    use serde_json::Value;
    use std::fmt;

    pub(super) struct Backup(pub(super) Workspace);

    impl<'de> de::Deserialize<'de> for Backup {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_map(EnvelopeVisitor)
        }
    }

    struct EnvelopeVisitor;

    impl<'de> Visitor<'de> for EnvelopeVisitor {
        type Value = Backup;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a Leadpact backup")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Backup, A::Error> {
            let (mut format_ok, mut version_ok, mut data) = (false, false, None);
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "format" if !format_ok => {
                        format_ok = map.next_value::<String>()? == FORMAT;
                        if !format_ok {
                            return Err(de::Error::custom("another format"));
                        }
                    }
                    "version" if !version_ok => {
                        version_ok = map.next_value::<u64>()? == VERSION;
                        if !version_ok {
                            return Err(de::Error::custom("another version"));
                        }
                    }
                    "data" if format_ok && version_ok && data.is_none() => {
                        data = Some(map.next_value_seed(DataSeed)?);
                    }
                    "format" | "version" | "data" => {
                        return Err(de::Error::custom("out of order or repeated"));
                    }
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
            data.map(Backup).ok_or_else(|| de::Error::custom("no data"))
        }
    }

    struct DataSeed;

    impl<'de> DeserializeSeed<'de> for DataSeed {
        type Value = Workspace;

        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Workspace, D::Error> {
            d.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for DataSeed {
        type Value = Workspace;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("the workspace")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Workspace, A::Error> {
            let mut ws = Workspace::default();
            let mut extra = Extra::default();
            let mut seen = [false; 8];
            let mut once = |i: usize| {
                if std::mem::replace(&mut seen[i], true) {
                    Err(de::Error::custom("repeated"))
                } else {
                    Ok(())
                }
            };
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "pipeline" => (once(0)?, ws.pipeline = map.next_value()?).1,
                    "calendar" => (once(1)?, ws.calendar = map.next_value()?).1,
                    "policies" => (once(2)?, ws.policies = map.next_value()?).1,
                    "reps" => (once(3)?, ws.reps = map.next_value()?).1,
                    "targets" => (once(4)?, ws.targets = map.next_value()?).1,
                    "leads" => (once(5)?, ws.leads = map.next_value()?).1,
                    "activities" => (once(6)?, ws.activities = map.next_value()?).1,
                    "country" => (once(7)?, ws.country = map.next_value()?).1,
                    _ => {
                        let value: Value = map.next_value()?;
                        if extra.0.insert(key, value).is_some() {
                            return Err(de::Error::custom("repeated"));
                        }
                    }
                }
            }
            if !(seen[0] && seen[1] && seen[2] && seen[3]) {
                return Err(de::Error::custom("a part is missing"));
            }
            ws.extra = extra;
            Ok(ws)
        }
    }
}

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
/// Version 1 is the first; later versions add rungs here:
/// `if from < 2 { migrate_to_2(data) }`.
fn migrate(_data: &mut Value, from: u64) {
    debug_assert!(from <= VERSION);
}

/// Ids unique, references resolvable, calendar valid.
fn validate(ws: &Workspace) -> Result<(), BackupError> {
    BusinessCalendar::new(ws.calendar.clone()).map_err(BackupError::Calendar)?;
    let stages: HashSet<&str> = ws.pipeline.stages().iter().map(|s| s.id.as_str()).collect();
    let mut reps = HashSet::new();
    for (i, r) in ws.reps.iter().enumerate() {
        if !reps.insert(r.id.as_str()) {
            return Err(BackupError::DuplicateId {
                path: format!("data.reps[{i}].id"),
                id: r.id.to_string(),
            });
        }
    }
    // Paths are written only for an error: building one per checked
    // reference would cost millions of allocations on a large backup.
    let stage_ref = |path: &dyn Fn() -> String, id: &str| {
        if stages.contains(id) {
            Ok(())
        } else {
            Err(BackupError::DanglingReference {
                path: path(),
                id: id.to_owned(),
                kind: "stage",
            })
        }
    };
    let rep_ref = |path: &dyn Fn() -> String, id: &str| {
        if reps.contains(id) {
            Ok(())
        } else {
            Err(BackupError::DanglingReference {
                path: path(),
                id: id.to_owned(),
                kind: "rep",
            })
        }
    };
    let mut leads = HashSet::with_capacity(ws.leads.len());
    for (i, lead) in ws.leads.iter().enumerate() {
        if !leads.insert(lead.id()) {
            return Err(BackupError::DuplicateId {
                path: format!("data.leads[{i}].id"),
                id: lead.id().to_string(),
            });
        }
        stage_ref(&|| format!("data.leads[{i}].stage"), lead.stage().as_str())?;
        for (j, change) in lead.history().iter().enumerate() {
            stage_ref(
                &|| format!("data.leads[{i}].history[{j}].to"),
                change.to.as_str(),
            )?;
            if let Some(from) = &change.from {
                stage_ref(
                    &|| format!("data.leads[{i}].history[{j}].from"),
                    from.as_str(),
                )?;
            }
        }
        if let Some(owner) = lead.owner() {
            rep_ref(&|| format!("data.leads[{i}].owner"), owner.as_str())?;
        }
        // The same invariants as a lead made in the app or received by sync.
        lead.check(&ws.pipeline)
            .map_err(|problem| BackupError::Lead {
                path: format!("data.leads[{i}].{}", problem.field()),
                problem,
            })?;
    }
    for (i, a) in ws.activities.iter().enumerate() {
        if !leads.contains(&a.lead) {
            return Err(BackupError::DanglingReference {
                path: format!("data.activities[{i}].lead"),
                id: a.lead.to_string(),
                kind: "lead",
            });
        }
        if let Some(rep) = &a.rep {
            rep_ref(&|| format!("data.activities[{i}].rep"), rep.as_str())?;
        }
    }
    for (i, policy) in ws
        .policies
        .rules
        .iter()
        .chain([&ws.policies.default])
        .enumerate()
    {
        let at = if i < ws.policies.rules.len() {
            format!("rules[{i}]")
        } else {
            "default".to_owned()
        };
        for stage in policy.stage_limits.keys() {
            stage_ref(
                &|| format!("data.policies.{at}.stage_limits"),
                stage.as_str(),
            )?;
        }
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::sample::generate;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn import_of_export_is_the_same_workspace(seed in any::<u64>(), leads in 0usize..300, reps in 2usize..20) {
            let ws = generate(seed, leads, reps, now());
            prop_assert_eq!(import_json(&export_json(&ws, now())).unwrap(), ws);
        }
    }

    /// The one-pass reader takes what the careful one takes, with the same
    /// result, and leaves anything unusual to it.
    #[test]
    fn both_readers_agree() {
        let ws = generate(4, 40, 3, now());
        let text = export_json(&ws, now());
        // Unknown fields, added as text: a `Value` would reorder the keys.
        let unknown = text
            .replacen('{', "{\"note\":\"kept aside\",", 1)
            .replacen("\"data\":{", "\"data\":{\"future_setting\":[1,2],", 1)
            .replacen(
                "\"activities\":[{",
                "\"activities\":[{\"mood\":\"good\",",
                1,
            );
        for text in [text.clone(), unknown] {
            let fast = serde_json::from_str::<fast::Backup>(&text).unwrap().0;
            assert_eq!(fast, read_carefully(&text).unwrap());
        }
        // `data` before `version`, an older version, a repeated part: careful path only.
        let data_first = format!(
            "{{\"data\":{},\"format\":\"{FORMAT}\",\"version\":1}}",
            serde_json::to_string(&ws).unwrap()
        );
        let repeated = text.replacen("\"reps\":", "\"reps\":[],\"reps\":", 1);
        for text in [data_first, repeated] {
            assert!(serde_json::from_str::<fast::Backup>(&text).is_err());
            assert_eq!(import_json(&text).unwrap().leads, ws.leads);
        }
    }

    #[test]
    fn unknown_fields_are_kept_through_a_round_trip() {
        let ws = generate(3, 5, 2, now());
        let mut v: Value = serde_json::from_str(&export_json(&ws, now())).unwrap();
        v["data"]["future_setting"] = serde_json::json!({"a": 1});
        v["data"]["leads"][0]["favourite_colour"] = "teal".into();
        v["data"]["reps"][0]["nickname"] = "Lanie".into();
        let back = import_json(&v.to_string()).unwrap();
        let again: Value = serde_json::from_str(&export_json(&back, now())).unwrap();
        assert_eq!(again["data"]["future_setting"], serde_json::json!({"a": 1}));
        assert_eq!(again["data"]["leads"][0]["favourite_colour"], "teal");
        assert_eq!(again["data"]["reps"][0]["nickname"], "Lanie");
    }

    #[test]
    fn a_byte_order_mark_is_tolerated() {
        let ws = generate(4, 3, 2, now());
        let text = format!("\u{feff}{}", export_json(&ws, now()));
        assert_eq!(import_json(&text).unwrap(), ws);
    }

    #[test]
    fn file_name_uses_the_local_date() {
        let late = Utc.with_ymd_and_hms(2026, 11, 22, 18, 0, 0).unwrap();
        assert_eq!(
            file_name(late, crate::domain::zone::Zone::ho_chi_minh()),
            "leadpact-backup-2026-11-23.json"
        );
    }

    #[test]
    fn errors_say_what_and_where() {
        let ws = generate(5, 3, 2, now());
        let mut v: Value = serde_json::from_str(&export_json(&ws, now())).unwrap();
        v["data"]["leads"][1]["created_at"] = "yesterday".into();
        let e = import_json(&v.to_string()).unwrap_err();
        assert_eq!(e.kind(), "invalid");
        assert!(
            e.to_string().starts_with("data.leads[1].created_at: "),
            "{e}"
        );
        let cut = &export_json(&ws, now())[..200];
        let e = import_json(cut).unwrap_err();
        assert_eq!(e.kind(), "truncated");
        assert!(e.to_string().contains("cut off"), "{e}");
    }
}
