//! `sysuser route` and `sysuser routes` through the real binary.

use std::process::{Command, Output};

const PLAN: &str = r#"
version: 1
organisation: { orgnr: "310202398", name: Tiger AS }
system: { id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer] }
clients:
  - { orgnr: "312655985", name: "Client A, AS", unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }
  - { orgnr: "310000027", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer] }
system_users:
  - { name: Accounting, external_ref: accounting, type: client, access_packages: [regnskapsforer-med-signeringsrettighet], clients: ["312655985", "310000027"] }
  - { name: Sick leave, external_ref: sick, type: client, access_packages: [sykefravaer], clients: ["312655985"] }
  - { name: Both, external_ref: both, type: client, access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer], clients: ["312655985"] }
"#;

fn run(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, PLAN).unwrap();
    let mut all = vec![args[0], path.to_str().unwrap()];
    all.extend(&args[1..]);
    Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args(&all)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn route_prints_the_system_user_and_external_ref() {
    let o = run(&[
        "route",
        "--client",
        "310000027",
        "--package",
        "regnskapsforer-med-signeringsrettighet",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "Accounting (external ref: accounting)\n");
    assert!(o.stderr.is_empty());
}

#[test]
fn ambiguity_lists_every_candidate_with_a_warning() {
    let o = run(&[
        "route",
        "--client",
        "312655985",
        "--package",
        "urn:altinn:accesspackage:sykefravaer",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "Sick leave (external ref: sick)\nBoth (external ref: both)\n"
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).starts_with("warning: 2 system users serve 312655985")
    );
}

#[test]
fn no_route_exits_one_with_the_reason() {
    let o = run(&["route", "--client", "310000027", "--package", "sykefravaer"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Client B AS (310000027) has not given the organisation `sykefravaer`"),
        "{err}"
    );
}

#[test]
fn unknown_package_is_bad_input_with_nearest_codes() {
    let o = run(&["route", "--client", "310000027", "--package", "sykmelding"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error: --package: `sykmelding` is not an access package in Altinn's catalog; did you mean sykefravaer"),
        "{err}"
    );
    assert!(err.contains("AUTH.VLD-00008"), "{err}");
}

#[test]
fn malformed_client_is_bad_input_even_with_json() {
    for (client, says) in [
        ("31000002", "9 digits"),
        ("31000002x", "9 digits"),
        ("310000028", "fails the mod-11 check digit"),
    ] {
        let o = run(&[
            "route",
            "--client",
            client,
            "--package",
            "sykefravaer",
            "--format",
            "json",
        ]);
        assert_eq!(o.status.code(), Some(2), "{client}");
        assert!(o.stdout.is_empty(), "{client}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.starts_with("error: --client: "), "{err}");
        assert!(err.contains(says), "{client}: {err}");
    }
    // A well-formed number that is not in the plan is "no route", exit 1.
    let o = run(&["route", "--client", "974760673", "--package", "sykefravaer"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn route_json_has_the_route_or_the_error() {
    let o = run(&[
        "route",
        "--client",
        "310000027",
        "--package",
        "regnskapsforer-med-signeringsrettighet",
        "--format",
        "json",
    ]);
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["system_users"][0]["external_ref"], "accounting");
    assert_eq!(j["status"], "served");
    let o = run(&[
        "route",
        "--client",
        "310000027",
        "--package",
        "sykefravaer",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(j["error"].as_str().unwrap().contains("sykefravaer"));
}

#[test]
fn routes_csv_has_a_header_and_quotes_commas() {
    let o = run(&["routes", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "party,party_name,kind,via,package,status,system_users,external_refs"
    );
    assert_eq!(
        lines[1],
        "312655985,\"Client A, AS\",client,,regnskapsforer-med-signeringsrettighet,ambiguous,Accounting;Both,accounting;both"
    );
    assert_eq!(lines.len(), 4);
}

#[test]
fn routes_text_is_an_aligned_table() {
    let o = run(&["routes"]);
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("PARTY      NAME"), "{text}");
    let col = lines[0].find("PACKAGE").unwrap();
    for l in &lines[1..] {
        assert!(
            l.chars().nth(col - 1) == Some(' ') && l.chars().nth(col) != Some(' '),
            "{text}"
        );
    }
}

#[test]
fn routes_json_and_yaml_parse_back() {
    let j: serde_json::Value =
        serde_json::from_slice(&run(&["routes", "--format", "json"]).stdout).unwrap();
    assert_eq!(j.as_array().unwrap().len(), 3);
    let y: serde_json::Value =
        serde_yaml::from_slice(&run(&["routes", "--format", "yaml"]).stdout).unwrap();
    assert_eq!(y, j);
}
