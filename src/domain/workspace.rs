//! Everything one team keeps: pipeline, calendar, SLA policies, reps, KPI
//! targets, leads and activities — and an index of activities per lead.

use super::activity::Activity;
use super::calendar::{BusinessCalendar, CalendarError, CalendarSpec, Timeline};
use super::extra::Extra;
use super::lead::{Lead, LeadId};
use super::pipeline::Pipeline;
use super::rep::Rep;
use super::scorecard::Targets;
use super::sla::{SlaContext, SlaPolicies};
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;

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
    /// Fields this version does not know, kept verbatim.
    #[serde(flatten, default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
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
            extra: settings.extra,
            leads,
            activities,
        }
    }
}

/// Activities grouped by lead (sorted by lead, then time), built once per change.
#[derive(Clone, Debug, Default)]
pub struct ActivityIndex {
    sorted: Vec<Activity>,
    by_lead: HashMap<LeadId, Range<usize>>,
}

impl ActivityIndex {
    /// Groups `activities` by lead.
    pub fn new(activities: &[Activity]) -> ActivityIndex {
        let mut sorted = activities.to_vec();
        sorted.sort_by(|a, b| a.lead.cmp(&b.lead).then(a.at.cmp(&b.at)));
        let mut by_lead = HashMap::new();
        let mut start = 0;
        for i in 1..=sorted.len() {
            if i == sorted.len() || sorted[i].lead != sorted[start].lead {
                by_lead.insert(sorted[start].lead, start..i);
                start = i;
            }
        }
        ActivityIndex { sorted, by_lead }
    }

    /// One lead's activities, oldest first.
    pub fn of(&self, lead: LeadId) -> &[Activity] {
        self.by_lead
            .get(&lead)
            .map_or(&[], |r| &self.sorted[r.clone()])
    }
}

/// A workspace ready for computation: the calendar validated and precomputed
/// as a [`Timeline`] (from the first lead to a year after `now`), activities indexed.
pub struct Prepared<'a> {
    /// The data.
    pub ws: &'a Workspace,
    /// Business hours, precomputed.
    pub calendar: Timeline,
    /// Activities per lead.
    pub index: ActivityIndex,
}

impl<'a> Prepared<'a> {
    /// Validates the calendar, precomputes it around the leads and `now`, and indexes activities.
    pub fn new(ws: &'a Workspace, now: DateTime<Utc>) -> Result<Prepared<'a>, CalendarError> {
        let calendar = BusinessCalendar::new(ws.calendar.clone())?;
        let first = ws
            .leads
            .iter()
            .map(Lead::created_at)
            .min()
            .unwrap_or(now)
            .min(now);
        let timeline = Timeline::new(
            calendar,
            first - TimeDelta::days(2),
            now + TimeDelta::days(366),
        );
        Ok(Prepared {
            ws,
            calendar: timeline,
            index: ActivityIndex::new(&ws.activities),
        })
    }

    /// The timezone of the workspace calendar.
    pub fn timezone(&self) -> chrono_tz::Tz {
        self.calendar.calendar().timezone()
    }

    /// The SLA context with the workspace's own policies.
    pub fn sla(&self) -> SlaContext<'_> {
        SlaContext {
            calendar: &self.calendar,
            pipeline: &self.ws.pipeline,
            policies: &self.ws.policies,
        }
    }
}
