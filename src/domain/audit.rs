//! Random audits of call history (issue 30): is what reps logged true?
//!
//! Rules:
//! - **What can be audited**: an outbound call or message (an attempt)
//!   logged for a rep (the rep it counts for), in the period drawn: the
//!   contacts a rep could log without making. Inbound ones (the customer's
//!   doing), meetings, notes and audits are not drawn.
//! - **The draw** ([`draw`]) is stratified per rep: for each rep, up to
//!   `per_rep` of their auditable activities in `[from, to)`, drawn
//!   uniformly without replacement by a partial Fisher–Yates shuffle of
//!   their activities in a fixed order (time, lead, content), from a
//!   SplitMix64 stream seeded by the draw's `seed` and the rep's id. The
//!   same seed over the same activities gives the same sample on every
//!   device, so anyone can redraw it and see nothing was hand-picked; a
//!   larger `per_rep` keeps the smaller sample and adds to it (the shuffle's
//!   first steps are the same).
//! - **The seed** of a period's sample comes from the period itself
//!   ([`seed_of`]): nobody picks it, so nobody — manager included — can
//!   draw again until the sample looks good, and every device shows the
//!   same sample. What can still change a sample is the period's
//!   activities: a call logged late, or removed with its lead; an audited
//!   lead is deleted only by an admin (`app::state`, and the server's
//!   guard). The seed is kept with every verdict.
//! - **An audit** is a record of its own, an [`ActivityKind::Audit`] on
//!   the audited activity's lead, written once like every activity (its id
//!   is its content's hash): its [`Verdict`] (the audited activity's key
//!   and time, pass or fail, the checklist's answers with their questions
//!   as asked, the draw it came from) sits in the record's extra fields
//!   under `audit`, its note is the auditor's, `by` who audited and `rep`
//!   the rep audited. It never changes the audited activity, and the SLA
//!   rules never read it (`domain::activity`).
//! - **A later audit supersedes** an earlier one of the same activity (the
//!   later `at` wins; two at the same second, the fail): the earlier stays on
//!   the lead's timeline, marked as replaced, and counts no more.
//! - **The pass rate** of a rep (or of Sales) in a period is the share of
//!   passed among the current verdicts on their activities of that period
//!   (by the audited activity's time, not the audit's), judged like any
//!   rate over leads (`domain::scorecard`).

use super::activity::{Activity, ActivityKind};
use super::lead::LeadId;
use super::rep::RepId;
use super::sample::rng::Rng;
use super::workspace::Settings;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The key of the team's audit setup in the settings' extra fields.
pub const KEY: &str = "audits";

/// The key of a verdict in an audit record's extra fields.
const VERDICT: &str = "audit";

/// How the team audits: its checklist and how many activities a draw
/// takes per rep. Kept in the settings' extra fields under [`KEY`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditSetup {
    /// The checklist's questions, as the team wrote them; empty: the
    /// app's own four, in the reader's language.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Activities drawn per rep.
    #[serde(default = "default_per_rep")]
    pub per_rep: u32,
}

/// Ten: the cases a rate needs for a verdict (`scorecard::judge::MIN_CASES`),
/// so a rep's week with ten calls can be judged.
fn default_per_rep() -> u32 {
    10
}

impl Default for AuditSetup {
    fn default() -> Self {
        AuditSetup {
            questions: Vec::new(),
            per_rep: default_per_rep(),
        }
    }
}

impl AuditSetup {
    /// The most questions a checklist holds, and the most characters one has.
    pub const MAX_QUESTIONS: usize = 12;
    /// See [`AuditSetup::MAX_QUESTIONS`].
    pub const QUESTION_MAX: usize = 200;
    /// The most activities a draw takes per rep.
    pub const MAX_PER_REP: u32 = 100;

    /// The team's setup kept in `settings` (the default when none).
    pub fn of(settings: &Settings) -> AuditSetup {
        settings.extra.part(KEY).unwrap_or_default()
    }

    /// Keeps it in `settings`.
    pub fn put(&self, settings: &mut Settings) {
        settings.extra.set_part(KEY, self);
    }

    /// Why this setup cannot be kept: the first problem (module rules'
    /// limits), none when it can.
    pub fn problem(&self) -> Option<SetupProblem> {
        if !(1..=Self::MAX_PER_REP).contains(&self.per_rep) {
            return Some(SetupProblem::PerRep(self.per_rep));
        }
        if self.questions.len() > Self::MAX_QUESTIONS {
            return Some(SetupProblem::TooManyQuestions(self.questions.len()));
        }
        self.questions.iter().enumerate().find_map(|(i, q)| {
            let chars = q.chars().count();
            (chars > Self::QUESTION_MAX)
                .then_some(SetupProblem::LongQuestion { line: i + 1, chars })
        })
    }
}

/// Why an [`AuditSetup`] cannot be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupProblem {
    /// Activities per rep outside 1–[`AuditSetup::MAX_PER_REP`].
    PerRep(u32),
    /// More than [`AuditSetup::MAX_QUESTIONS`] questions.
    TooManyQuestions(usize),
    /// A question longer than [`AuditSetup::QUESTION_MAX`] characters.
    LongQuestion {
        /// Its line, from 1.
        line: usize,
        /// Its length.
        chars: usize,
    },
}

/// A draw: which period, how many per rep, and the seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draw {
    /// The random seed (shown, so anyone can draw again).
    pub seed: u32,
    /// The period's start.
    #[serde(with = "super::instant")]
    pub from: DateTime<Utc>,
    /// The period's end (excluded).
    #[serde(with = "super::instant")]
    pub to: DateTime<Utc>,
    /// Activities per rep.
    pub per_rep: u32,
}

/// One answer of the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// The question as it was asked.
    pub question: String,
    /// The auditor's answer.
    pub yes: bool,
}

/// An audit's verdict on one activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// The audited activity's [`key`].
    pub of: String,
    /// When the audited activity happened.
    #[serde(with = "super::instant")]
    pub of_at: DateTime<Utc>,
    /// Passed or failed.
    pub passed: bool,
    /// The checklist's answers.
    #[serde(default)]
    pub checks: Vec<Check>,
    /// The draw that picked the activity.
    pub draw: Draw,
}

/// The stable key of an activity: FNV-1a (64 bits) of its JSON without
/// its lead (a merge moves activities to the lead that stays), in hex.
/// The same activity has the same key on every device.
pub fn key(a: &Activity) -> String {
    let mut plain = a.clone();
    plain.lead = LeadId::from_uuid(uuid::Uuid::nil());
    format!(
        "{:016x}",
        fnv(&serde_json::to_vec(&plain).unwrap_or_default())
    )
}

/// A call or message a rep made (an attempt: outbound) and logged for
/// themselves (module rules).
pub fn is_auditable(a: &Activity) -> bool {
    a.is_attempt() && a.rep.is_some()
}

/// The seed of a period's sample: drawn from the period itself, so nobody
/// chooses it — nor draws again until a sample suits them — and every
/// device shows the same sample (module rules). Nine digits at most.
pub fn seed_of(from: DateTime<Utc>, to: DateTime<Utc>) -> u32 {
    let text = format!("leadpact-audit {} {}", from.timestamp(), to.timestamp());
    (fnv(text.as_bytes()) % 1_000_000_000) as u32
}

impl Verdict {
    /// The verdict an audit record carries; none for any other activity.
    pub fn of(a: &Activity) -> Option<Verdict> {
        (a.kind == ActivityKind::Audit)
            .then(|| a.extra.part(VERDICT))
            .flatten()
    }

    /// The audit record of this verdict on `audited` (of lead `lead`),
    /// written by `by` at `now` with the auditor's `note`.
    pub fn record(
        &self,
        lead: LeadId,
        audited: &Activity,
        note: &str,
        by: Option<&str>,
        now: DateTime<Utc>,
    ) -> Activity {
        let mut extra = super::extra::Extra::default();
        extra.set_part(VERDICT, self);
        let note = note.trim();
        Activity {
            lead,
            at: now,
            kind: ActivityKind::Audit,
            direction: Activity::NOTE_SHAPE.0,
            outcome: Activity::NOTE_SHAPE.1,
            rep: audited.rep.clone(),
            note: (!note.is_empty()).then(|| note.into()),
            by: by.map(Into::into),
            extra,
        }
    }
}

/// One activity a draw picked.
#[derive(Clone, Debug, PartialEq)]
pub struct Pick<'a> {
    /// The rep it counts for.
    pub rep: RepId,
    /// Its lead.
    pub lead: LeadId,
    /// The activity.
    pub activity: &'a Activity,
    /// Its [`key`].
    pub key: String,
}

/// The sample of `draw` from each lead's activities, for `reps` in their
/// order (module rules); within a rep, oldest first.
pub fn draw<'a>(
    leads: impl IntoIterator<Item = (LeadId, &'a [Activity])>,
    reps: &[RepId],
    draw: &Draw,
) -> Vec<Pick<'a>> {
    let mut pool: Vec<Vec<Pick<'a>>> = vec![Vec::new(); reps.len()];
    for (lead, acts) in leads {
        for a in acts {
            if !is_auditable(a) || a.at < draw.from || a.at >= draw.to {
                continue;
            }
            let Some(r) = reps.iter().position(|r| a.rep.as_ref() == Some(r)) else {
                continue;
            };
            pool[r].push(Pick {
                rep: reps[r].clone(),
                lead,
                activity: a,
                key: key(a),
            });
        }
    }
    let mut out = Vec::new();
    for (candidates, rep) in pool.iter_mut().zip(reps) {
        crate::sort::sort_by(candidates, |a, b| {
            (a.activity.at, a.lead, &a.key).cmp(&(b.activity.at, b.lead, &b.key))
        });
        let mut rng = Rng(u64::from(draw.seed) ^ fnv(rep.as_str().as_bytes()));
        let k = (draw.per_rep as usize).min(candidates.len());
        for i in 0..k {
            let j = i + rng.below((candidates.len() - i) as u64) as usize;
            candidates.swap(i, j);
        }
        let mut picked: Vec<Pick<'a>> = candidates.drain(..k).collect();
        crate::sort::sort_by(&mut picked, |a, b| {
            (a.activity.at, a.lead, &a.key).cmp(&(b.activity.at, b.lead, &b.key))
        });
        out.extend(picked);
    }
    out
}

/// FNV-1a, 64 bits.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// An audit as the reports read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Audited {
    /// The lead.
    pub lead: LeadId,
    /// The rep audited.
    pub rep: Option<RepId>,
    /// The audited activity's key.
    pub of: String,
    /// When the audited activity happened.
    pub of_at: DateTime<Utc>,
    /// When it was audited.
    pub at: DateTime<Utc>,
    /// Passed or failed.
    pub passed: bool,
    /// The draw that picked it.
    pub draw: Draw,
}

/// The current verdict on every audited activity of these leads (module
/// rules: the latest audit of an activity supersedes the others), in no
/// particular order.
pub fn current<'a>(leads: impl IntoIterator<Item = (LeadId, &'a [Activity])>) -> Vec<Audited> {
    let mut out: Vec<Audited> = Vec::new();
    for (lead, acts) in leads {
        let first = out.len();
        for a in acts.iter().filter(|a| a.kind == ActivityKind::Audit) {
            let Some(v) = Verdict::of(a) else { continue };
            let new = Audited {
                lead,
                rep: a.rep.clone(),
                of: v.of,
                of_at: v.of_at,
                at: a.at,
                passed: v.passed,
                draw: v.draw,
            };
            match out[first..].iter_mut().find(|o| o.of == new.of) {
                Some(old) if (old.at, !old.passed) < (new.at, !new.passed) => *old = new,
                Some(_) => {}
                None => out.push(new),
            }
        }
    }
    out
}

/// The audits of the activity keyed `of` among a lead's activities,
/// the current one first (module rules).
pub fn audits_of<'a>(acts: &'a [Activity], of: &str) -> Vec<(&'a Activity, Verdict)> {
    let mut out: Vec<(&Activity, Verdict)> = acts
        .iter()
        .filter_map(|a| Verdict::of(a).map(|v| (a, v)))
        .filter(|(_, v)| v.of == of)
        .collect();
    crate::sort::sort_by(&mut out, |(a, x), (b, y)| {
        (b.at, !y.passed).cmp(&(a.at, !x.passed))
    });
    out
}

/// Passed and audited among `audits` of `rep` (every rep when `None`)
/// whose audited activity happened in `[from, to)`.
pub fn tally(
    audits: &[Audited],
    rep: Option<&RepId>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> (usize, usize) {
    audits
        .iter()
        .filter(|a| from <= a.of_at && a.of_at < to)
        .filter(|a| rep.is_none_or(|r| a.rep.as_ref() == Some(r)))
        .fold((0, 0), |(p, n), a| (p + usize::from(a.passed), n + 1))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
