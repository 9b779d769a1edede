//! Targets (a goal and a value per KPI and scope) and how an actual
//! compares with its target.

use super::*;

/// Which way is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// Higher is better; the target is a floor.
    AtLeast,
    /// Lower is better; the target is a ceiling.
    AtMost,
}

/// A target for one KPI.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Direction.
    pub goal: Goal,
    /// Value, in the KPI's unit.
    pub value: f64,
}

/// One stored target: for a scope (or every scope when `None`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetEntry {
    /// Whose.
    pub scope: Option<Scope>,
    /// Which KPI.
    pub kpi: Kpi,
    /// The target.
    pub target: Target,
}

/// The workspace's KPI targets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Targets(pub Vec<TargetEntry>);

impl Default for Targets {
    /// Conventional starting points; teams replace them with their own
    /// baselines (see `domain::targets`).
    fn default() -> Self {
        use Goal::*;
        let t = |kpi, goal, value| TargetEntry {
            scope: None,
            kpi,
            target: Target { goal, value },
        };
        Targets(vec![
            t(Kpi::QualifiedRate, AtLeast, 30.0),
            t(Kpi::JunkRate, AtMost, 15.0),
            t(Kpi::FirstResponseMedian, AtMost, 30.0),
            t(Kpi::FirstResponseP90, AtMost, 120.0),
            t(Kpi::FirstResponseWithinSla, AtLeast, 90.0),
            t(Kpi::AttemptsPerLead, AtLeast, 2.0),
            t(Kpi::RequiredAttemptsRate, AtLeast, 80.0),
            t(Kpi::QualifiedToWon, AtLeast, 25.0),
            t(Kpi::LeadToWon, AtLeast, 5.0),
            t(Kpi::Csat, AtLeast, 4.0),
            t(Kpi::FirstContactResolution, AtLeast, 30.0),
            t(Kpi::OpenLoad, AtMost, 90.0),
            t(Kpi::AuditPassRate, AtLeast, 90.0),
        ])
    }
}

impl Targets {
    /// The target for `kpi` in `scope`: the scope's own, else (for a rep)
    /// Sales', else the one for every scope.
    pub fn get(&self, scope: &Scope, kpi: &Kpi) -> Option<Target> {
        let find = |s: Option<&Scope>| {
            self.0
                .iter()
                .find(|e| e.scope.as_ref() == s && &e.kpi == kpi)
                .map(|e| e.target)
        };
        find(Some(scope))
            .or_else(|| {
                matches!(scope, Scope::Rep(_))
                    .then(|| find(Some(&Scope::Sales)))
                    .flatten()
            })
            .or_else(|| find(None))
    }

    /// Sets (or replaces) the target for `kpi` in exactly `scope`.
    pub fn set(&mut self, scope: Option<Scope>, kpi: Kpi, target: Target) {
        match self.0.iter_mut().find(|e| e.scope == scope && e.kpi == kpi) {
            Some(e) => e.target = target,
            None => self.0.push(TargetEntry { scope, kpi, target }),
        }
    }
}

/// How an actual compares with its target, in words that fit the
/// target's direction (see the module rules of [`super`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiStatus {
    /// A floor reached.
    Met,
    /// A floor not reached.
    Missed,
    /// A ceiling kept.
    Within,
    /// A ceiling passed.
    Over,
    /// A period in progress has too few cases for a verdict yet.
    TooEarly {
        /// What the figure counts so far (leads, answered leads…).
        cases: usize,
    },
    /// A period that is over had too few cases for a verdict.
    TooFew {
        /// What the figure counted.
        cases: usize,
    },
    /// Too many of the leads a rate over outcomes counts are still open
    /// ([`super::judge::MAX_PENDING_PERCENT`]).
    Undecided {
        /// Leads whose outcome is not known yet.
        open: usize,
        /// The leads the rate will rest on.
        of: usize,
    },
    /// Nothing to measure.
    NoData,
    /// A figure of the state now ([`super::Basis::Now`]) asked of a period
    /// that is not the current one: no history of it is kept, and today's
    /// load is no verdict on last month.
    NowOnly,
    /// No target set.
    NoTarget,
}

impl KpiStatus {
    /// A verdict against the team: a floor missed or a ceiling passed.
    pub fn is_miss(self) -> bool {
        matches!(self, KpiStatus::Missed | KpiStatus::Over)
    }

    /// A verdict for the team: a floor met or a ceiling kept.
    pub fn is_kept(self) -> bool {
        matches!(self, KpiStatus::Met | KpiStatus::Within)
    }
}

/// `actual` against `target`, nothing else considered: a floor is met when
/// the actual reaches it, a ceiling kept when the actual does not pass it.
/// (How many cases a figure rests on and how much of its period has passed
/// are [`super::judge`]'s business.)
pub fn status(target: Option<Target>, actual: Option<f64>) -> KpiStatus {
    match (target, actual) {
        (None, _) => KpiStatus::NoTarget,
        (_, None) => KpiStatus::NoData,
        (Some(t), Some(a)) => match t.goal {
            Goal::AtLeast if a >= t.value => KpiStatus::Met,
            Goal::AtLeast => KpiStatus::Missed,
            Goal::AtMost if a <= t.value => KpiStatus::Within,
            Goal::AtMost => KpiStatus::Over,
        },
    }
}
