//! Actions on leads: create, move, close, assign, edit, log activities,
//! delete and undo, import, and settle concurrent edits.

use super::{AppError, AppState, Toast, Undo};
use crate::app::clock;
use crate::domain::activity::{Activity, ActivityDraft, ActivityProblem};
use crate::domain::lead::{Closure, Csat, Lead, LeadId};
use crate::domain::pipeline::StageId;
use crate::domain::rep::{Membership, Rep, RepId};
use crate::storage::Change;
use leptos::prelude::*;
use std::collections::BTreeSet;

impl AppState {
    /// Moves a lead to its next stage, saves it, then shows it; the toast
    /// offers to take the move back.
    pub fn advance(self, id: LeadId) {
        let by = self.actor_name();
        let toast = self.moving(&[id]);
        self.edit_then(&[id], None, toast, |lead, p, now| {
            lead.advance(p, by.as_deref(), now).map_err(AppError::Move)
        });
    }

    /// Moves leads to `stage`; the toast offers to take the move back.
    pub fn move_to(self, ids: &[LeadId], stage: StageId) {
        let by = self.actor_name();
        let moving: Vec<LeadId> = ids
            .iter()
            .copied()
            .filter(|id| {
                self.lead_untracked(*id)
                    .is_some_and(|l| l.stage() != &stage)
            })
            .collect();
        let toast = self.moving(&moving);
        self.edit_then(ids, None, toast, move |lead, p, now| {
            if lead.stage() == &stage {
                return Ok(());
            }
            lead.move_by_hand(&stage, p, by.as_deref(), now)
                .map_err(AppError::Move)
        });
    }

    /// Remembers `ids` as they are before a stage move (for Undo) and
    /// returns the toast that will say it.
    fn moving(self, ids: &[LeadId]) -> Option<Toast> {
        let before: Vec<Lead> = ids
            .iter()
            .filter_map(|id| self.lead_untracked(*id))
            .collect();
        let lead = before.first()?.id();
        let n = before.len();
        self.undo.set_value(Some(Undo::Moved(before)));
        Some(Toast::Moved {
            lead,
            n,
            closed: None,
        })
    }

    /// Closes leads as lost or junk; the toast offers to take it back.
    pub fn close(self, ids: &[LeadId], closure: Closure) {
        let by = self.actor_name();
        let toast = self.moving(ids).map(|t| match t {
            Toast::Moved { lead, n, .. } => Toast::Moved {
                lead,
                n,
                closed: Some(closure.kind),
            },
            t => t,
        });
        self.edit_then(ids, None, toast, move |lead, p, now| {
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

    /// Logs what a person chose on a lead ([`Activity::log`]: a note is its
    /// text; other kinds an outcome that fits them and an optional note),
    /// now. See [`AppState::log_activity_at`].
    pub fn log_activity(self, id: LeadId, draft: ActivityDraft) -> Result<(), ActivityProblem> {
        self.log_activity_at(id, draft, None)
    }

    /// Logs `draft` on lead `id` at `at` (None: now; never later than now).
    /// It counts for the acting rep — the rep linked to the signed-in team
    /// member; else the lead's owner; else the first active rep, who then
    /// owns it; a workspace without reps gets a "Me" ("Tôi") rep so a solo
    /// founder's calls count as responses — and records who logged it (the
    /// signed-in member). The activity is appended to the lead's list as
    /// stored ([`Change::log`]): a colleague's edit of the lead meanwhile
    /// never refuses or drops it. A toast says what was logged and what
    /// comes next, with Undo. A draft the rules refuse is returned and
    /// nothing is written.
    pub(crate) fn log_activity_at(
        self,
        id: LeadId,
        draft: ActivityDraft,
        at: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<(), ActivityProblem> {
        let Some(lead) = self.lead_untracked(id) else {
            self.error.set(Some(AppError::LeadNotFound(id)));
            return Ok(());
        };
        let mut settings = self.settings.get_untracked();
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
        let by = self
            .link
            .with_untracked(|l| l.as_ref().map(|l| l.user.clone()));
        let activity = Activity::log(
            &draft,
            id,
            at.map_or(now, |at| at.min(now)),
            Some(actor.clone()),
            by.as_deref(),
        )?;
        // A lead nobody owned goes to whoever worked it: said, and undone
        // with the log.
        let given = lead.owner().is_none().then(|| actor.clone());
        self.undo
            .set_value(Some(Undo::Logged(activity.clone(), given.clone())));
        let toast = Toast::Logged {
            lead: id,
            kind: activity.kind,
            outcome: activity.outcome,
            // Not worth saying to a founder working alone (the "Me" rep
            // made for their calls).
            given: given.clone().filter(|r| r.as_str() != "me"),
        };
        let mut change = Change::log(activity);
        if let Some(s) = new_settings {
            change.expect_settings = Some(self.settings.get_untracked());
            change.settings = Some(s);
        }
        self.persist(change, Some(toast));
        // Its own change: the log above stands whatever happens to this one.
        if given.is_some() {
            self.assign(&[id], Some(actor));
        }
        Ok(())
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
            Some(Undo::Logged(activity, given)) => {
                let lead = activity.lead;
                self.persist(
                    Change {
                        withdrawn: vec![activity],
                        ..Change::default()
                    },
                    None,
                );
                // The lead it gave goes back to nobody, unless someone gave
                // it to another rep meanwhile.
                if given.is_some()
                    && self.lead_untracked(lead).and_then(|l| l.owner().cloned()) == given
                {
                    self.assign(&[lead], None);
                }
            }
            Some(Undo::Moved(before)) => {
                let ids: Vec<LeadId> = before.iter().map(Lead::id).collect();
                self.edit(&ids, None, move |lead, _, now| {
                    if let Some(b) = before.iter().find(|b| b.id() == lead.id()) {
                        lead.take_back_move(b, now);
                    }
                    Ok(())
                });
            }
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
    /// (each guarded by the version it was read at), in one transaction;
    /// `say` words the toast (leads added, leads filled in) in each language.
    pub fn import_leads(
        self,
        leads: Vec<Lead>,
        merged: Vec<Lead>,
        new_reps: Vec<Rep>,
        say: fn(crate::ui::i18n::Lang, usize, usize) -> String,
    ) {
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
            Some(Toast::Said {
                en: say(crate::ui::i18n::Lang::En, added, filled),
                vi: say(crate::ui::i18n::Lang::Vi, added, filled),
            }),
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
