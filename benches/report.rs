//! `report` and `render --format svg` on large plans: the page must be made
//! in under a second at 100,000 clients (figures in docs/performance.md).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use sysuser::lang::Lang;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let plan = sysuser::generate::plan(n, 4, 1);
        group.bench_with_input(BenchmarkId::new("html", n), &plan, |b, p| {
            b.iter(|| sysuser::report::report(black_box(p), Lang::En))
        });
        let findings = sysuser::engine::check(&plan);
        group.bench_with_input(BenchmarkId::new("svg", n), &plan, |b, p| {
            b.iter(|| sysuser::svg::document(black_box(p), &findings, Lang::En, Some(10)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
