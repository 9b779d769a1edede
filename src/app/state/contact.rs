//! Tap to call, chat or mail. The tap opens the phone, Zalo or the mail
//! app and remembers the attempt with its time (in this browser, so a
//! reload keeps it); when the person comes back, one tap says how it went
//! and the activity is logged at the time of the tap, so the attempt rule
//! and the first-response clock follow what really happened. Activities
//! are written once, never edited, so nothing is logged before the outcome
//! is known; "it did not happen" logs nothing.

use super::AppState;
use crate::app::clock;
use crate::domain::activity::{ActivityDraft, ActivityKind, Direction, Outcome};
use crate::domain::lead::LeadId;
use crate::storage::local_settings;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What this browser keeps the attempt under.
const KEY: &str = "contact";

/// An attempt opened by a tap, waiting for its outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingContact {
    /// The lead.
    pub lead: LeadId,
    /// A call, or a message on a channel.
    pub kind: ActivityKind,
    /// When the person tapped.
    #[serde(with = "crate::domain::instant")]
    pub at: DateTime<Utc>,
}

impl PendingContact {
    /// The outcomes a person chooses from for this kind of attempt.
    pub fn outcomes(&self) -> &'static [Outcome] {
        match self.kind {
            ActivityKind::Call => &[
                Outcome::Connected,
                Outcome::NoAnswer,
                Outcome::Busy,
                Outcome::WrongNumber,
            ],
            _ => &[Outcome::Sent, Outcome::Replied, Outcome::WrongNumber],
        }
    }
}

impl AppState {
    /// The person tapped a call, chat or mail link of `lead`.
    pub fn begin_contact(self, lead: LeadId, kind: ActivityKind) {
        let pending = PendingContact {
            lead,
            kind,
            at: clock::now(),
        };
        if let Ok(text) = serde_json::to_string(&pending) {
            local_settings::set_text(&self.db_name(), KEY, Some(&text));
        }
        self.contact.set(Some(pending));
    }

    /// How the attempt went (None: it did not happen); logs it at the time
    /// of the tap.
    pub fn end_contact(self, outcome: Option<Outcome>) {
        let Some(pending) = self.contact.get_untracked() else {
            return;
        };
        local_settings::set_text(&self.db_name(), KEY, None);
        self.contact.set(None);
        if let Some(outcome) = outcome
            && self.lead_untracked(pending.lead).is_some()
        {
            let draft = ActivityDraft {
                kind: pending.kind,
                direction: Direction::Outbound,
                outcome,
                note: String::new(),
            };
            // The choices offered all fit their kind.
            let _ = self.log_activity_at(pending.lead, draft, Some(pending.at));
        }
    }

    /// The attempt this browser was waiting on when the page was left.
    pub(crate) fn restore_contact(self) {
        let pending = local_settings::text(&self.db_name(), KEY)
            .and_then(|t| serde_json::from_str::<PendingContact>(&t).ok());
        self.contact.set(pending);
    }
}
