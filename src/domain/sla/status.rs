//! Where a lead's clocks stand: each clock's [`Status`], and all of a
//! lead's clocks together.

use super::*;

/// Where one clock stands at `now`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Status {
    /// Running, comfortably.
    Pending {
        /// Deadline.
        due: DateTime<Utc>,
        /// Business time left.
        remaining: TimeDelta,
    },
    /// Running, little time left.
    AtRisk {
        /// Deadline.
        due: DateTime<Utc>,
        /// Business time left.
        remaining: TimeDelta,
    },
    /// Past the deadline.
    Breached {
        /// Deadline.
        due: DateTime<Utc>,
        /// Business time past it (until `done`, or until now).
        overdue: TimeDelta,
        /// When the late event finally happened, if it did.
        done: Option<DateTime<Utc>>,
    },
    /// Done in time.
    Met {
        /// When.
        at: DateTime<Utc>,
        /// Business time it took.
        used: TimeDelta,
    },
    /// Stopped while the lead is in a pausing stage.
    Paused {
        /// Business time left when it resumes.
        remaining: TimeDelta,
    },
    /// This clock does not apply to the lead.
    NotApplicable,
}

impl Status {
    /// Sort key for work queues: breached first (most overdue first), then at
    /// risk and pending (least remaining first), then the rest.
    pub fn urgency(&self) -> (u8, i64) {
        match self {
            Status::Breached {
                done: None,
                overdue,
                ..
            } => (0, -overdue.num_seconds()),
            Status::AtRisk { remaining, .. } => (1, remaining.num_seconds()),
            Status::Pending { remaining, .. } => (2, remaining.num_seconds()),
            Status::Paused { remaining } => (3, remaining.num_seconds()),
            Status::Breached { .. } | Status::Met { .. } | Status::NotApplicable => (4, 0),
        }
    }

    /// Whether the clock was kept: `Some(true)` met, `Some(false)` breached,
    /// `None` not judged yet (running, paused, not applicable). Rates such as
    /// "% within SLA" count only judged clocks.
    pub fn verdict(&self) -> Option<bool> {
        match self {
            Status::Met { .. } => Some(true),
            Status::Breached { .. } => Some(false),
            _ => None,
        }
    }

    /// True for a breach, finished or not.
    pub fn is_breached(&self) -> bool {
        matches!(self, Status::Breached { .. })
    }
}

/// The attempts clock plus rule violations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptClock {
    /// N attempts within X.
    pub status: Status,
    /// Attempts made so far.
    pub made: u32,
    /// More than `max_attempts` were made.
    pub too_many: bool,
    /// Consecutive attempts closer than `min_gap`.
    pub short_gaps: u32,
    /// While more tries are due: the earliest next one (the last attempt
    /// plus `min_gap`, in business time), when it is still ahead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_try: Option<DateTime<Utc>>,
}

/// Every clock of one lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadClocks {
    /// First response.
    pub first_response: Status,
    /// Attempts.
    pub attempts: AttemptClock,
    /// Time in the current stage.
    pub stage_time: Status,
    /// Owner inactivity.
    pub reassignment: Status,
    /// Nurture end.
    pub nurture: Status,
}

impl LeadClocks {
    /// No clock applies.
    pub const NONE: LeadClocks = LeadClocks {
        first_response: Status::NotApplicable,
        attempts: AttemptClock {
            status: Status::NotApplicable,
            made: 0,
            too_many: false,
            short_gaps: 0,
            next_try: None,
        },
        stage_time: Status::NotApplicable,
        reassignment: Status::NotApplicable,
        nurture: Status::NotApplicable,
    };

    /// The most urgent clock's key (see [`Status::urgency`]).
    pub fn urgency(&self) -> (u8, i64) {
        [
            self.first_response,
            self.attempts.status,
            self.stage_time,
            self.reassignment,
            self.nurture,
        ]
        .iter()
        .map(Status::urgency)
        .min()
        .unwrap_or((4, 0))
    }
}
