//! Large, valid, deterministic plans for benchmarks and trials.
//!
//! An accounting and auditing firm with a realistic mix of clients: mostly
//! regnskapsforer clients (some also delegating `sykefravaer` or further
//! services), revisor clients, some with both roles, housing cooperatives
//! (BRL/ESEK) under forretningsforer, operational units here and there.
//! The layout follows scenarios C and F option 2, so the plan passes `check`
//! with no errors.

use crate::orgnr::Orgnr;
use crate::plan::{
    Client, ErRole, FOption, Options, Organisation, PackageRef, Plan, System, SystemUser,
    SystemUserType, Unit, UnitType,
};

/// A small, fast, seedable generator (splitmix64): the same seed, the same plan.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// Valid organisation numbers in order, from a start of eight digits.
struct Numbers(u32);

impl Numbers {
    fn next(&mut self) -> Orgnr {
        loop {
            let n = self.0;
            self.0 += 1;
            if let Some(o) = Orgnr::with_check_digit(n) {
                return o;
            }
        }
    }
}

const ACCOUNTING: &str = "regnskapsforer-med-signeringsrettighet";
const AUDIT: &str = "ansvarlig-revisor";
const PROPERTY: &str = "forretningsforer-eiendom";
const SICK_LEAVE: &str = "sykefravaer";
/// Further services clients delegate directly (scenario F option 2), one system user each.
const EXTRA_SERVICES: &[&str] = &["a-ordning", "lonn", "merverdiavgift", "skattegrunnlag"];

const WORDS: &[&str] = &[
    "Fjord", "Nord", "Berg", "Skog", "Lys", "Havn", "Vik", "Elv", "Tind", "Dal", "Sol", "Stein",
];
const TRADES: &[&str] = &[
    "Bygg",
    "Handel",
    "Regnskap",
    "Transport",
    "Eiendom",
    "Data",
    "Mat",
];

fn unit_type(s: &str) -> Option<UnitType> {
    UnitType::parse(s).ok()
}

fn refs(codes: &[&str]) -> Vec<PackageRef> {
    codes.iter().map(|c| PackageRef::new(c)).collect()
}

/// A plan with `clients` clients and `system_users` client system users
/// (0: a situation file), the same for the same seed.
pub fn plan(clients: usize, system_users: usize, seed: u64) -> Plan {
    let mut rng = Rng(seed ^ 0x5eed_5eed);
    let mut numbers = Numbers(31_000_000);
    let organisation = Organisation {
        orgnr: numbers.next(),
        name: "GENERERT REGNSKAP OG REVISJON AS".into(),
        unit_type: unit_type("AS"),
        operational_units: vec![Unit {
            orgnr: numbers.next(),
            name: "Generert Regnskap Bergen".into(),
        }],
    };
    let vendor = Orgnr::with_check_digit(99_182_582).unwrap_or_else(|| numbers.next());
    let mut system_packages = vec![ACCOUNTING, AUDIT, PROPERTY, SICK_LEAVE];
    system_packages.extend(EXTRA_SERVICES);

    let mut list = Vec::with_capacity(clients);
    for n in 0..clients {
        let orgnr = numbers.next();
        let roll = rng.next() % 100;
        let (form, roles): (&str, Vec<ErRole>) = match roll {
            0..60 => (
                *rng.pick(&["AS", "AS", "AS", "ENK", "DA", "ANS", "SA"]),
                vec![ErRole::Regnskapsforer],
            ),
            60..82 => (
                *rng.pick(&["AS", "ASA", "SA", "STI"]),
                vec![ErRole::Revisor],
            ),
            82..94 => ("AS", vec![ErRole::Regnskapsforer, ErRole::Revisor]),
            _ => (
                *rng.pick(&["BRL", "BRL", "ESEK"]),
                vec![ErRole::Forretningsforer],
            ),
        };
        let mut delegated = Vec::new();
        if roles.contains(&ErRole::Regnskapsforer) {
            if rng.chance(20) {
                delegated.push(PackageRef::new(SICK_LEAVE));
            }
            for s in EXTRA_SERVICES {
                if rng.chance(5) {
                    delegated.push(PackageRef::new(s));
                }
            }
        }
        let name = format!(
            "{} {} {} {}",
            rng.pick(WORDS),
            rng.pick(TRADES),
            n + 1,
            if form == "BRL" { "BORETTSLAG" } else { form }
        );
        let operational_units = if rng.chance(5) {
            (0..1 + rng.next() % 2)
                .map(|k| Unit {
                    orgnr: numbers.next(),
                    name: format!("{name} avd. {}", k + 1),
                })
                .collect()
        } else {
            Vec::new()
        };
        list.push(Client {
            orgnr,
            name,
            unit_type: unit_type(form),
            er_roles: roles,
            delegated,
            sub_entity: false,
            operational_units,
        });
    }

    let plan_without_layout = Plan {
        version: 1,
        organisation,
        system: System {
            id: format!("{vendor}_generert"),
            vendor,
            access_packages: refs(&system_packages),
            // Client-only packages: a visible system would be refused (AUTH.VLD-00018).
            visible: false,
            locally_installed: false,
            name: Default::default(),
            description: Default::default(),
            maskinporten_client_ids: Vec::new(),
            redirect_urls: Vec::new(),
        },
        own_packages: Vec::new(),
        options: Options {
            self_on_client_system_user: false,
            f_option: (system_users >= 4).then_some(FOption::PerService),
        },
        clients: list,
        teams: Vec::new(),
        system_users: Vec::new(),
        advice: None,
    };
    let system_users = layout(&plan_without_layout, system_users);
    Plan {
        system_users,
        ..plan_without_layout
    }
}

/// `k` client system users: accounting, audit, property management, sick
/// leave, one per further delegated service; beyond that, accounting is split
/// into shards (which `check` warns about: same-packages-twice).
fn layout(plan: &Plan, k: usize) -> Vec<SystemUser> {
    let has_role = |c: &Client, r: ErRole| c.er_roles.contains(&r);
    let delegated = |c: &Client, p: &str| c.delegated.iter().any(|d| d.code() == p);
    let clients_where = |f: &dyn Fn(&Client) -> bool| -> Vec<Orgnr> {
        plan.clients
            .iter()
            .filter(|c| f(c))
            .map(|c| c.orgnr.clone())
            .collect()
    };
    let su = |name: &str, package: &str, clients: Vec<Orgnr>| SystemUser {
        name: name.into(),
        external_ref: crate::text::slug(name),
        kind: SystemUserType::Client,
        access_packages: vec![PackageRef::new(package)],
        clients,
        include_self: false,
        teams: Vec::new(),
        why: None,
    };
    if k == 0 {
        return Vec::new();
    }
    // Beyond one system user per relationship type and service: accounting in shards.
    let shards = k.saturating_sub(4 + EXTRA_SERVICES.len()) + 1;
    let accounting = clients_where(&|c| has_role(c, ErRole::Regnskapsforer));
    let per_shard = accounting.len().div_ceil(shards).max(1);
    let mut out: Vec<SystemUser> = (0..shards)
        .map(|i| {
            let chunk = accounting
                .iter()
                .skip(i * per_shard)
                .take(per_shard)
                .cloned()
                .collect();
            let name = if shards == 1 {
                "Accounting".to_string()
            } else {
                format!("Accounting {}", i + 1)
            };
            su(&name, ACCOUNTING, chunk)
        })
        .collect();
    if k >= 2 {
        out.push(su(
            "Audit",
            AUDIT,
            clients_where(&|c| has_role(c, ErRole::Revisor)),
        ));
    }
    if k >= 3 {
        out.push(su(
            "Property management",
            PROPERTY,
            clients_where(&|c| has_role(c, ErRole::Forretningsforer)),
        ));
    }
    if k >= 4 {
        out.push(su(
            "Sick leave",
            SICK_LEAVE,
            clients_where(&|c| delegated(c, SICK_LEAVE)),
        ));
    }
    for s in EXTRA_SERVICES.iter().take(k.saturating_sub(4)) {
        out.push(su(
            &format!("Service {s}"),
            s,
            clients_where(&|c| delegated(c, s)),
        ));
    }
    out
}
