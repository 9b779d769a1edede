//! Why a file cannot be previewed at all, said in English for logs (the
//! screens say it through `ui::i18n::import`).

use std::fmt;

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
