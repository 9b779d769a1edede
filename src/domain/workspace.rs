//! Everything one team keeps: pipeline, calendar, SLA policies, reps, KPI
//! targets, leads and activities — and an index of activities per lead.

use super::activity::Activity;
use super::calendar::{BusinessCalendar, CalendarError, CalendarSpec, Mark, Timeline};
use super::contact::Country;
use super::digest::Digest;
use super::extra::Extra;
use super::facts::{Facts, StageTable};
use super::lead::Lead;
use super::pipeline::Pipeline;
use super::rep::{Rep, RepId};
use super::scorecard::Targets;
use super::sla::{LeadClocks, SlaContext, SlaPolicies, evaluate_digest};
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// A whole workspace, as stored and backed up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Stages.
    pub pipeline: Pipeline,
    /// Business hours.
    pub calendar: CalendarSpec,
    /// SLA targets.
    pub policies: SlaPolicies,
    /// People.
    pub reps: Vec<Rep>,
    /// KPI targets.
    #[serde(default)]
    pub targets: Targets,
    /// The country of phone numbers written without `+`.
    #[serde(default, skip_serializing_if = "is_vietnam")]
    pub country: Country,
    /// Leads, oldest first.
    #[serde(default)]
    pub leads: Vec<Lead>,
    /// Activities, any order.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Fields this version does not know, kept verbatim.
    #[serde(flatten, default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            pipeline: Pipeline::default(),
            calendar: CalendarSpec::vietnam(),
            policies: SlaPolicies::default(),
            reps: Vec::new(),
            targets: Targets::default(),
            country: Country::VIETNAM,
            leads: Vec::new(),
            activities: Vec::new(),
            extra: Extra::default(),
        }
    }
}

/// Everything in a workspace but its leads and activities: small, and
/// changed rarely (the settings screens).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Stages.
    pub pipeline: Pipeline,
    /// Business hours.
    pub calendar: CalendarSpec,
    /// SLA targets.
    pub policies: SlaPolicies,
    /// People.
    pub reps: Vec<Rep>,
    /// KPI targets.
    #[serde(default)]
    pub targets: Targets,
    /// The country of phone numbers written without `+`.
    #[serde(default, skip_serializing_if = "is_vietnam")]
    pub country: Country,
    /// Fields this version does not know, kept verbatim.
    #[serde(flatten, default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

mod index;

pub use index::{ActivityIndex, group_by_lead};

fn is_vietnam(c: &Country) -> bool {
    *c == Country::VIETNAM
}

impl Workspace {
    /// A copy of the settings part.
    pub fn settings(&self) -> Settings {
        Settings {
            pipeline: self.pipeline.clone(),
            calendar: self.calendar.clone(),
            policies: self.policies.clone(),
            reps: self.reps.clone(),
            targets: self.targets.clone(),
            country: self.country,
            extra: self.extra.clone(),
        }
    }

    /// A workspace from its parts.
    pub fn from_parts(
        settings: Settings,
        leads: Vec<Lead>,
        activities: Vec<Activity>,
    ) -> Workspace {
        Workspace {
            pipeline: settings.pipeline,
            calendar: settings.calendar,
            policies: settings.policies,
            reps: settings.reps,
            targets: settings.targets,
            country: settings.country,
            extra: settings.extra,
            leads,
            activities,
        }
    }
}

/// Every lead evaluated at one instant: its SLA clocks and the facts the
/// reports read ([`Facts`]), both by position in `ws.leads`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// When the clocks were evaluated.
    pub now: DateTime<Utc>,
    /// The clocks of `ws.leads[i]` at `now`.
    pub clocks: Vec<LeadClocks>,
    /// The facts of `ws.leads[i]` (they do not depend on `now`).
    pub facts: Facts,
}

/// The calendar precomputed from two days before the first of `leads` to a
/// year after `now` (where every clock of a workspace looks), with that end.
pub(super) fn timeline_around(
    calendar: BusinessCalendar,
    leads: &[Lead],
    now: DateTime<Utc>,
) -> (Timeline, DateTime<Utc>) {
    let first = leads
        .iter()
        .map(Lead::created_at)
        .min()
        .unwrap_or(now)
        .min(now);
    let until = now + TimeDelta::days(366);
    (
        Timeline::new(calendar, first - TimeDelta::days(2), until),
        until,
    )
}

mod prepared;

pub use prepared::Prepared;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
