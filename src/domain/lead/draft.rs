//! What a person typed for a lead (the "new lead" and edit forms, a CSV
//! row), and its validation: every problem, by field, in field order.

use crate::domain::contact::{Country, Email, EmailError, Phone, PhoneError};
use std::fmt;

/// What a person typed into the "new lead" form, unvalidated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeadDraft {
    /// Full name.
    pub name: String,
    /// Phone as typed; may be empty when an e-mail is given.
    pub phone: String,
    /// E-mail as typed; may be empty when a phone is given.
    pub email: String,
    /// Where the lead came from (Facebook, Google, referral…).
    pub source: String,
    /// The country of a phone written without `+` (the workspace's).
    pub country: Country,
}

/// A form field, for pointing an error at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The name.
    Name,
    /// The phone number.
    Phone,
    /// The e-mail address.
    Email,
    /// The source.
    Source,
}

/// Why one field of a draft was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// The name is empty.
    NameMissing,
    /// Neither phone nor e-mail was given.
    NoContact,
    /// The phone number is not valid.
    Phone(PhoneError),
    /// The e-mail address is not valid.
    Email(EmailError),
    /// The source is empty.
    SourceMissing,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldProblem::NameMissing => f.write_str("a lead needs a name"),
            FieldProblem::NoContact => f.write_str("give a phone number or an e-mail address"),
            FieldProblem::Phone(e) => e.fmt(f),
            FieldProblem::Email(e) => e.fmt(f),
            FieldProblem::SourceMissing => f.write_str("say where the lead came from"),
        }
    }
}

/// Every problem found in a draft, in field order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftErrors(pub Vec<(Field, FieldProblem)>);

impl DraftErrors {
    /// The problem with one field, if any.
    pub fn for_field(&self, field: Field) -> Option<&FieldProblem> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, p)| p)
    }
}

impl fmt::Display for DraftErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (field, problem)) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{field:?}: {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DraftErrors {}

fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

/// The validated contact part of a draft: name, phone, e-mail, source.
type Contact = (String, Option<Phone>, Option<Email>, String);

/// Validates the contact fields of a draft (every problem, by field).
pub(super) fn validate(draft: &LeadDraft) -> Result<Contact, DraftErrors> {
    let mut problems = Vec::new();
    let name = non_empty(&draft.name);
    if name.is_none() {
        problems.push((Field::Name, FieldProblem::NameMissing));
    }
    let phone = non_empty(&draft.phone)
        .map(|p| Phone::parse_in(p, draft.country))
        .transpose();
    let email = non_empty(&draft.email).map(Email::parse).transpose();
    if let Err(e) = &phone {
        problems.push((Field::Phone, FieldProblem::Phone(e.clone())));
    }
    if let Err(e) = &email {
        problems.push((Field::Email, FieldProblem::Email(e.clone())));
    }
    if non_empty(&draft.phone).is_none() && non_empty(&draft.email).is_none() {
        problems.push((Field::Phone, FieldProblem::NoContact));
    }
    let source = non_empty(&draft.source);
    if source.is_none() {
        problems.push((Field::Source, FieldProblem::SourceMissing));
    }
    match (name, phone, email, source) {
        (Some(name), Ok(phone), Ok(email), Some(source)) if problems.is_empty() => {
            Ok((name.to_owned(), phone, email, source.to_owned()))
        }
        _ => Err(DraftErrors(problems)),
    }
}
