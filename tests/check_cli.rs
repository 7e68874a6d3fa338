//! `sysuser check` through the real binary: exit codes, JSON, text.

mod common;
use common::sysuser;

use std::path::{Path, PathBuf};
use sysuser::rules::{Rule, Severity};

fn bad_plan(id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/bad_plans/{id}.yaml"))
}

#[test]
fn every_error_rule_has_a_bad_plan_that_fails_with_its_code() {
    for rule in Rule::ALL.iter().filter(|r| r.severity() == Severity::Error) {
        let path = bad_plan(rule.id());
        assert!(path.exists(), "no bad plan for {}", rule.id());
        let out = sysuser(&["check", path.to_str().unwrap(), "--format", "json"]);
        assert_eq!(out.status.code(), Some(1), "{}", rule.id());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let hit = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule.id())
            .unwrap_or_else(|| panic!("{} not reported: {json}", rule.id()));
        assert_eq!(hit["severity"], "error");
        match rule.altinn_code() {
            Some(code) => assert_eq!(hit["altinn_code"], code, "{}", rule.id()),
            None => assert!(hit.get("altinn_code").is_none()),
        }
        assert!(json["summary"]["errors"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn every_bad_plan_is_named_after_an_error_rule() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_plans");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let id = name.strip_suffix(".yaml").expect("only .yaml files");
        let rule = Rule::from_id(id).unwrap_or_else(|| panic!("{name}: no such rule"));
        assert_eq!(rule.severity(), Severity::Error, "{name}");
    }
}

#[test]
fn text_output_reads_like_a_compiler() {
    let path = bad_plan("client-missing-package");
    let out = sysuser(&["check", path.to_str().unwrap(), "--color", "never"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "error[client-missing-package] AUTH-00080: System user \"Sick leave and VAT\""
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "\n  system user: Sick leave and VAT, client: 310000027, package: sykefravaer\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("\n  hint: Have Client B AS (310000027) delegate"),
        "{text}"
    );
    assert!(text.ends_with("1 error, 4 infos\n"), "{text}");
    assert!(!text.contains('\x1b'));
}

#[test]
fn colour_only_when_asked() {
    let path = bad_plan("client-missing-package");
    let out = sysuser(&["check", path.to_str().unwrap(), "--color", "always"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("\x1b[1;31merror\x1b[0m\x1b[1m[client-missing-package]"),
        "{text:?}"
    );
}

#[test]
fn quiet_prints_only_errors_and_the_summary() {
    let path = bad_plan("client-missing-package");
    let out = sysuser(&[
        "check",
        path.to_str().unwrap(),
        "--quiet",
        "--color",
        "never",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("info["), "{text}");
    assert_eq!(text.matches("error[").count(), 1);
    assert!(text.ends_with("1 error, 4 infos\n"));
}

#[test]
fn warnings_alone_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("warn.yaml");
    let text = std::fs::read_to_string(bad_plan("client-missing-package"))
        .unwrap()
        .replace(
            "clients: [\"312655985\", \"310000027\"] }\n  - { name: Audit",
            "clients: [\"312655985\"] }\n  - { name: Audit",
        )
        .replace(
            "access_packages: [sykefravaer, merverdiavgift], clients: [\"310000027\"] }",
            "access_packages: [sykefravaer, merverdiavgift], clients: [] }",
        );
    std::fs::write(&path, text).unwrap();
    let out = sysuser(&["check", path.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["errors"], 0, "{json}");
    assert_eq!(json["summary"]["warnings"], 1, "{json}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn unreadable_plans_exit_two_and_write_nothing() {
    let out = sysuser(&["check", "/nonexistent/plan.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.yaml");
    std::fs::write(&path, "version: 1\norganisation: { orgnr: \"12\" }\n").unwrap();
    let out = sysuser(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(":2:"));
}

#[test]
fn generated_plans_pass_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    let out = sysuser(&[
        "generate",
        "--clients",
        "2000",
        "--seed",
        "7",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let out = sysuser(&["check", path.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["warnings"], 0);
    assert_eq!(out.status.code(), Some(0));
    // The same seed, the same file.
    let again = sysuser(&["generate", "--clients", "2000", "--seed", "7"]);
    assert_eq!(again.stdout, std::fs::read(&path).unwrap());
}
