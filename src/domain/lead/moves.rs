//! A lead's stage moves: to the next stage, to any stage, closed as lost
//! or junk, opened again — each one a history entry (the invariants of
//! `super`).

use super::{Closure, Lead, StageChange};
use crate::domain::pipeline::{Pipeline, StageId, StageKind};
use chrono::{DateTime, Utc};
use std::fmt;

/// Why a stage move was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveError {
    /// The lead is Won or Lost, or the target is not in the pipeline.
    NoNextStage(StageId),
    /// The target stage does not exist in the pipeline.
    UnknownStage(StageId),
    /// The lead is already there.
    AlreadyThere(StageId),
    /// The other value of a concurrently edited field no longer fits the lead.
    ValueDoesNotFit(String),
    /// A lead reaches a Lost stage only closed with a reason
    /// ([`Lead::mark_lost`]), never by a plain move.
    NeedsReason(StageId),
}

impl fmt::Display for MoveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoveError::NoNextStage(s) => write!(f, "a lead in '{s}' has no next stage"),
            MoveError::UnknownStage(s) => write!(f, "there is no stage '{s}'"),
            MoveError::AlreadyThere(s) => write!(f, "the lead is already in '{s}'"),
            MoveError::ValueDoesNotFit(field) => {
                write!(f, "the other value of '{field}' no longer fits this lead")
            }
            MoveError::NeedsReason(s) => write!(
                f,
                "a lead goes to '{s}' only with a reason: open it and mark it lost or junk"
            ),
        }
    }
}

impl std::error::Error for MoveError {}

impl Lead {
    /// Moves the lead to the pipeline's next stage (see [`Pipeline::next_stage`]).
    pub fn advance(
        &mut self,
        pipeline: &Pipeline,
        by: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), MoveError> {
        let next = pipeline
            .next_stage(&self.stage)
            .ok_or_else(|| MoveError::NoNextStage(self.stage.clone()))?
            .id
            .clone();
        self.move_to(&next, pipeline, by, now)
    }

    /// Moves the lead to any stage of the pipeline, recording the change.
    pub fn move_to(
        &mut self,
        to: &StageId,
        pipeline: &Pipeline,
        by: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), MoveError> {
        if pipeline.stage(to).is_none() {
            return Err(MoveError::UnknownStage(to.clone()));
        }
        if &self.stage == to {
            return Err(MoveError::AlreadyThere(to.clone()));
        }
        let at = now.max(self.updated_at);
        self.history.push(StageChange {
            at,
            from: Some(self.stage.clone()),
            to: to.clone(),
            by: by.map(str::to_owned),
        });
        self.stage = to.clone();
        self.updated_at = at;
        Ok(())
    }

    /// Takes back a stage move: the stage, its history and the loss
    /// reason become `before`'s again, as a new version (what else changed
    /// meanwhile — a colleague's edit of a field — stays). A move taken
    /// back leaves no trace in the funnel.
    pub fn take_back_move(&mut self, before: &Lead, now: DateTime<Utc>) {
        self.stage = before.stage.clone();
        self.history = before.history.clone();
        self.closure = before.closure.clone();
        self.touch(now);
    }

    /// A move a person makes by hand (a board card, a bulk move, the lead
    /// page's "move to"): like [`Lead::move_to`], but a Lost stage is
    /// reached only with a reason ([`Lead::mark_lost`]) — one arrow key
    /// never closes a deal — and a move out of Lost reopens the lead (its
    /// loss reason goes).
    pub fn move_by_hand(
        &mut self,
        to: &StageId,
        pipeline: &Pipeline,
        by: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), MoveError> {
        if pipeline
            .stage(to)
            .is_some_and(|s| s.kind == StageKind::Lost)
        {
            return Err(MoveError::NeedsReason(to.clone()));
        }
        // Out of Lost is a reopening: the reason it was lost no longer holds.
        let was_lost = pipeline
            .stage(&self.stage)
            .is_some_and(|s| s.kind == StageKind::Lost);
        self.move_to(to, pipeline, by, now)?;
        if was_lost {
            self.closure = None;
        }
        Ok(())
    }

    /// Closes the lead as lost or junk with a reason, moving it to the
    /// pipeline's first Lost stage; a lead already lost takes the new
    /// reason (lost becomes junk, or the other way).
    pub fn mark_lost(
        &mut self,
        closure: Closure,
        pipeline: &Pipeline,
        by: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), MoveError> {
        let lost = pipeline
            .stages()
            .iter()
            .find(|s| s.kind == StageKind::Lost)
            .expect("a validated pipeline has a lost stage")
            .id
            .clone();
        // Already lost: the reason (lost or junk) is what changes.
        if pipeline
            .stage(&self.stage)
            .is_some_and(|s| s.kind == StageKind::Lost)
        {
            self.closure = Some(closure);
            self.touch(now);
            return Ok(());
        }
        self.move_to(&lost, pipeline, by, now)?;
        self.closure = Some(closure);
        Ok(())
    }

    /// Opens a closed lead again in stage `to` (the closure is forgotten;
    /// the history keeps both moves).
    pub fn reopen(
        &mut self,
        to: &StageId,
        pipeline: &Pipeline,
        by: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), MoveError> {
        self.move_to(to, pipeline, by, now)?;
        self.closure = None;
        Ok(())
    }
}
