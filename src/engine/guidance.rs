//! What the guidance advises against: one system user per client, the same
//! packages twice, mixed legal bases, ambiguous routes, and team links.

use super::basis::{self, Basis, bases, package_bases};
use super::texts::Msg;
use super::walk::walk;
use super::{Index, Out};
use crate::orgnr::FastHash;
use crate::plan::{Handle, SystemUser, SystemUserType};
use crate::rules::{Finding, Rule};
use crate::text::did_you_mean;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::BuildHasher;

pub(super) fn check(ix: &Index, out: &mut Out) {
    if ix.plan.is_situation() {
        out.push(
            Finding::new(Rule::NoLayout, Msg::NoLayout.text(ix.lang))
                .hint(Rule::NoLayout.fix_in(ix.lang)),
        );
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
        let names: Vec<&str> = g.iter().map(|&i| sus[i].name.as_str()).collect();
        out.push(
            Finding::new(
                Rule::SystemUserPerClient,
                Msg::SystemUserPerClient { names: &names }.text(ix.lang),
            )
            .system_user(&sus[g[0]].name)
            .hint(
                Msg::KeepOneAndLink {
                    su: &sus[g[0]].name,
                    clients: g.len(),
                }
                .text(ix.lang),
            ),
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
        let names: Vec<&str> = g.iter().map(|&i| sus[i].name.as_str()).collect();
        out.push(
            Finding::new(
                Rule::SamePackagesTwice,
                Msg::SamePackagesTwice {
                    standard: su.kind == SystemUserType::Standard,
                    names: &names,
                    packages: &package_set(su),
                }
                .text(ix.lang),
            )
            .system_user(&su.name)
            .hint(Rule::SamePackagesTwice.fix_in(ix.lang)),
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
        let mut roles: Vec<&str> = Vec::new();
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
                        su: &su.name,
                        roles: &roles,
                        examples: &examples,
                    }
                    .text(ix.lang),
                )
                .system_user(&su.name)
                .hint(Rule::MixedLegalBasis.fix_in(ix.lang)),
            );
        }
    }
}

/// `team-unknown-system-user` and `system-user-without-team`, when teams are defined.
fn teams(ix: &Index, out: &mut Out) {
    let plan = ix.plan;
    let lang = ix.lang;
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
                    Msg::SystemUserWithoutTeam { su: &su.name }.text(lang),
                )
                .system_user(&su.name)
                .hint(Rule::SystemUserWithoutTeam.fix_in(lang)),
            );
        }
        for t in &su.teams {
            named.insert(t.as_str());
            if defined.contains(t.as_str()) {
                continue;
            }
            let hint = match did_you_mean(t, plan.teams.iter().map(|t| t.name.as_str())) {
                Some(m) => Msg::DidYouMeanTeam { team: m }.text(lang),
                None => {
                    let teams: Vec<&str> = plan.teams.iter().map(|t| t.name.as_str()).collect();
                    Msg::DefineTeam { teams: &teams }.text(lang)
                }
            };
            out.push(
                Finding::new(
                    Rule::TeamUnknownSystemUser,
                    Msg::TeamNotDefined {
                        su: &su.name,
                        team: t,
                    }
                    .text(lang),
                )
                .system_user(&su.name)
                .team(t)
                .hint(hint),
            );
        }
    }
    team_outside_relationship(ix, out);
    for t in &plan.teams {
        if !named.contains(t.name.as_str()) {
            out.push(
                Finding::new(
                    Rule::TeamUnknownSystemUser,
                    Msg::TeamUsesNothing { team: &t.name }.text(lang),
                )
                .team(&t.name)
                .hint(Msg::NameTeamOnSystemUsers.text(lang)),
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
            let handled: Vec<String> = team.handles.iter().map(handle_name).collect();
            out.push(
                Finding::new(
                    Rule::TeamOutsideRelationship,
                    Msg::TeamOutsideRelationship {
                        team: &team.name,
                        su: &su.name,
                        bases: &outside,
                        handles: &handled,
                    }
                    .text(ix.lang),
                )
                .system_user(&su.name)
                .team(&team.name)
                .hint(
                    Msg::TeamOutsideRelationshipFix {
                        team: &team.name,
                        su: &su.name,
                    }
                    .text(ix.lang),
                ),
            );
        }
    }
}

fn handle_name(h: &Handle) -> String {
    match h {
        Handle::Relationship(r) => r.as_str().to_string(),
        Handle::Package(p) => format!("`{}`", p.code()),
    }
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
    walk(ix, false, |party, package, serving| {
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
        let names: Vec<&str> = key.iter().map(|&i| sus[i].name.as_str()).collect();
        out.push(
            Finding::new(
                Rule::AmbiguousRoute,
                Msg::AmbiguousRoute {
                    first: &first,
                    parties: count,
                    code: package,
                    names: &names,
                }
                .text(ix.lang),
            )
            .system_user(&sus[key[0]].name)
            .client(party)
            .package(package)
            .hint(Rule::AmbiguousRoute.fix_in(ix.lang)),
        );
    }
}
