//! `advise` on the guidance's scenarios, written as situations here: the
//! layout must be the one the guidance recommends (type, packages, clients,
//! include_self per system user; names may differ).

use sysuser::advisor::advise;
use sysuser::plan::{Plan, parse};

const HEAD: &str = r#"
version: 1
organisation: { orgnr: "310202398", name: DISKRET NÆR TIGER AS, unit_type: AS }
"#;

fn plan(rest: &str) -> Plan {
    parse(&format!("{HEAD}{rest}"), "situation.yaml").expect("test situation parses")
}

/// (type, packages sorted, clients sorted, include_self) per system user, sorted.
fn shape(p: &Plan) -> Vec<(String, Vec<String>, Vec<String>, bool)> {
    let mut v: Vec<_> = p
        .system_users
        .iter()
        .map(|s| {
            let mut pk: Vec<String> = s.access_packages.iter().map(|p| p.code().into()).collect();
            pk.sort();
            let mut cl: Vec<String> = s.clients.iter().map(|c| c.to_string()).collect();
            cl.sort();
            (s.kind.as_str().to_string(), pk, cl, s.include_self)
        })
        .collect();
    v.sort();
    v
}

fn su(
    kind: &str,
    packages: &[&str],
    clients: &[&str],
    include_self: bool,
) -> (String, Vec<String>, Vec<String>, bool) {
    let mut pk: Vec<String> = packages.iter().map(|s| s.to_string()).collect();
    pk.sort();
    let mut cl: Vec<String> = clients.iter().map(|s| s.to_string()).collect();
    cl.sort();
    (kind.into(), pk, cl, include_self)
}

fn expect(p: &Plan, mut want: Vec<(String, Vec<String>, Vec<String>, bool)>) {
    want.sort();
    assert_eq!(shape(p), want, "\n{}", sysuser::plan::to_yaml(p));
}

fn scenarios(p: &Plan) -> Vec<String> {
    p.advice.as_ref().unwrap().scenarios.clone()
}

// Valid organisation numbers for clients.
const A: &str = "311037889";
const B: &str = "312655985";
const C: &str = "313000005";
const D: &str = "314000003";
const E: &str = "315000000";
const F: &str = "316000008";

#[test]
fn a_own_reporting_is_one_standard_system_user() {
    let p = advise(&plan(
        r#"system: { id: "991825827_smartcloud", vendor: "991825827", access_packages: [skatt-naering, merverdiavgift, a-ordning] }
own_packages: [skatt-naering, merverdiavgift]
"#,
    ));
    expect(
        &p,
        vec![su(
            "standard",
            &["skatt-naering", "merverdiavgift"],
            &[],
            false,
        )],
    );
    assert_eq!(scenarios(&p), ["A"]);
    let s = &p.system_users[0];
    assert_eq!(s.name, "Own reporting");
    assert_eq!(s.external_ref, "own-reporting");
    assert!(s.why.as_deref().unwrap().starts_with("Scenario A"));
}

#[test]
fn e_locally_installed_adds_the_e_notes() {
    let p = advise(&plan(
        r#"system: { id: "310202398_sap", vendor: "310202398", access_packages: [merverdiavgift], locally_installed: true }
own_packages: [merverdiavgift]
"#,
    ));
    expect(&p, vec![su("standard", &["merverdiavgift"], &[], false)]);
    assert_eq!(scenarios(&p), ["E"]);
    let notes = p.advice.as_ref().unwrap().notes.join("\n");
    assert!(
        notes.contains("both system vendor and system customer"),
        "{notes}"
    );
    assert!(notes.contains("its own Maskinporten client"), "{notes}");
    assert!(
        notes.contains("never use the software vendor's Maskinporten key"),
        "{notes}"
    );
    assert!(
        p.system_users[0]
            .why
            .as_deref()
            .unwrap()
            .starts_with("Scenario E")
    );
}

#[test]
fn b_one_relationship_type_is_one_client_system_user() {
    let p = advise(&plan(&format!(
        r#"system: {{ id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet] }}
clients:
  - {{ orgnr: "{A}", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }}
  - {{ orgnr: "{B}", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer] }}
  - {{ orgnr: "{C}", name: Client C AS, unit_type: ENK, er_roles: [regnskapsforer] }}
"#
    )));
    expect(
        &p,
        vec![su(
            "client",
            &["regnskapsforer-med-signeringsrettighet"],
            &[A, B, C],
            false,
        )],
    );
    assert_eq!(scenarios(&p), ["B"]);
    assert_eq!(p.system_users[0].name, "Accounting");
}

#[test]
fn c_one_client_system_user_per_relationship_type() {
    let p = advise(&plan(&format!(
        r#"system: {{ id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, a-ordning] }}
clients:
  - {{ orgnr: "{A}", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }}
  - {{ orgnr: "{B}", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer] }}
  - {{ orgnr: "{C}", name: Client C AS, unit_type: AS, er_roles: [revisor] }}
  - {{ orgnr: "{D}", name: Client D AS, unit_type: AS, er_roles: [revisor] }}
  - {{ orgnr: "{E}", name: Client E AS, unit_type: AS, delegated: [a-ordning] }}
  - {{ orgnr: "{F}", name: Client F AS, unit_type: AS, delegated: [a-ordning] }}
"#
    )));
    expect(
        &p,
        vec![
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet"],
                &[A, B],
                false,
            ),
            su("client", &["ansvarlig-revisor"], &[C, D], false),
            su("client", &["a-ordning"], &[E, F], false),
        ],
    );
    assert_eq!(scenarios(&p), ["C"]);
    let names: Vec<&str> = p.system_users.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Accounting", "Audit", "Delegated clients"]);
}

#[test]
fn a_client_with_two_er_roles_is_on_one_system_user_per_role() {
    let p = advise(&plan(&format!(
        r#"system: {{ id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet, ansvarlig-revisor] }}
clients:
  - {{ orgnr: "{A}", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer, revisor] }}
"#
    )));
    expect(
        &p,
        vec![
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet"],
                &[A],
                false,
            ),
            su("client", &["ansvarlig-revisor"], &[A], false),
        ],
    );
}

#[test]
fn d_teams_get_only_what_they_handle() {
    let p = advise(&plan(&format!(
        r#"system: {{ id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [forretningsforer-eiendom, regnskapsforer-med-signeringsrettighet] }}
clients:
  - {{ orgnr: "{A}", name: Housing cooperative A, unit_type: BRL, er_roles: [forretningsforer] }}
  - {{ orgnr: "{B}", name: Housing cooperative B, unit_type: BRL, er_roles: [forretningsforer] }}
  - {{ orgnr: "{C}", name: Client C AS, unit_type: AS, er_roles: [regnskapsforer] }}
  - {{ orgnr: "{D}", name: Client D AS, unit_type: AS, er_roles: [regnskapsforer] }}
teams:
  - {{ name: Property management, handles: [forretningsforer] }}
  - {{ name: Accounting, handles: [regnskapsforer] }}
"#
    )));
    expect(
        &p,
        vec![
            su("client", &["forretningsforer-eiendom"], &[A, B], false),
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet"],
                &[C, D],
                false,
            ),
        ],
    );
    assert_eq!(scenarios(&p), ["C", "D"]);
    for s in &p.system_users {
        let want = if s.access_packages[0].code() == "forretningsforer-eiendom" {
            "Property management"
        } else {
            "Accounting"
        };
        assert_eq!(s.teams, [want]);
    }
}

#[test]
fn d_a_team_handling_one_package_gets_a_system_user_with_only_that() {
    let p = advise(&plan(&format!(
        r#"system: {{ id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet, regnskapsforer-lonn] }}
clients:
  - {{ orgnr: "{A}", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }}
  - {{ orgnr: "{B}", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer] }}
teams:
  - {{ name: Accounting, handles: [regnskapsforer-med-signeringsrettighet] }}
  - {{ name: Payroll, handles: [regnskapsforer-lonn] }}
"#
    )));
    expect(
        &p,
        vec![
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet"],
                &[A, B],
                false,
            ),
            su("client", &["regnskapsforer-lonn"], &[A, B], false),
        ],
    );
    let teams: Vec<Vec<String>> = p.system_users.iter().map(|s| s.teams.clone()).collect();
    assert_eq!(
        teams,
        [vec!["Accounting".to_string()], vec!["Payroll".to_string()]]
    );
    let refs: Vec<&str> = p
        .system_users
        .iter()
        .map(|s| s.external_ref.as_str())
        .collect();
    assert_eq!(refs, ["accounting-accounting", "accounting-payroll"]);
}

const F_SITUATION: &str = r#"system: { id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer, a-ordning] }
clients:
  - { orgnr: "311037889", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "312655985", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "313000005", name: Client C AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "314000003", name: Client D AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }
  - { orgnr: "315000000", name: Client E AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }
"#;

#[test]
fn f_one_extra_service_defaults_to_option_1() {
    let p = advise(&plan(F_SITUATION));
    expect(
        &p,
        vec![
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet"],
                &[A, B, C],
                false,
            ),
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet", "sykefravaer"],
                &[D, E],
                false,
            ),
        ],
    );
    assert_eq!(scenarios(&p), ["B", "F"]);
    let names: Vec<&str> = p.system_users.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Accounting", "Accounting + sick leave"]);
    assert!(
        p.system_users[1]
            .why
            .as_deref()
            .unwrap()
            .starts_with("Scenario F option 1")
    );
}

#[test]
fn f_option_2_shares_the_base_and_adds_one_per_service() {
    let p = advise(&plan(&format!(
        "options: {{ f_option: per-service }}\n{F_SITUATION}  - {{ orgnr: \"{F}\", name: Client F AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer, a-ordning] }}\n"
    )));
    expect(
        &p,
        vec![
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet"],
                &[A, B, C, D, E, F],
                false,
            ),
            su("client", &["sykefravaer"], &[D, E, F], false),
            su("client", &["a-ordning"], &[F], false),
        ],
    );
    let names: Vec<&str> = p.system_users.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Accounting", "Sick leave", "A-melding system"]);
}

#[test]
fn f_two_extra_services_default_to_option_2_and_the_option_is_respected() {
    let src = format!(
        "{F_SITUATION}  - {{ orgnr: \"{F}\", name: Client F AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [a-ordning] }}\n"
    );
    let p = advise(&plan(&src));
    assert_eq!(p.system_users.len(), 3);
    assert!(
        p.system_users
            .iter()
            .any(|s| s.access_packages.len() == 1 && s.access_packages[0].code() == "a-ordning")
    );
    let p1 = advise(&plan(&format!(
        "options: {{ f_option: per-combination }}\n{src}"
    )));
    expect(
        &p1,
        vec![
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet"],
                &[A, B, C],
                false,
            ),
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet", "sykefravaer"],
                &[D, E],
                false,
            ),
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet", "a-ordning"],
                &[F],
                false,
            ),
        ],
    );
}

const G_SITUATION: &str = r#"system: { id: "991825827_smartcloud", vendor: "991825827", access_packages: [a-ordning, sykefravaer, merverdiavgift] }
organisation: { orgnr: "310202398", name: Oslo kommune, unit_type: KOMM, operational_units: [{ orgnr: "316000008", name: Rådhuset }] }
clients:
  - { orgnr: "311037889", name: Utdanningsetaten, unit_type: ORGL, sub_entity: true, delegated: [a-ordning], operational_units: [{ orgnr: "313000005", name: Grünerløkka skole }] }
  - { orgnr: "312655985", name: Bydel Grünerløkka, unit_type: ORGL, sub_entity: true, delegated: [a-ordning] }
  - { orgnr: "313000005", name: Grünerløkka skole, unit_type: BEDR, delegated: [a-ordning] }
"#;

fn g_plan(own: &str, options: &str) -> Plan {
    parse(
        &format!("version: 1\n{G_SITUATION}{own}{options}"),
        "g.yaml",
    )
    .unwrap()
}

#[test]
fn g_sub_entities_are_clients_and_operational_units_never_are() {
    let p = advise(&g_plan("", ""));
    expect(&p, vec![su("client", &["a-ordning"], &[A, B], false)]);
    assert_eq!(scenarios(&p), ["G"]);
    assert_eq!(p.system_users[0].name, "Sub-entities");
    let notes = p.advice.as_ref().unwrap().notes.join("\n");
    assert!(
        notes.contains("Grünerløkka skole (313000005) is an operational unit of Utdanningsetaten"),
        "{notes}"
    );
}

#[test]
fn g_sub_entities_with_different_packages_get_one_per_combination() {
    let src = G_SITUATION.replace(
        "name: Bydel Grünerløkka, unit_type: ORGL, sub_entity: true, delegated: [a-ordning]",
        "name: Bydel Grünerløkka, unit_type: ORGL, sub_entity: true, delegated: [merverdiavgift]",
    );
    let p = advise(&parse(&format!("version: 1\n{src}"), "g.yaml").unwrap());
    expect(
        &p,
        vec![
            su("client", &["a-ordning"], &[A], false),
            su("client", &["merverdiavgift"], &[B], false),
        ],
    );
    let names: Vec<&str> = p.system_users.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Sub-entities (A-melding system)",
            "Sub-entities (Value added tax)"
        ]
    );
}

#[test]
fn h_own_and_delegated_is_standard_plus_client() {
    let p = advise(&g_plan("own_packages: [a-ordning]\n", ""));
    expect(
        &p,
        vec![
            su("standard", &["a-ordning"], &[], false),
            su("client", &["a-ordning"], &[A, B], false),
        ],
    );
    assert_eq!(scenarios(&p), ["G", "H"]);
    let notes = p.advice.as_ref().unwrap().notes.join("\n");
    assert!(notes.contains("self_on_client_system_user"), "{notes}");
}

#[test]
fn h_self_on_client_consolidates_to_one_client_system_user() {
    let p = advise(&g_plan(
        "own_packages: [a-ordning]\n",
        "options: { self_on_client_system_user: true }\n",
    ));
    expect(&p, vec![su("client", &["a-ordning"], &[A, B], true)]);
    assert!(
        p.system_users[0]
            .why
            .as_deref()
            .unwrap()
            .starts_with("Scenario H simplified: the organisation itself")
    );
}

#[test]
fn h_self_on_client_needs_the_own_packages_on_the_client_system_user() {
    let p = advise(&g_plan(
        "own_packages: [merverdiavgift]\n",
        "options: { self_on_client_system_user: true }\n",
    ));
    expect(
        &p,
        vec![
            su("standard", &["merverdiavgift"], &[], false),
            su("client", &["a-ordning"], &[A, B], false),
        ],
    );
}

/// Added to a client system user, the organisation gets every package on it
/// (DelegateSelfToAgentSystemUser), so self-on-client is advised only where
/// those are exactly what it asked for itself.
#[test]
fn h_self_on_client_never_gives_the_organisation_packages_it_did_not_ask_for() {
    let src = G_SITUATION.replace(
        "name: Utdanningsetaten, unit_type: ORGL, sub_entity: true, delegated: [a-ordning]",
        "name: Utdanningsetaten, unit_type: ORGL, sub_entity: true, delegated: [a-ordning, sykefravaer]",
    ).replace(
        "name: Bydel Grünerløkka, unit_type: ORGL, sub_entity: true, delegated: [a-ordning]",
        "name: Bydel Grünerløkka, unit_type: ORGL, sub_entity: true, delegated: [a-ordning, sykefravaer]",
    );
    let p = parse(
        &format!(
            "version: 1\n{src}own_packages: [a-ordning]\noptions: {{ self_on_client_system_user: true }}\n"
        ),
        "g.yaml",
    )
    .unwrap();
    let p = advise(&p);
    expect(
        &p,
        vec![
            su("standard", &["a-ordning"], &[], false),
            su("client", &["a-ordning", "sykefravaer"], &[A, B], false),
        ],
    );
    let notes = p.advice.as_ref().unwrap().notes.join("\n");
    assert!(notes.contains("every package of it"), "{notes}");
}

#[test]
fn h_with_an_accountant_relationship_needs_three() {
    let src = format!(
        r#"system: {{ id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [sykefravaer, regnskapsforer-med-signeringsrettighet] }}
own_packages: [sykefravaer]
options: {{ self_on_client_system_user: true }}
clients:
  - {{ orgnr: "{A}", name: Subsidiary A AS, unit_type: AS, delegated: [sykefravaer] }}
  - {{ orgnr: "{B}", name: Subsidiary B AS, unit_type: AS, delegated: [sykefravaer] }}
  - {{ orgnr: "{C}", name: Customer X AS, unit_type: AS, er_roles: [regnskapsforer] }}
  - {{ orgnr: "{D}", name: Customer Y AS, unit_type: AS, er_roles: [regnskapsforer] }}
"#
    );
    let without = advise(&plan(
        &src.replace("options: { self_on_client_system_user: true }\n", ""),
    ));
    expect(
        &without,
        vec![
            su("standard", &["sykefravaer"], &[], false),
            su("client", &["sykefravaer"], &[A, B], false),
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet"],
                &[C, D],
                false,
            ),
        ],
    );
    assert_eq!(scenarios(&without), ["C", "H"]);
    let with = advise(&plan(&src));
    expect(
        &with,
        vec![
            su("client", &["sykefravaer"], &[A, B], true),
            su(
                "client",
                &["regnskapsforer-med-signeringsrettighet"],
                &[C, D],
                false,
            ),
        ],
    );
}

#[test]
fn forretningsforer_for_an_as_is_unserved_with_the_reason() {
    let p = advise(&plan(&format!(
        r#"system: {{ id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [forretningsforer-eiendom] }}
clients:
  - {{ orgnr: "{A}", name: Borettslaget A, unit_type: BRL, er_roles: [forretningsforer] }}
  - {{ orgnr: "{B}", name: Eiendom B AS, unit_type: AS, er_roles: [forretningsforer] }}
"#
    )));
    expect(
        &p,
        vec![su("client", &["forretningsforer-eiendom"], &[A], false)],
    );
    let unserved = &p.advice.as_ref().unwrap().unserved;
    assert_eq!(unserved.len(), 1);
    assert_eq!(unserved[0].name, "Eiendom B AS");
    assert!(
        unserved[0].reason.contains("this client is AS"),
        "{}",
        unserved[0].reason
    );
}

#[test]
fn packages_the_system_lacks_are_noted_not_used() {
    let p = advise(&plan(&format!(
        r#"system: {{ id: "991825827_smartcloud", vendor: "991825827", access_packages: [merverdiavgift] }}
own_packages: [merverdiavgift, skatt-naering]
clients:
  - {{ orgnr: "{A}", name: Client A AS, unit_type: AS, delegated: [lonn] }}
"#
    )));
    expect(&p, vec![su("standard", &["merverdiavgift"], &[], false)]);
    let a = p.advice.as_ref().unwrap();
    let notes = a.notes.join("\n");
    assert!(
        notes.contains("ask the vendor to register `skatt-naering`"),
        "{notes}"
    );
    assert_eq!(a.unserved.len(), 1);
    assert!(
        a.unserved[0].reason.contains("lacks `lonn`"),
        "{}",
        a.unserved[0].reason
    );
}

#[test]
fn decision_path_has_all_seven_questions_in_order() {
    let p = advise(&plan(F_SITUATION));
    let path = &p.advice.as_ref().unwrap().decision_path;
    let ids: Vec<&str> = path.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        ids,
        [
            "own-only",
            "one-relationship-type",
            "several-relationship-types",
            "extra-delegated-packages",
            "teams",
            "sub-entities",
            "own-and-delegated"
        ]
    );
    let answers: Vec<&str> = path.iter().map(|s| s.answer.as_str()).collect();
    assert_eq!(answers, ["no", "yes", "no", "yes", "no", "no", "no"]);
    assert!(path.iter().all(|s| !s.why.is_empty()));
}

#[test]
fn an_empty_situation_gives_an_empty_layout() {
    let p = advise(&plan(
        r#"system: { id: "991825827_smartcloud", vendor: "991825827", access_packages: [] }
"#,
    ));
    assert!(p.system_users.is_empty());
    assert!(p.advice.as_ref().unwrap().scenarios.is_empty());
}

#[test]
fn advice_round_trips_through_yaml() {
    let p = advise(&plan(F_SITUATION));
    let again = parse(&sysuser::plan::to_yaml(&p), "again.yaml").unwrap();
    assert_eq!(p, again);
}
