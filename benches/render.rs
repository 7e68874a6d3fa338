//! `render` on large client lists: with the default limit the cost must not
//! grow with the clients that are cut; `--all` is linear.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use sysuser::render::{Options, render};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    for n in [1_000, 10_000, 100_000] {
        let plan = sysuser::generate::plan(n, 4, 1);
        group.bench_with_input(BenchmarkId::new("limit-10", n), &plan, |b, p| {
            b.iter(|| render(black_box(p), &Options::default()))
        });
        if n <= 10_000 {
            let all = Options {
                limit: None,
                ..Options::default()
            };
            group.bench_with_input(BenchmarkId::new("all", n), &plan, |b, p| {
                b.iter(|| render(black_box(p), &all))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
