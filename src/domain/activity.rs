//! What reps (and leads) did: calls, messages, meetings and notes.
//!
//! Rules used by the SLA engine:
//! - A *response* is an outbound call, message or meeting by a rep; notes never count.
//! - An *attempt* is an outbound call or message, whatever its outcome.
//! - A *touch* (for reassignment) is any activity by the lead's owner, notes included.
//! - An *audit* (a manager's verdict on another activity, `domain::audit`)
//!   is none of these, and no touch either: the digest leaves it out.
//! - A *resolution on first contact* is a first connected call/meeting whose
//!   outcome is `Resolved`.
//!
//! Logging ([`Activity::log`]) asks only what fits the kind: a note is its
//! text (required, so the timeline shows words, never "Note · Outbound ·
//! Connected"), stored with the neutral direction and outcome
//! [`Activity::NOTE_SHAPE`]; a call, message or meeting takes a direction,
//! an outcome among those that fit it ([`ActivityKind::outcomes`]) and an
//! optional note ("what the customer said"). Text is trimmed and at most
//! [`NOTE_MAX`] characters. Older records (a note without text, logged before
//! notes held words) keep reading.

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

/// What kind of activity. Stored as `{"type": "call"}` or `{"type":
/// "message", "channel": "zalo"}`; read as one flat record (serde's reader
/// of adjacently tagged enums buffers, and costs the first load kilobytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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
    /// A manager's audit of another activity (`domain::audit`): its verdict
    /// is kept in the record's extra fields, and the SLA rules never read
    /// it (it is no touch, response or attempt).
    Audit,
}

impl<'de> Deserialize<'de> for ActivityKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ActivityKind, D::Error> {
        use serde::de::Error;
        #[derive(Deserialize)]
        struct Flat {
            #[serde(rename = "type")]
            kind: String,
            #[serde(default)]
            channel: Option<Channel>,
        }
        let f = Flat::deserialize(d)?;
        let unit = |k: ActivityKind| match f.channel {
            None => Ok(k),
            Some(_) => Err(D::Error::custom(format!("a {} has no channel", f.kind))),
        };
        match f.kind.as_str() {
            "call" => unit(ActivityKind::Call),
            "meeting" => unit(ActivityKind::Meeting),
            "note" => unit(ActivityKind::Note),
            "audit" => unit(ActivityKind::Audit),
            "message" => f
                .channel
                .map(ActivityKind::Message)
                .ok_or_else(|| D::Error::missing_field("channel")),
            other => Err(D::Error::unknown_variant(
                other,
                &["call", "message", "meeting", "note", "audit"],
            )),
        }
    }
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
    /// The rep who did or received it (the rep it counts for).
    pub rep: Option<RepId>,
    /// What was said or noted, as typed: a note's text, or what the customer
    /// said on a call, message or meeting. Shown only as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
    /// Who logged it: the signed-in team member, in a shared workspace
    /// (the rep it counts for may be someone else, e.g. the lead's owner).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Box<str>>,
    /// Fields this version does not know, kept verbatim.
    #[serde(flatten, default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

/// The most characters a note may hold (about a page).
pub const NOTE_MAX: usize = 2_000;

impl ActivityKind {
    /// The outcomes that fit this kind, in the order a form offers them;
    /// empty for a note (it has none).
    pub fn outcomes(self) -> &'static [Outcome] {
        use Outcome::*;
        match self {
            ActivityKind::Call => &[Connected, NoAnswer, Busy, WrongNumber, Resolved],
            ActivityKind::Message(_) => &[Sent, Replied, WrongNumber, Resolved],
            ActivityKind::Meeting => &[Connected, NoAnswer, Resolved],
            ActivityKind::Note | ActivityKind::Audit => &[],
        }
    }

    /// Whether it has a direction (inbound or outbound); a note or an
    /// audit has none.
    pub fn has_direction(self) -> bool {
        !self.is_annotation()
    }

    /// A note or an audit: words about the lead, not a contact with it.
    pub fn is_annotation(self) -> bool {
        matches!(self, ActivityKind::Note | ActivityKind::Audit)
    }
}

/// What a person logs, before it is an [`Activity`].
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityDraft {
    /// Call, message, meeting or note.
    pub kind: ActivityKind,
    /// Ignored for a note.
    pub direction: Direction,
    /// Ignored for a note.
    pub outcome: Outcome,
    /// The note as typed (required for a note, optional otherwise).
    pub note: String,
}

/// Why a draft cannot be logged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActivityProblem {
    /// A note with no words.
    #[error("a note needs text")]
    NoteMissing,
    /// Longer than [`NOTE_MAX`] characters.
    #[error("the note has {chars} characters, {NOTE_MAX} at most")]
    NoteTooLong {
        /// How many it has.
        chars: usize,
    },
    /// An outcome that does not fit the kind (a call "replied").
    #[error("{outcome:?} does not fit {kind:?}")]
    OutcomeDoesNotFit {
        /// The kind.
        kind: ActivityKind,
        /// The outcome.
        outcome: Outcome,
    },
}

impl Activity {
    /// The direction and outcome a note is stored with (it has neither; the
    /// SLA rules never count a note as a response or an attempt).
    pub const NOTE_SHAPE: (Direction, Outcome) = (Direction::Outbound, Outcome::Sent);

    /// A logged activity from what a person chose (module rules): the
    /// note's text trimmed, required for a note, at most [`NOTE_MAX`]
    /// characters; an outcome that fits the kind.
    pub fn log(
        draft: &ActivityDraft,
        lead: LeadId,
        at: DateTime<Utc>,
        rep: Option<RepId>,
        by: Option<&str>,
    ) -> Result<Activity, ActivityProblem> {
        let text = draft.note.trim();
        let chars = text.chars().count();
        if chars > NOTE_MAX {
            return Err(ActivityProblem::NoteTooLong { chars });
        }
        let (direction, outcome) = if draft.kind == ActivityKind::Note {
            if text.is_empty() {
                return Err(ActivityProblem::NoteMissing);
            }
            Activity::NOTE_SHAPE
        } else if draft.kind.outcomes().contains(&draft.outcome) {
            (draft.direction, draft.outcome)
        } else {
            return Err(ActivityProblem::OutcomeDoesNotFit {
                kind: draft.kind,
                outcome: draft.outcome,
            });
        };
        Ok(Activity {
            lead,
            at,
            kind: draft.kind,
            direction,
            outcome,
            rep,
            note: (!text.is_empty()).then(|| text.into()),
            by: by.map(Into::into),
            extra: Extra::default(),
        })
    }

    /// Counts as a first response (see module rules).
    pub fn is_response(&self) -> bool {
        self.direction == Direction::Outbound && self.rep.is_some() && !self.kind.is_annotation()
    }

    /// Counts as a contact attempt.
    pub fn is_attempt(&self) -> bool {
        self.direction == Direction::Outbound
            && matches!(self.kind, ActivityKind::Call | ActivityKind::Message(_))
    }

    /// Ends the call attempts with no conversation: the number reached
    /// someone else (a wrong number), so no further try can reach the lead.
    pub fn is_dead_end(&self) -> bool {
        self.outcome == Outcome::WrongNumber && !self.kind.is_annotation()
    }

    /// Was a live conversation.
    pub fn is_conversation(&self) -> bool {
        matches!(self.kind, ActivityKind::Call | ActivityKind::Meeting)
            && matches!(self.outcome, Outcome::Connected | Outcome::Resolved)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
