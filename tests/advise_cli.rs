//! `sysuser advise` on the command line: output, refusal, -o onto the input.

mod common;
use common::sysuser;

const SITUATION: &str = r#"version: 1
organisation: { orgnr: "310202398", name: DISKRET NÆR TIGER AS, unit_type: AS }
system: { id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet, merverdiavgift] }
own_packages: [merverdiavgift]
clients:
  - { orgnr: "311037889", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }
"#;

#[test]
fn writes_the_advised_plan_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.yaml");
    std::fs::write(&f, SITUATION).unwrap();
    let out = sysuser(&["advise", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let plan = sysuser::plan::parse(&String::from_utf8(out.stdout).unwrap(), "out").unwrap();
    let names: Vec<&str> = plan.system_users.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Own reporting", "Accounting"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn refuses_a_plan_with_system_users_unless_replace_and_writes_onto_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.yaml");
    let p = f.to_str().unwrap();
    std::fs::write(&f, SITUATION).unwrap();
    let out = sysuser(&["advise", p, "-o", p]);
    assert_eq!(out.status.code(), Some(0));
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(summary.starts_with("wrote "), "{summary}");
    assert!(
        summary.contains("2 system users (scenarios A, B), 1 client link"),
        "{summary}"
    );
    let written = std::fs::read_to_string(&f).unwrap();
    assert!(written.contains("system_users:"));

    let again = sysuser(&["advise", p]);
    assert_eq!(again.status.code(), Some(2));
    let err = String::from_utf8(again.stderr).unwrap();
    assert!(
        err.contains("already has 2 system users") && err.contains("--replace"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        written,
        "nothing is written"
    );

    let replaced = sysuser(&["advise", p, "--replace", "-o", p, "--quiet"]);
    assert_eq!(replaced.status.code(), Some(0));
    assert!(replaced.stderr.is_empty());
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        written,
        "advice is stable"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left");
}

#[test]
fn a_broken_file_is_exit_2_with_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.yaml");
    std::fs::write(&f, SITUATION.replace("own_packages", "own_pakages")).unwrap();
    let out = sysuser(&["advise", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.yaml:4:"), "{err}");
    assert!(err.contains("own_packages"), "{err}");
}

/// A situation that breaks a rule whatever the layout: advise says so on
/// stderr and in advice.notes, with the fix, and exits 1.
#[test]
fn a_situation_that_breaks_a_rule_is_said_and_exits_one() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.yaml");
    std::fs::write(&f, SITUATION.replace("visible: false", "visible: true")).unwrap();
    let out = sysuser(&["advise", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("error[visible-system-with-client-only-package]") && err.contains("hint: "),
        "{err}"
    );
    let plan = sysuser::plan::parse(&String::from_utf8(out.stdout).unwrap(), "out").unwrap();
    let notes = plan.advice.unwrap().notes.join("\n");
    assert!(notes.contains("`system.visible: false`"), "{notes}");

    let local = SITUATION.replace("visible: false", "visible: false, locally_installed: true");
    std::fs::write(&f, local).unwrap();
    let out = sysuser(&["advise", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let plan = sysuser::plan::parse(&String::from_utf8(out.stdout).unwrap(), "out").unwrap();
    let notes = plan.advice.unwrap().notes.join("\n");
    assert!(notes.contains("system.vendor: \"310202398\""), "{notes}");
}
