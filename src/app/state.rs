//! The reactive state of a running app and the actions that change it.

use super::clock;
use super::sync::Channel;
use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
use crate::domain::digest::Digest;
use crate::domain::lead::{Closure, Csat, DraftErrors, Lead, LeadDraft, LeadId, MoveError};
use crate::domain::pipeline::{Pipeline, StageId};
use crate::domain::rep::{Membership, Rep, RepId};
use crate::domain::sla::LeadClocks;
use crate::domain::workspace::{Evaluation, Prepared, Settings, Workspace};
use crate::storage::{Change, StorageError, Store};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

/// Where the workspace is in its life.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loading {
    /// Opening the store.
    Opening,
    /// Leads are loaded; edits are saved.
    Ready,
    /// The store could not be opened: the app stays readable, edits are refused.
    Unavailable,
}

/// An error shown to the user in the app's one error area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppError {
    /// Reading or writing the store failed.
    Storage(StorageError),
    /// A stage move was refused.
    Move(MoveError),
    /// The lead no longer exists (deleted in another tab, or a stale link).
    LeadNotFound(LeadId),
    /// A backup file was refused; nothing changed.
    Backup(crate::io::backup::BackupError),
    /// A CSV file cannot be read; nothing changed.
    Csv(crate::io::csv_import::ImportError),
    /// Closing leads needs a reason.
    ReasonMissing,
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Storage(e) => e.fmt(f),
            AppError::Move(e) => e.fmt(f),
            AppError::LeadNotFound(id) => write!(f, "lead {id} does not exist"),
            AppError::Backup(e) => write!(f, "The backup was not imported: {e}"),
            AppError::Csv(e) => write!(f, "The CSV file was not imported: {e}"),
            AppError::ReasonMissing => {
                f.write_str("Write a reason before closing leads as junk or lost.")
            }
        }
    }
}

/// A shared, immutable value compared by identity (cheap `Memo` equality).
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What every report screen starts from: the workspace and each lead's
/// clocks at `now` and facts, computed once per change or clock tick.
#[derive(Debug)]
pub struct Insights {
    /// The workspace as shown (shared by the insights of every tick until
    /// the data or the settings change).
    pub ws: Arc<Workspace>,
    /// When the clocks were evaluated.
    pub now: DateTime<Utc>,
    /// Clocks and facts of `ws.leads[i]` (empty when the calendar is invalid).
    pub eval: Evaluation,
    /// Position of each lead in `ws.leads`.
    pub index: Arc<HashMap<LeadId, usize>>,
    /// The leads digested, for the next tick of the same workspace.
    digest: Option<Arc<Digest>>,
}

impl Insights {
    /// Evaluates every lead of `ws` at `now`.
    pub fn new(ws: Arc<Workspace>, now: DateTime<Utc>) -> Insights {
        let index = Arc::new(
            ws.leads
                .iter()
                .enumerate()
                .map(|(i, l)| (l.id(), i))
                .collect(),
        );
        Insights::evaluate(ws, now, index, None)
    }

    /// The insights of the same workspace at a new `now` (a clock tick):
    /// the leads are evaluated again from the digest this one kept.
    pub fn at(&self, now: DateTime<Utc>) -> Insights {
        Insights::evaluate(
            Arc::clone(&self.ws),
            now,
            Arc::clone(&self.index),
            self.digest.clone(),
        )
    }

    fn evaluate(
        ws: Arc<Workspace>,
        now: DateTime<Utc>,
        index: Arc<HashMap<LeadId, usize>>,
        digest: Option<Arc<Digest>>,
    ) -> Insights {
        let prepared = match digest {
            Some(d) => Prepared::with_digest(&ws, d, now),
            None => Prepared::new(&ws, now),
        };
        let (eval, digest) = match prepared {
            Ok(p) => {
                let digest = p.shared_digest();
                (p.eval.into_owned(), Some(digest))
            }
            Err(_) => (Evaluation::default(), None),
        };
        Insights {
            ws,
            now,
            eval,
            index,
            digest,
        }
    }

    /// The workspace prepared for the report functions, sharing this evaluation.
    pub fn prepared(&self) -> Option<Prepared<'_>> {
        Prepared::with_evaluation(&self.ws, &self.eval).ok()
    }

    /// Every lead's clocks, in order (empty when the calendar is invalid).
    pub fn clocks(&self) -> &[LeadClocks] {
        &self.eval.clocks
    }

    /// The clocks of one lead.
    pub fn clocks_of(&self, id: LeadId) -> Option<&LeadClocks> {
        self.index.get(&id).and_then(|i| self.clocks().get(*i))
    }

    /// One lead.
    pub fn lead(&self, id: LeadId) -> Option<&Lead> {
        self.index.get(&id).map(|i| &self.ws.leads[*i])
    }

    /// The display name of a rep (its id when unknown).
    pub fn rep_name(&self, id: &RepId) -> String {
        self.ws
            .reps
            .iter()
            .find(|r| &r.id == id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }
}

/// A result shown briefly at the bottom of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Toast {
    /// A backup was merged.
    Merged(crate::domain::merge::MergeReport),
    /// The workspace was replaced (backup, sample data, erase).
    Replaced(usize),
    /// Leads deleted (offers undo).
    Deleted(usize),
    /// Leads imported from a file: added, and existing leads filled in.
    Imported(usize, usize),
    /// Settings saved.
    Saved,
}

/// Leads removed by the last deletion, with their activities (for undo).
type Deleted = (Vec<Lead>, Vec<Activity>);

/// Everything views read. `Copy`: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Leads in creation order.
    pub leads: RwSignal<Vec<Lead>>,
    /// Activities of every lead.
    pub activities: RwSignal<Vec<Activity>>,
    /// Pipeline, calendar, policies, reps, targets.
    pub settings: RwSignal<Settings>,
    /// The pipeline leads move through, derived from `settings`.
    pub pipeline: Memo<Pipeline>,
    /// Store life cycle.
    pub loading: RwSignal<Loading>,
    /// The last error, until dismissed.
    pub error: RwSignal<Option<AppError>>,
    /// The instant clocks are evaluated at; ticks while the app is open.
    pub now: RwSignal<DateTime<Utc>>,
    /// Workspace plus every lead's clocks, recomputed on change or tick.
    pub insights: Memo<Shared<Insights>>,
    /// The last result message.
    pub toast: RwSignal<Option<Toast>>,
    undo: StoredValue<Option<Deleted>, LocalStorage>,
    store: StoredValue<Option<Rc<dyn Store>>, LocalStorage>,
    channel: StoredValue<Option<Channel>, LocalStorage>,
}

impl AppState {
    /// Fresh state; nothing is loaded until [`AppState::attach`].
    pub fn new() -> Self {
        let settings = RwSignal::new(Workspace::default().settings());
        let leads = RwSignal::new(Vec::new());
        let activities = RwSignal::new(Vec::new());
        let now = RwSignal::new(clock::now());
        // The workspace, rebuilt when the data or the settings change (not
        // on a clock tick).
        let data = Memo::new(move |_| {
            Shared(Arc::new(Workspace::from_parts(
                settings.get(),
                leads.get(),
                activities.get(),
            )))
        });
        AppState {
            leads,
            activities,
            settings,
            pipeline: Memo::new(move |_| settings.with(|s| s.pipeline.clone())),
            loading: RwSignal::new(Loading::Opening),
            error: RwSignal::new(None),
            now,
            insights: Memo::new(move |previous: Option<&Shared<Insights>>| {
                let ws = data.get();
                let now = now.get();
                Shared(Arc::new(match previous {
                    // A clock tick: same data, a new instant.
                    Some(p) if Arc::ptr_eq(&p.0.ws, &ws.0) => p.0.at(now),
                    _ => Insights::new(ws.0, now),
                }))
            }),
            toast: RwSignal::new(None),
            undo: StoredValue::new_local(None),
            store: StoredValue::new_local(None),
            channel: StoredValue::new_local(None),
        }
    }

    /// Loads the workspace from `store` and saves every later edit there.
    pub async fn attach(self, store: Rc<dyn Store>) {
        match store.load().await {
            Ok(ws) => {
                self.show(ws);
                self.store.set_value(Some(store));
                self.loading.set(Loading::Ready);
            }
            Err(e) => self.fail_to_open(e),
        }
    }

    fn show(self, mut ws: Workspace) {
        self.settings.set(ws.settings());
        crate::domain::workspace::group_by_lead(&mut ws.activities);
        self.activities.set(ws.activities);
        self.leads.set(ws.leads);
    }

    /// Replaces the whole workspace (sample data, backup import) in one
    /// transaction, then shows it. On failure nothing changes.
    pub fn replace_workspace(self, ws: Workspace) {
        self.replace_with_toast(ws, None);
    }

    /// Merges a backup into the workspace (see `domain::merge`) and saves
    /// the result in one transaction; the toast reports what changed.
    pub fn merge_workspace(self, incoming: Workspace) {
        let (merged, report) = crate::domain::merge::merge(&self.snapshot(), incoming);
        self.replace_with_toast(merged, Some(Toast::Merged(report)));
    }

    fn replace_with_toast(self, ws: Workspace, toast: Option<Toast>) {
        let store = match self.store() {
            Ok(s) => s,
            Err(e) => return self.error.set(Some(e)),
        };
        spawn_local(async move {
            match store.replace(&ws).await {
                Ok(()) => {
                    let n = ws.leads.len();
                    self.show(ws);
                    self.now.set(clock::now());
                    self.toast.set(Some(toast.unwrap_or(Toast::Replaced(n))));
                    self.announce();
                }
                Err(e) => self.error.set(Some(AppError::Storage(e))),
            }
        });
    }

    /// The workspace as shown (for export).
    pub fn snapshot(self) -> Workspace {
        Workspace::from_parts(
            self.settings.get_untracked(),
            self.leads.get_untracked(),
            self.activities.get_untracked(),
        )
    }

    /// Replaces the workspace with a generated one of `leads` leads.
    pub fn load_sample(self, leads: usize) {
        let now = clock::now();
        let seed = now.timestamp_millis() as u64;
        self.replace_workspace(crate::domain::sample::generate(seed, leads, 6, now));
    }

    /// Listens for writes of other tabs on the workspace `db_name` (see `app::sync`).
    pub fn sync_with_other_tabs(self, db_name: &str) {
        self.channel.set_value(Channel::listen(db_name, self));
    }

    fn announce(self) {
        self.channel.with_value(|c| {
            if let Some(c) = c {
                c.announce();
            }
        });
    }

    /// Reloads the workspace from the store (another tab wrote, or a conflict).
    pub fn reload(self) {
        let Ok(store) = self.store() else { return };
        spawn_local(async move {
            match store.load().await {
                Ok(ws) => self.show(ws),
                Err(e) => self.error.set(Some(AppError::Storage(e))),
            }
        });
    }

    /// Records that no store could be opened.
    pub fn fail_to_open(self, e: StorageError) {
        self.loading.set(Loading::Unavailable);
        self.error.set(Some(AppError::Storage(e)));
    }

    /// The distinct non-empty values of a lead field (sources, campaigns),
    /// sorted, tracked.
    pub fn distinct(self, field: fn(&Lead) -> &str) -> BTreeSet<String> {
        self.leads.with(|ls| {
            ls.iter()
                .map(field)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
    }

    /// The lead with this id, tracked.
    pub fn lead(self, id: LeadId) -> Option<Lead> {
        self.leads
            .with(|ls| ls.iter().find(|l| l.id() == id).cloned())
    }

    fn store(self) -> Result<Rc<dyn Store>, AppError> {
        self.store.get_value().ok_or_else(|| {
            AppError::Storage(StorageError::Unavailable("the store is not open".into()))
        })
    }

    /// Validates a draft; when valid, saves the new lead and then shows it.
    /// Field errors come back at once so the form can show them.
    pub fn add_lead(self, draft: &LeadDraft) -> Result<(), DraftErrors> {
        let lead = Lead::create(
            draft,
            clock::new_lead_id(),
            clock::now(),
            &self.pipeline.get_untracked(),
        )?;
        self.persist(Change::lead(lead), None);
        Ok(())
    }

    /// Moves a lead to its next stage, saves it, then shows it.
    pub fn advance(self, id: LeadId) {
        self.edit(&[id], None, |lead, p, now| {
            lead.advance(p, None, now).map_err(AppError::Move)
        });
    }

    /// Moves leads to `stage`.
    pub fn move_to(self, ids: &[LeadId], stage: StageId) {
        self.edit(ids, None, move |lead, p, now| {
            if lead.stage() == &stage {
                return Ok(());
            }
            lead.move_to(&stage, p, None, now).map_err(AppError::Move)
        });
    }

    /// Closes leads as lost or junk.
    pub fn close(self, ids: &[LeadId], closure: Closure) {
        self.edit(ids, None, move |lead, p, now| {
            lead.mark_lost(closure.clone(), p, None, now)
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

    /// Edits a lead's contact (validated like a new lead: field errors come
    /// back at once and nothing is saved), campaign, priority and value.
    pub fn update_lead(
        self,
        id: LeadId,
        draft: &LeadDraft,
        campaign: String,
        priority: crate::domain::lead::Priority,
        value: Option<u64>,
    ) -> Result<(), DraftErrors> {
        let Some(mut probe) = self.lead_untracked(id) else {
            self.error.set(Some(AppError::LeadNotFound(id)));
            return Ok(());
        };
        probe.update_contact(draft, clock::now())?;
        let draft = draft.clone();
        self.edit(&[id], None, move |lead, _, now| {
            lead.update_contact(&draft, now)
                .map_err(|_| AppError::LeadNotFound(lead.id()))?;
            if lead.campaign() != campaign {
                lead.set_campaign(campaign.clone(), now);
            }
            if lead.priority() != priority {
                lead.set_priority(priority, now);
            }
            if lead.value() != value {
                lead.set_value(value, now);
            }
            Ok(())
        });
        Ok(())
    }

    /// Records (or clears) the customer's satisfaction score.
    pub fn set_csat(self, id: LeadId, csat: Option<Csat>) {
        self.edit(&[id], None, move |lead, _, now| {
            lead.set_csat(csat, now);
            Ok(())
        });
    }

    /// Logs an activity on a lead by the acting rep (its owner; else the first
    /// active rep, who then owns it; a workspace without reps gets a "Me" rep
    /// so a solo founder's calls count as responses). One transaction.
    pub fn log_activity(
        self,
        id: LeadId,
        kind: ActivityKind,
        direction: Direction,
        outcome: Outcome,
    ) {
        let mut settings = self.settings.get_untracked();
        let Some(lead) = self.lead_untracked(id) else {
            return self.error.set(Some(AppError::LeadNotFound(id)));
        };
        let (actor, new_settings) = match lead.owner() {
            Some(owner) => (owner.clone(), None),
            None => match settings.reps.iter().find(|r| r.active) {
                Some(r) => (r.id.clone(), None),
                None => {
                    let me = Rep {
                        id: RepId::new("me"),
                        name: "Me".into(),
                        team: Membership::Both,
                        capacity: 200,
                        active: true,
                        extra: Default::default(),
                    };
                    settings.reps.push(me);
                    (RepId::new("me"), Some(settings))
                }
            },
        };
        let now = clock::now();
        let activity = Activity {
            lead: id,
            at: now,
            kind,
            direction,
            outcome,
            rep: Some(actor.clone()),
            extra: Default::default(),
        };
        let mut list: Vec<Activity> = self
            .activities
            .with_untracked(|all| all.iter().filter(|a| a.lead == id).cloned().collect());
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

    /// Deletes leads and their activities; [`AppState::undo_delete`] brings them back.
    pub fn delete(self, ids: &[LeadId]) {
        let set: BTreeSet<LeadId> = ids.iter().copied().collect();
        let leads: Vec<Lead> = self.leads.with_untracked(|ls| {
            ls.iter()
                .filter(|l| set.contains(&l.id()))
                .cloned()
                .collect()
        });
        let acts: Vec<Activity> = self.activities.with_untracked(|all| {
            all.iter()
                .filter(|a| set.contains(&a.lead))
                .cloned()
                .collect()
        });
        let n = leads.len();
        self.undo.set_value(Some((leads, acts)));
        self.persist(
            Change {
                deleted: set.into_iter().collect(),
                ..Change::default()
            },
            Some(Toast::Deleted(n)),
        );
    }

    /// Restores the leads of the last deletion.
    pub fn undo_delete(self) {
        let Some((leads, acts)) = self.undo.try_update_value(Option::take).flatten() else {
            return;
        };
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
    pub fn import_leads(self, leads: Vec<Lead>, merged: Vec<Lead>) {
        let (added, filled) = (leads.len(), merged.len());
        let expect = self.leads.with_untracked(|ls| {
            merged
                .iter()
                .filter_map(|m| ls.iter().find(|l| l.id() == m.id()))
                .map(|l| (l.id(), l.updated_at()))
                .collect()
        });
        let mut all = leads;
        all.extend(merged);
        self.persist(
            Change {
                leads: all,
                expect,
                ..Change::default()
            },
            Some(Toast::Imported(added, filled)),
        );
    }

    /// Saves new settings (pipeline, calendar, policies, reps, targets), made
    /// from the settings this tab shows: refused when the stored ones have
    /// changed since (another tab), and then reloaded.
    pub fn save_settings(self, settings: Settings) {
        self.persist(
            Change {
                settings: Some(settings),
                expect_settings: Some(self.settings.get_untracked()),
                ..Change::default()
            },
            Some(Toast::Saved),
        );
    }

    /// Erases every lead, activity and setting.
    pub fn erase(self) {
        self.replace_workspace(Workspace::default());
    }

    fn lead_untracked(self, id: LeadId) -> Option<Lead> {
        self.leads
            .with_untracked(|ls| ls.iter().find(|l| l.id() == id).cloned())
    }

    /// Applies `f` to each lead in `ids` and saves them in one transaction,
    /// guarded by each lead's version; `activities` (one lead's full list,
    /// and changed settings) go into the same transaction. The first refusal
    /// cancels everything.
    fn edit(
        self,
        ids: &[LeadId],
        activities: Option<(Vec<Activity>, Option<Settings>)>,
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
        self.persist(change, None);
    }

    /// Saves a change, then shows it and tells the other tabs. On a
    /// conflict nothing is written; the latest version is reloaded and the
    /// person is told why.
    fn persist(self, change: Change, toast: Option<Toast>) {
        let store = match self.store() {
            Ok(s) => s,
            Err(e) => return self.error.set(Some(e)),
        };
        spawn_local(async move {
            match store.commit(&change).await {
                Ok(()) => {
                    self.apply(change);
                    if toast.is_some() {
                        self.toast.set(toast);
                    }
                    self.announce();
                }
                Err(e @ (StorageError::Conflict { .. } | StorageError::SettingsConflict)) => {
                    self.error.set(Some(AppError::Storage(e)));
                    self.reload();
                }
                Err(e) => self.error.set(Some(AppError::Storage(e))),
            }
        });
    }

    /// Shows a committed change.
    fn apply(self, change: Change) {
        self.now.set(clock::now());
        let gone: BTreeSet<LeadId> = change.deleted.iter().copied().collect();
        if let Some(s) = change.settings {
            self.settings.set(s);
        }
        if !change.activities.is_empty() || !gone.is_empty() {
            self.activities.update(|all| {
                let replaced: BTreeSet<LeadId> =
                    change.activities.iter().map(|(id, _)| *id).collect();
                all.retain(|a| !gone.contains(&a.lead) && !replaced.contains(&a.lead));
                for (_, list) in change.activities {
                    all.extend(list);
                }
            });
        }
        if !change.leads.is_empty() || !gone.is_empty() {
            self.leads.update(|ls| {
                ls.retain(|l| !gone.contains(&l.id()));
                let pos: HashMap<LeadId, usize> =
                    ls.iter().enumerate().map(|(i, l)| (l.id(), i)).collect();
                for lead in change.leads {
                    match pos.get(&lead.id()) {
                        Some(i) => ls[*i] = lead,
                        None => ls.push(lead),
                    }
                }
            });
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::sample::generate;
    use chrono::{TimeDelta, TimeZone};

    #[test]
    fn a_clock_tick_reuses_the_workspace_and_evaluates_like_a_fresh_start() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
        let ws = Arc::new(generate(5, 150, 4, now));
        let first = Insights::new(Arc::clone(&ws), now);
        let later = now + TimeDelta::hours(3);
        let tick = first.at(later);
        let fresh = Insights::new(ws, later);
        assert_eq!(tick.now, later);
        assert_eq!(tick.eval, fresh.eval);
        assert!(
            Arc::ptr_eq(&tick.ws, &first.ws),
            "same workspace, not a copy"
        );
        assert!(Arc::ptr_eq(&tick.index, &first.index));
        assert_ne!(tick.eval.clocks, first.eval.clocks, "the clocks moved on");
    }
}
