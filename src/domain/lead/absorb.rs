//! Two leads for one person made one: the lead that stays takes what it
//! lacks from the other and keeps the other whole, history and all.
//!
//! Rules (`Lead::absorb`):
//! - The lead that stays keeps everything it holds: name, stage, history,
//!   creation, owner, closure. It takes from the other only what it lacks:
//!   a phone, an e-mail, a campaign, an owner (with its assignment time), a
//!   value, a CSAT, custom fields under names it does not use; its priority
//!   becomes the higher of the two.
//! - The other lead is kept inside it (`merged`), as it was, with when and
//!   by whom it was merged: its stage history and fields stay readable on
//!   the lead's page. Leads it had absorbed before are kept beside it (the
//!   list stays flat).
//! - The other lead's activities become the staying lead's (the caller
//!   moves them: activities belong to the workspace, not to a lead record),
//!   so the SLA clocks and reports count every call made to the person once.
//! - The other lead is then deleted: a person counts once in the funnel.

use super::Lead;
use crate::domain::activity::Activity;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A lead merged into another (the same person entered twice), kept whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergedLead {
    /// When it was merged.
    #[serde(with = "crate::domain::instant")]
    pub at: DateTime<Utc>,
    /// Who merged it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The lead as it was.
    pub lead: Lead,
}

impl Lead {
    /// Makes `other` (the same person) part of this lead (see the module
    /// rules). Merging a lead into itself changes nothing.
    pub fn absorb(&mut self, mut other: Lead, by: Option<&str>, now: DateTime<Utc>) {
        if other.id == self.id {
            return;
        }
        if self.phone.is_none() {
            self.phone = other.phone.clone();
        }
        if self.email.is_none() {
            self.email = other.email.clone();
        }
        if self.campaign.is_empty() {
            self.campaign = other.campaign.clone();
        }
        if self.owner.is_none() && other.owner.is_some() {
            self.owner = other.owner.clone();
            self.assigned_at = other.assigned_at;
        }
        self.value = self.value.or(other.value);
        self.csat = self.csat.or(other.csat);
        self.priority = self.priority.max(other.priority);
        for (k, v) in &other.custom {
            self.custom.entry(k.clone()).or_insert_with(|| v.clone());
        }
        let earlier = std::mem::take(&mut other.merged);
        self.merged.push(MergedLead {
            at: now,
            by: by.map(str::to_owned),
            lead: other,
        });
        self.merged.extend(earlier);
        self.touch(now);
    }

    /// Leads merged into this one, latest first.
    pub fn merged(&self) -> &[MergedLead] {
        &self.merged
    }
}

/// `gone` made part of `stays` (see [`Lead::absorb`]), with the activities
/// of both (found in `activities`, in any order; the others are ignored)
/// moved to `stays`, in time order.
pub fn merge_pair<'a>(
    mut stays: Lead,
    gone: Lead,
    activities: impl IntoIterator<Item = &'a Activity>,
    by: Option<&str>,
    now: DateTime<Utc>,
) -> (Lead, Vec<Activity>) {
    let (into, from) = (stays.id, gone.id);
    let mut acts: Vec<Activity> = activities
        .into_iter()
        .filter(|a| a.lead == into || a.lead == from)
        .map(|a| Activity {
            lead: into,
            ..a.clone()
        })
        .collect();
    crate::sort::sort_by_key(&mut acts, |a| a.at);
    stays.absorb(gone, by, now);
    (stays, acts)
}
