//! Leads to CSV for spreadsheets: UTF-8 with a BOM (so Excel shows Vietnamese
//! correctly), one row per lead, custom fields as extra columns.
//!
//! Every cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! is prefixed with `'` so a spreadsheet shows it as text instead of running
//! it as a formula (OWASP "CSV injection"). Phone numbers are written so
//! that they need no guard and stay text: the workspace country's numbers
//! in their national form with spaces (`0912 345 678`: the spaces keep the
//! leading zero), others as `(+1) 212 555 0147`; both read back as the
//! same number. Columns have people's names, each once (a custom field
//! named like a column gets ` (2)`); the owner and the stage are written by
//! name, times in the workspace's timezone with their offset.

use crate::domain::contact::{Country, Phone};
use crate::domain::lead::{Lead, LossKind};
use crate::domain::workspace::Settings;
use std::collections::BTreeSet;

const FIXED: [&str; 15] = [
    "Lead ID",
    "Created",
    "Name",
    "Phone",
    "Email",
    "Source",
    "Campaign",
    "Stage",
    "Owner",
    "Priority",
    "Value (VND)",
    "Closed as",
    "Reason",
    "CSAT",
    "Phone as typed",
];

/// A phone as a spreadsheet keeps it: text that is no formula (see the
/// module docs).
fn phone_cell(p: &Phone, home: Country) -> String {
    match p.country() {
        Some(c) if c == home => p.shown_in(home),
        Some(c) => format!("(+{}) {}", c.code(), &p.e164()[1 + c.code().len()..]),
        None => format!("({})", p.e164()),
    }
}

/// A rep's name as the workspace's settings give it (its id when unknown).
fn rep_name(settings: &Settings, id: &crate::domain::rep::RepId) -> String {
    settings
        .reps
        .iter()
        .find(|r| &r.id == id)
        .map_or(id.to_string(), |r| r.name.clone())
}

/// Makes a cell safe to open in a spreadsheet.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Undoes [`neutralise`]: drops a `'` that guards a formula character, so a
/// file exported here (or protected the same way by hand) imports unchanged.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// The CSV bytes (UTF-8 with BOM) for `leads` of a workspace with these
/// `settings` (its stages, reps, timezone and country).
pub fn export_csv<'a>(
    leads: impl IntoIterator<Item = &'a Lead> + Clone,
    settings: &Settings,
) -> Vec<u8> {
    let pipeline = &settings.pipeline;
    let tz = settings.calendar.tz();
    let custom: BTreeSet<&str> = leads
        .clone()
        .into_iter()
        .flat_map(|l| l.custom().keys().map(String::as_str))
        .collect();
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let mut header: Vec<String> = FIXED.iter().map(|s| (*s).to_owned()).collect();
        for c in &custom {
            let mut name = (*c).to_owned();
            let mut n = 2;
            while header.iter().any(|h| h.eq_ignore_ascii_case(&name)) {
                name = format!("{c} ({n})");
                n += 1;
            }
            header.push(name);
        }
        let header: Vec<String> = header.iter().map(|c| neutralise(c)).collect();
        w.write_record(&header)
            .expect("writing to memory cannot fail");
        for lead in leads {
            let stage = pipeline
                .stage(lead.stage())
                .map_or(lead.stage().to_string(), |s| s.name.clone());
            let owner = lead
                .owner()
                .map_or(String::new(), |id| rep_name(settings, id));
            let (closed_as, reason) = match lead.closure() {
                Some(c) => (
                    if c.kind == LossKind::Junk {
                        "junk"
                    } else {
                        "lost"
                    },
                    c.reason.as_str(),
                ),
                None => ("", ""),
            };
            let mut row: Vec<String> = vec![
                lead.id().to_string(),
                lead.created_at().with_timezone(&tz).to_rfc3339(),
                lead.name().to_owned(),
                lead.phone()
                    .map(|p| phone_cell(p, settings.country))
                    .unwrap_or_default(),
                lead.email().map(|e| e.to_string()).unwrap_or_default(),
                lead.source().to_owned(),
                lead.campaign().to_owned(),
                stage,
                owner,
                format!("{:?}", lead.priority()).to_lowercase(),
                lead.value().map(|v| v.to_string()).unwrap_or_default(),
                closed_as.to_owned(),
                reason.to_owned(),
                lead.csat()
                    .map(|c| c.score().to_string())
                    .unwrap_or_default(),
                lead.phone().map(|p| p.raw().to_owned()).unwrap_or_default(),
            ];
            row.extend(
                custom
                    .iter()
                    .map(|k| lead.custom().get(*k).cloned().unwrap_or_default()),
            );
            let row: Vec<String> = row.iter().map(|c| neutralise(c)).collect();
            w.write_record(&row).expect("writing to memory cannot fail");
        }
        w.flush().expect("writing to memory cannot fail");
    }
    out
}

mod activities;
mod care;
mod rewards;

pub use activities::export_activities_csv;
pub use care::export_care_csv;
pub use rewards::{RewardRow, export_rewards_csv};
