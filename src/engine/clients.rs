//! Rules about clients: who may be added to a client system user (AUTH-00079),
//! the AND rule (AUTH-00080, AM.VLD-00026), and whether every party is served.

use super::{
    Index, Out, PackageSet, and_packages, and_set, directly_delegable, is_client_only,
    roles_giving, unit_label, usable,
};
use crate::catalog::catalog;
use crate::plan::{Client, SystemUser, SystemUserType};
use crate::rules::texts::{Codes, Label, Msg, Unservable};
use crate::rules::{Finding, Rule, Severity};
use std::collections::HashSet;

pub(super) fn check(ix: &Index, out: &mut Out) {
    client_list(ix, out);
    let n = ix.plan.clients.len();
    let mut covered = vec![false; n];
    // stamp[i] == s + 1: client i was seen on system user s already.
    let mut stamp = vec![0usize; n];
    let mut relied = HashSet::new();
    for (s, su) in ix.plan.system_users.iter().enumerate() {
        system_user_clients(ix, s, su, &mut covered, &mut stamp, &mut relied, out);
    }
    delegated_client_only_unrelied(ix, &relied, out);
    if !ix.plan.is_situation() {
        own_needs_uncovered(ix, out);
        client_uncovered(ix, &covered, out);
    }
}

/// The main unit an orgnr is an operational unit of, as "Name (orgnr)".
fn main_unit_of(ix: &Index, orgnr: &str) -> Option<(Label, Option<usize>)> {
    let (_, main) = ix.unit(orgnr)?;
    Some(match main {
        None => (ix.organisation_label(), None),
        Some(i) => (Label::Named(ix.client(i).label().into()), Some(i)),
    })
}

/// `organisation-as-client`, `duplicate-client`, `operational-unit-as-client` under `clients:`.
fn client_list(ix: &Index, out: &mut Out) {
    let org = &ix.plan.organisation.orgnr;
    for (i, c) in ix.plan.clients.iter().enumerate() {
        let orgnr = c.orgnr.as_str();
        if c.orgnr == *org {
            out.push(
                Finding::new(
                    Rule::OrganisationAsClient,
                    Msg::OrganisationListedAsClient {
                        organisation: ix.organisation_label(),
                    },
                )
                .client(orgnr)
                .with_fix(),
            );
            continue;
        }
        if !ix.is_first(i) {
            out.push(
                Finding::new(
                    Rule::DuplicateClient,
                    Msg::DuplicateClient {
                        client: c.label().into(),
                    },
                )
                .client(orgnr)
                .with_fix(),
            );
            continue;
        }
        if let Some((_, main)) = ix.unit_of(&c.orgnr)
            && main != Some(i)
        {
            let label = main_unit_of(ix, orgnr).map_or(Label::Named("".into()), |(l, _)| l);
            let hint = match main {
                None => Msg::RemoveOwnUnit,
                Some(_) => Msg::AddMainUnitInstead {
                    main: label.clone(),
                },
            };
            out.push(
                Finding::new(
                    Rule::OperationalUnitAsClient,
                    Msg::OperationalUnitAsClient {
                        client: c.label().into(),
                        main: label,
                    },
                )
                .client(orgnr)
                .with_hint(hint),
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
    relied: &mut HashSet<(usize, String)>,
    out: &mut Out,
) {
    let org = &ix.plan.organisation.orgnr;
    let is_client_su = su.kind == SystemUserType::Client;
    let and = (and_packages(su), and_set(su));
    let mut seen_other: HashSet<&str> = HashSet::new();
    for (o, &index) in su.clients.iter().zip(ix.system_user_clients(s)) {
        let is_org = o == org;
        match index {
            Some(i) if !is_org => {
                if stamp[i] == s + 1 {
                    continue;
                }
                stamp[i] = s + 1;
                covered[i] = true;
            }
            _ => {
                if !seen_other.insert(o.as_str()) {
                    continue;
                }
            }
        }
        if is_org {
            let orgnr = o.as_str();
            out.push(
                Finding::new(
                    Rule::OrganisationAsClient,
                    Msg::OrganisationOnSystemUser {
                        su: su.name.as_str().into(),
                        organisation: ix.organisation_label(),
                    },
                )
                .system_user(&su.name)
                .client(orgnr)
                .with_hint(if !is_client_su {
                    Msg::RemoveOrganisationFromStandardSu
                } else if su
                    .access_packages
                    .iter()
                    .all(|p| usable(p.code()).is_none_or(|pkg| pkg.is_assignable))
                {
                    Msg::RemoveOrganisationFromClientSu
                } else {
                    Msg::RemoveOrganisationSelfImpossible
                }),
            );
            continue;
        }
        if !is_client_su {
            // Reported once for the system user (clients-on-standard-system-user).
            continue;
        }
        match index {
            Some(i) if ix.client(i).has_relationship() => and_rule(ix, su, &and, i, relied, out),
            _ => not_a_client(ix, su, o.as_str(), index.map(|i| ix.client(i)), out),
        }
    }
}

/// `not-a-client` (AUTH-00079) for a party with no relationship at all.
fn not_a_client(ix: &Index, su: &SystemUser, orgnr: &str, listed: Option<&Client>, out: &mut Out) {
    let who = listed
        .map_or_else(|| orgnr.to_string(), Client::label)
        .into();
    let su_name = su.name.as_str().into();
    let message = match listed {
        Some(_) => Msg::NoRelationship { who, su: su_name },
        None => Msg::NotUnderClients { who, su: su_name },
    };
    let hint = match main_unit_of(ix, orgnr) {
        Some((label, None)) => Msg::OwnUnitOnClientSu {
            unit: ix
                .unit(orgnr)
                .map(|(u, _)| unit_label(u))
                .unwrap_or_default()
                .into(),
            main: label,
        },
        Some((label, Some(_))) => Msg::ClientUnitOnClientSu { main: label },
        None => how_to_give(listed, &and_packages(su)),
    };
    out.push(
        Finding::new(Rule::NotAClient, message)
            .system_user(&su.name)
            .client(orgnr)
            .with_hint(hint),
    );
}

/// A fix Altinn accepts for packages a client does not give: assignable ones
/// it can delegate in Altinn; client-only ones come only from registering the
/// ER role in Enhetsregisteret (where its organisation form qualifies);
/// otherwise the client belongs on another system user.
fn how_to_give(client: Option<&Client>, missing: &[&str]) -> Msg {
    let form = client
        .and_then(|c| c.unit_type.as_ref())
        .map(|u| u.as_str());
    let mut delegate: Codes = Vec::new();
    let mut roles: Codes = Vec::new();
    let mut impossible: Codes = Vec::new();
    // The missing packages are known ones (`and_packages`); the catalog's
    // own codes outlive the plan.
    for p in missing.iter().filter_map(|p| catalog().get(p)) {
        let p = p.code.as_str();
        if directly_delegable(p) {
            delegate.push(p);
            continue;
        }
        match roles_giving(p, form).next() {
            Some(r) if form.is_some() || catalog().role_package_forms(r, p).is_empty() => {
                if !roles.contains(&r) {
                    roles.push(r);
                }
            }
            _ => impossible.push(p),
        }
    }
    Msg::HowToGive {
        client: client.map_or_else(String::new, Client::label).into(),
        delegate,
        roles,
        impossible,
    }
}

/// Catalog codes for codes the plan names that the catalog knows.
fn known(codes: impl IntoIterator<Item = impl AsRef<str>>) -> Codes {
    codes
        .into_iter()
        .filter_map(|c| catalog().get(c.as_ref()))
        .map(|p| p.code.as_str())
        .collect()
}

/// Client `i` on client system user `su`: the packages it gives decide.
/// None of them: `not-a-client` (AUTH-00079); some: `client-missing-package`
/// (AUTH-00080) per missing package. A package a role would give a client of
/// another form is `role-package-wrong-unit-type` with the same code, and one
/// the plan says was delegated though only an ER role can give it is
/// `delegated-client-only-package` (the delegation cannot exist).
/// `and` holds the system user's [`and_packages`] and their [`and_set`]: a
/// client that passes costs two bit operations, and nothing is worded for it.
fn and_rule(
    ix: &Index,
    su: &SystemUser,
    (and, and_bits): &(Vec<&str>, PackageSet),
    i: usize,
    relied: &mut HashSet<(usize, String)>,
    out: &mut Out,
) {
    let available = *ix.available(i);
    if and_bits.minus(available).is_empty() {
        return;
    }
    let c = ix.client(i);
    let label = c.label();
    let gives_some = !and_bits.intersect(available).is_empty();
    let code = if gives_some {
        "AUTH-00080"
    } else {
        "AUTH-00079"
    };
    let mut missing: Vec<&str> = Vec::new();
    let mut reported = false;
    for &p in and.iter().filter(|p| !available.contains(p)) {
        if c.delegated.iter().any(|d| d.code() == p) && is_client_only(p) {
            out.push(delegated_client_only(c, p, Some(&su.name)));
            relied.insert((i, p.to_string()));
            reported = true;
            continue;
        }
        let wrong_forms = c
            .er_roles
            .iter()
            .map(|r| (r, catalog().role_package_forms(r.as_str(), p)))
            .find(|(_, forms)| !forms.is_empty());
        if let Some((role, forms)) = wrong_forms {
            out.push(
                Finding::new(
                    Rule::RolePackageWrongUnitType,
                    Msg::RolePackageWrongUnitType {
                        su: su.name.as_str().into(),
                        code: p.into(),
                        client: label.as_str().into(),
                        role: role.as_str().into(),
                        forms,
                        form: c.unit_type.as_ref().map(|u| u.as_str().into()),
                    },
                )
                .code(code)
                .with_hint(how_to_give(Some(c), &[p]))
                .system_user(&su.name)
                .client(c.orgnr.as_str())
                .package(p),
            );
            reported = true;
            continue;
        }
        missing.push(p);
    }
    if missing.is_empty() {
        return;
    }
    let gives = known(available);
    if !gives_some {
        if reported {
            return;
        }
        out.push(
            Finding::new(
                Rule::NotAClient,
                Msg::NoneInCommon {
                    su: su.name.as_str().into(),
                    client: label.into(),
                    gives,
                },
            )
            .with_hint(how_to_give(Some(c), &missing))
            .system_user(&su.name)
            .client(c.orgnr.as_str()),
        );
        return;
    }
    for p in missing {
        out.push(
            Finding::new(
                Rule::ClientMissingPackage,
                Msg::ClientMissingPackage {
                    su: su.name.as_str().into(),
                    code: p.into(),
                    client: label.as_str().into(),
                    gives: gives.clone(),
                    sub_entity: c.sub_entity,
                },
            )
            .with_hint(how_to_give(Some(c), &[p]))
            .system_user(&su.name)
            .client(c.orgnr.as_str())
            .package(p),
        );
    }
}

/// `delegated-client-only-package`: the plan says the client delegated a
/// package only an ER role can give. An error where system user `relied`
/// relies on it, a warning where none does.
pub(super) fn delegated_client_only(c: &Client, code: &str, relied: Option<&str>) -> Finding {
    let form = c.unit_type.as_ref().map(|u| u.as_str());
    let label: Box<str> = c.label().into();
    let mut f = Finding::new(
        Rule::DelegatedClientOnlyPackage,
        Msg::DelegatedClientOnlyPackage {
            client: label.clone(),
            code: code.into(),
            su: relied.map(Into::into),
        },
    )
    .with_hint(Msg::RegisterRoleInstead {
        client: label,
        code: code.into(),
        roles: roles_giving(code, form).collect(),
    })
    .client(c.orgnr.as_str())
    .package(code);
    match relied {
        Some(su) => f = f.system_user(su),
        None => f.severity = Severity::Warning,
    }
    f
}

/// The warnings of `delegated-client-only-package`: client-only packages a
/// client is said to have delegated that no system user relies on (where
/// one does, the AND rule reports it as an error).
fn delegated_client_only_unrelied(ix: &Index, relied: &HashSet<(usize, String)>, out: &mut Out) {
    for (i, c) in ix.plan.clients.iter().enumerate() {
        if !ix.is_first(i) {
            continue;
        }
        for p in &c.delegated {
            if is_client_only(p.code()) && !relied.contains(&(i, p.code().to_string())) {
                out.push(delegated_client_only(c, p.code(), None));
            }
        }
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
                Msg::OwnNeedsUncovered {
                    code: p.code().into(),
                },
            )
            .package(p.code())
            .with_hint(if usable(p.code()).is_some_and(|pkg| !pkg.is_assignable) {
                Msg::OwnCannotHold {
                    code: p.code().into(),
                }
            } else {
                Msg::AddToStandard {
                    code: p.code().into(),
                }
            }),
        );
    }
}

/// `client-uncovered`: a client with a relationship on no system user,
/// where some valid client system user could serve it; `client-unservable`
/// (info) where none could, with the reason.
fn client_uncovered(ix: &Index, covered: &[bool], out: &mut Out) {
    let org = ix.plan.organisation.orgnr.as_str();
    let in_system: HashSet<&str> = ix
        .plan
        .system
        .access_packages
        .iter()
        .map(|p| p.code())
        .collect();
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
        let f = match unservable(ix, i, &in_system) {
            None => Finding::new(
                Rule::ClientUncovered,
                Msg::ClientUncovered {
                    client: c.label().into(),
                },
            )
            .with_fix(),
            Some(why) => Finding::new(
                Rule::ClientUnservable,
                Msg::ClientUnservable {
                    client: c.label().into(),
                    why,
                },
            )
            .with_fix(),
        };
        out.push(f.client(orgnr));
    }
}

/// Why no client system user could serve client `i`, or `None` when one
/// could: it must give at least one package the system register entry has
/// and a client system user can carry.
pub(crate) fn unservable(ix: &Index, i: usize, in_system: &HashSet<&str>) -> Option<Unservable> {
    let available = ix.available(i);
    let carried = |p: &str| in_system.contains(p) && usable(p).is_some_and(|pkg| pkg.is_delegable);
    if available.iter().any(carried) {
        return None;
    }
    let c = ix.client(i);
    let client_only = known(
        c.delegated
            .iter()
            .map(|p| p.code())
            .filter(|p| is_client_only(p)),
    );
    if available.is_empty() {
        if !client_only.is_empty() {
            return Some(Unservable::ClientOnlyDelegated(client_only));
        }
        if let Some(role) = c.er_roles.first() {
            return Some(Unservable::RoleWrongForm(role.as_str().into()));
        }
        return Some(Unservable::NothingUsable);
    }
    let missing = known(
        available
            .iter()
            .filter(|p| !in_system.contains(p) && usable(p).is_some_and(|pkg| pkg.is_delegable)),
    );
    if missing.is_empty() {
        Some(Unservable::NothingUsable)
    } else {
        Some(Unservable::SystemLacks(missing))
    }
}
