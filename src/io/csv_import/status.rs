//! A file's status values (HubSpot "Lead Status" / "Lifecycle Stage",
//! Salesforce `Status`, Zoho "Lead Status", Meta `lead_status`…) mapped to
//! what they mean here: a stage of the pipeline, or a closure as lost or
//! junk. [`guess`] gives each value a sensible default the person can
//! change in the wizard before importing.
//!
//! Defaults, by the folded value (lower case, no accents, `_`/`-` as
//! spaces): a stage whose id or name it is → that stage; converted, won,
//! customer, closed won → the pipeline's won stage; unqualified, not
//! qualified, junk, spam, fake, bad → junk; lost, dead, closed lost, not
//! converted, disqualified, bad timing → lost; qualified, sales qualified,
//! opportunity, open deal → the qualified gate; contacted, attempted,
//! connected, working, in progress, interested → the stage after the entry
//! stage (or the entry stage in a one-stage pipeline), unless "not
//! contacted"; anything else → the entry stage.

use crate::domain::lead::LossKind;
use crate::domain::pipeline::{Pipeline, StageId, StageKind};
use crate::domain::search::fold;

/// What one status value becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusTarget {
    /// The lead is imported in this stage.
    Stage(StageId),
    /// The lead is imported closed as lost or junk, the status as reason.
    Closed(LossKind),
}

/// The default meaning of a status value in `pipeline` (module docs).
pub fn guess(value: &str, pipeline: &Pipeline) -> StatusTarget {
    let v: String = fold(value)
        .chars()
        .map(|c| if matches!(c, '_' | '-' | '.') { ' ' } else { c })
        .collect();
    let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
    let stages = pipeline.stages();
    if let Some(s) = stages
        .iter()
        .find(|s| fold(s.id.as_str()) == v || fold(&s.name) == v)
    {
        return StatusTarget::Stage(s.id.clone());
    }
    let any = |words: &[&str]| words.iter().any(|w| v.contains(w));
    let won = stages.iter().find(|s| s.kind == StageKind::Won);
    if any(&[
        "not converted",
        "unconverted",
        "not qualified",
        "unqualified",
    ]) {
        return if any(&["not converted", "unconverted"]) {
            StatusTarget::Closed(LossKind::Lost)
        } else {
            StatusTarget::Closed(LossKind::Junk)
        };
    }
    if let Some(won) =
        won.filter(|_| any(&["converted", "won", "customer", "evangelist", "thanh cong"]))
    {
        return StatusTarget::Stage(won.id.clone());
    }
    if any(&[
        "junk",
        "spam",
        "fake",
        "bad lead",
        "invalid",
        "rac",
        "duplicate",
    ]) {
        return StatusTarget::Closed(LossKind::Junk);
    }
    if any(&[
        "lost",
        "dead",
        "disqualified",
        "bad timing",
        "closed",
        "that bai",
    ]) {
        return StatusTarget::Closed(LossKind::Lost);
    }
    if any(&[
        "qualified",
        "opportunity",
        "open deal",
        "sql",
        "du dieu kien",
    ]) {
        return StatusTarget::Stage(pipeline.gate().id.clone());
    }
    let entry = pipeline.entry().id.clone();
    if any(&["not contacted", "chua lien he"]) {
        return StatusTarget::Stage(entry);
    }
    if any(&[
        "contacted",
        "attempted",
        "connected",
        "working",
        "in progress",
        "interested",
        "da lien he",
        "quan tam",
    ]) {
        let next = stages
            .iter()
            .skip_while(|s| s.id != entry)
            .nth(1)
            .filter(|s| s.kind == StageKind::Open);
        return StatusTarget::Stage(next.map_or(entry, |s| s.id.clone()));
    }
    StatusTarget::Stage(entry)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn vendors_statuses_have_sensible_defaults() {
        let p = Pipeline::default();
        let stage = |id: &str| StatusTarget::Stage(StageId::new(id));
        let cases = [
            // Salesforce
            ("Open - Not Contacted", stage("new")),
            ("Working - Contacted", stage("interested")),
            ("Closed - Converted", stage("won")),
            (
                "Closed - Not Converted",
                StatusTarget::Closed(LossKind::Lost),
            ),
            // HubSpot lead status and lifecycle stage
            ("NEW", stage("new")),
            ("ATTEMPTED_TO_CONTACT", stage("interested")),
            ("UNQUALIFIED", StatusTarget::Closed(LossKind::Junk)),
            ("BAD_TIMING", StatusTarget::Closed(LossKind::Lost)),
            ("salesqualifiedlead", stage("qualified")),
            ("customer", stage("won")),
            // Zoho
            ("Junk Lead", StatusTarget::Closed(LossKind::Junk)),
            ("Lost Lead", StatusTarget::Closed(LossKind::Lost)),
            ("Not Qualified", StatusTarget::Closed(LossKind::Junk)),
            ("Contact in Future", stage("new")),
            // Our own stages, by name or id, in either language's folding.
            ("Qualified", stage("qualified")),
            ("interested", stage("interested")),
            ("", stage("new")),
        ];
        for (value, want) in cases {
            assert_eq!(guess(value, &p), want, "{value:?}");
        }
    }
}
