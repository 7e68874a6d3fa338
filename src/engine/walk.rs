//! The routing walk: every (party, package) pair of a plan with the system
//! users that serve it. The routing table (`crate::route`) and `check`'s
//! ambiguous-route rule share it, so the engine does not depend on routing.

use super::{Index, PackageSet, and_set};
use crate::plan::{SystemUser, SystemUserType, Unit};
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartyKind {
    Organisation,
    OperationalUnit,
    Client,
    SubEntity,
    ClientOperationalUnit,
}

impl PartyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PartyKind::Organisation => "organisation",
            PartyKind::OperationalUnit => "operational-unit",
            PartyKind::Client => "client",
            PartyKind::SubEntity => "sub-entity",
            PartyKind::ClientOperationalUnit => "client-operational-unit",
        }
    }

    /// Operational units only repeat their main unit's routes.
    pub fn is_unit(self) -> bool {
        matches!(
            self,
            PartyKind::OperationalUnit | PartyKind::ClientOperationalUnit
        )
    }
}

pub(crate) fn carries(su: &SystemUser, package: &str) -> bool {
    su.access_packages.iter().any(|p| p.code() == package)
}

/// Whether the system user acts for the organisation itself.
pub(crate) fn serves_organisation(su: &SystemUser) -> bool {
    su.kind == SystemUserType::Standard || su.include_self
}

/// A party as the routing walk reports it.
#[derive(Debug, Clone, Copy)]
pub struct PartyRef<'a> {
    pub orgnr: &'a str,
    pub name: &'a str,
    pub kind: PartyKind,
    pub via: Option<&'a str>,
}

/// Calls `f` for every (party, package) pair of the table, in its order, with
/// the indices of the serving system users; operational units only when
/// `units`. The table and `check`'s ambiguous-route rule share this walk, so
/// `check` never builds rows it does not need.
pub fn walk<'a>(ix: &Index<'a>, units: bool, f: impl FnMut(PartyRef<'a>, &'a str, &[usize])) {
    walk_served_by(ix, units, 0, f);
}

/// [`walk`] over the pairs two or more system users serve, without
/// operational units: what `ambiguous-route` reads. A client on fewer than
/// two system users it passes the AND rule for costs no more than that test.
pub fn walk_shared<'a>(ix: &Index<'a>, f: impl FnMut(PartyRef<'a>, &'a str, &[usize])) {
    walk_served_by(ix, false, 2, f);
}

/// [`walk`], skipping pairs served by fewer than `least` system users.
fn walk_served_by<'a>(
    ix: &Index<'a>,
    units: bool,
    least: usize,
    mut f: impl FnMut(PartyRef<'a>, &'a str, &[usize]),
) {
    let plan = ix.plan;
    let org = &plan.organisation;
    let sus = &plan.system_users;

    // The organisation: what it needs itself and what its own system users carry.
    let mut own: BTreeSet<&'a str> = plan.own_packages.iter().map(|p| p.code()).collect();
    for su in sus.iter().filter(|su| serves_organisation(su)) {
        own.extend(su.access_packages.iter().map(|p| p.code()));
    }
    let mut org_routes: Vec<(&'a str, Vec<usize>)> = own
        .into_iter()
        .map(|p| {
            let s = (0..sus.len())
                .filter(|&i| serves_organisation(&sus[i]) && carries(&sus[i], p))
                .collect();
            (p, s)
        })
        .collect();
    // A unit also listed as a client (or as the organisation) is routed as that.
    let skip_unit = |u: &Unit| u.orgnr == org.orgnr || ix.client_of(&u.orgnr).is_some();
    let me = PartyRef {
        orgnr: org.orgnr.as_str(),
        name: &org.name,
        kind: PartyKind::Organisation,
        via: None,
    };
    org_routes.retain(|(_, s)| s.len() >= least);
    for (p, s) in &org_routes {
        f(me, p, s);
    }
    if units {
        for u in org.operational_units.iter().filter(|u| !skip_unit(u)) {
            let party = PartyRef {
                orgnr: u.orgnr.as_str(),
                name: &u.name,
                kind: PartyKind::OperationalUnit,
                via: Some(me.orgnr),
            };
            for (p, s) in &org_routes {
                f(party, p, s);
            }
        }
    }

    // Clients: the client system users on which each passes the AND rule, by
    // client (counting sort of (client, system user) pairs: no Vec per client).
    let n = plan.clients.len();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut stamp = vec![0usize; n];
    for (s, su) in sus.iter().enumerate() {
        if su.kind != SystemUserType::Client {
            continue;
        }
        let and = and_set(su);
        for (orgnr, &ci) in su.clients.iter().zip(ix.system_user_clients(s)) {
            let Some(ci) = ci else {
                continue;
            };
            if orgnr == &org.orgnr || stamp[ci] == s + 1 {
                continue;
            }
            stamp[ci] = s + 1;
            if ix.client(ci).has_relationship() && and.minus(*ix.available(ci)).is_empty() {
                pairs.push((ci as u32, s as u32));
            }
        }
    }
    let mut start = vec![0u32; n + 1];
    for &(ci, _) in &pairs {
        start[ci as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut passing = vec![0u32; pairs.len()];
    for &(ci, s) in &pairs {
        passing[fill[ci as usize] as usize] = s;
        fill[ci as usize] += 1;
    }

    let in_system = PackageSet::of(plan.system.access_packages.iter().map(|p| p.code()));
    // What each system user carries, as bits: a (client, package) pair
    // tests a bit per passing system user instead of scanning its packages.
    let carried: Vec<PackageSet> = sus
        .iter()
        .map(|su| PackageSet::of(su.access_packages.iter().map(|p| p.code())))
        .collect();
    let mut serving_now: Vec<usize> = Vec::new();
    let mut client_routes: Vec<(&'a str, Vec<usize>)> = Vec::new();
    let mut shown_units: Vec<&'a Unit> = Vec::new();
    for (ci, c) in plan.clients.iter().enumerate() {
        let on = &passing[start[ci] as usize..start[ci + 1] as usize];
        if on.len() < least || c.orgnr == org.orgnr || !ix.is_first(ci) {
            continue;
        }
        let kind = if c.sub_entity {
            PartyKind::SubEntity
        } else {
            PartyKind::Client
        };
        let party = PartyRef {
            orgnr: c.orgnr.as_str(),
            name: &c.name,
            kind,
            via: None,
        };
        shown_units.clear();
        if units {
            shown_units.extend(c.operational_units.iter().filter(|u| !skip_unit(u)));
        }
        let with_units = !shown_units.is_empty();
        client_routes.clear();
        for rank in ix.available(ci).intersect(in_system).ranks() {
            serving_now.clear();
            serving_now.extend(
                on.iter()
                    .map(|&s| s as usize)
                    .filter(|&s| carried[s].contains_rank(rank)),
            );
            if serving_now.len() < least {
                continue;
            }
            let p = PackageSet::code_at(rank);
            f(party, p, &serving_now);
            if with_units {
                client_routes.push((p, serving_now.clone()));
            }
        }
        if with_units {
            for u in &shown_units {
                let unit = PartyRef {
                    orgnr: u.orgnr.as_str(),
                    name: &u.name,
                    kind: PartyKind::ClientOperationalUnit,
                    via: Some(party.orgnr),
                };
                for (p, s) in &client_routes {
                    f(unit, p, s);
                }
            }
        }
    }
}
