//! Routing: which system user the end-user system must use to act for which
//! party with which package. The guidance leaves this choice to the end-user
//! system ("select the correct system user token by external ref"); this
//! module computes it from the plan, with the same rules as `check`.
//!
//! Parties: the organisation and its operational units (served by standard
//! system users and client system users with `include_self`), each client and
//! its operational units (served by the client system users that list the
//! client, carry the package, and whose every package the client has: the AND rule).

use crate::catalog::catalog;
pub use crate::engine::walk::{PartyKind, PartyRef, walk};
use crate::engine::walk::{carries, serves_organisation};
use crate::engine::{Index, Party, missing_packages};
use crate::lang::Lang;
use crate::plan::{Plan, SystemUserType, Unit};
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Exactly one system user.
    Served,
    /// More than one: the end-user system's choice is unclear.
    Ambiguous,
    /// No system user can act for the party with the package.
    None,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Served => "served",
            Status::Ambiguous => "ambiguous",
            Status::None => "none",
        }
    }

    fn of(n: usize) -> Status {
        match n {
            0 => Status::None,
            1 => Status::Served,
            _ => Status::Ambiguous,
        }
    }
}

/// A system user that serves a route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Serving<'a> {
    /// Its position in `plan.system_users`.
    #[serde(skip)]
    pub index: usize,
    pub name: &'a str,
    /// The effective external ref (empty in the plan means the orgnr).
    pub external_ref: &'a str,
}

/// One (party, package) pair and the system users that serve it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Route<'a> {
    pub party: &'a str,
    pub party_name: &'a str,
    pub kind: PartyKind,
    /// The main unit an operational unit inherits from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<&'a str>,
    pub package: &'a str,
    pub status: Status,
    pub system_users: Vec<Serving<'a>>,
}

fn serving<'a>(plan: &'a Plan, i: usize) -> Serving<'a> {
    let su = &plan.system_users[i];
    Serving {
        index: i,
        name: &su.name,
        external_ref: su.effective_external_ref(plan),
    }
}

/// The whole routing table, in plan order: the organisation, its operational
/// units, then each client followed by its operational units.
pub fn table(plan: &Plan) -> Vec<Route<'_>> {
    table_with(&Index::new(plan))
}

/// [`table`] over an index `check` already built.
pub fn table_with<'a>(ix: &Index<'a>) -> Vec<Route<'a>> {
    let mut rows = Vec::with_capacity(ix.plan.clients.len() * 2);
    each_route(ix, |r| rows.push(r.clone()));
    rows
}

/// Calls `f` with each row of [`table`], in its order, without keeping
/// them: the text and CSV tables stream a million clients' rows through
/// one reused row.
pub fn each_route<'a>(ix: &Index<'a>, mut f: impl FnMut(&Route<'a>)) {
    let plan = ix.plan;
    let mut row: Option<Route<'a>> = None;
    walk(ix, true, |party, package, sus| {
        let r = row.get_or_insert_with(|| Route {
            party: party.orgnr,
            party_name: party.name,
            kind: party.kind,
            via: party.via,
            package,
            status: Status::None,
            system_users: Vec::new(),
        });
        r.party = party.orgnr;
        r.party_name = party.name;
        r.kind = party.kind;
        r.via = party.via;
        r.package = package;
        r.status = Status::of(sus.len());
        r.system_users.clear();
        r.system_users.extend(sus.iter().map(|&i| serving(plan, i)));
        f(r);
    });
}

/// Why no system user can act for a party with a package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoRoute {
    UnknownPackage {
        package: String,
        nearest: Vec<&'static str>,
    },
    UnknownParty {
        party: String,
    },
    /// Listed under `clients:`, but without an ER role or a delegation.
    NoRelationship {
        party: String,
    },
    /// No ER role of the client gives the package for its form, and it did not delegate it.
    NotAvailable {
        party: String,
        package: String,
    },
    /// The system register entry lacks the package.
    NotInSystem {
        package: String,
    },
    /// No system user of this party carries the package.
    NotOnSystemUser {
        party: String,
        package: String,
        organisation: bool,
    },
    /// The client is on system users with the package, but lacks some of their other packages.
    ClientMissingPackages {
        party: String,
        system_user: String,
        missing: Vec<String>,
    },
}

impl NoRoute {
    /// Altinn's code for the refusal, where there is one.
    pub fn altinn_code(&self) -> Option<&'static str> {
        match self {
            NoRoute::UnknownPackage { .. } => Some("AUTH.VLD-00008"),
            NoRoute::NoRelationship { .. } => Some("AUTH-00079"),
            NoRoute::NotInSystem { .. } => Some("AUTH-00063"),
            NoRoute::ClientMissingPackages { .. } => Some("AUTH-00080"),
            _ => None,
        }
    }
}

impl fmt::Display for NoRoute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoRoute::UnknownPackage { package, nearest } => {
                write!(
                    f,
                    "`{package}` is not an access package in Altinn's catalog"
                )?;
                if !nearest.is_empty() {
                    write!(f, "; did you mean {}?", nearest.join(", "))?;
                }
                Ok(())
            }
            NoRoute::UnknownParty { party } => write!(
                f,
                "{party} is neither the organisation, a client under `clients:`, nor an operational unit of either"
            ),
            NoRoute::NoRelationship { party } => write!(
                f,
                "{party} has no relationship with the organisation (no ER role, nothing delegated), so no system user can act for it (AUTH-00079)"
            ),
            NoRoute::NotAvailable { party, package } => write!(
                f,
                "{party} has not given the organisation `{package}`: no ER role gives it for the client's organisation form, and it was not delegated"
            ),
            NoRoute::NotInSystem { package } => write!(
                f,
                "the system register entry lacks `{package}`, so no system user can carry it (AUTH-00063)"
            ),
            NoRoute::NotOnSystemUser {
                party,
                package,
                organisation: true,
            } => write!(
                f,
                "`{package}` is on no standard system user (nor one with `include_self`), so nothing acts for {party} with it"
            ),
            NoRoute::NotOnSystemUser {
                party,
                package,
                organisation: false,
            } => write!(f, "{party} is on no system user that carries `{package}`"),
            NoRoute::ClientMissingPackages {
                party,
                system_user,
                missing,
            } => write!(
                f,
                "`{}` carries the package, but {party} lacks its other package(s) {}, so it cannot be on it (the AND rule, AUTH-00080)",
                system_user,
                missing
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// The route for one party (by orgnr) and package (code or URN): the serving
/// system users (several: ambiguous), or why there are none.
pub fn lookup<'a>(plan: &'a Plan, party: &str, package: &str) -> Result<Route<'a>, NoRoute> {
    let party = party
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>();
    let Some(pkg) = catalog().get(package.trim()) else {
        let code = package
            .trim()
            .strip_prefix(crate::catalog::URN_PREFIX)
            .unwrap_or(package.trim());
        return Err(NoRoute::UnknownPackage {
            package: code.to_string(),
            nearest: catalog().nearest_codes(code, 3),
        });
    };
    let p = pkg.code.as_str();
    let ix = Index::new(plan);
    let org = &plan.organisation;
    let Some(found) = ix.party(&party) else {
        return Err(NoRoute::UnknownParty { party });
    };
    let row = |orgnr: &'a str, name: &'a str, kind, via, serving: Vec<Serving<'a>>| Route {
        party: orgnr,
        party_name: name,
        kind,
        via,
        package: p,
        status: Status::of(serving.len()),
        system_users: serving,
    };
    let (ci, unit): (usize, Option<&'a Unit>) = match found {
        Party::Organisation | Party::OrganisationUnit(_) => {
            let serving: Vec<Serving> = (0..plan.system_users.len())
                .filter(|&i| {
                    serves_organisation(&plan.system_users[i]) && carries(&plan.system_users[i], p)
                })
                .map(|i| serving(plan, i))
                .collect();
            if serving.is_empty() {
                return Err(
                    if !plan.system.access_packages.iter().any(|q| q.code() == p) {
                        NoRoute::NotInSystem { package: p.into() }
                    } else {
                        NoRoute::NotOnSystemUser {
                            party: ix.organisation_label().text(Lang::En).into_owned(),
                            package: p.into(),
                            organisation: true,
                        }
                    },
                );
            }
            return Ok(match found {
                Party::OrganisationUnit(u) => row(
                    u.orgnr.as_str(),
                    &u.name,
                    PartyKind::OperationalUnit,
                    Some(org.orgnr.as_str()),
                    serving,
                ),
                _ => row(
                    org.orgnr.as_str(),
                    &org.name,
                    PartyKind::Organisation,
                    None,
                    serving,
                ),
            });
        }
        Party::Client(ci) => (ci, None),
        Party::ClientUnit(ci, u) => (ci, Some(u)),
    };
    let c = ix.client(ci);
    if !c.has_relationship() {
        return Err(NoRoute::NoRelationship { party: c.label() });
    }
    let available = ix.available(ci);
    let mut serving_sus = Vec::new();
    let mut failing = None;
    for (s, su) in plan.system_users.iter().enumerate() {
        if su.kind != SystemUserType::Client
            || !carries(su, p)
            || !su.clients.iter().any(|o| o == &c.orgnr)
        {
            continue;
        }
        let missing: Vec<String> = missing_packages(su, available)
            .map(str::to_string)
            .collect();
        if missing.is_empty() {
            serving_sus.push(serving(plan, s));
        } else if failing.is_none() {
            failing = Some((su.name.clone(), missing));
        }
    }
    if serving_sus.is_empty() {
        return Err(if !available.contains(p) {
            NoRoute::NotAvailable {
                party: c.label(),
                package: p.into(),
            }
        } else if let Some((system_user, missing)) = failing {
            NoRoute::ClientMissingPackages {
                party: c.label(),
                system_user,
                missing,
            }
        } else if !plan.system.access_packages.iter().any(|q| q.code() == p) {
            NoRoute::NotInSystem { package: p.into() }
        } else {
            NoRoute::NotOnSystemUser {
                party: c.label(),
                package: p.into(),
                organisation: false,
            }
        });
    }
    let kind = if c.sub_entity {
        PartyKind::SubEntity
    } else {
        PartyKind::Client
    };
    Ok(match unit {
        Some(u) => row(
            u.orgnr.as_str(),
            &u.name,
            PartyKind::ClientOperationalUnit,
            Some(c.orgnr.as_str()),
            serving_sus,
        ),
        None => row(c.orgnr.as_str(), &c.name, kind, None, serving_sus),
    })
}
