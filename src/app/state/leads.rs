//! Actions on leads: create, move, close, assign, edit, log activities,
//! delete and undo, import, and settle concurrent edits.

use super::{AppError, AppState, Toast, Undo};
use crate::app::clock;
use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
use crate::domain::lead::{Closure, Csat, Lead, LeadId};
use crate::domain::pipeline::StageId;
use crate::domain::rep::{Membership, Rep, RepId};
use crate::storage::Change;
use leptos::prelude::*;
use std::collections::BTreeSet;

impl AppState {
    /// Moves a lead to its next stage, saves it, then shows it.
    pub fn advance(self, id: LeadId) {
        let by = self.actor_name();
        self.edit(&[id], None, |lead, p, now| {
            lead.advance(p, by.as_deref(), now).map_err(AppError::Move)
        });
    }

    /// Moves leads to `stage`.
    pub fn move_to(self, ids: &[LeadId], stage: StageId) {
        let by = self.actor_name();
        self.edit(ids, None, move |lead, p, now| {
            if lead.stage() == &stage {
                return Ok(());
            }
            lead.move_to(&stage, p, by.as_deref(), now)
                .map_err(AppError::Move)
        });
    }

    /// Closes leads as lost or junk.
    pub fn close(self, ids: &[LeadId], closure: Closure) {
        let by = self.actor_name();
        self.edit(ids, None, move |lead, p, now| {
            lead.mark_lost(closure.clone(), p, by.as_deref(), now)
                .map_err(AppError::Move)
        });
    }

    /// Gives leads to `owner` (or nobody).
    pub fn assign(self, ids: &[LeadId], owner: Option<RepId>) {
        self.edit(ids, None, move |lead, _, now| {
            lead.assign(owner.clone(), now);
            Ok(())
        });
    }

    /// Records (or clears) the customer's satisfaction score.
    pub fn set_csat(self, id: LeadId, csat: Option<Csat>) {
        self.edit(&[id], None, move |lead, _, now| {
            lead.set_csat(csat, now);
            Ok(())
        });
    }

    /// Logs an activity on a lead by the acting rep: the rep linked to the
    /// signed-in team member; else the lead's owner; else the first active
    /// rep, who then owns it; a workspace without reps gets a "Me" ("Tôi") rep so a
    /// solo founder's calls count as responses. One transaction.
    pub fn log_activity(
        self,
        id: LeadId,
        kind: ActivityKind,
        direction: Direction,
        outcome: Outcome,
    ) {
        self.log_activity_at(id, kind, direction, outcome, None);
    }

    /// [`AppState::log_activity`] at `at` (None: now), never later than now.
    pub(crate) fn log_activity_at(
        self,
        id: LeadId,
        kind: ActivityKind,
        direction: Direction,
        outcome: Outcome,
        at: Option<chrono::DateTime<chrono::Utc>>,
    ) {
        let mut settings = self.settings.get_untracked();
        let Some(lead) = self.lead_untracked(id) else {
            return self.error.set(Some(AppError::LeadNotFound(id)));
        };
        let (actor, new_settings) = match self.my_rep().or_else(|| lead.owner().cloned()) {
            Some(rep) => (rep, None),
            None => match settings.reps.iter().find(|r| r.active) {
                Some(r) => (r.id.clone(), None),
                None => {
                    // In the language the person uses now (a name: it
                    // stays as written, and can be renamed in Settings).
                    let name = match crate::storage::local_settings::initial_lang() {
                        crate::ui::i18n::Lang::Vi => "Tôi",
                        crate::ui::i18n::Lang::En => "Me",
                    };
                    let me = Rep::new("me", name, Membership::Both, 200);
                    settings.reps.push(me);
                    (RepId::new("me"), Some(settings))
                }
            },
        };
        let now = clock::now();
        let activity = Activity {
            lead: id,
            at: at.map_or(now, |at| at.min(now)),
            kind,
            direction,
            outcome,
            rep: Some(actor.clone()),
            extra: Default::default(),
        };
        let mut list = self.activities_of(id);
        list.push(activity);
        let owner = lead.owner().is_none().then_some(actor);
        self.edit(&[id], Some((list, new_settings)), move |lead, _, now| {
            if let Some(o) = &owner {
                lead.assign(Some(o.clone()), now);
            }
            lead.touch(now);
            Ok(())
        });
    }

    /// Deletes leads and their activities; [`AppState::undo`] brings them back.
    pub fn delete(self, ids: &[LeadId]) {
        let set: BTreeSet<LeadId> = ids.iter().copied().collect();
        let leads: Vec<Lead> = self.with_leads_untracked(|ls| {
            ls.iter()
                .filter(|l| set.contains(&l.id()))
                .cloned()
                .collect()
        });
        let acts: Vec<Activity> = set.iter().flat_map(|id| self.activities_of(*id)).collect();
        let n = leads.len();
        self.undo.set_value(Some(Undo::Deleted(leads, acts)));
        self.persist(
            Change {
                deleted: set.into_iter().collect(),
                ..Change::default()
            },
            Some(Toast::Deleted(n)),
        );
    }

    /// Closes leads together (the Today queue's "close all"); [`AppState::undo`]
    /// puts each back in the stage it was in.
    pub fn close_all(self, ids: &[LeadId], closure: Closure) {
        let before: Vec<_> = ids
            .iter()
            .filter_map(|id| self.lead_untracked(*id).map(|l| (*id, l.stage().clone())))
            .collect();
        self.undo.set_value(Some(Undo::Closed(before)));
        let by = self.actor_name();
        self.edit_then(
            ids,
            None,
            Some(Toast::Closed(ids.len())),
            move |lead, p, now| {
                lead.mark_lost(closure.clone(), p, by.as_deref(), now)
                    .map_err(AppError::Move)
            },
        );
    }

    /// Takes back what the last toast offered to undo.
    pub fn undo(self) {
        match self.undo.try_update_value(Option::take).flatten() {
            Some(Undo::Deleted(leads, acts)) => self.undo_delete(leads, acts),
            Some(Undo::Closed(stages)) => {
                let ids: Vec<LeadId> = stages.iter().map(|(id, _)| *id).collect();
                let by = self.actor_name();
                self.edit(&ids, None, move |lead, p, now| {
                    let id = lead.id();
                    let Some((_, stage)) = stages.iter().find(|(l, _)| *l == id) else {
                        return Ok(());
                    };
                    lead.reopen(stage, p, by.as_deref(), now)
                        .map_err(AppError::Move)
                });
            }
            None => {}
        }
    }

    /// Restores the leads of the last deletion.
    fn undo_delete(self, leads: Vec<Lead>, acts: Vec<Activity>) {
        let mut grouped: Vec<(LeadId, Vec<Activity>)> = Vec::new();
        for a in acts {
            match grouped.iter_mut().find(|(id, _)| *id == a.lead) {
                Some((_, list)) => list.push(a),
                None => grouped.push((a.lead, vec![a])),
            }
        }
        self.persist(
            Change {
                leads,
                activities: grouped,
                ..Change::default()
            },
            None,
        );
    }

    /// Adds imported leads and saves the existing leads they filled in
    /// (each guarded by the version it was read at), in one transaction.
    pub fn import_leads(self, leads: Vec<Lead>, merged: Vec<Lead>, new_reps: Vec<Rep>) {
        let (added, filled) = (leads.len(), merged.len());
        let expect = self.with_leads_untracked(|ls| {
            merged
                .iter()
                .filter_map(|m| ls.iter().find(|l| l.id() == m.id()))
                .map(|l| (l.id(), l.updated_at()))
                .collect()
        });
        let mut all = leads;
        all.extend(merged);
        // Owners the person chose to add as reps come in the same write.
        let (settings, expect_settings) = if new_reps.is_empty() {
            (None, None)
        } else {
            let before = self.settings.get_untracked();
            let mut after = before.clone();
            after.reps.extend(new_reps);
            (Some(after), Some(before))
        };
        self.persist(
            Change {
                leads: all,
                expect,
                settings,
                expect_settings,
                ..Change::default()
            },
            Some(Toast::Imported(added, filled)),
        );
    }

    /// Takes the other value of a concurrent edit (conflict `index` of the lead).
    pub fn take_conflict(self, id: LeadId, index: usize) {
        let by = self.actor_name();
        self.edit(&[id], None, move |lead, p, now| {
            lead.take_conflict(index, p, by.as_deref(), now)
                .map_err(AppError::Move)
        });
    }

    /// Keeps the current value of a concurrently edited field.
    pub fn dismiss_conflicts(self, id: LeadId, field: String) {
        self.edit(&[id], None, move |lead, _, now| {
            lead.dismiss_conflicts(&field, now);
            Ok(())
        });
    }

    pub(crate) fn lead_untracked(self, id: LeadId) -> Option<Lead> {
        self.insights.with_untracked(|i| i.lead(id).cloned())
    }
}
