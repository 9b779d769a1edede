//! The workspace as CouchDB documents (see `docs/backup-format.md`, "the
//! same records in CouchDB").
//!
//! - one document per lead, `lead:<lead id>`: the lead's backup JSON, plus
//!   `type`, `format` and `stamps` (when each field was last written, by whom);
//! - one **immutable** document per activity, `act:<lead id>:<hash>`: the
//!   activity's backup JSON. The id is derived from the content (FNV-1a of its
//!   JSON, plus `-2`, `-3`… for identical activities of one lead), so the same
//!   activity gets the same id on every device and is never duplicated;
//! - one settings document, `settings`: pipeline, calendar, policies, reps,
//!   targets, with per-part stamps;
//! - the design document `_design/leadpact` (the role guard, `sync::roles`).
//!
//! A received document is checked like a backup record (`Lead::check` against
//! the pipeline) and refused with a [`Skip`] when it is invalid or written by
//! a newer version of the document format.

use super::stamp::Stamps;
use crate::domain::activity::Activity;
use crate::domain::lead::{Lead, LeadId};
use crate::domain::pipeline::Pipeline;
use crate::domain::workspace::Settings;
use serde_json::{Map, Value, json};
use std::fmt;

/// The document format this version writes and reads; documents with a
/// higher `format` are skipped (a newer app wrote them).
pub const FORMAT: u64 = 1;

/// The id of the settings document.
pub const SETTINGS: &str = "settings";

/// The id of the design document holding the role guard.
pub const DESIGN: &str = "_design/leadpact";

/// What a document id names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocId {
    /// `lead:<id>`.
    Lead(LeadId),
    /// `act:<lead id>:<hash>`.
    Activity(LeadId, String),
    /// `settings`.
    Settings,
    /// Anything else (design documents, foreign documents): ignored.
    Other(String),
}

impl DocId {
    /// Reads an id.
    pub fn parse(id: &str) -> DocId {
        if let Some(rest) = id.strip_prefix("lead:") {
            if let Ok(lead) = rest.parse() {
                return DocId::Lead(lead);
            }
        } else if let Some(rest) = id.strip_prefix("act:") {
            if let Some((lead, _)) = rest.split_once(':')
                && let Ok(lead) = lead.parse()
            {
                return DocId::Activity(lead, id.to_owned());
            }
        } else if id == SETTINGS {
            return DocId::Settings;
        }
        DocId::Other(id.to_owned())
    }

    /// The lead a lead or activity document belongs to.
    pub fn lead(&self) -> Option<LeadId> {
        match self {
            DocId::Lead(l) | DocId::Activity(l, _) => Some(*l),
            _ => None,
        }
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocId::Lead(l) => write!(f, "lead:{l}"),
            DocId::Activity(_, id) | DocId::Other(id) => f.write_str(id),
            DocId::Settings => f.write_str(SETTINGS),
        }
    }
}

/// The document id of a lead.
pub fn lead_id(lead: LeadId) -> String {
    format!("lead:{lead}")
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The document ids of one lead's activities, in the same order: derived
/// from each activity's JSON, identical activities numbered in order.
pub fn activity_ids<'a>(acts: impl IntoIterator<Item = &'a Activity>) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    acts.into_iter()
        .map(|a| {
            let json = serde_json::to_string(a).expect("activities serialise");
            let base = format!("act:{}:{:016x}", a.lead, fnv1a(json.as_bytes()));
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { base } else { format!("{base}-{n}") }
        })
        .collect()
}

fn with_header(mut body: Value, id: &str, kind: &str, rev: Option<&str>) -> Value {
    if let Some(obj) = body.as_object_mut() {
        let mut out = Map::with_capacity(obj.len() + 4);
        out.insert("_id".into(), Value::from(id));
        if let Some(rev) = rev {
            out.insert("_rev".into(), Value::from(rev));
        }
        out.insert("type".into(), Value::from(kind));
        out.insert("format".into(), Value::from(FORMAT));
        out.append(obj);
        return Value::Object(out);
    }
    body
}

/// A lead's document.
pub fn lead_doc(lead: &Lead, stamps: &Stamps, rev: Option<&str>) -> Value {
    let mut doc = with_header(
        crate::json::to_value(lead).expect("leads serialise"),
        &lead_id(lead.id()),
        "lead",
        rev,
    );
    doc["stamps"] = crate::json::to_value(stamps).expect("stamps serialise");
    doc
}

/// An activity's document.
pub fn activity_doc(id: &str, activity: &Activity) -> Value {
    with_header(
        crate::json::to_value(activity).expect("activities serialise"),
        id,
        "activity",
        None,
    )
}

/// The settings document.
pub fn settings_doc(settings: &Settings, stamps: &Stamps, rev: Option<&str>) -> Value {
    let mut doc = with_header(
        crate::json::to_value(settings).expect("settings serialise"),
        SETTINGS,
        "settings",
        rev,
    );
    doc["stamps"] = crate::json::to_value(stamps).expect("stamps serialise");
    doc
}

/// A deletion.
pub fn tombstone(id: &str, rev: Option<&str>) -> Value {
    let mut doc = json!({ "_id": id, "_deleted": true });
    if let Some(rev) = rev {
        doc["_rev"] = Value::from(rev);
    }
    doc
}

/// A document received from the server, checked.
#[derive(Clone, Debug, PartialEq)]
pub enum Remote {
    /// A lead with its field stamps.
    Lead {
        /// The revision.
        rev: String,
        /// The lead.
        lead: Box<Lead>,
        /// When each field was written.
        stamps: Stamps,
    },
    /// An activity.
    Activity {
        /// Its document id.
        id: String,
        /// The activity.
        activity: Activity,
    },
    /// The settings.
    Settings {
        /// The revision.
        rev: String,
        /// The settings.
        settings: Box<Settings>,
        /// When each part was written.
        stamps: Stamps,
    },
    /// A deleted document.
    Deleted {
        /// Which one.
        id: DocId,
        /// The deletion's revision.
        rev: String,
    },
    /// Not a document of ours (design documents, foreign documents).
    Ignored,
}

/// Why a received document was not applied. Local data is left untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skip {
    /// The document.
    pub id: String,
    /// Why.
    pub reason: SkipReason,
}

/// Why a document is skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A newer version of Leadpact wrote it (its `format`).
    Newer(u64),
    /// It breaks a rule every lead keeps, or is not well formed.
    Invalid(String),
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            SkipReason::Newer(v) => write!(
                f,
                "{}: written by a newer version of Leadpact (format {v}); update this app to see it",
                self.id
            ),
            SkipReason::Invalid(why) => write!(f, "{}: {why}", self.id),
        }
    }
}

const HEADER: [&str; 8] = [
    "_id",
    "_rev",
    "_conflicts",
    "_revisions",
    "_attachments",
    "type",
    "format",
    "stamps",
];

/// Reads one document from the server (`pipeline`: the one its lead must fit).
pub fn parse(doc: &Value, pipeline: &Pipeline) -> Result<Remote, Skip> {
    let id = doc["_id"].as_str().unwrap_or_default().to_owned();
    let skip = |reason| Skip {
        id: id.clone(),
        reason,
    };
    let rev = doc["_rev"].as_str().unwrap_or_default().to_owned();
    let kind = DocId::parse(&id);
    if doc["_deleted"].as_bool() == Some(true) {
        return Ok(match kind {
            DocId::Other(_) => Remote::Ignored,
            id => Remote::Deleted { id, rev },
        });
    }
    if matches!(kind, DocId::Other(_)) {
        return Ok(Remote::Ignored);
    }
    match doc["format"].as_u64() {
        Some(v) if v > FORMAT => return Err(skip(SkipReason::Newer(v))),
        Some(_) => {}
        None => return Err(skip(SkipReason::Invalid("it has no format version".into()))),
    }
    let stamps: Stamps = match doc.get("stamps") {
        None | Some(Value::Null) => Stamps::default(),
        Some(s) => crate::json::from_value(s.clone()).map_err(|e| {
            skip(SkipReason::Invalid(format!(
                "its stamps are unreadable: {e}"
            )))
        })?,
    };
    let mut body = doc.clone();
    if let Some(obj) = body.as_object_mut() {
        for key in HEADER {
            obj.remove(key);
        }
    }
    let invalid = |e: serde_json::Error| skip(SkipReason::Invalid(e.to_string()));
    match kind {
        DocId::Lead(expected) => {
            let lead: Lead = crate::json::from_value(body).map_err(invalid)?;
            if lead.id() != expected {
                return Err(skip(SkipReason::Invalid(
                    "its id does not match the lead inside".into(),
                )));
            }
            lead.check(pipeline)
                .map_err(|e| skip(SkipReason::Invalid(e.to_string())))?;
            Ok(Remote::Lead {
                rev,
                lead: Box::new(lead),
                stamps,
            })
        }
        DocId::Activity(lead, id) => {
            let activity: Activity = crate::json::from_value(body).map_err(invalid)?;
            if activity.lead != lead {
                return Err(skip(SkipReason::Invalid(
                    "its id names another lead than the activity".into(),
                )));
            }
            Ok(Remote::Activity { id, activity })
        }
        DocId::Settings => {
            let settings: Settings = crate::json::from_value(body).map_err(invalid)?;
            crate::domain::calendar::BusinessCalendar::new(settings.calendar.clone())
                .map_err(|e| skip(SkipReason::Invalid(e.to_string())))?;
            Ok(Remote::Settings {
                rev,
                settings: Box::new(settings),
                stamps,
            })
        }
        DocId::Other(_) => Ok(Remote::Ignored),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::test_support::call;
    use crate::domain::workspace::Workspace;

    fn lead() -> Lead {
        crate::domain::test_support::lead(7)
    }

    #[test]
    fn documents_round_trip_and_carry_the_backup_json() {
        let l = lead();
        let stamps = Stamps::default();
        let doc = lead_doc(&l, &stamps, Some("3-abc"));
        assert_eq!(doc["_id"], "lead:00000000-0000-0000-0000-000000000007");
        assert_eq!(doc["name"], "Nguyễn An", "the backup fields, flattened");
        assert_eq!(doc["type"], "lead");
        let pipeline = Pipeline::default();
        match parse(&doc, &pipeline).unwrap() {
            Remote::Lead { rev, lead, .. } => {
                assert_eq!(rev, "3-abc");
                assert_eq!(*lead, l);
            }
            other => panic!("{other:?}"),
        }
        let s = Workspace::default().settings();
        let doc = settings_doc(&s, &stamps, None);
        assert!(
            matches!(parse(&doc, &pipeline).unwrap(), Remote::Settings { settings, .. } if *settings == s)
        );
        let acts = [call(&l, 1), call(&l, 1), call(&l, 2)];
        let ids = activity_ids(&acts);
        assert_eq!(
            ids[1],
            format!("{}-2", ids[0]),
            "identical activities numbered"
        );
        assert_ne!(ids[0], ids[2]);
        assert_eq!(
            ids,
            activity_ids(&acts),
            "ids are a function of the content"
        );
        let doc = activity_doc(&ids[2], &acts[2]);
        assert!(
            matches!(parse(&doc, &pipeline).unwrap(), Remote::Activity { activity, .. } if activity == acts[2])
        );
    }

    #[test]
    fn invalid_and_newer_documents_are_skipped_with_a_reason() {
        let pipeline = Pipeline::default();
        let mut doc = lead_doc(&lead(), &Stamps::default(), Some("1-a"));
        doc["format"] = Value::from(2);
        assert_eq!(
            parse(&doc, &pipeline).unwrap_err().reason,
            SkipReason::Newer(2)
        );
        let mut doc = lead_doc(&lead(), &Stamps::default(), Some("1-a"));
        doc["name"] = Value::from("  ");
        let skip = parse(&doc, &pipeline).unwrap_err();
        assert_eq!(
            skip.to_string(),
            "lead:00000000-0000-0000-0000-000000000007: the name is empty"
        );
        let mut doc = lead_doc(&lead(), &Stamps::default(), Some("1-a"));
        doc["stage"] = Value::from("nowhere");
        assert!(parse(&doc, &pipeline).is_err());
        let deleted = json!({"_id": "lead:00000000-0000-0000-0000-000000000007", "_rev": "2-b", "_deleted": true});
        assert!(matches!(
            parse(&deleted, &pipeline).unwrap(),
            Remote::Deleted { .. }
        ));
        assert_eq!(
            parse(&json!({"_id": "_design/x"}), &pipeline).unwrap(),
            Remote::Ignored
        );
    }
}
