//! What every screen reads: the workspace and every lead's clocks and
//! facts, shared by identity (`Shared`), evaluated again on a clock tick
//! without rebuilding the workspace.

use super::*;

/// A shared, immutable value compared by identity (cheap `Memo` equality).
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What every report screen starts from: the workspace and each lead's
/// clocks at `now` and facts, computed once per change or clock tick.
#[derive(Debug)]
pub struct Insights {
    /// The workspace as shown (shared by the insights of every tick until
    /// the data or the settings change).
    pub ws: Arc<Workspace>,
    /// When the clocks were evaluated.
    pub now: DateTime<Utc>,
    /// Clocks and facts of `ws.leads[i]` (empty when the calendar is invalid).
    pub eval: Evaluation,
    /// Position of each lead in `ws.leads`.
    pub index: Arc<HashMap<LeadId, usize>>,
    /// The leads digested, for the next tick of the same workspace.
    digest: Option<Arc<Digest>>,
}

impl Insights {
    /// Evaluates every lead of `ws` at `now`.
    pub fn new(ws: Arc<Workspace>, now: DateTime<Utc>) -> Insights {
        let index = Arc::new(
            ws.leads
                .iter()
                .enumerate()
                .map(|(i, l)| (l.id(), i))
                .collect(),
        );
        Insights::evaluate(ws, now, index, None)
    }

    /// The insights of the same workspace at a new `now` (a clock tick):
    /// the leads are evaluated again from the digest this one kept.
    pub fn at(&self, now: DateTime<Utc>) -> Insights {
        Insights::evaluate(
            Arc::clone(&self.ws),
            now,
            Arc::clone(&self.index),
            self.digest.clone(),
        )
    }

    fn evaluate(
        ws: Arc<Workspace>,
        now: DateTime<Utc>,
        index: Arc<HashMap<LeadId, usize>>,
        digest: Option<Arc<Digest>>,
    ) -> Insights {
        let prepared = match digest {
            Some(d) => Prepared::with_digest(&ws, d, now),
            None => Prepared::new(&ws, now),
        };
        let (eval, digest) = match prepared {
            Ok(p) => {
                let digest = p.shared_digest();
                (p.eval.into_owned(), Some(digest))
            }
            Err(_) => (Evaluation::default(), None),
        };
        Insights {
            ws,
            now,
            eval,
            index,
            digest,
        }
    }

    /// The workspace prepared for the report functions, sharing this evaluation.
    pub fn prepared(&self) -> Option<Prepared<'_>> {
        Prepared::with_evaluation(&self.ws, &self.eval).ok()
    }

    /// Every lead's clocks, in order (empty when the calendar is invalid).
    pub fn clocks(&self) -> &[LeadClocks] {
        &self.eval.clocks
    }

    /// The clocks of one lead.
    pub fn clocks_of(&self, id: LeadId) -> Option<&LeadClocks> {
        self.index.get(&id).and_then(|i| self.clocks().get(*i))
    }

    /// One lead.
    pub fn lead(&self, id: LeadId) -> Option<&Lead> {
        self.index.get(&id).map(|i| &self.ws.leads[*i])
    }

    /// The display name of a rep (its id when unknown).
    pub fn rep_name(&self, id: &RepId) -> String {
        self.ws
            .reps
            .iter()
            .find(|r| &r.id == id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::sample::generate;
    use chrono::{TimeDelta, TimeZone};

    #[test]
    fn a_clock_tick_reuses_the_workspace_and_evaluates_like_a_fresh_start() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
        let ws = Arc::new(generate(5, 150, 4, now));
        let first = Insights::new(Arc::clone(&ws), now);
        let later = now + TimeDelta::hours(3);
        let tick = first.at(later);
        let fresh = Insights::new(ws, later);
        assert_eq!(tick.now, later);
        assert_eq!(tick.eval, fresh.eval);
        assert!(
            Arc::ptr_eq(&tick.ws, &first.ws),
            "same workspace, not a copy"
        );
        assert!(Arc::ptr_eq(&tick.index, &first.index));
        assert_ne!(tick.eval.clocks, first.eval.clocks, "the clocks moved on");
    }
}
