//! The advisor in process (`cargo bench --bench advise`), without reading or
//! writing YAML: `advise` at 1k–100k, then at 10k, 100k and 1M clients the
//! advisor's own work for each command that runs it — `advise` (reading the
//! clients, the layout, the client lists), `compare` (both F options),
//! `checklist` (judged from a report made beforehand, so the engine's check
//! is left out) and `diff` (a plan against its advice).
//! Targets (issue 12): the commands under 5 s at 1M end to end, and the cost
//! per client flat from 10k to 1M. `ADVISE_SIZES=10000,100000` skips 1M.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use sysuser::advisor::{advise, advise_into};
use sysuser::lang::Lang;

fn sizes() -> Vec<usize> {
    std::env::var("ADVISE_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000])
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("advise");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for n in [1_000, 10_000, 100_000] {
        let situation = sysuser::generate::plan(n, 0, 7);
        g.bench_with_input(BenchmarkId::from_parameter(n), &situation, |b, p| {
            b.iter(|| advise(black_box(p)))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("advisor");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for n in sizes() {
        // The same plans `scripts/measure.sh` uses.
        let situation = sysuser::generate::plan(n, 0, 1);
        let plan = sysuser::generate::plan(n, 4, 1);
        let id = |what: &str| BenchmarkId::new(what, n);
        g.bench_function(id("recommend"), |b| {
            b.iter(|| sysuser::advisor::recommend_in(black_box(&situation), None, Lang::En))
        });
        g.bench_function(id("compare"), |b| {
            b.iter(|| sysuser::compare::compare_in(black_box(&plan), Lang::En))
        });
        let report = sysuser::engine::check(&plan);
        g.bench_function(id("checklist"), |b| {
            b.iter(|| sysuser::checklist::checklist_with(black_box(&plan), &report, Lang::En))
        });
        drop(report);
        let advised = advise_into(situation, Lang::En);
        g.bench_function(id("diff"), |b| {
            b.iter(|| {
                sysuser::diff::diff(black_box(&plan), black_box(&advised)).map(|d| d.steps.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
