//! `import-altinn`: Altinn's saved answers → plan. Round trip for every
//! scenario (plan → what Altinn would answer → import → `diff` shows no
//! steps), the checked-in fixtures, and errors that name file and field.

use serde_json::{Value, json};
mod common;
use common::{root, scenario_files as scenarios};
use std::path::Path;
use std::process::Command;
use sysuser::altinn_import::import;
use sysuser::plan::{Plan, SystemUserType, load};

fn urns(codes: impl IntoIterator<Item = String>) -> Value {
    codes
        .into_iter()
        .map(|c| json!({ "urn": sysuser::catalog::catalog().get(&c).map_or(format!("urn:altinn:accesspackage:{c}"), |p| p.urn.clone()) }))
        .collect()
}

/// What Altinn's read endpoints would answer for a plan that is real, shaped as API.md says.
fn answers(plan: &Plan, dir: &Path) {
    let write = |name: &str, v: Value| {
        std::fs::write(dir.join(name), serde_json::to_string_pretty(&v).unwrap()).unwrap()
    };
    write(
        "systemregister.json",
        json!({
            "id": plan.system.id, "vendor": {"ID": format!("0192:{}", plan.system.vendor)},
            "rights": [], "accessPackages": urns(plan.system.access_packages.iter().map(|p| p.code().to_string())),
            "isVisible": plan.system.visible, "isDeleted": false
        }),
    );
    let id = |i: usize| format!("00000000-0000-4000-8000-{i:012}");
    let data: Vec<Value> = plan
        .system_users
        .iter()
        .enumerate()
        .map(|(i, su)| {
            json!({
                "id": id(i), "integrationTitle": su.name, "systemId": plan.system.id,
                "reporteeOrgNo": plan.organisation.orgnr.as_str(), "externalRef": su.effective_external_ref(plan),
                "userType": if su.kind == SystemUserType::Client { "agent" } else { "standard" },
                "created": "2026-06-01T10:00:00Z", "isDeleted": false,
                "accessPackages": urns(su.access_packages.iter().map(|p| p.code().to_string()))
            })
        })
        .collect();
    // Two pages, as Altinn paginates.
    let half = data.len() / 2;
    write(
        "systemusers.json",
        json!({"links": {"next": "https://…?page=2"}, "data": data[..half]}),
    );
    write(
        "systemusers-2.json",
        json!({"links": {"next": null}, "data": data[half..]}),
    );
    for (i, su) in plan.system_users.iter().enumerate() {
        if su.kind != SystemUserType::Client {
            continue;
        }
        let mut clients: Vec<Value> = su
            .clients
            .iter()
            .map(|o| {
                let name = plan.client(o).map(|c| c.name.clone()).unwrap_or_default();
                json!({"clientId": "11111111-2222-4333-8444-555555555555", "clientOrganizationNumber": o.as_str(), "clientOrganizationName": name})
            })
            .collect();
        if su.include_self {
            clients.push(json!({"clientId": "99999999-2222-4333-8444-555555555555", "clientOrganizationNumber": plan.organisation.orgnr.as_str(), "clientOrganizationName": plan.organisation.name}));
        }
        write(
            &format!("clients-{}.json", id(i)),
            json!({"systemUserInformation": {"id": id(i)}, "data": clients}),
        );
    }
}

#[test]
fn round_trip_every_scenario_gives_no_steps() {
    for path in scenarios() {
        let plan = load(&path).unwrap();
        let dir = tempfile::tempdir().unwrap();
        answers(&plan, dir.path());
        let imported = import(dir.path()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // Through the written YAML, as a user would have it.
        let again =
            sysuser::plan::parse(&sysuser::plan::to_yaml(&imported), "imported.yaml").unwrap();
        let d = sysuser::diff::diff(&again, &plan).unwrap();
        assert!(d.is_empty(), "{}:\n{}", path.display(), d.to_text());
        // The inferred basis lets every client pass the AND rule, except for
        // packages a role gives only to some organisation forms: Altinn's
        // answers do not say the client's form, and the import does not guess it.
        for su in &again.system_users {
            for c in &su.clients {
                let client = again.client(c).unwrap();
                let available = sysuser::engine::available_packages(client);
                for code in sysuser::engine::missing_packages(su, &available) {
                    let forms =
                        sysuser::catalog::catalog().role_package_forms("forretningsforer", code);
                    assert!(!forms.is_empty(), "{}: {c} lacks {code}", path.display());
                }
            }
        }
    }
}

#[test]
fn checked_in_fixtures_import_to_scenario_h() {
    let plan = import(&root().join("tests/fixtures/altinn/h-own-and-delegated")).unwrap();
    let h = load(&root().join("scenarios/h-own-and-delegated.yaml")).unwrap();
    assert!(sysuser::diff::diff(&plan, &h).unwrap().is_empty());
    assert_eq!(
        plan.system_users.len(),
        2,
        "the deleted system user is left out"
    );
    assert_eq!(plan.system.name.en, "Municipal system");
    insta::assert_snapshot!(sysuser::plan::to_yaml(&plan));
}

fn copy_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(root().join("tests/fixtures/altinn/h-own-and-delegated")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    dir
}

#[test]
fn errors_name_the_file_and_the_field() {
    let dir = copy_fixture();
    let su = dir.path().join("systemusers.json");
    let text = std::fs::read_to_string(&su).unwrap();
    std::fs::write(
        &su,
        text.replacen("\"userType\": \"agent\"", "\"userType\": \"client\"", 1),
    )
    .unwrap();
    let e = import(dir.path()).unwrap_err();
    assert!(e.file.ends_with("systemusers.json"), "{e}");
    assert_eq!(e.field, "data[1].userType");
    assert!(
        e.message.contains("expected \"standard\" or \"agent\""),
        "{e}"
    );

    std::fs::write(
        &su,
        text.replacen(
            "\"reporteeOrgNo\": \"311040782\"",
            "\"reporteeOrgNo\": 311040782",
            1,
        ),
    )
    .unwrap();
    let e = import(dir.path()).unwrap_err();
    assert_eq!(
        (e.field.as_str(), e.message.as_str()),
        ("data[0].reporteeOrgNo", "expected a string")
    );

    std::fs::write(&su, "{\"data\": [").unwrap();
    assert!(
        import(dir.path())
            .unwrap_err()
            .message
            .starts_with("not valid JSON (line 1")
    );

    std::fs::write(&su, text).unwrap();
    let clients = dir
        .path()
        .join("clients-9c3d2e1f-7a6b-4c5d-8e9f-0a1b2c3d4e02.json");
    std::fs::remove_file(&clients).unwrap();
    let e = import(dir.path()).unwrap_err();
    assert!(
        e.file
            .ends_with("clients-9c3d2e1f-7a6b-4c5d-8e9f-0a1b2c3d4e02.json")
    );
    assert!(
        e.message
            .contains("enduser/systemuser/clients?agent=9c3d2e1f-7a6b-4c5d-8e9f-0a1b2c3d4e02"),
        "{e}"
    );

    std::fs::remove_file(dir.path().join("systemregister.json")).unwrap();
    assert!(
        import(dir.path())
            .unwrap_err()
            .file
            .ends_with("systemregister.json")
    );
}

#[test]
fn cli_never_replaces_a_plan_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("current.yaml");
    std::fs::write(&out_path, "keep me").unwrap();
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sysuser"))
            .args([
                "import-altinn",
                "tests/fixtures/altinn/h-own-and-delegated",
                "-o",
            ])
            .arg(&out_path)
            .args(extra)
            .current_dir(root())
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), "keep me");
    let out = run(&["--force"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&out_path).unwrap();
    assert!(written.starts_with("# Imported by `sysuser import-altinn`"));
    load(&out_path).unwrap();
}
