//! `render` on large client lists: with the default limit the cost must not
//! grow with the clients that are cut; `--all` is linear.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use sysuser::orgnr::Orgnr;
use sysuser::plan::{Client, ErRole, PackageRef, Plan, SystemUser, SystemUserType};
use sysuser::render::{Options, render};

/// An accounting firm with `n` registered-accountant clients spread over
/// three client system users (half, a quarter, a quarter).
fn firm(n: usize) -> Plan {
    let mut plan = sysuser::plan::parse(
        "organisation: { orgnr: \"311040006\", name: Eksempel Regnskap AS }\n\
         system: { id: \"991825827_x\", vendor: \"991825827\", visible: false, \
         access_packages: [regnskapsforer-med-signeringsrettighet, regnskapsforer-lonn, sykefravaer] }\n",
        "bench",
    )
    .expect("bench plan");
    let orgnrs: Vec<Orgnr> = (0..)
        .filter_map(|i| Orgnr::with_check_digit(31_000_000 + i))
        .take(n)
        .collect();
    plan.clients = orgnrs
        .iter()
        .enumerate()
        .map(|(i, o)| Client {
            orgnr: o.clone(),
            name: format!("Client {i} AS"),
            unit_type: None,
            er_roles: vec![ErRole::Regnskapsforer],
            delegated: vec![PackageRef::new("sykefravaer")],
            sub_entity: false,
            operational_units: Vec::new(),
        })
        .collect();
    let su = |name: &str, package: &str, clients: &[Orgnr]| SystemUser {
        name: name.into(),
        external_ref: sysuser::text::slug(name),
        kind: SystemUserType::Client,
        access_packages: vec![PackageRef::new(package)],
        clients: clients.to_vec(),
        include_self: false,
        teams: Vec::new(),
        why: None,
    };
    let (half, quarter) = (n / 2, n / 4);
    plan.system_users = vec![
        su(
            "Accounting",
            "regnskapsforer-med-signeringsrettighet",
            &orgnrs[..half],
        ),
        su(
            "Payroll",
            "regnskapsforer-lonn",
            &orgnrs[half..half + quarter],
        ),
        su("Sick leave", "sykefravaer", &orgnrs[half + quarter..]),
    ];
    plan
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    for n in [1_000, 10_000, 100_000] {
        let plan = firm(n);
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
