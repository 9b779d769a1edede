use super::*;
use crate::domain::activity::{Activity, ActivityKind, Direction, Outcome};
use crate::domain::lead::Priority;
use crate::domain::pipeline::{Pipeline, StageId};
use crate::domain::rep::RepId;
use crate::sync::doc;
use crate::sync::ledger::{self, DocMeta, Pulled};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn t(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).unwrap() + TimeDelta::minutes(minute)
}

fn lead() -> Lead {
    crate::domain::test_support::lead(9)
}

/// A device's copy: the lead, its bookkeeping, and whether it waits to be pushed.
#[derive(Clone, Debug)]
struct Copy {
    lead: Lead,
    meta: DocMeta,
    waiting: bool,
}

fn edit(copy: &mut Copy, who: &str, f: impl FnOnce(&mut Lead)) {
    let old = copy.lead.clone();
    f(&mut copy.lead);
    ledger::record_lead_edit(&mut copy.meta, Some(&old), &copy.lead, who);
    copy.waiting = true;
}

fn pull(copy: &mut Copy, rev: &str, remote: &Lead, stamps: &Stamps, who: &str) {
    if let Pulled::Keep {
        value,
        meta,
        waiting,
    } = ledger::pull_lead(
        Some((&copy.lead, &copy.meta)),
        copy.waiting,
        rev,
        remote,
        stamps,
        who,
    ) {
        copy.lead = value;
        copy.meta = meta;
        copy.waiting = waiting;
    }
}

#[test]
fn fields_changed_on_one_side_are_kept_and_the_same_field_is_flagged() {
    let p = Pipeline::default();
    let base = lead();
    let synced = DocMeta {
        rev: Some("1-a".into()),
        ..DocMeta::default()
    };
    let mut lan = Copy {
        lead: base.clone(),
        meta: synced.clone(),
        waiting: false,
    };
    let mut minh = lan.clone();
    edit(&mut lan, "lan@d1", |l| l.set_campaign("tết", t(5)));
    edit(&mut lan, "lan@d1", |l| l.set_priority(Priority::High, t(6)));
    edit(&mut minh, "minh@d2", |l| l.set_campaign("hè", t(7)));
    edit(&mut minh, "minh@d2", |l| {
        l.assign(Some(RepId::new("minh")), t(8))
    });
    // Minh pushed first; Lan's push is refused (409): she pulls and merges.
    pull(&mut lan, "2-b", &minh.lead, &minh.meta.stamps, "lan@d1");
    let merged = &lan.lead;
    assert_eq!(merged.priority(), Priority::High, "Lan's field kept");
    assert_eq!(
        merged.owner(),
        Some(&RepId::new("minh")),
        "Minh's field kept"
    );
    assert_eq!(
        merged.campaign(),
        "hè",
        "the later edit of the same field wins"
    );
    assert_eq!(merged.conflicts().len(), 1);
    let c = &merged.conflicts()[0];
    assert_eq!(
        (
            c.field.as_str(),
            c.value.as_str(),
            c.by.as_str(),
            c.winner.as_str()
        ),
        ("campaign", Some("tết"), "lan", "minh"),
        "the other value, who and against whom"
    );
    assert!(lan.waiting, "the merge goes back to the server");
    assert!(merged.check(&p).is_ok());

    // Taking the other value is an edit; dismissing clears the flag everywhere.
    let mut taken = lan.clone();
    edit(&mut taken, "lan@d1", |l| {
        l.take_conflict(0, &p, None, t(9)).unwrap()
    });
    assert_eq!(taken.lead.campaign(), "tết");
    assert!(taken.lead.conflicts().is_empty());
    assert!(taken.meta.stamps.0.contains_key("cleared:campaign"));
}

#[test]
fn concurrent_stage_moves_are_all_kept_and_different_ends_are_flagged() {
    let p = Pipeline::default();
    let base = lead();
    let synced = DocMeta {
        rev: Some("1-a".into()),
        ..DocMeta::default()
    };
    let mut a = Copy {
        lead: base.clone(),
        meta: synced.clone(),
        waiting: false,
    };
    let mut b = a.clone();
    edit(&mut a, "a@1", |l| {
        l.move_to(&StageId::new("interested"), &p, Some("An"), t(3))
            .unwrap()
    });
    edit(&mut b, "b@2", |l| {
        l.move_to(&StageId::new("lost"), &p, Some("Bình"), t(4))
            .unwrap()
    });
    pull(&mut a, "2-x", &b.lead, &b.meta.stamps, "a@1");
    assert_eq!(a.lead.history().len(), 3, "both moves are in the history");
    assert_eq!(
        a.lead.stage().as_str(),
        "lost",
        "the stage follows the last move"
    );
    assert!(a.lead.check(&p).is_ok());
    let flag = &a.lead.conflicts()[0];
    assert_eq!(
        (flag.field.as_str(), flag.value.as_str(), flag.by.as_str()),
        ("stage", Some("interested"), "An"),
        "a person confirms which stage"
    );
    // Sequential moves (b saw a's move) are not flagged.
    let mut c = a.clone();
    c.waiting = false;
    let mut d = a.clone();
    edit(&mut d, "d@4", |l| {
        l.move_to(&StageId::new("qualified"), &p, None, t(9))
            .unwrap()
    });
    pull(&mut c, "3-y", &d.lead, &d.meta.stamps, "c@3");
    assert_eq!(c.lead.stage().as_str(), "qualified");
    assert_eq!(c.lead.conflicts().len(), 1, "only the earlier flag remains");
}

#[test]
fn the_merge_is_symmetric() {
    let base = lead();
    let stamps0 = Stamps::default();
    let mut a = base.clone();
    a.set_campaign("x", t(1));
    let sa = Stamps(
        [(
            "campaign".to_owned(),
            Stamp::new(t(1).timestamp_millis(), "a@1"),
        )]
        .into(),
    );
    let mut b = base.clone();
    b.set_campaign("y", t(2));
    b.set_value(Some(5_000_000), t(2));
    let sb = Stamps(
        [
            (
                "campaign".to_owned(),
                Stamp::new(t(2).timestamp_millis(), "b@2"),
            ),
            (
                "value".to_owned(),
                Stamp::new(t(2).timestamp_millis(), "b@2"),
            ),
        ]
        .into(),
    );
    let one = merge_lead(
        Some(&stamps0),
        Side {
            lead: &a,
            stamps: &sa,
        },
        Side {
            lead: &b,
            stamps: &sb,
        },
        "m@9",
    );
    let two = merge_lead(
        Some(&stamps0),
        Side {
            lead: &b,
            stamps: &sb,
        },
        Side {
            lead: &a,
            stamps: &sa,
        },
        "m@9",
    );
    assert_eq!(one, two);
    assert_eq!(one.0.campaign(), "y");
    assert_eq!(one.0.value(), Some(5_000_000));
}

#[test]
fn settings_merge_part_by_part_and_reps_by_id() {
    use crate::domain::rep::{Membership, Rep};
    use crate::domain::workspace::Workspace;
    let base = Workspace::default().settings();
    let rep = |id: &str| Rep::new(id, id, Membership::Both, 30);
    let mut a = base.clone();
    a.reps.push(rep("lan"));
    let mut b = base.clone();
    b.reps.push(rep("minh"));
    b.calendar.holidays.push("2026-09-02".into());
    let (mut ma, mut mb) = (DocMeta::default(), DocMeta::default());
    ledger::record_settings_edit(&mut ma, &base, &a, "a@1", 10);
    ledger::record_settings_edit(&mut mb, &base, &b, "b@2", 20);
    let (merged, _) = merge_settings((&a, &ma.stamps), (&b, &mb.stamps));
    let ids: Vec<&str> = merged.reps.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["minh", "lan"],
        "both reps added concurrently are kept"
    );
    assert!(merged.calendar.holidays.contains(&"2026-09-02".to_owned()));
    let (again, _) = merge_settings((&b, &mb.stamps), (&a, &ma.stamps));
    assert_eq!(again, merged, "symmetric");
}

#[test]
fn sibling_revisions_resolve_the_same_whatever_their_order() {
    let p = Pipeline::default();
    let base = lead();
    let stamp = |field: &str, minute: i64, who: &str| {
        (
            field.to_owned(),
            Stamp::new(t(minute).timestamp_millis(), who),
        )
    };
    let mut a = base.clone();
    a.set_campaign("tết", t(3));
    let sa = Stamps([stamp("campaign", 3, "a@1")].into());
    let mut b = base.clone();
    b.set_priority(Priority::Urgent, t(4));
    b.set_campaign("hè", t(4));
    let sb = Stamps([stamp("priority", 4, "b@2"), stamp("campaign", 4, "b@2")].into());
    let mut c = base.clone();
    c.set_value(Some(7_000_000), t(5));
    let sc = Stamps([stamp("value", 5, "c@3")].into());
    let docs = [
        doc::lead_doc(&a, &sa, Some("3-aaa")),
        doc::lead_doc(&b, &sb, Some("3-bbb")),
        doc::lead_doc(&c, &sc, Some("3-ccc")),
    ];
    let orders = [[0, 1, 2], [1, 0, 2], [2, 1, 0], [1, 2, 0]];
    let results: Vec<serde_json::Value> = orders
        .iter()
        .map(|o| {
            let sibs: Vec<serde_json::Value> = o.iter().map(|&i| docs[i].clone()).collect();
            let mut r = resolve(&sibs, &p, "m@9").unwrap();
            r["_rev"] = serde_json::Value::Null;
            r
        })
        .collect();
    assert!(
        results.windows(2).all(|w| w[0] == w[1]),
        "the same document"
    );
    let merged = &results[0];
    assert_eq!(merged["campaign"], "hè", "the later edit of the same field");
    assert_eq!(merged["priority"], "urgent");
    assert_eq!(
        merged["value"], 7_000_000,
        "a field only one sibling changed"
    );
    assert_eq!(
        merged["conflicts"][0]["value"], "tết",
        "the other value, shown"
    );
    let kept = resolve(&docs, &p, "m@9").unwrap();
    assert_eq!(
        kept["_rev"], "3-aaa",
        "CouchDB's winner (first) keeps its revision"
    );
    let design = serde_json::json!({ "_id": "_design/leadpact", "_rev": "2-x" });
    assert!(
        resolve(&[design], &p, "m@9").is_none(),
        "not ours: left alone"
    );
}

/// One step of the property test.
#[derive(Clone, Debug)]
enum Op {
    /// Device `0` changes a field to a value chosen by `1`.
    Edit(usize, u8, u8),
    /// Device moves the lead to stage `1` (index into the pipeline).
    Move(usize, u8),
    /// Device logs a call.
    Log(usize),
    /// Device pushes what waits.
    Push(usize),
    /// Device pulls the server's version (twice when `1`).
    Pull(usize, bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..3usize, 0..5u8, 0..4u8).prop_map(|(d, f, v)| Op::Edit(d, f, v)),
        1 => (0..3usize, 0..5u8).prop_map(|(d, s)| Op::Move(d, s)),
        2 => (0..3usize).prop_map(Op::Log),
        3 => (0..3usize).prop_map(Op::Push),
        3 => (0..3usize, any::<bool>()).prop_map(|(d, twice)| Op::Pull(d, twice)),
    ]
}

/// A write of a field, to check it is never silently lost.
#[derive(Clone, Debug)]
struct Write {
    field: &'static str,
    value: serde_json::Value,
    stamp: Stamp,
    /// The write its device had for the field when this one was made (the
    /// value the person saw and replaced).
    replaced: Option<Stamp>,
}

struct Model {
    server: (u32, Lead, Stamps),
    server_acts: BTreeSet<String>,
    copies: Vec<Copy>,
    acts: Vec<BTreeMap<String, Activity>>,
    waiting_acts: Vec<BTreeSet<String>>,
    writes: Vec<Write>,
}

impl Model {
    fn new() -> Model {
        let l = lead();
        let copy = Copy {
            lead: l.clone(),
            meta: DocMeta {
                rev: Some("1".into()),
                ..DocMeta::default()
            },
            waiting: false,
        };
        Model {
            server: (1, l, Stamps::default()),
            server_acts: BTreeSet::new(),
            copies: vec![copy.clone(), copy.clone(), copy],
            acts: vec![BTreeMap::new(); 3],
            waiting_acts: vec![BTreeSet::new(); 3],
            writes: Vec::new(),
        }
    }

    fn who(d: usize) -> String {
        format!("u{d}@d{d}")
    }

    /// Device clocks disagree: device 2 runs an hour behind.
    fn clock(d: usize, step: i64) -> DateTime<Utc> {
        t(step) - TimeDelta::minutes(if d == 2 { 60 } else { 0 })
    }

    fn push(&mut self, d: usize) {
        // Activities: immutable documents, added to the set.
        let waiting: Vec<String> = std::mem::take(&mut self.waiting_acts[d])
            .into_iter()
            .collect();
        self.server_acts.extend(waiting);
        let c = &mut self.copies[d];
        if !c.waiting {
            return;
        }
        let rev = self.server.0.to_string();
        if c.meta.rev.as_deref() == Some(rev.as_str()) {
            // Accepted: a new revision.
            self.server.0 += 1;
            self.server.1 = c.lead.clone();
            self.server.2 = c.meta.stamps.clone();
            let pushed = c.meta.stamps.clone();
            ledger::acknowledge(&mut c.meta, &self.server.0.to_string(), &pushed);
            c.waiting = !c.meta.was.is_empty();
        } else {
            // 409: fetch the server's version and merge; it waits again.
            let (rev, l, s) = (
                self.server.0.to_string(),
                self.server.1.clone(),
                self.server.2.clone(),
            );
            pull(c, &rev, &l, &s, &Self::who(d));
        }
    }

    fn pull(&mut self, d: usize) {
        let (rev, l, s) = (
            self.server.0.to_string(),
            self.server.1.clone(),
            self.server.2.clone(),
        );
        pull(&mut self.copies[d], &rev, &l, &s, &Self::who(d));
        for id in &self.server_acts {
            if !self.acts[d].contains_key(id) {
                let a = self.acts.iter().find_map(|m| m.get(id)).cloned();
                if let Some(a) = a {
                    self.acts[d].insert(id.clone(), a);
                }
            }
        }
    }

    fn apply(&mut self, op: &Op, step: i64) {
        let p = Pipeline::default();
        match *op {
            Op::Edit(d, f, v) => {
                let now = Self::clock(d, step);
                let who = Self::who(d);
                let c = &mut self.copies[d];
                let field_name = ["campaign", "priority", "value", "owner", "custom"][f as usize];
                let replaced = c.meta.stamps.0.get(field_name).cloned();
                let before = serde_json::to_value(&c.lead).unwrap()[field_name].clone();
                let (field, value): (&'static str, serde_json::Value) = match f {
                    0 => {
                        let s = ["tết", "hè", "thu", "đông"][v as usize];
                        edit(c, &who, |l| l.set_campaign(s, now));
                        ("campaign", s.into())
                    }
                    1 => {
                        let pr = Priority::ALL[v as usize];
                        edit(c, &who, |l| l.set_priority(pr, now));
                        ("priority", serde_json::to_value(pr).unwrap())
                    }
                    2 => {
                        let val = u64::from(v) * 1_000_000;
                        edit(c, &who, |l| l.set_value(Some(val), now));
                        ("value", val.into())
                    }
                    3 => {
                        let o = RepId::new(["lan", "minh", "hoa", "tuan"][v as usize]);
                        edit(c, &who, |l| l.assign(Some(o.clone()), now));
                        ("owner", o.as_str().into())
                    }
                    _ => {
                        let s = format!("Khách {v}");
                        edit(c, &who, |l| l.set_custom("note", s.clone(), now));
                        ("custom", serde_json::json!({ "note": s }))
                    }
                };
                let stamp = Stamp::new(c.lead.updated_at().timestamp_millis(), who);
                let changed = serde_json::to_value(&c.lead).unwrap()[field_name] != before;
                if field != "custom" && changed {
                    self.writes.push(Write {
                        field,
                        value,
                        stamp,
                        replaced,
                    });
                }
            }
            Op::Move(d, s) => {
                let now = Self::clock(d, step);
                let who = Self::who(d);
                let stage = p.stages()[s as usize].id.clone();
                let c = &mut self.copies[d];
                if c.lead.stage() != &stage {
                    edit(c, &who, |l| l.move_to(&stage, &p, Some(&who), now).unwrap());
                }
            }
            Op::Log(d) => {
                let now = Self::clock(d, step);
                let a = Activity {
                    lead: self.copies[d].lead.id(),
                    at: now,
                    kind: ActivityKind::Call,
                    direction: Direction::Outbound,
                    outcome: Outcome::NoAnswer,
                    rep: Some(RepId::new(format!("u{d}"))),
                    note: None,
                    by: None,
                    extra: Default::default(),
                };
                let id = doc::activity_ids([&a])[0].clone();
                self.acts[d].insert(id.clone(), a);
                self.waiting_acts[d].insert(id);
            }
            Op::Push(d) => self.push(d),
            Op::Pull(d, twice) => {
                self.pull(d);
                if twice {
                    self.pull(d);
                }
            }
        }
    }

    fn settle(&mut self) {
        for _ in 0..12 {
            for d in 0..3 {
                self.push(d);
                self.pull(d);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_interleaving_of_three_devices_converges_and_loses_nothing(ops in prop::collection::vec(op(), 1..60)) {
        let mut m = Model::new();
        for (step, op) in ops.iter().enumerate() {
            m.apply(op, step as i64 + 1);
        }
        m.settle();
        let p = Pipeline::default();
        let first = &m.copies[0];
        for c in &m.copies {
            prop_assert!(!c.waiting, "nothing left to push");
            prop_assert_eq!(&c.lead, &first.lead, "every device shows the same lead");
            prop_assert_eq!(&c.meta.stamps, &first.meta.stamps);
            prop_assert!(c.lead.check(&p).is_ok(), "the merged lead keeps every invariant");
        }
        prop_assert_eq!(&first.lead, &m.server.1, "and the server has it");
        let all: BTreeSet<&String> = m.acts.iter().flat_map(|a| a.keys()).collect();
        for (d, acts) in m.acts.iter().enumerate() {
            prop_assert_eq!(acts.keys().collect::<BTreeSet<_>>(), all.clone(), "device {} has every activity", d);
        }
        // Every value written is the final one, was flagged, or was
        // replaced by a person who had seen it; a write of the same value as
        // such a write carries no more information (the merge keeps one).
        let final_json = serde_json::to_value(&first.lead).unwrap();
        let direct = |w: &Write| {
            first.meta.stamps.0.get(w.field) == Some(&w.stamp)
                || final_json.get(w.field) == Some(&w.value)
                || first.lead.conflicts().iter().any(|c| {
                    c.field == w.field && c.by == w.stamp.person() && c.value == w.value
                })
                || m.writes.iter().any(|o| o.field == w.field && o.replaced.as_ref() == Some(&w.stamp))
        };
        let mut ok: Vec<bool> = m.writes.iter().map(direct).collect();
        loop {
            let mut grew = false;
            for i in 0..m.writes.len() {
                if !ok[i] && (0..m.writes.len()).any(|j| {
                    ok[j] && m.writes[j].field == m.writes[i].field && m.writes[j].value == m.writes[i].value
                }) {
                    ok[i] = true;
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
        for (w, ok) in m.writes.iter().zip(&ok) {
            prop_assert!(
                *ok,
                "the write {:?} was lost: final {:?}, conflicts {:?}",
                w, final_json.get(w.field), first.lead.conflicts()
            );
        }
    }
}
