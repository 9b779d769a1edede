//! A person entered twice: a new or edited lead with the phone or e-mail
//! of another is shown before it is saved, and two leads for one person
//! become one (`Lead::absorb`: the other kept whole, its activities moved).

use super::{AppError, AppState, Toast};
use crate::app::clock;
use crate::domain::lead::{DraftErrors, Lead, LeadDraft, LeadId, Priority};
use crate::domain::search::same_contact;
use crate::storage::Change;
use leptos::prelude::*;

/// Why a lead was not saved.
#[derive(Clone, Debug, PartialEq)]
pub enum NotSaved {
    /// Field problems, to show at their fields.
    Invalid(DraftErrors),
    /// Another lead has this phone or e-mail.
    SameContact(LeadId),
}

/// What the edit form of a lead holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeadEdit {
    /// Name, phone, e-mail, source.
    pub draft: LeadDraft,
    /// Campaign (trimmed).
    pub campaign: String,
    /// Priority.
    pub priority: Priority,
    /// Expected value in VND.
    pub value: Option<u64>,
}

impl LeadEdit {
    /// Puts the edit on `lead`; on a field problem nothing changes.
    fn apply(
        &self,
        lead: &mut Lead,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), DraftErrors> {
        lead.update_contact(&self.draft, now)?;
        if lead.campaign() != self.campaign {
            lead.set_campaign(self.campaign.clone(), now);
        }
        if lead.priority() != self.priority {
            lead.set_priority(self.priority, now);
        }
        if lead.value() != self.value {
            lead.set_value(self.value, now);
        }
        Ok(())
    }
}

impl AppState {
    /// Validates a draft; when valid, saves the new lead and then shows it.
    /// Field errors come back at once so the form can show them. A lead
    /// with the phone or e-mail of another lead is not added unless
    /// `anyway`: the other lead comes back for the person to look at.
    pub fn add_lead(self, draft: &LeadDraft, anyway: bool) -> Result<(), NotSaved> {
        let draft = &self.in_home_country(draft);
        let lead = Lead::create(
            draft,
            clock::new_lead_id(),
            clock::now(),
            &self.pipeline.get_untracked(),
        )
        .map_err(NotSaved::Invalid)?;
        self.unless_known(&lead, anyway)?;
        self.persist(Change::lead(lead), None);
        Ok(())
    }

    /// Merges what was typed for a new lead into lead `id` (the same
    /// person): its missing phone or e-mail is filled; nothing it holds is
    /// overwritten, and no second lead is made.
    pub fn merge_into(self, id: LeadId, draft: &LeadDraft) {
        let draft = self.in_home_country(draft);
        self.edit(&[id], None, move |lead, _, now| {
            lead.fill_contact(&draft, now);
            Ok(())
        });
    }

    /// Edits a lead's contact (validated like a new lead: field errors come
    /// back at once and nothing is saved), campaign, priority and value. A
    /// phone or e-mail another lead has is not saved unless `anyway`: the
    /// other lead comes back.
    pub fn update_lead(self, id: LeadId, edit: &LeadEdit, anyway: bool) -> Result<(), NotSaved> {
        let Some(mut probe) = self.lead_untracked(id) else {
            self.error.set(Some(AppError::LeadNotFound(id)));
            return Ok(());
        };
        let edit = LeadEdit {
            draft: self.in_home_country(&edit.draft),
            ..edit.clone()
        };
        edit.apply(&mut probe, clock::now())
            .map_err(NotSaved::Invalid)?;
        self.unless_known(&probe, anyway)?;
        self.edit(&[id], None, move |lead, _, now| {
            edit.apply(lead, now)
                .map_err(|_| AppError::LeadNotFound(lead.id()))
        });
        Ok(())
    }

    /// Makes lead `from` part of lead `into` (the same person, see
    /// `Lead::absorb`), after putting `edit` on it when given: `into` keeps
    /// what it holds, takes what it lacks, keeps `from` whole and gets its
    /// activities; `from` is deleted. One transaction, guarded by both
    /// versions. `say` words the toast (with the name of the lead that
    /// stays) in each language.
    pub fn merge_leads(
        self,
        from: LeadId,
        into: LeadId,
        edit: Option<&LeadEdit>,
        say: fn(crate::ui::i18n::Lang, &str) -> String,
    ) {
        if from == into {
            return;
        }
        let (Some(mut gone), Some(stays)) = (self.lead_untracked(from), self.lead_untracked(into))
        else {
            let missing = if self.lead_untracked(from).is_none() {
                from
            } else {
                into
            };
            return self.error.set(Some(AppError::LeadNotFound(missing)));
        };
        let now = clock::now();
        let base = gone.updated_at();
        if let Some(edit) = edit {
            let edit = LeadEdit {
                draft: self.in_home_country(&edit.draft),
                ..edit.clone()
            };
            if edit.apply(&mut gone, now).is_err() {
                return;
            }
        }
        let name = stays.name().to_owned();
        let by = self.actor_name();
        let acts = [
            self.activities_of(stays.id()),
            self.activities_of(gone.id()),
        ]
        .concat();
        let mut change = Change::merge(stays, gone, &acts, by.as_deref(), now);
        // Guarded by the version read, not the one the edit made.
        for (id, at) in &mut change.expect {
            if *id == from {
                *at = base;
            }
        }
        let toast = Toast::Said {
            en: say(crate::ui::i18n::Lang::En, &name),
            vi: say(crate::ui::i18n::Lang::Vi, &name),
        };
        self.persist(change, Some(toast));
    }

    /// Err with the other lead when `lead`'s phone or e-mail is another's.
    fn unless_known(self, lead: &Lead, anyway: bool) -> Result<(), NotSaved> {
        if anyway {
            return Ok(());
        }
        match self.with_leads_untracked(|ls| same_contact(ls, lead, None).map(Lead::id)) {
            Some(other) => Err(NotSaved::SameContact(other)),
            None => Ok(()),
        }
    }

    /// The draft with the workspace's country for numbers without `+`.
    pub(super) fn in_home_country(self, draft: &LeadDraft) -> LeadDraft {
        LeadDraft {
            country: self.settings.with_untracked(|s| s.country),
            ..draft.clone()
        }
    }
}
