//! A seeded generator of realistic workspaces, from 100 to 100 000 leads:
//! Vietnamese names and +84 phones in the forms people type, sources and
//! campaigns, 2–20 reps, junk leads (mostly from ads), response delays in
//! business time, call attempts, stage progressions, lost reasons and CSAT.
//!
//! Its loss reasons are in the language the caller chooses ([`Reasons`]).
//!
//! The same `(seed, leads, reps, now)` always gives the same workspace: the
//! generator uses its own SplitMix64 stream (a library RNG's stream may change
//! between versions) and never reads the clock.

use super::activity::{Activity, ActivityKind, Channel, Direction, Outcome};
use super::calendar::{BusinessCalendar, CalendarSpec};
use super::lead::{Closure, Csat, Lead, LeadDraft, LeadId, LossKind, Priority};
use super::pipeline::{Pipeline, StageId};
use super::rep::{Membership, Rep, RepId};
use super::workspace::Workspace;
use chrono::{DateTime, TimeDelta, Utc};
use rng::Rng;

pub(crate) mod rng;

const FAMILY: [(&str, u32); 14] = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
];
const MIDDLE: [&str; 10] = [
    "Văn", "Thị", "Minh", "Ngọc", "Đức", "Thu", "Hoàng", "Quốc", "Thanh", "Gia",
];
const GIVEN: [&str; 30] = [
    "An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hạnh", "Hiếu", "Hùng", "Hương", "Khánh", "Lan",
    "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Phong", "Phúc", "Quân", "Quang", "Sơn",
    "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến",
];
const MOBILE_PREFIXES: [&str; 16] = [
    "90", "91", "93", "94", "96", "97", "98", "86", "88", "89", "32", "35", "70", "77", "83", "56",
];
/// (source, weight, junk probability, campaigns)
const SOURCES: [(&str, u32, f64, &[&str]); 5] = [
    (
        "Facebook",
        45,
        0.18,
        &["fb-spa-tet", "fb-lookalike-hcm", "fb-retarget"],
    ),
    ("Google", 20, 0.08, &["search-brand", "search-generic"]),
    ("Zalo", 15, 0.06, &["zalo-oa", "zalo-ads"]),
    ("Website", 12, 0.05, &["landing-trial", "blog"]),
    ("Referral", 8, 0.01, &["customer-referral"]),
];
/// The words a sample's people wrote when they closed a lead without a
/// sale, in the language the sample is made for (the names are Vietnamese
/// in both; the reasons are what its people would have typed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reasons {
    /// Why a lead was lost.
    pub lost: [&'static str; 4],
    /// Why a lead was junk.
    pub junk: [&'static str; 4],
    /// What a rep noted about a conversation.
    pub notes: [&'static str; 4],
}

impl Reasons {
    /// In English.
    pub const EN: Reasons = Reasons {
        lost: [
            "price too high",
            "chose a competitor",
            "no budget now",
            "stopped answering",
        ],
        junk: ["wrong number", "fake name", "duplicate", "spam"],
        notes: [
            "Wants a quote for two rooms; call back Monday morning.",
            "Asked about the price list; sent it on Zalo.",
            "Interested, deciding with her husband this week.",
            "Prefers messages after 18:00.",
        ],
    };

    /// In Vietnamese ("sai số" is also what Today closes a wrong number with).
    pub const VI: Reasons = Reasons {
        lost: [
            "giá cao quá",
            "chọn bên khác",
            "chưa có ngân sách",
            "không nghe máy nữa",
        ],
        junk: ["sai số", "tên giả", "trùng khách", "spam"],
        notes: [
            "Khách cần báo giá 2 phòng; gọi lại sáng thứ Hai.",
            "Hỏi bảng giá; đã gửi qua Zalo.",
            "Quan tâm, đang bàn với chồng trong tuần này.",
            "Khách thích nhắn tin sau 18:00.",
        ],
    };
}

const REP_NAMES: [&str; 20] = [
    "Lan", "Tuấn", "Hương", "Minh", "Trang", "Quân", "Vy", "Hải", "Ngọc", "Phong", "Mai", "Sơn",
    "Thảo", "Long", "Yến", "Khánh", "Nam", "Linh", "Hùng", "Châu",
];

fn phone(rng: &mut Rng) -> String {
    let prefix = rng.pick(&MOBILE_PREFIXES);
    let rest = format!("{:07}", rng.below(10_000_000));
    match rng.below(4) {
        0 => format!("0{prefix}{rest}"),
        1 => format!("0{prefix} {} {}", &rest[..3], &rest[3..]),
        2 => format!("+84{prefix}{rest}"),
        _ => format!("p:+84{prefix}{rest}"),
    }
}

/// A business-time delay: usually minutes, sometimes hours.
fn delay(rng: &mut Rng) -> TimeDelta {
    let minutes = match rng.below(10) {
        0..=4 => 2 + rng.below(40),
        5..=7 => 40 + rng.below(120),
        8 => 160 + rng.below(480),
        _ => 600 + rng.below(1_800),
    };
    TimeDelta::minutes(minutes as i64)
}

/// Builds a workspace of `leads` leads handled by `reps` reps (clamped to 2–20),
/// created over the 90 days before `now`, its loss reasons in English.
pub fn generate(seed: u64, leads: usize, reps: usize, now: DateTime<Utc>) -> Workspace {
    generate_in(seed, leads, reps, now, &Reasons::EN)
}

/// [`generate`] with the loss reasons in the words of `reasons` (the
/// caller's language: [`Reasons::VI`] for a person reading Vietnamese).
pub fn generate_in(
    seed: u64,
    leads: usize,
    reps: usize,
    now: DateTime<Utc>,
    reasons: &Reasons,
) -> Workspace {
    let mut rng = Rng(seed);
    let pipeline = Pipeline::default();
    let calendar = CalendarSpec::vietnam();
    let cal = BusinessCalendar::new(calendar.clone()).expect("the Vietnam preset is valid");
    let reps = make_reps(&mut rng, reps.clamp(2, 20), leads);
    let sales: Vec<&Rep> = reps.iter().filter(|r| r.team.in_sales()).collect();
    let stage = |id: &str| StageId::new(id);
    let span = TimeDelta::days(90).num_seconds() as u64;
    let mut out_leads = Vec::with_capacity(leads);
    let mut activities = Vec::with_capacity(leads * 10);
    let mut created: Vec<DateTime<Utc>> = (0..leads)
        .map(|_| now - TimeDelta::seconds((rng.below(span) + 60) as i64))
        .collect();
    crate::sort::sort(&mut created);

    for (n, at) in created.into_iter().enumerate() {
        let (source, _, junk_p, campaigns) = *rng.weighted(&SOURCES.map(|s| (s, s.1)));
        let draft = LeadDraft {
            name: format!(
                "{} {} {}",
                rng.weighted(&FAMILY),
                rng.pick(&MIDDLE),
                rng.pick(&GIVEN)
            ),
            phone: phone(&mut rng),
            email: if rng.chance(0.4) {
                format!("khach{n}@example.vn")
            } else {
                String::new()
            },
            source: source.to_owned(),
            ..Default::default()
        };
        let id = LeadId::from_uuid(uuid::Uuid::from_u64_pair(seed, n as u64));
        let mut lead = Lead::create(&draft, id, at, &pipeline).expect("generated drafts are valid");
        lead.set_campaign(*rng.pick(campaigns), at);
        if rng.chance(0.1) {
            lead.set_priority(
                if rng.chance(0.3) {
                    Priority::Urgent
                } else {
                    Priority::High
                },
                at,
            );
        }
        let owner = rng.pick(&sales).id.clone();
        lead.assign(Some(owner.clone()), at);
        let rep = Some(owner);
        let mut act = |at: DateTime<Utc>, kind, direction, outcome| {
            (at < now).then(|| {
                activities.push(Activity {
                    lead: id,
                    at,
                    kind,
                    direction,
                    outcome,
                    rep: rep.clone(),
                    // A note holds words (chosen without the generator's
                    // random stream, which stays as it was).
                    note: (kind == ActivityKind::Note)
                        .then(|| reasons.notes[activities.len() % 4].into()),
                    by: None,
                    extra: Default::default(),
                })
            })
        };

        // First response and attempts until contact (or give up).
        let mut t = cal.due(at, delay(&mut rng));
        let junk = rng.chance(junk_p);
        let mut contact = None;
        for attempt in 0..(1 + rng.below(4)) {
            if t >= now {
                break;
            }
            let outcome = if junk && attempt == 0 {
                *rng.pick(&[Outcome::WrongNumber, Outcome::NoAnswer])
            } else if rng.chance(0.45) {
                Outcome::Connected
            } else {
                *rng.pick(&[Outcome::NoAnswer, Outcome::Busy])
            };
            let kind = if rng.chance(0.8) {
                ActivityKind::Call
            } else {
                ActivityKind::Message(Channel::Zalo)
            };
            let outcome = if kind == ActivityKind::Call {
                outcome
            } else {
                Outcome::Sent
            };
            act(t, kind, Direction::Outbound, outcome);
            if outcome == Outcome::Connected {
                contact = Some(t);
                break;
            }
            t = cal.due(t, TimeDelta::minutes(60 + rng.below(300) as i64));
        }
        if junk {
            let at = t.min(now - TimeDelta::seconds(1)).max(lead.updated_at());
            let reason = rng.pick(&reasons.junk).to_string();
            let _ = lead.mark_lost(
                Closure {
                    kind: LossKind::Junk,
                    reason,
                },
                &pipeline,
                None,
                at,
            );
            out_leads.push(lead);
            continue;
        }
        let Some(mut t) = contact else {
            out_leads.push(lead);
            continue;
        };
        act(
            t + TimeDelta::minutes(5),
            ActivityKind::Note,
            Direction::Outbound,
            Outcome::Sent,
        );
        // Follow-ups while the conversation goes on: messages, replies, notes, calls.
        let mut f = t;
        for _ in 0..rng.below(29) {
            f += TimeDelta::hours(3 + rng.below(60) as i64);
            let (kind, direction, outcome) = match rng.below(6) {
                0 | 1 => (
                    ActivityKind::Message(Channel::Zalo),
                    Direction::Outbound,
                    Outcome::Sent,
                ),
                2 => (
                    ActivityKind::Message(Channel::Zalo),
                    Direction::Inbound,
                    Outcome::Replied,
                ),
                3 => (ActivityKind::Note, Direction::Outbound, Outcome::Sent),
                4 => (ActivityKind::Call, Direction::Outbound, Outcome::Connected),
                _ => (
                    ActivityKind::Message(Channel::Email),
                    Direction::Outbound,
                    Outcome::Sent,
                ),
            };
            act(f, kind, direction, outcome);
        }
        // Progress through the pipeline, each step some days later.
        for (next, p) in [("interested", 0.65), ("qualified", 0.55), ("won", 0.35)] {
            t += TimeDelta::hours(2 + rng.below(24 * 5) as i64);
            if t >= now {
                break;
            }
            if !rng.chance(p) {
                if rng.chance(0.7) {
                    let reason = rng.pick(&reasons.lost).to_string();
                    let _ = lead.mark_lost(
                        Closure {
                            kind: LossKind::Lost,
                            reason,
                        },
                        &pipeline,
                        None,
                        t,
                    );
                }
                break;
            }
            let kind = if next == "won" {
                ActivityKind::Meeting
            } else {
                ActivityKind::Call
            };
            let resolved = next == "interested" && rng.chance(0.3);
            act(
                t,
                kind,
                Direction::Outbound,
                if resolved {
                    Outcome::Resolved
                } else {
                    Outcome::Connected
                },
            );
            if rng.chance(0.5) {
                act(
                    t + TimeDelta::hours(1),
                    ActivityKind::Message(Channel::Zalo),
                    Direction::Inbound,
                    Outcome::Replied,
                );
            }
            let _ = lead.move_to(&stage(next), &pipeline, None, t);
            if next == "won" {
                lead.set_value(Some(1_000_000 * (1 + rng.below(50))), t);
                if rng.chance(0.7) {
                    lead.set_csat(Csat::try_from(3 + rng.below(3) as u8).ok(), t);
                }
            }
        }
        out_leads.push(lead);
    }
    super::workspace::group_by_lead(&mut activities);

    Workspace {
        pipeline,
        calendar,
        reps,
        leads: out_leads,
        activities,
        ..Workspace::default()
    }
}

fn make_reps(rng: &mut Rng, n: usize, leads: usize) -> Vec<Rep> {
    let capacity = ((leads / n) as u32).clamp(20, 5_000) / 2 + 10;
    (0..n)
        .map(|i| Rep {
            id: RepId::new(format!("rep-{:02}", i + 1)),
            name: REP_NAMES[i % REP_NAMES.len()].to_owned(),
            team: match i {
                0 => Membership::Both,
                _ if i % 4 == 1 => Membership::Marketing,
                _ => Membership::Sales,
            },
            capacity: capacity + rng.below(10) as u32,
            active: i == 0 || !rng.chance(0.05),
            user: None,
            extra: Default::default(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
