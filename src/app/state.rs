//! The reactive state of a running app and the actions that change it.

use super::clock;
use super::sync::Channel;
use crate::domain::activity::Activity;
use crate::domain::lead::{DraftErrors, Lead, LeadDraft, LeadId, MoveError};
use crate::domain::pipeline::Pipeline;
use crate::domain::workspace::{Settings, Workspace};
use crate::storage::{Change, StorageError, Store};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::fmt;
use std::rc::Rc;

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
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Storage(e) => e.fmt(f),
            AppError::Move(e) => e.fmt(f),
            AppError::LeadNotFound(id) => write!(f, "lead {id} does not exist"),
            AppError::Backup(e) => write!(f, "The backup was not imported: {e}"),
        }
    }
}

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
    store: StoredValue<Option<Rc<dyn Store>>, LocalStorage>,
    channel: StoredValue<Option<Channel>, LocalStorage>,
}

impl AppState {
    /// Fresh state; nothing is loaded until [`AppState::attach`].
    pub fn new() -> Self {
        let settings = RwSignal::new(Workspace::default().settings());
        AppState {
            leads: RwSignal::new(Vec::new()),
            activities: RwSignal::new(Vec::new()),
            settings,
            pipeline: Memo::new(move |_| settings.with(|s| s.pipeline.clone())),
            loading: RwSignal::new(Loading::Opening),
            error: RwSignal::new(None),
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

    fn show(self, ws: Workspace) {
        self.settings.set(ws.settings());
        self.activities.set(ws.activities);
        self.leads.set(ws.leads);
    }

    /// Replaces the whole workspace (sample data, backup import) in one
    /// transaction, then shows it. On failure nothing changes.
    pub fn replace_workspace(self, ws: Workspace) {
        let store = match self.store() {
            Ok(s) => s,
            Err(e) => return self.error.set(Some(e)),
        };
        spawn_local(async move {
            match store.replace(&ws).await {
                Ok(()) => {
                    self.show(ws);
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
        self.persist(Change::lead(lead));
        Ok(())
    }

    /// Moves a lead to its next stage, saves it, then shows it.
    pub fn advance(self, id: LeadId) {
        let Some(mut lead) = self
            .leads
            .with_untracked(|ls| ls.iter().find(|l| l.id() == id).cloned())
        else {
            self.error.set(Some(AppError::LeadNotFound(id)));
            return;
        };
        let pipeline = self.pipeline.get_untracked();
        let base = lead.updated_at();
        match lead.advance(&pipeline, None, clock::now()) {
            Ok(()) => self.persist(Change::edit(lead, base)),
            Err(e) => self.error.set(Some(AppError::Move(e))),
        }
    }

    /// Saves a change of leads, then shows it and tells the other tabs. On a
    /// conflict nothing is written; the latest version is reloaded and the
    /// person is told why.
    fn persist(self, change: Change) {
        let store = match self.store() {
            Ok(s) => s,
            Err(e) => return self.error.set(Some(e)),
        };
        spawn_local(async move {
            match store.commit(&change).await {
                Ok(()) => {
                    self.leads.update(|ls| {
                        for lead in change.leads {
                            match ls.iter_mut().find(|l| l.id() == lead.id()) {
                                Some(slot) => *slot = lead,
                                None => ls.push(lead),
                            }
                        }
                    });
                    self.announce();
                }
                Err(e @ StorageError::Conflict { .. }) => {
                    self.error.set(Some(AppError::Storage(e)));
                    self.reload();
                }
                Err(e) => self.error.set(Some(AppError::Storage(e))),
            }
        });
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
