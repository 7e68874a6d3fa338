//! `checklist`: each go-live item judged from the plan, and the CLI contract.

use std::process::Command;
use sysuser::checklist::{Status, checklist};
use sysuser::plan::{Plan, parse};

const BASE: &str = r#"version: 1
organisation: { orgnr: "310202398", name: Regnskap AS, unit_type: AS }
system: { id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, merverdiavgift] }
own_packages: [merverdiavgift]
clients:
  - { orgnr: "311000004", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "311000071", name: Client B AS, unit_type: AS, er_roles: [revisor] }
"#;

const LAYOUT: &str = r#"system_users:
  - name: Own
    external_ref: own
    type: standard
    access_packages: [merverdiavgift]
  - name: Accounting
    external_ref: accounting
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["311000004"]
  - name: Audit
    external_ref: audit
    type: client
    access_packages: [ansvarlig-revisor]
    clients: ["311000071"]
"#;

fn plan(extra: &str) -> Plan {
    let text = format!("{BASE}{extra}");
    parse(&text, "inline.yaml").unwrap_or_else(|e| panic!("{e}"))
}

fn item(p: &Plan, id: &str) -> sysuser::checklist::Item {
    checklist(p).items.into_iter().find(|i| i.id == id).unwrap()
}

#[test]
fn seven_items_in_the_guidance_order() {
    let c = checklist(&plan(LAYOUT));
    let ids: Vec<&str> = c.items.iter().map(|i| i.id).collect();
    assert_eq!(
        ids,
        [
            "system-registered",
            "number-of-system-users",
            "approved",
            "clients-linked",
            "access-control",
            "select-token",
            "tested"
        ]
    );
    assert_eq!(c.items[6].number, 7);
    let s = c.summary;
    assert_eq!(s.pass + s.fail + s.manual, 7);
}

#[test]
fn registered_passes_when_every_package_is_on_the_system() {
    let i = item(&plan(LAYOUT), "system-registered");
    assert_eq!(i.status, Status::Pass, "{i:?}");
}

#[test]
fn registered_fails_for_a_package_missing_from_the_system_or_unknown() {
    let layout = LAYOUT.replace(
        "[ansvarlig-revisor]",
        "[ansvarlig-revisor, revisormedarbeider, sykmelding]",
    );
    let i = item(&plan(&layout), "system-registered");
    assert_eq!(i.status, Status::Fail);
    assert!(
        i.details
            .iter()
            .any(|d| d.contains("`revisormedarbeider` on \"Audit\" is not on the system entry")),
        "{i:?}"
    );
    assert!(
        i.details
            .iter()
            .any(|d| d.contains("`sykmelding` on \"Audit\" is not an access package")),
        "{i:?}"
    );
}

#[test]
fn approval_is_always_by_hand_and_lists_every_request() {
    let i = item(&plan(LAYOUT), "approved");
    assert_eq!(i.status, Status::Manual);
    assert_eq!(i.details.len(), 3);
    assert!(i.details[1].contains("\"Accounting\" (external ref `accounting`, client)"));
}

#[test]
fn shared_external_ref_fails_token_selection() {
    let ok = item(&plan(LAYOUT), "select-token");
    assert_eq!(ok.status, Status::Pass, "{ok:?}");
    let layout = LAYOUT.replace("external_ref: audit", "external_ref: accounting");
    let i = item(&plan(&layout), "select-token");
    assert_eq!(i.status, Status::Fail);
    assert!(
        i.details[0].contains("`accounting` is shared by \"Accounting\", \"Audit\""),
        "{i:?}"
    );
}

#[test]
fn empty_external_refs_count_as_the_orgnr() {
    let layout = LAYOUT
        .replace("external_ref: audit", "external_ref: \"\"")
        .replace("external_ref: own", "external_ref: \"\"");
    let i = item(&plan(&layout), "select-token");
    assert_eq!(i.status, Status::Fail);
    assert!(i.details[0].contains("`310202398`"), "{i:?}");
}

#[test]
fn access_control_by_hand_without_teams_and_judged_with_them() {
    let i = item(&plan(LAYOUT), "access-control");
    assert_eq!(i.status, Status::Manual);
    assert!(i.reason.contains("no teams"), "{i:?}");
    assert!(
        i.details
            .iter()
            .any(|d| d.contains("Log which user performed which action"))
    );

    let teams = r#"teams:
  - { name: Accounting, handles: [regnskapsforer], members: [kari] }
  - { name: Audit, handles: [revisor], members: [ola] }
"#;
    let with_teams = LAYOUT
        .replace(
            "    clients: [\"311000004\"]\n",
            "    clients: [\"311000004\"]\n    teams: [Accounting]\n",
        )
        .replace(
            "    clients: [\"311000071\"]\n",
            "    clients: [\"311000071\"]\n    teams: [Audit]\n",
        )
        .replace(
            "    access_packages: [merverdiavgift]\n",
            "    access_packages: [merverdiavgift]\n    teams: [Accounting, Audit]\n",
        );
    let i = item(&plan(&format!("{teams}{with_teams}")), "access-control");
    assert_eq!(i.status, Status::Pass, "{i:?}");
    assert!(
        i.details[0].contains("team \"Accounting\" (1 member) may use: Own, Accounting"),
        "{i:?}"
    );

    let no_members = teams.replace("members: [ola]", "members: []");
    let i = item(
        &plan(&format!("{no_members}{with_teams}")),
        "access-control",
    );
    assert_eq!(i.status, Status::Fail);
    assert!(
        i.details[0].contains("team \"Audit\" has no members"),
        "{i:?}"
    );

    let typo = with_teams.replace("teams: [Audit]", "teams: [Audti]");
    let i = item(&plan(&format!("{teams}{typo}")), "access-control");
    assert_eq!(i.status, Status::Fail);
    assert!(
        i.details.iter().any(|d| d.contains("names team \"Audti\"")),
        "{i:?}"
    );
}

#[test]
fn tests_suggest_one_party_per_system_user() {
    let i = item(&plan(LAYOUT), "tested");
    assert_eq!(i.status, Status::Manual);
    assert_eq!(
        i.details,
        [
            "\"Own\": the organisation itself, Regnskap AS (310202398)",
            "\"Accounting\": Client A AS (311000004)",
            "\"Audit\": Client B AS (311000071)",
        ]
    );
}

#[test]
fn a_situation_without_layout_fails_what_needs_one() {
    let c = checklist(&plan(""));
    for id in [
        "system-registered",
        "number-of-system-users",
        "clients-linked",
        "select-token",
    ] {
        let i = c.items.iter().find(|i| i.id == id).unwrap();
        assert_eq!(i.status, Status::Fail, "{id}");
        assert!(i.reason.contains("sysuser advise"), "{id}");
    }
}

#[test]
fn no_client_relationships_means_clients_item_does_not_apply() {
    let text = r#"version: 1
organisation: { orgnr: "310202398", name: Tiger AS }
system: { id: "991825827_smartcloud", vendor: "991825827", access_packages: [merverdiavgift] }
own_packages: [merverdiavgift]
system_users:
  - { name: Own, external_ref: own, type: standard, access_packages: [merverdiavgift] }
"#;
    let i = item(&parse(text, "t").unwrap(), "clients-linked");
    assert_eq!(i.status, Status::Pass);
    assert!(i.reason.starts_with("Not applicable"));
}

#[test]
fn cli_marks_exit_codes_and_json() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("situation.yaml"), BASE).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sysuser"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let out = run(&["checklist", "situation.yaml"]);
    assert_eq!(out.status.code(), Some(1), "a failed item exits 1");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Go-live checklist for Regnskap AS (310202398)\n"),
        "{text}"
    );
    assert!(
        text.contains("✘ 1. The system vendor has registered"),
        "{text}"
    );
    assert!(
        text.contains("? 3. The service provider/organisation has approved"),
        "{text}"
    );

    let out = run(&["checklist", "situation.yaml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["items"].as_array().unwrap().len(), 7);
    assert_eq!(v["items"][0]["status"], "fail");
    assert_eq!(v["items"][2]["status"], "manual");
    assert!(v["summary"]["fail"].as_u64().unwrap() >= 1);

    let text = r#"version: 1
organisation: { orgnr: "310202398", name: Tiger AS }
system: { id: "991825827_smartcloud", vendor: "991825827", access_packages: [merverdiavgift] }
system_users:
  - { name: Own, external_ref: own, type: standard, access_packages: [merverdiavgift] }
"#;
    std::fs::write(dir.path().join("own.yaml"), text).unwrap();
    let out = run(&["checklist", "own.yaml", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let failed = v["summary"]["fail"].as_u64().unwrap();
    assert_eq!(
        out.status.code(),
        Some(if failed == 0 { 0 } else { 1 }),
        "{v}"
    );

    let out = run(&["checklist", "missing.yaml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn clients_linked_fails_with_the_engines_and_rule_findings() {
    let layout = LAYOUT.replace(
        "clients: [\"311000004\"]",
        "clients: [\"311000004\", \"311000071\", \"311000144\"]",
    );
    let i = item(&plan(&layout), "clients-linked");
    assert_eq!(i.status, Status::Fail, "{i:?}");
    assert!(
        i.details
            .iter()
            .any(|d| d
                .starts_with("not-a-client: Client B AS (311000071) gives the organisation none")),
        "{i:?}"
    );
    assert!(
        i.details.iter().any(|d| d.starts_with("not-a-client:")),
        "{i:?}"
    );
    let ok = item(&plan(LAYOUT), "clients-linked");
    assert_eq!(ok.status, Status::Pass, "{ok:?}");
}

#[test]
fn uncovered_client_fails_clients_linked() {
    let layout = LAYOUT.replace("    clients: [\"311000071\"]\n", "");
    let i = item(&plan(&layout), "clients-linked");
    assert_eq!(i.status, Status::Fail, "{i:?}");
    assert!(
        i.details.iter().any(|d| d.starts_with("client-uncovered:")),
        "{i:?}"
    );
}

#[test]
fn number_of_system_users_is_compared_with_the_advice() {
    let ok = item(&plan(LAYOUT), "number-of-system-users");
    assert_eq!(ok.status, Status::Pass, "{ok:?}");
    assert!(
        ok.reason
            .starts_with("3 system users (1 standard + 2 for client relationships)"),
        "{ok:?}"
    );
    let merged = r#"system_users:
  - name: Own
    external_ref: own
    type: standard
    access_packages: [merverdiavgift]
  - name: Everything
    external_ref: all
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["311000004"]
"#;
    let i = item(&plan(merged), "number-of-system-users");
    assert_eq!(i.status, Status::Fail, "{i:?}");
    assert!(
        i.reason.contains("the guidance recommends 3 system users"),
        "{i:?}"
    );
    assert!(!i.details.is_empty());
}
