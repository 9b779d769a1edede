//! The care report to CSV (issue 30): one row per lead, then one per
//! campaign and the total — for Marketing's spreadsheet or a meeting. The
//! same file rules as the leads' (UTF-8 with a BOM, every cell guarded
//! against formulas, times in the workspace's timezone with their offset);
//! durations in minutes (business minutes for the SLA's clocks, calendar
//! minutes for the longest wait), so a spreadsheet can sum them.

use super::{neutralise, rep_name};
use crate::domain::care::{Breach, CareOutcome, CareReport, CareSum, FirstResponse};
use crate::domain::lead::{Lead, LeadId, LossKind};
use crate::domain::workspace::Settings;

const HEADER: [&str; 16] = [
    "Row",
    "Lead ID",
    "Lead",
    "Source",
    "Campaign",
    "Owner",
    "Arrived",
    "First response",
    "First response status",
    "First response minutes (business)",
    "Late by minutes (business)",
    "Tries",
    "Tries required",
    "Try times",
    "Longest wait without a try, minutes (calendar)",
    "Outcome",
];

const MORE: [&str; 4] = [
    "Reason or stage",
    "Breaches",
    "Audits passed",
    "Audits failed",
];

const SUMS: [&str; 14] = [
    "Leads",
    "Responded",
    "On time",
    "No response, overdue",
    "Median first response minutes (business)",
    "Tries rule kept",
    "Tries rule missed",
    "Leads with a breach",
    "Won",
    "Lost",
    "Junk",
    "Open",
    "Audits passed",
    "Audits failed",
];

fn breach(b: &Breach) -> String {
    match b {
        Breach::LateResponse => "first response late".into(),
        Breach::NoResponse => "no first response".into(),
        Breach::TriesMissed => "too few tries in time".into(),
        Breach::TooManyTries => "too many tries".into(),
        Breach::TooClose(1) => "1 try too close to the one before".into(),
        Breach::TooClose(n) => format!("{n} tries too close to the one before"),
        Breach::Untouched => "left untouched past the reassignment limit".into(),
    }
}

fn minutes(d: Option<chrono::TimeDelta>) -> String {
    d.map(|d| d.num_minutes().to_string()).unwrap_or_default()
}

fn sum_cells(s: &CareSum) -> Vec<String> {
    [
        s.leads.to_string(),
        s.responded.to_string(),
        s.on_time.to_string(),
        s.missed.to_string(),
        s.median_response
            .map(|d| d.num_minutes().to_string())
            .unwrap_or_default(),
        s.tries_kept.to_string(),
        s.tries_missed.to_string(),
        s.breached.to_string(),
        s.won.to_string(),
        s.lost.to_string(),
        s.junk.to_string(),
        s.open.to_string(),
        s.audits_passed.to_string(),
        s.audits_failed.to_string(),
    ]
    .to_vec()
}

/// The report's CSV bytes; `lead` finds a lead by id (for its name,
/// source, campaign and owner).
pub fn export_care_csv<'a>(
    report: &CareReport,
    lead: impl Fn(LeadId) -> Option<&'a Lead>,
    settings: &Settings,
) -> Vec<u8> {
    let tz = settings.calendar.tz();
    let time = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&tz).to_rfc3339();
    let width = HEADER.len() + MORE.len() + SUMS.len();
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let header: Vec<&str> = HEADER.iter().chain(&MORE).chain(&SUMS).copied().collect();
        w.write_record(&header)
            .expect("writing to memory cannot fail");
        for r in &report.rows {
            let Some(l) = lead(r.lead) else { continue };
            let (at, status, used, late) = match r.first_response {
                FirstResponse::OnTime(at, _) => (
                    time(at),
                    "on time",
                    minutes(r.responded_after),
                    String::new(),
                ),
                FirstResponse::Late(at, over) => (
                    time(at),
                    "late",
                    minutes(r.responded_after),
                    over.num_minutes().to_string(),
                ),
                FirstResponse::Missed(over) => (
                    String::new(),
                    "missed",
                    String::new(),
                    over.num_minutes().to_string(),
                ),
                FirstResponse::Due => (String::new(), "not due yet", String::new(), String::new()),
                FirstResponse::NotAsked => {
                    (String::new(), "not asked", String::new(), String::new())
                }
            };
            let (outcome, why) = match &r.outcome {
                CareOutcome::Open(_, stage) => ("open", stage.clone()),
                CareOutcome::Won => ("won", String::new()),
                CareOutcome::Closed(LossKind::Junk, reason) => ("junk", reason.clone()),
                CareOutcome::Closed(LossKind::Lost, reason) => ("lost", reason.clone()),
            };
            let mut row = vec![
                "lead".to_owned(),
                l.id().to_string(),
                l.name().to_owned(),
                l.source().to_owned(),
                l.campaign().to_owned(),
                l.owner()
                    .map(|id| rep_name(settings, id))
                    .unwrap_or_default(),
                time(r.arrived),
                at,
                status.to_owned(),
                used,
                late,
                r.tries.len().to_string(),
                r.required.to_string(),
                r.tries
                    .iter()
                    .map(|t| time(*t))
                    .collect::<Vec<_>>()
                    .join("; "),
                r.longest_wait
                    .map(|d| d.num_minutes().to_string())
                    .unwrap_or_default(),
                outcome.to_owned(),
                why,
                r.breaches.iter().map(breach).collect::<Vec<_>>().join("; "),
                r.audits.0.to_string(),
                r.audits.1.to_string(),
            ];
            row.resize(width, String::new());
            let row: Vec<String> = row.iter().map(|c| neutralise(c)).collect();
            w.write_record(&row).expect("writing to memory cannot fail");
        }
        let sums = report
            .campaigns
            .iter()
            .map(|(c, s)| ("campaign", c.as_str(), s))
            .chain([("total", "", &report.total)]);
        for (kind, campaign, s) in sums {
            let mut row = vec![String::new(); HEADER.len() + MORE.len()];
            row[0] = kind.to_owned();
            row[4] = campaign.to_owned();
            row.extend(sum_cells(s));
            let row: Vec<String> = row.iter().map(|c| neutralise(c)).collect();
            w.write_record(&row).expect("writing to memory cannot fail");
        }
        w.flush().expect("writing to memory cannot fail");
    }
    out
}
