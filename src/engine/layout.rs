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
    for su in &plan.system_users {
        match su.kind {
            SystemUserType::Standard => standard(su, lang, out),
            SystemUserType::Client => client(ix, su, out),
        }
        package_not_in_system(su, &in_system, lang, out);
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
    let lang = ix.lang;
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
                        su: &su.name,
                        external_ref: r,
                        empty: su.external_ref.trim().is_empty(),
                        first,
                    }
                    .text(lang),
                )
                .system_user(&su.name)
                .hint(Rule::DuplicateExternalRef.fix_in(lang)),
            );
            continue;
        }
        refs.insert(r, &su.name);
        if r.chars().count() > MAX_EXTERNAL_REF {
            out.push(
                Finding::new(
                    Rule::ExternalRefTooLong,
                    Msg::ExternalRefTooLong {
                        su: &su.name,
                        chars: r.chars().count(),
                    }
                    .text(lang),
                )
                .system_user(&su.name)
                .hint(Rule::ExternalRefTooLong.fix_in(lang)),
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
                        su: &su.name,
                        external_ref: r,
                        chars: &bad,
                    }
                    .text(lang),
                )
                .system_user(&su.name)
                .hint(Rule::RiskyExternalRef.fix_in(lang)),
            );
        }
        match folded.get(&r.to_lowercase()) {
            Some(first) => out.push(
                Finding::new(
                    Rule::RiskyExternalRef,
                    Msg::RefDiffersInCase {
                        su: &su.name,
                        external_ref: r,
                        first,
                    }
                    .text(lang),
                )
                .system_user(&su.name)
                .hint(Rule::RiskyExternalRef.fix_in(lang)),
            ),
            None => {
                folded.insert(r.to_lowercase(), &su.name);
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
