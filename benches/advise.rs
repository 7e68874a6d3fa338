//! `advise` at 1k, 10k and 100k clients (`cargo bench --bench advise`).
//! The target: a 100,000-client situation in under a second.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::time::Duration;
use sysuser::advisor::advise;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("advise");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for n in [1_000, 10_000, 100_000] {
        let situation = sysuser::generate::plan(n, 0, 7);
        g.bench_with_input(BenchmarkId::from_parameter(n), &situation, |b, p| {
            b.iter(|| advise(std::hint::black_box(p)))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("compare");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    let situation = sysuser::generate::plan(100_000, 0, 7);
    g.bench_function("100000", |b| {
        b.iter(|| sysuser::compare::compare(std::hint::black_box(&situation)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
