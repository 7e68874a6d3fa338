//! `catalog diff`: the built-in catalog against Access Management's export.

use serde_json::json;
use std::path::Path;
use std::process::Command;
use sysuser::catalog::catalog;
use sysuser::catalog_diff::{diff, parse_export, text};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The built-in catalog in the export's shape (area groups → areas → packages).
fn export_of_built_in() -> String {
    let mut groups: Vec<serde_json::Value> = Vec::new();
    for p in catalog().packages() {
        let pkg = json!({"id": "x", "name": p.name_nb, "urn": p.urn, "description": "",
            "isDelegable": p.is_delegable, "isAssignable": p.is_assignable, "area": null, "resources": []});
        let g = match groups
            .iter_mut()
            .position(|g| g["name"] == p.area_group.as_str())
        {
            Some(i) => &mut groups[i],
            None => {
                groups.push(json!({"id": "g", "name": p.area_group, "urn": "", "description": "", "type": "", "areas": []}));
                groups.last_mut().unwrap()
            }
        };
        let areas = g["areas"].as_array_mut().unwrap();
        match areas.iter_mut().position(|a| a["name"] == p.area.as_str()) {
            Some(i) => areas[i]["packages"].as_array_mut().unwrap().push(pkg),
            None => areas.push(json!({"id": "a", "name": p.area, "urn": "", "description": "", "icon": "", "packages": [pkg]})),
        }
    }
    serde_json::to_string(&groups).unwrap()
}

#[test]
fn the_built_in_catalog_matches_itself() {
    let export = parse_export(&export_of_built_in()).unwrap();
    assert_eq!(export.len(), catalog().packages().len());
    let d = diff(&export, None);
    assert!(d.is_empty());
    assert!(text(&d, false).starts_with("The export matches"));
}

#[test]
fn added_removed_reflagged_and_what_the_plan_uses() {
    let export = parse_export(
        &std::fs::read_to_string(root().join("tests/fixtures/accesspackages-export-changed.json"))
            .unwrap(),
    )
    .unwrap();
    let plan = sysuser::plan::load(&root().join("scenarios/h-own-and-delegated.yaml")).unwrap();
    let d = diff(&export, Some(&plan));
    let codes =
        |l: &[sysuser::catalog_diff::Change]| l.iter().map(|c| c.code.clone()).collect::<Vec<_>>();
    assert_eq!(codes(&d.added), ["ny-testpakke"]);
    assert_eq!(codes(&d.removed), ["lonn"]);
    assert_eq!(codes(&d.reflagged), ["sykefravaer", "skattegrunnlag"]);
    let syk = &d.reflagged[0];
    let breaks: Vec<Option<&str>> = syk.used.iter().map(|u| u.breaks).collect();
    assert_eq!(breaks, [None, None, Some("AUTH-00065"), Some("AUTH-00080")]);
    assert!(d.reflagged[1].used.is_empty());
    insta::assert_snapshot!(text(&d, true));
}

#[test]
fn errors_name_the_field() {
    let e = parse_export(r#"[{"areas": [{"packages": [{"urn": "urn:altinn:accesspackage:lonn", "isDelegable": "yes", "isAssignable": true}]}]}]"#).unwrap_err();
    assert_eq!(
        e,
        "[0].areas[0].packages[0].isDelegable: expected true or false"
    );
    assert!(
        parse_export("{}")
            .unwrap_err()
            .starts_with("expected a list of area groups")
    );
    assert!(parse_export("[").unwrap_err().starts_with("not valid JSON"));
}

#[test]
fn cli_exit_status_says_whether_the_plan_breaks() {
    let run = |plan: &str| {
        Command::new(env!("CARGO_BIN_EXE_sysuser"))
            .args([
                "catalog",
                "diff",
                "tests/fixtures/accesspackages-export-changed.json",
                "--plan",
                plan,
            ])
            .current_dir(root())
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run("scenarios/h-own-and-delegated.yaml"), Some(1));
    assert_eq!(run("scenarios/c-multiple-relationship-types.yaml"), Some(0));
}
