//! Routing rules: the leads of some sources or campaigns go to a group of
//! reps first (see the module docs of [`super`]).

use super::super::lead::Lead;
use super::super::rep::RepId;
use super::super::search::fold_words;
use serde::{Deserialize, Serialize};

/// Leads of a source or campaign go to some reps first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// A name for the group ("Zalo team").
    pub name: String,
    /// Sources that match (any; empty: any source).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Campaigns that match (any; empty: any campaign).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub campaigns: Vec<String>,
    /// The reps tried first.
    pub reps: Vec<RepId>,
}

impl Route {
    /// The sources and campaigns of the rule that no lead in `leads` has
    /// (compared as the rule compares them: case, accents and spaces
    /// folded) — most often a typo, which the editor points out.
    pub fn unseen<'a>(&'a self, leads: &[Lead]) -> Vec<&'a str> {
        let seen = |list: &'a [String], of: fn(&Lead) -> &str| {
            let mut folded: Vec<(String, &'a str)> =
                list.iter().map(|v| (fold_words(v), v.as_str())).collect();
            for lead in leads {
                if folded.is_empty() {
                    break;
                }
                let value = fold_words(of(lead));
                folded.retain(|(f, _)| *f != value);
            }
            folded.into_iter().map(|(_, v)| v)
        };
        seen(&self.sources, Lead::source)
            .chain(seen(&self.campaigns, Lead::campaign))
            .collect()
    }

    pub(super) fn matches(&self, lead: &Lead) -> bool {
        let any = |list: &[String], value: &str| {
            list.is_empty() || list.iter().any(|v| fold_words(v) == fold_words(value))
        };
        (!self.sources.is_empty() || !self.campaigns.is_empty())
            && any(&self.sources, lead.source())
            && any(&self.campaigns, lead.campaign())
    }
}
