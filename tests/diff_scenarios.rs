//! `diff` between the guidance's scenario files.

mod common;
use common::{load, scenario, scenario_files};
use sysuser::diff::diff;
use sysuser::plan::Plan;

/// Two scenario files describe different organisations; diff compares two
/// layouts of one, so the new plan takes the old one's organisation.
fn same_organisation(old: &Plan, mut new: Plan) -> Plan {
    new.organisation = old.organisation.clone();
    new
}

#[test]
fn f_option_1_to_option_2() {
    let (old, new) = (
        scenario("f-extra-services-option-1.yaml"),
        scenario("f-extra-services-option-2.yaml"),
    );
    let d = diff(&old, &new).unwrap();
    insta::assert_snapshot!(d.to_text());
}

#[test]
fn f_option_2_to_option_1() {
    let (old, new) = (
        scenario("f-extra-services-option-2.yaml"),
        scenario("f-extra-services-option-1.yaml"),
    );
    let d = diff(&old, &new).unwrap();
    insta::assert_snapshot!(d.to_text());
}

#[test]
fn h_to_h_with_self_on_the_client_system_user() {
    let (old, new) = (
        scenario("h-own-and-delegated.yaml"),
        scenario("h-own-and-delegated-self-on-client.yaml"),
    );
    let d = diff(&old, &new).unwrap();
    insta::assert_snapshot!(d.to_text());
}

#[test]
fn h_to_a_group_with_an_accountant_relationship_on_another_system() {
    let old = scenario("h-own-and-delegated.yaml");
    let new = same_organisation(&old, scenario("h-own-delegated-and-accountant.yaml"));
    insta::assert_snapshot!(diff(&old, &new).unwrap().to_text());
}

#[test]
fn b_to_c() {
    let old = scenario("b-one-relationship-type.yaml");
    let new = same_organisation(&old, scenario("c-multiple-relationship-types.yaml"));
    insta::assert_snapshot!(diff(&old, &new).unwrap().to_text());
}

#[test]
fn every_scenario_against_itself_is_empty() {
    for path in scenario_files() {
        let p = load(&path);
        assert!(diff(&p, &p).unwrap().is_empty(), "{}", path.display());
    }
}
