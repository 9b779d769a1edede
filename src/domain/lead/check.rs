//! The invariants a lead read from outside (a synced document, a backup)
//! must keep (see the module docs of `lead`).

use super::Lead;
use crate::domain::contact::Email;
use crate::domain::pipeline::Pipeline;
use std::fmt;

/// Why a stored or received lead breaks an invariant (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeadInvalid {
    /// The name is empty.
    NameMissing,
    /// Neither phone nor e-mail.
    NoContact,
    /// The e-mail is not an address (the value).
    BadEmail(String),
    /// The phone's E.164 form is not the number its text says (the text).
    PhoneNotItsText(String),
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
            LeadInvalid::BadEmail(e) => write!(f, "'{e}' is not an e-mail address"),
            LeadInvalid::PhoneNotItsText(raw) => {
                write!(f, "the stored number is not the phone number '{raw}'")
            }
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

impl LeadInvalid {
    /// The field it is about, as a path inside the lead's JSON
    /// (`name`, `history[2].at`…).
    pub fn field(&self) -> String {
        match self {
            LeadInvalid::NameMissing => "name".into(),
            LeadInvalid::NoContact | LeadInvalid::PhoneNotItsText(_) => "phone".into(),
            LeadInvalid::BadEmail(_) => "email".into(),
            LeadInvalid::NoHistory | LeadInvalid::UnknownStage(_) => "history".into(),
            LeadInvalid::StageNotHistoryEnd => "stage".into(),
            LeadInvalid::HistoryOutOfOrder(i) => format!("history[{i}].at"),
            LeadInvalid::UpdatedBeforeCreated => "updated_at".into(),
        }
    }
}

impl Lead {
    /// Checks the invariants a lead read from outside (a synced document, a
    /// backup) must keep: a name, a way to reach it (an e-mail that is an
    /// address, a phone whose E.164 form is its text), a history that starts
    /// at creation, runs forward and ends at `stage`, and stages `pipeline` has.
    pub fn check(&self, pipeline: &Pipeline) -> Result<(), LeadInvalid> {
        if self.name.trim().is_empty() {
            return Err(LeadInvalid::NameMissing);
        }
        if self.phone.is_none() && self.email.is_none() {
            return Err(LeadInvalid::NoContact);
        }
        if let Some(e) = &self.email
            && Email::parse(e.as_str()).as_ref() != Ok(e)
        {
            return Err(LeadInvalid::BadEmail(e.to_string()));
        }
        if let Some(p) = self.phone.as_ref().filter(|p| !p.is_consistent()) {
            return Err(LeadInvalid::PhoneNotItsText(p.raw().to_owned()));
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
