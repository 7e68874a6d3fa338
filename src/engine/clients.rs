//! Rules about clients: who may be added to a client system user (AUTH-00079),
//! the AND rule (AUTH-00080, AM.VLD-00026), and whether every party is served.

use super::{Index, Out, and_packages, quoted, unit_label, usable};
use crate::catalog::catalog;
use crate::plan::{Client, SystemUser, SystemUserType};
use crate::rules::{Finding, Rule};
use std::collections::HashSet;

pub(super) fn check(ix: &Index, out: &mut Out) {
    client_list(ix, out);
    let n = ix.plan.clients.len();
    let mut covered = vec![false; n];
    // stamp[i] == s + 1: client i was seen on system user s already.
    let mut stamp = vec![0usize; n];
    for (s, su) in ix.plan.system_users.iter().enumerate() {
        system_user_clients(ix, s, su, &mut covered, &mut stamp, out);
    }
    if !ix.plan.is_situation() {
        own_needs_uncovered(ix, out);
        client_uncovered(ix, &covered, out);
    }
}

/// The main unit an orgnr is an operational unit of, as "Name (orgnr)".
fn main_unit_of(ix: &Index, orgnr: &str) -> Option<(String, Option<usize>)> {
    let (_, main) = ix.unit(orgnr)?;
    Some(match main {
        None => (ix.organisation_label(), None),
        Some(i) => (ix.client(i).label(), Some(i)),
    })
}

/// `organisation-as-client`, `duplicate-client`, `operational-unit-as-client` under `clients:`.
fn client_list(ix: &Index, out: &mut Out) {
    let org = ix.plan.organisation.orgnr.as_str();
    for (i, c) in ix.plan.clients.iter().enumerate() {
        let orgnr = c.orgnr.as_str();
        if orgnr == org {
            out.push(
                Finding::new(
                    Rule::OrganisationAsClient,
                    format!(
                        "The organisation itself, {}, is listed under `clients:`.",
                        ix.organisation_label()
                    ),
                )
                .client(orgnr)
                .hint(Rule::OrganisationAsClient.info().fix),
            );
            continue;
        }
        if !ix.is_first(i) {
            out.push(
                Finding::new(
                    Rule::DuplicateClient,
                    format!("{} is listed more than once under `clients:`.", c.label()),
                )
                .client(orgnr)
                .hint(Rule::DuplicateClient.info().fix),
            );
            continue;
        }
        if let Some((_, main)) = ix.unit(orgnr)
            && main != Some(i)
        {
            let (label, _) = main_unit_of(ix, orgnr).unwrap_or_default();
            let hint = match main {
                None => "remove it: the organisation's own operational units are served with the organisation".to_string(),
                Some(_) => format!("remove it and add its main unit {label} as the client"),
            };
            out.push(
                Finding::new(
                    Rule::OperationalUnitAsClient,
                    format!(
                        "{} is an operational unit of {label}; it inherits from its main unit and need not be a client.",
                        c.label()
                    ),
                )
                .client(orgnr)
                .hint(hint),
            );
        }
    }
}

/// `organisation-as-client`, `not-a-client` and the AND rule for one system user's clients.
fn system_user_clients(
    ix: &Index,
    s: usize,
    su: &SystemUser,
    covered: &mut [bool],
    stamp: &mut [usize],
    out: &mut Out,
) {
    let org = ix.plan.organisation.orgnr.as_str();
    let is_client_su = su.kind == SystemUserType::Client;
    let and = and_packages(su);
    let mut seen_other: HashSet<&str> = HashSet::new();
    for (orgnr, &index) in su.clients.iter().zip(ix.system_user_clients(s)) {
        let orgnr = orgnr.as_str();
        match index {
            Some(i) if orgnr != org => {
                if stamp[i] == s + 1 {
                    continue;
                }
                stamp[i] = s + 1;
                covered[i] = true;
            }
            _ => {
                if !seen_other.insert(orgnr) {
                    continue;
                }
            }
        }
        if orgnr == org {
            out.push(
                Finding::new(
                    Rule::OrganisationAsClient,
                    format!(
                        "System user {} lists the organisation itself, {}, as a client.",
                        quoted(&su.name),
                        ix.organisation_label()
                    ),
                )
                .system_user(&su.name)
                .client(orgnr)
                .hint(if is_client_su {
                    "remove it; set `include_self: true` on this system user, or serve the organisation with a standard system user"
                } else {
                    "remove it; a standard system user already acts for the organisation"
                }),
            );
            continue;
        }
        if !is_client_su {
            // Reported once for the system user (clients-on-standard-system-user).
            continue;
        }
        match index {
            Some(i) if ix.client(i).has_relationship() => and_rule(ix, su, &and, i, out),
            _ => not_a_client(ix, su, orgnr, index.map(|i| ix.client(i)), out),
        }
    }
}

/// `not-a-client` (AUTH-00079).
fn not_a_client(ix: &Index, su: &SystemUser, orgnr: &str, listed: Option<&Client>, out: &mut Out) {
    let who = listed.map_or_else(|| orgnr.to_string(), Client::label);
    let message = match listed {
        Some(_) => format!(
            "{who} is on system user {} but has no relationship with the organisation: no ER role and nothing delegated.",
            quoted(&su.name)
        ),
        None => format!(
            "{who} is on system user {} but is not among the organisation's clients (not under `clients:`).",
            quoted(&su.name)
        ),
    };
    let hint = match main_unit_of(ix, orgnr) {
        Some((label, None)) => format!(
            "{} is the organisation's own operational unit: it inherits from {label}; remove it and serve the organisation with a standard system user",
            ix.unit(orgnr)
                .map(|(u, _)| unit_label(u))
                .unwrap_or_default()
        ),
        Some((label, Some(_))) => format!(
            "it is an operational unit of {label} and inherits from it; add {label} to the system user instead"
        ),
        None => Rule::NotAClient.info().fix.to_string(),
    };
    out.push(
        Finding::new(Rule::NotAClient, message)
            .system_user(&su.name)
            .client(orgnr)
            .hint(hint),
    );
}

/// The AND rule: every package of the system user must be available from the client.
fn and_rule(ix: &Index, su: &SystemUser, and: &[&str], i: usize, out: &mut Out) {
    let available = ix.available(i);
    let c = ix.client(i);
    for &p in and.iter().filter(|p| !available.contains(*p)) {
        let wrong_forms = c
            .er_roles
            .iter()
            .map(|r| (r, catalog().role_package_forms(r.as_str(), p)))
            .find(|(_, forms)| !forms.is_empty());
        let f = match wrong_forms {
            Some((role, forms)) => {
                let form = c.unit_type.as_ref().map_or_else(
                    || "has no organisation form in the plan".to_string(),
                    |u| format!("is {u}"),
                );
                Finding::new(
                    Rule::RolePackageWrongUnitType,
                    format!(
                        "System user {} needs `{p}` from {}, but the {} role gives it only for clients of form {}, and the client {form}.",
                        quoted(&su.name),
                        c.label(),
                        role.as_str(),
                        forms.join(" or "),
                    ),
                )
                .hint(format!(
                    "move {} to a system user without `{p}`, or have it delegate `{p}` directly in Altinn",
                    c.label()
                ))
            }
            None => {
                let has = if available.is_empty() {
                    String::new()
                } else {
                    let list: Vec<&str> = available.iter().copied().collect();
                    format!(" (it gives: {})", list.join(", "))
                };
                let sub = if c.sub_entity {
                    "; as a sub-entity it inherits nothing from its main entity"
                } else {
                    ""
                };
                Finding::new(
                    Rule::ClientMissingPackage,
                    format!(
                        "System user {} needs `{p}` from every client, but {} has not given it to the organisation{has}{sub}.",
                        quoted(&su.name),
                        c.label()
                    ),
                )
                .hint(format!(
                    "have {} delegate `{p}` in Altinn, or move it to a system user whose packages it has",
                    c.label()
                ))
            }
        };
        out.push(f.system_user(&su.name).client(c.orgnr.as_str()).package(p));
    }
}

/// `own-needs-uncovered`: an own package on no standard system user and no `include_self` one.
fn own_needs_uncovered(ix: &Index, out: &mut Out) {
    let plan = ix.plan;
    let carried: HashSet<&str> = plan
        .system_users
        .iter()
        .filter(|su| su.kind == SystemUserType::Standard || su.include_self)
        .flat_map(|su| su.access_packages.iter().map(|p| p.code()))
        .collect();
    let mut seen = HashSet::new();
    for p in &plan.own_packages {
        if usable(p.code()).is_none() || carried.contains(p.code()) || !seen.insert(p.code()) {
            continue;
        }
        out.push(
            Finding::new(
                Rule::OwnNeedsUncovered,
                format!(
                    "The organisation needs `{p}` for itself, but no standard system user (nor one with `include_self`) carries it."
                ),
            )
            .package(p.code())
            .hint(format!("add `{p}` to the standard system user (scenario A/H)")),
        );
    }
}

/// `client-uncovered`: a client with a relationship on no system user.
fn client_uncovered(ix: &Index, covered: &[bool], out: &mut Out) {
    let org = ix.plan.organisation.orgnr.as_str();
    for (i, c) in ix.plan.clients.iter().enumerate() {
        let orgnr = c.orgnr.as_str();
        if covered[i]
            || !c.has_relationship()
            || orgnr == org
            || !ix.is_first(i)
            || ix.unit(orgnr).is_some_and(|(_, main)| main != Some(i))
        {
            continue;
        }
        out.push(
            Finding::new(
                Rule::ClientUncovered,
                format!(
                    "{} has a relationship with the organisation but is on no system user.",
                    c.label()
                ),
            )
            .client(orgnr)
            .hint(Rule::ClientUncovered.info().fix),
        );
    }
}
