//! The core's texts in Norwegian bokmål: `check --lang nb` and
//! `advise --lang nb`, through the library and the real binary, as reviewed.

mod common;
use common::sysuser;

use std::path::{Path, PathBuf};
use sysuser::lang::Lang;
use sysuser::plan::{Plan, load, parse};

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
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
    let report = sysuser::engine::check(&plan);
    assert!(report.has_errors());
    insta::assert_snapshot!(
        "check-bad-nb-text",
        sysuser::commands::check::text(&report, false, false, Lang::Nb)
    );
    for id in ["role-package-wrong-unit-type", "not-a-client"] {
        let plan = load(&path(&format!("tests/bad_plans/{id}.yaml"))).unwrap();
        let report = sysuser::engine::check(&plan);
        insta::assert_snapshot!(
            format!("check-{id}-nb-text"),
            sysuser::commands::check::text(&report, false, false, Lang::Nb)
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
    assert!(text.ends_with("\n1 feil, 4 info\n"), "{text}");
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
        let report = sysuser::engine::check(&nb);
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

#[test]
fn compare_in_bokmal_for_scenarios() {
    for name in [
        "f-extra-services-option-2",
        "h-own-delegated-and-accountant",
    ] {
        let plan = load(&path(&format!("scenarios/{name}.yaml"))).unwrap();
        let nb = sysuser::compare::compare_in(&plan, Lang::Nb);
        let en = sysuser::compare::compare(&plan);
        // The same figures and codes in every language.
        assert_eq!(
            (
                nb.applies,
                &nb.extra_services,
                nb.f_clients,
                nb.base_only_clients
            ),
            (
                en.applies,
                &en.extra_services,
                en.f_clients,
                en.base_only_clients
            ),
            "{name}"
        );
        assert_eq!(
            (&nb.recommended, &nb.chosen),
            (&en.recommended, &en.chosen),
            "{name}"
        );
        for (n, e) in [(&nb.option_1, &en.option_1), (&nb.option_2, &en.option_2)] {
            assert_eq!(n.option, e.option);
            assert_eq!(n.client_links, e.client_links);
            assert_eq!(n.layout_system_users, e.layout_system_users);
            assert_eq!(n.system_users.len(), e.system_users.len());
            assert_ne!(n.title, e.title);
        }
        assert_ne!(nb.situation, en.situation, "{name}");
        insta::assert_snapshot!(
            format!("compare-{name}-nb"),
            sysuser::compare::to_text_in(&nb, &plan.organisation.name, Lang::Nb)
        );
    }
}

#[test]
fn compare_names_system_users_as_advise_does_in_bokmal() {
    let plan = situation("f-extra-services-option-2");
    for f in [
        sysuser::plan::FOption::PerCombination,
        sysuser::plan::FOption::PerService,
    ] {
        let mut p = plan.clone();
        p.options.f_option = Some(f);
        let advised = sysuser::advisor::advise_in(&p, Lang::Nb);
        let names: Vec<&str> = advised
            .system_users
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        let c = sysuser::compare::compare_in(&p, Lang::Nb);
        let side = match f {
            sysuser::plan::FOption::PerCombination => &c.option_1,
            sysuser::plan::FOption::PerService => &c.option_2,
        };
        for su in &side.system_users {
            assert!(
                names.contains(&su.name.as_str()),
                "{} not in {names:?}",
                su.name
            );
        }
    }
    let names: Vec<String> = sysuser::advisor::f_numbers_in(&plan, Lang::Nb)
        .groups
        .iter()
        .flat_map(|g| {
            std::iter::once(g.name.clone()).chain(g.combinations.iter().map(|c| c.name.clone()))
        })
        .collect();
    assert_eq!(
        names,
        [
            "Regnskap",
            "Regnskap + sykefravær",
            "Regnskap + sykefravær + A-ordningen"
        ]
    );
}

#[test]
fn compare_lang_nb_through_the_binary() {
    let file = path("scenarios/f-extra-services-option-1.yaml");
    let file = file.to_str().unwrap();
    let nb = sysuser(&["compare", file, "--lang", "nb"]);
    let en = sysuser(&["compare", file, "--lang", "en"]);
    let default = sysuser(&["compare", file]);
    assert_eq!(nb.status.code(), Some(0));
    assert_eq!(en.stdout, default.stdout, "English is the default");
    let text = String::from_utf8(nb.stdout).unwrap();
    assert!(text.contains("| Alternativ 1: én systembruker"), "{text}");
    assert!(text.contains("Regnskap + sykefravær"), "{text}");
    // JSON keeps its field names and option codes; the texts follow --lang.
    let json = sysuser(&["compare", file, "--lang", "nb", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["recommended"], "per-combination");
    assert_eq!(v["option_1"]["option"], "per-combination");
    assert_eq!(v["option_1"]["system_users"][0]["name"], "Regnskap");
    assert_eq!(
        v["option_1"]["title"],
        "Alternativ 1: én systembruker per kombinasjon"
    );
    assert!(
        v["recommendation"]
            .as_str()
            .unwrap()
            .starts_with("Alternativ 1")
    );
}

#[test]
fn compare_groups_thousands_with_a_space_in_bokmal() {
    let mut yaml = String::from(
        r#"version: 1
organisation: { orgnr: "310202398", name: Regnskap Nord AS, unit_type: AS }
system: { id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer] }
clients:
"#,
    );
    let mut n = 0;
    let mut orgnr = 310_000_000u32;
    while n < 1200 {
        orgnr += 1;
        let s = orgnr.to_string();
        if sysuser::orgnr::Orgnr::parse(&s).is_err() {
            continue;
        }
        let extra = if n % 2 == 0 {
            ", delegated: [sykefravaer]"
        } else {
            ""
        };
        yaml.push_str(&format!(
            "  - {{ orgnr: \"{s}\", name: C{n} AS, unit_type: AS, er_roles: [regnskapsforer]{extra} }}\n"
        ));
        n += 1;
    }
    let plan = parse(&yaml, "big.yaml").unwrap();
    let c = sysuser::compare::compare_in(&plan, Lang::Nb);
    assert!(
        c.situation.starts_with("600 av 1 200 klienter"),
        "{}",
        c.situation
    );
    let text = sysuser::compare::to_text_in(&c, "Regnskap Nord AS", Lang::Nb);
    assert!(text.contains("Regnskap (1 200 klienter)"), "{text}");
}

#[test]
fn checklist_in_bokmal_for_scenarios() {
    for name in ["f-extra-services-option-2", "h-own-and-delegated"] {
        let plan = load(&path(&format!("scenarios/{name}.yaml"))).unwrap();
        let nb = sysuser::checklist::checklist_in(&plan, Lang::Nb);
        let en = sysuser::checklist::checklist(&plan);
        // The same items, ids and statuses in every language.
        assert_eq!(nb.summary, en.summary, "{name}");
        for (n, e) in nb.items.iter().zip(&en.items) {
            assert_eq!((n.number, n.id, n.status), (e.number, e.id, e.status));
            assert_eq!(n.details.len(), e.details.len(), "{name}: {}", n.id);
            assert_ne!(n.text, e.text, "{name}: {}", n.id);
            assert_ne!(n.reason, e.reason, "{name}: {}", n.id);
        }
        insta::assert_snapshot!(
            format!("checklist-{name}-nb"),
            nb.to_text_in(&plan, Lang::Nb)
        );
    }
}

#[test]
fn checklist_failures_in_bokmal() {
    // A duplicate external ref and a layout unlike the recommended one: the
    // failing items quote check's and advise's texts in bokmål too.
    let plan = parse(BAD, "bad.yaml").unwrap();
    let c = sysuser::checklist::checklist_in(&plan, Lang::Nb);
    assert!(c.has_failures());
    let text = c.to_text_in(&plan, Lang::Nb);
    assert!(
        text.contains("den eksterne referansen `own` deles av"),
        "{text}"
    );
    assert!(
        text.contains("anbefalt: \"Egen rapportering\" (standard): "),
        "{text}"
    );
    assert!(text.contains("ikke i orden"), "{text}");
    for english in [
        "external ref",
        "recommended:",
        "minimum:",
        "passed",
        "failed",
    ] {
        assert!(!text.contains(english), "{english} in {text}");
    }
}

#[test]
fn checklist_lang_nb_through_the_binary() {
    let file = path("scenarios/h-own-and-delegated.yaml");
    let file = file.to_str().unwrap();
    let nb = sysuser(&["checklist", file, "--lang", "nb"]);
    let en = sysuser(&["checklist", file, "--lang", "en"]);
    let default = sysuser(&["checklist", file]);
    assert_eq!(nb.status.code(), en.status.code());
    assert_eq!(en.stdout, default.stdout, "English is the default");
    let text = String::from_utf8(nb.stdout).unwrap();
    assert!(
        text.starts_with("Sjekkliste før produksjonssetting for "),
        "{text}"
    );
    let json = sysuser(&["checklist", file, "--lang", "nb", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["items"][0]["id"], "system-registered");
    assert_eq!(v["items"][2]["status"], "manual");
    assert!(
        v["items"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Systemleverandøren")
    );
}

#[test]
fn every_rule_has_bokmal_when_and_why() {
    use sysuser::rules::Rule;
    for r in Rule::ALL {
        for (nb, en) in [
            (r.when_in(Lang::Nb), r.when_in(Lang::En)),
            (r.why_in(Lang::Nb), r.why_in(Lang::En)),
        ] {
            assert!(!nb.trim().is_empty(), "{}", r.id());
            assert_ne!(nb, en, "{}", r.id());
            assert!(nb.ends_with('.'), "{}: {nb}", r.id());
        }
        assert_eq!(r.when_in(Lang::En), r.info().when);
        assert_eq!(r.why_in(Lang::En), r.info().why);
    }
}

#[test]
fn explain_in_bokmal() {
    use sysuser::rules::Rule;
    for rule in [Rule::ClientMissingPackage, Rule::MixedLegalBasis] {
        insta::assert_snapshot!(
            format!("explain-{}-nb", rule.id()),
            sysuser::commands::explain::text_in(&[rule], Lang::Nb)
        );
    }
    let nb = sysuser(&["explain", "mixed-legal-basis", "--lang", "nb"]);
    assert_eq!(nb.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(nb.stdout).unwrap(),
        sysuser::commands::explain::text_in(&[Rule::MixedLegalBasis], Lang::Nb)
    );
    let json = sysuser(&["explain", "no-layout", "--lang", "nb", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v[0]["rule"], "no-layout");
    assert_eq!(v[0]["severity"], "info");
    assert_eq!(v[0]["why"], Rule::NoLayout.why_in(Lang::Nb));
    let typo = sysuser(&["explain", "mixed-legal-basi", "--lang", "nb"]);
    assert_eq!(typo.status.code(), Some(2));
    let err = String::from_utf8(typo.stderr).unwrap();
    assert!(err.contains("mente du `mixed-legal-basis`?"), "{err}");
}
