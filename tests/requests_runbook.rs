//! `requests`: the runbook for every scenario and for a migration, in every
//! format; its bodies against a schema written from API.md; its script
//! through `sh -n` and (when installed) shellcheck.

mod common;
use common::{load as plan, scenario, scenario_files as scenarios};
use std::path::Path;
use std::process::Command;
use sysuser::runbook::{self, Body, Env, Runbook};

fn stem(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy().replace('-', "_")
}

/// H today → H with self-on-client.
fn migration() -> Runbook {
    let old = scenario("h-own-and-delegated.yaml");
    let new = scenario("h-own-and-delegated-self-on-client.yaml");
    runbook::runbook(&new, Some(&old), Env::Tt02).unwrap()
}

fn all_runbooks() -> Vec<(String, Runbook)> {
    let mut v: Vec<(String, Runbook)> = scenarios()
        .iter()
        .map(|p| {
            (
                stem(p),
                runbook::runbook(&plan(p), None, Env::Tt02).unwrap(),
            )
        })
        .collect();
    v.push(("migration_h_to_h_self_on_client".into(), migration()));
    v
}

#[test]
fn snapshots_every_format() {
    for (name, rb) in all_runbooks() {
        insta::assert_snapshot!(format!("{name}__markdown"), runbook::markdown(&rb));
        insta::assert_snapshot!(format!("{name}__json"), runbook::json(&rb));
        insta::assert_snapshot!(format!("{name}__http"), runbook::http(&rb));
        insta::assert_snapshot!(format!("{name}__sh"), runbook::sh(&rb));
    }
}

#[test]
fn bodies_fit_the_api_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/altinn-api-bodies.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut n = 0;
    let mut complete = scenario("b-one-relationship-type.yaml");
    complete.system.name.nb = "Regnskap".into();
    complete.system.name.nn = "Rekneskap".into();
    complete.system.name.en = "Accounting".into();
    complete.system.maskinporten_client_ids = vec!["a2c3e4f5-0000-4000-8000-000000000001".into()];
    complete.system.redirect_urls = vec!["https://vendor.example.no/receipt".into()];
    let mut books = all_runbooks();
    books.push((
        "complete".into(),
        runbook::runbook(&complete, None, Env::Prod).unwrap(),
    ));
    for (name, rb) in books {
        for c in rb.calls() {
            if let Some(b) = &c.body {
                let v: serde_json::Value = serde_json::from_str(&b.to_json()).unwrap();
                let errors: Vec<String> =
                    validator.iter_errors(&v).map(|e| e.to_string()).collect();
                assert!(errors.is_empty(), "{name} {}: {errors:?}\n{v:#}", c.name);
                n += 1;
            }
        }
    }
    assert!(n > 20, "only {n} bodies");
    // The schema is not vacuous: the docs' old field name and an empty ref are refused.
    let bad = serde_json::json!({"externalReference": "x", "systemId": "s", "partyOrgNo": "310202398",
        "integrationTitle": "t", "accessPackages": [{"urn": "urn:altinn:accesspackage:lonn"}]});
    assert!(!validator.is_valid(&bad));
    let empty_ref = serde_json::json!({"externalRef": "", "systemId": "s", "partyOrgNo": "310202398",
        "integrationTitle": "t", "accessPackages": [{"urn": "urn:altinn:accesspackage:lonn"}]});
    assert!(!validator.is_valid(&empty_ref));
}

#[test]
fn one_request_per_system_user_on_the_right_endpoint() {
    let p = scenario("h-own-and-delegated.yaml");
    let rb = runbook::runbook(&p, None, Env::Tt02).unwrap();
    let requests: Vec<_> = rb
        .calls()
        .filter(|c| matches!(c.body, Some(Body::Request(_))))
        .collect();
    assert_eq!(requests.len(), p.system_users.len());
    assert!(requests[0].path.ends_with("/systemuser/request/vendor"));
    assert!(
        requests[1]
            .path
            .ends_with("/systemuser/request/vendor/agent")
    );
    let Some(Body::Request(r)) = &requests[1].body else {
        unreachable!()
    };
    assert_eq!(r.external_ref.as_deref(), Some("sub-entities"));
    assert_eq!(r.integration_title, "Sub-entities");
    assert_eq!(r.party_org_no, "311040782");
    assert_eq!(
        r.redirect_url, None,
        "no redirect URL unless the plan has one"
    );
    assert_eq!(
        r.access_packages[0].urn,
        "urn:altinn:accesspackage:sykefravaer"
    );
    // The standard one's approver must hold its packages, named.
    let md = runbook::markdown(&rb);
    assert!(md.contains("Approve «Own reporting» (external ref `own-reporting`), a standard system user, at its `confirmUrl`. The approver must personally be able to delegate every package on it: «Sykefravær» (sykefravaer)."), "{md}");
    assert!(md.contains("Add to «Sub-entities» (external ref `sub-entities`): Education Department (312700131), Grünerløkka district (312700654)."));
}

#[test]
fn redirect_url_and_register_fields_come_from_the_plan() {
    let mut p = scenario("a-own-reporting.yaml");
    p.system.redirect_urls = vec!["https://vendor.example.no/done".into()];
    p.system_users[0].external_ref = String::new();
    let rb = runbook::runbook(&p, None, Env::Prod).unwrap();
    assert_eq!(rb.base_url, "https://platform.altinn.no");
    let json = runbook::json(&rb);
    assert!(
        json.contains("\"redirectUrl\": \"https://vendor.example.no/done\""),
        "{json}"
    );
    assert!(json.contains("\"allowedRedirectUrls\""));
    assert!(
        !json.contains("\"externalRef\": \"\""),
        "an empty external ref is left out, never sent as \"\""
    );
    // What only the vendor knows is asked for, not invented.
    let fields: Vec<&str> = rb.missing.iter().map(|m| m.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "system.name",
            "system.description",
            "system.maskinporten_client_ids"
        ]
    );
    assert!(runbook::markdown(&rb).contains("## Fill in first"));
}

#[test]
fn never_a_token_in_any_format() {
    for (name, rb) in all_runbooks() {
        for out in [
            runbook::markdown(&rb),
            runbook::json(&rb),
            runbook::http(&rb),
            runbook::sh(&rb),
        ] {
            assert!(!out.contains("Bearer ey"), "{name}");
            assert!(!out.to_lowercase().contains("secret:"), "{name}");
        }
    }
}

#[test]
fn scripts_pass_sh_n_and_shellcheck() {
    let dir = tempfile::tempdir().unwrap();
    let shellcheck = Command::new("shellcheck").arg("--version").output().is_ok();
    // Names are data, never code: quotes, command substitution and control characters.
    let mut evil = scenario("b-one-relationship-type.yaml");
    evil.system_users[0].name = "Acc'ing $(touch pwned) `id` \u{1b}[31m\nred".into();
    let mut books = all_runbooks();
    books.push((
        "evil".into(),
        runbook::runbook(&evil, None, Env::Tt02).unwrap(),
    ));
    for (name, rb) in books {
        let path = dir.path().join(format!("{name}.sh"));
        std::fs::write(&path, runbook::sh(&rb)).unwrap();
        let out = Command::new("sh").arg("-n").arg(&path).output().unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if shellcheck {
            let out = Command::new("shellcheck")
                .args(["-s", "sh"])
                .arg(&path)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&out.stdout)
            );
        }
    }
}

#[test]
fn cli_writes_the_runbook_and_each_body() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args([
            "requests",
            "scenarios/h-own-and-delegated.yaml",
            "--format",
            "http",
            "-o",
        ])
        .arg(dir.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let http = std::fs::read_to_string(dir.path().join("requests.http")).unwrap();
    assert!(http.contains("Authorization: Bearer {{token}}"));
    let mut bodies: Vec<String> = std::fs::read_dir(dir.path().join("bodies"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    bodies.sort();
    assert_eq!(
        bodies,
        [
            "01-register-system.json",
            "02-request-own-reporting.json",
            "03-request-sub-entities.json"
        ]
    );
}
