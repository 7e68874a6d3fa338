//! The engine holds a client's available packages as bits over the catalog
//! (`PackageSet`) and routes by bit; these properties hold it to the sorted
//! sets of codes it replaced, on random plans drawing from the whole
//! catalog (person packages, client-only, assignable-only, unknown codes, URNs).

use proptest::prelude::*;
use std::collections::BTreeSet;
use sysuser::catalog::catalog;
use sysuser::engine::{available_packages, check, missing_packages};
use sysuser::orgnr::Orgnr;
use sysuser::plan::{Client, ErRole, PackageRef, Plan, SystemUser, SystemUserType, UnitType};
use sysuser::route::table;
use sysuser::rules::Rule;

const FORMS: &[&str] = &["AS", "ESEK", "BRL", "NUF", "ENK", "ORGL", "ANS", "KOMM"];

/// The packages clients commonly give first (so that system users share
/// some), then every catalog code, then codes the catalog does not know and a URN.
fn codes() -> Vec<String> {
    let mut all: Vec<String> = [
        "regnskapsforer-med-signeringsrettighet",
        "ansvarlig-revisor",
        "a-ordning",
        "sykefravaer",
        "lonn",
        "forretningsforer-eiendom",
        "regnskapsforer-lonn",
        "merverdiavgift",
    ]
    .map(String::from)
    .to_vec();
    all.extend(catalog().packages().iter().map(|p| p.code.clone()));
    all.extend(
        [
            "sykmelding",
            "regnskapsforer",
            "urn:altinn:accesspackage:lonn",
        ]
        .map(String::from),
    );
    all
}

fn pick(all: &[String], picks: &[usize]) -> Vec<PackageRef> {
    picks
        .iter()
        .map(|&i| PackageRef::new(&all[i % all.len()]))
        .collect()
}

/// A package index into [`codes`], mostly a common one.
fn package() -> impl Strategy<Value = usize> {
    prop_oneof![3 => 0usize..8, 1 => any::<usize>()]
}

/// The engine's definition before the bitset: a sorted set of codes from
/// the catalog's role table and the directly delegable delegations.
fn reference_available(c: &Client) -> BTreeSet<String> {
    let form = c.unit_type.as_ref().map(UnitType::as_str);
    let mut set: BTreeSet<String> = c
        .er_roles
        .iter()
        .flat_map(|r| catalog().role_packages(r.as_str(), form))
        .map(String::from)
        .collect();
    set.extend(
        c.delegated
            .iter()
            .map(PackageRef::code)
            .filter(|code| {
                catalog()
                    .get(code)
                    .is_some_and(|p| p.is_assignable && p.is_delegable)
            })
            .map(String::from),
    );
    set
}

/// The packages of `su` the AND rule asks of a client, before the bitset.
fn reference_and(su: &SystemUser) -> Vec<&str> {
    su.access_packages
        .iter()
        .map(PackageRef::code)
        .filter(|code| {
            catalog()
                .get(code)
                .is_some_and(|p| !p.is_person_package() && p.is_delegable)
        })
        .collect()
}

#[derive(Debug, Clone)]
struct Facts {
    form: usize,
    roles: u64,
    delegated: Vec<usize>,
}

fn facts() -> impl Strategy<Value = Facts> {
    (
        0..FORMS.len() + 1,
        prop_oneof![0u64..16, any::<u64>()],
        prop::collection::vec(package(), 0..4),
    )
        .prop_map(|(form, roles, delegated)| Facts {
            form,
            roles,
            delegated,
        })
}

fn client(i: usize, f: &Facts, orgnr: Orgnr, all: &[String]) -> Client {
    Client {
        orgnr,
        name: if i % 3 == 0 {
            String::new()
        } else {
            format!("Client {i}")
        },
        unit_type: FORMS.get(f.form).and_then(|u| UnitType::parse(u).ok()),
        er_roles: ErRole::all()
            .filter(|r| f.roles & (1 << (r.index() % 64)) != 0)
            .collect(),
        delegated: pick(all, &f.delegated),
        sub_entity: f.form == 5,
        operational_units: Vec::new(),
    }
}

type SuFacts = (bool, Vec<usize>, u32, bool);

fn plan(clients: &[Facts], sus: &[SuFacts], system: &[usize]) -> Plan {
    let all = codes();
    let orgnrs: Vec<Orgnr> = (31_000_000u32..)
        .filter_map(Orgnr::with_check_digit)
        .take(clients.len())
        .collect();
    let mut listed: Vec<Client> = clients
        .iter()
        .zip(&orgnrs)
        .enumerate()
        .map(|(i, (f, o))| client(i, f, o.clone(), &all))
        .collect();
    // A duplicate entry: the first one counts.
    if let Some(c) = listed.first().cloned() {
        listed.push(Client {
            delegated: Vec::new(),
            ..c
        });
    }
    // Neither the clients nor a system user's clients need be in number order.
    let turn = sus.len() % listed.len();
    listed.rotate_left(turn);
    let mut plan = sysuser::plan::parse(
        r#"
version: 1
organisation: { orgnr: "310202398", name: Tiger AS }
system: { id: "991825827_x", vendor: "991825827" }
"#,
        "p.yaml",
    )
    .unwrap();
    plan.system.access_packages = pick(&all, system);
    plan.clients = listed;
    plan.system_users = sus
        .iter()
        .enumerate()
        .map(|(i, (standard, packages, chosen, include_self))| {
            let mut on: Vec<Orgnr> = (orgnrs.iter().enumerate())
                .filter(|(k, _)| chosen & (1 << (k % 31)) != 0)
                .map(|(_, o)| o.clone())
                .collect();
            if chosen & 1 << 31 != 0 {
                on.reverse();
            }
            on.extend(orgnrs.iter().take(2).cloned());
            SystemUser {
                name: format!("SU{i}"),
                external_ref: format!("su{i}"),
                kind: if *standard {
                    SystemUserType::Standard
                } else {
                    SystemUserType::Client
                },
                access_packages: pick(&all, packages),
                clients: on,
                include_self: *include_self,
                teams: Vec::new(),
                why: None,
            }
        })
        .collect();
    plan
}

fn sus() -> impl Strategy<Value = Vec<SuFacts>> {
    prop::collection::vec(
        (
            prop::bool::weighted(0.2),
            prop::collection::vec(package(), 0..4),
            any::<u32>(),
            prop::bool::weighted(0.2),
        ),
        0..5,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The bitset holds exactly the codes the sorted set held, in its order,
    /// and the AND rule's missing packages are the same.
    #[test]
    fn available_packages_agree_with_the_sorted_set(
        clients in prop::collection::vec(facts(), 1..6),
        sus in sus(),
        system in prop::collection::vec(package(), 0..12),
    ) {
        let plan = plan(&clients, &sus, &system);
        for c in &plan.clients {
            let bits = available_packages(c);
            let reference = reference_available(c);
            prop_assert_eq!(bits.iter().collect::<Vec<_>>(), reference.iter().map(String::as_str).collect::<Vec<_>>());
            for su in &plan.system_users {
                let missing: Vec<&str> = missing_packages(su, &bits).collect();
                let expected: Vec<&str> = reference_and(su).into_iter().filter(|p| !reference.contains(*p)).collect();
                prop_assert_eq!(missing, expected);
            }
        }
    }

    /// The routing table's client rows are the ones the sorted sets give:
    /// each available package the system has, in code order, with the client
    /// system users that list the client, carry it and pass the AND rule.
    /// And `ambiguous-route` (which walks only shared pairs) reports the
    /// groups of the full table's rows that two or more system users serve.
    #[test]
    fn routes_agree_with_the_sorted_sets(
        clients in prop::collection::vec(facts(), 1..8),
        sus in sus(),
        system in prop::collection::vec(package(), 0..16),
    ) {
        let plan = plan(&clients, &sus, &system);
        let rows = table(&plan);
        let in_system: BTreeSet<&str> = plan.system.access_packages.iter().map(PackageRef::code).collect();
        let mut expected: Vec<(String, String, Vec<usize>)> = Vec::new();
        let mut seen = BTreeSet::new();
        for c in &plan.clients {
            if !seen.insert(c.orgnr.clone()) {
                continue;
            }
            let available = reference_available(c);
            let passing: Vec<usize> = plan.system_users.iter().enumerate().filter(|(_, su)| {
                su.kind == SystemUserType::Client
                    && su.clients.contains(&c.orgnr)
                    && c.has_relationship()
                    && reference_and(su).iter().all(|p| available.contains(*p))
            }).map(|(s, _)| s).collect();
            for p in available.iter().filter(|p| in_system.contains(p.as_str())) {
                let serving = passing.iter().copied().filter(|&s| plan.system_users[s].access_packages.iter().any(|q| q.code() == p)).collect();
                expected.push((c.orgnr.to_string(), p.clone(), serving));
            }
        }
        let got: Vec<(String, String, Vec<usize>)> = rows
            .iter()
            .filter(|r| r.party != plan.organisation.orgnr.as_str())
            .map(|r| (r.party.to_string(), r.package.to_string(), r.system_users.iter().map(|s| s.index).collect()))
            .collect();
        prop_assert_eq!(&got, &expected);

        let mut groups: Vec<(Vec<usize>, &str, &str)> = Vec::new();
        for r in rows.iter().filter(|r| r.system_users.len() > 1) {
            let key: Vec<usize> = r.system_users.iter().map(|s| s.index).collect();
            if !groups.iter().any(|(k, p, _)| *k == key && *p == r.package) {
                groups.push((key, r.package, r.party));
            }
        }
        let expected: Vec<(String, String, String)> = groups
            .iter()
            .map(|(k, p, party)| (plan.system_users[k[0]].name.clone(), p.to_string(), party.to_string()))
            .collect();
        let report = check(&plan);
        let found: Vec<(String, String, String)> = report
            .of(Rule::AmbiguousRoute)
            .map(|f| (f.system_user.clone().unwrap_or_default().to_string(), f.package.clone().unwrap_or_default().to_string(), f.client.clone().unwrap_or_default().to_string()))
            .collect();
        prop_assert_eq!(found, expected);
    }
}

/// Every package an ER role gives a client is in the catalog, so the bits
/// over the catalog lose none of them.
#[test]
fn every_package_a_client_role_gives_is_in_the_catalog() {
    for r in ErRole::all() {
        for p in catalog().role_packages(r.as_str(), Some("NUF")) {
            assert!(catalog().get(p).is_some(), "{}: {p}", r.as_str());
        }
        for p in catalog().role(r.as_str()).unwrap().packages.iter() {
            assert!(
                catalog().get(&p.package).is_some(),
                "{}: {}",
                r.as_str(),
                p.package
            );
        }
    }
}
