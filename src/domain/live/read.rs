//! What the screens read from a [`Live`] workspace.

use super::*;

impl Live {
    /// When every lead was evaluated.
    pub fn now(&self) -> DateTime<Utc> {
        self.eval.now
    }

    /// Every lead's clocks and facts (empty when the calendar is invalid).
    pub fn eval(&self) -> &Evaluation {
        &self.eval
    }

    /// Every lead's clocks, by position (empty when the calendar is invalid).
    pub fn clocks(&self) -> &[LeadClocks] {
        &self.eval.clocks
    }

    /// The clocks of one lead.
    pub fn clocks_of(&self, id: LeadId) -> Option<&LeadClocks> {
        self.positions
            .get(&id)
            .and_then(|i| self.eval.clocks.get(*i))
    }

    /// Where each lead's clocks put it in the Today queue, by position
    /// (at [`HORIZON`]; empty when the calendar is invalid).
    pub fn placements(&self) -> &[Option<Placement>] {
        &self.placements
    }

    /// Every lead, in order.
    pub fn leads(&self) -> &[Lead] {
        &self.ws.leads
    }

    /// One lead.
    pub fn lead(&self, id: LeadId) -> Option<&Lead> {
        self.positions.get(&id).map(|i| &self.ws.leads[*i])
    }

    /// Where a lead is in [`Live::leads`].
    pub fn position(&self, id: LeadId) -> Option<usize> {
        self.positions.get(&id).copied()
    }

    /// One lead's activities, oldest first.
    pub fn activities_of(&self, id: LeadId) -> &[Activity] {
        self.positions
            .get(&id)
            .map_or(&[], |i| self.acts[*i].as_slice())
    }

    /// How many activities there are.
    pub fn activity_count(&self) -> usize {
        self.acts.iter().map(Vec::len).sum::<usize>() + self.orphans.len()
    }

    /// The pipeline.
    pub fn pipeline(&self) -> &Pipeline {
        &self.ws.pipeline
    }

    /// The people.
    pub fn reps(&self) -> &[Rep] {
        &self.ws.reps
    }

    /// The settings (a copy).
    pub fn settings(&self) -> Settings {
        self.ws.settings()
    }

    /// The timezone of the workspace calendar.
    pub fn timezone(&self) -> crate::domain::zone::Zone {
        self.ws.calendar.tz()
    }

    /// The target lead `id`'s policy sets for clock `kind` (none for the
    /// nurture clock, counted in calendar days, and for a stage without a
    /// limit), so a page can say "due Thu 15:30 (2 working days)".
    pub fn target_of(
        &self,
        id: LeadId,
        kind: crate::domain::queue::ClockKind,
    ) -> Option<crate::domain::sla::Span> {
        use crate::domain::queue::ClockKind;
        let lead = self.lead(id)?;
        let policy = self.ws.policies.policy_for(lead);
        match kind {
            ClockKind::FirstResponse => Some(policy.first_response),
            ClockKind::Attempts => Some(policy.attempts.within),
            ClockKind::StageTime => policy.stage_limits.get(lead.stage()).copied(),
            ClockKind::Reassignment => Some(policy.reassign_after),
            ClockKind::Nurture => None,
        }
    }

    /// Where lead `id`'s call attempts stand, for the answer to a logged
    /// outcome ("attempt 2 of 3, next try after 14:30"): attempts made,
    /// the number its policy requires, whether the requirement is settled
    /// (met — by the attempts, a conversation, a reply or a wrong number —,
    /// missed, or not applicable) and, while it is not, the earliest next
    /// try: the last attempt plus the policy's minimum gap, in business
    /// time, when that is still ahead.
    pub fn attempts_now(&self, id: LeadId) -> Option<AttemptsNow> {
        let i = *self.positions.get(&id)?;
        let clocks = self.eval.clocks.get(i)?;
        let policy = self.ws.policies.policy_for(&self.ws.leads[i]);
        let settled = !matches!(
            clocks.attempts.status,
            Status::Pending { .. } | Status::AtRisk { .. } | Status::Breached { done: None, .. }
        );
        let last = self.acts[i]
            .iter()
            .rev()
            .find(|a| a.is_attempt())
            .map(|a| a.at);
        let gap = policy.attempts.min_gap.delta();
        let next_after = match (&self.engine, last) {
            (Some(e), Some(last)) if !settled && gap > TimeDelta::zero() => {
                Some(e.timeline.calendar().due(last, gap))
            }
            _ => None,
        }
        // A time already past is no "next try after".
        .filter(|t| *t > self.eval.now);
        Some(AttemptsNow {
            made: clocks.attempts.made,
            required: policy.attempts.min_attempts,
            max: policy.attempts.max_attempts,
            settled,
            next_after,
        })
    }

    /// One working day of the workspace calendar, as durations are written
    /// ([`crate::domain::calendar::BusinessCalendar::working_day`]; 8 h
    /// while the calendar cannot be built).
    pub fn working_day(&self) -> chrono::TimeDelta {
        self.engine
            .as_ref()
            .map_or(chrono::TimeDelta::hours(8), |e| {
                e.timeline.calendar().working_day()
            })
    }

    /// The display name of a rep (its id when unknown).
    pub fn rep_name(&self, id: &RepId) -> String {
        self.ws
            .reps
            .iter()
            .find(|r| &r.id == id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }

    /// The whole workspace (a copy, for a backup or a comparison): the
    /// activities grouped by lead in lead order, oldest first, then those of
    /// no lead here.
    pub fn workspace(&self) -> Workspace {
        let mut ws = self.ws.clone();
        ws.activities = Vec::with_capacity(self.activity_count());
        for acts in &self.acts {
            ws.activities.extend_from_slice(acts);
        }
        ws.activities.extend_from_slice(&self.orphans);
        ws
    }

    /// The distinct non-empty values of `field` among the leads, in order.
    pub fn values(&self, field: Field) -> impl Iterator<Item = &str> {
        self.values.0[field as usize].keys().map(String::as_str)
    }

    /// The search index of every lead, made on first use, then kept.
    pub fn search(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::new(&self.ws.leads))
    }

    /// The workspace prepared for the report functions, sharing this
    /// evaluation (`None` when the calendar is invalid).
    pub fn prepared(&self) -> Option<Prepared<'_>> {
        let e = self.engine.as_ref()?;
        Some(Prepared::kept(
            &self.ws,
            &self.acts,
            (e.timeline.clone(), e.stages.clone()),
            Arc::clone(&e.digest),
            &self.eval,
        ))
    }
}
