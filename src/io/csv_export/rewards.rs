//! The month's reward statements to CSV (issue 30), for payroll: one row
//! per line of each statement, then the statement's total; amounts as
//! plain whole numbers of the plan's currency, so a spreadsheet sums them.
//! The words of each line are the ones the screen showed (the person's
//! language); every text cell is guarded against formulas.

use super::neutralise;

const HEADER: [&str; 7] = [
    "Month", "Team", "Person", "Line", "Amount", "Currency", "Leads",
];

/// One row: whose statement (team, person — empty for the team's own),
/// the line's words (or "Total"), its amount and the leads it counts.
pub struct RewardRow {
    /// "Sales" or "Marketing".
    pub team: String,
    /// The person (empty: the team's statement).
    pub person: String,
    /// What the line is, in words.
    pub line: String,
    /// Whole units of the currency (negative: taken).
    pub amount: i64,
    /// Leads the line counts.
    pub leads: usize,
}

/// The CSV bytes (UTF-8 with a BOM) of `rows` for `month` (`2026-03`).
pub fn export_rewards_csv(month: &str, currency: &str, rows: &[RewardRow]) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(HEADER)
            .expect("writing to memory cannot fail");
        for r in rows {
            w.write_record([
                neutralise(month),
                neutralise(&r.team),
                neutralise(&r.person),
                neutralise(&r.line),
                r.amount.to_string(),
                neutralise(currency),
                r.leads.to_string(),
            ])
            .expect("writing to memory cannot fail");
        }
        w.flush().expect("writing to memory cannot fail");
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn amounts_stay_numbers_and_words_are_guarded() {
        let rows = [RewardRow {
            team: "Sales".into(),
            person: "=Lan".into(),
            line: "1 lead with a breached SLA clock × ₫100,000".into(),
            amount: -100_000,
            leads: 1,
        }];
        let text = String::from_utf8(export_rewards_csv("2026-03", "VND", &rows)).unwrap();
        assert_eq!(
            text,
            "\u{feff}Month,Team,Person,Line,Amount,Currency,Leads\n2026-03,Sales,'=Lan,\"1 lead with a breached SLA clock × ₫100,000\",-100000,VND,1\n"
        );
    }
}
