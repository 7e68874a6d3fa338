//! What the guidance advises against: one system user per client, the same
//! packages twice, mixed legal bases, ambiguous routes, and team links.

use super::basis::{self, Basis, bases, package_bases};
use super::walk::walk_shared;
use super::{Index, Out};
use crate::orgnr::FastHash;
use crate::plan::{Handle, SystemUser, SystemUserType};
use crate::rules::texts::{Msg, Names};
use crate::rules::{Finding, Rule};
use crate::text::did_you_mean;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::BuildHasher;

pub(super) fn check(ix: &Index, out: &mut Out) {
    if ix.plan.is_situation() {
        out.push(Finding::new(Rule::NoLayout, Msg::NoLayout).with_fix());
        return;
    }
    let per_client = system_user_per_client(ix, out);
    same_packages_twice(ix, &per_client, out);
    mixed_legal_basis(ix, out);
    teams(ix, out);
    ambiguous_route(ix, out);
}

fn sorted<'s>(items: impl IntoIterator<Item = &'s str>) -> Vec<&'s str> {
    let set: BTreeSet<&str> = items.into_iter().collect();
    set.into_iter().collect()
}

fn package_set(su: &SystemUser) -> Vec<&str> {
    sorted(su.access_packages.iter().map(|p| p.code()))
}

fn team_set(su: &SystemUser) -> Vec<&str> {
    sorted(su.teams.iter().map(String::as_str))
}

/// Groups of two or more system users (indices, plan order) with equal keys.
fn groups<K: std::hash::Hash + Eq>(items: impl Iterator<Item = (usize, K)>) -> Vec<Vec<usize>> {
    let mut order: Vec<Vec<usize>> = Vec::new();
    let mut by_key: HashMap<K, usize> = HashMap::new();
    for (i, k) in items {
        match by_key.get(&k) {
            Some(&g) => order[g].push(i),
            None => {
                by_key.insert(k, order.len());
                order.push(vec![i]);
            }
        }
    }
    order.retain(|g| g.len() > 1);
    order
}

/// `system-user-per-client`: returns the system users it reported.
fn system_user_per_client(ix: &Index, out: &mut Out) -> HashSet<usize> {
    let sus = &ix.plan.system_users;
    let found = groups(
        sus.iter()
            .enumerate()
            .filter(|(_, su)| su.kind == SystemUserType::Client && su.clients.len() == 1)
            .map(|(i, su)| {
                (
                    i,
                    (package_set(su), su.include_self, team_set(su), bases(ix, i)),
                )
            }),
    );
    let mut reported = HashSet::new();
    for g in found {
        out.push(
            Finding::new(
                Rule::SystemUserPerClient,
                Msg::SystemUserPerClient {
                    names: names(sus, &g),
                },
            )
            .system_user(&sus[g[0]].name)
            .with_hint(Msg::KeepOneAndLink {
                su: sus[g[0]].name.as_str().into(),
                clients: g.len(),
            }),
        );
        reported.extend(g);
    }
    reported
}

/// `same-packages-twice`: same type, same packages, same teams, and the
/// same legal bases (a package delegated directly and the same package from
/// an ER role are different bases). Bases are read only for system users
/// that share everything else.
fn same_packages_twice(ix: &Index, skip: &HashSet<usize>, out: &mut Out) {
    let sus = &ix.plan.system_users;
    let candidates = groups(
        sus.iter()
            .enumerate()
            .filter(|(i, _)| !skip.contains(i))
            .map(|(i, su)| (i, (su.kind, package_set(su), team_set(su)))),
    );
    let found = candidates
        .into_iter()
        .flat_map(|g| groups(g.into_iter().map(|i| (i, bases(ix, i)))));
    for g in found {
        let su = &sus[g[0]];
        out.push(
            Finding::new(
                Rule::SamePackagesTwice,
                Msg::SamePackagesTwice {
                    standard: su.kind == SystemUserType::Standard,
                    names: names(sus, &g),
                    packages: package_set(su).into_iter().map(Into::into).collect(),
                },
            )
            .system_user(&su.name)
            .with_fix(),
        );
    }
}

/// `mixed-legal-basis`: packages resting on different ER roles on one client
/// system user, including the forretningsfører packages NUF clients give.
fn mixed_legal_basis(ix: &Index, out: &mut Out) {
    for (s, su) in ix.plan.system_users.iter().enumerate() {
        if su.kind != SystemUserType::Client {
            continue;
        }
        let bases = package_bases(ix, s);
        let mut roles: Vec<&'static str> = Vec::new();
        let mut examples: Vec<&str> = Vec::new();
        for p in &su.access_packages {
            let Some(Some(role)) = bases.get(p.code()).copied() else {
                continue;
            };
            if !roles.contains(&role) {
                roles.push(role);
                examples.push(p.code());
            }
        }
        if roles.len() > 1 {
            out.push(
                Finding::new(
                    Rule::MixedLegalBasis,
                    Msg::MixedLegalBasis {
                        su: su.name.as_str().into(),
                        roles,
                        examples: examples.into_iter().map(Into::into).collect(),
                    },
                )
                .system_user(&su.name)
                .with_fix(),
            );
        }
    }
}

/// `team-unknown-system-user` and `system-user-without-team`, when teams are defined.
fn teams(ix: &Index, out: &mut Out) {
    let plan = ix.plan;
    if plan.teams.is_empty() {
        return;
    }
    let defined: HashSet<&str> = plan.teams.iter().map(|t| t.name.as_str()).collect();
    let mut named: HashSet<&str> = HashSet::new();
    for su in &plan.system_users {
        if su.teams.is_empty() {
            out.push(
                Finding::new(
                    Rule::SystemUserWithoutTeam,
                    Msg::SystemUserWithoutTeam {
                        su: su.name.as_str().into(),
                    },
                )
                .system_user(&su.name)
                .with_fix(),
            );
        }
        for t in &su.teams {
            named.insert(t.as_str());
            if defined.contains(t.as_str()) {
                continue;
            }
            let hint = match did_you_mean(t, plan.teams.iter().map(|t| t.name.as_str())) {
                Some(m) => Msg::DidYouMeanTeam { team: m.into() },
                None => Msg::DefineTeam {
                    teams: plan.teams.iter().map(|t| t.name.as_str().into()).collect(),
                },
            };
            out.push(
                Finding::new(
                    Rule::TeamUnknownSystemUser,
                    Msg::TeamNotDefined {
                        su: su.name.as_str().into(),
                        team: t.as_str().into(),
                    },
                )
                .system_user(&su.name)
                .team(t)
                .with_hint(hint),
            );
        }
    }
    team_outside_relationship(ix, out);
    for t in &plan.teams {
        if !named.contains(t.name.as_str()) {
            out.push(
                Finding::new(
                    Rule::TeamUnknownSystemUser,
                    Msg::TeamUsesNothing {
                        team: t.name.as_str().into(),
                    },
                )
                .team(&t.name)
                .with_hint(Msg::NameTeamOnSystemUsers),
            );
        }
    }
}

/// `team-outside-relationship`: a team may use a client system user only when
/// it handles every legal basis the system user rests on (the relationship,
/// or each package on that basis). Teams that list nothing they handle are
/// not judged.
fn team_outside_relationship(ix: &Index, out: &mut Out) {
    let plan = ix.plan;
    for (s, su) in plan.system_users.iter().enumerate() {
        if su.kind != SystemUserType::Client || su.teams.is_empty() {
            continue;
        }
        let mut package_bases: Option<std::collections::BTreeMap<&str, Basis>> = None;
        for name in &su.teams {
            let Some(team) = plan.teams.iter().find(|t| &t.name == name) else {
                continue;
            };
            if team.handles.is_empty() {
                continue;
            }
            let by_package = package_bases.get_or_insert_with(|| basis::package_bases(ix, s));
            let handles_basis = |b: Basis| {
                team.handles.iter().any(|h| match h {
                    Handle::Relationship(r) => r.as_str() == b.unwrap_or("delegated"),
                    Handle::Package(_) => false,
                })
            };
            let handles_package = |code: &str| {
                team.handles
                    .iter()
                    .any(|h| matches!(h, Handle::Package(p) if p.code() == code))
            };
            let mut outside: Vec<Basis> = Vec::new();
            for (&code, &b) in by_package.iter() {
                if !handles_basis(b) && !handles_package(code) && !outside.contains(&b) {
                    outside.push(b);
                }
            }
            if outside.is_empty() {
                continue;
            }
            out.push(
                Finding::new(
                    Rule::TeamOutsideRelationship,
                    Msg::TeamOutsideRelationship {
                        team: team.name.as_str().into(),
                        su: su.name.as_str().into(),
                        bases: outside,
                        handles: team.handles.iter().map(handle_name).collect(),
                    },
                )
                .system_user(&su.name)
                .team(&team.name)
                .with_hint(Msg::TeamOutsideRelationshipFix {
                    team: team.name.as_str().into(),
                    su: su.name.as_str().into(),
                }),
            );
        }
    }
}

fn handle_name(h: &Handle) -> Box<str> {
    match h {
        Handle::Relationship(r) => r.as_str().into(),
        Handle::Package(p) => format!("`{}`", p.code()).into(),
    }
}

/// The names of system users `group` (indices), for a message.
fn names(sus: &[SystemUser], group: &[usize]) -> Names {
    group.iter().map(|&i| sus[i].name.as_str().into()).collect()
}

/// `ambiguous-route`: from the routing walk, one finding per (system users, package).
fn ambiguous_route(ix: &Index, out: &mut Out) {
    let sus = &ix.plan.system_users;
    // (system users, package, parties, first party's label, first party's orgnr)
    let mut order: Vec<(Vec<usize>, &str, usize, String, &str)> = Vec::new();
    // The groups of `order` by package and a hash of their system users
    // (equal hashes share a short list), so that a party joining a group
    // allocates nothing.
    let hasher = FastHash::default();
    let mut by_key: HashMap<(&str, u64), Vec<usize>> = HashMap::new();
    walk_shared(ix, |party, package, serving| {
        if serving.len() < 2 {
            return;
        }
        let groups = by_key
            .entry((package, hasher.hash_one(serving)))
            .or_default();
        match groups.iter().find(|&&g| order[g].0 == serving) {
            Some(&g) => order[g].2 += 1,
            None => {
                groups.push(order.len());
                let label = if party.name.is_empty() {
                    party.orgnr.to_string()
                } else {
                    format!("{} ({})", party.name, party.orgnr)
                };
                order.push((serving.to_vec(), package, 1, label, party.orgnr));
            }
        }
    });
    for (key, package, count, first, party) in order {
        out.push(
            Finding::new(
                Rule::AmbiguousRoute,
                Msg::AmbiguousRoute {
                    first: first.into(),
                    parties: count,
                    code: package.into(),
                    names: names(sus, &key),
                },
            )
            .system_user(&sus[key[0]].name)
            .client(party)
            .package(package)
            .with_fix(),
        );
    }
}
