//! Scale: every command's core on generated plans of 10k, 100k and 1M clients
//! with four client system users, so a cost per client that grows shows up
//! (`cargo bench --bench scale`; `SCALE_SIZES=10000,100000` to skip the
//! million, which takes a few minutes). The `floor` group reads the same
//! 100,000-client plan as JSON with serde_json into the same types and
//! checks it: the target is `check` within 3× of that.
//!
//! The targets at 1,000,000 clients (end to end, `scripts/measure.sh`):
//! `check`, `routes`, `render` under 3 s; `advise`, `compare`, `checklist`
//! and `diff` under 5 s; peak memory under 10× the file.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use sysuser::lang::Lang;
use sysuser::render::{Options, render};

fn sizes() -> Vec<usize> {
    std::env::var("SCALE_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000])
}

fn scale(c: &mut Criterion) {
    // Build the catalog outside the timings: it is parsed once per process.
    let _ = sysuser::catalog::catalog();
    for n in sizes() {
        let plan = sysuser::generate::plan(n, 4, 1);
        let situation = sysuser::generate::plan(n, 0, 1);
        let advised = sysuser::advisor::advise(&situation);
        let text = sysuser::plan::to_yaml(&plan);
        let mut g = c.benchmark_group(format!("{n}-clients"));
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(match n {
                0..=10_000 => 5,
                10_001..=100_000 => 20,
                _ => 60,
            }));
        g.bench_function(BenchmarkId::new("load", n), |b| {
            b.iter(|| sysuser::plan::parse(black_box(&text), "bench.yaml").expect("loads"))
        });
        g.bench_function(BenchmarkId::new("check", n), |b| {
            b.iter(|| sysuser::engine::check(black_box(&plan)))
        });
        g.bench_function(BenchmarkId::new("routes", n), |b| {
            b.iter(|| sysuser::route::table(black_box(&plan)).len())
        });
        g.bench_function(BenchmarkId::new("render", n), |b| {
            b.iter(|| render(black_box(&plan), &Options::default()))
        });
        g.bench_function(BenchmarkId::new("advise", n), |b| {
            b.iter(|| sysuser::advisor::advise(black_box(&situation)))
        });
        g.bench_function(BenchmarkId::new("compare", n), |b| {
            b.iter(|| sysuser::compare::compare(black_box(&plan)))
        });
        g.bench_function(BenchmarkId::new("checklist", n), |b| {
            b.iter(|| sysuser::checklist::checklist_in(black_box(&plan), Lang::En))
        });
        g.bench_function(BenchmarkId::new("diff", n), |b| {
            b.iter(|| {
                sysuser::diff::diff(black_box(&plan), black_box(&advised))
                    .expect("one organisation")
                    .steps
                    .len()
            })
        });
        g.finish();
    }
}

/// `check` from text at 100,000 clients: the YAML plan through sysuser's
/// reader, against the serde_json floor (the same plan as JSON, read by
/// serde_json into the same `Plan` type).
fn floor(c: &mut Criterion) {
    let _ = sysuser::catalog::catalog();
    let plan = sysuser::generate::plan(100_000, 4, 1);
    let yaml = sysuser::plan::to_yaml(&plan);
    let json = serde_json::to_string(&plan).expect("a plan serialises");
    let mut g = c.benchmark_group("floor-100000");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("check-yaml", |b| {
        b.iter(|| {
            let p = sysuser::plan::parse(black_box(&yaml), "bench.yaml").expect("loads");
            sysuser::engine::check(&p).findings.len()
        })
    });
    g.bench_function("check-json-floor", |b| {
        b.iter(|| {
            let p: sysuser::plan::Plan = serde_json::from_str(black_box(&json)).expect("loads");
            sysuser::engine::check(&p).findings.len()
        })
    });
    g.finish();
}

criterion_group!(benches, floor, scale);
criterion_main!(benches);
