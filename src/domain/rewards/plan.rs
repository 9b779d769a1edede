//! The plan itself: its rules per team, kept in the settings' extra
//! fields, and its checks field by field (see the parent module's rules).

use crate::domain::scorecard::Kpi;
use crate::domain::workspace::Settings;
use serde::{Deserialize, Serialize};

/// Where the plan sits in the settings' extra fields.
pub const KEY: &str = "rewards";

/// The largest multiplier a plan may use.
pub const MAX_FACTOR: f64 = 5.0;

/// Settings → Rewards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RewardPlan {
    /// The currency of the amounts (ISO 4217: "VND").
    #[serde(default = "vnd")]
    pub currency: String,
    /// Each Sales rep's rule.
    pub sales: TeamRule,
    /// Marketing's pool.
    pub marketing: TeamRule,
}

fn vnd() -> String {
    "VND".to_owned()
}

impl Default for RewardPlan {
    /// A starting plan to edit: 2 % of won value for Sales, 1 % for
    /// Marketing, a bonus for first responses kept, a penalty per breach.
    fn default() -> RewardPlan {
        RewardPlan {
            currency: vnd(),
            sales: TeamRule {
                share_percent: 2.0,
                multipliers: vec![Multiplier {
                    kpi: Kpi::FirstResponseWithinSla,
                    met: 1.2,
                    missed: 0.8,
                }],
                penalty: 50_000,
                penalty_cap: Some(500_000),
                floor: 0,
                cap: None,
            },
            marketing: TeamRule {
                share_percent: 1.0,
                multipliers: vec![Multiplier {
                    kpi: Kpi::JunkRate,
                    met: 1.1,
                    missed: 0.8,
                }],
                penalty: 0,
                penalty_cap: None,
                floor: 0,
                cap: None,
            },
        }
    }
}

/// One team's rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamRule {
    /// Percent of the won value that is the base (0–100).
    pub share_percent: f64,
    /// Applied in turn to the base.
    #[serde(default)]
    pub multipliers: Vec<Multiplier>,
    /// Taken per breached lead (Sales) or junk lead (Marketing).
    #[serde(default)]
    pub penalty: i64,
    /// Penalties in a month never pass this (none: no cap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty_cap: Option<i64>,
    /// Nobody gets less.
    #[serde(default)]
    pub floor: i64,
    /// Nobody gets more (none: no cap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<i64>,
}

/// "× `met` when `kpi` is met, × `missed` when it is missed."
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Multiplier {
    /// A KPI of the scorecard.
    pub kpi: Kpi,
    /// When its verdict is met (or within its ceiling).
    pub met: f64,
    /// When it is missed (or over its ceiling).
    pub missed: f64,
}

/// What is wrong with a plan, field by field.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanError {
    /// The share is not within 0–100 %.
    Share(Side, f64),
    /// A multiplier is negative or past [`MAX_FACTOR`].
    Factor(Side, Kpi, f64),
    /// The same KPI twice.
    TwiceKpi(Side, Kpi),
    /// A negative amount (penalty, penalty cap, floor or cap).
    Negative(Side, Amount, i64),
    /// The cap is below the floor.
    CapBelowFloor(Side, i64, i64),
    /// The currency is not three letters.
    Currency(String),
}

/// Which team's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Sales.
    Sales,
    /// Marketing.
    Marketing,
}

/// Which amount of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    /// Per lead.
    Penalty,
    /// The penalties' cap.
    PenaltyCap,
    /// The floor.
    Floor,
    /// The cap.
    Cap,
}

impl RewardPlan {
    /// The plan `settings` hold (none: never set up, or unreadable).
    pub fn of(settings: &Settings) -> Option<RewardPlan> {
        settings.extra.part(KEY)
    }

    /// Writes this plan into `settings`.
    pub fn put(&self, settings: &mut Settings) {
        settings.extra.set_part(KEY, self);
    }

    /// Every problem of the plan (empty: it can be adopted).
    pub fn check(&self) -> Vec<PlanError> {
        let mut out = Vec::new();
        let c = self.currency.trim();
        if c.len() != 3 || !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
            out.push(PlanError::Currency(self.currency.clone()));
        }
        for (side, rule) in [
            (Side::Sales, &self.sales),
            (Side::Marketing, &self.marketing),
        ] {
            if !(0.0..=100.0).contains(&rule.share_percent) {
                out.push(PlanError::Share(side, rule.share_percent));
            }
            for (i, m) in rule.multipliers.iter().enumerate() {
                for f in [m.met, m.missed] {
                    if !(0.0..=MAX_FACTOR).contains(&f) {
                        out.push(PlanError::Factor(side, m.kpi.clone(), f));
                    }
                }
                if rule.multipliers[..i].iter().any(|o| o.kpi == m.kpi) {
                    out.push(PlanError::TwiceKpi(side, m.kpi.clone()));
                }
            }
            for (a, v) in [
                (Amount::Penalty, rule.penalty),
                (Amount::PenaltyCap, rule.penalty_cap.unwrap_or(0)),
                (Amount::Floor, rule.floor),
                (Amount::Cap, rule.cap.unwrap_or(0)),
            ] {
                if v < 0 {
                    out.push(PlanError::Negative(side, a, v));
                }
            }
            if let Some(cap) = rule.cap.filter(|c| *c < rule.floor) {
                out.push(PlanError::CapBelowFloor(side, cap, rule.floor));
            }
        }
        out
    }
}
