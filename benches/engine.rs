//! The domain engine on a generated workspace of 100 000 leads and about a
//! million activities: every SLA clock, the funnel, a month's scorecard, and
//! the work after one lead changes. Run with `make bench`.

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use leadpact::domain::calendar::Mark;
use leadpact::domain::digest::Digest;
use leadpact::domain::funnel::{FunnelFilter, funnel, funnel_of};
use leadpact::domain::live::{Changed, Live};
use leadpact::domain::queue::{HORIZON, Limits, Queue, placements, today};
use leadpact::domain::sample::generate;
use leadpact::domain::scorecard::{Period, PeriodKind, Scope, scorecard};
use leadpact::domain::sla::evaluate;
use leadpact::domain::workspace::Prepared;
use std::hint::black_box;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap()
}

fn engine(c: &mut Criterion) {
    let ws = generate(1, 100_000, 20, now());
    eprintln!(
        "workspace: {} leads, {} activities",
        ws.leads.len(),
        ws.activities.len()
    );
    let mut p = Prepared::new(&ws, now()).expect("valid calendar");
    let month = Period::containing(PeriodKind::Month, now(), p.timezone()).previous();

    let mut g = c.benchmark_group("100k_leads");
    g.sample_size(10);
    g.bench_function("sla_clocks_all_leads", |b| {
        let at = Mark::new(&p.calendar, now());
        b.iter(|| {
            (0..ws.leads.len())
                .map(|i| p.clocks_under(i, &ws.policies, at))
                .filter(|c| c.first_response.is_breached())
                .count()
        })
    });
    g.bench_function("digest_leads_and_activities", |b| {
        b.iter(|| {
            let mut d = Digest::with_capacity(ws.leads.len(), ws.activities.len());
            for (i, lead) in ws.leads.iter().enumerate() {
                d.push(lead, p.activities(i), &p.stages, &p.calendar);
            }
            d.len()
        })
    });
    g.bench_function("prepare_timeline_index_and_clocks", |b| {
        b.iter(|| Prepared::new(black_box(&ws), now()).map(|p| p.clocks().len()))
    });
    g.bench_function("funnel_from_facts", |b| {
        b.iter(|| funnel_of(&p, &FunnelFilter::default()))
    });
    g.bench_function("funnel_from_leads", |b| {
        b.iter(|| {
            funnel(
                &ws.leads,
                &ws.pipeline,
                &p.calendar,
                &FunnelFilter::default(),
            )
        })
    });
    g.bench_function("scorecard_month_marketing_and_sales", |b| {
        b.iter(|| {
            (
                scorecard(&p, month, &Scope::Marketing, now()),
                scorecard(&p, month, &Scope::Sales, now()),
            )
        })
    });
    // A clock tick, not an edit: everything computed from the same data at
    // a new `now` — every clock and every lead's facts (shared by the
    // reports), the funnel, and a month's scorecard for both teams — from
    // the timeline, activity index and digest built before. After an edit
    // the app builds those again: `prepare_timeline_index_and_clocks`.
    g.bench_function("clock_tick_clocks_facts_funnel_scorecards", |b| {
        b.iter(|| {
            p.reclock(now());
            let breached = p
                .clocks()
                .iter()
                .filter(|c| c.first_response.is_breached())
                .count();
            let f = funnel_of(&p, &FunnelFilter::default());
            let m = scorecard(&p, month, &Scope::Marketing, now());
            let s = scorecard(&p, month, &Scope::Sales, now());
            black_box((breached, f, m, s))
        })
    });

    // What the app does (`domain::live`): a workspace taken in whole (a
    // load), one lead changed (an edit: one more activity, as a logged
    // call), the Today screen's queue.
    g.bench_function("live_new_whole_workspace", |b| {
        b.iter_batched(
            || ws.clone(),
            |ws| Live::new(ws, now()).clocks().len(),
            criterion::BatchSize::LargeInput,
        )
    });
    let mut live = Live::new(ws.clone(), now());
    let mut tick = 0i64;
    g.bench_function("live_clock_tick_every_lead_evaluated", |b| {
        b.iter(|| {
            tick += 1;
            live.at(now() + chrono::TimeDelta::seconds(30 * tick));
            live.clocks().len()
        })
    });
    live.at(now());
    let mut k = 0usize;
    g.bench_function("live_one_lead_changed", |b| {
        b.iter(|| {
            k = (k + 7_919) % ws.leads.len();
            let mut lead = live.leads()[k].clone();
            let mut list = live.activities_of(lead.id()).to_vec();
            let mut call = list
                .last()
                .cloned()
                .unwrap_or_else(|| ws.activities[0].clone());
            call.lead = lead.id();
            call.at = now();
            list.push(call);
            lead.touch(now());
            live.apply(Changed {
                activities: vec![(lead.id(), list)],
                leads: vec![lead],
                deleted: Vec::new(),
            });
            live.clocks().len()
        })
    });
    g.bench_function("today_queue_full_sort", |b| {
        b.iter(|| today(&p, p.clocks(), chrono::TimeDelta::hours(4)).len())
    });
    // The Today screen at 100 000 leads: from the placements `Live` keeps
    // (clocks → lane and bucket, worked out with the clocks).
    let placed = placements(&p, p.clocks(), HORIZON);
    g.bench_function("today_screen_queue_50_per_lane", |b| {
        b.iter(|| {
            Queue::build(&p, &placed, None, |_| false, &Limits::all(50))
                .items
                .len()
        })
    });
    g.finish();

    // One lead's clocks from scratch: digest it with its activities, then
    // evaluate (`sla::evaluate`).
    let i = ws.leads.len() / 2;
    let lead = &ws.leads[i];
    c.bench_function("one_lead_digested_and_evaluated", |b| {
        b.iter(|| evaluate(p.sla(), black_box(lead), p.activities(i), now()))
    });
}

/// What the screens do on a workspace of 10 000 leads: one keystroke in the
/// lead search (issue target ≤ 16 ms in the browser), the Today queue, and
/// the app's whole recompute after a change (timeline + index + every clock).
fn screens(c: &mut Criterion) {
    use leadpact::domain::queue::all_clocks;
    use leadpact::domain::search::{LeadFilter, Query, SearchIndex};
    let ws = generate(1, 10_000, 10, now());
    let p = Prepared::new(&ws, now()).expect("valid calendar");
    let clocks = all_clocks(&p, now());
    let mut g = c.benchmark_group("10k_leads");
    let index = SearchIndex::new(&ws.leads);
    for (name, typed) in [
        // The filter a keystroke runs over every lead; the browser's layout
        // and paint come on top (`make bench-browser`).
        ("search_keystroke_filter_only", "nguyen th"),
        ("search_phone_keystroke_filter_only", "0912 3"),
    ] {
        g.bench_function(name, |b| {
            let f = LeadFilter::default();
            b.iter(|| {
                let q = Query::new(black_box(typed));
                ws.leads
                    .iter()
                    .zip(&clocks)
                    .enumerate()
                    .filter(|(i, (l, c))| {
                        f.accepts_with(|| index.matches(*i, &q), l, Some(c), now())
                    })
                    .count()
            })
        });
    }
    g.bench_function("search_index_build", |b| {
        b.iter(|| SearchIndex::new(&ws.leads))
    });
    g.bench_function("today_queue", |b| {
        b.iter(|| today(&p, &clocks, chrono::TimeDelta::hours(4)).len())
    });
    g.sample_size(10);
    g.bench_function("scorecard_screen_week_all_scopes_with_advice", |b| {
        use leadpact::domain::scorecard::all_scopes;
        use leadpact::domain::targets::{TargetRules, scorecard_with_advice};
        let week = Period::containing(PeriodKind::Week, now(), p.timezone());
        b.iter(|| {
            all_scopes(&p)
                .iter()
                .map(|s| scorecard_with_advice(&p, s, week, TargetRules::default(), now()).len())
                .sum::<usize>()
        })
    });
    let mut live = Live::new(ws.clone(), now());
    let mut k = 0usize;
    g.bench_function("live_one_lead_changed", |b| {
        b.iter(|| {
            k = (k + 7_919) % ws.leads.len();
            let mut lead = live.leads()[k].clone();
            lead.set_campaign("bench", now());
            live.apply(Changed {
                leads: vec![lead],
                ..Changed::default()
            });
            live.clocks().len()
        })
    });
    g.finish();
}

/// The program's one sort (`leadpact::sort`) beside the standard library's,
/// on what the engine sorts most: a million activities by lead, then time
/// (`domain::workspace::group_by_lead` after an import).
fn sorting(c: &mut Criterion) {
    let mut ws = generate(1, 100_000, 20, now());
    // A scrambled order, the same for both.
    let n = ws.activities.len();
    for i in 0..n {
        ws.activities.swap(i, (i * 7_919 + 13) % n);
    }
    let key = |a: &leadpact::domain::activity::Activity| (a.lead, a.at);
    let mut g = c.benchmark_group("sort_1m_activities");
    g.sample_size(10);
    g.bench_function("std_sort_by_key", |b| {
        b.iter_batched(
            || ws.activities.clone(),
            |mut v| {
                v.sort_by_key(key);
                v
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("leadpact_sort_by_key", |b| {
        b.iter_batched(
            || ws.activities.clone(),
            |mut v| {
                leadpact::sort::sort_by_key(&mut v, key);
                v
            },
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, engine, screens, sorting);
criterion_main!(benches);
