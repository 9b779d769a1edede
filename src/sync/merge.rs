//! How two versions of one document become one: the same pure function on
//! every device, so every device ends with the same workspace.
//!
//! Rules for a lead (`merge_lead`):
//! - **Field by field.** Each field (name, phone, e-mail, source, priority,
//!   campaign, owner with its assignment time, value, custom fields, closure,
//!   CSAT, and fields a newer app added) keeps the value with the later
//!   [`Stamp`]; ties are broken by the writer's name. A field changed on only
//!   one side therefore keeps that change.
//! - **Concurrent edits are shown, not hidden.** When both sides changed the
//!   same field since their common version (`base`) to different values, the
//!   later one wins and the other is kept on the lead as a
//!   [`FieldConflict`] (who, when, which value) until a person takes it or
//!   dismisses it. Without a known common version (sibling revisions of a
//!   CouchDB cluster), a field written on both sides since the lead was
//!   created counts as concurrent: a person may see a conflict too many,
//!   never one too few.
//! - **Stage moves are all kept.** The history is the union of both
//!   histories, ordered by time (then stage, origin and author, so the order
//!   is total); the current stage is where it ends. When both sides moved the
//!   lead since their common version and they ended in different stages, the
//!   stage that lost is flagged like a field.
//! - **Conflicts merge as a set.** Both sides' flags are kept (once); a flag
//!   disappears on every device once a person dismissed or took it there:
//!   that edit stamps `cleared:<field>` later than every flag it saw.
//! - `updated_at` is the later of the two (one millisecond later when the
//!   merge found new conflicts: the merged lead is a new version).
//!
//! Settings (`merge_settings`) merge part by part (pipeline, calendar,
//! policies, targets, each rep by id, unknown fields) with the later stamp;
//! settings are edited by admins, rarely, and no settings conflict is shown.
//!
//! Activities never merge: they are immutable documents, kept as a set.

use super::stamp::{Stamp, Stamps};
use crate::domain::lead::{FieldConflict, Lead, StageChange};
use crate::domain::workspace::Settings;
use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

mod settings;
pub use settings::{changed_parts, merge_settings, rebase_settings};

/// Fields of a lead's JSON that are not merged field by field.
const SPECIAL: [&str; 7] = [
    "id",
    "created_at",
    "updated_at",
    "stage",
    "history",
    "conflicts",
    "assigned_at",
];

/// The stamp key of the stage history.
pub const HISTORY: &str = "history";

/// The stamp key recording when a person dealt with `field`'s conflicts.
pub fn cleared_key(field: &str) -> String {
    format!("cleared:{field}")
}

/// The fields of a lead that merge one by one, as JSON.
fn fields(lead: &Lead) -> Map<String, Value> {
    match crate::json::to_value(lead).expect("leads serialise") {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// The merge-relevant fields of a lead's JSON whose values differ between
/// `old` and `new` (absent counts as a value), plus `history` when the stage
/// history changed and `cleared:<field>` for fields whose conflicts were
/// dismissed or taken.
pub fn changed_fields(old: &Lead, new: &Lead) -> BTreeSet<String> {
    let (a, b) = (fields(old), fields(new));
    let mut out: BTreeSet<String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| !SPECIAL.contains(&k.as_str()))
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect();
    if old.history() != new.history() {
        out.insert(HISTORY.to_owned());
    }
    let fields_with =
        |l: &Lead| -> BTreeSet<String> { l.conflicts().iter().map(|c| c.field.clone()).collect() };
    for field in fields_with(old).difference(&fields_with(new)) {
        out.insert(cleared_key(field));
    }
    out
}

/// The stamp of a lead's creation (fields never written since carry it).
pub fn created_stamp(lead: &Lead) -> Stamp {
    Stamp::new(lead.created_at().timestamp_millis(), "")
}

/// One side of a merge.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The lead.
    pub lead: &'a Lead,
    /// Its stamps.
    pub stamps: &'a Stamps,
}

fn at_ms(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

fn history_key(c: &StageChange) -> (DateTime<Utc>, &str, &str, &str) {
    (
        c.at,
        c.to.as_str(),
        c.from.as_ref().map_or("", |s| s.as_str()),
        c.by.as_deref().unwrap_or(""),
    )
}

/// Merges two versions of one lead. `base`: the stamps of their last common
/// version, when known. `who`: the merging device ("user@device"), which
/// signs the conflicts it finds. Symmetric: `merge_lead(b, x, y, w)` and
/// `merge_lead(b, y, x, w)` give the same lead and stamps.
pub fn merge_lead(
    base: Option<&Stamps>,
    mine: Side<'_>,
    theirs: Side<'_>,
    who: &str,
) -> (Lead, Stamps) {
    let created = created_stamp(mine.lead).min(created_stamp(theirs.lead));
    let (fa, fb) = (fields(mine.lead), fields(theirs.lead));
    // Changed since the common version; without one, written since the
    // lead was created (a field never written is the same on every side).
    let changed = |side: &Side<'_>, key: &str| -> bool {
        let own = side.stamps.of(key, &created);
        match base {
            Some(b) => b.of(key, &created) != own,
            None => *own != created,
        }
    };
    let mut out = fa.clone();
    let mut stamps = Stamps::default();
    let mut found: Vec<FieldConflict> = Vec::new();
    let keys: BTreeSet<&String> = fa
        .keys()
        .chain(fb.keys())
        .filter(|k| !SPECIAL.contains(&k.as_str()))
        .collect();
    for key in keys {
        let (sa, sb) = (
            mine.stamps.of(key, &created),
            theirs.stamps.of(key, &created),
        );
        let (va, vb) = (fa.get(key), fb.get(key));
        // The winner: the later stamp; equal stamps with different values
        // (never written by this app) fall back to the larger JSON text.
        let b_wins = sb > sa
            || (sb == sa && va != vb && vb.map(Value::to_string) > va.map(Value::to_string));
        let (win, win_stamp, win_fields, lose, lose_stamp) = if b_wins {
            (vb, sb, &fb, va, sa)
        } else {
            (va, sa, &fa, vb, sb)
        };
        match win {
            Some(v) => out.insert(key.clone(), v.clone()),
            None => out.remove(key),
        };
        if key == "owner" {
            match win_fields.get("assigned_at") {
                Some(v) => out.insert("assigned_at".into(), v.clone()),
                None => out.remove("assigned_at"),
            };
        }
        if *win_stamp != created {
            stamps.0.insert(key.clone(), win_stamp.clone());
        }
        if va != vb && sa != sb && changed(&mine, key) && changed(&theirs, key) {
            found.push(FieldConflict {
                field: key.clone(),
                value: lose.cloned().unwrap_or(Value::Null),
                by: lose_stamp.person().to_owned(),
                at: at_ms(lose_stamp.ms),
                winner: win_stamp.person().to_owned(),
                found: String::new(),
            });
        }
    }

    // Stage history: the union, in a total order; the stage is where it ends.
    let mut history: Vec<StageChange> = mine.lead.history().to_vec();
    for c in theirs.lead.history() {
        if !history.contains(c) {
            history.push(c.clone());
        }
    }
    crate::sort::sort_by(&mut history, |x, y| history_key(x).cmp(&history_key(y)));
    let (ha, hb) = (
        mine.stamps.of(HISTORY, &created),
        theirs.stamps.of(HISTORY, &created),
    );
    let h = ha.max(hb).clone();
    if h != created {
        stamps.0.insert(HISTORY.to_owned(), h);
    }
    let (end_a, end_b) = (mine.lead.history().last(), theirs.lead.history().last());
    let a_moved_alone = mine
        .lead
        .history()
        .iter()
        .any(|c| !theirs.lead.history().contains(c));
    let b_moved_alone = theirs
        .lead
        .history()
        .iter()
        .any(|c| !mine.lead.history().contains(c));
    if let (Some(ea), Some(eb)) = (end_a, end_b)
        && ea.to != eb.to
        && a_moved_alone
        && b_moved_alone
        && changed(&mine, HISTORY)
        && changed(&theirs, HISTORY)
    {
        let (lose, lose_stamp, win_stamp) = if history_key(ea) < history_key(eb) {
            (ea, ha, hb)
        } else {
            (eb, hb, ha)
        };
        found.push(FieldConflict {
            field: "stage".into(),
            value: Value::from(lose.to.as_str()),
            by: lose
                .by
                .clone()
                .unwrap_or_else(|| lose_stamp.person().to_owned()),
            at: lose.at,
            winner: win_stamp.person().to_owned(),
            found: String::new(),
        });
    }
    let stage = history.last().map(|c| c.to.clone());
    out.insert(
        "history".into(),
        crate::json::to_value(&history).expect("history serialises"),
    );
    if let Some(stage) = stage {
        out.insert("stage".into(), Value::from(stage.as_str()));
    }

    // Conflicts: both sides' flags and the new ones, once each, minus those a
    // person dealt with (found before the field's `cleared:` stamp) and those
    // whose value is the field's value again.
    for key in mine.stamps.0.keys().chain(theirs.stamps.0.keys()) {
        if key.starts_with("cleared:") {
            let c = mine
                .stamps
                .0
                .get(key)
                .max(theirs.stamps.0.get(key))
                .cloned();
            if let Some(c) = c {
                stamps.0.insert(key.clone(), c);
            }
        }
    }
    let mut updated = mine.lead.updated_at().max(theirs.lead.updated_at());
    if !found.is_empty() {
        updated += chrono::TimeDelta::milliseconds(1);
        let stamp = Stamp::new(updated.timestamp_millis(), who).to_string();
        for f in &mut found {
            f.found = stamp.clone();
        }
    }
    let mut flags: BTreeMap<(String, DateTime<Utc>, String, String), FieldConflict> =
        BTreeMap::new();
    for f in mine
        .lead
        .conflicts()
        .iter()
        .chain(theirs.lead.conflicts())
        .chain(&found)
    {
        let key = (f.field.clone(), f.at, f.by.clone(), f.value.to_string());
        match flags.get(&key) {
            Some(old) if old.found.parse::<Stamp>().ok() >= f.found.parse::<Stamp>().ok() => {}
            _ => {
                flags.insert(key, f.clone());
            }
        }
    }
    let current = |field: &str| -> Value { out.get(field).cloned().unwrap_or(Value::Null) };
    let kept: Vec<FieldConflict> = flags
        .into_values()
        .filter(|f| {
            let cleared = stamps.0.get(&cleared_key(&f.field));
            let found = f.found.parse::<Stamp>().ok();
            cleared.is_none_or(|c| found.as_ref().is_some_and(|s| s > c))
        })
        .filter(|f| f.value != current(&f.field))
        .collect();
    out.insert(
        "conflicts".into(),
        crate::json::to_value(&kept).expect("conflicts serialise"),
    );
    if kept.is_empty() {
        out.remove("conflicts");
    }
    out.insert(
        "updated_at".into(),
        Value::from(updated.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
    );
    // Every field comes from a valid lead, so the merge is one too; should a
    // future field make that false, the later version is kept whole.
    let lead: Lead = crate::json::from_value(Value::Object(out)).unwrap_or_else(|_| {
        if theirs.lead.updated_at() > mine.lead.updated_at() {
            theirs.lead.clone()
        } else {
            mine.lead.clone()
        }
    });
    (lead, stamps)
}

/// Sibling revisions of one document (CouchDB `_conflicts`: a cluster, or
/// replicas that were apart), made one: the merge above folded over them in
/// the order of their revision ids, so every device that resolves them gets
/// the same document. Without a known common version, every field the
/// siblings disagree on counts as concurrent (shown to a person). The result
/// keeps the winning revision's `_rev` (the first sibling is CouchDB's
/// winner); the losing revisions are then deleted by the caller.
/// None for anything else: activities are immutable (their siblings are
/// the same activity, left as they are), other documents are not ours.
pub fn resolve(
    siblings: &[serde_json::Value],
    pipeline: &crate::domain::pipeline::Pipeline,
    who: &str,
) -> Option<serde_json::Value> {
    use super::doc::{self, Remote};
    let winner = siblings.first()?;
    let rev = winner["_rev"].as_str()?.to_owned();
    let mut ordered: Vec<&serde_json::Value> = siblings.iter().collect();
    crate::sort::sort_by(&mut ordered, |a, b| {
        a["_rev"].as_str().cmp(&b["_rev"].as_str())
    });
    let parsed: Vec<Remote> = ordered
        .iter()
        .filter_map(|d| doc::parse(d, pipeline).ok())
        .collect();
    match parsed.first()? {
        Remote::Lead { .. } => {
            let mut acc: Option<(Lead, Stamps)> = None;
            for r in &parsed {
                if let Remote::Lead { lead, stamps, .. } = r {
                    acc = Some(match acc {
                        None => ((**lead).clone(), stamps.clone()),
                        Some((l, s)) => merge_lead(
                            None,
                            Side {
                                lead: &l,
                                stamps: &s,
                            },
                            Side { lead, stamps },
                            who,
                        ),
                    });
                }
            }
            let (lead, stamps) = acc?;
            Some(doc::lead_doc(&lead, &stamps, Some(&rev)))
        }
        Remote::Settings { .. } => {
            let mut acc: Option<(Settings, Stamps)> = None;
            for r in &parsed {
                if let Remote::Settings {
                    settings, stamps, ..
                } = r
                {
                    acc = Some(match acc {
                        None => ((**settings).clone(), stamps.clone()),
                        Some((s, st)) => merge_settings((&s, &st), (settings, stamps)),
                    });
                }
            }
            let (settings, stamps) = acc?;
            Some(doc::settings_doc(&settings, &stamps, Some(&rev)))
        }
        _ => None,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
