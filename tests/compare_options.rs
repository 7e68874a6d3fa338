//! `compare`: scenario F's two options for a plan's real clients.

use sysuser::compare::{compare, to_text};
use sysuser::plan::{Plan, parse};

const HEAD: &str = r#"version: 1
organisation: { orgnr: "310202398", name: Regnskap Nord AS, unit_type: AS }
system: { id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer, a-ordning, ansvarlig-revisor] }
clients:
  - { orgnr: "311037889", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "312655985", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "313000005", name: Client C AS, unit_type: AS, er_roles: [regnskapsforer] }
"#;

fn plan(extra: &str) -> Plan {
    parse(&format!("{HEAD}{extra}"), "f.yaml").unwrap()
}

const ONE_SERVICE: &str = r#"  - { orgnr: "314000003", name: Client D AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }
  - { orgnr: "315000000", name: Client E AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }
"#;

const TWO_SERVICES: &str = r#"  - { orgnr: "314000003", name: Client D AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }
  - { orgnr: "315000000", name: Client E AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer, a-ordning] }
  - { orgnr: "316000008", name: Client F AS, unit_type: AS, er_roles: [revisor], delegated: [a-ordning] }
"#;

#[test]
fn one_extra_service_recommends_option_1() {
    let p = plan(ONE_SERVICE);
    let c = compare(&p);
    assert!(c.applies);
    assert_eq!(c.recommended, "per-combination");
    assert_eq!(c.option_1.system_users.len(), 2);
    assert_eq!(c.option_2.system_users.len(), 2);
    assert_eq!(c.option_1.client_links, 5);
    assert_eq!(c.option_2.client_links, 7);
    insta::assert_snapshot!(to_text(&c, &p.organisation.name));
}

#[test]
fn two_extra_services_recommend_option_2() {
    let p = plan(TWO_SERVICES);
    let c = compare(&p);
    assert_eq!(c.recommended, "per-service");
    // Option 1: Accounting, Accounting + sick leave, Accounting + sick leave + A-melding, Audit + A-melding.
    assert_eq!(c.option_1.system_users.len(), 4);
    assert_eq!(c.option_1.client_links, 6);
    // Option 2: Accounting, Audit, Sick leave, A-melding system.
    assert_eq!(c.option_2.system_users.len(), 4);
    assert_eq!(c.option_2.client_links, 6 + 4);
    insta::assert_snapshot!(to_text(&c, &p.organisation.name));
    insta::assert_json_snapshot!(c);
}

#[test]
fn option_counts_match_what_advise_writes() {
    for extra in [ONE_SERVICE, TWO_SERVICES] {
        let p = plan(extra);
        let c = compare(&p);
        for (side, f) in [
            (&c.option_1, sysuser::plan::FOption::PerCombination),
            (&c.option_2, sysuser::plan::FOption::PerService),
        ] {
            let rec = sysuser::advisor::recommend(&p, Some(f));
            assert_eq!(side.layout_system_users, rec.system_users.len());
            for su in &side.system_users {
                let found = rec.system_users.iter().find(|s| s.name == su.name).unwrap();
                assert_eq!(found.clients.len(), su.clients, "{}", su.name);
                let codes: Vec<&str> = found.access_packages.iter().map(|p| p.code()).collect();
                assert_eq!(codes, su.access_packages, "{}", su.name);
            }
        }
    }
}

#[test]
fn without_extra_services_f_does_not_apply() {
    let p = plan("");
    let c = compare(&p);
    assert!(!c.applies);
    insta::assert_snapshot!(to_text(&c, &p.organisation.name));
}

#[test]
fn the_plans_choice_is_named() {
    let p = parse(
        &format!("{HEAD}{ONE_SERVICE}").replace(
            "clients:\n",
            "options: { f_option: per-service }\nclients:\n",
        ),
        "f.yaml",
    )
    .unwrap();
    let text = to_text(&compare(&p), "x");
    assert!(
        text.contains(
            "The plan chooses per-service (options.f_option); `advise` follows the plan's choice."
        ),
        "{text}"
    );
}

#[test]
fn scenario_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for (file, recommended) in [
        ("f-extra-services-option-1.yaml", "per-combination"),
        ("f-extra-services-option-2.yaml", "per-service"),
    ] {
        let p = sysuser::plan::load(&dir.join(file)).unwrap();
        let c = compare(&p);
        assert_eq!(c.recommended, recommended, "{file}");
        // The scenario's own layout is the option it illustrates.
        let side = if recommended == "per-combination" {
            &c.option_1
        } else {
            &c.option_2
        };
        let mut want: Vec<Vec<String>> = p
            .system_users
            .iter()
            .map(|s| {
                s.access_packages
                    .iter()
                    .map(|p| p.code().to_string())
                    .collect()
            })
            .collect();
        let mut got: Vec<Vec<String>> = side
            .system_users
            .iter()
            .map(|s| s.access_packages.clone())
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{file}");
        insta::assert_snapshot!(file, to_text(&c, &p.organisation.name));
    }
    let p = sysuser::plan::load(&dir.join("c-multiple-relationship-types.yaml")).unwrap();
    let c = compare(&p);
    assert!(!c.applies);
    insta::assert_snapshot!(
        "c-multiple-relationship-types.yaml",
        to_text(&c, &p.organisation.name)
    );
}
