use super::*;
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap()
}

#[test]
fn same_seed_same_workspace() {
    assert_eq!(generate(7, 300, 5, now()), generate(7, 300, 5, now()));
    assert_ne!(
        generate(7, 300, 5, now()).leads,
        generate(8, 300, 5, now()).leads
    );
}

#[test]
fn generated_workspaces_look_like_real_ones() {
    let ws = generate(42, 2_000, 8, now());
    let pipeline = &ws.pipeline;
    assert_eq!(ws.leads.len(), 2_000);
    assert_eq!(ws.reps.len(), 8);
    let share = |n: usize| n as f64 / ws.leads.len() as f64;
    let junk = share(ws.leads.iter().filter(|l| l.is_junk()).count());
    assert!((0.07..0.2).contains(&junk), "junk share {junk}");
    let won = share(
        ws.leads
            .iter()
            .filter(|l| l.stage().as_str() == "won")
            .count(),
    );
    assert!((0.01..0.2).contains(&won), "won share {won}");
    assert!(
        ws.leads
            .iter()
            .all(|l| l.created_at() < now() && l.updated_at() <= now())
    );
    assert!(ws.activities.iter().all(|a| a.at < now()));
    assert!(
        ws.leads
            .iter()
            .all(|l| l.phone().is_some_and(|p| p.e164().starts_with("+84")))
    );
    let per_lead = ws.activities.len() as f64 / ws.leads.len() as f64;
    assert!(
        (1.5..12.0).contains(&per_lead),
        "activities per lead {per_lead}"
    );
    for lead in &ws.leads {
        assert_eq!(lead.history().last().map(|c| &c.to), Some(lead.stage()));
        assert!(pipeline.stage(lead.stage()).is_some());
    }
    let json = serde_json::to_string(&ws).unwrap();
    assert_eq!(serde_json::from_str::<Workspace>(&json).unwrap(), ws);
}

#[test]
fn a_vietnamese_sample_has_vietnamese_loss_reasons() {
    let reasons = |ws: &Workspace| -> Vec<String> {
        ws.leads
            .iter()
            .filter_map(|l| l.closure().map(|c| c.reason.clone()))
            .collect()
    };
    let vi = generate_in(42, 1_000, 6, now(), &Reasons::VI);
    let said = reasons(&vi);
    assert!(!said.is_empty());
    let known: Vec<&str> = Reasons::VI
        .lost
        .iter()
        .chain(&Reasons::VI.junk)
        .copied()
        .collect();
    assert!(said.iter().all(|r| known.contains(&r.as_str())), "{said:?}");
    assert!(said.iter().any(|r| Reasons::VI.lost.contains(&r.as_str())));
    assert!(!said.iter().any(|r| Reasons::EN.lost.contains(&r.as_str())));
    // The same workspace but for its words; English stays the default.
    let en = generate(42, 1_000, 6, now());
    assert_eq!(reasons(&en).len(), said.len());
    assert!(
        reasons(&en)
            .iter()
            .any(|r| r == "price too high" || r == "wrong number")
    );
}
