//! Leads: creation from a form draft (validated, every field error reported at
//! once) and stage moves that keep a complete history.
//!
//! Invariants:
//! - A lead has a non-empty name and at least one way to reach it (phone or e-mail).
//! - `stage` is always the `to` of the last history entry; the first entry has
//!   `from: None` and is the stage the lead was created in.
//! - `updated_at` never goes backwards and is at least `created_at`.

use super::contact::{Email, Phone};
use super::extra::Extra;
use super::pipeline::{Pipeline, StageId, StageKind};
use super::rep::RepId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod absorb;
mod check;
mod conflicts;
mod draft;
mod moves;
mod values;

pub use absorb::{MergedLead, merge_pair};
pub use check::LeadInvalid;
pub use conflicts::FieldConflict;
use draft::validate;
pub use draft::{DraftErrors, Field, FieldProblem, LeadDraft};
pub use moves::MoveError;
pub use values::{Csat, LeadId, Priority};

/// One move of a lead between stages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    /// When it moved.
    #[serde(with = "super::instant")]
    pub at: DateTime<Utc>,
    /// Where it came from; `None` for the stage it was created in.
    pub from: Option<StageId>,
    /// Where it went.
    pub to: StageId,
    /// Who moved it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// A person or company that might buy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lead {
    id: LeadId,
    #[serde(with = "super::instant")]
    created_at: DateTime<Utc>,
    #[serde(with = "super::instant")]
    updated_at: DateTime<Utc>,
    name: String,
    phone: Option<Phone>,
    email: Option<Email>,
    source: String,
    #[serde(default)]
    priority: Priority,
    stage: StageId,
    history: Vec<StageChange>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    campaign: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    owner: Option<RepId>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::instant::option"
    )]
    assigned_at: Option<DateTime<Utc>>,
    /// When the lead entered this workspace, if after its creation (leads
    /// imported from another system): its SLA clocks start there.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::instant::option"
    )]
    entered_at: Option<DateTime<Utc>>,
    /// Expected deal value in VND.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<u64>,
    /// Columns and answers from imports (e.g. Meta lead-form questions), kept verbatim.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    custom: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    closure: Option<Closure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    csat: Option<Csat>,
    /// Values that lost to a concurrent edit of the same field on another
    /// device (team sync), kept until a person takes one or dismisses them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    conflicts: Vec<FieldConflict>,
    /// Leads for the same person merged into this one, kept whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    merged: Vec<MergedLead>,
    /// Fields this version does not know, kept verbatim.
    #[serde(flatten, default, skip_serializing_if = "Extra::is_empty")]
    extra: Extra,
}

/// Why a lead was closed without a sale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LossKind {
    /// A real prospect who did not buy.
    Lost,
    /// Not a real prospect: wrong number, fake name, spam.
    Junk,
}

/// The reason recorded when a lead is marked lost or junk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    /// Lost or junk.
    pub kind: LossKind,
    /// Free text ("wrong number", "chose a competitor"…).
    pub reason: String,
}

impl Lead {
    /// Validates a draft into a new lead in the pipeline's entry stage.
    pub fn create(
        draft: &LeadDraft,
        id: LeadId,
        now: DateTime<Utc>,
        pipeline: &Pipeline,
    ) -> Result<Lead, DraftErrors> {
        let (name, phone, email, source) = validate(draft)?;
        let stage = pipeline.entry().id.clone();
        Ok(Lead {
            id,
            created_at: now,
            updated_at: now,
            name,
            phone,
            email,
            source,
            priority: Priority::default(),
            history: vec![StageChange {
                at: now,
                from: None,
                to: stage.clone(),
                by: None,
            }],
            stage,
            campaign: String::new(),
            owner: None,
            assigned_at: None,
            entered_at: None,
            value: None,
            custom: BTreeMap::new(),
            closure: None,
            csat: None,
            conflicts: Vec::new(),
            merged: Vec::new(),
            extra: Extra::default(),
        })
    }

    /// Replaces name, phone, e-mail and source after the same validation as
    /// [`Lead::create`]; on error nothing changes.
    pub fn update_contact(
        &mut self,
        draft: &LeadDraft,
        now: DateTime<Utc>,
    ) -> Result<(), DraftErrors> {
        let (name, phone, email, source) = validate(draft)?;
        self.name = name;
        // The same number written another way (the form shows it formatted)
        // keeps how it was first written: nothing changed.
        self.phone = match (phone, self.phone.take()) {
            (Some(new), Some(old)) if new.e164() == old.e164() => Some(old),
            (new, _) => new,
        };
        self.email = email;
        self.source = source;
        self.touch(now);
        Ok(())
    }

    /// Takes the phone and e-mail of `draft` where this lead has none
    /// (a duplicate merged into it); what the lead holds is kept. True when
    /// it gained one; a value that does not validate changes nothing.
    pub fn fill_contact(&mut self, draft: &LeadDraft, now: DateTime<Utc>) -> bool {
        if self.phone.is_some() && self.email.is_some() {
            return false;
        }
        let filled = LeadDraft {
            name: self.name.clone(),
            phone: self
                .phone
                .as_ref()
                .map_or_else(|| draft.phone.clone(), |p| p.raw().to_owned()),
            email: self
                .email
                .as_ref()
                .map_or_else(|| draft.email.clone(), |e| e.as_str().to_owned()),
            source: self.source.clone(),
            country: draft.country,
        };
        let before = (self.phone.clone(), self.email.clone());
        let mut next = self.clone();
        if next.update_contact(&filled, now).is_err()
            || (next.phone.clone(), next.email.clone()) == before
        {
            return false;
        }
        *self = next;
        true
    }

    /// Gives the lead to `owner` (or nobody).
    pub fn assign(&mut self, owner: Option<RepId>, now: DateTime<Utc>) {
        self.assigned_at = owner.as_ref().map(|_| now.max(self.updated_at));
        self.owner = owner;
        self.touch(now);
    }

    /// Sets the campaign (ad set, landing page…).
    pub fn set_campaign(&mut self, campaign: impl Into<String>, now: DateTime<Utc>) {
        self.campaign = campaign.into();
        self.touch(now);
    }

    /// Sets the priority.
    pub fn set_priority(&mut self, priority: Priority, now: DateTime<Utc>) {
        self.priority = priority;
        self.touch(now);
    }

    /// Sets the expected deal value in VND.
    pub fn set_value(&mut self, value: Option<u64>, now: DateTime<Utc>) {
        self.value = value;
        self.touch(now);
    }

    /// Records the customer's satisfaction score.
    pub fn set_csat(&mut self, csat: Option<Csat>, now: DateTime<Utc>) {
        self.csat = csat;
        self.touch(now);
    }

    /// A field of the record this version keeps but does not read itself
    /// (see [`crate::domain::distribution::KEY`]).
    pub fn extra_field(&self, key: &str) -> Option<&serde_json::Value> {
        self.extra.0.get(key)
    }

    /// Sets such a field (not a change of its own: the caller's edit
    /// touches the lead).
    pub fn set_extra_field(&mut self, key: &str, value: serde_json::Value) {
        self.extra.0.insert(key.to_owned(), value);
    }

    /// Keeps an extra field (an imported column) verbatim.
    pub fn set_custom(
        &mut self,
        key: impl Into<String>,
        value: impl Into<String>,
        now: DateTime<Utc>,
    ) {
        self.custom.insert(key.into(), value.into());
        self.touch(now);
    }

    /// Records that something about the lead changed at `now` (an activity
    /// was logged): `updated_at` moves forward, strictly, so another tab's
    /// stale copy of this lead is refused (see `storage::Change::expect`).
    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.updated_at = now.max(self.updated_at + chrono::TimeDelta::milliseconds(1));
    }

    /// The first time the lead entered `stage`, if it ever did.
    pub fn entered(&self, stage: &StageId) -> Option<DateTime<Utc>> {
        self.history.iter().find(|c| &c.to == stage).map(|c| c.at)
    }

    /// When the lead entered its current stage.
    pub fn in_stage_since(&self) -> DateTime<Utc> {
        self.history.last().map_or(self.created_at, |c| c.at)
    }

    /// Campaign, possibly empty.
    pub fn campaign(&self) -> &str {
        &self.campaign
    }
    /// Owner, when assigned.
    pub fn owner(&self) -> Option<&RepId> {
        self.owner.as_ref()
    }
    /// When the current owner got the lead.
    pub fn assigned_at(&self) -> Option<DateTime<Utc>> {
        self.assigned_at
    }
    /// Expected value in VND.
    pub fn value(&self) -> Option<u64> {
        self.value
    }
    /// Imported extra fields.
    pub fn custom(&self) -> &BTreeMap<String, String> {
        &self.custom
    }
    /// Why it was lost or junked.
    pub fn closure(&self) -> Option<&Closure> {
        self.closure.as_ref()
    }
    /// Satisfaction score.
    pub fn csat(&self) -> Option<Csat> {
        self.csat
    }
    /// True when closed as junk.
    pub fn is_junk(&self) -> bool {
        self.closure
            .as_ref()
            .is_some_and(|c| c.kind == LossKind::Junk)
    }

    /// Identity.
    pub fn id(&self) -> LeadId {
        self.id
    }
    /// When the lead arrived.
    pub fn created_at(&self) -> DateTime<Utc> {
        self.created_at
    }
    /// When it entered this workspace: its creation, or later for a lead
    /// brought from another system. SLA clocks never start before it.
    pub fn entered_at(&self) -> DateTime<Utc> {
        self.entered_at
            .map_or(self.created_at, |at| at.max(self.created_at))
    }
    /// Records that the lead entered this workspace at `at` (an import of
    /// a lead created earlier elsewhere); nothing when `at` is not later
    /// than its creation.
    pub fn entering_at(mut self, at: DateTime<Utc>) -> Lead {
        self.entered_at = (at > self.created_at).then_some(at);
        self
    }
    /// A lead as it arrived, whatever it was built with on the way in (an
    /// import's campaign, extra fields, stage, priority): that is its
    /// arrival, not a change after it, so its last change is no later than
    /// its entry (`distribution::waiting` gives such a lead an owner).
    pub fn arrived(mut self) -> Lead {
        self.updated_at = self.updated_at.min(self.entered_at());
        self
    }
    /// Last change.
    pub fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }
    /// Full name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Phone, when given.
    pub fn phone(&self) -> Option<&Phone> {
        self.phone.as_ref()
    }
    /// E-mail, when given.
    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }
    /// Where it came from.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// Priority.
    pub fn priority(&self) -> Priority {
        self.priority
    }
    /// Current stage.
    pub fn stage(&self) -> &StageId {
        &self.stage
    }
    /// Every stage change, oldest first.
    pub fn history(&self) -> &[StageChange] {
        &self.history
    }
    /// True when the current stage is Won or Lost.
    pub fn is_closed(&self, pipeline: &Pipeline) -> bool {
        pipeline
            .stage(&self.stage)
            .is_some_and(|s| s.kind != StageKind::Open)
    }
}

#[cfg(test)]
mod tests;
