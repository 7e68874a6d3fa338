//! Rules about what the plan names: organisation numbers, package references
//! and the system register entry.

use super::{Index, Out, quoted, unit_label, usable};
use crate::catalog::{Fit, catalog};
use crate::orgnr::Orgnr;
use crate::plan::{Handle, PackageRef};
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
    let mut flag = |orgnr: &'a Orgnr, what: &dyn Fn() -> String, client: bool, out: &mut Out| {
        if orgnr.has_valid_check_digit() || !reported.insert(orgnr.as_str()) {
            return;
        }
        let mut f = Finding::new(
            Rule::InvalidOrgnr,
            format!(
                "{}: {orgnr} fails the mod-11 check digit, so no such organisation exists.",
                what()
            ),
        )
        .hint(Rule::InvalidOrgnr.info().fix);
        if client {
            f = f.client(orgnr.as_str());
        }
        out.push(f);
    };
    let o = &plan.organisation;
    flag(
        &o.orgnr,
        &|| format!("The organisation number of {}", ix.organisation_label()),
        false,
        out,
    );
    for u in &o.operational_units {
        flag(
            &u.orgnr,
            &|| format!("The organisation's operational unit {}", unit_label(u)),
            false,
            out,
        );
    }
    flag(
        &plan.system.vendor,
        &|| "The system vendor's organisation number".into(),
        false,
        out,
    );
    for c in &plan.clients {
        flag(&c.orgnr, &|| format!("Client {}", c.label()), true, out);
        for u in &c.operational_units {
            flag(
                &u.orgnr,
                &|| format!("Operational unit {} of {}", unit_label(u), c.label()),
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
                    &|| format!("A client of system user {}", quoted(&su.name)),
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
    fn describe(&self) -> String {
        match self {
            Place::System => "in the system register entry".into(),
            Place::Own => "in own_packages".into(),
            Place::Delegated(c) => format!("delegated by {}", c.label()),
            Place::Team(t) => format!("handled by team {}", quoted(t)),
            Place::SystemUser(s) => format!("on system user {}", quoted(s)),
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
fn package_refs(ix: &Index, out: &mut Out) {
    let plan = ix.plan;
    let mut refs: Vec<(Place, &PackageRef)> = Vec::new();
    refs.extend(
        plan.system
            .access_packages
            .iter()
            .map(|p| (Place::System, p)),
    );
    refs.extend(plan.own_packages.iter().map(|p| (Place::Own, p)));
    for c in &plan.clients {
        refs.extend(c.delegated.iter().map(|p| (Place::Delegated(c), p)));
    }
    for t in &plan.teams {
        for h in &t.handles {
            if let Handle::Package(p) = h {
                refs.push((Place::Team(&t.name), p));
            }
        }
    }
    for su in &plan.system_users {
        refs.extend(
            su.access_packages
                .iter()
                .map(|p| (Place::SystemUser(&su.name), p)),
        );
    }
    for (place, p) in refs {
        if usable(p.code()).is_some() {
            continue;
        }
        let code = p.code();
        let f = match catalog().get(code) {
            None => {
                let near = catalog().nearest_codes(code, 3);
                let hint = if near.is_empty() {
                    Rule::UnknownPackage.info().fix.to_string()
                } else {
                    format!(
                        "did you mean {}? (`sysuser packages --search` lists them all)",
                        near.join(", ")
                    )
                };
                Finding::new(
                    Rule::UnknownPackage,
                    format!(
                        "`{code}` {} is not an access package in Altinn's catalog.",
                        place.describe()
                    ),
                )
                .hint(hint)
            }
            Some(pkg) if pkg.is_person_package() => Finding::new(
                Rule::PersonPackage,
                format!(
                    "`{code}` {} is a package for persons; system users act for organisations.",
                    place.describe()
                ),
            )
            .hint(Rule::PersonPackage.info().fix),
            Some(pkg) => {
                debug_assert_eq!(pkg.fit(), Fit::Neither);
                Finding::new(
                    Rule::PackageNotForSystemUsers,
                    format!(
                        "`{code}` {} can go on no system user: it is neither assignable nor delegable.",
                        place.describe()
                    ),
                )
                .hint(Rule::PackageNotForSystemUsers.info().fix)
            }
        };
        out.push(place.subjects(f.package(code)));
    }
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
                    format!("`{p}` is listed more than once in the system register entry."),
                )
                .package(p.code())
                .hint(Rule::DuplicatePackage.info().fix),
            );
        }
    }
}

/// `invalid-system-id`: `<vendor orgnr>_<name>`, no whitespace.
fn invalid_system_id(ix: &Index, out: &mut Out) {
    let sys = &ix.plan.system;
    let prefix = format!("{}_", sys.vendor);
    let problem = if sys.id.chars().any(char::is_whitespace) {
        Some("has whitespace".to_string())
    } else if !sys.id.starts_with(&prefix) {
        Some(format!(
            "does not start with the vendor's orgnr and `_` (`{prefix}`)"
        ))
    } else if sys.id.len() == prefix.len() {
        Some("has no name after the vendor's orgnr".to_string())
    } else {
        None
    };
    if let Some(problem) = problem {
        let name: String = crate::text::slug(sys.id.strip_prefix(&prefix).unwrap_or(&sys.id))
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
                format!("The system id `{}` {problem}; the system register requires `<vendor orgnr>_<name>`.", sys.id),
            )
            .hint(format!("rename it, e.g. `{prefix}{name}`")),
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
                    format!(
                        "The system is visible (`visible: true`) but has `{p}`, a client-only package; the system register refuses that combination."
                    ),
                )
                .package(p.code())
                .hint(Rule::VisibleSystemWithClientOnlyPackage.info().fix),
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
                format!(
                    "The system is locally installed, but its vendor is {}, not {}; the organisation must register it as its own vendor.",
                    plan.system.vendor,
                    ix.organisation_label()
                ),
            )
            .hint(format!(
                "set `system.vendor: \"{}\"`, register the system under that orgnr and create the organisation's own Maskinporten client; never use the vendor's key",
                plan.organisation.orgnr
            )),
        );
    }
}
