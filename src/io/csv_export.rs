//! Leads to CSV for spreadsheets: UTF-8 with a BOM (so Excel shows Vietnamese
//! correctly), one row per lead, custom fields as extra columns.
//!
//! Every cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! is prefixed with `'` so a spreadsheet shows it as text instead of running
//! it as a formula (OWASP "CSV injection"). Phone numbers therefore appear as
//! `'+84…`; the E.164 form is still exact after the quote.

use crate::domain::lead::{Lead, LossKind};
use crate::domain::pipeline::Pipeline;
use std::collections::BTreeSet;

const FIXED: [&str; 15] = [
    "id",
    "created_at",
    "name",
    "phone",
    "email",
    "source",
    "campaign",
    "stage",
    "owner",
    "priority",
    "value_vnd",
    "closed_as",
    "reason",
    "csat",
    "phone_as_typed",
];

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

/// The CSV bytes (UTF-8 with BOM) for `leads`.
pub fn export_csv<'a>(
    leads: impl IntoIterator<Item = &'a Lead> + Clone,
    pipeline: &Pipeline,
) -> Vec<u8> {
    let custom: BTreeSet<&str> = leads
        .clone()
        .into_iter()
        .flat_map(|l| l.custom().keys().map(String::as_str))
        .collect();
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let header: Vec<String> = FIXED
            .iter()
            .map(|s| (*s).to_owned())
            .chain(custom.iter().map(|c| neutralise(c)))
            .collect();
        w.write_record(&header)
            .expect("writing to memory cannot fail");
        for lead in leads {
            let stage = pipeline
                .stage(lead.stage())
                .map_or(lead.stage().to_string(), |s| s.name.clone());
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
                lead.created_at().to_rfc3339(),
                lead.name().to_owned(),
                lead.phone()
                    .map(|p| p.e164().to_owned())
                    .unwrap_or_default(),
                lead.email().map(|e| e.to_string()).unwrap_or_default(),
                lead.source().to_owned(),
                lead.campaign().to_owned(),
                stage,
                lead.owner().map(|o| o.to_string()).unwrap_or_default(),
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
