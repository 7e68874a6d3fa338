//! `letters` and `tokens`: snapshots for every scenario (en and nb) and for
//! clients that are not ready; the AND rule as work a person can send.

mod common;
use common::{root, scenario_files};
use std::process::Command;
use sysuser::lang::Lang;
use sysuser::letters::{self, Action};
use sysuser::plan::{Plan, load};

fn plans() -> Vec<(String, Plan)> {
    let mut v = scenario_files();
    v.push(root().join("tests/fixtures/letters-not-ready.yaml"));
    v.iter()
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().replace('-', "_"),
                common::load(p),
            )
        })
        .collect()
}

fn not_ready() -> Plan {
    load(&root().join("tests/fixtures/letters-not-ready.yaml")).unwrap()
}

#[test]
fn snapshots() {
    for (name, plan) in plans() {
        insta::assert_snapshot!(format!("{name}__tokens"), sysuser::tokens::text(&plan));
        for lang in [Lang::En, Lang::Nb] {
            let out = format!(
                "{}\n==== summary.csv\n{}",
                letters::all_letters(&plan, lang),
                letters::csv(&letters::todos(&plan), lang)
            );
            insta::assert_snapshot!(format!("{name}__letters_{}", lang.code()), out);
        }
    }
}

#[test]
fn scenarios_need_no_letters_and_ready_clients_get_none() {
    for (name, plan) in plans() {
        if name != "letters_not_ready" {
            assert!(letters::todos(&plan).is_empty(), "{name}");
        }
    }
    let plan = not_ready();
    let todos = letters::todos(&plan);
    let orgnrs: Vec<&str> = todos.iter().map(|t| t.client.orgnr.as_str()).collect();
    assert!(
        !orgnrs.contains(&"312800004"),
        "Ready AS gives every package"
    );
    assert_eq!(
        orgnrs,
        [
            "312800071",
            "312800144",
            "312800217",
            "312800284",
            "312800357"
        ]
    );
}

#[test]
fn client_only_packages_come_through_the_role_never_a_delegation() {
    let plan = not_ready();
    for t in letters::todos(&plan) {
        for a in &t.actions {
            if let Action::Delegate { package } = a {
                assert!(
                    package.is_assignable,
                    "{} asked to delegate {}",
                    t.client.name, package.code
                );
                assert!(
                    !package.code.starts_with("regnskapsforer")
                        && package.code != "forretningsforer-eiendom"
                );
            }
        }
    }
    let todos = letters::todos(&plan);
    let role = |i: usize| match &todos[i].actions[0] {
        Action::RegisterRole { role, .. } => role.role.clone(),
        a => panic!("{a:?}"),
    };
    assert_eq!(role(1), "regnskapsforer");
    assert_eq!(
        role(3),
        "forretningsforer",
        "a BRL client registers its business manager"
    );
    // An AS can never give forretningsforer-eiendom: no letter asks for it.
    let wrong = &todos[4];
    assert_eq!(wrong.impossible(), ["forretningsforer-eiendom"]);
    let text = letters::letter(&plan, wrong, Lang::En);
    assert!(!text.contains("forretningsforer-eiendom"), "{text}");
}

#[test]
fn letters_cli_writes_one_file_per_client_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args([
            "letters",
            "tests/fixtures/letters-not-ready.yaml",
            "--lang",
            "nb",
            "-o",
        ])
        .arg(dir.path())
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "312800071-only-role-as.txt",
            "312800144-only-delegation-as.txt",
            "312800217-nothing-yet-as.txt",
            "312800284-borettslaget-eika.txt",
            "312800357-wrong-form-as.txt",
            "summary.csv"
        ]
    );
    let csv = std::fs::read_to_string(dir.path().join("summary.csv")).unwrap();
    assert!(csv.starts_with("klient,navn,mangler,tiltak\n"));
    assert_eq!(csv.lines().count(), 6);
}

#[test]
fn tokens_name_the_owner_never_the_client() {
    let plan = load(&root().join("scenarios/c-multiple-relationship-types.yaml")).unwrap();
    let t = sysuser::tokens::tokens(&plan);
    assert_eq!(t.tokens.len(), plan.system_users.len());
    for tok in &t.tokens {
        let d = &tok.authorization_details[0];
        assert_eq!(
            d.systemuser_org.id,
            format!("0192:{}", plan.organisation.orgnr)
        );
        assert_eq!(d.kind, "urn:altinn:systemuser");
        assert_eq!(d.systemuser_org.authority, "iso6523-actorid-upis");
    }
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(
        json["tokens"][0]["authorization_details"][0]["externalRef"],
        "registered-accountant"
    );
    assert_eq!(json["tokens"][0]["serves"][0]["party"], "311800132");
}
