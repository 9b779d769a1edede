//! Storage health: what happens when a write fails or the browser drops data.
//!
//! Rules (ARCHITECTURE.md, invariants):
//! - After a failed write (no room, the connection closed, anything but a
//!   refused stale edit) the app reads the store back and compares it with
//!   what it shows before saying anything about what is stored
//!   ([`verdict`]); until then, and until the person says they freed space,
//!   it writes nothing more (a full disk punishes further writes).
//! - When the store no longer holds what is on screen (the browser dropped
//!   data), the person is offered at once to download what they see as a
//!   backup, and to store it again, before anything else is written.
//! - Except right after one of our writes failed and the store is found
//!   empty: then the browser deleted the site's data to make room (Chromium
//!   evicts a best-effort site once a write fails on a nearly full disk,
//!   BENCHMARKS.md "A full disk"), which freed the room the workspace took,
//!   and what is shown — the workspace as it was before the refused change
//!   — is stored again at once, and the person told so.
//! - The app asks the browser to keep its storage (`navigator.storage.persist`)
//!   and shows whether it agreed; the Data page shows when the last backup was
//!   taken and reminds after [`BACKUP_DUE_DAYS`] days without one.

use super::{AppError, AppState, Loading};
use crate::domain::workspace::Workspace;
use crate::storage::StorageError;
use chrono::{DateTime, TimeDelta, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Days without a backup after which the app reminds.
pub const BACKUP_DUE_DAYS: i64 = 7;

/// Whether writes can go to the store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Health {
    /// Writes go through.
    #[default]
    Ok,
    /// A write failed: reading the store back.
    Checking,
    /// A write failed and everything shown is still stored: the last
    /// change was not saved. Writes wait until the person tries again.
    NotSaved {
        /// The failure.
        cause: StorageError,
        /// Leads still stored.
        leads: usize,
        /// The browser had deleted the site's data after the failure and
        /// the app stored what is shown again (see [`AppState::check_store`]).
        restored: bool,
    },
    /// The store no longer holds what is shown (or cannot be read).
    Lost {
        /// Leads the store still holds (None: it cannot be read).
        stored: Option<usize>,
        /// Leads on screen.
        shown: usize,
    },
}

impl Health {
    /// True when writes must wait.
    pub fn blocks_writes(&self) -> bool {
        !matches!(self, Health::Ok)
    }
}

/// Compares what the store holds with what is shown: `Ok(leads)` when they
/// are the same workspace (every lead at the same version, the same
/// activities and settings).
pub fn verdict(stored: &Workspace, shown: &Workspace) -> Result<usize, usize> {
    let versions = |ws: &Workspace| {
        let mut v: Vec<_> = ws.leads.iter().map(|l| (l.id(), l.updated_at())).collect();
        crate::sort::sort(&mut v);
        v
    };
    let same = versions(stored) == versions(shown)
        && stored.activities.len() == shown.activities.len()
        && stored.settings() == shown.settings();
    if same {
        Ok(stored.leads.len())
    } else {
        Err(stored.leads.len())
    }
}

/// True when a backup reminder is due: the workspace has leads and the last
/// backup (or, without one, the first use) is more than [`BACKUP_DUE_DAYS`] ago.
pub fn backup_due(
    last: Option<DateTime<Utc>>,
    since: Option<DateTime<Utc>>,
    leads: usize,
    now: DateTime<Utc>,
) -> bool {
    leads > 0
        && last
            .or(since)
            .is_some_and(|t| now - t > TimeDelta::days(BACKUP_DUE_DAYS))
}

impl AppState {
    /// The error to show instead of writing: a viewer of a shared
    /// workspace never writes (whatever the form, key, tab or import: every
    /// local change comes through here, so none is made that the team's
    /// server would refuse), and nobody writes while writes wait.
    pub(crate) fn write_blocked(self) -> Option<AppError> {
        self.blocked_for(None)
    }

    /// [`AppState::write_blocked`] for `change`: an auditor of a shared
    /// workspace records audits and nothing else, and only admins and
    /// auditors record them, as the server's guard says (`sync::roles`).
    pub(crate) fn blocked_for(self, change: Option<&crate::storage::Change>) -> Option<AppError> {
        use crate::domain::activity::ActivityKind::Audit;
        use crate::sync::ledger::Role;
        if self.is_viewer_untracked() {
            return Some(AppError::ViewOnly);
        }
        // Access removed: what is here stays readable, nothing changes.
        if self.revoked(false) {
            return Some(AppError::Said {
                en: "Your access to this team workspace was removed: what is on this device stays readable, but nothing can be changed. Ask your admin to add you again.".into(),
                vi: "Bạn đã bị gỡ quyền vào không gian làm việc này của nhóm: dữ liệu trên thiết bị vẫn xem được nhưng không sửa được. Hãy nhờ quản trị viên thêm lại bạn.".into(),
            });
        }
        let audits = change.map_or((0, 0), |c| {
            let n = c.appended.iter().filter(|a| a.kind == Audit).count();
            let other = c.leads.len()
                + c.deleted.len()
                + c.activities.len()
                + c.withdrawn.len()
                + usize::from(c.settings.is_some());
            (n, other + c.appended.len() - n)
        });
        let said = |en: &str, vi: &str| {
            Some(AppError::Said {
                en: en.into(),
                vi: vi.into(),
            })
        };
        match self.link.with_untracked(|l| l.as_ref().map(|l| l.role)) {
            Some(Role::Auditor) if audits.0 == 0 || audits.1 > 0 => {
                return said(
                    "As an auditor, you record audits and change nothing else.",
                    "Là người kiểm tra, bạn chỉ ghi kết quả kiểm tra, không sửa gì khác.",
                );
            }
            // An audit outlives what a member deletes: an audited lead
            // goes only by an admin's hand.
            Some(Role::Member)
                if audits.0 > 0
                    || change.is_some_and(|c| {
                        self.insights.with_untracked(|i| {
                            c.deleted
                                .iter()
                                .any(|id| i.activities_of(*id).iter().any(|a| a.kind == Audit))
                        })
                    }) =>
            {
                return said(
                    "Only admins and auditors record audits, and only admins delete an audited lead.",
                    "Chỉ quản trị viên và người kiểm tra được ghi kết quả kiểm tra, và chỉ quản trị viên được xóa khách đã được kiểm tra.",
                );
            }
            _ => {}
        }
        let health = self.health.get_untracked();
        health
            .blocks_writes()
            .then_some(AppError::WritesPaused(health))
    }

    /// A write failed with `e`: stop writing, read the store back, and say
    /// what is still stored.
    pub(crate) fn failed_write(self, e: StorageError) {
        #[cfg(target_arch = "wasm32")]
        web_sys::console::warn_1(&format!("a write failed: {e:?}").into());
        if !e.needs_check() {
            return self.error.set(Some(AppError::Storage(e)));
        }
        self.check_store(Some(e));
    }

    /// Reads the store back and compares it with what is shown (`cause`:
    /// the failed write, None when the browser closed the store by itself;
    /// a failure still waiting for "Try again" counts as the cause).
    pub fn check_store(self, cause: Option<StorageError>) {
        let Ok(store) = self.store() else { return };
        // The browser closing the store after one of our writes failed
        // (writes are paused until the person tries again): that failure
        // is still the cause.
        let cause = match self.health.get_untracked() {
            Health::Checking => return,
            Health::NotSaved { cause: pending, .. } => cause.or(Some(pending)),
            _ => cause,
        };
        self.health.set(Health::Checking);
        spawn_local(async move {
            let shown = self.snapshot();
            // Right after the browser closed the store it may still be
            // closing it: reading back is tried a few times.
            let mut loaded = store.load().await;
            for _ in 0..5 {
                if loaded.is_ok() {
                    break;
                }
                crate::app::clock::sleep(300).await;
                loaded = store.load().await;
            }
            let health = match loaded {
                Ok(stored) => match (verdict(&stored, &shown), cause) {
                    (Ok(_), None) => Health::Ok,
                    (Ok(leads), Some(cause)) => Health::NotSaved {
                        cause,
                        leads,
                        restored: false,
                    },
                    // Emptied by the browser after (or while) one of our
                    // writes failed: evicted to make room.
                    (Err(0), cause)
                        if !shown.leads.is_empty()
                            && (cause.is_some() || self.writing.get_value() > 0) =>
                    {
                        let cause = cause.unwrap_or(StorageError::OutOfSpace);
                        self.restore(&*store, &shown, cause).await
                    }
                    (Err(stored), _) => Health::Lost {
                        stored: Some(stored),
                        shown: shown.leads.len(),
                    },
                },
                Err(e) => {
                    #[cfg(target_arch = "wasm32")]
                    web_sys::console::error_1(
                        &format!("reading the store back failed: {e}").into(),
                    );
                    let _ = e;
                    Health::Lost {
                        stored: None,
                        shown: shown.leads.len(),
                    }
                }
            };
            self.error.set(None);
            self.health.set(health);
        });
    }

    /// Stores `shown` again into the emptied store (see the module docs);
    /// what it then holds decides the health.
    async fn restore(
        self,
        store: &dyn crate::storage::Store,
        shown: &Workspace,
        cause: StorageError,
    ) -> Health {
        #[cfg(target_arch = "wasm32")]
        web_sys::console::warn_1(
            &"the browser deleted the stored workspace: storing it again".into(),
        );
        let lost = Health::Lost {
            stored: Some(0),
            shown: shown.leads.len(),
        };
        if store.replace(shown).await.is_err() {
            return lost;
        }
        // The link to a team went with the rest (and with it the record of
        // what was still to push): the person is told what to do.
        let had = self.link.get_untracked();
        self.link.set(store.link().await.ok().flatten());
        if self.link.with_untracked(Option::is_none) && had.is_some() {
            self.unlinked.set(had);
        }
        match store.load().await.map(|stored| verdict(&stored, shown)) {
            Ok(Ok(leads)) => Health::NotSaved {
                cause,
                leads,
                restored: true,
            },
            _ => lost,
        }
    }

    /// While a write is under way, leaving or reloading the page asks
    /// first (the browser's own "Leave site?" prompt): a change the person
    /// just made is not lost to a reload 100 ms later.
    pub(crate) fn guard_unload(self) {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            use wasm_bindgen::closure::Closure;
            let guard = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
                if self.writing.try_get_value().unwrap_or(0) > 0 {
                    ev.prevent_default();
                    // Older browsers ask only when returnValue is set.
                    let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
                }
            });
            if let Some(w) = web_sys::window() {
                let _ = w.add_event_listener_with_callback(
                    "beforeunload",
                    guard.as_ref().unchecked_ref(),
                );
            }
            guard.forget();
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = self;
    }

    /// Runs a write, counted as under way until it ends.
    pub(crate) async fn while_writing<T>(self, write: impl std::future::Future<Output = T>) -> T {
        self.writing.update_value(|n| *n += 1);
        let out = write.await;
        self.writing.update_value(|n| *n = n.saturating_sub(1));
        out
    }

    /// The person freed space: writes may go to the store again.
    pub fn retry_writes(self) {
        if matches!(self.health.get_untracked(), Health::NotSaved { .. }) {
            self.health.set(Health::Ok);
        }
    }

    /// Writes what is shown to the store again (after the browser dropped
    /// it); the health is checked again from what it then holds.
    pub fn store_again(self) {
        let Ok(store) = self.store() else { return };
        let shown = self.snapshot();
        self.health.set(Health::Checking);
        spawn_local(async move {
            let result = store.replace(&shown).await;
            self.health.set(Health::Ok);
            match result {
                Ok(()) => self.check_store(None),
                Err(e) => self.failed_write(e),
            }
        });
    }

    /// Asks the browser to keep this site's storage when space runs low,
    /// and records whether it agreed.
    pub fn ask_persistence(self) {
        // The browser's own executor: this may run before the app mounts.
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(async move {
            let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
                return;
            };
            let ask = |p: Result<js_sys::Promise, wasm_bindgen::JsValue>| async move {
                let p = p.ok()?;
                wasm_bindgen_futures::JsFuture::from(p)
                    .await
                    .ok()?
                    .as_bool()
            };
            let granted = match ask(storage.persisted()).await {
                Some(true) => Some(true),
                _ => ask(storage.persist()).await,
            };
            self.persistent.set(granted);
        });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = self;
    }

    /// True when the store is open and healthy.
    pub fn writable(self) -> bool {
        self.loading.get() == Loading::Ready && !self.health.get().blocks_writes()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::sample::generate;
    use chrono::TimeZone;

    #[test]
    fn the_store_matches_the_screen_only_when_nothing_differs() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
        let ws = generate(3, 40, 3, now);
        assert_eq!(verdict(&ws, &ws), Ok(40));
        assert_eq!(verdict(&Workspace::default(), &ws), Err(0), "wiped");
        let mut fewer = ws.clone();
        fewer.leads.pop();
        assert_eq!(verdict(&fewer, &ws), Err(39));
        let mut edited = ws.clone();
        edited.leads[0].touch(now + TimeDelta::hours(1));
        assert!(verdict(&edited, &ws).is_err(), "another version of a lead");
    }

    #[test]
    fn a_backup_is_due_after_a_week_without_one() {
        let now = Utc.with_ymd_and_hms(2026, 6, 10, 3, 0, 0).unwrap();
        let days = |d| Some(now - TimeDelta::days(d));
        assert!(!backup_due(days(2), days(30), 10, now));
        assert!(backup_due(days(8), days(30), 10, now));
        assert!(
            backup_due(None, days(8), 10, now),
            "never, and in use for 8 days"
        );
        assert!(!backup_due(None, days(3), 10, now));
        assert!(!backup_due(None, days(30), 0, now), "nothing to back up");
    }
}
