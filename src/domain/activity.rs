//! What reps (and leads) did: calls, messages, meetings and notes.
//!
//! Rules used by the SLA engine:
//! - A *response* is an outbound call, message or meeting by a rep; notes never count.
//! - An *attempt* is an outbound call or message, whatever its outcome.
//! - A *touch* (for reassignment) is any activity by the lead's owner, notes included.
//! - A *resolution on first contact* is a first connected call/meeting whose
//!   outcome is `Resolved`.

use super::extra::Extra;
use super::lead::LeadId;
use super::rep::RepId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A message channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Text message.
    Sms,
    /// Zalo, the messenger most Vietnamese customers use.
    Zalo,
    /// E-mail.
    Email,
    /// Facebook Messenger and other chat apps.
    Chat,
}

/// What kind of activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "channel")]
pub enum ActivityKind {
    /// A phone call.
    Call,
    /// A message on some channel.
    Message(Channel),
    /// A meeting or video call.
    Meeting,
    /// An internal note.
    Note,
}

/// Who started it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// From us to the lead.
    Outbound,
    /// From the lead to us.
    Inbound,
}

/// How it went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Spoke with the lead.
    Connected,
    /// Nobody answered.
    NoAnswer,
    /// Line busy.
    Busy,
    /// The number belongs to someone else (a junk signal).
    WrongNumber,
    /// The lead answered a message.
    Replied,
    /// The lead's question was settled.
    Resolved,
    /// Sent or left, no answer expected yet.
    Sent,
}

/// One activity on one lead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// The lead it concerns.
    pub lead: LeadId,
    /// When it happened.
    #[serde(with = "super::instant")]
    pub at: DateTime<Utc>,
    /// Call, message, meeting or note.
    pub kind: ActivityKind,
    /// Outbound or inbound.
    pub direction: Direction,
    /// How it went.
    pub outcome: Outcome,
    /// The rep who did or received it.
    pub rep: Option<RepId>,
    /// Fields this version does not know, kept verbatim.
    #[serde(flatten, default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

impl Activity {
    /// Counts as a first response (see module rules).
    pub fn is_response(&self) -> bool {
        self.direction == Direction::Outbound
            && self.rep.is_some()
            && self.kind != ActivityKind::Note
    }

    /// Counts as a contact attempt.
    pub fn is_attempt(&self) -> bool {
        self.direction == Direction::Outbound
            && matches!(self.kind, ActivityKind::Call | ActivityKind::Message(_))
    }

    /// Was a live conversation.
    pub fn is_conversation(&self) -> bool {
        matches!(self.kind, ActivityKind::Call | ActivityKind::Meeting)
            && matches!(self.outcome, Outcome::Connected | Outcome::Resolved)
    }
}
