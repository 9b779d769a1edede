//! The invariants a lead read from outside (a synced document, a backup)
//! must keep (see the module docs of `lead`).

use super::Lead;
use crate::domain::pipeline::Pipeline;
use std::fmt;

/// Why a stored or received lead breaks an invariant (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeadInvalid {
    /// The name is empty.
    NameMissing,
    /// Neither phone nor e-mail.
    NoContact,
    /// The stage history is empty.
    NoHistory,
    /// `stage` is not where the history ends.
    StageNotHistoryEnd,
    /// A history entry is earlier than the one before it, or than the creation.
    HistoryOutOfOrder(usize),
    /// `updated_at` is before `created_at`.
    UpdatedBeforeCreated,
    /// A stage the pipeline does not have.
    UnknownStage(String),
}

impl fmt::Display for LeadInvalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LeadInvalid::NameMissing => f.write_str("the name is empty"),
            LeadInvalid::NoContact => f.write_str("it has neither a phone number nor an e-mail"),
            LeadInvalid::NoHistory => f.write_str("its stage history is empty"),
            LeadInvalid::StageNotHistoryEnd => {
                f.write_str("its stage is not where its stage history ends")
            }
            LeadInvalid::HistoryOutOfOrder(i) => {
                write!(
                    f,
                    "stage change {} is earlier than the one before it",
                    i + 1
                )
            }
            LeadInvalid::UpdatedBeforeCreated => {
                f.write_str("it was last changed before it was created")
            }
            LeadInvalid::UnknownStage(s) => write!(f, "there is no stage '{s}'"),
        }
    }
}

impl Lead {
    /// Checks the invariants a lead read from outside (a synced document, a
    /// backup) must keep: a name, a way to reach it, a history that starts
    /// at creation, runs forward and ends at `stage`, and stages `pipeline` has.
    pub fn check(&self, pipeline: &Pipeline) -> Result<(), LeadInvalid> {
        if self.name.trim().is_empty() {
            return Err(LeadInvalid::NameMissing);
        }
        if self.phone.is_none() && self.email.is_none() {
            return Err(LeadInvalid::NoContact);
        }
        let last = self.history.last().ok_or(LeadInvalid::NoHistory)?;
        if last.to != self.stage {
            return Err(LeadInvalid::StageNotHistoryEnd);
        }
        let mut previous = self.created_at;
        for (i, change) in self.history.iter().enumerate() {
            if change.at < previous {
                return Err(LeadInvalid::HistoryOutOfOrder(i));
            }
            previous = change.at;
            for stage in change.from.iter().chain([&change.to]) {
                if pipeline.stage(stage).is_none() {
                    return Err(LeadInvalid::UnknownStage(stage.to_string()));
                }
            }
        }
        if self.updated_at < self.created_at {
            return Err(LeadInvalid::UpdatedBeforeCreated);
        }
        Ok(())
    }
}
