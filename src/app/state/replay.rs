//! Whole reloads of the workspace, and what was shown while they read the
//! store (`Replay`).

use super::*;

/// What was shown while whole loads were under way (`AppState::reload`).
/// A load reads the store at one moment; a pull or an edit stored after
/// that moment and shown before the load ends would be hidden by it, so
/// whatever was shown meanwhile is shown again after the loaded workspace.
/// Of loads that overlap, only the last to end shows what it read (then
/// everything shown since the first began): the log is whole only then.
#[derive(Default)]
pub(super) struct Replay {
    /// Loads under way.
    pub(super) loads: u32,
    /// Changes shown since the oldest of them started, in order.
    pub(super) shown: Vec<Changed>,
    /// The latest settings shown meanwhile.
    pub(super) settings: Option<Box<Settings>>,
}

impl AppState {
    /// Reloads the workspace from the store (another tab wrote, or a conflict).
    pub fn reload(self) {
        let Ok(store) = self.store() else { return };
        self.replay.update_value(|r| r.loads += 1);
        spawn_local(async move {
            let loaded = store.load().await;
            // Only the last of the loads under way shows what it read, then
            // everything shown since the first of them began.
            let mut last = None;
            self.replay.update_value(|r| {
                r.loads -= 1;
                if r.loads == 0 {
                    last = Some(std::mem::take(r));
                }
            });
            match (loaded, last) {
                (Ok(ws), Some(again)) => {
                    self.show(ws);
                    if let Some(s) = again.settings {
                        self.settings.set(*s);
                    }
                    self.pending
                        .update_value(|p| p.extend(again.shown.into_iter().map(Pending::Changed)));
                    self.data.notify();
                }
                (Err(e), _) => self.error.set(Some(AppError::Storage(e))),
                (Ok(_), None) => {}
            }
            if let Ok(link) = store.link().await
                && link != self.link.get_untracked()
            {
                self.link.set(link);
            }
        });
    }
}
