//! Leads given past a cap while devices were apart (`over_cap`).

use super::*;

#[test]
fn two_devices_apart_can_pass_a_cap_and_the_lead_given_last_is_named() {
    let reps = vec![
        Rep::new("lan", "Lan", Membership::Sales, 1),
        Rep::new("minh", "Minh", Membership::Sales, 5),
    ];
    let dist = Distribution {
        paused: vec![RepId::new("minh")],
        ..on()
    };
    // Each device gives its own new lead, without the other's.
    let give = |lead: Lead, now: DateTime<Utc>| {
        let mut ws = vec![lead];
        let loads = loads(&reps, &ws, |_| true, today());
        let given = distribute(&dist, &reps, loads, &[&ws[0]], now.naive_utc(), now);
        given[0].1.give(&mut ws[0], now);
        ws.remove(0)
    };
    let a = give(new_lead(1, 0, "Zalo"), at(1));
    let b = give(new_lead(2, 0, "Zalo"), at(2));
    assert_eq!(a.owner(), Some(&RepId::new("lan")));
    assert_eq!(b.owner(), Some(&RepId::new("lan")));
    // Met again: Lan carries two, cap one; the lead given last is named.
    let both = vec![a.clone(), b.clone()];
    let over = over_cap(&reps, &both, |_| true);
    assert_eq!(
        over,
        [OverCap {
            lead: b.id(),
            rep: RepId::new("lan"),
            open: 2,
            cap: 1
        }]
    );
    // Closed leads do not count; a lead a person gave is never named.
    assert!(over_cap(&reps, &both, |l| l.id() != a.id()).is_empty());
    let mut by_hand = b.clone();
    by_hand.assign(Some(RepId::new("minh")), at(3));
    by_hand.assign(Some(RepId::new("lan")), at(4));
    assert!(
        over_cap(&reps, &[a.clone(), by_hand], |_| true).is_empty(),
        "assigned again by a person, last: the person chose"
    );
}

#[test]
fn a_cap_passed_by_a_person_names_no_lead() {
    let reps = vec![Rep::new("lan", "Lan", Membership::Sales, 1)];
    let mut given = new_lead(1, 0, "Zalo");
    let why = Why {
        group: None,
        rep: Some(RepId::new("lan")),
        today: 0,
        skipped: Vec::new(),
        at: None,
    };
    why.give(&mut given, at(1));
    let mut by_hand = new_lead(2, 0, "Zalo");
    by_hand.assign(Some(RepId::new("lan")), at(2));
    assert!(
        over_cap(&reps, &[given, by_hand], |_| true).is_empty(),
        "the person chose to pass the cap"
    );
}
