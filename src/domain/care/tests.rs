use super::*;
use crate::domain::activity::{ActivityKind, Direction, Outcome};
use crate::domain::lead::{Closure, LeadDraft};
use crate::domain::queue::all_clocks;
use crate::domain::rep::RepId;
use crate::domain::test_support::vn;
use crate::domain::workspace::{Prepared, Workspace};

fn lead(ws: &Workspace, n: u128, campaign: &str, at: &str) -> Lead {
    let draft = LeadDraft {
        name: format!("L{n}"),
        phone: "0912345678".into(),
        source: "facebook".into(),
        ..LeadDraft::default()
    };
    let mut l = Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::from_u128(n)),
        vn(at),
        &ws.pipeline,
    )
    .unwrap();
    l.set_campaign(campaign, vn(at));
    l
}

fn call(lead: &Lead, at: &str, outcome: Outcome) -> Activity {
    Activity {
        lead: lead.id(),
        at: vn(at),
        kind: ActivityKind::Call,
        direction: Direction::Outbound,
        outcome,
        rep: Some(RepId::new("an")),
        note: None,
        by: None,
        extra: Default::default(),
    }
}

/// Monday 2026-03-02 in Vietnam; the default policy (first response in
/// 1 business hour; 3 tries within a working day, 1 h apart, at most 6).
#[test]
fn each_lead_says_how_it_was_worked_and_each_campaign_sums_it() {
    let mut ws = Workspace::default();
    let kept = lead(&ws, 1, "tet", "2026-03-02 08:00");
    let late = lead(&ws, 2, "tet", "2026-03-02 08:00");
    let never = lead(&ws, 3, "", "2026-03-02 08:00");
    let mut junk = lead(&ws, 4, "tet", "2026-03-02 08:00");
    ws.activities = vec![
        call(&kept, "2026-03-02 08:30", Outcome::NoAnswer),
        call(&kept, "2026-03-02 09:10", Outcome::NoAnswer),
        call(&kept, "2026-03-02 10:30", Outcome::Connected),
        call(&late, "2026-03-02 10:00", Outcome::NoAnswer),
        call(&junk, "2026-03-02 08:10", Outcome::WrongNumber),
    ];
    // Two of the kept lead's calls audited: one passed, one failed; the
    // audits are no tries.
    for (i, passed) in [(0, true), (1, false)] {
        let audited = ws.activities[i].clone();
        let v = crate::domain::audit::Verdict {
            of: crate::domain::audit::key(&audited),
            of_at: audited.at,
            passed,
            checks: Vec::new(),
            draw: crate::domain::audit::Draw {
                seed: 1,
                from: vn("2026-03-02 00:00"),
                to: vn("2026-03-09 00:00"),
                per_rep: 10,
            },
        };
        let audit = v.record(
            kept.id(),
            &audited,
            "checked",
            Some("hoa"),
            vn("2026-03-03 09:00"),
        );
        ws.activities.push(audit);
    }
    junk.mark_lost(
        Closure {
            kind: LossKind::Junk,
            reason: "wrong number".into(),
        },
        &ws.pipeline,
        None,
        vn("2026-03-02 08:11"),
    )
    .unwrap();
    ws.leads = vec![kept.clone(), late.clone(), never.clone(), junk.clone()];
    // Tuesday noon: every window of Monday's leads has passed.
    let now = vn("2026-03-03 12:00");
    let p = Prepared::new(&ws, now).unwrap();
    let clocks = all_clocks(&p, now);
    let by_lead: Vec<Vec<Activity>> = ws
        .leads
        .iter()
        .map(|l| {
            ws.activities
                .iter()
                .filter(|a| a.lead == l.id())
                .cloned()
                .collect()
        })
        .collect();
    let acts = |i: usize| -> &[Activity] { &by_lead[i] };
    let report_of = |filter: &FunnelFilter| {
        care_report(
            &ws.leads,
            &clocks,
            acts,
            &ws.pipeline,
            &ws.policies,
            TimeDelta::hours(8),
            filter,
            now,
        )
    };
    let report = report_of(&FunnelFilter::default());
    let row = |id: LeadId| report.rows.iter().find(|r| r.lead == id).unwrap();

    let r = row(kept.id());
    assert_eq!(
        r.first_response,
        FirstResponse::OnTime(vn("2026-03-02 08:30"), TimeDelta::minutes(30))
    );
    assert_eq!(r.tries.len(), 3);
    assert_eq!((r.required, r.tries_kept), (3, Some(true)));
    // From the last try (Monday 10:30) until now (Tuesday noon).
    assert_eq!(r.longest_wait, Some(TimeDelta::minutes(25 * 60 + 30)));
    assert_eq!(r.responded_after, Some(TimeDelta::minutes(30)));
    assert_eq!(r.audits, (1, 1), "its audited calls");
    assert_eq!(
        (report.total.audits_passed, report.total.audits_failed),
        (1, 1)
    );
    assert_eq!(
        r.breaches,
        [Breach::TooClose(1)],
        "09:10 is 40 min after 08:30"
    );

    let r = row(late.id());
    assert_eq!(
        r.first_response,
        FirstResponse::Late(vn("2026-03-02 10:00"), TimeDelta::hours(1))
    );
    assert_eq!(r.tries_kept, Some(false));
    assert_eq!(r.responded_after, Some(TimeDelta::hours(2)));
    assert_eq!(r.breaches, [Breach::LateResponse, Breach::TriesMissed]);

    let r = row(never.id());
    assert!(
        matches!(r.first_response, FirstResponse::Missed(_)),
        "{r:?}"
    );
    assert_eq!(r.tries, Vec::<DateTime<Utc>>::new());
    assert_eq!(
        r.longest_wait,
        Some(TimeDelta::hours(28)),
        "never tried: since it arrived"
    );
    assert_eq!(r.breaches, [Breach::NoResponse, Breach::TriesMissed]);
    assert!(matches!(r.outcome, CareOutcome::Open(..)));

    let r = row(junk.id());
    assert_eq!(
        r.outcome,
        CareOutcome::Closed(LossKind::Junk, "wrong number".into())
    );
    assert_eq!(
        r.breaches,
        Vec::<Breach>::new(),
        "a wrong number ends the tries"
    );
    assert_eq!(
        r.longest_wait,
        Some(TimeDelta::minutes(10)),
        "until it was closed"
    );

    // Per campaign, summed.
    let names: Vec<&str> = report.campaigns.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(names, ["", "tet"]);
    let tet = &report.campaigns[1].1;
    assert_eq!(
        (
            tet.leads,
            tet.responded,
            tet.on_time,
            tet.missed,
            tet.breached
        ),
        (3, 3, 2, 0, 2)
    );
    assert_eq!((tet.tries_kept, tet.tries_missed), (2, 1));
    assert_eq!((tet.junk, tet.open, tet.won, tet.lost), (1, 2, 0, 0));
    // 10 min, 30 min and 2 h (1 h allowed + 1 h late): the middle one.
    assert_eq!(tet.median_response, Some(TimeDelta::minutes(30)));
    assert_eq!(report.total.leads, 4);
    assert_eq!((report.total.responded, report.total.missed), (3, 1));
    assert_eq!(report.total.breached, 3);
    // The lines add up to the total.
    let sum: u32 = report.campaigns.iter().map(|(_, s)| s.leads).sum();
    assert_eq!(sum, report.total.leads);

    // A campaign chosen: only its leads.
    let only = report_of(&FunnelFilter {
        campaign: Some("TET".into()),
        ..FunnelFilter::default()
    });
    assert_eq!(only.total.leads, 3);
}
