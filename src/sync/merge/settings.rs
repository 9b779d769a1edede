//! The settings' merge (see the parent module's docs): part by part —
//! pipeline, calendar, policies, targets, each rep by id, unknown fields —
//! the later stamp wins; the reps' order is the one of the side that last
//! reordered or added reps.

use super::super::stamp::{Stamp, Stamps};
use crate::domain::workspace::Settings;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The parts of the settings that merge one by one.
fn settings_parts(s: &Settings) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    if let Value::Object(m) = crate::json::to_value(s).expect("settings serialise") {
        for (k, v) in m {
            if k == "reps" {
                if let Value::Array(reps) = v {
                    for r in reps {
                        let id = r["id"].as_str().unwrap_or_default().to_owned();
                        out.insert(format!("rep:{id}"), r);
                    }
                }
            } else {
                out.insert(k, v);
            }
        }
    }
    out
}

/// The setting parts whose values differ between `old` and `new`.
pub fn changed_parts(old: &Settings, new: &Settings) -> BTreeSet<String> {
    let (a, b) = (settings_parts(old), settings_parts(new));
    let mut out: BTreeSet<String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect();
    let order = |s: &Settings| s.reps.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    if order(old) != order(new) {
        out.insert("reps".into());
    }
    out
}

/// Merges two versions of the settings, part by part (later stamp wins).
pub fn merge_settings(
    mine: (&Settings, &Stamps),
    theirs: (&Settings, &Stamps),
) -> (Settings, Stamps) {
    let zero = Stamp::new(i64::MIN, "");
    let (pa, pb) = (settings_parts(mine.0), settings_parts(theirs.0));
    let mut out = Map::new();
    let mut stamps = Stamps::default();
    let mut reps: Vec<(String, Value)> = Vec::new();
    let keys: BTreeSet<&String> = pa.keys().chain(pb.keys()).collect();
    for key in keys {
        let (sa, sb) = (mine.1.of(key, &zero), theirs.1.of(key, &zero));
        let (va, vb) = (pa.get(key), pb.get(key));
        let b_wins = sb > sa
            || (sb == sa && va != vb && vb.map(Value::to_string) > va.map(Value::to_string));
        let (win, stamp) = if b_wins { (vb, sb) } else { (va, sa) };
        if *stamp != zero {
            stamps.0.insert(key.clone(), stamp.clone());
        }
        if let Some(v) = win {
            match key.strip_prefix("rep:") {
                Some(id) => reps.push((id.to_owned(), v.clone())),
                None => {
                    out.insert(key.clone(), v.clone());
                }
            }
        }
    }
    // Rep order: as the side that last reordered or added reps has it; reps
    // it does not list go last, by id.
    let (oa, ob) = (mine.1.of("reps", &zero), theirs.1.of("reps", &zero));
    let order_from = if ob > oa { theirs.0 } else { mine.0 };
    let s = oa.max(ob).clone();
    if s != zero {
        stamps.0.insert("reps".into(), s);
    }
    let position = |id: &str| {
        order_from
            .reps
            .iter()
            .position(|r| r.id.as_str() == id)
            .unwrap_or(usize::MAX)
    };
    crate::sort::sort_by(&mut reps, |(x, _), (y, _)| {
        (position(x), x).cmp(&(position(y), y))
    });
    out.insert(
        "reps".into(),
        Value::Array(reps.into_iter().map(|(_, v)| v).collect()),
    );
    let settings: Settings =
        crate::json::from_value(Value::Object(out)).unwrap_or_else(|_| mine.0.clone());
    (settings, stamps)
}
