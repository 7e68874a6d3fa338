//! Rules about what the plan names: organisation numbers, package references
//! and the system register entry.

use super::{Index, Out, unit_label, usable};
use crate::catalog::{Fit, catalog};
use crate::orgnr::Orgnr;
use crate::plan::{Handle, PackageRef};
use crate::rules::texts::{IdProblem, Msg, OrgnrOwner, Where};
use crate::rules::{Finding, Rule};
use std::collections::{HashMap, HashSet};

pub(super) fn check(ix: &Index, out: &mut Out) {
    invalid_orgnr(ix, out);
    package_refs(ix, out);
    duplicate_package(ix, out);
    invalid_system_id(ix, out);
    visible_system_with_client_only_package(ix, out);
    locally_installed_needs_own_vendor(ix, out);
}

/// `invalid-orgnr`: once per distinct number, where it first appears.
fn invalid_orgnr<'a>(ix: &Index<'a>, out: &mut Out) {
    let plan = ix.plan;
    let mut reported: HashSet<&str> = HashSet::new();
    let mut flag =
        |orgnr: &'a Orgnr, owner: &dyn Fn() -> OrgnrOwner, client: bool, out: &mut Out| {
            if orgnr.has_valid_check_digit() || !reported.insert(orgnr.as_str()) {
                return;
            }
            let mut f = Finding::new(
                Rule::InvalidOrgnr,
                Msg::InvalidOrgnr {
                    owner: owner(),
                    orgnr: orgnr.as_str().into(),
                },
            )
            .with_fix();
            if client {
                f = f.client(orgnr.as_str());
            }
            out.push(f);
        };
    let o = &plan.organisation;
    flag(
        &o.orgnr,
        &|| OrgnrOwner::Organisation(ix.organisation_label()),
        false,
        out,
    );
    for u in &o.operational_units {
        flag(
            &u.orgnr,
            &|| OrgnrOwner::OrganisationUnit(unit_label(u).into()),
            false,
            out,
        );
    }
    flag(&plan.system.vendor, &|| OrgnrOwner::Vendor, false, out);
    for c in &plan.clients {
        flag(
            &c.orgnr,
            &|| OrgnrOwner::Client(c.label().into()),
            true,
            out,
        );
        for u in &c.operational_units {
            flag(
                &u.orgnr,
                &|| OrgnrOwner::ClientUnit(unit_label(u).into(), c.label().into()),
                true,
                out,
            );
        }
    }
    for (s, su) in plan.system_users.iter().enumerate() {
        for (orgnr, known) in su.clients.iter().zip(ix.system_user_clients(s)) {
            if known.is_none() {
                flag(
                    orgnr,
                    &|| OrgnrOwner::SystemUserClient(su.name.as_str().into()),
                    true,
                    out,
                );
            }
        }
    }
}

/// Where a package reference is written, for messages and subjects.
enum Place<'a> {
    System,
    Own,
    Delegated(&'a crate::plan::Client),
    Team(&'a str),
    SystemUser(&'a str),
}

impl Place<'_> {
    /// Where it is, for the message.
    fn describe(&self) -> Where {
        match self {
            Place::System => Where::System,
            Place::Own => Where::Own,
            Place::Delegated(c) => Where::Delegated(c.label().into()),
            Place::Team(t) => Where::Team((*t).into()),
            Place::SystemUser(s) => Where::SystemUser((*s).into()),
        }
    }

    fn subjects(&self, f: Finding) -> Finding {
        match self {
            Place::System | Place::Own => f,
            Place::Delegated(c) => f.client(c.orgnr.as_str()),
            Place::Team(t) => f.team(*t),
            Place::SystemUser(s) => f.system_user(*s),
        }
    }
}

/// `unknown-package`, `person-package`, `package-not-for-system-users`: every reference, where written.
/// References are visited in place, in plan order: a million clients'
/// delegations are not copied into a list first.
fn package_refs(ix: &Index, out: &mut Out) {
    let plan = ix.plan;
    let mut each = |place: Place, refs: &[PackageRef]| {
        for p in refs {
            package_ref(&place, p, out);
        }
    };
    each(Place::System, &plan.system.access_packages);
    each(Place::Own, &plan.own_packages);
    for c in &plan.clients {
        each(Place::Delegated(c), &c.delegated);
    }
    for t in &plan.teams {
        for h in &t.handles {
            if let Handle::Package(p) = h {
                each(Place::Team(&t.name), std::slice::from_ref(p));
            }
        }
    }
    for su in &plan.system_users {
        each(Place::SystemUser(&su.name), &su.access_packages);
    }
}

/// The finding for one reference the catalog does not know as usable.
fn package_ref(place: &Place, p: &PackageRef, out: &mut Out) {
    if usable(p.code()).is_some() {
        return;
    }
    let code = p.code();
    let place_text = place.describe();
    let f = match catalog().get(code) {
        None => {
            let near = catalog().nearest_codes(code, 3);
            let hint = if near.is_empty() {
                Msg::Fix(Rule::UnknownPackage)
            } else {
                Msg::DidYouMeanPackage { near }
            };
            Finding::new(
                Rule::UnknownPackage,
                Msg::UnknownPackage {
                    code: code.into(),
                    place: place_text,
                },
            )
            .with_hint(hint)
        }
        Some(pkg) if pkg.is_person_package() => Finding::new(
            Rule::PersonPackage,
            Msg::PersonPackage {
                code: code.into(),
                place: place_text,
            },
        )
        .with_fix(),
        Some(pkg) => {
            debug_assert_eq!(pkg.fit(), Fit::Neither);
            Finding::new(
                Rule::PackageNotForSystemUsers,
                Msg::PackageNotForSystemUsers {
                    code: code.into(),
                    place: place_text,
                },
            )
            .with_fix()
        }
    };
    out.push(place.subjects(f.package(code)));
}

/// `duplicate-package`: one finding per package listed more than once in the system register entry.
fn duplicate_package(ix: &Index, out: &mut Out) {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for p in &ix.plan.system.access_packages {
        let n = count.entry(p.code()).or_default();
        *n += 1;
        if *n == 2 {
            out.push(
                Finding::new(
                    Rule::DuplicatePackage,
                    Msg::DuplicatePackage {
                        code: p.code().into(),
                    },
                )
                .package(p.code())
                .with_fix(),
            );
        }
    }
}

/// `invalid-system-id`: `<vendor orgnr>_<name>`, no whitespace.
fn invalid_system_id(ix: &Index, out: &mut Out) {
    let sys = &ix.plan.system;
    let prefix = format!("{}_", sys.vendor);
    let problem = if sys.id.contains(' ') {
        Some(IdProblem::Space)
    } else if !sys.id.starts_with(&prefix) {
        Some(IdProblem::Prefix(prefix.as_str().into()))
    } else if sys.id.len() == prefix.len() {
        Some(IdProblem::NoName)
    } else {
        None
    };
    if let Some(problem) = problem {
        let code = match &problem {
            IdProblem::Space => "AUTH.VLD-00013",
            _ => "AUTH.VLD-00001",
        };
        // The name after the vendor's number, whatever separated them
        // (`991825827 smartcloud` → `991825827_smartcloud`).
        let vendor = sys.vendor.to_string();
        let rest = sys
            .id
            .strip_prefix(&prefix)
            .or_else(|| sys.id.strip_prefix(vendor.as_str()))
            .unwrap_or(&sys.id);
        let name: String = crate::text::slug(rest)
            .chars()
            .filter(|c| *c != '-')
            .collect();
        let name = if name.is_empty() {
            "mysystem".to_string()
        } else {
            name
        };
        out.push(
            Finding::new(
                Rule::InvalidSystemId,
                Msg::InvalidSystemId {
                    id: sys.id.as_str().into(),
                    problem,
                },
            )
            .code(code)
            .with_hint(Msg::RenameSystemId {
                suggestion: format!("{prefix}{name}").into(),
            }),
        );
    }
}

/// `visible-system-with-client-only-package`: one finding per client-only package.
fn visible_system_with_client_only_package(ix: &Index, out: &mut Out) {
    let sys = &ix.plan.system;
    if !sys.visible {
        return;
    }
    for p in &sys.access_packages {
        if usable(p.code()).is_some_and(|pkg| !pkg.is_assignable) {
            out.push(
                Finding::new(
                    Rule::VisibleSystemWithClientOnlyPackage,
                    Msg::VisibleSystemWithClientOnlyPackage {
                        code: p.code().into(),
                    },
                )
                .package(p.code())
                .with_fix(),
            );
        }
    }
}

/// `locally-installed-needs-own-vendor` (scenario E).
fn locally_installed_needs_own_vendor(ix: &Index, out: &mut Out) {
    let plan = ix.plan;
    if plan.system.locally_installed && plan.system.vendor != plan.organisation.orgnr {
        out.push(
            Finding::new(
                Rule::LocallyInstalledNeedsOwnVendor,
                Msg::LocallyInstalledNeedsOwnVendor {
                    vendor: plan.system.vendor.as_str().into(),
                    organisation: ix.organisation_label(),
                },
            )
            .with_hint(Msg::SetOwnVendor {
                orgnr: plan.organisation.orgnr.as_str().into(),
            }),
        );
    }
}
