use super::*;
use crate::domain::lead::{LeadDraft, LeadId};
use crate::domain::pipeline::Pipeline;
use crate::domain::rep::Membership;
use chrono::{Duration, TimeZone};
use proptest::prelude::*;

fn at(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 2, 0, 0).unwrap() + Duration::minutes(minute)
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn today() -> (DateTime<Utc>, DateTime<Utc>) {
    (at(-120), at(22 * 60))
}

fn new_lead(n: u128, minute: i64, source: &str) -> Lead {
    let draft = LeadDraft {
        name: format!("Khách {n}"),
        phone: format!("09120{n:05}"),
        source: source.into(),
        ..Default::default()
    };
    Lead::create(
        &draft,
        LeadId::from_uuid(uuid::Uuid::from_u128(n)),
        at(minute),
        &Pipeline::default(),
    )
    .unwrap()
}

fn reps() -> Vec<Rep> {
    vec![
        Rep::new("lan", "Lan", Membership::Sales, 40),
        Rep::new("minh", "Minh", Membership::Sales, 40),
        Rep::new("hoa", "Hoa", Membership::Marketing, 40),
    ]
}

fn on() -> Distribution {
    Distribution {
        since: Some(at(-60)),
        ..Distribution::default()
    }
}

/// Distributes `leads` against `ws` (the leads already there), returns
/// the owners given, in arrival order, and applies them.
fn run(dist: &Distribution, reps: &[Rep], ws: &mut [Lead], now: DateTime<Utc>) -> Vec<Why> {
    let loads = loads(reps, ws, |_| true, today());
    let waiting: Vec<&Lead> = ws
        .iter()
        .filter(|l| super::waiting(dist, l, true))
        .collect();
    let given = distribute(dist, reps, loads, &waiting, now.naive_utc(), now);
    for (id, why) in &given {
        if let Some(l) = ws.iter_mut().find(|l| l.id() == *id)
            && why.rep.is_some()
        {
            l.assign(why.rep.clone(), now);
        }
    }
    given.into_iter().map(|(_, w)| w).collect()
}

#[test]
fn new_leads_alternate_between_the_receiving_sales_reps() {
    let mut ws: Vec<Lead> = (0..10).map(|n| new_lead(n, n as i64, "Zalo")).collect();
    let given = run(&on(), &reps(), &mut ws, at(20));
    let names: Vec<&str> = given
        .iter()
        .map(|w| w.rep.as_ref().unwrap().as_str())
        .collect();
    assert_eq!(
        names,
        [
            "lan", "minh", "lan", "minh", "lan", "minh", "lan", "minh", "lan", "minh"
        ]
    );
    // Marketing's Hoa is never given one, and not listed as passed over.
    assert!(given.iter().all(|w| w.skipped.is_empty()));
}

#[test]
fn a_rep_not_receiving_away_or_at_cap_is_passed_over_and_said_so() {
    let mut reps = reps();
    reps[1].capacity = 1;
    let mut ws = vec![new_lead(1, 0, "Zalo")];
    ws[0].assign(Some(RepId::new("minh")), at(0));
    ws.push(new_lead(2, 1, "Zalo"));
    let given = run(&on(), &reps, &mut ws, at(5));
    assert_eq!(given[0].rep.as_ref().unwrap().as_str(), "lan");
    assert_eq!(given[0].skipped, vec![(RepId::new("minh"), Skip::AtCap(1))]);

    let mut dist = on();
    dist.paused.push(RepId::new("lan"));
    dist.away.push(Away {
        rep: RepId::new("minh"),
        from: day(),
        to: day(),
    });
    let mut ws = vec![new_lead(3, 0, "Zalo")];
    let given = run(&dist, &self::reps(), &mut ws, at(5));
    assert_eq!(given[0].rep, None, "nobody can: it waits");
    assert_eq!(
        given[0].skipped,
        vec![
            (RepId::new("lan"), Skip::NotReceiving),
            (RepId::new("minh"), Skip::Away)
        ]
    );
    assert!(ws[0].owner().is_none());
    // Minh is back the next day.
    dist.away[0].to = day() - Duration::days(1);
    assert_eq!(
        run(&dist, &self::reps(), &mut ws, at(6))[0].rep,
        Some(RepId::new("minh"))
    );
}

#[test]
fn a_route_sends_its_leads_to_its_group_first_then_to_everyone() {
    let mut dist = on();
    dist.routes.push(Route {
        name: "Nhóm Zalo".into(),
        sources: vec!["zalo".into()],
        campaigns: vec![],
        reps: vec![RepId::new("minh")],
    });
    let mut ws = vec![
        new_lead(1, 0, "Zalo"),
        new_lead(2, 1, "Zalo"),
        new_lead(3, 2, "Facebook"),
    ];
    let given = run(&dist, &reps(), &mut ws, at(5));
    assert_eq!(given[0].rep, Some(RepId::new("minh")));
    assert_eq!(given[0].group.as_deref(), Some("Nhóm Zalo"));
    assert_eq!(
        given[1].rep,
        Some(RepId::new("minh")),
        "the group first, however many it has"
    );
    assert_eq!(
        (given[2].rep.as_ref().unwrap().as_str(), &given[2].group),
        ("lan", &None)
    );
    // Minh stops receiving: Zalo's leads go to everyone else.
    dist.paused.push(RepId::new("minh"));
    ws.push(new_lead(4, 3, "zalo "));
    let given = run(&dist, &reps(), &mut ws, at(6));
    assert_eq!(
        (given[0].rep.as_ref().unwrap().as_str(), &given[0].group),
        ("lan", &None)
    );
}

#[test]
fn a_lead_a_person_assigned_or_changed_is_never_distributed() {
    let mut ws = vec![
        new_lead(1, 0, "Zalo"),
        new_lead(2, 1, "Zalo"),
        new_lead(3, 2, "Zalo"),
    ];
    ws[0].assign(Some(RepId::new("minh")), at(3));
    ws[1].set_campaign("Tết", at(4));
    let given = run(&on(), &reps(), &mut ws, at(5));
    assert_eq!(given.len(), 1, "only the untouched lead");
    assert_eq!(ws[0].owner(), Some(&RepId::new("minh")));
    assert_eq!(ws[1].owner(), None);
    // Before distribution was on: not touched either.
    let mut old = vec![new_lead(4, -90, "Zalo")];
    assert!(run(&on(), &reps(), &mut old, at(5)).is_empty());
    // Off: nothing.
    assert!(run(&Distribution::default(), &reps(), &mut ws, at(6)).is_empty());
}

#[test]
fn the_rotation_waits_longest_on_ties_and_survives_a_round_trip() {
    let mut ws = vec![new_lead(1, 0, "Zalo"), new_lead(2, 1, "Zalo")];
    ws[0].assign(Some(RepId::new("lan")), at(1));
    ws[1].assign(Some(RepId::new("minh")), at(2));
    ws.push(new_lead(3, 3, "Zalo"));
    // One each today: Lan waited longer.
    assert_eq!(
        run(&on(), &reps(), &mut ws, at(4))[0].rep,
        Some(RepId::new("lan"))
    );
    let mut dist = on();
    dist.routes.push(Route {
        name: "A".into(),
        sources: vec![],
        campaigns: vec!["Tết".into()],
        reps: vec![RepId::new("lan")],
    });
    dist.paused.push(RepId::new("minh"));
    dist.away.push(Away {
        rep: RepId::new("lan"),
        from: day(),
        to: day(),
    });
    let text = serde_json::to_string(&dist).unwrap();
    assert!(text.contains("\"from\":\"2026-12-07\""), "{text}");
    assert_eq!(serde_json::from_str::<Distribution>(&text).unwrap(), dist);
    let bad = text.replace("\"from\":\"2026-12-07\"", "\"from\":\"07/12/2026\"");
    let e = serde_json::from_str::<Distribution>(&bad)
        .unwrap_err()
        .to_string();
    assert!(e.contains("\"07/12/2026\" is not a date"), "{e}");
}

proptest! {
    /// Over any arrivals, with reps switching on and off between them, a
    /// cap reached and leads assigned by hand: nobody paused or at cap is
    /// given a lead; each lead goes to an able rep given the fewest leads
    /// today; two devices with the same data (listed in any order) agree;
    /// an owner is never changed.
    #[test]
    fn distribution_is_safe_fair_and_agreed(
        batches in proptest::collection::vec(
            (1usize..6, proptest::collection::vec(any::<bool>(), 4), 1u32..12),
            1..8,
        ),
        manual in proptest::collection::vec(1usize..40, 0..5),
    ) {
        let mut ws: Vec<Lead> = Vec::new();
        let (mut n, mut minute) = (0u128, 0i64);
        for (arrivals, receiving, cap) in batches {
            let mut reps: Vec<Rep> = ["a", "b", "c", "d"]
                .iter()
                .map(|id| Rep::new(*id, id.to_uppercase(), Membership::Sales, 100))
                .collect();
            reps[0].capacity = cap;
            let mut dist = on();
            for (i, on) in receiving.iter().enumerate() {
                if !on {
                    dist.paused.push(reps[i].id.clone());
                }
            }
            for _ in 0..arrivals {
                n += 1;
                minute += 1;
                ws.push(new_lead(n, minute, "Zalo"));
                if manual.contains(&(n as usize)) {
                    ws.last_mut().unwrap().assign(Some(RepId::new("d")), at(minute));
                }
            }
            minute += 1;
            let owners: Vec<(LeadId, Option<RepId>)> =
                ws.iter().map(|l| (l.id(), l.owner().cloned())).collect();
            let mut load = loads(&reps, &ws, |_| true, today());
            let waiting: Vec<&Lead> = ws.iter().filter(|l| waiting(&dist, l, true)).collect();
            let mut listed = waiting.clone();
            listed.reverse();
            let given = distribute(&dist, &reps, load.clone(), &waiting, at(minute).naive_utc(), at(minute));
            let again = distribute(&dist, &reps, load.clone(), &listed, at(minute).naive_utc(), at(minute));
            prop_assert_eq!(&given, &again, "two devices agree");
            for (_, why) in &given {
                let able: Vec<usize> = (0..4)
                    .filter(|&i| dist.receiving(&reps[i].id) && load[i].open < reps[i].capacity)
                    .collect();
                match &why.rep {
                    None => prop_assert!(able.is_empty(), "nobody could: {:?}", able),
                    Some(rep) => {
                        let i = reps.iter().position(|r| r.id == *rep).unwrap();
                        prop_assert!(able.contains(&i), "{} could not take it", rep);
                        let fewest = able.iter().map(|&j| load[j].today).min().unwrap();
                        prop_assert_eq!(load[i].today, fewest, "the fewest today");
                        load[i].open += 1;
                        load[i].today += 1;
                    }
                }
            }
            for (id, why) in &given {
                if why.rep.is_some() {
                    ws.iter_mut().find(|l| l.id() == *id).unwrap().assign(why.rep.clone(), at(minute));
                }
            }
            for (id, owner) in owners.iter().filter(|(_, o)| o.is_some()) {
                let l = ws.iter().find(|l| l.id() == *id).unwrap();
                prop_assert_eq!(l.owner(), owner.as_ref(), "an owner is kept");
            }
        }
    }

    /// With the same reps able all day and no assignment by hand, the
    /// reps' leads of the day differ by at most one, however they arrive.
    #[test]
    fn the_same_reps_all_day_share_within_one(batches in proptest::collection::vec(1usize..7, 1..10)) {
        let reps: Vec<Rep> = ["a", "b", "c"]
            .iter()
            .map(|id| Rep::new(*id, id.to_uppercase(), Membership::Sales, 1000))
            .collect();
        let mut ws: Vec<Lead> = Vec::new();
        let (mut n, mut minute) = (0u128, 0i64);
        for arrivals in batches {
            for _ in 0..arrivals {
                n += 1;
                minute += 1;
                ws.push(new_lead(n, minute, "Zalo"));
            }
            minute += 1;
            run(&on(), &reps, &mut ws, at(minute));
            let counts: Vec<u32> = loads(&reps, &ws, |_| true, today()).iter().map(|l| l.today).collect();
            let (lo, hi) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
            prop_assert!(hi - lo <= 1, "{:?}", counts);
        }
    }
}

/// A rep with hours receives only within them (across midnight too); a
/// rep with none at any hour.
#[test]
fn a_rep_receives_only_within_their_own_hours() {
    let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let mut dist = on();
    dist.hours.push(Hours {
        rep: RepId::new("lan"),
        from: hm(8, 0),
        to: hm(12, 0),
    });
    dist.hours.push(Hours {
        rep: RepId::new("lan"),
        from: hm(22, 0),
        to: hm(2, 30),
    });
    let lan = RepId::new("lan");
    for (t, on) in [
        (hm(7, 59), false),
        (hm(8, 0), true),
        (hm(11, 59), true),
        (hm(12, 0), false),
        (hm(23, 0), true),
        (hm(2, 0), true),
        (hm(2, 30), false),
    ] {
        assert_eq!(dist.on_shift(&lan, t), on, "{t}");
    }
    assert!(
        dist.on_shift(&RepId::new("minh"), hm(3, 0)),
        "no hours: any"
    );
    // at(0) is 02:00 UTC (in Lan's night shift); at(60) 03:00 (not).
    let mut ws = [new_lead(1, 0, "Zalo"), new_lead(2, 1, "Zalo")];
    let given = run(&dist, &reps(), &mut ws[..1], at(0));
    assert!(given[0].rep.is_some());
    let given = run(&dist, &reps(), &mut ws[1..], at(60));
    assert_eq!(given[0].rep, Some(RepId::new("minh")));
    assert!(given[0].skipped.contains(&(lan, Skip::OffShift)));
    // Read back as written.
    let text = serde_json::to_string(&dist.hours[1]).unwrap();
    assert_eq!(text, r#"{"rep":"lan","from":"22:00","to":"02:30"}"#);
}

#[test]
fn a_rule_names_the_sources_no_lead_has() {
    let route = Route {
        name: "Nhóm Zalo".into(),
        sources: vec!["ZALO ".into(), "Zallo".into()],
        campaigns: vec!["tet-2027".into()],
        reps: vec![RepId::new("minh")],
    };
    let leads = vec![new_lead(1, 0, "Zalo"), new_lead(2, 1, "Facebook")];
    assert_eq!(route.unseen(&leads), ["Zallo", "tet-2027"]);
    assert_eq!(route.unseen(&[]).len(), 3);
}

mod over_cap;
