//! A `Live` workspace changed lead by lead says exactly what a fresh
//! `Prepared` of the same workspace says.

use super::*;
use crate::domain::activity::{ActivityKind, Channel, Direction, Outcome};
use crate::domain::facts::LeadFacts;
use crate::domain::lead::{Closure, LeadDraft, LossKind, Priority};
use crate::domain::sample::generate;
use crate::domain::sla::Span;
use crate::domain::test_support::{urgent_rule, vn};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// One lead's facts with its numbers read as the names they stand for.
fn named(facts: &Facts, f: &LeadFacts) -> impl PartialEq + std::fmt::Debug {
    let name = |names: &crate::domain::facts::Names, n: u32| names.all()[n as usize].clone();
    (
        (
            f.created,
            f.stage,
            f.furthest_step,
            f.qualified,
            f.won,
            f.closed,
            f.csat,
            f.first_contact_resolved,
        ),
        name(&facts.sources, f.source),
        f.owner.map(|o| name(&facts.owners, o)),
        f.closure.map(|(k, r)| (k, name(&facts.reasons, r))),
        facts.stays(f).to_vec(),
    )
}

/// The reference: what the app's signals held before (every lead, every
/// activity in one list, changed by retain and extend).
fn apply_to(ws: &mut Workspace, change: &Changed) {
    ws.leads.retain(|l| !change.deleted.contains(&l.id()));
    ws.activities.retain(|a| !change.deleted.contains(&a.lead));
    for (id, list) in &change.activities {
        ws.activities.retain(|a| a.lead != *id);
        ws.activities.extend(list.iter().cloned());
    }
    for lead in &change.leads {
        match ws.leads.iter_mut().find(|l| l.id() == lead.id()) {
            Some(l) => *l = lead.clone(),
            None => ws.leads.push(lead.clone()),
        }
    }
}

/// Everything a screen reads from `live` equals a fresh evaluation of `ws`.
fn same_as_fresh(live: &Live, ws: &Workspace) {
    let fresh = Prepared::new(ws, live.now()).unwrap();
    let kept = live.prepared().unwrap();
    assert_eq!(live.leads(), ws.leads.as_slice());
    assert_eq!(live.clocks(), fresh.clocks(), "clocks");
    assert_eq!(
        live.placements(),
        crate::domain::queue::placements(&fresh, fresh.clocks(), HORIZON).as_slice(),
        "placements in the Today queue"
    );
    let (a, b) = (kept.facts(), fresh.facts());
    assert_eq!(a.leads.len(), b.leads.len());
    for (i, (x, y)) in a.leads.iter().zip(&b.leads).enumerate() {
        assert_eq!(named(a, x), named(b, y), "facts of lead {i}");
    }
    assert_eq!(a.oldest_first(), b.oldest_first());
    assert_eq!(kept.sources(), fresh.sources(), "sources");
    assert_eq!(kept.open_loads(), fresh.open_loads(), "open loads");
    for (i, lead) in ws.leads.iter().enumerate() {
        assert_eq!(kept.activities(i), fresh.activities(i), "activities of {i}");
        assert_eq!(live.activities_of(lead.id()), fresh.activities(i));
    }
    assert_eq!(*live.search(), SearchIndex::new(&ws.leads), "search index");
    for field in [Field::Source, Field::Campaign] {
        let mut values: Vec<&str> = ws
            .leads
            .iter()
            .map(|l| field.of(l))
            .filter(|v| !v.is_empty())
            .collect();
        values.sort();
        values.dedup();
        assert_eq!(live.values(field).collect::<Vec<_>>(), values, "{field:?}");
    }
    let mut back = live.workspace();
    let mut expected = ws.clone();
    for w in [&mut back, &mut expected] {
        w.activities.sort_by_key(|a| (a.lead, a.at));
    }
    assert_eq!(back, expected, "the workspace written back");
}

fn new_lead(n: u32, created: DateTime<Utc>, ws: &Workspace) -> Lead {
    let draft = LeadDraft {
        name: format!("Khách {n}"),
        phone: format!("09{:08}", 10_000_000 + n),
        source: ["Zalo", "Facebook", "Giới thiệu", "Mới"][n as usize % 4].into(),
        ..LeadDraft::default()
    };
    let id = LeadId::from_uuid(uuid::Uuid::from_u128(0xfeed_0000 + u128::from(n)));
    Lead::create(&draft, id, created, &ws.pipeline).expect("a valid draft")
}

/// One user action at `now` on the lead picked by `pick`, as the change
/// the app would store.
fn action(ws: &Workspace, kind: u8, pick: usize, x: u32, now: DateTime<Utc>) -> Option<Changed> {
    let ids: Vec<LeadId> = ws.leads.iter().map(Lead::id).collect();
    let id = *ids.get(pick % ids.len().max(1))?;
    let mut lead = ws.leads.iter().find(|l| l.id() == id)?.clone();
    let mut change = Changed::default();
    match kind {
        0 => lead.advance(&ws.pipeline, None, now).ok()?,
        1 => {
            let mut list: Vec<Activity> = ws
                .activities
                .iter()
                .filter(|a| a.lead == id)
                .cloned()
                .collect();
            let owner = lead.owner().cloned();
            list.push(Activity {
                lead: id,
                at: now - TimeDelta::minutes(i64::from(x % 5_000)),
                kind: [
                    ActivityKind::Call,
                    ActivityKind::Message(Channel::Zalo),
                    ActivityKind::Meeting,
                    ActivityKind::Note,
                ][x as usize % 4],
                direction: if x.is_multiple_of(7) {
                    Direction::Inbound
                } else {
                    Direction::Outbound
                },
                outcome: [
                    Outcome::Connected,
                    Outcome::NoAnswer,
                    Outcome::Resolved,
                    Outcome::Replied,
                ][x as usize % 4],
                rep: if x.is_multiple_of(3) {
                    owner
                } else {
                    Some(RepId::new("someone-else"))
                },
                note: None,
                by: None,
                extra: Default::default(),
            });
            change.activities.push((id, list));
            lead.touch(now);
        }
        2 => {
            lead.assign(Some(RepId::new(format!("rep-{}", x % 9))), now);
            lead.set_campaign(format!("Campaign {}", x % 3), now);
        }
        3 => lead
            .mark_lost(
                Closure {
                    kind: if x.is_multiple_of(2) {
                        LossKind::Junk
                    } else {
                        LossKind::Lost
                    },
                    reason: format!("reason {}", x % 4),
                },
                &ws.pipeline,
                None,
                now,
            )
            .ok()?,
        4 => {
            change.deleted.push(id);
            return Some(change);
        }
        5 => {
            // A new lead, now or imported from long before the first one.
            let created = now - TimeDelta::minutes(i64::from(x) * 97);
            let new = new_lead(x, created, ws);
            if ids.contains(&new.id()) {
                return None;
            }
            change.leads.push(new);
            return Some(change);
        }
        6 => lead.set_priority(
            [Priority::Low, Priority::High, Priority::Urgent][x as usize % 3],
            now,
        ),
        _ => {
            let stages = ws.pipeline.stages();
            let to = stages[x as usize % stages.len()].id.clone();
            lead.move_to(&to, &ws.pipeline, Some("Lan"), now).ok()?;
        }
    }
    change.leads.push(lead);
    Some(change)
}

fn start() -> (Workspace, DateTime<Utc>) {
    let now = vn("2026-06-01 10:00");
    let mut ws = generate(3, 40, 4, now);
    ws.policies.rules.push(urgent_rule());
    (ws, now)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Edits, new and deleted leads, clock ticks and new policies, applied
    /// one by one, leave what a fresh evaluation would give.
    #[test]
    fn changes_applied_one_by_one_equal_a_fresh_evaluation(
        steps in proptest::collection::vec((0u8..10, 0usize..1000, 0u32..20_000), 1..40)
    ) {
        let (mut ws, mut now) = start();
        let mut live = Live::new(ws.clone(), now);
        // The search index is made on first use, then kept up to date.
        live.search();
        for (kind, pick, x) in steps {
            match kind {
                8 => {
                    // A clock tick (and time passes for the next edits).
                    now += TimeDelta::minutes(i64::from(x % 600));
                    live.at(now);
                }
                9 => {
                    let mut settings = ws.settings();
                    settings.policies.default.first_response = Span::Minutes(10 + x % 200);
                    settings.reps.retain(|r| x.is_multiple_of(2) || r.id.as_str() != "rep-1");
                    ws = Workspace::from_parts(settings.clone(), ws.leads, ws.activities);
                    live.set_settings(settings);
                }
                _ => {
                    if let Some(change) = action(&ws, kind, pick, x, now) {
                        apply_to(&mut ws, &change);
                        live.apply(change);
                    }
                }
            }
        }
        same_as_fresh(&live, &ws);
    }
}

#[test]
fn a_loaded_workspace_is_a_fresh_evaluation_and_keeps_stray_activities() {
    let (mut ws, now) = start();
    let mut stray = ws.activities[0].clone();
    stray.lead = LeadId::from_uuid(uuid::Uuid::from_u128(7));
    ws.activities.push(stray.clone());
    let live = Live::new(ws.clone(), now);
    assert!(
        live.workspace().activities.contains(&stray),
        "never dropped"
    );
    ws.activities.pop();
    let mut only_known = live.workspace();
    only_known.activities.retain(|a| *a != stray);
    let mut live = Live::new(only_known, now);
    same_as_fresh(&live, &ws);
    for k in 0..40u32 {
        if let Some(change) = action(&ws, 4, k as usize * 7, k, now) {
            apply_to(&mut ws, &change);
            live.apply(change);
        }
    }
    same_as_fresh(&live, &ws);
    // Many edits of one lead: its old digest entries become garbage that
    // is dropped, and nothing else moves.
    for k in 0..5_000u32 {
        if let Some(change) = action(&ws, 1, 3, k, now) {
            apply_to(&mut ws, &change);
            live.apply(change);
        }
    }
    same_as_fresh(&live, &ws);
}

#[test]
fn a_new_calendar_or_pipeline_works_everything_out_again() {
    let (ws, now) = start();
    let mut live = Live::new(ws.clone(), now);
    let mut settings = ws.settings();
    settings.calendar = crate::domain::calendar::CalendarSpec::vietnam();
    settings.calendar.timezone = "Europe/Paris".into();
    let changed = Workspace::from_parts(settings.clone(), ws.leads.clone(), ws.activities.clone());
    live.set_settings(settings);
    same_as_fresh(&live, &changed);
    assert_ne!(
        live.clocks(),
        Prepared::new(&ws, now).unwrap().clocks(),
        "another timezone moves business hours"
    );
    let mut counts = BTreeMap::new();
    for l in live.leads() {
        *counts.entry(l.stage().clone()).or_insert(0) += 1;
    }
    assert!(counts.len() > 1);
}

#[test]
fn a_clock_tick_evaluates_like_a_fresh_start_even_past_the_timeline() {
    let (ws, now) = start();
    let mut live = Live::new(ws.clone(), now);
    let before = live.clocks().to_vec();
    let later = now + TimeDelta::hours(3);
    live.at(later);
    assert_eq!(live.now(), later);
    same_as_fresh(&live, &ws);
    assert_ne!(live.clocks(), before.as_slice(), "the clocks moved on");
    // Past the end of the timeline's table: a new table, the same answers.
    live.at(now + TimeDelta::days(400));
    same_as_fresh(&live, &ws);
}
