//! The pipeline: ordered stages, each Open, Won or Lost, and the qualified gate
//! that splits Marketing's stages (before it) from Sales' (the gate and after).
//!
//! Rules:
//! - Stage ids are unique, non-empty slugs; names are free text.
//! - There is at least one Open stage (the first Open stage is where new leads
//!   enter), at least one Won and at least one Lost stage.
//! - The gate is an Open stage.
//! - "Next stage" follows the pipeline order through Open stages; after the last
//!   Open stage comes the first Won stage. Lost stages are never "next": losing
//!   a lead is its own decision, with a reason. Won and Lost stages have no next.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stage's stable identifier (a slug such as `qualified`).
/// Stored inline up to 24 bytes (no allocation, no pointer to follow):
/// the reports compare ids for every lead.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StageId(CompactString);

impl StageId {
    /// Wraps a slug; the pipeline validates it.
    pub fn new(id: impl Into<String>) -> Self {
        StageId(CompactString::from(id.into()))
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What reaching a stage means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    /// Work in progress.
    Open,
    /// The lead became a customer.
    Won,
    /// The lead is closed without a sale (including junk).
    Lost,
}

/// Which side of the SLA owns a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Team {
    /// Stages before the qualified gate.
    Marketing,
    /// The qualified gate and every stage after it.
    Sales,
}

/// One column of the pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    /// Stable id, referenced by leads and their history.
    pub id: StageId,
    /// Name shown to people.
    pub name: String,
    /// Open, Won or Lost.
    pub kind: StageKind,
    /// Time in this stage does not count against SLA clocks (e.g. "waiting for customer").
    #[serde(default)]
    pub pauses_sla: bool,
}

impl Stage {
    fn new(id: &str, name: &str, kind: StageKind) -> Stage {
        Stage {
            id: StageId::new(id),
            name: name.to_owned(),
            kind,
            pauses_sla: false,
        }
    }
}

/// An ordered, validated list of stages with a qualified gate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PipelineSpec", into = "PipelineSpec")]
pub struct Pipeline {
    stages: Vec<Stage>,
    gate: usize,
}

/// The serialisable form of a pipeline, validated into a [`Pipeline`].
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PipelineSpec {
    /// Stages in order.
    pub stages: Vec<Stage>,
    /// Id of the qualified gate stage.
    pub qualified_gate: StageId,
}

/// Why a pipeline definition was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PipelineError {
    /// A stage id is empty or has characters other than `a-z`, `0-9`, `-`, `_`.
    BadStageId(String),
    /// Two stages share an id.
    DuplicateStage(StageId),
    /// A stage has an empty name.
    EmptyName(StageId),
    /// Two stages have the same name but for case and accents (people
    /// could not tell them apart in a report).
    SameName(String, String),
    /// No stage of this kind exists.
    Missing(StageKind),
    /// The gate names no stage.
    UnknownGate(StageId),
    /// The gate is a Won or Lost stage.
    GateNotOpen(StageId),
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PipelineError::BadStageId(id) => write!(
                f,
                "stage id '{id}' must be lower-case letters, digits, '-' or '_'"
            ),
            PipelineError::DuplicateStage(id) => write!(f, "two stages have the id '{id}'"),
            PipelineError::EmptyName(id) => write!(f, "stage '{id}' has no name"),
            PipelineError::SameName(a, b) => {
                write!(
                    f,
                    "two stages are called '{a}' and '{b}', which read the same"
                )
            }
            PipelineError::Missing(kind) => {
                write!(f, "the pipeline needs at least one {kind:?} stage")
            }
            PipelineError::UnknownGate(id) => write!(f, "the qualified gate '{id}' is not a stage"),
            PipelineError::GateNotOpen(id) => {
                write!(f, "the qualified gate '{id}' must be an open stage")
            }
        }
    }
}

impl std::error::Error for PipelineError {}

impl TryFrom<PipelineSpec> for Pipeline {
    type Error = PipelineError;

    fn try_from(spec: PipelineSpec) -> Result<Self, Self::Error> {
        Pipeline::new(spec.stages, &spec.qualified_gate)
    }
}

impl From<Pipeline> for PipelineSpec {
    fn from(p: Pipeline) -> Self {
        let qualified_gate = p.stages[p.gate].id.clone();
        PipelineSpec {
            stages: p.stages,
            qualified_gate,
        }
    }
}

impl Default for Pipeline {
    /// New → Interested → Qualified (gate) → Won / Lost.
    fn default() -> Self {
        let stages = vec![
            Stage::new("new", "New", StageKind::Open),
            Stage::new("interested", "Interested", StageKind::Open),
            Stage::new("qualified", "Qualified", StageKind::Open),
            Stage::new("won", "Won", StageKind::Won),
            Stage::new("lost", "Lost", StageKind::Lost),
        ];
        Pipeline { stages, gate: 2 }
    }
}

impl Pipeline {
    /// Validates stages and the gate (see the module rules).
    pub fn new(stages: Vec<Stage>, gate: &StageId) -> Result<Pipeline, PipelineError> {
        for (i, s) in stages.iter().enumerate() {
            let id = s.id.as_str();
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
            {
                return Err(PipelineError::BadStageId(id.to_owned()));
            }
            if stages[..i].iter().any(|o| o.id == s.id) {
                return Err(PipelineError::DuplicateStage(s.id.clone()));
            }
            if s.name.trim().is_empty() {
                return Err(PipelineError::EmptyName(s.id.clone()));
            }
            let folded = super::search::fold(s.name.trim());
            if let Some(o) = stages[..i]
                .iter()
                .find(|o| super::search::fold(o.name.trim()) == folded)
            {
                return Err(PipelineError::SameName(o.name.clone(), s.name.clone()));
            }
        }
        for kind in [StageKind::Open, StageKind::Won, StageKind::Lost] {
            if !stages.iter().any(|s| s.kind == kind) {
                return Err(PipelineError::Missing(kind));
            }
        }
        let gate_index = stages
            .iter()
            .position(|s| &s.id == gate)
            .ok_or_else(|| PipelineError::UnknownGate(gate.clone()))?;
        if stages[gate_index].kind != StageKind::Open {
            return Err(PipelineError::GateNotOpen(gate.clone()));
        }
        Ok(Pipeline {
            stages,
            gate: gate_index,
        })
    }

    /// All stages in order.
    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }

    /// The stage with this id.
    pub fn stage(&self, id: &StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    /// The position of a stage in the pipeline.
    pub fn index_of(&self, id: &StageId) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }

    /// Where new leads enter: the first Open stage.
    pub fn entry(&self) -> &Stage {
        self.stages
            .iter()
            .find(|s| s.kind == StageKind::Open)
            .expect("a validated pipeline has an open stage")
    }

    /// The qualified gate.
    pub fn gate(&self) -> &Stage {
        &self.stages[self.gate]
    }

    /// The stage a lead in `from` moves to when it advances (see module rules).
    pub fn next_stage(&self, from: &StageId) -> Option<&Stage> {
        let i = self.index_of(from)?;
        if self.stages[i].kind != StageKind::Open {
            return None;
        }
        let later = &self.stages[i + 1..];
        later
            .iter()
            .find(|s| s.kind == StageKind::Open)
            .or_else(|| self.stages.iter().find(|s| s.kind == StageKind::Won))
    }

    /// The team that owns a stage: Marketing before the gate, Sales from it on.
    /// Won and Lost stages belong to Sales.
    pub fn team_of(&self, id: &StageId) -> Option<Team> {
        let i = self.index_of(id)?;
        Some(if i < self.gate && self.stages[i].kind == StageKind::Open {
            Team::Marketing
        } else {
            Team::Sales
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_names_differing_only_by_case_or_accents_are_refused() {
        let mut stages = Pipeline::default().stages().to_vec();
        stages.insert(1, Stage::new("lien-he", "Liên hệ", StageKind::Open));
        stages.insert(2, Stage::new("lien-he-2", "LIEN HE", StageKind::Open));
        assert_eq!(
            Pipeline::new(stages, &StageId::new("qualified")).unwrap_err(),
            PipelineError::SameName("Liên hệ".into(), "LIEN HE".into())
        );
    }

    fn id(s: &str) -> StageId {
        StageId::new(s)
    }

    #[test]
    fn default_pipeline_advances_new_to_won() {
        let p = Pipeline::default();
        assert_eq!(p.entry().id, id("new"));
        let next = |s: &str| p.next_stage(&id(s)).map(|s| s.id.as_str().to_owned());
        assert_eq!(next("new").as_deref(), Some("interested"));
        assert_eq!(next("interested").as_deref(), Some("qualified"));
        assert_eq!(next("qualified").as_deref(), Some("won"));
        assert_eq!(next("won"), None);
        assert_eq!(next("lost"), None);
        assert_eq!(next("nope"), None);
    }

    #[test]
    fn gate_splits_the_teams() {
        let p = Pipeline::default();
        let team = |s: &str| p.team_of(&id(s));
        assert_eq!(team("new"), Some(Team::Marketing));
        assert_eq!(team("interested"), Some(Team::Marketing));
        assert_eq!(team("qualified"), Some(Team::Sales));
        assert_eq!(team("won"), Some(Team::Sales));
        assert_eq!(team("lost"), Some(Team::Sales));
    }

    #[test]
    fn custom_stage_after_the_gate() {
        let mut stages = Pipeline::default().stages().to_vec();
        stages.insert(3, Stage::new("trial", "7-day trial", StageKind::Open));
        let p = Pipeline::new(stages, &id("qualified")).unwrap();
        assert_eq!(p.next_stage(&id("qualified")).unwrap().id, id("trial"));
        assert_eq!(p.next_stage(&id("trial")).unwrap().id, id("won"));
        assert_eq!(p.team_of(&id("trial")), Some(Team::Sales));
    }

    fn invalid(stages: Vec<Stage>, gate: &str, expected: PipelineError) {
        assert_eq!(Pipeline::new(stages, &id(gate)), Err(expected));
    }

    #[test]
    fn invalid_pipelines_name_the_problem() {
        let base = Pipeline::default().stages().to_vec();
        let mut dup = base.clone();
        dup.push(Stage::new("won", "Won again", StageKind::Won));
        invalid(dup, "qualified", PipelineError::DuplicateStage(id("won")));
        let no_lost: Vec<_> = base
            .iter()
            .filter(|s| s.kind != StageKind::Lost)
            .cloned()
            .collect();
        invalid(
            no_lost,
            "qualified",
            PipelineError::Missing(StageKind::Lost),
        );
        invalid(base.clone(), "nope", PipelineError::UnknownGate(id("nope")));
        invalid(base.clone(), "won", PipelineError::GateNotOpen(id("won")));
        let mut bad_id = base.clone();
        bad_id[0].id = id("New Stage");
        invalid(
            bad_id,
            "qualified",
            PipelineError::BadStageId("New Stage".into()),
        );
        let mut no_name = base;
        no_name[1].name = "  ".into();
        invalid(
            no_name,
            "qualified",
            PipelineError::EmptyName(id("interested")),
        );
    }

    #[test]
    fn serde_round_trip_validates() {
        let p = Pipeline::default();
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains("\"qualified_gate\":\"qualified\""));
        let back: Pipeline = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
        let bad = json.replace(
            "\"qualified_gate\":\"qualified\"",
            "\"qualified_gate\":\"x\"",
        );
        let err = serde_json::from_str::<Pipeline>(&bad).unwrap_err();
        assert!(err.to_string().contains("'x' is not a stage"), "{err}");
    }
}
