//! The delegation engine: judges a plan as Altinn would and as the guidance advises.
//!
//! [`check`] indexes the plan once ([`Index`]: clients and operational units by
//! orgnr, each client's available packages) and runs four rule families over
//! it, one file each, so a rule's code is found by its id:
//! - [`refs`]: organisation numbers, package references, the system register entry;
//! - [`layout`]: each system user as Altinn validates its creation;
//! - [`clients`]: adding clients (AUTH-00079, the AND rule AUTH-00080) and coverage;
//! - [`guidance`]: what the guidance advises against (merging, legal bases, teams, routes).
//!
//! A bad package reference is reported once, where it is written, and ignored
//! by every other rule, so one typo is one finding rather than one per client.

mod basis;
mod clients;
mod guidance;
mod join;
mod layout;
mod refs;
pub mod walk;
pub use join::{join_findings, qualifies};

use crate::catalog::{Fit, Package, catalog};
use crate::orgnr::Orgnr;
pub use crate::pkgset::PackageSet;
use crate::plan::{Client, ErRole, PackageRef, Plan, SystemUser, Unit, UnitType};
use crate::rules::texts::Label;
use crate::rules::{Finding, Report};
use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Every finding for the plan, not just the first: errors, then warnings,
/// then infos, each in plan order. Findings carry their facts; front ends
/// word them in the reader's language when they show them.
pub fn check(plan: &Plan) -> Report {
    check_with(&Index::new(plan))
}

/// [`check`] over an index the caller keeps, so that routing the same plan
/// afterwards reuses its per-client package sets.
pub fn check_with(index: &Index) -> Report {
    let mut out = Vec::new();
    refs::check(index, &mut out);
    layout::check(index, &mut out);
    clients::check(index, &mut out);
    guidance::check(index, &mut out);
    out.sort_by_key(|f| f.severity);
    Report::new(out)
}

/// The packages a client makes available to the organisation: what its ER
/// roles give for its organisation form, together with what it delegated
/// directly. The AND rule, the advisor and routing all read this one function.
/// A set of bits over the catalog ([`PackageSet`]): it iterates in code
/// order, as the sorted set of codes it replaces did, and allocates nothing.
pub fn available_packages(client: &Client) -> PackageSet {
    let form = client.unit_type.as_ref().map(UnitType::as_str);
    let gives = role_gives();
    let mut set = PackageSet::default();
    for r in &client.er_roles {
        let g = &gives[r.index()];
        set = set.union(g.always);
        if let Some(form) = form {
            for &(f, rank) in &g.only_for {
                if form.eq_ignore_ascii_case(f) {
                    set.insert_rank(rank);
                }
            }
        }
    }
    for d in &client.delegated {
        if let Some(rank) = PackageSet::rank(d.code())
            && kinds().direct.contains_rank(rank)
        {
            set.insert_rank(rank);
        }
    }
    set
}

/// What an ER role gives ([`crate::catalog::Catalog::role_packages`]) as
/// bits: the packages it gives for every organisation form, and those it
/// gives only for one form (form, position in code order).
struct RoleGives {
    always: PackageSet,
    only_for: Vec<(&'static str, usize)>,
}

/// [`RoleGives`] for each role of [`ErRole::all`], by its index.
fn role_gives() -> &'static [RoleGives] {
    static GIVES: OnceLock<Vec<RoleGives>> = OnceLock::new();
    GIVES.get_or_init(|| {
        ErRole::all()
            .map(|r| {
                let mut g = RoleGives {
                    always: PackageSet::default(),
                    only_for: Vec::new(),
                };
                for rp in catalog()
                    .role(r.as_str())
                    .into_iter()
                    .flat_map(|r| &r.packages)
                {
                    let Some(rank) = PackageSet::rank(&rp.package) else {
                        continue;
                    };
                    match rp.only_if_client_unit_type.as_deref() {
                        None => g.always.insert_rank(rank),
                        Some(form) => g.only_for.push((form, rank)),
                    }
                }
                g
            })
            .collect()
    })
}

/// Catalog packages by what the rules ask of them, as bits.
struct Kinds {
    /// [`directly_delegable`].
    direct: PackageSet,
    /// [`usable`] and delegable: what the AND rule asks of a client.
    and: PackageSet,
}

fn kinds() -> &'static Kinds {
    static KINDS: OnceLock<Kinds> = OnceLock::new();
    KINDS.get_or_init(|| {
        let codes = || catalog().packages().iter().map(|p| p.code.as_str());
        Kinds {
            direct: PackageSet::of(codes().filter(|c| directly_delegable(c))),
            and: PackageSet::of(codes().filter(|c| usable(c).is_some_and(|p| p.is_delegable))),
        }
    })
}

/// Whether a client can delegate this package directly: Access Management
/// assigns only packages that are assignable (and delegable), so the six
/// client-only packages come through their ER role alone.
pub fn directly_delegable(code: &str) -> bool {
    catalog()
        .get(code)
        .is_some_and(|p| p.is_assignable && p.is_delegable)
}

/// A package only a client relationship can give (delegable, not
/// assignable): `regnskapsforer-*`, `ansvarlig-revisor`, `revisormedarbeider`,
/// `forretningsforer-eiendom`.
pub fn is_client_only(code: &str) -> bool {
    usable(code).is_some_and(|p| p.fit() == Fit::Client)
}

/// The ER roles (catalog ids) that give `code` to a client of form `form`:
/// what the client can register in Enhetsregisteret to give it.
pub fn roles_giving<'c>(
    code: &'c str,
    form: Option<&'c str>,
) -> impl Iterator<Item = &'static str> + 'c {
    catalog()
        .roles()
        .iter()
        .filter(move |r| {
            catalog().role_packages(&r.role, form).any(|p| p == code) && r.er_code.is_some()
        })
        .map(|r| r.role.as_str())
}

/// The packages of a client system user that a client with `available` lacks
/// (the AND rule). Packages no client system user can carry at all are left
/// to their own rules.
pub fn missing_packages<'s>(
    su: &'s SystemUser,
    available: &PackageSet,
) -> impl Iterator<Item = &'s str> {
    and_packages(su)
        .into_iter()
        .filter(|code| !available.contains(code))
}

/// The packages of a system user the AND rule asks of each client: known,
/// delegable ones. Computed once per system user by callers that loop over clients.
pub(crate) fn and_packages(su: &SystemUser) -> Vec<&str> {
    su.access_packages
        .iter()
        .map(PackageRef::code)
        .filter(|code| usable(code).is_some_and(|p| p.is_delegable))
        .collect()
}

/// [`and_packages`] as bits: a client passes the AND rule for `su` when it
/// makes all of them available.
pub(crate) fn and_set(su: &SystemUser) -> PackageSet {
    PackageSet::of(su.access_packages.iter().map(PackageRef::code)).intersect(kinds().and)
}

/// A known organisation package that some system user could carry. Other
/// references are reported by [`refs`] alone.
pub(crate) fn usable(code: &str) -> Option<&'static Package> {
    catalog().get(code).filter(|p| p.fit() != Fit::Neither)
}

/// What an orgnr in the plan is.
#[derive(Debug, Clone, Copy)]
pub enum Party<'a> {
    Organisation,
    /// An operational unit of the organisation.
    OrganisationUnit(&'a Unit),
    /// A client, by its index in `plan.clients`.
    Client(usize),
    /// An operational unit of the client with this index.
    ClientUnit(usize, &'a Unit),
}

/// An orgnr as a number: nine digits fit a `u32`, which hashes and compares
/// far faster than the string in plans of 100,000 clients.
pub(crate) fn orgnr_key(orgnr: &str) -> Option<u32> {
    let b = orgnr.as_bytes();
    (b.len() == 9 && b.iter().all(u8::is_ascii_digit))
        .then(|| b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

/// A multiplicative hasher for [`orgnr_key`]s (they are not attacker-chosen
/// keys in a long-lived process, so SipHash buys nothing here).
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub(crate) type KeyMap<V> = HashMap<u32, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// The plan, indexed for rules and routing.
pub struct Index<'a> {
    pub plan: &'a Plan,
    /// Each client's orgnr (as a number) and index, sorted: the first entry
    /// of a run of equal numbers is the first `clients:` entry with that
    /// orgnr. Plans list clients and each system user's clients mostly in
    /// number order, so resolving a system user's clients walks this list
    /// forwards instead of probing a hash table a million times at random.
    by_key: Vec<(u32, u32)>,
    /// Operational units: of the organisation (`None`) or of a client (`Some(index)`).
    units: KeyMap<(&'a Unit, Option<usize>)>,
    /// Whether client i is the first entry with its orgnr.
    first: Vec<bool>,
    /// Every client's [`available_packages`], computed in one pass on first use.
    available: OnceCell<Vec<PackageSet>>,
    /// Each system user's clients, resolved to client indices once.
    resolved: Vec<OnceCell<Vec<Option<usize>>>>,
    /// Each client's (roles, form), numbered, for the legal-basis rules.
    combos: OnceCell<basis::Combos<'a>>,
}

impl<'a> Index<'a> {
    pub fn new(plan: &'a Plan) -> Index<'a> {
        let mut units = KeyMap::default();
        for u in &plan.organisation.operational_units {
            units.entry(u.orgnr.key()).or_insert((u, None));
        }
        for (i, c) in plan.clients.iter().enumerate() {
            for u in &c.operational_units {
                units.entry(u.orgnr.key()).or_insert((u, Some(i)));
            }
        }
        // A plan holds far fewer than 2^32 clients (the reader's limit).
        let mut by_key: Vec<(u32, u32)> = (plan.clients.iter().enumerate())
            .map(|(i, c)| (c.orgnr.key(), i as u32))
            .collect();
        if !by_key.is_sorted() {
            by_key.sort_unstable();
        }
        let mut first = vec![false; plan.clients.len()];
        for run in by_key.chunk_by(|a, b| a.0 == b.0) {
            first[run[0].1 as usize] = true;
        }
        Index {
            plan,
            by_key,
            units,
            first,
            available: OnceCell::new(),
            combos: OnceCell::new(),
            resolved: (0..plan.system_users.len())
                .map(|_| OnceCell::new())
                .collect(),
        }
    }

    /// Whether client `i` is the first `clients:` entry with its orgnr (later ones are duplicates).
    pub fn is_first(&self, i: usize) -> bool {
        self.first[i]
    }

    /// System user `s`'s clients as client indices (`None`: not under `clients:`), in its order.
    pub fn system_user_clients(&self, s: usize) -> &[Option<usize>] {
        self.resolved[s].get_or_init(|| {
            let mut at = self.by_key.len();
            self.plan.system_users[s]
                .clients
                .iter()
                .map(|o| {
                    let k = o.key();
                    at = self.seek(at, k);
                    self.found(at, k)
                })
                .collect()
        })
    }

    /// The position in `by_key` of the first entry not below `k`, searched
    /// forwards from `from` (doubling steps) when the keys ascend from there,
    /// else in the whole list.
    fn seek(&self, from: usize, k: u32) -> usize {
        let v = &self.by_key;
        if from >= v.len() || v[from].0 > k {
            return v.partition_point(|e| e.0 < k);
        }
        let (mut lo, mut hi, mut step) = (from, from + 1, 1);
        while hi < v.len() && v[hi].0 < k {
            lo = hi;
            step *= 2;
            hi = from + step;
        }
        lo + v[lo..hi.min(v.len())].partition_point(|e| e.0 < k)
    }

    fn found(&self, at: usize, k: u32) -> Option<usize> {
        self.by_key
            .get(at)
            .filter(|e| e.0 == k)
            .map(|e| e.1 as usize)
    }

    /// The index of the (first) `clients:` entry with this orgnr.
    pub fn client_index(&self, orgnr: &str) -> Option<usize> {
        self.lookup(orgnr_key(orgnr)?)
    }

    /// [`Index::client_index`] for a parsed orgnr.
    pub(crate) fn client_of(&self, orgnr: &Orgnr) -> Option<usize> {
        self.lookup(orgnr.key())
    }

    fn lookup(&self, k: u32) -> Option<usize> {
        self.found(self.seek(self.by_key.len(), k), k)
    }

    pub fn client(&self, i: usize) -> &'a Client {
        &self.plan.clients[i]
    }

    /// The client's available packages ([`available_packages`]).
    pub fn available(&self, i: usize) -> &PackageSet {
        &self
            .available
            .get_or_init(|| self.plan.clients.iter().map(available_packages).collect())[i]
    }

    /// The operational unit with this orgnr and its main unit (`None`: the organisation).
    pub fn unit(&self, orgnr: &str) -> Option<(&'a Unit, Option<usize>)> {
        self.units.get(&orgnr_key(orgnr)?).copied()
    }

    /// [`Index::unit`] for a parsed orgnr.
    pub(crate) fn unit_of(&self, orgnr: &Orgnr) -> Option<(&'a Unit, Option<usize>)> {
        self.units.get(&orgnr.key()).copied()
    }

    /// What this orgnr is: the organisation, a client, or an operational unit of either.
    pub fn party(&self, orgnr: &str) -> Option<Party<'a>> {
        if orgnr == self.plan.organisation.orgnr.as_str() {
            return Some(Party::Organisation);
        }
        if let Some(i) = self.client_index(orgnr) {
            return Some(Party::Client(i));
        }
        self.unit(orgnr).map(|(u, main)| match main {
            None => Party::OrganisationUnit(u),
            Some(i) => Party::ClientUnit(i, u),
        })
    }

    /// "DISKRET NÆR TIGER AS (310202398)", or "the organisation (310202398)" when unnamed.
    pub fn organisation_label(&self) -> Label {
        let o = &self.plan.organisation;
        if o.name.is_empty() {
            Label::Organisation(o.orgnr.as_str().into())
        } else {
            Label::Named(format!("{} ({})", o.name, o.orgnr).into())
        }
    }
}

/// A unit's label: "Name (orgnr)", or the number alone.
pub(crate) fn unit_label(u: &Unit) -> String {
    if u.name.is_empty() {
        u.orgnr.to_string()
    } else {
        format!("{} ({})", u.name, u.orgnr)
    }
}

pub(crate) type Out = Vec<Finding>;
