//! The settings' merge (see the parent module's docs): part by part —
//! pipeline, calendar, policies, targets, each rep by id, unknown fields —
//! the later stamp wins; the reps' order is the one of the side that last
//! reordered or added reps. The same parts carry a tab's quick settings
//! saves over one another ([`rebase_settings`]).

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

/// The edit that made `new` from `base`, made again on `onto` (the
/// settings stored meanwhile): what it changed, down to single fields, is
/// `new`'s; everything else `onto`'s — two quick saves (two reps' users, a
/// rep and the calendar, two fields of one editor) both stay. Lists of
/// things with ids (reps, stages, rules) are matched by id; other lists
/// item by item while their lengths agree, else the edit's list wins.
pub fn rebase_settings(base: &Settings, new: &Settings, onto: &Settings) -> Settings {
    let json = |s: &Settings| crate::json::to_value(s).expect("settings serialise");
    let merged = rebase_value(&json(base), &json(new), &json(onto));
    crate::json::from_value(merged).unwrap_or_else(|_| new.clone())
}

fn rebase_value(base: &Value, new: &Value, onto: &Value) -> Value {
    if new == base {
        return onto.clone();
    }
    if onto == base {
        return new.clone();
    }
    match (base, new, onto) {
        (Value::Object(b), Value::Object(n), Value::Object(o)) => {
            let mut out = o.clone();
            let keys: BTreeSet<&String> = b.keys().chain(n.keys()).collect();
            for k in keys {
                match (b.get(k), n.get(k), o.get(k)) {
                    (x, y, _) if x == y => {}
                    (_, None, _) => {
                        out.remove(k);
                    }
                    (Some(bv), Some(nv), Some(ov)) => {
                        out.insert(k.clone(), rebase_value(bv, nv, ov));
                    }
                    (_, Some(nv), _) => {
                        out.insert(k.clone(), nv.clone());
                    }
                }
            }
            Value::Object(out)
        }
        (Value::Array(b), Value::Array(n), Value::Array(o)) => {
            match (with_ids(b), with_ids(n), with_ids(o)) {
                (Some(bi), Some(ni), Some(oi)) => rebase_by_id(&bi, &ni, &oi),
                _ if b.len() == n.len() && n.len() == o.len() => Value::Array(
                    b.iter()
                        .zip(n)
                        .zip(o)
                        .map(|((bv, nv), ov)| rebase_value(bv, nv, ov))
                        .collect(),
                ),
                _ => new.clone(),
            }
        }
        _ => new.clone(),
    }
}

/// A list's items by their `id`, in order, when every item has one.
fn with_ids(list: &[Value]) -> Option<Vec<(&str, &Value)>> {
    list.iter()
        .map(|v| v.get("id").and_then(Value::as_str).map(|id| (id, v)))
        .collect()
}

type Items<'a> = [(&'a str, &'a Value)];

fn find<'a>(list: &Items<'a>, id: &str) -> Option<&'a Value> {
    list.iter().find(|(i, _)| *i == id).map(|(_, v)| *v)
}

fn ids<'a>(list: &Items<'a>) -> Vec<&'a str> {
    list.iter().map(|(i, _)| *i).collect()
}

fn rebase_by_id(b: &Items<'_>, n: &Items<'_>, o: &Items<'_>) -> Value {
    // The order: the edit's when it reordered, added or removed items,
    // else the stored one's; then the items only the other side added.
    let (first, second) = if ids(n) != ids(b) { (n, o) } else { (o, n) };
    let mut order: Vec<&str> = ids(first);
    for id in ids(second) {
        if !order.contains(&id) && find(b, id).is_none() {
            order.push(id);
        }
    }
    let items = order.into_iter().filter_map(|id| {
        match (find(b, id), find(n, id), find(o, id)) {
            // Removed by the edit, or by the stored side and not edited.
            (Some(_), None, _) => None,
            (Some(bv), Some(nv), None) => (nv != bv).then(|| nv.clone()),
            (Some(bv), Some(nv), Some(ov)) => Some(rebase_value(bv, nv, ov)),
            (None, Some(nv), _) => Some(nv.clone()),
            (None, None, Some(ov)) => Some(ov.clone()),
            (None, None, None) => None,
        }
    });
    Value::Array(items.collect())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::rep::{Membership, Rep};
    use crate::domain::workspace::Workspace;

    #[test]
    fn two_fields_of_one_part_both_stay() {
        let base = Workspace::default().settings();
        let mut first = base.clone();
        first.calendar.holidays.push("2026-09-02".into());
        first.policies.default.attempts.min_attempts = 4;
        let mut second = base.clone();
        second.calendar.timezone = "Asia/Bangkok".into();
        second.policies.default.attempts.max_attempts = 8;
        let both = rebase_settings(&base, &second, &first);
        assert!(both.calendar.holidays.contains(&"2026-09-02".to_owned()));
        assert_eq!(both.calendar.timezone, "Asia/Bangkok");
        assert_eq!(
            (
                both.policies.default.attempts.min_attempts,
                both.policies.default.attempts.max_attempts
            ),
            (4, 8)
        );
    }

    #[test]
    fn quick_saves_of_different_parts_both_stay() {
        let mut base = Workspace::default().settings();
        base.reps = vec![
            Rep::new("lan", "Lan", Membership::Sales, 30),
            Rep::new("minh", "Minh", Membership::Sales, 30),
        ];
        // The first save (stored meanwhile): Lan's user.
        let mut first = base.clone();
        first.reps[0].user = Some("lan".into());
        // The second, made from what the screen showed before it: Minh's
        // user and a holiday.
        let mut second = base.clone();
        second.reps[1].user = Some("minh".into());
        second.calendar.holidays.push("2026-09-02".into());
        let both = rebase_settings(&base, &second, &first);
        assert_eq!(both.reps[0].user.as_deref(), Some("lan"));
        assert_eq!(both.reps[1].user.as_deref(), Some("minh"));
        assert!(both.calendar.holidays.contains(&"2026-09-02".to_owned()));
        // A rep added by the first and one removed by the second.
        let mut added = base.clone();
        added
            .reps
            .push(Rep::new("hoa", "Hoa", Membership::Sales, 30));
        let mut removed = base.clone();
        removed.reps.remove(1);
        let ids: Vec<String> = rebase_settings(&base, &removed, &added)
            .reps
            .iter()
            .map(|r| r.id.as_str().to_owned())
            .collect();
        assert_eq!(ids, ["lan", "hoa"]);
        // Nothing stored meanwhile: the save as made.
        assert_eq!(rebase_settings(&base, &second, &base), second);
    }
}
