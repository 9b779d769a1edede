//! A backup's workspace checked as the app would: ids unique, references
//! resolvable, the calendar valid, each record's own rules.

use super::*;

/// Ids unique, references resolvable, calendar valid.
pub(super) fn validate(ws: &Workspace) -> Result<(), BackupError> {
    BusinessCalendar::new(ws.calendar.clone()).map_err(BackupError::Calendar)?;
    let stages: HashSet<&str> = ws.pipeline.stages().iter().map(|s| s.id.as_str()).collect();
    let mut reps = HashSet::new();
    for (i, r) in ws.reps.iter().enumerate() {
        if !reps.insert(r.id.as_str()) {
            return Err(BackupError::DuplicateId {
                path: format!("data.reps[{i}].id"),
                id: r.id.to_string(),
            });
        }
    }
    // Paths are written only for an error: building one per checked
    // reference would cost millions of allocations on a large backup.
    let stage_ref = |path: &dyn Fn() -> String, id: &str| {
        if stages.contains(id) {
            Ok(())
        } else {
            Err(BackupError::DanglingReference {
                path: path(),
                id: id.to_owned(),
                kind: "stage",
            })
        }
    };
    let rep_ref = |path: &dyn Fn() -> String, id: &str| {
        if reps.contains(id) {
            Ok(())
        } else {
            Err(BackupError::DanglingReference {
                path: path(),
                id: id.to_owned(),
                kind: "rep",
            })
        }
    };
    let mut leads = HashSet::with_capacity(ws.leads.len());
    for (i, lead) in ws.leads.iter().enumerate() {
        if !leads.insert(lead.id()) {
            return Err(BackupError::DuplicateId {
                path: format!("data.leads[{i}].id"),
                id: lead.id().to_string(),
            });
        }
        stage_ref(&|| format!("data.leads[{i}].stage"), lead.stage().as_str())?;
        for (j, change) in lead.history().iter().enumerate() {
            stage_ref(
                &|| format!("data.leads[{i}].history[{j}].to"),
                change.to.as_str(),
            )?;
            if let Some(from) = &change.from {
                stage_ref(
                    &|| format!("data.leads[{i}].history[{j}].from"),
                    from.as_str(),
                )?;
            }
        }
        if let Some(owner) = lead.owner() {
            rep_ref(&|| format!("data.leads[{i}].owner"), owner.as_str())?;
        }
        // The same invariants as a lead made in the app or received by sync.
        lead.check(&ws.pipeline)
            .map_err(|problem| BackupError::Lead {
                path: format!("data.leads[{i}].{}", problem.field()),
                problem,
            })?;
    }
    for (i, a) in ws.activities.iter().enumerate() {
        if !leads.contains(&a.lead) {
            return Err(BackupError::DanglingReference {
                path: format!("data.activities[{i}].lead"),
                id: a.lead.to_string(),
                kind: "lead",
            });
        }
        if let Some(rep) = &a.rep {
            rep_ref(&|| format!("data.activities[{i}].rep"), rep.as_str())?;
        }
    }
    for (i, policy) in ws
        .policies
        .rules
        .iter()
        .chain([&ws.policies.default])
        .enumerate()
    {
        let at = if i < ws.policies.rules.len() {
            format!("rules[{i}]")
        } else {
            "default".to_owned()
        };
        for stage in policy.stage_limits.keys() {
            stage_ref(
                &|| format!("data.policies.{at}.stage_limits"),
                stage.as_str(),
            )?;
        }
    }
    Ok(())
}
