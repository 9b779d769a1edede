//! [`Change`]: one user action's writes, as `Store::commit` takes them.

use crate::domain::activity::Activity;
use crate::domain::lead::{Lead, LeadId};
use crate::domain::workspace::{Settings, Workspace};
use chrono::{DateTime, Utc};

/// One user action's writes, applied in one transaction: all or nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Change {
    /// Leads to insert or replace.
    pub leads: Vec<Lead>,
    /// Leads to remove (with their activities).
    pub deleted: Vec<LeadId>,
    /// A lead's complete activity list, replacing the stored one.
    pub activities: Vec<(LeadId, Vec<Activity>)>,
    /// Activities added to their lead's list as stored when the change
    /// lands, whatever it holds by then (a colleague's activity pulled
    /// meanwhile stays): logging needs no version guard, an activity never
    /// conflicts. Refused, whole, when the lead is no longer stored.
    pub appended: Vec<Activity>,
    /// Activities taken out of their lead's stored list (an undone log):
    /// for each, the last stored activity equal to it; none when gone.
    pub withdrawn: Vec<Activity>,
    /// New settings, when they changed.
    pub settings: Option<Settings>,
    /// Optimistic check: each lead must still be stored with this
    /// `updated_at` (the version the edit started from), or the whole change
    /// is refused with [`StorageError::Conflict`].
    pub expect: Vec<(LeadId, DateTime<Utc>)>,
    /// Optimistic check on the settings: the store must still hold these
    /// (the settings the new `settings` were made from), or the whole change
    /// is refused with [`StorageError::SettingsConflict`].
    pub expect_settings: Option<Settings>,
    /// When the change was made (stamps the settings' sync bookkeeping).
    pub now: Option<DateTime<Utc>>,
}

impl Change {
    /// The leads this change writes, deletes or gives new activities
    /// (an id may come more than once).
    pub fn lead_ids(&self) -> impl Iterator<Item = LeadId> + '_ {
        self.leads
            .iter()
            .map(Lead::id)
            .chain(self.deleted.iter().copied())
            .chain(self.activities.iter().map(|(id, _)| *id))
            .chain(self.appended.iter().chain(&self.withdrawn).map(|a| a.lead))
    }

    /// The change that turns `old` into `new`: every lead added or changed
    /// (each guarded by the version `old` holds), every lead removed, the
    /// activity lists that differ, and the settings when they differ.
    pub fn between(old: &Workspace, new: &Workspace) -> Change {
        use std::collections::{BTreeMap, HashMap};
        let before: HashMap<LeadId, &Lead> = old.leads.iter().map(|l| (l.id(), l)).collect();
        let after: HashMap<LeadId, &Lead> = new.leads.iter().map(|l| (l.id(), l)).collect();
        let group = |ws: &Workspace| {
            let mut by: BTreeMap<LeadId, Vec<Activity>> = BTreeMap::new();
            for a in &ws.activities {
                by.entry(a.lead).or_default().push(a.clone());
            }
            by
        };
        let (acts_before, mut acts_after) = (group(old), group(new));
        let mut change = Change::default();
        for lead in &new.leads {
            match before.get(&lead.id()) {
                Some(b) if *b == lead => {}
                Some(b) => {
                    change.expect.push((lead.id(), b.updated_at()));
                    change.leads.push(lead.clone());
                }
                None => change.leads.push(lead.clone()),
            }
        }
        for lead in &old.leads {
            if !after.contains_key(&lead.id()) {
                change.expect.push((lead.id(), lead.updated_at()));
                change.deleted.push(lead.id());
            }
        }
        for lead in &new.leads {
            let then = acts_before.get(&lead.id());
            let now = acts_after.remove(&lead.id()).unwrap_or_default();
            if then.map_or(!now.is_empty(), |t| *t != now) {
                change.activities.push((lead.id(), now));
            }
        }
        if old.settings() != new.settings() {
            change.settings = Some(new.settings());
            change.expect_settings = Some(old.settings());
        }
        change
    }

    /// True when it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.leads.is_empty()
            && self.deleted.is_empty()
            && self.activities.is_empty()
            && self.appended.is_empty()
            && self.withdrawn.is_empty()
            && self.settings.is_none()
    }

    /// Logging `activity` on its lead (see [`Change::appended`]).
    pub fn log(activity: Activity) -> Change {
        Change {
            appended: vec![activity],
            ..Change::default()
        }
    }

    /// A lead's activity list once this change's `activities`, `withdrawn`
    /// and `appended` (in that order) are applied to `stored`.
    pub fn activities_after(&self, id: LeadId, stored: &[Activity]) -> Vec<Activity> {
        let mut list = match self.activities.iter().find(|(l, _)| *l == id) {
            Some((_, list)) => list.clone(),
            None => stored.to_vec(),
        };
        for gone in self.withdrawn.iter().filter(|a| a.lead == id) {
            if let Some(i) = list.iter().rposition(|a| a == gone) {
                list.remove(i);
            }
        }
        list.extend(self.appended.iter().filter(|a| a.lead == id).cloned());
        list
    }

    /// Whether this change alters `id`'s activity list.
    pub fn alters_activities_of(&self, id: LeadId) -> bool {
        self.activities.iter().any(|(l, _)| *l == id)
            || self
                .appended
                .iter()
                .chain(&self.withdrawn)
                .any(|a| a.lead == id)
    }

    /// Saving one lead.
    pub fn lead(lead: Lead) -> Change {
        Change {
            leads: vec![lead],
            ..Change::default()
        }
    }

    /// Lead `gone` made part of lead `stays` (the same person, see
    /// `domain::lead::merge_pair`), both as read now: `stays` saved with
    /// every activity of both, `gone` deleted; refused if either changed.
    pub fn merge(
        stays: Lead,
        gone: Lead,
        activities: &[Activity],
        by: Option<&str>,
        now: DateTime<Utc>,
    ) -> Change {
        let expect = vec![
            (gone.id(), gone.updated_at()),
            (stays.id(), stays.updated_at()),
        ];
        let deleted = vec![gone.id()];
        let (lead, acts) = crate::domain::lead::merge_pair(stays, gone, activities, by, now);
        Change {
            activities: vec![(lead.id(), acts)],
            leads: vec![lead],
            deleted,
            expect,
            ..Change::default()
        }
    }

    /// Saving an edit of a lead that was read at version `base`.
    pub fn edit(lead: Lead, base: DateTime<Utc>) -> Change {
        Change {
            expect: vec![(lead.id(), base)],
            ..Change::lead(lead)
        }
    }
}
