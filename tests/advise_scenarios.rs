//! `advise` on each scenario file's situation (its `system_users` removed)
//! gives the layout the file holds, which is the one the guidance recommends:
//! the same type, packages, clients and include_self per system user (names
//! may differ). The full advice is snapshotted for review.

mod common;
use common::scenario;
use sysuser::advisor::advise;
use sysuser::plan::Plan;

type Shape = Vec<(String, Vec<String>, Vec<String>, bool)>;

fn shape(p: &Plan) -> Shape {
    let mut v: Shape = p
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

/// Advises the scenario's situation, asserts the file's layout, and returns
/// the advised layout and advice as YAML for the snapshot.
fn check_scenario(name: &str, scenarios: &[&str]) -> String {
    let file = scenario(name);
    assert!(!file.system_users.is_empty(), "{name} holds a layout");
    let mut situation = file.clone();
    situation.system_users.clear();
    let advised = advise(&situation);
    assert_eq!(
        shape(&advised),
        shape(&file),
        "{name}: advised layout differs from the scenario's\n{}",
        sysuser::plan::to_yaml(&advised)
    );
    let report = sysuser::engine::check(&advised);
    assert!(!report.has_errors(), "{name}: {:#?}", report.findings);
    let advice = advised.advice.as_ref().unwrap();
    assert_eq!(advice.scenarios, scenarios, "{name}");
    assert!(advice.unserved.is_empty(), "{name}: {:?}", advice.unserved);
    // Teams: the advice names the same teams per system user as the file.
    let mut teams_file: Vec<Vec<String>> =
        file.system_users.iter().map(|s| s.teams.clone()).collect();
    let mut teams_adv: Vec<Vec<String>> = advised
        .system_users
        .iter()
        .map(|s| s.teams.clone())
        .collect();
    teams_file.sort();
    teams_adv.sort();
    assert_eq!(teams_adv, teams_file, "{name}");
    #[derive(serde::Serialize)]
    struct Out<'a> {
        system_users: &'a [sysuser::plan::SystemUser],
        advice: &'a sysuser::plan::Advice,
    }
    serde_yaml::to_string(&Out {
        system_users: &advised.system_users,
        advice,
    })
    .unwrap()
}

macro_rules! scenario_test {
    ($test:ident, $file:literal, [$($s:literal),*]) => {
        #[test]
        fn $test() {
            let yaml = check_scenario($file, &[$($s),*]);
            insta::assert_snapshot!(yaml);
        }
    };
}

scenario_test!(a_own_reporting, "a-own-reporting", ["A"]);
scenario_test!(b_one_relationship_type, "b-one-relationship-type", ["B"]);
scenario_test!(
    c_multiple_relationship_types,
    "c-multiple-relationship-types",
    ["C"]
);
scenario_test!(d_team_based_access, "d-team-based-access", ["C", "D"]);
scenario_test!(e_locally_installed, "e-locally-installed", ["E"]);
scenario_test!(
    f_extra_services_option_1,
    "f-extra-services-option-1",
    ["B", "F"]
);
scenario_test!(
    f_extra_services_option_2,
    "f-extra-services-option-2",
    ["B", "F"]
);
scenario_test!(g_sub_entities, "g-sub-entities", ["G"]);
scenario_test!(h_own_and_delegated, "h-own-and-delegated", ["G", "H"]);
scenario_test!(
    h_own_and_delegated_self_on_client,
    "h-own-and-delegated-self-on-client",
    ["G", "H"]
);
scenario_test!(
    h_own_delegated_and_accountant,
    "h-own-delegated-and-accountant",
    ["C", "H"]
);

#[test]
fn every_scenario_file_is_tested() {
    let files = common::scenario_names();
    assert_eq!(
        files.len(),
        11,
        "{files:?}: add a test for each new scenario"
    );
}
