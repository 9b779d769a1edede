//! The reactive state of a running app and the path every change takes:
//! action → domain call → store → signals. The actions themselves live in
//! `leads` (one or a few leads), `workspace` (the whole workspace and the
//! settings) and `health` (what happens when storage fails).

mod access;
pub mod contact;
mod duplicates;
mod error;
mod health;
mod insights;
mod kick;
mod leads;
mod persist;
mod replay;
use replay::Replay;
mod workspace;

pub use error::AppError;
pub use insights::{Insights, Shared};
pub use kick::Kick;

pub use duplicates::{LeadEdit, NotSaved};
pub use health::{BACKUP_DUE_DAYS, Health, backup_due, verdict};

use super::clock;
use super::sync::Channel;
use crate::domain::activity::Activity;
use crate::domain::lead::{Lead, LeadId};
use crate::domain::live::{Changed, Live};
use crate::domain::pipeline::Pipeline;
use crate::domain::rep::RepId;
use crate::domain::workspace::{Settings, Workspace};
use crate::storage::{Change, StorageError, Store};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
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

/// A result shown briefly at the bottom of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Toast {
    /// The workspace was replaced (backup, sample data, erase).
    Replaced(usize),
    /// Leads deleted (offers undo).
    Deleted(usize),
    /// Leads closed together (offers undo).
    Closed(usize),
    /// A result written in both languages by the page that asked for it
    /// (a merged backup, an imported file): its words stay with that
    /// page's module (`crate::split`), not in the first load.
    Said {
        /// In English.
        en: String,
        /// In Vietnamese.
        vi: String,
    },
    /// An activity logged (offers undo): the toast says what and what
    /// comes next for the lead.
    Logged {
        /// The lead.
        lead: LeadId,
        /// What was logged.
        kind: crate::domain::activity::ActivityKind,
        /// Its outcome.
        outcome: crate::domain::activity::Outcome,
        /// The rep the lead went to with it (it had no owner).
        given: Option<RepId>,
    },
    /// Leads moved to another stage by a person (offers undo).
    Moved {
        /// The lead moved (the first, when several were).
        lead: LeadId,
        /// How many.
        n: usize,
        /// Closed as lost or junk (the stage alone does not say which).
        closed: Option<crate::domain::lead::LossKind>,
    },
    /// Settings saved.
    Saved,
    /// The browser refuses notifications (the person blocked them).
    NotificationsBlocked,
}

/// Long work under way, shown with a progress bar until it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Busy {
    /// A backup file is being read and checked.
    ReadingBackup,
    /// This many leads are being stored (a replace, an import, a merge).
    Saving(usize),
}

/// What the toast's "Undo" takes back.
#[derive(Clone, Debug)]
pub(crate) enum Undo {
    /// Leads removed by the last deletion, with their activities.
    Deleted(Vec<Lead>, Vec<Activity>),
    /// Leads closed together, with the stage each was in.
    Closed(Vec<(LeadId, crate::domain::pipeline::StageId)>),
    /// An activity just logged, and the rep it gave the lead to (a lead
    /// nobody owned goes to whoever worked it).
    Logged(Activity, Option<RepId>),
    /// Leads moved to another stage by hand, as they were before.
    Moved(Vec<Lead>),
}

/// A change of the data on its way to the insights (see [`AppState::insights`]).
enum Pending {
    /// A whole workspace (a load, a backup, sample data).
    Replace(Box<Workspace>),
    /// Some leads changed (an edit, an import, a pull).
    Changed(Changed),
}

/// Everything views read. `Copy`: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct AppState {
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
    /// The workspace as shown, with every lead's clocks and facts: the one
    /// copy of the data in memory. A change of some leads works out only
    /// their part again (`domain::live`); a clock tick evaluates every
    /// lead again; a new workspace is worked out whole.
    pub insights: Memo<Shared<Insights>>,
    /// Changes waiting for the insights to take them in.
    pending: StoredValue<Vec<Pending>, LocalStorage>,
    /// Notified when `pending` has something.
    data: Trigger,
    /// Shown while a reload was reading the store.
    replay: StoredValue<Replay, LocalStorage>,
    /// The last result message.
    pub toast: RwSignal<Option<Toast>>,
    /// Long work under way (a progress bar).
    pub busy: RwSignal<Option<Busy>>,
    /// Whether writes can go to the store (see [`Health`]).
    pub health: RwSignal<Health>,
    /// Whether the browser agreed to keep this site's storage (None: unknown).
    pub persistent: RwSignal<Option<bool>>,
    /// The link to a team database, as last read from the store.
    pub link: RwSignal<Option<crate::sync::ledger::Link>>,
    /// The team link the browser deleted with the site's data (an
    /// eviction, repaired from this tab): the person is told, and the
    /// connection form offers it again.
    pub unlinked: RwSignal<Option<crate::sync::ledger::Link>>,
    /// When a backup was last downloaded from this browser.
    pub last_backup: RwSignal<Option<DateTime<Utc>>>,
    /// When this workspace was first opened in this browser.
    pub since: RwSignal<Option<DateTime<Utc>>>,
    /// Team sync as the status line shows it.
    pub team: RwSignal<crate::app::replicator::TeamStatus>,
    /// A call, chat or mail opened by a tap, waiting for its outcome.
    pub contact: RwSignal<Option<contact::PendingContact>>,
    /// The team's server, while signed in.
    pub(crate) couch: StoredValue<Option<Rc<crate::app::couch::Couch>>, LocalStorage>,
    /// Raised to stop the running sync loops (each runs for one generation).
    pub(crate) team_generation: StoredValue<u64, LocalStorage>,
    /// Wakes the push loop after a local change.
    pub(crate) sync_kick: Kick,
    db: StoredValue<String, LocalStorage>,
    undo: StoredValue<Option<Undo>, LocalStorage>,
    /// Writes under way (see `health`: a store emptied meanwhile was
    /// evicted by the browser).
    writing: StoredValue<u32, LocalStorage>,
    /// This tab's settings saves: one being stored, and those waiting
    /// (what the editor read, what it made of it).
    settings_saves: StoredValue<(bool, Vec<(Settings, Settings)>), LocalStorage>,
    store: StoredValue<Option<Rc<dyn Store>>, LocalStorage>,
    channel: StoredValue<Option<Channel>, LocalStorage>,
}

impl AppState {
    /// Fresh state; nothing is loaded until [`AppState::attach`].
    pub fn new() -> Self {
        let settings = RwSignal::new(Workspace::default().settings());
        let now = RwSignal::new(clock::now());
        let pending = StoredValue::new_local(Vec::new());
        let data = Trigger::new();
        AppState {
            settings,
            pipeline: Memo::new(move |_| settings.with(|s| s.pipeline.clone())),
            loading: RwSignal::new(Loading::Opening),
            error: RwSignal::new(None),
            now,
            insights: Memo::new_owning(move |previous: Option<Shared<Insights>>| {
                data.track();
                let now = now.get();
                let changes: Vec<Pending> =
                    pending.try_update_value(std::mem::take).unwrap_or_default();
                // Nothing else holds the previous insights (views read them
                // in place): they are changed where they are.
                let mut live = previous.map(|Shared(previous)| {
                    Arc::try_unwrap(previous).unwrap_or_else(|held| (*held).clone())
                });
                for change in changes {
                    match change {
                        Pending::Replace(ws) => live = Some(Live::new(*ws, now)),
                        Pending::Changed(c) => live
                            .get_or_insert_with(|| Live::new(Workspace::default(), now))
                            .apply(c),
                    }
                }
                // The first pass after the workspace loaded builds only its
                // insights, not an empty workspace's first.
                let mut live = live.unwrap_or_else(|| Live::new(Workspace::default(), now));
                settings.with(|s| {
                    if !live.has_settings(s) {
                        live.set_settings(s.clone());
                    }
                });
                if live.now() != now {
                    live.at(now);
                }
                (Shared(Arc::new(live)), true)
            }),
            pending,
            data,
            replay: StoredValue::new_local(Replay::default()),
            toast: RwSignal::new(None),
            busy: RwSignal::new(None),
            health: RwSignal::new(Health::Ok),
            persistent: RwSignal::new(None),
            link: RwSignal::new(None),
            unlinked: RwSignal::new(None),
            last_backup: RwSignal::new(None),
            since: RwSignal::new(None),
            team: RwSignal::new(Default::default()),
            contact: RwSignal::new(None),
            couch: StoredValue::new_local(None),
            team_generation: StoredValue::new_local(0),
            sync_kick: Kick::new(),
            db: StoredValue::new_local(String::new()),
            undo: StoredValue::new_local(None),
            writing: StoredValue::new_local(0),
            settings_saves: StoredValue::new_local((false, Vec::new())),
            store: StoredValue::new_local(None),
            channel: StoredValue::new_local(None),
        }
    }

    /// Loads the workspace from `store` and saves every later edit there.
    pub async fn attach(self, store: Rc<dyn Store>) {
        match store.load().await {
            Ok(ws) => {
                self.show(ws);
                if let Ok(link) = store.link().await {
                    self.link.set(link);
                }
                self.store.set_value(Some(store));
                self.loading.set(Loading::Ready);
                self.ask_persistence();
                self.guard_unload();
                crate::app::replicator::resume(self);
            }
            Err(e) => self.fail_to_open(e),
        }
    }

    pub(crate) fn show(self, ws: Workspace) {
        let settings = ws.settings();
        self.pending.update_value(|p| {
            // What was waiting is replaced with everything else.
            p.clear();
            p.push(Pending::Replace(Box::new(ws)));
        });
        self.settings.set(settings);
        self.data.notify();
    }

    /// Shows a change of some leads, already stored (the path of every
    /// edit; public for the in-browser benchmarks).
    pub fn show_change(self, change: Changed) {
        self.replay.update_value(|r| {
            if r.loads > 0 {
                r.shown.push(change.clone());
            }
        });
        self.pending
            .update_value(|p| p.push(Pending::Changed(change)));
        self.data.notify();
    }

    /// Shows settings already stored (an edit's, a pull's).
    pub(crate) fn show_settings(self, settings: Settings) {
        self.replay.update_value(|r| {
            if r.loads > 0 {
                r.settings = Some(Box::new(settings.clone()));
            }
        });
        self.settings.set(settings);
    }

    /// Names the workspace's database (backups and reminders are per workspace).
    pub fn set_db_name(self, name: &str) {
        use crate::storage::local_settings;
        self.db.set_value(name.to_owned());
        self.last_backup.set(local_settings::last_backup(name));
        self.since
            .set(Some(local_settings::first_use(name, clock::now())));
        self.restore_contact();
    }

    /// The workspace's database name.
    pub fn db_name(self) -> String {
        self.db.get_value()
    }

    /// Listens for writes of other tabs on the workspace `db_name` (see `app::sync`).
    pub fn sync_with_other_tabs(self, db_name: &str) {
        self.channel.set_value(Channel::listen(db_name, self));
    }

    pub(crate) fn announce(self) {
        self.channel.with_value(|c| {
            if let Some(c) = c {
                c.announce();
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
    pub fn distinct(self, field: crate::domain::live::Field) -> BTreeSet<String> {
        // Counted as leads change (`Live::values`), never by reading them all.
        self.insights
            .with(|i| i.values(field).map(str::to_owned).collect())
    }

    /// Reads every lead, in creation order, tracked.
    pub fn with_leads<R>(self, f: impl FnOnce(&[Lead]) -> R) -> R {
        self.insights.with(|i| f(i.leads()))
    }

    /// Reads every lead, in creation order, untracked.
    pub fn with_leads_untracked<R>(self, f: impl FnOnce(&[Lead]) -> R) -> R {
        self.insights.with_untracked(|i| f(i.leads()))
    }

    /// The lead with this id, tracked.
    pub fn lead(self, id: LeadId) -> Option<Lead> {
        self.insights.with(|i| i.lead(id).cloned())
    }

    /// One lead's activities, oldest first, untracked.
    pub fn activities_of(self, id: LeadId) -> Vec<Activity> {
        self.insights
            .with_untracked(|i| i.activities_of(id).to_vec())
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
