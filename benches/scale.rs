//! Scale: load, check and routes for generated plans of 1k, 10k and 100k
//! clients with four client system users. Run with `cargo bench --bench scale`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn scale(c: &mut Criterion) {
    // Build the catalog outside the timings: it is parsed once per process.
    let _ = sysuser::catalog::catalog();
    for n in [1_000, 10_000, 100_000] {
        let plan = sysuser::generate::plan(n, 4, 1);
        let text = sysuser::plan::to_yaml(&plan);
        let mut g = c.benchmark_group(format!("{n}-clients"));
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(if n >= 100_000 { 20 } else { 5 }));
        g.bench_function(BenchmarkId::new("load", n), |b| {
            b.iter(|| sysuser::plan::parse(black_box(&text), "bench.yaml").expect("loads"))
        });
        g.bench_function(BenchmarkId::new("check", n), |b| {
            b.iter(|| sysuser::engine::check(black_box(&plan)))
        });
        g.bench_function(BenchmarkId::new("routes", n), |b| {
            b.iter(|| sysuser::route::table(black_box(&plan)).len())
        });
        g.finish();
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
