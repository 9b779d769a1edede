//! Who may change the workspace: a viewer of a shared workspace only
//! reads, a removed member neither reads new data nor writes; and who the
//! signed-in member works as (their rep, the name their moves carry).

use super::{AppState, Loading};
use crate::domain::rep::RepId;
use leptos::prelude::*;

impl AppState {
    /// True when the signed-in team member may only read (untracked).
    pub fn is_viewer_untracked(self) -> bool {
        self.link.with_untracked(|l| {
            l.as_ref()
                .is_some_and(|l| l.role == crate::sync::ledger::Role::Viewer)
        })
    }

    /// True when the signed-in team member may only read (tracked).
    pub fn is_viewer_tracked(self) -> bool {
        self.link.with(|l| {
            l.as_ref()
                .is_some_and(|l| l.role == crate::sync::ledger::Role::Viewer)
        })
    }

    /// True when this person's access to the shared workspace was removed
    /// (nothing they change could reach the team); `tracked` or not.
    pub fn revoked(self, tracked: bool) -> bool {
        let is = |l: &Option<crate::sync::ledger::Link>| {
            l.as_ref()
                .is_some_and(|l| l.phase == crate::sync::ledger::Phase::Revoked)
        };
        if tracked {
            self.link.with(is)
        } else {
            self.link.with_untracked(is)
        }
    }

    /// True when the person may edit: the store is writable, they are not
    /// a viewer of a shared workspace, and their access was not removed
    /// (tracked).
    pub fn can_edit(self) -> bool {
        self.writable() && !self.is_viewer_tracked() && !self.revoked(true) && !self.is_auditor()
    }

    /// True when the signed-in team member records audits and nothing
    /// else (tracked).
    pub fn is_auditor(self) -> bool {
        self.link.with(|l| {
            l.as_ref()
                .is_some_and(|l| l.role == crate::sync::ledger::Role::Auditor)
        })
    }

    /// True when the person may record audits: alone in their workspace,
    /// or an admin or auditor of the team's (tracked).
    pub fn can_audit(self) -> bool {
        use crate::sync::ledger::Role;
        self.writable()
            && !self.revoked(true)
            && self.link.with(|l| {
                l.as_ref()
                    .is_none_or(|l| matches!(l.role, Role::Admin | Role::Auditor))
            })
    }

    /// [`AppState::can_edit`], untracked (in event handlers).
    pub fn can_edit_untracked(self) -> bool {
        self.loading.get_untracked() == Loading::Ready
            && !self.health.get_untracked().blocks_writes()
            && !self.is_viewer_untracked()
            && !self.revoked(false)
            && !self.link.with_untracked(|l| {
                l.as_ref()
                    .is_some_and(|l| l.role == crate::sync::ledger::Role::Auditor)
            })
    }

    /// The rep the signed-in team member works as, if linked.
    pub fn my_rep(self) -> Option<RepId> {
        let user = self
            .link
            .with_untracked(|l| l.as_ref().map(|l| l.user.clone()))?;
        self.settings.with_untracked(|s| {
            s.reps
                .iter()
                .find(|r| r.user.as_deref() == Some(user.as_str()))
                .map(|r| r.id.clone())
        })
    }

    /// Who stage moves are recorded as: the signed-in member's rep name (or
    /// user name), when the workspace is shared.
    pub fn actor_name(self) -> Option<String> {
        let user = self
            .link
            .with_untracked(|l| l.as_ref().map(|l| l.user.clone()))?;
        let rep = self.my_rep();
        Some(self.settings.with_untracked(|s| {
            s.reps
                .iter()
                .find(|r| Some(&r.id) == rep.as_ref())
                .map_or(user.clone(), |r| r.name.clone())
        }))
    }
}
