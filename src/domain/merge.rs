//! Merging an imported workspace into the current one ("merge" backup import).
//!
//! Rules:
//! - Leads are matched by id. A lead only in the file is added; a lead in
//!   both is replaced when the file's `updated_at` is newer, and otherwise
//!   left as it is (skipped).
//! - A lead from the file whose stage (current or in its history) the
//!   current pipeline does not have is refused (counted, named in the
//!   report) rather than stored half-valid.
//! - Activities are never lost: a kept or added lead's activities are the
//!   union of both sides (identical entries once).
//! - Reps the file knows and the workspace does not are added (activities
//!   and owners refer to them); existing reps and every other setting
//!   (pipeline, calendar, policies, targets) stay as they are.

use super::activity::Activity;
use super::lead::LeadId;
use super::workspace::Workspace;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MergeReport {
    /// Leads new to the workspace.
    pub added: usize,
    /// Leads replaced by a newer version from the file.
    pub updated: usize,
    /// Leads whose stored version was as new or newer.
    pub skipped: usize,
    /// Leads refused because the pipeline lacks one of their stages.
    pub refused: Vec<LeadId>,
    /// Reps added.
    pub reps_added: usize,
}

/// The workspace after merging `incoming` into `current`, and what changed.
pub fn merge(current: &Workspace, incoming: Workspace) -> (Workspace, MergeReport) {
    let mut out = current.clone();
    let mut report = MergeReport::default();
    let known_reps: HashSet<_> = out.reps.iter().map(|r| r.id.clone()).collect();
    for rep in incoming.reps {
        if !known_reps.contains(&rep.id) {
            out.reps.push(rep);
            report.reps_added += 1;
        }
    }
    let pos: HashMap<LeadId, usize> = out
        .leads
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id(), i))
        .collect();
    let mut incoming_acts: HashMap<LeadId, Vec<Activity>> = HashMap::new();
    for a in incoming.activities {
        incoming_acts.entry(a.lead).or_default().push(a);
    }
    let mut touched: HashSet<LeadId> = HashSet::new();
    for lead in incoming.leads {
        let stages_known = out.pipeline.stage(lead.stage()).is_some()
            && lead
                .history()
                .iter()
                .all(|c| out.pipeline.stage(&c.to).is_some());
        if !stages_known {
            report.refused.push(lead.id());
            continue;
        }
        match pos.get(&lead.id()) {
            None => {
                report.added += 1;
                touched.insert(lead.id());
                out.leads.push(lead);
            }
            Some(i) if lead.updated_at() > out.leads[*i].updated_at() => {
                report.updated += 1;
                touched.insert(lead.id());
                out.leads[*i] = lead;
            }
            Some(_) => {
                report.skipped += 1;
                touched.insert(lead.id());
            }
        }
    }
    for id in &touched {
        for a in incoming_acts.remove(id).unwrap_or_default() {
            if !out.activities.contains(&a) {
                out.activities.push(a);
            }
        }
    }
    crate::sort::sort_by_key(&mut out.leads, |l| (l.created_at(), l.id()));
    (out, report)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::activity::{ActivityKind, Direction, Outcome};
    use crate::domain::lead::{Lead, LeadDraft};
    use crate::domain::pipeline::StageId;
    use crate::domain::rep::{Membership, Rep, RepId};
    use crate::domain::test_support::vn;

    fn lead(n: u128, name: &str) -> Lead {
        let draft = LeadDraft {
            name: name.into(),
            phone: format!("09123456{n:02}"),
            source: "Zalo".into(),
            ..LeadDraft::default()
        };
        Lead::create(
            &draft,
            LeadId::from_uuid(uuid::Uuid::from_u128(n)),
            vn("2026-03-02 08:00"),
            &Workspace::default().pipeline,
        )
        .unwrap()
    }

    fn call(l: &Lead, at: &str) -> Activity {
        Activity {
            lead: l.id(),
            at: vn(at),
            kind: ActivityKind::Call,
            direction: Direction::Outbound,
            outcome: Outcome::NoAnswer,
            rep: Some(RepId::new("an")),
            note: None,
            by: None,
            extra: Default::default(),
        }
    }

    #[test]
    fn newer_wins_older_is_skipped_new_is_added_and_no_activity_is_lost() {
        let pipeline = Workspace::default().pipeline;
        let a = lead(1, "A");
        let b_old = lead(2, "B");
        let mut b = b_old.clone();
        b.set_campaign("spring", vn("2026-03-04 08:00"));
        let mut current = Workspace {
            leads: vec![a.clone(), b.clone()],
            activities: vec![call(&a, "2026-03-02 09:00")],
            ..Workspace::default()
        };
        current
            .reps
            .push(Rep::new("an", "An", Membership::Sales, 5));
        let mut a_newer = a.clone();
        a_newer
            .advance(&pipeline, None, vn("2026-03-03 08:00"))
            .unwrap();
        let c = lead(3, "C");
        let incoming = Workspace {
            leads: vec![a_newer.clone(), b_old, c.clone()],
            activities: vec![
                call(&a, "2026-03-02 09:00"),
                call(&a, "2026-03-03 09:00"),
                call(&c, "2026-03-02 10:00"),
            ],
            reps: vec![Rep::new("binh", "Bình", Membership::Sales, 5)],
            ..Workspace::default()
        };
        let (merged, report) = merge(&current, incoming);
        assert_eq!((report.added, report.updated, report.skipped), (1, 1, 1));
        assert_eq!(report.reps_added, 1);
        assert_eq!(merged.leads.len(), 3);
        assert_eq!(
            merged.leads.iter().find(|l| l.id() == a.id()).unwrap(),
            &a_newer
        );
        assert_eq!(
            merged.leads.iter().find(|l| l.id() == b.id()).unwrap(),
            &b,
            "the stale copy lost"
        );
        assert_eq!(
            merged.activities.len(),
            3,
            "union without duplicates: {:?}",
            merged.activities
        );
        assert_eq!(merged.reps.len(), 2);
    }

    #[test]
    fn leads_in_stages_the_pipeline_lacks_are_refused() {
        let mut odd = lead(9, "Odd");
        let mut stages = Workspace::default().pipeline.stages().to_vec();
        let mut trial = stages[1].clone();
        trial.id = StageId::new("trial");
        trial.name = "Trial".into();
        stages.insert(2, trial);
        let other =
            crate::domain::pipeline::Pipeline::new(stages, &StageId::new("qualified")).unwrap();
        odd.move_to(&StageId::new("trial"), &other, None, vn("2026-03-03 08:00"))
            .unwrap();
        let incoming = Workspace {
            leads: vec![odd.clone()],
            ..Workspace::default()
        };
        let (merged, report) = merge(&Workspace::default(), incoming);
        assert_eq!(report.refused, vec![odd.id()]);
        assert!(merged.leads.is_empty());
    }
}
