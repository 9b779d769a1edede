//! The bonus and penalty plan (issue 30): what each team and each person
//! earns for a month from the contract they keep.
//!
//! Rules (where the product brief is silent, these are ours):
//! - **Amounts** are whole units of the plan's currency (₫ has no
//!   decimals); each line is rounded on its own and a statement's total is
//!   the sum of its lines, so the lines always add up to it.
//! - **Sales, rep by rep** (every active Sales rep, and a rep made
//!   inactive who won a deal or has a penalised lead in the month). The
//!   base is the plan's share of the value of
//!   the deals the rep owns that were won in the month (entered a Won
//!   stage in it). Then each multiplier of the plan in turn, from the rep's
//!   own scorecard for the month: × `met` when the KPI's verdict is met or
//!   within, × `missed` when missed or over, × 1 (said so) when there is no
//!   verdict (no target, too few leads, too early). Then the penalty: per
//!   lead the rep owns, created in the month, with a breached first
//!   response, attempts or stage-time clock (the scorecard's "breaches"),
//!   the total never past the penalty cap. Last the floor and the cap of
//!   the person's amount. Sales' team statement is the sum of its reps'.
//! - **Marketing, as a team.** The base is the share of the value of every
//!   deal won in the month (Marketing brought the leads); multipliers from
//!   Marketing's scorecard; the penalty per lead created in the month and
//!   closed as junk, capped; floor and cap on the team's pool. The pool is
//!   split evenly among the active Marketing members (the remainder of the
//!   division to the first ones in Settings order), so the shares add up
//!   to the pool.
//! - **What-if.** A plan is computed the same way whether it is saved or
//!   only being edited: the editor shows a draft's statements beside the
//!   adopted plan's before anything is saved.
//!
//! The plan lives in the settings' extra fields under [`KEY`], like the
//! distribution rules: synced and in backups with the settings, parsed only
//! by the pages that use it.

use super::lead::LeadId;
use super::pipeline::StageKind;
use super::rep::RepId;
use super::scorecard::{Kpi, KpiStatus, Period, Scope, scorecard};
use super::workspace::Prepared;
use chrono::{DateTime, Utc};

mod plan;
pub use plan::{Amount, KEY, MAX_FACTOR, Multiplier, PlanError, RewardPlan, Side, TeamRule};

/// Whose statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Whose {
    /// A team (Sales or Marketing).
    Team(Side),
    /// One person.
    Person(Side, RepId),
}

/// One line of a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// What it is.
    pub what: LineKind,
    /// Its amount (negative: taken).
    pub amount: i64,
    /// The leads it counts.
    pub leads: Vec<LeadId>,
}

/// What a line is.
#[derive(Clone, Debug, PartialEq)]
pub enum LineKind {
    /// `percent` of `value`, the won deals' value.
    Base {
        /// The share.
        percent: f64,
        /// The deals' value.
        value: u64,
    },
    /// A multiplier and the verdict that chose its factor.
    Factor {
        /// The KPI.
        kpi: Kpi,
        /// Its verdict for the month.
        status: KpiStatus,
        /// The factor applied (1: no verdict).
        factor: f64,
    },
    /// `count` leads at `each`, `capped` when the cap cut the total.
    Penalty {
        /// The leads.
        count: usize,
        /// Per lead.
        each: i64,
        /// The cap cut it.
        capped: bool,
    },
    /// Raised to the floor.
    Floor(i64),
    /// Cut to the cap.
    Cap(i64),
    /// One person's statement, in the team's.
    Member(RepId),
    /// An even share of Marketing's pool among `members`.
    ShareOfPool {
        /// The pool.
        pool: i64,
        /// How many share it.
        members: usize,
    },
}

/// A statement: the lines and their sum.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// Whose.
    pub whose: Whose,
    /// Line by line.
    pub lines: Vec<Line>,
    /// The sum of the lines.
    pub total: i64,
}

impl Statement {
    fn new(whose: Whose, lines: Vec<Line>) -> Statement {
        let total = lines.iter().map(|l| l.amount).sum();
        Statement {
            whose,
            lines,
            total,
        }
    }
}

/// The month's statements under `plan`: Sales' team, each active Sales
/// rep, Marketing's team, each active Marketing member, in that order
/// (module rules). `period` is the month (any period is computed alike).
pub fn statements(
    p: &Prepared<'_>,
    plan: &RewardPlan,
    period: Period,
    now: DateTime<Utc>,
) -> Vec<Statement> {
    let (from, to) = period.range(p.timezone());
    let leads = &p.ws.leads;
    let won = |owner: Option<&RepId>| -> (u64, Vec<LeadId>) {
        let mut value = 0u64;
        let mut ids = Vec::new();
        for l in leads {
            let is_won = p.ws.pipeline.stage(l.stage()).map(|s| s.kind) == Some(StageKind::Won);
            let at = l.in_stage_since();
            if is_won && at >= from && at < to && owner.is_none_or(|o| l.owner() == Some(o)) {
                value = value.saturating_add(l.value().unwrap_or(0));
                ids.push(l.id());
            }
        }
        (value, ids)
    };
    let created = p.created_between(from, to);
    let verdicts = |scope: &Scope| scorecard(p, period, scope, now);

    let mut out = Vec::new();
    let mut sales_members = Vec::new();
    for rep in p.ws.reps.iter().filter(|r| r.team.in_sales()) {
        let (value, deals) = won(Some(&rep.id));
        let breached: Vec<LeadId> = created
            .iter()
            .filter(|i| leads[**i].owner() == Some(&rep.id))
            .filter(|i| {
                let c = p.clocks_of(**i, now);
                c.first_response.is_breached()
                    || c.attempts.status.is_breached()
                    || c.stage_time.is_breached()
            })
            .map(|i| leads[*i].id())
            .collect();
        // A rep made inactive still gets the month they worked.
        if !rep.active && deals.is_empty() && breached.is_empty() {
            continue;
        }
        let rows = verdicts(&Scope::Rep(rep.id.clone()));
        let lines = rule_lines(&plan.sales, value, deals, &rows, breached);
        let s = Statement::new(Whose::Person(Side::Sales, rep.id.clone()), lines);
        sales_members.push(Line {
            what: LineKind::Member(rep.id.clone()),
            amount: s.total,
            leads: Vec::new(),
        });
        out.push(s);
    }
    out.insert(0, Statement::new(Whose::Team(Side::Sales), sales_members));

    let (value, deals) = won(None);
    let junk: Vec<LeadId> = created
        .iter()
        .map(|i| &leads[*i])
        .filter(|l| l.is_junk())
        .map(|l| l.id())
        .collect();
    let rows = verdicts(&Scope::Marketing);
    let pool = Statement::new(
        Whose::Team(Side::Marketing),
        rule_lines(&plan.marketing, value, deals, &rows, junk),
    );
    let members: Vec<&RepId> =
        p.ws.reps
            .iter()
            .filter(|r| r.active && r.team.in_marketing())
            .map(|r| &r.id)
            .collect();
    let n = members.len() as i64;
    let shares: Vec<Statement> = members
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let even = pool.total.div_euclid(n);
            let extra = i64::from((i as i64) < pool.total.rem_euclid(n));
            Statement::new(
                Whose::Person(Side::Marketing, (*r).clone()),
                vec![Line {
                    what: LineKind::ShareOfPool {
                        pool: pool.total,
                        members: members.len(),
                    },
                    amount: even + extra,
                    leads: Vec::new(),
                }],
            )
        })
        .collect();
    out.push(pool);
    out.extend(shares);
    out
}

/// The lines of one rule: base, factors, penalty, floor or cap.
fn rule_lines(
    rule: &TeamRule,
    value: u64,
    deals: Vec<LeadId>,
    rows: &[super::scorecard::Row],
    penalised: Vec<LeadId>,
) -> Vec<Line> {
    let mut lines = Vec::new();
    let base = round(value as f64 * rule.share_percent / 100.0);
    lines.push(Line {
        what: LineKind::Base {
            percent: rule.share_percent,
            value,
        },
        amount: base,
        leads: deals,
    });
    let mut running = base;
    for m in &rule.multipliers {
        let status = rows
            .iter()
            .find(|r| r.kpi == m.kpi)
            .map_or(KpiStatus::NoData, |r| r.status);
        let factor = match status {
            KpiStatus::Met | KpiStatus::Within => m.met,
            KpiStatus::Missed | KpiStatus::Over => m.missed,
            _ => 1.0,
        };
        let amount = round(running as f64 * (factor - 1.0));
        running += amount;
        lines.push(Line {
            what: LineKind::Factor {
                kpi: m.kpi.clone(),
                status,
                factor,
            },
            amount,
            leads: Vec::new(),
        });
    }
    if rule.penalty > 0 && !penalised.is_empty() {
        let full = rule.penalty.saturating_mul(penalised.len() as i64);
        let taken = rule.penalty_cap.map_or(full, |cap| full.min(cap.max(0)));
        lines.push(Line {
            what: LineKind::Penalty {
                count: penalised.len(),
                each: rule.penalty,
                capped: taken < full,
            },
            amount: -taken,
            leads: penalised,
        });
        running -= taken;
    }
    if running < rule.floor {
        lines.push(Line {
            what: LineKind::Floor(rule.floor),
            amount: rule.floor - running,
            leads: Vec::new(),
        });
    } else if let Some(cap) = rule.cap.filter(|c| running > *c) {
        lines.push(Line {
            what: LineKind::Cap(cap),
            amount: cap - running,
            leads: Vec::new(),
        });
    }
    lines
}

/// To the nearest whole unit, halves away from zero; never NaN.
fn round(v: f64) -> i64 {
    if v.is_finite() { v.round() as i64 } else { 0 }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
