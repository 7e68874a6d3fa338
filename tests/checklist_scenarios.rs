//! `checklist` on the guidance's scenario files: the recommended layouts pass
//! everything the plan can tell.

use std::path::Path;
use sysuser::checklist::{Status, checklist};
use sysuser::plan::load;

fn text(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name);
    let plan = load(&p).unwrap_or_else(|e| panic!("{e}"));
    checklist(&plan).to_text(&plan)
}

#[test]
fn no_scenario_fails_an_item() {
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")).unwrap()
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let plan = load(&path).unwrap();
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
