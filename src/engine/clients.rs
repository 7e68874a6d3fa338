//! Rules about clients: who may be added to a client system user (AUTH-00079),
//! the AND rule (AUTH-00080, AM.VLD-00026), and whether every party is served.

use super::texts::Msg;
use super::{Index, Out, and_packages, unit_label, usable};
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
    let lang = ix.lang;
    for (i, c) in ix.plan.clients.iter().enumerate() {
        let orgnr = c.orgnr.as_str();
        if orgnr == org {
            out.push(
                Finding::new(
                    Rule::OrganisationAsClient,
                    Msg::OrganisationListedAsClient {
                        organisation: &ix.organisation_label(),
                    }
                    .text(lang),
                )
                .client(orgnr)
                .hint(Rule::OrganisationAsClient.fix_in(lang)),
            );
            continue;
        }
        if !ix.is_first(i) {
            out.push(
                Finding::new(
                    Rule::DuplicateClient,
                    Msg::DuplicateClient { client: &c.label() }.text(lang),
                )
                .client(orgnr)
                .hint(Rule::DuplicateClient.fix_in(lang)),
            );
            continue;
        }
        if let Some((_, main)) = ix.unit(orgnr)
            && main != Some(i)
        {
            let (label, _) = main_unit_of(ix, orgnr).unwrap_or_default();
            let hint = match main {
                None => Msg::RemoveOwnUnit,
                Some(_) => Msg::AddMainUnitInstead { main: &label },
            };
            out.push(
                Finding::new(
                    Rule::OperationalUnitAsClient,
                    Msg::OperationalUnitAsClient {
                        client: &c.label(),
                        main: &label,
                    }
                    .text(lang),
                )
                .client(orgnr)
                .hint(hint.text(lang)),
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
                    Msg::OrganisationOnSystemUser {
                        su: &su.name,
                        organisation: &ix.organisation_label(),
                    }
                    .text(ix.lang),
                )
                .system_user(&su.name)
                .client(orgnr)
                .hint(
                    if is_client_su {
                        Msg::RemoveOrganisationFromClientSu
                    } else {
                        Msg::RemoveOrganisationFromStandardSu
                    }
                    .text(ix.lang),
                ),
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
    let lang = ix.lang;
    let who = listed.map_or_else(|| orgnr.to_string(), Client::label);
    let message = match listed {
        Some(_) => Msg::NoRelationship {
            who: &who,
            su: &su.name,
        },
        None => Msg::NotUnderClients {
            who: &who,
            su: &su.name,
        },
    }
    .text(lang);
    let hint = match main_unit_of(ix, orgnr) {
        Some((label, None)) => Msg::OwnUnitOnClientSu {
            unit: &ix
                .unit(orgnr)
                .map(|(u, _)| unit_label(u))
                .unwrap_or_default(),
            main: &label,
        }
        .text(lang),
        Some((label, Some(_))) => Msg::ClientUnitOnClientSu { main: &label }.text(lang),
        None => Rule::NotAClient.fix_in(lang).to_string(),
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
    let lang = ix.lang;
    let label = c.label();
    for &p in and.iter().filter(|p| !available.contains(*p)) {
        let wrong_forms = c
            .er_roles
            .iter()
            .map(|r| (r, catalog().role_package_forms(r.as_str(), p)))
            .find(|(_, forms)| !forms.is_empty());
        let f = match wrong_forms {
            Some((role, forms)) => Finding::new(
                Rule::RolePackageWrongUnitType,
                Msg::RolePackageWrongUnitType {
                    su: &su.name,
                    code: p,
                    client: &label,
                    role: role.as_str(),
                    forms: &forms,
                    form: c.unit_type.as_ref().map(|u| u.as_str()),
                }
                .text(lang),
            )
            .hint(
                Msg::MoveOrDelegateDirectly {
                    client: &label,
                    code: p,
                }
                .text(lang),
            ),
            None => {
                let gives: Vec<&str> = available.iter().copied().collect();
                Finding::new(
                    Rule::ClientMissingPackage,
                    Msg::ClientMissingPackage {
                        su: &su.name,
                        code: p,
                        client: &label,
                        gives: &gives,
                        sub_entity: c.sub_entity,
                    }
                    .text(lang),
                )
                .hint(
                    Msg::DelegateOrMove {
                        client: &label,
                        code: p,
                    }
                    .text(lang),
                )
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
                Msg::OwnNeedsUncovered { code: p.code() }.text(ix.lang),
            )
            .package(p.code())
            .hint(Msg::AddToStandard { code: p.code() }.text(ix.lang)),
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
                Msg::ClientUncovered { client: &c.label() }.text(ix.lang),
            )
            .client(orgnr)
            .hint(Rule::ClientUncovered.fix_in(ix.lang)),
        );
    }
}
