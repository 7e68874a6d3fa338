//! Rules Altinn applies when a system user is created: its type, its packages
//! against the system register entry, and its external ref.

use super::{Index, Out, usable};
use crate::plan::{SystemUser, SystemUserType};
use crate::rules::texts::Msg;
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
    for su in &plan.system_users {
        match su.kind {
            SystemUserType::Standard => standard(su, out),
            SystemUserType::Client => client(ix, su, out),
        }
        package_not_in_system(su, &in_system, out);
    }
    external_refs(ix, out);
}

/// The external ref as Altinn keys it: trimmed; empty means the orgnr.
pub(crate) fn altinn_external_ref<'a>(su: &'a SystemUser, orgnr: &'a str) -> &'a str {
    match su.external_ref.trim() {
        "" => orgnr,
        r => r,
    }
}

/// Altinn's limit on an external ref, in characters.
const MAX_EXTERNAL_REF: usize = 255;

/// `duplicate-external-ref` (AUTH-00004: (system, organisation, trimmed ref)
/// is unique), `external-ref-too-long`, and `risky-external-ref` for refs
/// that differ only in case or carry characters that break a URL path or a
/// token request.
fn external_refs(ix: &Index, out: &mut Out) {
    let plan = ix.plan;
    let orgnr = plan.organisation.orgnr.as_str();
    let mut refs: HashMap<&str, &str> = HashMap::new();
    let mut folded: HashMap<String, &str> = HashMap::new();
    for su in &plan.system_users {
        let r = altinn_external_ref(su, orgnr);
        if let Some(first) = refs.get(r) {
            out.push(
                Finding::new(
                    Rule::DuplicateExternalRef,
                    Msg::DuplicateExternalRef {
                        su: su.name.as_str().into(),
                        external_ref: r.into(),
                        empty: su.external_ref.trim().is_empty(),
                        first: (*first).into(),
                    },
                )
                .system_user(&su.name)
                .with_fix(),
            );
            continue;
        }
        refs.insert(r, &su.name);
        if r.chars().count() > MAX_EXTERNAL_REF {
            out.push(
                Finding::new(
                    Rule::ExternalRefTooLong,
                    Msg::ExternalRefTooLong {
                        su: su.name.as_str().into(),
                        chars: r.chars().count(),
                    },
                )
                .system_user(&su.name)
                .with_fix(),
            );
        }
        let bad: Vec<char> = r
            .chars()
            .filter(|c| matches!(c, '/' | '?' | '#' | '%') || c.is_whitespace())
            .fold(Vec::new(), |mut v, c| {
                if !v.contains(&c) {
                    v.push(c);
                }
                v
            });
        if !bad.is_empty() {
            out.push(
                Finding::new(
                    Rule::RiskyExternalRef,
                    Msg::RefBreaksUrl {
                        su: su.name.as_str().into(),
                        external_ref: r.into(),
                        chars: bad,
                    },
                )
                .system_user(&su.name)
                .with_fix(),
            );
        }
        match folded.get(&r.to_lowercase()) {
            Some(first) => out.push(
                Finding::new(
                    Rule::RiskyExternalRef,
                    Msg::RefDiffersInCase {
                        su: su.name.as_str().into(),
                        external_ref: r.into(),
                        first: (*first).into(),
                    },
                )
                .system_user(&su.name)
                .with_fix(),
            ),
            None => {
                folded.insert(r.to_lowercase(), &su.name);
            }
        }
    }
}

fn standard(su: &SystemUser, out: &mut Out) {
    let name = su.name.as_str();
    if su.access_packages.is_empty() {
        out.push(
            Finding::new(
                Rule::StandardSystemUserWithoutPackages,
                Msg::StandardWithoutPackages { su: name.into() },
            )
            .system_user(&su.name)
            .with_fix(),
        );
    }
    if !su.clients.is_empty() {
        out.push(
            Finding::new(
                Rule::ClientsOnStandardSystemUser,
                Msg::ClientsOnStandard {
                    su: name.into(),
                    clients: su.clients.len(),
                },
            )
            .system_user(&su.name)
            .with_hint(Msg::MakeItClientType),
        );
    }
    for p in &su.access_packages {
        if usable(p.code()).is_some_and(|pkg| !pkg.is_assignable) {
            out.push(
                Finding::new(
                    Rule::PackageNotAssignable,
                    Msg::StandardNotAssignable {
                        su: name.into(),
                        code: p.code().into(),
                    },
                )
                .system_user(&su.name)
                .package(p.code())
                .with_hint(Msg::MoveToClientSystemUser),
            );
        }
    }
}

fn client(ix: &Index, su: &SystemUser, out: &mut Out) {
    let name = su.name.as_str();
    if su.access_packages.is_empty() {
        out.push(
            Finding::new(
                Rule::ClientSystemUserWithoutPackages,
                Msg::ClientWithoutPackages { su: name.into() },
            )
            .system_user(&su.name)
            .with_fix(),
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
                        su: name.into(),
                        code: p.code().into(),
                    },
                )
                .system_user(&su.name)
                .package(p.code())
                .with_hint(Msg::PutOnStandard),
            );
        }
        if su.include_self && !pkg.is_assignable {
            out.push(
                Finding::new(
                    Rule::PackageNotAssignable,
                    Msg::IncludeSelfNotAssignable {
                        su: name.into(),
                        code: p.code().into(),
                    },
                )
                .system_user(&su.name)
                .package(p.code())
                .with_hint(Msg::DropIncludeSelf),
            );
        }
    }
    if su.include_self && !ix.plan.options.self_on_client_system_user {
        out.push(
            Finding::new(
                Rule::SelfOnClientUnavailable,
                Msg::SelfOnClientUnavailable { su: name.into() },
            )
            .system_user(&su.name)
            .with_fix(),
        );
    }
    out.push(
        Finding::new(
            Rule::PackageImmutable,
            Msg::PackageImmutable { su: name.into() },
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
                    Msg::PackageNotInSystem {
                        su: su.name.as_str().into(),
                        code: p.code().into(),
                    },
                )
                .system_user(&su.name)
                .package(p.code())
                .with_hint(Msg::AskVendorToAdd {
                    code: p.code().into(),
                }),
            );
        }
    }
}
