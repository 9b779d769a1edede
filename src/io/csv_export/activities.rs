//! Every activity of some leads to CSV: the call history with what was
//! noted, one row per activity, oldest first per lead, for a spreadsheet
//! or an audit. The same file rules as the leads' (UTF-8 with a BOM, every
//! cell guarded against formulas, times in the workspace's timezone with
//! their offset); a note keeps its line breaks inside its quoted cell.

use super::{neutralise, rep_name};
use crate::domain::activity::{Activity, ActivityKind, Channel, Direction, Outcome};
use crate::domain::lead::Lead;
use crate::domain::workspace::Settings;

const HEADER: [&str; 9] = [
    "Lead ID",
    "Lead",
    "When",
    "Type",
    "Direction",
    "Outcome",
    "Rep",
    "Logged by",
    "Note",
];

fn kind(k: ActivityKind) -> &'static str {
    match k {
        ActivityKind::Call => "call",
        ActivityKind::Message(Channel::Sms) => "sms",
        ActivityKind::Message(Channel::Zalo) => "zalo",
        ActivityKind::Message(Channel::Email) => "e-mail",
        ActivityKind::Message(Channel::Chat) => "chat",
        ActivityKind::Meeting => "meeting",
        ActivityKind::Note => "note",
        ActivityKind::Audit => "audit",
    }
}

fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Connected => "connected",
        Outcome::NoAnswer => "no answer",
        Outcome::Busy => "busy",
        Outcome::WrongNumber => "wrong number",
        Outcome::Replied => "replied",
        Outcome::Resolved => "resolved",
        Outcome::Sent => "sent",
    }
}

/// The activities of `leads` (each with its activities, any order) as CSV.
pub fn export_activities_csv<'a>(
    leads: impl IntoIterator<Item = (&'a Lead, &'a [Activity])>,
    settings: &Settings,
) -> Vec<u8> {
    let tz = settings.calendar.tz();
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(HEADER)
            .expect("writing to memory cannot fail");
        for (lead, acts) in leads {
            let mut acts: Vec<&Activity> = acts.iter().collect();
            crate::sort::sort_by_key(&mut acts, |a| a.at);
            for a in acts {
                // A note has no direction or outcome.
                let (dir, how) = if a.kind.has_direction() {
                    let dir = match a.direction {
                        Direction::Outbound => "outbound",
                        Direction::Inbound => "inbound",
                    };
                    (dir, outcome(a.outcome))
                } else {
                    // An audit's outcome is its verdict.
                    let verdict = crate::domain::audit::Verdict::of(a).map(|v| {
                        if v.passed {
                            "audit passed"
                        } else {
                            "audit failed"
                        }
                    });
                    ("", verdict.unwrap_or_default())
                };
                let row = [
                    lead.id().to_string(),
                    lead.name().to_owned(),
                    a.at.with_timezone(&tz).to_rfc3339(),
                    kind(a.kind).to_owned(),
                    dir.to_owned(),
                    how.to_owned(),
                    a.rep
                        .as_ref()
                        .map(|id| rep_name(settings, id))
                        .unwrap_or_default(),
                    a.by.as_deref().unwrap_or_default().to_owned(),
                    a.note.as_deref().unwrap_or_default().to_owned(),
                ];
                let row: Vec<String> = row.iter().map(|c| neutralise(c)).collect();
                w.write_record(&row).expect("writing to memory cannot fail");
            }
        }
        w.flush().expect("writing to memory cannot fail");
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::test_support::{call, lead};

    #[test]
    fn notes_travel_with_their_line_breaks_and_never_as_formulas() {
        let l = lead(1);
        let mut first = call(&l, 30);
        first.note = Some("=HYPERLINK(\"x\")".into());
        first.by = Some("admin".into());
        let mut note = call(&l, 5);
        note.kind = ActivityKind::Note;
        (note.direction, note.outcome) = Activity::NOTE_SHAPE;
        note.note = Some("Khách hẹn gọi lại\nthứ Hai, \"căn 2 phòng\"".into());
        let verdict = crate::domain::audit::Verdict {
            of: crate::domain::audit::key(&first),
            of_at: first.at,
            passed: false,
            checks: Vec::new(),
            draw: crate::domain::audit::Draw {
                seed: 7,
                from: first.at,
                to: first.at,
                per_rep: 1,
            },
        };
        let audit = verdict.record(l.id(), &first, "no such call", Some("hoa"), first.at);
        let acts = vec![first, note, audit];
        let settings = crate::domain::workspace::Workspace::default().settings();
        let bytes = export_activities_csv([(&l, acts.as_slice())], &settings);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        assert_eq!(rows.len(), 3);
        // An audit: its verdict in the outcome's column, the auditor's note.
        assert_eq!(rows[2][3..6], ["audit", "", "audit failed"]);
        assert_eq!(rows[2][8], "no such call");
        // Oldest first; a note has no direction or outcome.
        assert_eq!(rows[0][3..6], ["note", "", ""]);
        assert_eq!(rows[0][8], "Khách hẹn gọi lại\nthứ Hai, \"căn 2 phòng\"");
        assert_eq!(rows[1][3..6], ["call", "outbound", "no answer"]);
        assert_eq!(rows[1][7], "admin");
        assert_eq!(rows[1][8], "'=HYPERLINK(\"x\")", "guarded");
    }
}
