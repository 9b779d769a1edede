//! Everything one team keeps: pipeline, calendar, SLA policies, reps, KPI
//! targets, leads and activities — and an index of activities per lead.

use super::activity::Activity;
use super::calendar::{BusinessCalendar, CalendarError, CalendarSpec};
use super::lead::{Lead, LeadId};
use super::pipeline::Pipeline;
use super::rep::Rep;
use super::scorecard::Targets;
use super::sla::{SlaContext, SlaPolicies};
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
    pub leads: Vec<Lead>,
    /// Activities, any order.
    pub activities: Vec<Activity>,
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

/// A workspace ready for computation: the calendar validated, activities indexed.
pub struct Prepared<'a> {
    /// The data.
    pub ws: &'a Workspace,
    /// Business hours.
    pub calendar: BusinessCalendar,
    /// Activities per lead.
    pub index: ActivityIndex,
}

impl<'a> Prepared<'a> {
    /// Validates the calendar and indexes activities.
    pub fn new(ws: &'a Workspace) -> Result<Prepared<'a>, CalendarError> {
        Ok(Prepared {
            ws,
            calendar: BusinessCalendar::new(ws.calendar.clone())?,
            index: ActivityIndex::new(&ws.activities),
        })
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
