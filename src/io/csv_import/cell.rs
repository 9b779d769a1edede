//! One problem in one cell of a file: where, what it held, and why, said
//! in English for logs and as a `CellProblem` for the screens.

use crate::domain::lead::FieldProblem;
use serde::Serialize;
use std::fmt;

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
    /// What is wrong, for the screens to say in the reader's language.
    #[serde(skip)]
    pub problem: CellProblem,
}

/// What is wrong with a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellProblem {
    /// The lead field it fills refuses it.
    Field(FieldProblem),
    /// Not a date and time.
    NotATime,
    /// Not a priority.
    NotAPriority,
    /// Not a whole amount.
    NotAnAmount,
    /// Not a score from 1 to 5.
    NotAScore,
    /// Neither lost nor junk.
    NotAClosure,
}

impl CellProblem {
    /// In English, for logs and tests.
    fn reason(&self) -> String {
        match self {
            CellProblem::Field(p) => p.to_string(),
            CellProblem::NotATime => "is not a date and time".into(),
            CellProblem::NotAPriority => "is not a priority (low, normal, high, urgent)".into(),
            CellProblem::NotAnAmount => "is not a whole amount".into(),
            CellProblem::NotAScore => "is not a score from 1 to 5".into(),
            CellProblem::NotAClosure => "is neither lost nor junk".into(),
        }
    }
}

impl CellError {
    pub(super) fn new(
        row: usize,
        column: String,
        value: String,
        problem: CellProblem,
    ) -> CellError {
        CellError {
            row,
            column,
            value,
            reason: problem.reason(),
            problem,
        }
    }
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
