//! `diff`: the steps between two layouts, their order, and the CLI contract.

use std::process::Command;
use sysuser::diff::{Step, diff};
use sysuser::plan::{Plan, parse};

const HEAD: &str = r#"version: 1
organisation: { orgnr: "310202398", name: Regnskap AS, unit_type: AS }
clients:
  - { orgnr: "311000004", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "311000071", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "311000144", name: Client C AS, unit_type: AS, er_roles: [regnskapsforer, revisor] }
  - { orgnr: "311000217", name: Client D AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer, a-ordning] }
  - { orgnr: "311000284", name: Client E AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }
"#;

fn plan(system: &str, users: &str) -> Plan {
    let text = format!("{HEAD}system: {system}\nsystem_users:\n{users}");
    parse(&text, "inline.yaml").unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn sys(packages: &str) -> String {
    format!(
        "{{ id: \"991825827_smartcloud\", vendor: \"991825827\", visible: false, access_packages: [{packages}] }}"
    )
}

const F1: &str = r#"  - name: Accounting only
    external_ref: accounting
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["311000004", "311000071", "311000144"]
  - name: Accounting + sick leave
    external_ref: accounting-sick-leave
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer]
    clients: ["311000217", "311000284"]
"#;

const F2: &str = r#"  - name: Accounting
    external_ref: accounting
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["311000004", "311000071", "311000144", "311000217", "311000284"]
  - name: Sick leave
    external_ref: sick-leave
    type: client
    access_packages: [sykefravaer]
    clients: ["311000217", "311000284"]
"#;

fn kinds(steps: &[Step]) -> Vec<&'static str> {
    steps
        .iter()
        .map(|s| match s {
            Step::ChangeSystem { .. } => "change-system",
            Step::RegisterPackages { .. } => "register-packages",
            Step::RequestSystemUser { .. } => "request-system-user",
            Step::ChangePackages { .. } => "change-packages",
            Step::IncludeSelf { .. } => "include-self",
            Step::AddClients { .. } => "add-clients",
            Step::MoveClients { .. } => "move-clients",
            Step::RecreateSystemUser { .. } => "recreate-system-user",
            Step::RemoveClients { .. } => "remove-clients",
            Step::DeleteSystemUser { .. } => "delete-system-user",
            Step::Rename { .. } => "rename",
            Step::UnregisterPackages { .. } => "unregister-packages",
        })
        .collect()
}

#[test]
fn f_option_1_to_option_2() {
    let s = sys("regnskapsforer-med-signeringsrettighet, sykefravaer");
    let (old, new) = (plan(&s, F1), plan(&s, F2));
    let d = diff(&old, &new).unwrap();
    assert_eq!(
        kinds(&d.steps),
        [
            "rename",
            "request-system-user",
            "add-clients",
            "move-clients",
            "delete-system-user"
        ]
    );
    insta::assert_snapshot!(d.to_text());
}

#[test]
fn f_option_2_to_option_1() {
    let s = sys("regnskapsforer-med-signeringsrettighet, sykefravaer");
    let (old, new) = (plan(&s, F2), plan(&s, F1));
    let d = diff(&old, &new).unwrap();
    insta::assert_snapshot!(d.to_text());
}

const EVERY_OLD: &str = r#"  - name: Own
    external_ref: own
    type: standard
    access_packages: [merverdiavgift]
  - name: Accounting
    external_ref: accounting
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["311000004", "311000071"]
  - name: Audit
    external_ref: audit
    type: client
    access_packages: [ansvarlig-revisor]
    clients: ["311000144"]
  - name: Delegated
    external_ref: delegated
    type: client
    access_packages: [sykefravaer]
    clients: ["311000217"]
  - name: Legacy
    external_ref: legacy
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["311000284"]
  - name: Reports
    external_ref: reports-v1
    type: standard
    access_packages: [skatt-naering]
  - name: Shared
    external_ref: shared
    type: standard
    access_packages: [a-ordning]
"#;

const EVERY_NEW: &str = r#"  - name: Own
    external_ref: own
    type: standard
    access_packages: [merverdiavgift, skatt-naering]
  - name: Bookkeeping
    external_ref: accounting
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["311000004", "311000284"]
  - name: Audit
    external_ref: audit
    type: client
    access_packages: [ansvarlig-revisor, revisormedarbeider]
    clients: ["311000144"]
  - name: Delegated
    external_ref: delegated
    type: client
    access_packages: [sykefravaer]
    include_self: true
    clients: ["311000217"]
  - name: Payroll
    external_ref: payroll
    type: client
    access_packages: [a-ordning]
    clients: ["311000217"]
  - name: Reports
    external_ref: reports-v2
    type: standard
    access_packages: [skatt-naering]
  - name: Shared
    external_ref: shared
    type: client
    access_packages: [a-ordning]
    clients: ["311000217"]
"#;

fn every_pair() -> (Plan, Plan) {
    let old = sys(
        "regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, sykefravaer, merverdiavgift, skatt-naering, a-ordning, lonn",
    );
    let new = sys(
        "regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, revisormedarbeider, sykefravaer, merverdiavgift, skatt-naering, a-ordning",
    );
    (plan(&old, EVERY_OLD), plan(&new, EVERY_NEW))
}

#[test]
fn every_step_kind_in_a_safe_order() {
    let (old, new) = every_pair();
    let d = diff(&old, &new).unwrap();
    assert_eq!(
        kinds(&d.steps),
        [
            "register-packages",
            "rename",
            "request-system-user",
            "change-packages",
            "include-self",
            "add-clients",
            "move-clients",
            "recreate-system-user",
            "recreate-system-user",
            "recreate-system-user",
            "remove-clients",
            "delete-system-user",
            "unregister-packages",
        ]
    );
    insta::assert_snapshot!(d.to_text());
}

/// The same steps in bokmål, as the wizard's merge and `diff --lang nb` show them.
#[test]
fn every_step_kind_in_bokmal() {
    let (old, new) = every_pair();
    let d = diff(&old, &new).unwrap();
    let text = d.to_text_in(sysuser::lang::Lang::Nb);
    for english in [
        "Vendor",
        "Client administrator",
        "external ref",
        " and ",
        " the ",
    ] {
        assert!(!text.contains(english), "{english:?} in {text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn every_step_kind_as_json() {
    let (old, new) = every_pair();
    let d = diff(&old, &new).unwrap();
    insta::assert_json_snapshot!(d.numbered());
}

#[test]
fn identical_layouts_have_no_steps() {
    let s = sys("regnskapsforer-med-signeringsrettighet, sykefravaer");
    let (old, new) = (plan(&s, F1), plan(&s, F1));
    let d = diff(&old, &new).unwrap();
    assert!(d.is_empty());
    assert_eq!(d.to_text(), "No changes: the two layouts are the same.\n");
    assert_eq!(
        d.to_text_in(sysuser::lang::Lang::Nb),
        "Ingen endringer: de to oppsettene er like.\n"
    );
}

#[test]
fn standard_package_change_is_a_change_request_but_client_one_is_a_replacement() {
    let (old, new) = every_pair();
    let d = diff(&old, &new).unwrap();
    let own = d
        .steps
        .iter()
        .find_map(|s| match s {
            Step::ChangePackages {
                system_user, add, ..
            } => Some((system_user.name.clone(), add.clone())),
            _ => None,
        })
        .unwrap();
    assert_eq!(own, ("Own".to_string(), vec!["skatt-naering".to_string()]));
    let audit = d
        .steps
        .iter()
        .find(|s| matches!(s, Step::RecreateSystemUser { old, .. } if old.name == "Audit"))
        .unwrap();
    assert!(
        audit
            .text()
            .contains("Altinn refuses changes to a client system user's packages")
    );
    assert!(
        audit.text().contains("Delete it, then"),
        "same external ref: delete first"
    );
    let reports = d
        .steps
        .iter()
        .find(|s| matches!(s, Step::RecreateSystemUser { old, .. } if old.name == "Reports"))
        .unwrap();
    assert!(
        reports.text().contains("then delete the old one"),
        "new ref: no gap"
    );
}

#[test]
fn a_client_system_user_moved_to_another_system_starts_over() {
    let a = plan(
        &sys("regnskapsforer-med-signeringsrettighet, sykefravaer"),
        F1,
    );
    let mut b = a.clone();
    b.system.id = "991825827_newsystem".into();
    let d = diff(&a, &b).unwrap();
    assert_eq!(
        kinds(&d.steps),
        [
            "change-system",
            "register-packages",
            "request-system-user",
            "request-system-user",
            "move-clients",
            "move-clients",
            "delete-system-user",
            "delete-system-user",
        ]
    );
}

#[test]
fn different_organisations_are_refused() {
    let a = plan(&sys("sykefravaer"), "");
    let mut b = a.clone();
    b.organisation.orgnr = sysuser::orgnr::Orgnr::parse("311037889").unwrap();
    assert!(
        diff(&a, &b)
            .unwrap_err()
            .contains("different organisations")
    );
}

fn write(dir: &std::path::Path, name: &str, plan: &Plan) {
    std::fs::write(dir.join(name), sysuser::plan::to_yaml(plan)).unwrap();
}

#[test]
fn cli_exit_codes_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = every_pair();
    write(dir.path(), "old.yaml", &old);
    write(dir.path(), "new.yaml", &new);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sysuser"))
            .args(args)
            .current_dir(dir.path())
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap()
    };
    let out = run(&["diff", "old.yaml", "new.yaml", "--lang", "nb"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(" 1. Leverandøren: legg til revisormedarbeider"),
        "{text}"
    );
    let out = run(&["diff", "old.yaml", "new.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(" 1. Vendor: add revisormedarbeider"),
        "{text}"
    );
    assert!(text.contains("\n13. Vendor: remove lonn"), "{text}");

    let out = run(&["diff", "old.yaml", "new.yaml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 13);
    assert_eq!(steps[0]["step"], 1);
    assert_eq!(steps[0]["kind"], "register-packages");
    assert!(steps[0]["text"].as_str().unwrap().contains("AUTH-00063"));

    let out = run(&["diff", "old.yaml", "old.yaml"]);
    assert_eq!(out.status.code(), Some(0));

    std::fs::write(dir.path().join("bad.yaml"), "version: 1\norganisation: [\n").unwrap();
    let out = run(&["diff", "old.yaml", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.yaml:"));

    let mut other = old.clone();
    other.organisation.orgnr = sysuser::orgnr::Orgnr::parse("311037889").unwrap();
    write(dir.path(), "other.yaml", &other);
    let out = run(&["diff", "old.yaml", "other.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("different organisations"));
}

#[test]
fn deleting_a_system_user_names_clients_left_unserved() {
    let s = sys("regnskapsforer-med-signeringsrettighet, sykefravaer");
    let new = r#"  - name: Accounting only
    external_ref: accounting
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["311000004", "311000071", "311000144", "311000217"]
"#;
    let (old, new) = (plan(&s, F1), plan(&s, new));
    let d = diff(&old, &new).unwrap();
    let last = d.steps.last().unwrap();
    assert!(matches!(last, Step::DeleteSystemUser { .. }));
    assert!(
        last.text()
            .contains("1 of its clients will be on no system user: Client E AS (311000284)."),
        "{}",
        last.text()
    );
}
