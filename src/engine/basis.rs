//! Legal bases: which relationship each package of a client system user rests
//! on, for the rules that must tell bases apart (`mixed-legal-basis`,
//! `same-packages-twice`, `system-user-per-client`, `team-outside-relationship`).

use super::{Index, usable};
use crate::catalog::catalog;
use crate::orgnr::FastHash;
use crate::plan::{ErRole, SystemUser, SystemUserType};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A legal basis: an ER role by catalog id, or `None` for a direct delegation.
pub(crate) type Basis = Option<&'static str>;

/// Each usable package of system user `s` with the basis it rests on: an ER
/// role one of its clients holds and that gives the package for that
/// client's organisation form (the first such role in [`ErRole::all`] order),
/// else a direct delegation. A standard system user has none. Reads each
/// distinct (roles, form) of its clients once ([`Combos`]), so a system user
/// with 100,000 clients costs one pass over their numbers.
pub(crate) fn package_bases<'a>(ix: &Index<'a>, s: usize) -> BTreeMap<&'a str, Basis> {
    let su: &'a SystemUser = &ix.plan.system_users[s];
    let mut out = BTreeMap::new();
    if su.kind != SystemUserType::Client {
        return out;
    }
    let all = combos(ix);
    let mut seen = vec![false; all.distinct.len()];
    let mut combos: Vec<Combo<'a>> = Vec::new();
    for &i in ix.system_user_clients(s).iter().flatten() {
        if let Some(&id) = all.of_client.get(i)
            && id != NO_ROLES
            && !seen[id as usize]
        {
            seen[id as usize] = true;
            combos.push(all.distinct[id as usize]);
        }
    }
    for p in &su.access_packages {
        let code = p.code();
        if usable(code).is_none() {
            continue;
        }
        let basis = ErRole::all()
            .find(|r| {
                combos.iter().any(|(roles, form)| {
                    roles & role_bit(*r) != 0
                        && catalog()
                            .role_packages(r.as_str(), *form)
                            .any(|x| x == code)
                })
            })
            .map(ErRole::as_str);
        out.insert(code, basis);
    }
    out
}

/// A client's ER roles as a mask over their indices (the ER-role table has
/// fewer than 64 client roles; a test holds it to that) and its form.
type Combo<'a> = (u64, Option<&'a str>);

/// The (roles, form) of every client, numbered: the rules that read legal
/// bases look at a number per client instead of its roles and form.
pub(super) struct Combos<'a> {
    /// Each client's number in `distinct`, or [`NO_ROLES`].
    of_client: Vec<u32>,
    distinct: Vec<Combo<'a>>,
}

const NO_ROLES: u32 = u32::MAX;

/// [`Combos`] for the plan, made in one pass over its clients on first use.
fn combos<'x, 'a>(ix: &'x Index<'a>) -> &'x Combos<'a> {
    ix.combos.get_or_init(|| {
        let mut ids: HashMap<Combo<'a>, u32, FastHash> = HashMap::default();
        let mut distinct = Vec::new();
        let mut last: Option<(Combo<'a>, u32)> = None;
        let of_client = ix
            .plan
            .clients
            .iter()
            .map(|c| {
                if c.er_roles.is_empty() {
                    return NO_ROLES;
                }
                let mask = c.er_roles.iter().fold(0, |m, &r| m | role_bit(r));
                let combo = (mask, c.unit_type.as_ref().map(|u| u.as_str()));
                if let Some((l, id)) = last
                    && l == combo
                {
                    return id;
                }
                let id = *ids.entry(combo).or_insert_with(|| {
                    distinct.push(combo);
                    (distinct.len() - 1) as u32
                });
                last = Some((combo, id));
                id
            })
            .collect();
        Combos {
            of_client,
            distinct,
        }
    })
}

/// A role's bit in a mask of roles.
fn role_bit(r: ErRole) -> u64 {
    1 << (r.index() % 64)
}

/// The distinct bases of system user `s`, in a stable order.
pub(crate) fn bases(ix: &Index, s: usize) -> Vec<Basis> {
    let set: BTreeSet<Basis> = package_bases(ix, s).into_values().collect();
    set.into_iter().collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn client_roles_fit_a_mask() {
        assert!(crate::plan::ErRole::all().count() <= 64);
    }
}
