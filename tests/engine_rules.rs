//! Every rule of `check`, triggered by a small plan, and absent from a correct one.

use sysuser::engine::check;
use sysuser::lang::Lang;
use sysuser::plan::parse;
use sysuser::rules::{Report, Rule, Severity};

/// A correct plan for an accounting and auditing firm (scenarios A + C + F option 2).
const GOOD: &str = r#"
version: 1
organisation: { orgnr: "310202398", name: Tiger AS, unit_type: AS, operational_units: [{ orgnr: "311037889", name: Tiger Oslo }] }
system:
  id: "991825827_smartcloud"
  vendor: "991825827"
  visible: false
  access_packages: [regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, sykefravaer, merverdiavgift]
own_packages: [merverdiavgift]
clients:
  - { orgnr: "312655985", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }
  - { orgnr: "310000027", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "310000035", name: Client C AS, unit_type: AS, er_roles: [revisor] }
system_users:
  - { name: Own, external_ref: own, type: standard, access_packages: [merverdiavgift] }
  - { name: Accounting, external_ref: accounting, type: client, access_packages: [regnskapsforer-med-signeringsrettighet], clients: ["312655985", "310000027"] }
  - { name: Audit, external_ref: audit, type: client, access_packages: [ansvarlig-revisor], clients: ["310000035"] }
  - { name: Sick leave, external_ref: sick, type: client, access_packages: [sykefravaer], clients: ["312655985"] }
"#;

/// GOOD with text replaced (each `from` must occur).
fn with(edits: &[(&str, &str)]) -> String {
    let mut s = GOOD.to_string();
    for (from, to) in edits {
        assert!(s.contains(from), "fixture edit `{from}` does not apply");
        s = s.replacen(from, to, 1);
    }
    s
}

fn run(yaml: &str) -> Report {
    check(&parse(yaml, "fixture.yaml").expect("fixture parses"))
}

const SICK: &str = "access_packages: [sykefravaer], clients: [\"312655985\"] }";
const AUDIT: &str = "access_packages: [ansvarlig-revisor], clients: [\"310000035\"] }";
const OWN: &str = "type: standard, access_packages: [merverdiavgift] }";
const SYSTEM_PACKAGES: &str = "sykefravaer, merverdiavgift]";
const LAST_CLIENT: &str = "er_roles: [revisor] }\n";

/// One plan per rule that triggers it.
fn fixture(rule: Rule) -> String {
    use Rule::*;
    match rule {
        InvalidOrgnr => GOOD.replace("310000027", "310000028"),
        UnknownPackage => with(&[(
            SICK,
            "access_packages: [sykmelding], clients: [\"312655985\"] }",
        )]),
        PersonPackage => with(&[(
            "own_packages: [merverdiavgift]",
            "own_packages: [merverdiavgift, innbygger-sykefravaer]",
        )]),
        PackageNotForSystemUsers => {
            with(&[(SYSTEM_PACKAGES, "sykefravaer, merverdiavgift, eksplisitt]")])
        }
        DuplicatePackage => with(&[(SYSTEM_PACKAGES, "sykefravaer, merverdiavgift, sykefravaer]")]),
        PackageNotInSystem => with(&[(
            OWN,
            "type: standard, access_packages: [merverdiavgift, skatt-naering] }",
        )]),
        PackageNotAssignable => with(&[(
            OWN,
            "type: standard, access_packages: [merverdiavgift, regnskapsforer-med-signeringsrettighet] }",
        )]),
        PackageNotDelegable => with(&[
            (
                SYSTEM_PACKAGES,
                "sykefravaer, merverdiavgift, tilgangsstyrer]",
            ),
            (
                SICK,
                "access_packages: [sykefravaer, tilgangsstyrer], clients: [\"312655985\"] }",
            ),
        ]),
        ClientSystemUserWithoutPackages => {
            with(&[(AUDIT, "access_packages: [], clients: [\"310000035\"] }")])
        }
        StandardSystemUserWithoutPackages => {
            with(&[(OWN, "type: standard, access_packages: [] }")])
        }
        ClientsOnStandardSystemUser => with(&[(
            OWN,
            "type: standard, access_packages: [merverdiavgift], clients: [\"310000035\"] }",
        )]),
        NotAClient => with(&[(
            AUDIT,
            "access_packages: [ansvarlig-revisor], clients: [\"310000035\", \"974760673\"] }",
        )]),
        ClientMissingPackage => with(&[(
            SICK,
            "access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer], clients: [\"312655985\", \"310000027\"] }",
        )]),
        RolePackageWrongUnitType => with(&[
            (
                SYSTEM_PACKAGES,
                "sykefravaer, merverdiavgift, forretningsforer-eiendom]",
            ),
            (
                LAST_CLIENT,
                "er_roles: [revisor] }\n  - { orgnr: \"310000043\", name: Elv Eiendom AS, unit_type: AS, er_roles: [forretningsforer] }\n",
            ),
            (
                SICK,
                &format!(
                    "{SICK}\n  - {{ name: Property, external_ref: property, type: client, access_packages: [forretningsforer-eiendom], clients: [\"310000043\"] }}"
                ),
            ),
        ]),
        DuplicateExternalRef => with(&[("external_ref: audit", "external_ref: accounting")]),
        VisibleSystemWithClientOnlyPackage => with(&[("visible: false", "visible: true")]),
        InvalidSystemId => with(&[("\"991825827_smartcloud\"", "\"smart cloud\"")]),
        LocallyInstalledNeedsOwnVendor => with(&[(
            "visible: false",
            "visible: false\n  locally_installed: true",
        )]),
        OwnNeedsUncovered => with(&[(
            "own_packages: [merverdiavgift]",
            "own_packages: [merverdiavgift, sykefravaer]",
        )]),
        DuplicateClient => with(&[(
            LAST_CLIENT,
            "er_roles: [revisor] }\n  - { orgnr: \"310000035\", name: Client C AS, er_roles: [regnskapsforer] }\n",
        )]),
        OrganisationAsClient => with(&[(
            AUDIT,
            "access_packages: [ansvarlig-revisor], clients: [\"310000035\", \"310202398\"] }",
        )]),
        ClientUncovered => with(&[(
            "clients: [\"312655985\", \"310000027\"]",
            "clients: [\"312655985\"]",
        )]),
        OperationalUnitAsClient => with(&[(
            LAST_CLIENT,
            "er_roles: [revisor] }\n  - { orgnr: \"311037889\", name: Tiger Oslo, er_roles: [regnskapsforer] }\n",
        )]),
        SystemUserPerClient => with(&[(
            "clients: [\"312655985\", \"310000027\"] }",
            "clients: [\"312655985\"] }\n  - { name: Accounting B, external_ref: accounting-b, type: client, access_packages: [regnskapsforer-med-signeringsrettighet], clients: [\"310000027\"] }",
        )]),
        SamePackagesTwice => with(&[(
            OWN,
            &format!("{OWN}\n  - {{ name: Own 2, external_ref: own2, {OWN}"),
        )]),
        MixedLegalBasis => with(&[
            (
                "name: Client B AS, unit_type: AS, er_roles: [regnskapsforer]",
                "name: Client B AS, unit_type: AS, er_roles: [regnskapsforer, revisor]",
            ),
            (
                SICK,
                &format!(
                    "{SICK}\n  - {{ name: Both, external_ref: both, type: client, access_packages: [regnskapsforer-med-signeringsrettighet, ansvarlig-revisor], clients: [\"310000027\"] }}"
                ),
            ),
        ]),
        AmbiguousRoute => with(&[(
            SICK,
            "access_packages: [sykefravaer], clients: [\"312655985\"] }\n  - { name: Sick 2, external_ref: sick2, type: client, access_packages: [sykefravaer], clients: [\"312655985\"] }",
        )]),
        TeamUnknownSystemUser => with(&[
            (
                "system_users:",
                "teams:\n  - { name: Accounting, handles: [regnskapsforer] }\nsystem_users:",
            ),
            (
                "external_ref: accounting,",
                "external_ref: accounting, teams: [Acounting],",
            ),
        ]),
        SystemUserWithoutTeam => with(&[(
            "system_users:",
            "teams:\n  - { name: Accounting, handles: [regnskapsforer] }\nsystem_users:",
        )]),
        SelfOnClientUnavailable => with(&[(
            "external_ref: sick,",
            "external_ref: sick, include_self: true,",
        )]),
        DelegatedClientOnlyPackage => with(&[
            (
                "name: Client B AS, unit_type: AS, er_roles: [regnskapsforer]",
                "name: Client B AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [ansvarlig-revisor]",
            ),
            (
                AUDIT,
                "access_packages: [ansvarlig-revisor], clients: [\"310000035\", \"310000027\"] }",
            ),
        ]),
        ExternalRefTooLong => GOOD.replace(
            "external_ref: audit",
            &format!("external_ref: {}", "a".repeat(256)),
        ),
        RiskyExternalRef => with(&[("external_ref: sick", "external_ref: \"sick leave\"")]),
        ClientUnservable => with(&[(
            LAST_CLIENT,
            "er_roles: [revisor] }\n  - { orgnr: \"310000043\", name: Elv Eiendom AS, unit_type: AS, er_roles: [forretningsforer] }\n",
        )]),
        TeamOutsideRelationship => with(&[
            (
                "system_users:",
                "teams:\n  - { name: Audit, handles: [revisor] }\nsystem_users:",
            ),
            (
                "external_ref: accounting,",
                "external_ref: accounting, teams: [Audit],",
            ),
        ]),
        PackageImmutable => GOOD.to_string(),
        NoLayout => GOOD[..GOOD.find("system_users:").unwrap()].to_string(),
    }
}

#[test]
fn every_rule_has_a_fixture_that_triggers_it() {
    let mut missing = Vec::new();
    for &rule in Rule::ALL {
        let report = run(&fixture(rule));
        if report.of(rule).next().is_none() {
            missing.push(rule.id());
        }
        for f in report.of(rule) {
            // Where Altinn's answer depends on the case, the finding names the one it gets.
            let codes: &[&str] = match rule {
                Rule::RolePackageWrongUnitType => &["AUTH-00079", "AUTH-00080"],
                Rule::InvalidSystemId => &["AUTH.VLD-00001", "AUTH.VLD-00013"],
                _ => &[],
            };
            if codes.is_empty() {
                assert_eq!(f.altinn_code, rule.altinn_code(), "{}", rule.id());
            } else {
                assert!(codes.contains(&f.altinn_code.unwrap_or("")), "{f:?}");
            }
            assert!(
                !f.message(Lang::En).is_empty() && f.message(Lang::En).ends_with('.'),
                "{}: {}",
                rule.id(),
                f.message(Lang::En)
            );
        }
    }
    assert!(missing.is_empty(), "no fixture triggers: {missing:?}");
}

#[test]
fn the_correct_plan_has_only_the_immutability_infos() {
    let report = run(GOOD);
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.id()).collect();
    assert_eq!(rules, ["package-immutable"; 3], "{report:#?}");
}

#[test]
fn a_standard_only_plan_has_no_findings_at_all() {
    let yaml = r#"
version: 1
organisation: { orgnr: "310202398", name: Tiger AS }
system: { id: "991825827_smartcloud", vendor: "991825827", access_packages: [merverdiavgift, skatt-naering] }
own_packages: [merverdiavgift, skatt-naering]
system_users:
  - { name: Own, type: standard, access_packages: [merverdiavgift, skatt-naering] }
"#;
    assert_eq!(run(yaml).findings, []);
}

/// Each fixture adds the findings of its own rule and few others: no rule fires
/// on a fixture for an unrelated reason that would hide a regression.
#[test]
fn fixtures_trigger_no_unexpected_errors() {
    use Rule::*;
    // Rules that other fixtures legitimately bring along.
    let companions: &[(Rule, &[Rule])] = &[
        (InvalidOrgnr, &[]),
        (StandardSystemUserWithoutPackages, &[OwnNeedsUncovered]),
        (PackageNotAssignable, &[PackageNotInSystem]),
        (ClientsOnStandardSystemUser, &[]),
        (SamePackagesTwice, &[AmbiguousRoute]),
        (MixedLegalBasis, &[AmbiguousRoute]),
        (AmbiguousRoute, &[SystemUserPerClient]),
        (ClientSystemUserWithoutPackages, &[]),
        (DuplicateClient, &[]),
    ];
    for &(rule, allowed) in companions {
        let report = run(&fixture(rule));
        for f in &report.findings {
            assert!(
                f.rule == rule || allowed.contains(&f.rule) || f.severity == Severity::Info,
                "fixture for {} also gave {}: {}",
                rule.id(),
                f.rule.id(),
                f.message(Lang::En)
            );
        }
    }
}

#[test]
fn findings_are_ordered_errors_warnings_infos() {
    let yaml = with(&[
        ("visible: false", "visible: true"),
        (
            "clients: [\"312655985\", \"310000027\"]",
            "clients: [\"312655985\"]",
        ),
    ]);
    let report = run(&yaml);
    let sev: Vec<Severity> = report.findings.iter().map(|f| f.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
    assert_eq!(report.summary.errors, 2);
    assert_eq!(report.summary.warnings, 1);
    assert_eq!(report.summary.infos, 3);
}

#[test]
fn unknown_package_hints_the_nearest_codes() {
    let report = run(&fixture(Rule::UnknownPackage));
    let f = report.of(Rule::UnknownPackage).next().unwrap();
    assert_eq!(f.system_user.as_deref(), Some("Sick leave"));
    assert_eq!(f.package.as_deref(), Some("sykmelding"));
    assert!(f.hint(Lang::En).unwrap().contains("sykefravaer"), "{f:?}");
    // One typo, one finding: the AND rule and the system register ignore it.
    assert_eq!(report.summary.errors, 1, "{report:#?}");
}

#[test]
fn and_rule_names_client_system_user_and_package() {
    let report = run(&fixture(Rule::ClientMissingPackage));
    let f: Vec<_> = report.of(Rule::ClientMissingPackage).collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].client.as_deref(), Some("310000027"));
    assert_eq!(f[0].system_user.as_deref(), Some("Sick leave"));
    assert_eq!(f[0].package.as_deref(), Some("sykefravaer"));
    assert!(
        f[0].message(Lang::En).contains("Client B AS (310000027)"),
        "{}",
        f[0].message(Lang::En)
    );
    assert!(
        f[0].message(Lang::En).contains("\"Sick leave\""),
        "{}",
        f[0].message(Lang::En)
    );
}

#[test]
fn er_role_and_delegation_combine_for_the_and_rule() {
    // Scenario F option 1: regnskapsforer (ER) + sykefravaer (delegated) on one system user.
    let yaml = with(&[(
        SICK,
        "access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer], clients: [\"312655985\"] }",
    )]);
    let report = run(&yaml);
    assert!(!report.has_errors(), "{report:#?}");
    assert_eq!(report.of(Rule::MixedLegalBasis).count(), 0);
}

#[test]
fn wrong_form_names_the_allowed_forms() {
    let report = run(&fixture(Rule::RolePackageWrongUnitType));
    let f = report.of(Rule::RolePackageWrongUnitType).next().unwrap();
    assert!(
        f.message(Lang::En).contains("ESEK or BRL") && f.message(Lang::En).contains("is AS"),
        "{}",
        f.message(Lang::En)
    );
    assert_eq!(report.of(Rule::ClientMissingPackage).count(), 0);
    // The same client as a housing cooperative passes.
    let brl = fixture(Rule::RolePackageWrongUnitType).replace(
        "Elv Eiendom AS, unit_type: AS",
        "Elv Eiendom BRL, unit_type: BRL",
    );
    assert!(!run(&brl).has_errors());
    // The client gives none of the system user's packages: Altinn answers AUTH-00079.
    assert_eq!(f.altinn_code, Some("AUTH-00079"));
    // A client-only package cannot be delegated directly either: that
    // delegation cannot exist, and the hint never proposes it.
    let delegated = fixture(Rule::RolePackageWrongUnitType).replace(
        "er_roles: [forretningsforer] }",
        "er_roles: [forretningsforer], delegated: [forretningsforer-eiendom] }",
    );
    let report = run(&delegated);
    let f = report.of(Rule::DelegatedClientOnlyPackage).next().unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.system_user.as_deref(), Some("Property"));
    assert!(!f.hint(Lang::En).unwrap().contains(" delegate "), "{f:?}");
}

#[test]
fn wrong_form_with_other_packages_given_is_auth_00080() {
    // The AS client gives sykefravaer (delegated) but not forretningsforer-eiendom.
    let yaml = fixture(Rule::RolePackageWrongUnitType)
        .replace(
            "er_roles: [forretningsforer] }",
            "er_roles: [forretningsforer], delegated: [sykefravaer] }",
        )
        .replace(
            "access_packages: [forretningsforer-eiendom], clients",
            "access_packages: [forretningsforer-eiendom, sykefravaer], clients",
        );
    let report = run(&yaml);
    let f = report.of(Rule::RolePackageWrongUnitType).next().unwrap();
    assert_eq!(f.altinn_code, Some("AUTH-00080"));
    assert!(f.hint(Lang::En).unwrap().contains("move"), "{f:?}");
}

#[test]
fn a_client_only_delegation_nobody_relies_on_is_a_warning() {
    let yaml = with(&[(
        "name: Client B AS, unit_type: AS, er_roles: [regnskapsforer]",
        "name: Client B AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [ansvarlig-revisor]",
    )]);
    let report = run(&yaml);
    let f: Vec<_> = report.of(Rule::DelegatedClientOnlyPackage).collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(
        f[0].hint(Lang::En).unwrap().contains("auditor (REVI)"),
        "{:?}",
        f[0]
    );
    assert!(!report.has_errors());
}

#[test]
fn a_client_giving_none_of_the_packages_is_not_a_client() {
    // Client C (revisor) on the accounting system user: a relationship, none in common.
    let yaml = with(&[(
        "clients: [\"312655985\", \"310000027\"]",
        "clients: [\"312655985\", \"310000027\", \"310000035\"]",
    )]);
    let report = run(&yaml);
    let f: Vec<_> = report.of(Rule::NotAClient).collect();
    assert_eq!(f.len(), 1, "{report:#?}");
    assert_eq!(f[0].altinn_code, Some("AUTH-00079"));
    assert!(
        f[0].message(Lang::En).contains("none of"),
        "{}",
        f[0].message(Lang::En)
    );
    let hint = f[0].hint(Lang::En).unwrap();
    assert!(
        hint.contains("accountant (REGN)") && !hint.contains("delegate"),
        "{hint}"
    );
    assert_eq!(report.of(Rule::ClientMissingPackage).count(), 0);
}

#[test]
fn client_uncovered_only_where_a_system_user_could_serve() {
    let report = run(&fixture(Rule::ClientUnservable));
    assert_eq!(report.of(Rule::ClientUncovered).count(), 0);
    let f = report.of(Rule::ClientUnservable).next().unwrap();
    assert_eq!(f.client.as_deref(), Some("310000043"));
    assert!(
        f.message(Lang::En).contains("business manager (FFØR)"),
        "{}",
        f.message(Lang::En)
    );
    // A client that only "delegated" a client-only package cannot be served either.
    let only = with(&[(
        LAST_CLIENT,
        "er_roles: [revisor] }\n  - { orgnr: \"310000043\", name: Elv AS, unit_type: AS, delegated: [regnskapsforer-lonn] }\n",
    )]);
    let report = run(&only);
    assert_eq!(report.of(Rule::ClientUncovered).count(), 0);
    assert_eq!(report.of(Rule::ClientUnservable).count(), 1);
    assert_eq!(report.of(Rule::DelegatedClientOnlyPackage).count(), 1);
}

#[test]
fn same_packages_on_different_legal_bases_are_not_merged() {
    // merverdiavgift from the forretningsfører role of a NUF and delegated
    // directly: the same package on two legal bases.
    let yaml = r#"
version: 1
organisation: { orgnr: "310202398", name: Tiger AS }
system: { id: "991825827_x", vendor: "991825827", visible: false, access_packages: [merverdiavgift] }
clients:
  - { orgnr: "310000027", name: Foreign NUF, unit_type: NUF, er_roles: [forretningsforer] }
  - { orgnr: "310000035", name: Local AS, unit_type: AS, delegated: [merverdiavgift] }
  - { orgnr: "310000043", name: Other AS, unit_type: AS, delegated: [merverdiavgift] }
system_users:
  - { name: VAT NUF, external_ref: vat-nuf, type: client, access_packages: [merverdiavgift], clients: ["310000027"] }
  - { name: VAT, external_ref: vat, type: client, access_packages: [merverdiavgift], clients: ["310000035"] }
  - { name: VAT 2, external_ref: vat2, type: client, access_packages: [merverdiavgift], clients: ["310000043"] }
"#;
    let report = run(yaml);
    let f: Vec<_> = report.of(Rule::SystemUserPerClient).collect();
    assert_eq!(f.len(), 1, "{report:#?}");
    assert!(
        f[0].message(Lang::En).contains("\"VAT\" and \"VAT 2\""),
        "{}",
        f[0].message(Lang::En)
    );
}

#[test]
fn nuf_forretningsforer_packages_are_a_legal_basis_of_their_own() {
    let yaml = r#"
version: 1
organisation: { orgnr: "310202398", name: Tiger AS }
system: { id: "991825827_x", vendor: "991825827", visible: false, access_packages: [merverdiavgift, regnskapsforer-lonn] }
clients:
  - { orgnr: "310000027", name: Foreign NUF, unit_type: NUF, er_roles: [forretningsforer, regnskapsforer] }
system_users:
  - { name: Mixed, external_ref: mixed, type: client, access_packages: [merverdiavgift, regnskapsforer-lonn], clients: ["310000027"] }
"#;
    let report = run(yaml);
    assert_eq!(report.of(Rule::MixedLegalBasis).count(), 1, "{report:#?}");
}

#[test]
fn teams_may_use_only_system_users_on_bases_they_handle() {
    let report = run(&fixture(Rule::TeamOutsideRelationship));
    let f: Vec<_> = report.of(Rule::TeamOutsideRelationship).collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].team.as_deref(), Some("Audit"));
    assert_eq!(f[0].system_user.as_deref(), Some("Accounting"));
    // Handling the relationship, or the packages, makes it fine.
    for handles in [
        "[revisor, regnskapsforer]",
        "[revisor, regnskapsforer-med-signeringsrettighet]",
    ] {
        let ok = fixture(Rule::TeamOutsideRelationship)
            .replace("handles: [revisor]", &format!("handles: {handles}"));
        assert_eq!(
            run(&ok).of(Rule::TeamOutsideRelationship).count(),
            0,
            "{handles}"
        );
    }
}

/// Every ER role assignment except `supplier` makes a client (RULES.md), each
/// its own legal basis.
#[test]
fn every_er_role_with_delegable_packages_makes_a_client() {
    let yaml = r#"
version: 1
organisation: { orgnr: "310202398", name: Tiger AS }
system: { id: "991825827_x", vendor: "991825827", visible: false, access_packages: [skatt-naering, regnskapsforer-lonn] }
clients:
  - { orgnr: "310000027", name: Owned AS, unit_type: AS, er_roles: [DAGL] }
  - { orgnr: "310000035", name: Board AS, unit_type: AS, er_roles: [styreleder, regnskapsforer] }
system_users:
  - { name: Tax, external_ref: tax, type: client, access_packages: [skatt-naering], clients: ["310000027"] }
  - { name: Mixed, external_ref: mixed, type: client, access_packages: [skatt-naering, regnskapsforer-lonn], clients: ["310000035"] }
"#;
    let report = run(yaml);
    assert!(!report.has_errors(), "{report:#?}");
    let f: Vec<_> = report.of(Rule::MixedLegalBasis).collect();
    assert_eq!(f.len(), 1, "{report:#?}");
    assert!(
        f[0].message(Lang::En).contains("styreleder"),
        "{}",
        f[0].message(Lang::En)
    );
    let supplier = parse(
        &yaml.replace("er_roles: [DAGL]", "er_roles: [supplier]"),
        "s.yaml",
    );
    assert!(supplier.is_err());
}

#[test]
fn external_refs_as_altinn_keys_them() {
    let trimmed = with(&[("external_ref: audit", "external_ref: \" own \"")]);
    let f: Vec<_> = run(&trimmed)
        .of(Rule::DuplicateExternalRef)
        .cloned()
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].system_user.as_deref(), Some("Audit"));
    let case = with(&[("external_ref: audit", "external_ref: OWN")]);
    let report = run(&case);
    assert_eq!(report.of(Rule::DuplicateExternalRef).count(), 0);
    assert_eq!(report.of(Rule::RiskyExternalRef).count(), 1);
    for bad in ["a/b", "a?b", "a#b", "a%20b"] {
        let yaml = with(&[("external_ref: audit", &format!("external_ref: \"{bad}\""))]);
        assert_eq!(run(&yaml).of(Rule::RiskyExternalRef).count(), 1, "{bad}");
    }
    let long = run(&fixture(Rule::ExternalRefTooLong));
    assert_eq!(long.of(Rule::ExternalRefTooLong).count(), 1);
    let ok = GOOD.replace(
        "external_ref: audit",
        &format!("external_ref: {}", "a".repeat(255)),
    );
    assert_eq!(run(&ok).findings.len(), 3);
}

#[test]
fn system_id_codes_follow_the_problem() {
    let space = run(&with(&[(
        "\"991825827_smartcloud\"",
        "\"991825827_smart cloud\"",
    )]));
    let f = space.of(Rule::InvalidSystemId).next().unwrap();
    assert_eq!(f.altinn_code, Some("AUTH.VLD-00013"));
    let prefix = run(&with(&[(
        "\"991825827_smartcloud\"",
        "\"991825828_smartcloud\"",
    )]));
    let f = prefix.of(Rule::InvalidSystemId).next().unwrap();
    assert_eq!(f.altinn_code, Some("AUTH.VLD-00001"));
    // Altinn refuses the space character only.
    let tab = run(&with(&[(
        "\"991825827_smartcloud\"",
        "\"991825827_smart\\tcloud\"",
    )]));
    assert_eq!(tab.of(Rule::InvalidSystemId).count(), 0);
}

#[test]
fn forretningsforer_gives_the_nuf_set_only_to_nuf_clients() {
    let nuf = r#"
version: 1
organisation: { orgnr: "310202398", name: Tiger AS }
system: { id: "991825827_x", vendor: "991825827", access_packages: [merverdiavgift] }
clients:
  - { orgnr: "310000027", name: Foreign NUF, unit_type: NUF, er_roles: [forretningsforer] }
  - { orgnr: "310000035", name: Local AS, unit_type: AS, er_roles: [forretningsforer] }
system_users:
  - { name: VAT, type: client, access_packages: [merverdiavgift], clients: ["310000027", "310000035"] }
"#;
    let report = run(nuf);
    let f: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(f.len(), 1, "{report:#?}");
    assert_eq!(f[0].rule, Rule::RolePackageWrongUnitType);
    assert_eq!(f[0].client.as_deref(), Some("310000035"));
}

#[test]
fn operational_unit_on_a_system_user_points_to_its_main_unit() {
    let yaml = with(&[
        (
            "name: Client C AS, unit_type: AS, er_roles: [revisor] }",
            "name: Client C AS, unit_type: AS, er_roles: [revisor], operational_units: [{ orgnr: \"310000043\", name: C Bergen }] }",
        ),
        (
            AUDIT,
            "access_packages: [ansvarlig-revisor], clients: [\"310000035\", \"310000043\"] }",
        ),
    ]);
    let report = run(&yaml);
    let f = report.of(Rule::NotAClient).next().expect("not-a-client");
    assert!(
        f.hint(Lang::En)
            .unwrap()
            .contains("Client C AS (310000035)"),
        "{f:?}"
    );
    let own_unit = run(&fixture(Rule::NotAClient).replace("\"974760673\"", "\"311037889\""));
    let f = own_unit.of(Rule::NotAClient).next().unwrap();
    assert!(
        f.hint(Lang::En).unwrap().contains("own operational unit"),
        "{f:?}"
    );
}

#[test]
fn a_listed_client_without_relationship_is_not_a_client() {
    let yaml = with(&[
        (
            LAST_CLIENT,
            "er_roles: [revisor] }\n  - { orgnr: \"310000043\", name: No Ties AS }\n",
        ),
        (
            AUDIT,
            "access_packages: [ansvarlig-revisor], clients: [\"310000035\", \"310000043\"] }",
        ),
    ]);
    let report = run(&yaml);
    let f: Vec<_> = report.of(Rule::NotAClient).collect();
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message(Lang::En).contains("No Ties AS (310000043)")
            && f[0].message(Lang::En).contains("no relationship")
    );
    // A client without relationship on no system user is not "uncovered".
    assert_eq!(
        run(&with(&[(
            LAST_CLIENT,
            "er_roles: [revisor] }\n  - { orgnr: \"310000043\", name: No Ties AS }\n"
        )]))
        .of(Rule::ClientUncovered)
        .count(),
        0
    );
}

#[test]
fn sub_entities_must_delegate_themselves() {
    let yaml = r#"
version: 1
organisation: { orgnr: "310202398", name: Kommune, unit_type: KOMM }
system: { id: "991825827_x", vendor: "991825827", visible: false, access_packages: [a-ordning, lonn] }
clients:
  - { orgnr: "310000027", name: Skolen, unit_type: ORGL, sub_entity: true, delegated: [a-ordning, lonn] }
  - { orgnr: "310000035", name: Barnehagen, unit_type: ORGL, sub_entity: true, delegated: [lonn] }
system_users:
  - { name: Sub-entities, type: client, access_packages: [a-ordning, lonn], clients: ["310000027", "310000035"] }
"#;
    let report = run(yaml);
    let f: Vec<_> = report.of(Rule::ClientMissingPackage).collect();
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message(Lang::En).contains("sub-entity"),
        "{}",
        f[0].message(Lang::En)
    );
}

#[test]
fn duplicate_external_ref_counts_empty_as_the_orgnr() {
    let yaml = with(&[
        ("external_ref: own,", "external_ref: \"310202398\","),
        ("external_ref: audit,", ""),
    ]);
    let report = run(&yaml);
    let f: Vec<_> = report.of(Rule::DuplicateExternalRef).collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].system_user.as_deref(), Some("Audit"));
}

#[test]
fn system_user_per_client_is_one_finding_and_not_also_same_packages() {
    let report = run(&fixture(Rule::SystemUserPerClient));
    assert_eq!(report.of(Rule::SystemUserPerClient).count(), 1);
    assert_eq!(report.of(Rule::SamePackagesTwice).count(), 0);
    let f = report.of(Rule::SystemUserPerClient).next().unwrap();
    assert!(
        f.message(Lang::En)
            .contains("\"Accounting\" and \"Accounting B\""),
        "{}",
        f.message(Lang::En)
    );
}

#[test]
fn separate_teams_are_a_reason_for_the_same_packages() {
    let yaml = fixture(Rule::SamePackagesTwice)
        .replace(
            "system_users:",
            "teams:\n  - { name: North }\n  - { name: South }\nsystem_users:",
        )
        .replacen(
            "external_ref: own,",
            "external_ref: own, teams: [North],",
            1,
        )
        .replacen(
            "external_ref: own2,",
            "external_ref: own2, teams: [South],",
            1,
        );
    assert_eq!(run(&yaml).of(Rule::SamePackagesTwice).count(), 0);
}

#[test]
fn ambiguous_routes_are_aggregated() {
    let report = run(&fixture(Rule::AmbiguousRoute));
    let f: Vec<_> = report.of(Rule::AmbiguousRoute).collect();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].client.as_deref(), Some("312655985"));
    assert_eq!(f[0].package.as_deref(), Some("sykefravaer"));
}

#[test]
fn teams_rules_name_the_team() {
    let report = run(&fixture(Rule::TeamUnknownSystemUser));
    let f: Vec<_> = report.of(Rule::TeamUnknownSystemUser).collect();
    // "Acounting" is unknown; team "Accounting" is then named by no system user.
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].team.as_deref(), Some("Acounting"));
    assert!(f[0].hint(Lang::En).unwrap().contains("\"Accounting\""));
    assert_eq!(f[1].team.as_deref(), Some("Accounting"));
}

#[test]
fn include_self_needs_assignable_packages_and_the_option() {
    let yaml = with(&[(
        "external_ref: accounting,",
        "external_ref: accounting, include_self: true,",
    )]);
    let report = run(&yaml);
    assert_eq!(report.of(Rule::PackageNotAssignable).count(), 1);
    assert_eq!(report.of(Rule::SelfOnClientUnavailable).count(), 1);
    let allowed = fixture(Rule::SelfOnClientUnavailable).replace(
        "own_packages:",
        "options: { self_on_client_system_user: true }\nown_packages:",
    );
    let report = run(&allowed);
    assert_eq!(report.of(Rule::SelfOnClientUnavailable).count(), 0);
    assert!(!report.has_errors(), "{report:#?}");
}

#[test]
fn include_self_covers_own_needs() {
    let plan = with(&[
        (
            "own_packages: [merverdiavgift]",
            "options: { self_on_client_system_user: true }\nown_packages: [merverdiavgift, sykefravaer]",
        ),
        (
            "external_ref: sick,",
            "external_ref: sick, include_self: true,",
        ),
    ]);
    let report = run(&plan);
    assert_eq!(report.of(Rule::OwnNeedsUncovered).count(), 0, "{report:#?}");
}

#[test]
fn no_layout_skips_coverage_rules() {
    let report = run(&fixture(Rule::NoLayout).replace(
        "own_packages: [merverdiavgift]",
        "own_packages: [merverdiavgift, sykefravaer]",
    ));
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.id()).collect();
    assert_eq!(rules, ["no-layout"]);
}

#[test]
fn every_finding_of_a_known_subject_names_it() {
    for &rule in Rule::ALL {
        for f in run(&fixture(rule)).of(rule) {
            if let Some(c) = &f.client {
                assert_eq!(c.len(), 9, "{}: client subject is an orgnr", rule.id());
            }
            if f.severity == Severity::Error {
                assert!(f.fix.is_some(), "{} has no hint", rule.id());
            }
        }
    }
}

/// Every finding the fixtures produce has a bokmål message (and hint) of its
/// own: a finding is the same in every language, only worded differently.
#[test]
fn every_finding_is_worded_in_bokmal() {
    let mut fixtures: Vec<String> = Rule::ALL.iter().map(|&r| fixture(r)).collect();
    let bad = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_plans");
    for e in std::fs::read_dir(bad).unwrap() {
        fixtures.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    let mut rules_seen = std::collections::BTreeSet::new();
    for yaml in &fixtures {
        let plan = parse(yaml, "fixture.yaml").expect("fixture parses");
        let report = check(&plan);
        for f in &report.findings {
            rules_seen.insert(f.rule);
            let id = f.rule.id();
            let (en, nb) = (f.message(Lang::En), f.message(Lang::Nb));
            assert!(!nb.trim().is_empty(), "{id}: empty nb message");
            assert!(nb.ends_with('.'), "{id}: {nb}");
            assert_ne!(en, nb, "{id}: nb message is English");
            assert_eq!(
                f.hint(Lang::En).is_some(),
                f.hint(Lang::Nb).is_some(),
                "{id}: hint"
            );
            if let (Some(eh), Some(nh)) = (f.hint(Lang::En), f.hint(Lang::Nb)) {
                assert_ne!(eh, nh, "{id}: nb hint is English");
            }
        }
    }
    assert_eq!(rules_seen.len(), Rule::ALL.len(), "every rule was worded");
    for &r in Rule::ALL {
        assert_ne!(r.fix_in(Lang::Nb), r.fix_in(Lang::En), "{}", r.id());
    }
}
