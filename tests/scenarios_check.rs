//! The scenario files are what the guidance recommends, so each must pass the
//! delegation engine with no errors, and must hold to Altinn's rules on its own
//! terms (checked here directly too, so a file stays right whatever the engine
//! does).

mod common;
use common::{load, root, scenario_files};
use sysuser::catalog::{Fit, catalog};
use sysuser::plan::{Plan, SystemUserType};

fn each(mut f: impl FnMut(&str, &Plan)) {
    for path in scenario_files() {
        let plan = load(&path);
        f(&path.file_name().unwrap().to_string_lossy(), &plan);
    }
}

#[test]
fn all_eleven_files_are_there_and_listed_in_the_readme() {
    let names: Vec<String> = scenario_files()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 11, "{names:?}");
    let readme = std::fs::read_to_string(root().join("scenarios/README.md")).unwrap();
    for n in &names {
        assert!(readme.contains(&format!("`{n}`")), "README lacks {n}");
    }
}

#[test]
fn engine_finds_no_errors_and_no_warnings() {
    // Only infos (e.g. `package-immutable`): each layout is the guidance's own.
    each(|name, plan| {
        let report = sysuser::engine::check(plan);
        let errors: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity != sysuser::rules::Severity::Info)
            .map(|f| format!("{}: {}", f.rule.id(), f.message(sysuser::lang::Lang::En)))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    });
}

#[test]
fn organisation_numbers_pass_mod_11() {
    each(|name, plan| {
        let mut all = vec![&plan.organisation.orgnr, &plan.system.vendor];
        all.extend(plan.organisation.operational_units.iter().map(|u| &u.orgnr));
        for c in &plan.clients {
            all.push(&c.orgnr);
            all.extend(c.operational_units.iter().map(|u| &u.orgnr));
        }
        for o in all {
            assert!(o.has_valid_check_digit(), "{name}: {o}");
        }
    });
}

#[test]
fn packages_are_real_and_fit_their_system_user() {
    each(|name, plan| {
        for p in &plan.system.access_packages {
            assert!(p.package().is_some(), "{name}: {p} is not in the catalog");
        }
        let client_only = plan
            .system
            .access_packages
            .iter()
            .any(|p| p.package().is_some_and(|k| k.fit() == Fit::Client));
        assert_eq!(
            plan.system.visible, !client_only,
            "{name}: visible must be false exactly when the system has client-only packages"
        );
        for su in &plan.system_users {
            for p in &su.access_packages {
                let fit = p.package().map(|k| k.fit());
                assert!(plan.system.access_packages.contains(p), "{name}: {p}");
                let ok = match su.kind {
                    SystemUserType::Standard => matches!(fit, Some(Fit::Standard | Fit::Both)),
                    SystemUserType::Client if su.include_self => fit == Some(Fit::Both),
                    SystemUserType::Client => matches!(fit, Some(Fit::Client | Fit::Both)),
                };
                assert!(ok, "{name}: {p} on {}", su.name);
            }
        }
    });
}

/// Altinn's AND rule: every package on a client system user is available from
/// every one of its clients (ER role for the client's form, or delegated).
#[test]
fn every_client_has_every_package_of_its_system_user() {
    each(|name, plan| {
        for su in &plan.system_users {
            for orgnr in &su.clients {
                let c = plan
                    .client(orgnr)
                    .unwrap_or_else(|| panic!("{name}: {orgnr} is not a client"));
                let form = c.unit_type.as_ref().map(|u| u.as_str());
                for p in &su.access_packages {
                    let via_role = c.er_roles.iter().any(|r| {
                        catalog()
                            .role_packages(r.as_str(), form)
                            .any(|code| code == p.code())
                    });
                    assert!(
                        via_role || c.delegated.contains(p),
                        "{name}: {} lacks {p} for {}",
                        c.name,
                        su.name
                    );
                }
            }
        }
    });
}

#[test]
fn operational_units_are_never_clients() {
    each(|name, plan| {
        let units: Vec<_> = plan
            .clients
            .iter()
            .flat_map(|c| &c.operational_units)
            .chain(&plan.organisation.operational_units)
            .map(|u| &u.orgnr)
            .collect();
        for su in &plan.system_users {
            for c in &su.clients {
                assert!(!units.contains(&c), "{name}: unit {c} on {}", su.name);
            }
        }
    });
}

#[test]
fn external_refs_are_unique_and_readable() {
    each(|name, plan| {
        let mut refs: Vec<&str> = plan
            .system_users
            .iter()
            .map(|s| s.external_ref.as_str())
            .collect();
        for r in &refs {
            assert_eq!(*r, sysuser::text::slug(r), "{name}: {r}");
        }
        refs.sort();
        refs.dedup();
        assert_eq!(refs.len(), plan.system_users.len(), "{name}");
    });
}
