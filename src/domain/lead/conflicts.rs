//! Values that lost to a concurrent edit of the same field on another
//! device (team sync), kept on the lead until a person takes one or
//! dismisses them.

use super::{Lead, MoveError};
use crate::domain::pipeline::{Pipeline, StageId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A value of one field that lost to a concurrent edit made elsewhere (two
/// people changed the same field of the same lead before either saw the
/// other's change). The lead keeps the later edit; this is the other one,
/// shown with who made it so a person can take it instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldConflict {
    /// The field, as named in the lead's JSON (`phone`, `owner`, `stage`…).
    pub field: String,
    /// The value that lost, as the field's JSON.
    pub value: serde_json::Value,
    /// Who made the losing edit (a user name, or a rep id).
    pub by: String,
    /// When the losing edit was made.
    #[serde(with = "crate::domain::instant")]
    pub at: DateTime<Utc>,
    /// Who made the winning edit.
    pub winner: String,
    /// Sync bookkeeping: when (and where) the conflict was found, so every
    /// device drops it once a person has dealt with it. Opaque to the domain.
    pub found: String,
}

impl Lead {
    /// Values that lost to concurrent edits, for a person to look at.
    pub fn conflicts(&self) -> &[FieldConflict] {
        &self.conflicts
    }

    /// Replaces the conflicts (sync merges set them).
    pub fn set_conflicts(&mut self, conflicts: Vec<FieldConflict>) {
        self.conflicts = conflicts;
    }

    /// Keeps the current value of `field`: its conflicts are dismissed.
    pub fn dismiss_conflicts(&mut self, field: &str, now: DateTime<Utc>) {
        self.conflicts.retain(|c| c.field != field);
        self.touch(now);
    }

    /// Takes the losing value of conflict `index` instead of the current
    /// one (and dismisses the field's other conflicts). A stage conflict is
    /// a move to that stage, recorded in the history like any move. Refused
    /// (nothing changes) when the value no longer fits the lead.
    pub fn take_conflict(
        &mut self,
        index: usize,
        pipeline: &Pipeline,
        by: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), MoveError> {
        let Some(c) = self.conflicts.get(index).cloned() else {
            return Ok(());
        };
        let mut next = self.clone();
        next.conflicts.retain(|x| x.field != c.field);
        if c.field == "stage" {
            let to: StageId = crate::json::from_value(c.value.clone())
                .map_err(|_| MoveError::ValueDoesNotFit(c.field.clone()))?;
            if next.stage != to {
                next.move_to(&to, pipeline, by, now)?;
            }
        } else {
            let mut json = crate::json::to_value(&next).expect("a lead serialises");
            if let Some(obj) = json.as_object_mut() {
                if c.value.is_null() {
                    obj.remove(&c.field);
                } else {
                    obj.insert(c.field.clone(), c.value.clone());
                }
                if c.field == "owner" && !c.value.is_null() {
                    obj.insert(
                        "assigned_at".into(),
                        serde_json::Value::from(
                            now.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                        ),
                    );
                }
            }
            next = crate::json::from_value(json)
                .map_err(|_| MoveError::ValueDoesNotFit(c.field.clone()))?;
            if next.check(pipeline).is_err() {
                return Err(MoveError::ValueDoesNotFit(c.field.clone()));
            }
        }
        next.touch(now);
        *self = next;
        Ok(())
    }
}
