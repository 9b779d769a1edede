//! The domain engine on a generated workspace of 100 000 leads and about a
//! million activities: every SLA clock, the funnel, a month's scorecard, and
//! the work after one lead changes. Run with `make bench`.

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use leadpact::domain::funnel::{FunnelFilter, funnel};
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
    let p = Prepared::new(&ws, now()).expect("valid calendar");
    let month = Period::containing(PeriodKind::Month, now(), p.timezone()).previous();

    let mut g = c.benchmark_group("100k_leads");
    g.sample_size(10);
    g.bench_function("sla_clocks_all_leads", |b| {
        b.iter(|| {
            ws.leads
                .iter()
                .map(|l| evaluate(p.sla(), l, p.index.of(l.id()), now()))
                .filter(|c| c.first_response.is_breached())
                .count()
        })
    });
    g.bench_function("funnel", |b| {
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
    g.bench_function("full_recompute", |b| {
        b.iter(|| {
            let breached = ws
                .leads
                .iter()
                .map(|l| evaluate(p.sla(), l, p.index.of(l.id()), now()))
                .filter(|c| c.first_response.is_breached())
                .count();
            let f = funnel(
                &ws.leads,
                &ws.pipeline,
                &p.calendar,
                &FunnelFilter::default(),
            );
            let m = scorecard(&p, month, &Scope::Marketing, now());
            let s = scorecard(&p, month, &Scope::Sales, now());
            black_box((breached, f, m, s))
        })
    });
    g.finish();

    let lead = &ws.leads[ws.leads.len() / 2];
    c.bench_function("one_lead_clocks", |b| {
        b.iter(|| evaluate(p.sla(), black_box(lead), p.index.of(lead.id()), now()))
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
