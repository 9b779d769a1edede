//! Why a backup was refused, said in plain words.

use super::*;

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
