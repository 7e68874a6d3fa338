//! Rules Altinn applies when a system user is created: its type, its packages
//! against the system register entry, and its external ref.

use super::texts::Msg;
use super::{Index, Out, usable};
use crate::lang::Lang;
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
    let lang = ix.lang;
    let mut refs: HashMap<&str, &str> = HashMap::new();
    for su in &plan.system_users {
        match su.kind {
            SystemUserType::Standard => standard(su, lang, out),
            SystemUserType::Client => client(ix, su, out),
        }
        package_not_in_system(su, &in_system, lang, out);
        // duplicate-external-ref: (system, organisation, external ref) is unique.
        let r = su.effective_external_ref(plan);
        match refs.get(r) {
            Some(first) => {
                out.push(
                    Finding::new(
                        Rule::DuplicateExternalRef,
                        Msg::DuplicateExternalRef {
                            su: &su.name,
                            external_ref: r,
                            empty: su.external_ref.is_empty(),
                            first,
                        }
                        .text(lang),
                    )
                    .system_user(&su.name)
                    .hint(Rule::DuplicateExternalRef.fix_in(lang)),
                );
            }
            None => {
                refs.insert(r, &su.name);
            }
        }
    }
}

fn standard(su: &SystemUser, lang: Lang, out: &mut Out) {
    let name = su.name.as_str();
    if su.access_packages.is_empty() {
        out.push(
            Finding::new(
                Rule::StandardSystemUserWithoutPackages,
                Msg::StandardWithoutPackages { su: name }.text(lang),
            )
            .system_user(&su.name)
            .hint(Rule::StandardSystemUserWithoutPackages.fix_in(lang)),
        );
    }
    if !su.clients.is_empty() {
        out.push(
            Finding::new(
                Rule::ClientsOnStandardSystemUser,
                Msg::ClientsOnStandard {
                    su: name,
                    clients: su.clients.len(),
                }
                .text(lang),
            )
            .system_user(&su.name)
            .hint(Msg::MakeItClientType.text(lang)),
        );
    }
    for p in &su.access_packages {
        if usable(p.code()).is_some_and(|pkg| !pkg.is_assignable) {
            out.push(
                Finding::new(
                    Rule::PackageNotAssignable,
                    Msg::StandardNotAssignable {
                        su: name,
                        code: p.code(),
                    }
                    .text(lang),
                )
                .system_user(&su.name)
                .package(p.code())
                .hint(Msg::MoveToClientSystemUser.text(lang)),
            );
        }
    }
}

fn client(ix: &Index, su: &SystemUser, out: &mut Out) {
    let name = su.name.as_str();
    let lang = ix.lang;
    if su.access_packages.is_empty() {
        out.push(
            Finding::new(
                Rule::ClientSystemUserWithoutPackages,
                Msg::ClientWithoutPackages { su: name }.text(lang),
            )
            .system_user(&su.name)
            .hint(Rule::ClientSystemUserWithoutPackages.fix_in(lang)),
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
                    Msg::NotDelegable {
                        su: name,
                        code: p.code(),
                    }
                    .text(lang),
                )
                .system_user(&su.name)
                .package(p.code())
                .hint(Msg::PutOnStandard.text(lang)),
            );
        }
        if su.include_self && !pkg.is_assignable {
            out.push(
                Finding::new(
                    Rule::PackageNotAssignable,
                    Msg::IncludeSelfNotAssignable {
                        su: name,
                        code: p.code(),
                    }
                    .text(lang),
                )
                .system_user(&su.name)
                .package(p.code())
                .hint(Msg::DropIncludeSelf.text(lang)),
            );
        }
    }
    if su.include_self && !ix.plan.options.self_on_client_system_user {
        out.push(
            Finding::new(
                Rule::SelfOnClientUnavailable,
                Msg::SelfOnClientUnavailable { su: name }.text(lang),
            )
            .system_user(&su.name)
            .hint(Rule::SelfOnClientUnavailable.fix_in(lang)),
        );
    }
    out.push(
        Finding::new(
            Rule::PackageImmutable,
            Msg::PackageImmutable { su: name }.text(lang),
        )
        .system_user(&su.name),
    );
}

/// `package-not-in-system` (AUTH-00063).
fn package_not_in_system(su: &SystemUser, in_system: &HashSet<&str>, lang: Lang, out: &mut Out) {
    for p in &su.access_packages {
        if usable(p.code()).is_some() && !in_system.contains(p.code()) {
            out.push(
                Finding::new(
                    Rule::PackageNotInSystem,
                    Msg::PackageNotInSystem {
                        su: &su.name,
                        code: p.code(),
                    }
                    .text(lang),
                )
                .system_user(&su.name)
                .package(p.code())
                .hint(Msg::AskVendorToAdd { code: p.code() }.text(lang)),
            );
        }
    }
}
