//! The drawn sample as the audits card shows it: each drawn call or
//! message with its lead and its audits.

use crate::app::state::AppState;
use crate::domain::activity::Activity;
use crate::domain::audit::{Draw, Verdict, audits_of, draw};
use crate::domain::lead::LeadId;
use leptos::prelude::*;

/// One drawn activity as the card shows it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Shown {
    pub(super) rep: String,
    pub(super) lead: LeadId,
    pub(super) lead_name: String,
    /// The lead's phone as people write it (for the printed sheet).
    pub(super) phone: String,
    pub(super) key: String,
    pub(super) audited: Activity,
    /// Its audits, the current one first.
    pub(super) verdicts: Vec<(Activity, Verdict)>,
}

/// The sample of `d`, and how many activities audited under its seed are
/// not in it now.
pub(super) fn sample(state: AppState, d: &Draw) -> (Vec<Shown>, usize) {
    let ins = state.insights.get();
    let Some(p) = ins.prepared() else {
        return (Vec::new(), 0);
    };
    let reps: Vec<_> = p.ws.reps.iter().map(|r| r.id.clone()).collect();
    let p_country = p.ws.country;
    let leads = (0..p.ws.leads.len()).map(|i| (p.ws.leads[i].id(), p.activities(i)));
    let picks = draw(leads, &reps, d);
    let rows: Vec<Shown> = picks
        .into_iter()
        .map(|pick| Shown {
            rep: ins.rep_name(&pick.rep),
            lead: pick.lead,
            lead_name: ins
                .lead(pick.lead)
                .map(|l| l.name().to_owned())
                .unwrap_or_default(),
            phone: ins
                .lead(pick.lead)
                .and_then(|l| l.phone().map(|p| p.shown_in(p_country)))
                .unwrap_or_default(),
            verdicts: audits_of(ins.activities_of(pick.lead), &pick.key)
                .into_iter()
                .map(|(a, v)| (a.clone(), v))
                .collect(),
            key: pick.key,
            audited: pick.activity.clone(),
        })
        .collect();
    let stray = p
        .audits()
        .iter()
        .filter(|a| a.draw == *d && !rows.iter().any(|r| r.key == a.of))
        .count();
    (rows, stray)
}
