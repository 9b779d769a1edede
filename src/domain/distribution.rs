//! Who gets a new lead (issue 29): the distribution rules a team switches
//! on in Settings, applied by every device to the same synced data.
//!
//! Rules (where the product brief is silent, these are ours):
//! - **Which leads.** A lead is distributed when it has no owner, is open,
//!   entered the workspace once distribution was on (`Distribution::since`)
//!   and nobody has changed it since it arrived (`updated_at` is still its
//!   arrival): typed, imported, synced from a Marketing device or written by
//!   another tool alike. A lead a person assigned, or later un-assigned, is
//!   theirs to assign: manual assignment always wins and is never undone.
//! - **Who can get it.** A Sales (or both-teams) rep who is active, has
//!   "receiving leads" on, is not away that day (`Distribution::away`), is
//!   within their own hours if they have some (`Distribution::hours`: a
//!   shift such as 08:00–12:00, or 22:00–06:00 across midnight; a rep with
//!   none receives at any hour), and owns fewer open leads than their
//!   capacity. A routing rule whose source or
//!   campaign matches the lead (case, accents and spacing aside) names the
//!   reps tried first; when none of them can take it, everyone is tried.
//! - **Fair rotation without a shared counter.** Among those who can, the
//!   rep given the fewest leads today (the workspace's calendar day: leads
//!   they own whose assignment is today), then the one waiting longest for a
//!   lead (the earliest last assignment; never given one: first), then the
//!   order of the reps in Settings. Leads waiting together are given out in
//!   arrival order, each counted before the next. Over any arrivals the reps
//!   who can take leads differ by at most one lead a day; two devices with
//!   the same data give the same answer.
//! - **Nobody can.** The lead waits unassigned (the pool, counted in
//!   Settings) and is tried again at every change of the leads or the
//!   settings (a rep switching on); a person can assign it meanwhile.
//! - **Offline.** Two devices that each distribute a lead while apart count
//!   without each other's leads: a rep can end a lead over their share or
//!   their cap. Nothing is lost; once the devices meet, the counts are right
//!   again for the next leads, and the leads given past a cap
//!   ([`over_cap`]: the ones given last) are shown on Today for a person to
//!   give to someone else — never moved by themselves, since the rep may
//!   already be working them.

use super::lead::{Lead, LeadId};
use super::rep::{Rep, RepId};
use super::workspace::Settings;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// Where the rules sit in the settings, and how a lead got its owner on
/// the lead: a field of each record's extra fields, which the first load's
/// readers keep without parsing (the pages that show them parse them).
pub const KEY: &str = "distribution";

/// Settings → Distribution.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// Since when new leads are distributed (None: off).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::instant::option"
    )]
    pub since: Option<DateTime<Utc>>,
    /// Routing rules, the first that matches a lead first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
    /// Reps whose "receiving leads" is off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paused: Vec<RepId>,
    /// Days reps are away.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub away: Vec<Away>,
    /// The team's target for giving a new lead an owner, in minutes
    /// (the scorecard's allocation breaches; none: no target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<u32>,
    /// Reps' own hours for receiving leads (a rep with none: any hour).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hours: Vec<Hours>,
}

/// A rep receives leads from `from` to `to` each day (across midnight when
/// `to` is earlier than `from`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hours {
    /// Who.
    pub rep: RepId,
    /// When the shift starts.
    #[serde(with = "hm")]
    pub from: NaiveTime,
    /// When it ends.
    #[serde(with = "hm")]
    pub to: NaiveTime,
}

impl Hours {
    /// Whether `time` is in this shift.
    pub fn contains(&self, time: NaiveTime) -> bool {
        if self.from <= self.to {
            self.from <= time && time < self.to
        } else {
            time >= self.from || time < self.to
        }
    }
}

/// A rep away from `from` to `to`, both days included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Away {
    /// Who.
    pub rep: RepId,
    /// The first day away.
    #[serde(with = "day")]
    pub from: NaiveDate,
    /// The last day away.
    #[serde(with = "day")]
    pub to: NaiveDate,
}

impl Distribution {
    /// The rules `settings` hold (none: distribution was never set up; a
    /// value this version cannot read counts as none).
    pub fn of(settings: &Settings) -> Option<Distribution> {
        settings.extra.part(KEY)
    }

    /// Writes these rules into `settings`.
    pub fn put(&self, settings: &mut Settings) {
        settings.extra.set_part(KEY, self);
    }

    /// Whether `rep` has "receiving leads" on.
    pub fn receiving(&self, rep: &RepId) -> bool {
        !self.paused.contains(rep)
    }

    /// Whether `rep` is within their own hours at `time` (a rep with none
    /// always is).
    pub fn on_shift(&self, rep: &RepId, time: NaiveTime) -> bool {
        let mut theirs = self.hours.iter().filter(|h| h.rep == *rep).peekable();
        theirs.peek().is_none() || theirs.any(|h| h.contains(time))
    }

    /// Whether `rep` is away on `day`.
    pub fn is_away(&self, rep: &RepId, day: NaiveDate) -> bool {
        self.away
            .iter()
            .any(|a| a.rep == *rep && a.from <= day && day <= a.to)
    }
}

/// Why a rep did not get a lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "why", content = "n")]
pub enum Skip {
    /// Not a Sales rep, or inactive.
    NotSales,
    /// "Receiving leads" is off.
    NotReceiving,
    /// Away that day.
    Away,
    /// Outside their own hours.
    OffShift,
    /// At their open-lead cap.
    AtCap(u32),
}

/// How a lead got its owner (or why it waits), as the lead page says it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Why {
    /// The routing rule's group the rep came from, if one matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The rep chosen (None: nobody could take it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rep: Option<RepId>,
    /// Leads the rep had been given that day before this one.
    #[serde(default)]
    pub today: u32,
    /// The Sales reps passed over, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<(RepId, Skip)>,
    /// When it was given (none in what older versions wrote): a lead
    /// assigned again since, even to the same rep, was a person's choice.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::instant::option"
    )]
    pub at: Option<DateTime<Utc>>,
}

impl Why {
    /// Gives `lead` to the rep chosen, saying why on the lead.
    pub fn give(&self, lead: &mut Lead, now: DateTime<Utc>) {
        lead.assign(self.rep.clone(), now);
        let why = Why {
            at: lead.assigned_at(),
            ..self.clone()
        };
        lead.set_extra_field(KEY, serde_json::to_value(why).unwrap_or_default());
    }

    /// Why `lead` has its owner, when distribution gave it (and nobody
    /// changed the owner since).
    pub fn of(lead: &Lead) -> Option<Why> {
        let why: Why = serde_json::from_value(lead.extra_field(KEY)?.clone()).ok()?;
        let same = why.rep.is_some()
            && why.rep.as_ref() == lead.owner()
            && why.at.is_none_or(|at| lead.assigned_at() == Some(at));
        same.then_some(why)
    }
}

/// What a rep carries now: open leads, leads given today, the last one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Load {
    /// Open leads owned.
    pub open: u32,
    /// Leads assigned to them today.
    pub today: u32,
    /// Their latest assignment.
    pub last: Option<DateTime<Utc>>,
}

/// The loads of `reps` from `leads` (open leads, and assignments in
/// `[day_start, day_end)`), in the order of `reps`.
pub fn loads(
    reps: &[Rep],
    leads: &[Lead],
    is_open: impl Fn(&Lead) -> bool,
    day: (DateTime<Utc>, DateTime<Utc>),
) -> Vec<Load> {
    let mut out = vec![Load::default(); reps.len()];
    for lead in leads {
        let Some(owner) = lead.owner() else { continue };
        let Some(i) = reps.iter().position(|r| r.id == *owner) else {
            continue;
        };
        let load = &mut out[i];
        if is_open(lead) {
            load.open += 1;
        }
        if let Some(at) = lead.assigned_at() {
            if at >= day.0 && at < day.1 {
                load.today += 1;
            }
            load.last = load.last.max(Some(at));
        }
    }
    out
}

/// Whether `lead` is one distribution gives an owner (see the module docs).
pub fn waiting(dist: &Distribution, lead: &Lead, is_open: bool) -> bool {
    dist.since.is_some_and(|since| {
        lead.owner().is_none()
            && is_open
            && lead.entered_at() >= since
            && lead.updated_at() <= lead.entered_at()
    })
}

/// Why `rep` cannot take a lead at `local` (the workspace's time), if so.
fn skip(dist: &Distribution, rep: &Rep, load: &Load, local: NaiveDateTime) -> Option<Skip> {
    if !rep.active || !rep.team.in_sales() {
        Some(Skip::NotSales)
    } else if !dist.receiving(&rep.id) {
        Some(Skip::NotReceiving)
    } else if dist.is_away(&rep.id, local.date()) {
        Some(Skip::Away)
    } else if !dist.on_shift(&rep.id, local.time()) {
        Some(Skip::OffShift)
    } else if load.open >= rep.capacity {
        Some(Skip::AtCap(rep.capacity))
    } else {
        None
    }
}

/// The owner of each of `leads` (those waiting, in arrival order), one
/// after another, each counted before the next: `loads` are the reps' loads
/// before them (see [`loads`]), `local` the workspace's date and time now,
/// `now` the assignment instant.
pub fn distribute(
    dist: &Distribution,
    reps: &[Rep],
    mut loads: Vec<Load>,
    leads: &[&Lead],
    local: NaiveDateTime,
    now: DateTime<Utc>,
) -> Vec<(LeadId, Why)> {
    let mut order: Vec<&Lead> = leads.to_vec();
    order.sort_by_key(|l| (l.entered_at(), l.id()));
    order
        .into_iter()
        .map(|lead| {
            let why = pick(dist, reps, &loads, lead, local);
            if let Some(rep) = &why.rep
                && let Some(i) = reps.iter().position(|r| r.id == *rep)
            {
                loads[i].open += 1;
                loads[i].today += 1;
                loads[i].last = Some(now);
            }
            (lead.id(), why)
        })
        .collect()
}

/// The rep for one lead (see the module docs).
fn pick(
    dist: &Distribution,
    reps: &[Rep],
    loads: &[Load],
    lead: &Lead,
    local: NaiveDateTime,
) -> Why {
    let mut skipped = Vec::new();
    let mut able = Vec::new();
    for (i, rep) in reps.iter().enumerate() {
        match skip(dist, rep, &loads[i], local) {
            Some(Skip::NotSales) => {}
            Some(why) => skipped.push((rep.id.clone(), why)),
            None => able.push(i),
        }
    }
    let route = dist.routes.iter().find(|r| r.matches(lead));
    let grouped: Vec<usize> = route.map_or_else(Vec::new, |r| {
        able.iter()
            .copied()
            .filter(|&i| r.reps.contains(&reps[i].id))
            .collect()
    });
    let (pool, group) = if grouped.is_empty() {
        (able, None)
    } else {
        (grouped, route.map(|r| r.name.clone()))
    };
    let best = pool
        .into_iter()
        .min_by_key(|&i| (loads[i].today, loads[i].last, i));
    Why {
        group,
        rep: best.map(|i| reps[i].id.clone()),
        today: best.map_or(0, |i| loads[i].today),
        skipped,
        at: None,
    }
}

/// Dates as `YYYY-MM-DD` ([`super::instant::ymd`]).
mod day {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::super::instant::ymd(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::super::instant::parse_ymd(&text)
            .ok_or_else(|| D::Error::custom(format!("{text:?} is not a date such as 2026-04-30")))
    }
}

/// Times of day as `HH:MM`.
mod hm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.format("%H:%M").to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, "%H:%M")
            .map_err(|_| D::Error::custom(format!("{text:?} is not a time such as 08:30")))
    }
}

mod over_cap;
pub mod plan;
mod route;

pub use over_cap::{OverCap, over_cap};

pub use route::Route;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
