//! Properties of the engine: the AND rule, no panics, routing consistent with `check`.

use proptest::prelude::*;
use std::collections::BTreeSet;
use sysuser::catalog::catalog;
use sysuser::engine::check;
use sysuser::orgnr::Orgnr;
use sysuser::plan::{
    Client, ErRole, Options, Organisation, PackageRef, Plan, System, SystemUser, SystemUserType,
    Team, UnitType,
};
use sysuser::route::{Status, table};
use sysuser::rules::Rule;

/// Real packages a client system user can carry.
const POOL: &[&str] = &[
    "regnskapsforer-med-signeringsrettighet",
    "regnskapsforer-lonn",
    "ansvarlig-revisor",
    "revisormedarbeider",
    "forretningsforer-eiendom",
    "sykefravaer",
    "a-ordning",
    "merverdiavgift",
    "skatt-naering",
    "lonn",
    "oppgi-naermeste-leder",
];
const FORMS: &[&str] = &["AS", "ESEK", "BRL", "NUF", "ENK", "ORGL"];

fn orgnrs(n: usize) -> Vec<Orgnr> {
    (31_000_000u32..)
        .filter_map(Orgnr::with_check_digit)
        .take(n)
        .collect()
}

fn subset<'a>(items: &'a [&'a str], mask: u32) -> Vec<&'a str> {
    items
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, p)| *p)
        .collect()
}

fn roles(mask: u8) -> Vec<ErRole> {
    ErRole::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, r)| r)
        .collect()
}

/// What the ER role table gives a client of this form, read from the catalog's
/// raw rows (not through the engine).
fn role_derived(roles: &[ErRole], form: &str) -> BTreeSet<String> {
    roles
        .iter()
        .filter_map(|r| catalog().role(r.as_str()))
        .flat_map(|r| r.packages.iter())
        .filter(|rp| {
            rp.only_if_client_unit_type
                .as_deref()
                .is_none_or(|f| f == form)
        })
        .map(|rp| rp.package.clone())
        .collect()
}

#[derive(Debug, Clone)]
struct ClientFacts {
    form: usize,
    roles: u8,
    delegated: u32,
}

fn client_facts() -> impl Strategy<Value = ClientFacts> {
    (0..FORMS.len(), 0u8..8, 0u32..(1 << POOL.len()))
        .prop_filter("a client has a relationship", |(_, r, d)| {
            *r != 0 || *d != 0
        })
        .prop_map(|(form, roles, delegated)| ClientFacts {
            form,
            roles,
            delegated,
        })
}

fn base(clients: Vec<Client>, system_users: Vec<SystemUser>) -> Plan {
    Plan {
        version: 1,
        organisation: Organisation {
            orgnr: Orgnr::parse("310202398").unwrap(),
            name: "Tiger AS".into(),
            unit_type: None,
            operational_units: Vec::new(),
        },
        system: System {
            id: "991825827_x".into(),
            vendor: Orgnr::parse("991825827").unwrap(),
            access_packages: POOL.iter().map(|p| PackageRef::new(p)).collect(),
            visible: false,
            locally_installed: false,
            name: Default::default(),
            description: Default::default(),
            maskinporten_client_ids: Vec::new(),
            redirect_urls: Vec::new(),
        },
        own_packages: Vec::new(),
        options: Options::default(),
        clients,
        teams: Vec::new(),
        system_users,
        advice: None,
    }
}

fn make_clients(facts: &[ClientFacts]) -> Vec<Client> {
    facts
        .iter()
        .zip(orgnrs(facts.len()))
        .enumerate()
        .map(|(i, (f, orgnr))| Client {
            orgnr,
            name: format!("Client {i}"),
            unit_type: UnitType::parse(FORMS[f.form]).ok(),
            er_roles: roles(f.roles),
            delegated: subset(POOL, f.delegated)
                .into_iter()
                .map(PackageRef::new)
                .collect(),
            sub_entity: FORMS[f.form] == "ORGL",
            operational_units: Vec::new(),
        })
        .collect()
}

fn client_su(name: &str, packages: &[&str], clients: Vec<Orgnr>) -> SystemUser {
    SystemUser {
        name: name.into(),
        external_ref: name.to_lowercase(),
        kind: SystemUserType::Client,
        access_packages: packages.iter().map(|p| PackageRef::new(p)).collect(),
        clients,
        include_self: false,
        teams: Vec::new(),
        why: None,
    }
}

fn and_finding(report: &sysuser::rules::Report, su: &str, client: &str) -> bool {
    report.findings.iter().any(|f| {
        matches!(
            f.rule,
            Rule::ClientMissingPackage | Rule::RolePackageWrongUnitType
        ) && f.system_user.as_deref() == Some(su)
            && f.client.as_deref() == Some(client)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The AND rule: no finding for a client exactly when its role-derived and
    /// delegated packages together cover the system user's packages.
    #[test]
    fn and_rule_holds_exactly_when_available_covers_the_packages(
        facts in prop::collection::vec(client_facts(), 1..12),
        su_mask in 1u32..(1 << POOL.len()),
    ) {
        let clients = make_clients(&facts);
        let su_packages = subset(POOL, su_mask);
        let su = client_su("Layout", &su_packages, clients.iter().map(|c| c.orgnr.clone()).collect());
        let plan = base(clients, vec![su]);
        let report = check(&plan);
        for c in &plan.clients {
            let form = c.unit_type.as_ref().map(|u| u.as_str().to_string()).unwrap_or_default();
            let mut available = role_derived(&c.er_roles, &form);
            available.extend(c.delegated.iter().map(|d| d.code().to_string()));
            let covered = su_packages.iter().all(|p| available.contains(*p));
            prop_assert_eq!(!and_finding(&report, "Layout", c.orgnr.as_str()), covered, "{:?} {:?}", c, su_packages);
        }
    }

    /// Routing serves a client with a system user's packages exactly when
    /// `check` finds no AND-rule problem for that pair; lookups agree with the table.
    #[test]
    fn routing_agrees_with_check(
        facts in prop::collection::vec(client_facts(), 1..10),
        layouts in prop::collection::vec((1u32..(1 << POOL.len()), any::<u16>()), 1..4),
    ) {
        let clients = make_clients(&facts);
        let sus: Vec<SystemUser> = layouts
            .iter()
            .enumerate()
            .map(|(i, (mask, pick))| {
                let listed = clients.iter().enumerate().filter(|(k, _)| pick & (1 << (k % 16)) != 0).map(|(_, c)| c.orgnr.clone()).collect();
                client_su(&format!("SU{i}"), &subset(POOL, *mask), listed)
            })
            .collect();
        let plan = base(clients, sus);
        let report = check(&plan);
        let rows = table(&plan);
        for (s, su) in plan.system_users.iter().enumerate() {
            for orgnr in &su.clients {
                let ok = !and_finding(&report, &su.name, orgnr.as_str());
                for p in &su.access_packages {
                    let served = rows.iter().any(|r| r.party == orgnr.as_str() && r.package == p.code() && r.system_users.iter().any(|x| x.index == s));
                    prop_assert_eq!(served, ok, "{} {} {}", su.name, orgnr, p);
                }
            }
        }
        for r in &rows {
            let found = sysuser::route::lookup(&plan, r.party, r.package);
            prop_assert_eq!(found.is_ok(), r.status != Status::None);
        }
    }

    /// `check` and the routing table never panic, whatever the plan says.
    #[test]
    fn check_never_panics(
        facts in prop::collection::vec(client_facts(), 0..8),
        junk in prop::collection::vec("[a-z-]{0,12}", 0..4),
        sus in prop::collection::vec((any::<bool>(), any::<u32>(), any::<u16>(), any::<bool>(), 0usize..4), 0..5),
        extra in prop::collection::vec(0u32..99_999_999, 0..4),
        teams in prop::collection::vec("[A-C]", 0..3),
        visible in any::<bool>(),
        self_option in any::<bool>(),
    ) {
        let mut clients = make_clients(&facts);
        if let Some(c) = clients.first().cloned() {
            clients.push(c);
        }
        let mut names: Vec<&str> = POOL.to_vec();
        names.extend(junk.iter().map(String::as_str));
        names.extend(["innbygger-sykefravaer", "eksplisitt", "tilgangsstyrer"]);
        let mut all_orgnrs: Vec<Orgnr> = clients.iter().map(|c| c.orgnr.clone()).collect();
        all_orgnrs.extend(extra.iter().filter_map(|n| Orgnr::parse(&format!("{n:09}")).ok()));
        all_orgnrs.push(Orgnr::parse("310202398").unwrap());
        let system_users: Vec<SystemUser> = sus
            .iter()
            .enumerate()
            .map(|(i, (standard, mask, pick, include_self, team))| {
                let packages: Vec<&str> = names.iter().enumerate().filter(|(k, _)| mask & (1 << (k % 32)) != 0).map(|(_, p)| *p).filter(|p| !p.is_empty()).collect();
                let listed = all_orgnrs.iter().enumerate().filter(|(k, _)| pick & (1 << (k % 16)) != 0).map(|(_, o)| o.clone()).collect();
                let mut su = client_su(&format!("SU{}", i % 3), &packages, listed);
                if *standard { su.kind = SystemUserType::Standard; }
                su.include_self = *include_self;
                if *team < teams.len() { su.teams = vec![teams[*team].clone()]; }
                su
            })
            .collect();
        let mut plan = base(clients, system_users);
        plan.system.visible = visible;
        plan.options.self_on_client_system_user = self_option;
        plan.own_packages = names.iter().take(3).filter(|p| !p.is_empty()).map(|p| PackageRef::new(p)).collect();
        plan.teams = teams.iter().map(|t| Team { name: t.clone(), handles: Vec::new(), members: Vec::new() }).collect();
        let report = check(&plan);
        let sum = report.summary.errors + report.summary.warnings + report.summary.infos;
        prop_assert_eq!(sum, report.findings.len());
        let sev: Vec<_> = report.findings.iter().map(|f| f.severity).collect();
        let mut sorted = sev.clone();
        sorted.sort();
        prop_assert_eq!(sev, sorted);
        let _ = table(&plan);
    }
}

#[test]
fn generated_plans_have_no_errors_for_any_layout_size() {
    for k in [0, 1, 2, 3, 4, 6, 9, 12] {
        let plan = sysuser::generate::plan(500, k, 3);
        let report = check(&plan);
        assert!(
            !report.has_errors(),
            "k={k}: {:#?}",
            report
                .findings
                .iter()
                .find(|f| f.severity == sysuser::rules::Severity::Error)
        );
        assert_eq!(plan.system_users.len(), k);
    }
}
