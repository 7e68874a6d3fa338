//! `check` points at the plan: each finding carries the file, line and column
//! of its system user's, client's or team's entry (the system's or the
//! organisation's otherwise), in text (rustc-style), JSON, SARIF and GitHub
//! annotations. The same places whether the fast reader or the general
//! parser read the file.

use std::path::Path;
use std::process::Command;

fn check(file: &str, format: &str) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args(["check", file, "--format", format, "--color", "never"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/located"))
        .output()
        .expect("runs");
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn text_points_at_each_entry_like_rustc() {
    let (code, text) = check("plan.yaml", "text");
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("located-text", text);
}

#[test]
fn json_carries_the_location() {
    let (code, text) = check("plan.yaml", "json");
    assert_eq!(code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let places: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let l = &f["location"];
            format!("{} {}:{}:{}", f["rule"], l["file"], l["line"], l["column"])
        })
        .collect();
    insta::assert_snapshot!("located-json-places", places.join("\n"));
}

#[test]
fn github_annotations() {
    let (code, text) = check("plan.yaml", "github");
    assert_eq!(code, Some(1));
    assert!(text.lines().all(|l| l.starts_with("::")), "{text}");
    insta::assert_snapshot!("located-github", text);
}

#[test]
fn sarif_is_a_valid_2_1_0_log() {
    let (code, text) = check("plan.yaml", "sarif");
    assert_eq!(code, Some(1), "the exit code does not depend on the format");
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "sysuser");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), sysuser::rules::Rule::ALL.len());
    for r in rules {
        assert!(r["id"].is_string() && r["shortDescription"]["text"].is_string());
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for res in results {
        let index = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], res["ruleId"]);
        assert!(["error", "warning", "note"].contains(&res["level"].as_str().unwrap()));
        assert!(res["message"]["text"].is_string());
        let loc = &res["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "plan.yaml");
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
    let (_, empty) = check("../../scenarios/a-own-reporting.yaml", "sarif");
    let log: serde_json::Value = serde_json::from_str(&empty).unwrap();
    assert!(log["runs"][0]["results"].is_array());
}

#[test]
fn the_general_parser_gives_the_same_places() {
    let dir = tempfile::tempdir().unwrap();
    let plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/located/plan.yaml"),
    )
    .unwrap();
    // `True` is left to the general parser (a string to it, here).
    let declined = dir.path().join("plan.yaml");
    std::fs::write(&declined, plan.replace("name: Tiger AS", "name: True")).unwrap();
    let text = std::fs::read_to_string(&declined).unwrap();
    assert!(matches!(
        sysuser::fastyaml::read::<serde_json::Value>(&text),
        Ok(sysuser::fastyaml::Outcome::Declined)
    ));
    let (_, fast) = check("plan.yaml", "github");
    let (_, general) = check(declined.to_str().unwrap(), "github");
    let shown = declined.to_str().unwrap();
    assert_eq!(general.replace(shown, "plan.yaml"), fast);
}
