//! The one path of every change: the store, an edit of some leads (domain
//! call, one `Change` guarded by the versions it started from), and
//! `persist` (write blocked? → commit → signals → other tabs → wake the push
//! loop).

use super::*;

/// From how many leads a change shows a progress bar while it is stored.
const BIG_CHANGE: usize = 500;

impl AppState {
    pub(crate) fn store(self) -> Result<Rc<dyn Store>, AppError> {
        self.store.get_value().ok_or_else(|| {
            AppError::Storage(StorageError::Unavailable("the store is not open".into()))
        })
    }

    /// Applies `f` to each lead in `ids` and saves them in one transaction,
    /// guarded by each lead's version; `activities` (one lead's full list,
    /// and changed settings) go into the same transaction. The first refusal
    /// cancels everything.
    pub(crate) fn edit(
        self,
        ids: &[LeadId],
        activities: Option<(Vec<Activity>, Option<Settings>)>,
        f: impl Fn(&mut Lead, &Pipeline, DateTime<Utc>) -> Result<(), AppError>,
    ) {
        self.edit_then(ids, activities, None, f);
    }

    /// [`AppState::edit`], then `toast` once saved.
    pub(crate) fn edit_then(
        self,
        ids: &[LeadId],
        activities: Option<(Vec<Activity>, Option<Settings>)>,
        toast: Option<Toast>,
        f: impl Fn(&mut Lead, &Pipeline, DateTime<Utc>) -> Result<(), AppError>,
    ) {
        let pipeline = self.pipeline.get_untracked();
        let now = clock::now();
        let mut change = Change::default();
        for id in ids {
            let Some(mut lead) = self.lead_untracked(*id) else {
                return self.error.set(Some(AppError::LeadNotFound(*id)));
            };
            change.expect.push((*id, lead.updated_at()));
            if let Err(e) = f(&mut lead, &pipeline, now) {
                return self.error.set(Some(e));
            }
            change.leads.push(lead);
        }
        if let Some((list, settings)) = activities {
            if let Some(first) = ids.first() {
                change.activities.push((*first, list));
            }
            change.expect_settings = settings.as_ref().map(|_| self.settings.get_untracked());
            change.settings = settings;
        }
        self.persist(change, toast);
    }

    /// Saves a change, then shows it and tells the other tabs. On a
    /// conflict nothing is written; the latest version is reloaded and the
    /// person is told why.
    pub(crate) fn persist(self, change: Change, toast: Option<Toast>) {
        if let Some(commit) = self.commit(change, toast, false) {
            spawn_local(commit);
        }
    }

    /// Edits leads for the app's own rules (distribution): `f` changes each
    /// lead of `ids` still here. The edit is stored when the returned
    /// future is run (by the caller, so no callback crosses into the first
    /// load's code); a lead changed meanwhile refuses it without a word
    /// (the next change tries again).
    pub(crate) fn edit_quietly(
        self,
        ids: &[LeadId],
        f: &dyn Fn(&mut Lead, DateTime<Utc>),
    ) -> Option<impl Future<Output = ()> + use<>> {
        let now = clock::now();
        let mut change = Change::default();
        for id in ids {
            if let Some(mut lead) = self.lead_untracked(*id) {
                change.expect.push((*id, lead.updated_at()));
                f(&mut lead, now);
                change.leads.push(lead);
            }
        }
        self.commit(change, None, true)
    }

    /// Checks a change can be written; the future stores it and shows it.
    pub(super) fn commit(
        self,
        mut change: Change,
        toast: Option<Toast>,
        quiet: bool,
    ) -> Option<impl Future<Output = ()> + use<>> {
        let store = match self.store() {
            Ok(s) => s,
            Err(e) => {
                self.error.set(Some(e));
                return None;
            }
        };
        if let Some(e) = self.blocked_for(Some(&change)) {
            self.error.set(Some(e));
            return None;
        }
        change.now = Some(clock::now());
        // A big change (an import, a merge) takes seconds to store.
        let big = change.leads.len() >= BIG_CHANGE;
        if big {
            self.busy.set(Some(Busy::Saving(change.leads.len())));
        }
        Some(async move {
            let committed = self.while_writing(store.commit(&change)).await;
            if big {
                self.busy.set(None);
            }
            match committed {
                Ok(()) => {
                    self.apply(change);
                    // The person's slip the banner named (no reason, a
                    // refused move) is over once a change of theirs is stored.
                    if self.error.with_untracked(|e| {
                        matches!(e, Some(AppError::ReasonMissing | AppError::Move(_)))
                    }) {
                        self.error.set(None);
                    }
                    if toast.is_some() {
                        self.toast.set(toast);
                    }
                    self.announce();
                    if self.link.with_untracked(Option::is_some) {
                        self.team.update(|t| t.waiting += 1);
                        self.sync_kick.fire();
                    }
                }
                Err(e @ (StorageError::Conflict { .. } | StorageError::SettingsConflict)) => {
                    if !quiet {
                        self.error.set(Some(AppError::Storage(e)));
                    }
                    self.reload();
                }
                Err(e) => self.failed_write(e),
            }
        })
    }

    /// Shows a committed change: the settings, and the leads it touched
    /// (worked out again on their own; every other lead keeps its clocks
    /// until the next tick).
    fn apply(self, mut change: Change) {
        if let Some(s) = change.settings.take() {
            self.show_settings(s);
        }
        // Activities logged or withdrawn: the lists as shown now (with
        // whatever a pull showed meanwhile) changed the same way.
        let mut lists: Vec<LeadId> = change
            .appended
            .iter()
            .chain(&change.withdrawn)
            .map(|a| a.lead)
            .filter(|id| !change.activities.iter().any(|(l, _)| l == id))
            .collect();
        lists.sort();
        lists.dedup();
        if !change.appended.is_empty() || !change.withdrawn.is_empty() {
            for i in 0..change.activities.len() {
                let id = change.activities[i].0;
                change.activities[i].1 = change.activities_after(id, &[]);
            }
        }
        for id in lists {
            let list = change.activities_after(id, &self.activities_of(id));
            change.activities.push((id, list));
        }
        if !change.leads.is_empty() || !change.activities.is_empty() || !change.deleted.is_empty() {
            self.show_change(Changed {
                leads: change.leads,
                activities: change.activities,
                deleted: change.deleted,
            });
        }
    }
}
