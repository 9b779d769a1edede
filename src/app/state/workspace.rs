//! Actions on the whole workspace: replace (backup, sample data), merge a
//! backup, erase, and the settings.

use super::{AppState, Toast};
use crate::app::clock;
use crate::domain::workspace::{Settings, Workspace};
use crate::storage::Change;
use leptos::prelude::*;
use leptos::task::spawn_local;

crate::split::split_point!(
    /// A generated sample workspace (see `domain::sample`), its loss
    /// reasons in `lang`.
    fn sample_data(
        seed: u64,
        leads: usize,
        now: chrono::DateTime<chrono::Utc>,
        lang: crate::ui::i18n::Lang,
    ) -> Workspace {
        use crate::domain::sample::{Reasons, generate_in};
        let reasons = match lang {
            crate::ui::i18n::Lang::En => Reasons::EN,
            crate::ui::i18n::Lang::Vi => Reasons::VI,
        };
        generate_in(seed, leads, 6, now, &reasons)
    }
);

impl AppState {
    /// Replaces the whole workspace (sample data, backup import) in one
    /// transaction, then shows it. On failure nothing changes.
    pub fn replace_workspace(self, ws: Workspace) {
        self.replace_with_toast(ws, None);
    }

    /// Merges a backup into the workspace (see `domain::merge`) and saves
    /// the result in one transaction; the toast reports what changed.
    /// Only the leads the backup adds or changes are written (with their
    /// activities and any new reps), as one change: in a workspace shared
    /// with a team they go to the team like any edit.
    /// `say` words the report for the toast, in each language.
    pub fn merge_workspace(
        self,
        incoming: Workspace,
        say: fn(&crate::domain::merge::MergeReport, crate::ui::i18n::Lang) -> String,
    ) {
        let current = self.snapshot();
        let (merged, report) = crate::domain::merge::merge(&current, incoming);
        let change = Change::between(&current, &merged);
        let toast = Toast::Said {
            en: say(&report, crate::ui::i18n::Lang::En),
            vi: say(&report, crate::ui::i18n::Lang::Vi),
        };
        if change.is_empty() {
            return self.toast.set(Some(toast));
        }
        self.persist(change, Some(toast));
    }

    fn replace_with_toast(self, ws: Workspace, toast: Option<Toast>) {
        let store = match self.store() {
            Ok(s) => s,
            Err(e) => return self.error.set(Some(e)),
        };
        if let Some(e) = self.write_blocked() {
            return self.error.set(Some(e));
        }
        self.busy.set(Some(super::Busy::Saving(ws.leads.len())));
        spawn_local(async move {
            let stored = self.while_writing(store.replace(&ws)).await;
            self.busy.set(None);
            match stored {
                Ok(()) => {
                    let n = ws.leads.len();
                    self.show(ws);
                    self.now.set(clock::now());
                    self.toast.set(Some(toast.unwrap_or(Toast::Replaced(n))));
                    self.announce();
                }
                Err(e) => self.failed_write(e),
            }
        });
    }

    /// The workspace as shown (for export).
    pub fn snapshot(self) -> Workspace {
        self.insights.with_untracked(|i| i.workspace())
    }

    /// Replaces the workspace with a generated one of `leads` leads, its
    /// loss reasons in `lang` (the language the person reads). The
    /// generator is a module of its own (`split_sample_data.wasm`), fetched
    /// the first time: if it cannot be, the person is told and nothing
    /// changes.
    pub fn load_sample(self, leads: usize, lang: crate::ui::i18n::Lang) {
        let now = clock::now();
        let seed = now.timestamp_millis() as u64;
        spawn_local(async move {
            match sample_data(seed, leads, now, lang).await {
                Ok(ws) => self.replace_workspace(ws),
                Err(_) => self.error.set(Some(super::AppError::NotLoaded)),
            }
        });
    }

    /// Saves new settings (pipeline, calendar, policies, reps, targets), made
    /// from the settings this tab shows: refused when the stored ones have
    /// changed since (another tab), and then reloaded.
    ///
    /// This tab's saves are stored one after another, each made again on
    /// what the one before stored (`sync::merge::rebase_settings`: the
    /// parts it changed, over the rest), so two quick edits (two people's
    /// roles, a switch and a field) both stay and neither reads as a
    /// change from another tab.
    pub fn save_settings(self, settings: Settings) {
        let base = self.settings.get_untracked();
        let start = self
            .settings_saves
            .try_update_value(|(running, queue)| {
                queue.push((base, settings));
                !std::mem::replace(running, true)
            })
            .unwrap_or(false);
        if !start {
            return;
        }
        spawn_local(async move {
            loop {
                let next = self.settings_saves.try_update_value(|(running, queue)| {
                    let next = (!queue.is_empty()).then(|| queue.remove(0));
                    *running = next.is_some();
                    next
                });
                let Some(Some((base, new))) = next else { break };
                let onto = self.settings.get_untracked();
                let settings = if base == onto {
                    new
                } else {
                    crate::sync::merge::rebase_settings(&base, &new, &onto)
                };
                let change = Change {
                    settings: Some(settings.clone()),
                    expect_settings: Some(onto),
                    ..Change::default()
                };
                let tried = match self.commit(change, Some(Toast::Saved), false) {
                    Some(stored) => {
                        stored.await;
                        true
                    }
                    None => false,
                };
                // Refused (another tab, a blocked write: the person was
                // told): the rest were made on what is not stored. Settings
                // a pull brought meanwhile are no refusal.
                if !tried
                    || (self.settings.get_untracked() != settings
                        && self.error.with_untracked(Option::is_some))
                {
                    self.settings_saves.update_value(|(running, queue)| {
                        queue.clear();
                        *running = false;
                    });
                    break;
                }
            }
        });
    }

    /// Erases every lead, activity and setting.
    pub fn erase(self) {
        self.replace_workspace(Workspace::default());
    }
}
