//! The core's texts in Norwegian bokmål: `check --lang nb` and
//! `advise --lang nb`, through the library and the real binary, as reviewed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use sysuser::lang::Lang;
use sysuser::plan::{Plan, load, parse};

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn sysuser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("runs")
}

/// A small plan with something wrong in every rule family: an invalid
/// orgnr, an unknown package, the AND rule, a client on a standard system
/// user, a duplicate external ref, an uncovered client and an unknown team.
const BAD: &str = r#"
version: 1
organisation: { orgnr: "310202398", name: Tiger AS, unit_type: AS }
system:
  id: "991825827_smartcloud"
  vendor: "991825827"
  visible: false
  access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer, merverdiavgift]
own_packages: [merverdiavgift]
clients:
  - { orgnr: "312655985", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }
  - { orgnr: "310000027", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "310000028", name: Client C AS, unit_type: AS, er_roles: [regnskapsforer] }
teams:
  - { name: Lønn, handles: [sykefravaer] }
system_users:
  - { name: Own, external_ref: own, type: standard, access_packages: [merverdiavgift, sykmelding], clients: ["312655985"], teams: [Lonn] }
  - { name: Accounting, external_ref: own, type: client, access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer], clients: ["312655985", "310000027"], teams: [Lønn] }
"#;

#[test]
fn check_in_bokmal_as_people_read_it() {
    let plan = parse(BAD, "bad.yaml").unwrap();
    let report = sysuser::engine::check_in(&plan, Lang::Nb);
    assert!(report.has_errors());
    insta::assert_snapshot!(
        "check-bad-nb-text",
        sysuser::commands::check::text_in(&report, false, false, Lang::Nb)
    );
    for id in ["role-package-wrong-unit-type", "not-a-client"] {
        let plan = load(&path(&format!("tests/bad_plans/{id}.yaml"))).unwrap();
        let report = sysuser::engine::check_in(&plan, Lang::Nb);
        insta::assert_snapshot!(
            format!("check-{id}-nb-text"),
            sysuser::commands::check::text_in(&report, false, false, Lang::Nb)
        );
    }
}

#[test]
fn check_lang_nb_through_the_binary() {
    let file = path("tests/bad_plans/client-missing-package.yaml");
    let file = file.to_str().unwrap();
    let nb = sysuser(&["check", file, "--lang", "nb"]);
    let en = sysuser(&["check", file, "--lang", "en"]);
    let default = sysuser(&["check", file]);
    assert_eq!(nb.status.code(), Some(1));
    assert_eq!(en.status.code(), Some(1));
    assert_eq!(en.stdout, default.stdout, "English is the default");
    let text = String::from_utf8(nb.stdout).unwrap();
    assert!(text.contains("error[client-missing-package] AUTH-00080: Systembrukeren"));
    assert!(text.contains("  tips: "));
    assert!(text.ends_with("\n1 feil, 3 info\n"), "{text}");
    // JSON keeps its field names and rule ids; the texts follow --lang.
    let json = sysuser(&["check", file, "--lang", "nb", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "client-missing-package");
    assert!(f["message"].as_str().unwrap().starts_with("Systembrukeren"));
    assert!(f["hint"].as_str().unwrap().starts_with("Be "));
}

fn situation(name: &str) -> Plan {
    let mut plan = load(&path(&format!("scenarios/{name}.yaml"))).unwrap();
    plan.system_users.clear();
    plan.advice = None;
    plan
}

#[test]
fn advise_in_bokmal_for_scenarios() {
    for name in [
        "f-extra-services-option-2",
        "h-own-and-delegated",
        "e-locally-installed",
    ] {
        let situation = situation(name);
        let nb = sysuser::advisor::advise_in(&situation, Lang::Nb);
        let en = sysuser::advisor::advise(&situation);
        // The same layout and external refs in every language.
        assert_eq!(nb.system_users.len(), en.system_users.len(), "{name}");
        for (n, e) in nb.system_users.iter().zip(&en.system_users) {
            assert_eq!(n.external_ref, e.external_ref, "{name}");
            assert_eq!(
                (n.kind, &n.access_packages, &n.clients, n.include_self),
                (e.kind, &e.access_packages, &e.clients, e.include_self),
                "{name}"
            );
            assert_ne!(n.why, e.why, "{name}: why is worded in bokmål");
        }
        let (na, ea) = (nb.advice.as_ref().unwrap(), en.advice.as_ref().unwrap());
        assert_eq!(na.scenarios, ea.scenarios);
        for (n, e) in na.decision_path.iter().zip(&ea.decision_path) {
            assert_eq!((&n.question, &n.answer), (&e.question, &e.answer));
            assert_ne!(n.why, e.why, "{name}: {}", n.question);
        }
        // The Norwegian plan still checks without errors.
        let report = sysuser::engine::check_in(&nb, Lang::Nb);
        assert!(!report.has_errors(), "{name}: {:?}", report.findings);
        insta::assert_snapshot!(format!("advise-{name}-nb"), sysuser::plan::to_yaml(&nb));
    }
}

#[test]
fn advise_lang_nb_through_the_binary_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let situation_file = dir.path().join("situation.yaml");
    std::fs::write(
        &situation_file,
        sysuser::plan::to_yaml(&situation("h-own-delegated-and-accountant")),
    )
    .unwrap();
    let out_file = dir.path().join("plan.yaml");
    let out = sysuser(&[
        "advise",
        situation_file.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
        "--lang",
        "nb",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(&out_file).unwrap();
    assert!(written.contains("Egen rapportering"), "{written}");
    let check = sysuser(&["check", out_file.to_str().unwrap(), "--lang", "nb"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
