//! `schema`: the plan format's JSON Schema accepts every scenario and plan
//! the project ships, refuses what the loader refuses, and describes every field.

mod common;
use std::path::PathBuf;

fn yaml_files() -> Vec<PathBuf> {
    let mut v = common::scenario_files();
    v.push(common::root().join("tests/fixtures/letters-not-ready.yaml"));
    v
}

fn as_json(yaml: &str) -> serde_json::Value {
    serde_yaml::from_str(yaml).unwrap()
}

#[test]
fn every_scenario_validates() {
    let schema = sysuser::schema::schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for p in yaml_files() {
        let text = std::fs::read_to_string(&p).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&text))
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", p.display());
        // And an advised plan, with its advice section, round-tripped through the writer.
        let plan = sysuser::plan::load(&p).unwrap();
        let advised = sysuser::advisor::advise(&plan);
        let yaml = sysuser::plan::to_yaml(&advised);
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&yaml))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "advised {}: {errors:#?}", p.display());
    }
}

#[test]
fn refuses_what_the_loader_refuses() {
    let validator = jsonschema::validator_for(&sysuser::schema::schema()).unwrap();
    let base =
        std::fs::read_to_string(common::root().join("scenarios/b-one-relationship-type.yaml"))
            .unwrap();
    for (from, to) in [
        ("system_users:", "system_user:"),
        ("type: client", "type: agnet"),
        ("version: 1", "version: 2"),
        ("unit_type: AS", "unit_type: XX"),
    ] {
        assert!(base.contains(from), "{from}");
        let bad = base.replacen(from, to, 1);
        assert!(
            sysuser::plan::parse(&bad, "bad.yaml").is_err(),
            "the loader takes {to}"
        );
        assert!(!validator.is_valid(&as_json(&bad)), "the schema takes {to}");
    }
    // Aliases the loader accepts, the schema accepts.
    let agent = base.replacen("type: client", "type: agent", 1);
    assert!(sysuser::plan::parse(&agent, "a.yaml").is_ok());
    assert!(validator.is_valid(&as_json(&agent)));
}

#[test]
fn every_field_has_a_description_and_every_description_a_field() {
    let fields = sysuser::schema::fields();
    let described: Vec<(String, String)> = sysuser::schema::described()
        .map(|(d, f)| (d.to_string(), f.to_string()))
        .collect();
    for f in &fields {
        assert!(described.contains(f), "no description for {f:?}");
    }
    for d in &described {
        assert!(
            fields.contains(d),
            "a description for a field that does not exist: {d:?}"
        );
    }
    let schema = sysuser::schema::schema();
    let codes = schema["$defs"]["PackageRef"]["anyOf"].as_array().unwrap();
    assert!(codes.iter().any(|c| c["const"] == "skatt-naering"));
    assert!(!codes.iter().any(|c| c["const"] == "skattnaering"));
}
