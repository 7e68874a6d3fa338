//! `checklist` on the guidance's scenario files: the recommended layouts pass
//! everything the plan can tell.

mod common;
use common::{load, scenario, scenario_files};
use sysuser::checklist::{Status, checklist};

fn text(name: &str) -> String {
    let plan = scenario(name);
    checklist(&plan).to_text(&plan)
}

#[test]
fn no_scenario_fails_an_item() {
    for path in scenario_files() {
        let plan = load(&path);
        let c = checklist(&plan);
        let failed: Vec<_> = c
            .items
            .iter()
            .filter(|i| i.status == Status::Fail)
            .collect();
        assert!(failed.is_empty(), "{}: {failed:#?}", path.display());
        assert_eq!(
            c.items[2].status,
            Status::Manual,
            "approval is always by hand"
        );
    }
}

#[test]
fn a_own_reporting() {
    insta::assert_snapshot!(text("a-own-reporting.yaml"));
}

#[test]
fn c_multiple_relationship_types() {
    insta::assert_snapshot!(text("c-multiple-relationship-types.yaml"));
}

#[test]
fn d_team_based_access() {
    insta::assert_snapshot!(text("d-team-based-access.yaml"));
}

#[test]
fn f_option_2() {
    insta::assert_snapshot!(text("f-extra-services-option-2.yaml"));
}

#[test]
fn h_own_and_delegated() {
    insta::assert_snapshot!(text("h-own-and-delegated.yaml"));
}
