//! Rules Altinn applies when a system user is created: its type, its packages
//! against the system register entry, and its external ref.

use super::{Index, Out, quoted, usable};
use crate::plan::{SystemUser, SystemUserType};
use crate::rules::{Finding, Rule};
use std::collections::{HashMap, HashSet};

pub(super) fn check(ix: &Index, out: &mut Out) {
    let plan = ix.plan;
    let in_system: HashSet<&str> = plan
        .system
        .access_packages
        .iter()
        .map(|p| p.code())
        .collect();
    let mut refs: HashMap<&str, &str> = HashMap::new();
    for su in &plan.system_users {
        match su.kind {
            SystemUserType::Standard => standard(su, out),
            SystemUserType::Client => client(ix, su, out),
        }
        package_not_in_system(su, &in_system, out);
        // duplicate-external-ref: (system, organisation, external ref) is unique.
        let r = su.effective_external_ref(plan);
        match refs.get(r) {
            Some(first) => {
                let shown = if su.external_ref.is_empty() {
                    format!("an empty external ref (which means the orgnr {r})")
                } else {
                    format!("the external ref `{r}`")
                };
                out.push(
                    Finding::new(
                        Rule::DuplicateExternalRef,
                        format!(
                            "System user {} has {shown}, like {}; Altinn refuses the second one.",
                            quoted(&su.name),
                            quoted(first)
                        ),
                    )
                    .system_user(&su.name)
                    .hint(Rule::DuplicateExternalRef.info().fix),
                );
            }
            None => {
                refs.insert(r, &su.name);
            }
        }
    }
}

fn standard(su: &SystemUser, out: &mut Out) {
    let name = quoted(&su.name);
    if su.access_packages.is_empty() {
        out.push(
            Finding::new(
                Rule::StandardSystemUserWithoutPackages,
                format!("Standard system user {name} has no access packages."),
            )
            .system_user(&su.name)
            .hint(Rule::StandardSystemUserWithoutPackages.info().fix),
        );
    }
    if !su.clients.is_empty() {
        out.push(
            Finding::new(
                Rule::ClientsOnStandardSystemUser,
                format!(
                    "Standard system user {name} has {}; only system users for client relationships can have clients.",
                    match su.clients.len() {
                        1 => "a client".to_string(),
                        n => format!("{n} clients"),
                    }
                ),
            )
            .system_user(&su.name)
            .hint("make it `type: client`, or move the clients to a client system user"),
        );
    }
    for p in &su.access_packages {
        if usable(p.code()).is_some_and(|pkg| !pkg.is_assignable) {
            out.push(
                Finding::new(
                    Rule::PackageNotAssignable,
                    format!(
                        "Standard system user {name} has `{p}`, which comes only from client relationships and cannot be given to the organisation itself."
                    ),
                )
                .system_user(&su.name)
                .package(p.code())
                .hint("move it to a client system user"),
            );
        }
    }
}

fn client(ix: &Index, su: &SystemUser, out: &mut Out) {
    let name = quoted(&su.name);
    if su.access_packages.is_empty() {
        out.push(
            Finding::new(
                Rule::ClientSystemUserWithoutPackages,
                format!("Client system user {name} has no access packages; Altinn requires at least one."),
            )
            .system_user(&su.name)
            .hint(Rule::ClientSystemUserWithoutPackages.info().fix),
        );
    }
    for p in &su.access_packages {
        let Some(pkg) = usable(p.code()) else {
            continue;
        };
        if !pkg.is_delegable {
            out.push(
                Finding::new(
                    Rule::PackageNotDelegable,
                    format!(
                        "Client system user {name} has `{p}`, which cannot be delegated to a system user for clients."
                    ),
                )
                .system_user(&su.name)
                .package(p.code())
                .hint("put it on a standard system user instead"),
            );
        }
        if su.include_self && !pkg.is_assignable {
            out.push(
                Finding::new(
                    Rule::PackageNotAssignable,
                    format!(
                        "Client system user {name} includes the organisation itself (`include_self`) but has `{p}`, which the organisation cannot hold for itself."
                    ),
                )
                .system_user(&su.name)
                .package(p.code())
                .hint("drop `include_self` and serve the organisation with a standard system user, or move the package"),
            );
        }
    }
    if su.include_self && !ix.plan.options.self_on_client_system_user {
        out.push(
            Finding::new(
                Rule::SelfOnClientUnavailable,
                format!(
                    "Client system user {name} includes the organisation itself, but `options.self_on_client_system_user` is not set."
                ),
            )
            .system_user(&su.name)
            .hint(Rule::SelfOnClientUnavailable.info().fix),
        );
    }
    out.push(
        Finding::new(
            Rule::PackageImmutable,
            format!(
                "The packages of client system user {name} cannot be changed once it exists; another combination means a new system user."
            ),
        )
        .system_user(&su.name),
    );
}

/// `package-not-in-system` (AUTH-00063).
fn package_not_in_system(su: &SystemUser, in_system: &HashSet<&str>, out: &mut Out) {
    for p in &su.access_packages {
        if usable(p.code()).is_some() && !in_system.contains(p.code()) {
            out.push(
                Finding::new(
                    Rule::PackageNotInSystem,
                    format!(
                        "System user {} asks for `{p}`, which the system register entry does not have.",
                        quoted(&su.name)
                    ),
                )
                .system_user(&su.name)
                .package(p.code())
                .hint(format!(
                    "ask the vendor to add `{p}` to the system's access_packages, or remove it from the system user"
                )),
            );
        }
    }
}
