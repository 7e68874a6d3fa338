//! Clients' to-do letters: the AND rule turned into work a person can send.
//!
//! A client is ready when it gives the organisation every package of every
//! client system user the plan puts it on ([`crate::engine::missing_packages`]).
//! For each client that is not, [`todos`] says what it must do: register the
//! organisation in Enhetsregisteret in a role that gives the missing packages
//! (the role and its name come from the catalog's ER-role table), or delegate
//! each remaining package directly in Altinn. Client-only packages
//! (`regnskapsforer-*`, `ansvarlig-revisor`, …) are never asked for as a
//! delegation: Altinn lets them come only through the role.
//!
//! The texts are in [`texts`], one wording function per language over the
//! same values.

mod texts;

use crate::catalog::{Package, Role, catalog};
use crate::engine::{Index, missing_packages};
use crate::lang::Lang;
use crate::plan::{Client, Plan, SystemUserType};
use std::collections::BTreeSet;

/// What one client must do.
#[derive(Debug, Clone)]
pub struct Todo<'a> {
    pub client: &'a Client,
    /// The packages it does not yet give, in catalog-code order.
    pub missing: Vec<&'a str>,
    pub actions: Vec<Action>,
    /// Each of those system users with the packages the client lacks for it.
    pub per_system_user: Vec<(&'a str, Vec<&'a str>)>,
}

/// One thing a client can do, or a package no client action can give.
#[derive(Debug, Clone)]
pub enum Action {
    /// Register the organisation in this ER role; it gives these of the missing packages.
    RegisterRole {
        role: &'static Role,
        packages: Vec<&'static Package>,
    },
    /// Delegate this (assignable) package to the organisation in Altinn.
    Delegate { package: &'static Package },
    /// Nothing the client can do gives it: a client-only package no role gives
    /// for this client's organisation form, or an unknown package. A plan
    /// problem for the organisation (see `check`), never put in a letter.
    Impossible { package: String },
}

impl<'a> Todo<'a> {
    /// Whether the letter has anything for the client to do.
    pub fn has_letter(&self) -> bool {
        self.actions
            .iter()
            .any(|a| !matches!(a, Action::Impossible { .. }))
    }

    /// Packages no client action can give (a plan problem, kept out of the letter).
    pub fn impossible(&self) -> Vec<&str> {
        self.actions
            .iter()
            .filter_map(|a| match a {
                Action::Impossible { package } => Some(package.as_str()),
                _ => None,
            })
            .collect()
    }

    /// What the letter asks for: the missing packages the client can give,
    /// and the system users that need them.
    pub fn fixable(&self) -> (Vec<&'a str>, Vec<&'a str>) {
        let impossible = self.impossible();
        let missing = self
            .missing
            .iter()
            .copied()
            .filter(|c| !impossible.contains(c))
            .collect();
        let sus = self
            .per_system_user
            .iter()
            .filter(|(_, m)| m.iter().any(|c| !impossible.contains(c)))
            .map(|(n, _)| *n)
            .collect();
        (missing, sus)
    }
}

/// Every client on a client system user that is not yet ready, in plan order.
pub fn todos(plan: &Plan) -> Vec<Todo<'_>> {
    let used_roles: BTreeSet<&str> = plan
        .clients
        .iter()
        .flat_map(|c| c.er_roles.iter().map(|r| r.as_str()))
        .collect();
    // Each client's client system users, through the engine's index: one
    // pass over the links instead of a search per client (plans have 100,000).
    let ix = Index::new(plan);
    let mut on: Vec<Vec<usize>> = vec![Vec::new(); plan.clients.len()];
    for (s, su) in plan.system_users.iter().enumerate() {
        if su.kind != SystemUserType::Client {
            continue;
        }
        for ci in ix.system_user_clients(s).iter().flatten() {
            if on[*ci].last() != Some(&s) {
                on[*ci].push(s);
            }
        }
    }
    let mut out = Vec::new();
    for (ci, client) in plan.clients.iter().enumerate() {
        if !ix.is_first(ci) || on[ci].is_empty() {
            continue;
        }
        let available = ix.available(ci);
        let mut per_system_user = Vec::new();
        let mut missing: BTreeSet<&str> = BTreeSet::new();
        for &s in &on[ci] {
            let su = &plan.system_users[s];
            let lacks: Vec<&str> = missing_packages(su, available).collect();
            if !lacks.is_empty() {
                missing.extend(lacks.iter().copied());
                per_system_user.push((su.name.as_str(), lacks));
            }
        }
        if missing.is_empty() {
            continue;
        }
        let missing: Vec<&str> = missing.into_iter().collect();
        let actions = actions_for(client, &missing, &used_roles);
        out.push(Todo {
            client,
            missing,
            actions,
            per_system_user,
        });
    }
    out
}

/// Roles first (one registration can give several packages, and is the only
/// way to a client-only one), then direct delegations for the rest.
fn actions_for(client: &Client, missing: &[&str], used_roles: &BTreeSet<&str>) -> Vec<Action> {
    let form = client.unit_type.as_ref().map(|u| u.as_str());
    let mut left: Vec<&str> = missing.to_vec();
    let mut actions = Vec::new();
    // Client-only packages can only come through a role; pick the role that
    // gives the most of what is missing, preferring the plan's own roles.
    while let Some(code) = left
        .iter()
        .copied()
        .find(|c| catalog().get(c).is_some_and(|p| !p.is_assignable))
    {
        let best = catalog()
            .roles()
            .iter()
            .filter(|r| r.er_code.is_some())
            .filter(|r| catalog().role_packages(&r.role, form).any(|p| p == code))
            .max_by_key(|r| {
                let gives = catalog()
                    .role_packages(&r.role, form)
                    .filter(|p| left.contains(p))
                    .count();
                // max_by_key keeps the last maximum: reverse the catalog order with the index.
                (
                    gives,
                    used_roles.contains(r.role.as_str()),
                    std::cmp::Reverse(role_index(r)),
                )
            });
        match best {
            Some(role) => {
                let gives: BTreeSet<&str> = catalog().role_packages(&role.role, form).collect();
                let packages = left
                    .iter()
                    .filter(|c| gives.contains(*c))
                    .filter_map(|c| catalog().get(c))
                    .collect();
                left.retain(|c| !gives.contains(c));
                actions.push(Action::RegisterRole { role, packages });
            }
            None => {
                actions.push(Action::Impossible {
                    package: code.to_string(),
                });
                left.retain(|c| *c != code);
            }
        }
    }
    for code in left {
        match catalog().get(code).filter(|p| p.is_assignable) {
            Some(package) => actions.push(Action::Delegate { package }),
            None => actions.push(Action::Impossible {
                package: code.to_string(),
            }),
        }
    }
    actions
}

fn role_index(r: &Role) -> usize {
    catalog()
        .roles()
        .iter()
        .position(|x| std::ptr::eq(x, r))
        .unwrap_or(usize::MAX)
}

/// The letter to one client, in `lang`.
pub fn letter(plan: &Plan, todo: &Todo, lang: Lang) -> String {
    texts::letter(plan, todo, lang)
}

/// The mail-merge summary: one row per client not ready (client, name,
/// missing, action), RFC 4180 CSV with a header.
pub fn csv(todos: &[Todo], lang: Lang) -> String {
    let mut out = String::from(texts::csv_header(lang));
    out.push('\n');
    for t in todos {
        let row = [
            t.client.orgnr.to_string(),
            t.client.name.clone(),
            t.missing.join(" "),
            t.actions
                .iter()
                .map(|a| action_short(a, lang))
                .collect::<Vec<_>>()
                .join("; "),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn csv_cell(s: &str) -> String {
    // A leading = + - @ would make a spreadsheet run the cell as a formula.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The files `letters -o DIR` writes: one letter per client with something
/// to do (`<orgnr>-<name>.txt`) and `summary.csv`. Paths are relative to DIR.
pub fn files(plan: &Plan, lang: Lang) -> Vec<(String, String)> {
    let todos = todos(plan);
    let mut out: Vec<(String, String)> = todos
        .iter()
        .filter(|t| t.has_letter())
        .map(|t| {
            let slug = crate::text::slug(&t.client.name);
            let name = if slug.is_empty() {
                format!("{}.txt", t.client.orgnr)
            } else {
                format!("{}-{slug}.txt", t.client.orgnr)
            };
            (name, letter(plan, t, lang))
        })
        .collect();
    out.push(("summary.csv".into(), csv(&todos, lang)));
    out
}

/// All letters one after another, as `letters PLAN` prints them.
pub fn all_letters(plan: &Plan, lang: Lang) -> String {
    let todos = todos(plan);
    let letters: Vec<String> = todos
        .iter()
        .filter(|t| t.has_letter())
        .map(|t| letter(plan, t, lang))
        .collect();
    if letters.is_empty() {
        return texts::none_needed(lang).to_string();
    }
    letters.join(&format!("\n{}\n\n", "-".repeat(72)))
}

/// One action in a few words (the CSV summary and the runbook's Clients stage).
pub fn action_short(a: &Action, lang: Lang) -> String {
    texts::action_short(a, lang)
}
