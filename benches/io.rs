//! File formats at the sizes the storage issue names: a 10 000-row CSV
//! previewed and turned into leads, and a 100 000-lead backup exported and
//! imported (validation included). Native figures; the browser runs the same code.

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use leadpact::domain::lead::LeadId;
use leadpact::domain::sample::generate;
use leadpact::io::backup::{export_json, import_json};
use leadpact::io::csv_export::export_csv;
use leadpact::io::csv_import::{Choices, Home, OnDuplicate, preview};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap()
}

fn io(c: &mut Criterion) {
    let small = generate(2, 10_000, 10, now());
    let csv = export_csv(&small.leads, &small.settings());
    // The workspace the file goes into: 10 000 other leads, plus 1 000 of
    // the file's, so a tenth of the rows are duplicates to find.
    let mut existing = generate(3, 10_000, 10, now()).leads;
    existing.extend(small.leads.iter().step_by(10).cloned());
    let mut g = c.benchmark_group("csv_10k_rows");
    g.sample_size(10);
    g.bench_function("preview_dedupe_against_11k_leads_build", |b| {
        b.iter(|| {
            let mut p = preview(&csv, None, Home::default()).expect("our own export reads");
            p.mark_duplicates(&existing);
            let mut n = 0u128;
            p.leads(
                OnDuplicate::Skip,
                &Choices::default(),
                &small.pipeline,
                now(),
                || {
                    n += 1;
                    LeadId::from_uuid(uuid::Uuid::from_u128(n))
                },
            )
            .len()
        })
    });
    g.finish();

    let big = generate(1, 100_000, 20, now());
    let json = export_json(&big, now());
    eprintln!("backup of 100k leads: {:.1} MB", json.len() as f64 / 1e6);
    let mut g = c.benchmark_group("backup_100k_leads");
    g.sample_size(10);
    g.bench_function("export", |b| b.iter(|| export_json(&big, now()).len()));
    g.bench_function("import_and_validate", |b| {
        b.iter(|| import_json(&json).expect("valid").leads.len())
    });
    g.finish();
}

criterion_group!(benches, io);
criterion_main!(benches);
