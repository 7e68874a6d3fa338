//! The advisor: from a situation, the layout the guidance prescribes, and why.
//!
//! Two steps. [`Analysis::of`] reads the facts once: which packages each
//! client can give that the system register entry has, on which legal basis
//! (ER role or direct delegation), and which clients no layout can serve.
//! [`Analysis::layout`] then groups clients into system users by the
//! guidance's rules: one per relationship type (B, C), F's two options for
//! extra delegated packages, team splits (D), own reporting (A, E, H).
//! The decision tree's answers ([`crate::decision`]) read the same analysis,
//! so the path shown and the layout written cannot disagree.

mod texts;

use crate::catalog::{Package, catalog};
use crate::decision;
use crate::lang::Lang;
use crate::orgnr::Orgnr;
use crate::plan::{
    Advice, Client, DecisionStep, ErRole, FOption, Handle, Plan, Relationship, SystemUser,
    SystemUserType, Unserved,
};
use crate::text::slug;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use texts::Text;

/// The plan with `system_users` replaced by the recommended layout and
/// `advice` filled in. Reads `plan.options` (F option, self-on-client).
pub fn advise(plan: &Plan) -> Plan {
    advise_in(plan, Lang::En)
}

/// [`advise`] with `why:`, notes, reasons and system users' names in `lang`.
/// The layout and the external refs are the same in every language.
pub fn advise_in(plan: &Plan, lang: Lang) -> Plan {
    advise_into(plan.clone(), lang)
}

/// [`advise_in`] taking the plan, so that a large client list is not copied.
pub fn advise_into(mut plan: Plan, lang: Lang) -> Plan {
    let rec = recommend_in(&plan, plan.options.f_option, lang);
    plan.system_users = rec.system_users;
    plan.advice = Some(rec.advice);
    plan
}

/// A recommended layout with its advice, without the rest of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub system_users: Vec<SystemUser>,
    pub advice: Advice,
    /// The F option the layout uses (the plan's, or the default for its numbers).
    pub f_option: FOption,
}

/// The layout for `plan` with scenario F's option forced to `f_option`
/// (`None`: the plan's choice, else the default for its numbers). `compare`
/// calls this once per option.
pub fn recommend(plan: &Plan, f_option: Option<FOption>) -> Recommendation {
    recommend_in(plan, f_option, Lang::En)
}

/// [`recommend`] with its texts in `lang`.
pub fn recommend_in(plan: &Plan, f_option: Option<FOption>, lang: Lang) -> Recommendation {
    let analysis = Analysis::of_in(plan, lang);
    let f = f_option.unwrap_or_else(|| analysis.default_f_option());
    let facts = analysis.facts();
    let layout = analysis.layout(f, &facts);
    let decision_path = decision::QUESTIONS
        .iter()
        .map(|q| {
            let a = decision::answer_from_in(q, &facts, lang);
            DecisionStep {
                question: q.id.to_string(),
                answer: if a.yes { "yes" } else { "no" }.to_string(),
                why: a.why,
            }
        })
        .collect();
    let advice = Advice {
        scenarios: analysis.scenarios(&facts),
        decision_path,
        unserved: analysis.unserved.clone(),
        notes: [analysis.notes(), layout.notes].concat(),
    };
    Recommendation {
        system_users: layout.system_users,
        advice,
        f_option: f,
    }
}

/// Scenario F's numbers for a plan: the clients that have an ER relationship
/// and delegated extra packages on top of it, grouped by their ER base.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FNumbers {
    /// ER groups (relationship + base packages) with at least one client with extras.
    pub groups: Vec<FGroup>,
    /// The distinct extra packages over all groups, codes in registration order.
    pub extra_services: Vec<String>,
    /// Clients with an ER base and extras.
    pub f_clients: usize,
    /// Client–extra pairs: the extra links option 2 needs.
    pub extra_links: usize,
}

/// One ER base whose clients partly have extras.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FGroup {
    pub relationship: Relationship,
    /// The name `advise` gives its system user ("Accounting").
    pub name: String,
    pub base: Vec<String>,
    /// Clients of this base without extras.
    pub plain_clients: Vec<Orgnr>,
    /// Each combination of extras, with its clients.
    pub combinations: Vec<FCombination>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FCombination {
    /// "Accounting + sick leave".
    pub name: String,
    pub extras: Vec<String>,
    pub clients: Vec<Orgnr>,
}

/// An extra package named as a service inside a sentence, in `lang`
/// ("sick leave", "A-melding system", "sykefravær").
pub fn service_label_in(code: &str, lang: Lang) -> String {
    lower_first(service_name_in(code, lang))
}

/// The name `advise` gives the per-service system user for one extra package,
/// in `lang` ("Sick leave", "Sykefravær").
pub fn service_system_user_name_in(code: &str, lang: Lang) -> String {
    join_services(&[service_name_in(code, lang)], false)
}

/// F's numbers, read from the same analysis `advise` uses.
pub fn f_numbers(plan: &Plan) -> FNumbers {
    f_numbers_in(plan, Lang::En)
}

/// [`f_numbers`] with the groups' and combinations' names as `advise` gives
/// them in `lang` ("Accounting + sick leave", "Regnskap + sykefravær"); the
/// numbers are the same in every language.
pub fn f_numbers_in(plan: &Plan, lang: Lang) -> FNumbers {
    Analysis::of_in(plan, lang).f_numbers()
}

/// The default F option for a plan: per-service when the clients use two or
/// more extra services, else per-combination.
pub fn default_f_option(plan: &Plan) -> FOption {
    Analysis::of(plan).default_f_option()
}

pub use crate::decision::Facts;

/// The facts of one plan, for [`answer`].
pub fn facts(plan: &Plan) -> Facts {
    Analysis::of(plan).facts()
}

/// Answers a question of the decision tree from the plan's facts (own
/// packages, clients' ER roles and delegations, teams, sub-entities,
/// `locally_installed`).
pub fn answer(question: &decision::Question, plan: &Plan) -> decision::Answer {
    answer_in(question, plan, Lang::En)
}

/// [`answer`] with the reason in `lang`.
pub fn answer_in(question: &decision::Question, plan: &Plan, lang: Lang) -> decision::Answer {
    decision::answer_from_in(question, &facts(plan), lang)
}

/// The packages of the system register entry as bits, in registration order,
/// so grouping 100,000 clients by package set costs no allocation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
struct PkgSet([u64; 4]);

impl PkgSet {
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn contains(self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn union(self, o: PkgSet) -> PkgSet {
        PkgSet(std::array::from_fn(|k| self.0[k] | o.0[k]))
    }
    fn intersect(self, o: PkgSet) -> PkgSet {
        PkgSet(std::array::from_fn(|k| self.0[k] & o.0[k]))
    }
    fn minus(self, o: PkgSet) -> PkgSet {
        PkgSet(std::array::from_fn(|k| self.0[k] & !o.0[k]))
    }
    fn is_empty(self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
    fn len(self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
    fn iter(self) -> impl Iterator<Item = usize> {
        (0..256).filter(move |&i| self.contains(i))
    }
    /// Small sets first, then by registration order: the order people read.
    fn sort_key(self) -> (usize, Vec<usize>) {
        (self.len(), self.iter().collect())
    }
}

/// The system register entry's usable packages (known, organisation
/// packages), deduplicated, in the order the vendor registered them.
struct Universe {
    packages: Vec<&'static Package>,
    index: HashMap<&'static str, usize>,
}

impl Universe {
    fn of(plan: &Plan) -> Universe {
        let mut u = Universe {
            packages: Vec::new(),
            index: HashMap::new(),
        };
        for p in &plan.system.access_packages {
            if let Some(pkg) = catalog().get(p.code())
                && !pkg.is_person_package()
                && !u.index.contains_key(pkg.code.as_str())
                && u.packages.len() < 256
            {
                u.index.insert(pkg.code.as_str(), u.packages.len());
                u.packages.push(pkg);
            }
        }
        u
    }

    fn codes(&self, set: PkgSet) -> Vec<&'static str> {
        set.iter().map(|i| self.packages[i].code.as_str()).collect()
    }
}

/// What one ER role gives for one organisation form, against the system.
#[derive(Default)]
struct RoleOutcome {
    /// Packages the role gives, the system has, and a client system user can carry.
    usable: PkgSet,
    /// Everything the role gives for this form (empty: the form does not qualify).
    gives: Vec<&'static str>,
    /// Given, delegable, but missing from the system register entry.
    missing: Vec<&'static str>,
}

/// Role outcomes by (role, organisation form): there are few forms, many clients.
struct RoleCache<'a> {
    at: HashMap<(ErRole, Option<&'a str>), usize>,
    outcomes: Vec<RoleOutcome>,
}

/// Where one client ends up.
#[derive(Debug, Clone)]
enum Place {
    /// Served through ER roles: one base per role, extras on the first base.
    /// `loose` are delegated packages that belong to another ER role's family
    /// (e.g. `regnskapsforer-lonn` delegated to an auditor): they never share
    /// a system user with the base, so they go the delegated way.
    Er {
        bases: Vec<(Relationship, PkgSet)>,
        extras: PkgSet,
        loose: Vec<PkgSet>,
    },
    /// Served only through packages it delegated in Altinn, in parts that
    /// never mix two ER roles' packages.
    Delegated(Vec<PkgSet>),
    /// Not a client to add (the organisation itself, an operational unit, a repeat).
    Skipped,
    /// No layout can serve it; the reason is in `unserved`.
    Unserved,
}

/// The facts of a plan, read once.
struct Analysis<'p> {
    plan: &'p Plan,
    /// The language of the texts it writes.
    lang: Lang,
    universe: Universe,
    /// Own packages on the system that the organisation itself can be given.
    own_usable: PkgSet,
    own_not_in_system: Vec<String>,
    own_not_assignable: Vec<String>,
    own_unknown: Vec<String>,
    places: Vec<Place>,
    /// Each ER role's client-only packages on the system, indexed by `ErRole as usize`.
    families: Vec<PkgSet>,
    unserved: Vec<Unserved>,
    /// Package code → number of clients that delegated it, though the system lacks it.
    missing: BTreeMap<String, usize>,
    /// Packages clients' ER roles give that the system register entry lacks.
    role_missing: BTreeSet<&'static str>,
    /// Packages clients give that no client system user can carry.
    not_delegable: BTreeSet<String>,
    /// Unknown delegated package codes → clients naming them.
    unknown_delegated: BTreeMap<String, usize>,
    /// Client-only package codes said to be delegated directly → clients.
    client_only_delegated: BTreeMap<String, usize>,
    /// Per-client remarks that do not stop it from being served.
    remarks: Vec<String>,
    remarks_left_off: usize,
}

/// At most this many per-client remarks are written; the rest are counted.
const MAX_REMARKS: usize = 20;

impl<'p> Analysis<'p> {
    fn of(plan: &'p Plan) -> Analysis<'p> {
        Analysis::of_in(plan, Lang::En)
    }

    fn of_in(plan: &'p Plan, lang: Lang) -> Analysis<'p> {
        let universe = Universe::of(plan);
        let mut a = Analysis {
            plan,
            lang,
            universe,
            own_usable: PkgSet::default(),
            own_not_in_system: Vec::new(),
            own_not_assignable: Vec::new(),
            own_unknown: Vec::new(),
            places: Vec::with_capacity(plan.clients.len()),
            families: Vec::new(),
            unserved: Vec::new(),
            missing: BTreeMap::new(),
            role_missing: BTreeSet::new(),
            not_delegable: BTreeSet::new(),
            unknown_delegated: BTreeMap::new(),
            client_only_delegated: BTreeMap::new(),
            remarks: Vec::new(),
            remarks_left_off: 0,
        };
        a.families = ErRole::all().map(|r| a.family(r)).collect();
        a.read_own();
        a.read_clients();
        a
    }

    fn read_own(&mut self) {
        for p in &self.plan.own_packages {
            let code = p.code();
            match catalog().get(code) {
                None => push_unique(&mut self.own_unknown, code),
                Some(pkg) if !pkg.is_assignable || pkg.is_person_package() => {
                    push_unique(&mut self.own_not_assignable, code)
                }
                Some(pkg) => match self.universe.index.get(pkg.code.as_str()) {
                    Some(&i) => self.own_usable.insert(i),
                    None => push_unique(&mut self.own_not_in_system, code),
                },
            }
        }
    }

    fn read_clients(&mut self) {
        let plan = self.plan;
        let mut op_units: HashMap<&Orgnr, &str> = HashMap::new();
        for u in &plan.organisation.operational_units {
            op_units.insert(&u.orgnr, plan.organisation.name.as_str());
        }
        for c in &plan.clients {
            for u in &c.operational_units {
                op_units.entry(&u.orgnr).or_insert(c.name.as_str());
            }
        }
        let mut seen: HashSet<&Orgnr> = HashSet::with_capacity(plan.clients.len());
        let mut roles = RoleCache {
            at: HashMap::new(),
            outcomes: Vec::new(),
        };
        let mut delegated_class: HashMap<&str, Option<usize>> = HashMap::new();
        for c in &plan.clients {
            let place = if c.orgnr == plan.organisation.orgnr {
                self.remark(Text::IsTheOrganisation { client: &c.label() });
                Place::Skipped
            } else if !seen.insert(&c.orgnr) {
                self.remark(Text::ListedTwice { client: &c.label() });
                Place::Skipped
            } else if let Some(main) = op_units.get(&c.orgnr) {
                self.remark(Text::IsOperationalUnit {
                    client: &c.label(),
                    main,
                });
                Place::Skipped
            } else {
                self.place_client(c, &mut roles, &mut delegated_class)
            };
            self.places.push(place);
        }
    }

    fn place_client<'a>(
        &mut self,
        c: &'a Client,
        roles: &mut RoleCache<'a>,
        delegated_class: &mut HashMap<&'a str, Option<usize>>,
    ) -> Place {
        let lang = self.lang;
        if !c.has_relationship() {
            self.unserve(c, Text::NoRelationship.text(lang));
            return Place::Unserved;
        }
        let form = c.unit_type.as_ref().map(|u| u.as_str());
        let mut problems: Vec<String> = Vec::new();
        let mut bases: Vec<(Relationship, PkgSet)> = Vec::new();
        for role in ErRole::all().filter(|r| c.er_roles.contains(r)) {
            let k = match roles.at.get(&(role, form)) {
                Some(&k) => k,
                None => {
                    let o = self.role_outcome(role, form);
                    // Only the client roles' own packages are worth asking the
                    // vendor for; a managing director's role gives nearly all.
                    if !o.gives.is_empty() && role.index() < 3 {
                        self.role_missing.extend(o.missing.iter().copied());
                    }
                    roles.outcomes.push(o);
                    roles.at.insert((role, form), roles.outcomes.len() - 1);
                    roles.outcomes.len() - 1
                }
            };
            let outcome = &roles.outcomes[k];
            if outcome.gives.is_empty() {
                problems.push(role_gives_nothing(role, form, lang));
            } else if outcome.usable.is_empty() {
                problems.push(
                    Text::SystemLacksRolePackages {
                        role: Relationship::from(role).label_in(lang),
                        gives: &outcome.gives,
                    }
                    .text(lang),
                );
            } else {
                // A package two roles give rests on the first (ErRole order,
                // as check reads it); a role adding nothing is no new basis.
                let covered = bases
                    .iter()
                    .fold(PkgSet::default(), |acc, (_, s)| acc.union(*s));
                let usable = outcome.usable.minus(covered);
                if !usable.is_empty() {
                    bases.push((role.into(), usable));
                }
            }
        }
        // Package-level problems are summed up in the notes; a client that is
        // served anyway gets no remark of its own for them.
        let mut package_problems: Vec<String> = Vec::new();
        let mut delegated = PkgSet::default();
        for p in &c.delegated {
            let code = p.code();
            let class = *delegated_class
                .entry(code)
                .or_insert_with(|| self.delegated_class(code));
            match class {
                Some(i) => delegated.insert(i),
                None => self.note_unusable_delegated(code, &mut package_problems),
            }
        }
        let on_bases = bases
            .iter()
            .fold(PkgSet::default(), |acc, (_, s)| acc.union(*s));
        let extras = delegated.minus(on_bases);
        let place = if let Some(&(rel, _)) = bases.first() {
            let own_family = rel
                .er_role()
                .map_or(PkgSet::default(), |r| self.families[r.index()]);
            let foreign = extras.intersect(self.families_union()).minus(own_family);
            Place::Er {
                bases,
                extras: extras.minus(foreign),
                loose: self.split_families(foreign),
            }
        } else if !delegated.is_empty() {
            Place::Delegated(self.split_families(delegated))
        } else {
            if c.sub_entity && c.delegated.is_empty() {
                problems.push(Text::SubEntityMustDelegate.text(lang));
            }
            problems.extend(package_problems);
            if problems.is_empty() {
                problems.push(Text::NothingUsable.text(lang));
            }
            self.unserve(c, problems.join("; "));
            return Place::Unserved;
        };
        if !problems.is_empty() {
            self.remark(Text::ServedAnyway {
                client: &c.label(),
                problems: &problems,
            });
        }
        place
    }

    fn role_outcome(&self, role: ErRole, form: Option<&str>) -> RoleOutcome {
        let mut o = RoleOutcome::default();
        for code in catalog().role_packages(role.as_str(), form) {
            let Some(pkg) = catalog().get(code) else {
                continue;
            };
            let code = pkg.code.as_str();
            o.gives.push(code);
            if !pkg.is_delegable {
                continue;
            }
            match self.universe.index.get(code) {
                Some(&i) => o.usable.insert(i),
                None => o.missing.push(code),
            }
        }
        o
    }

    /// The packages only an ER role gives (client-only ones such as
    /// `regnskapsforer-*`): one legal basis each, never mixed on one system user.
    fn family(&self, role: ErRole) -> PkgSet {
        let Some(r) = catalog().role(role.as_str()) else {
            return PkgSet::default();
        };
        let mut s = PkgSet::default();
        for rp in &r.packages {
            if let Some(&i) = self.universe.index.get(rp.package.as_str())
                && !self.universe.packages[i].is_assignable
            {
                s.insert(i);
            }
        }
        s
    }

    fn families_union(&self) -> PkgSet {
        self.families
            .iter()
            .fold(PkgSet::default(), |a, f| a.union(*f))
    }

    /// Splits a delegated set so no part holds two ER roles' families: the
    /// first family stays with the ordinary packages, each other is its own part.
    fn split_families(&self, set: PkgSet) -> Vec<PkgSet> {
        let mut first = set.minus(self.families_union());
        let mut parts = Vec::new();
        let mut taken = false;
        for f in &self.families {
            let part = set.intersect(*f);
            if part.is_empty() {
                continue;
            }
            if taken {
                parts.push(part);
            } else {
                first = first.union(part);
                taken = true;
            }
        }
        if !first.is_empty() {
            parts.insert(0, first);
        }
        parts
    }

    /// The package's bit when a client system user can carry it, else `None`.
    fn delegated_class(&self, code: &str) -> Option<usize> {
        let pkg = catalog().get(code)?;
        if !crate::engine::directly_delegable(code) || pkg.is_person_package() {
            return None;
        }
        self.universe.index.get(code).copied()
    }

    fn note_unusable_delegated(&mut self, code: &str, problems: &mut Vec<String>) {
        match catalog().get(code) {
            None => {
                *self.unknown_delegated.entry(code.to_string()).or_default() += 1;
                problems.push(Text::NotAPackage { code }.text(self.lang));
            }
            Some(pkg) if pkg.is_delegable && !pkg.is_assignable => {
                *self
                    .client_only_delegated
                    .entry(code.to_string())
                    .or_default() += 1;
                problems.push(Text::ClientOnlyDelegated { code }.text(self.lang));
            }
            Some(pkg) if !pkg.is_delegable || pkg.is_person_package() => {
                self.not_delegable.insert(code.to_string());
                problems.push(Text::CannotBeDelegated { code }.text(self.lang));
            }
            Some(_) => {
                *self.missing.entry(code.to_string()).or_default() += 1;
                problems.push(Text::SystemLacksPackage { code }.text(self.lang));
            }
        }
    }

    fn unserve(&mut self, c: &Client, reason: String) {
        self.unserved.push(Unserved {
            client: c.orgnr.clone(),
            name: c.name.clone(),
            reason,
        });
    }

    fn remark(&mut self, text: Text) {
        if self.remarks.len() < MAX_REMARKS {
            self.remarks.push(text.text(self.lang));
        } else {
            self.remarks_left_off += 1;
        }
    }

    fn served(&self) -> impl Iterator<Item = (&'p Client, &Place)> {
        self.plan
            .clients
            .iter()
            .zip(&self.places)
            .filter(|(_, p)| matches!(p, Place::Er { .. } | Place::Delegated(_)))
    }

    fn facts(&self) -> Facts {
        let mut counts: BTreeMap<Relationship, usize> = BTreeMap::new();
        let mut sub_entities = 0;
        let mut f_clients = 0;
        let mut extras = PkgSet::default();
        for (c, place) in self.served() {
            match place {
                Place::Er {
                    bases, extras: e, ..
                } => {
                    for (rel, _) in bases {
                        *counts.entry(*rel).or_default() += 1;
                    }
                    if !e.is_empty() {
                        f_clients += 1;
                        extras = extras.union(*e);
                    }
                }
                Place::Delegated(_) => *counts.entry(Relationship::Delegated).or_default() += 1,
                _ => {}
            }
            if c.sub_entity {
                sub_entities += 1;
            }
        }
        Facts {
            own_packages: self.plan.own_packages.len(),
            locally_installed: self.plan.system.locally_installed,
            kinds: counts.into_iter().collect(),
            sub_entities,
            f_clients,
            extra_service_codes: self
                .universe
                .codes(extras)
                .into_iter()
                .map(String::from)
                .collect(),
            teams: self.plan.teams.iter().map(|t| t.name.clone()).collect(),
            unserved: self.unserved.len(),
        }
    }

    fn f_numbers(&self) -> FNumbers {
        struct G {
            rel: Relationship,
            base: PkgSet,
            plain: Vec<usize>,
            combos: HashMap<PkgSet, Vec<usize>>,
        }
        let mut at: HashMap<(Relationship, PkgSet), usize> = HashMap::new();
        let mut groups: Vec<G> = Vec::new();
        let mut all = PkgSet::default();
        let mut n = FNumbers::default();
        for (i, place) in self.places.iter().enumerate() {
            let Place::Er { bases, extras, .. } = place else {
                continue;
            };
            for (k, (rel, base)) in bases.iter().enumerate() {
                let g = *at.entry((*rel, *base)).or_insert_with(|| {
                    groups.push(G {
                        rel: *rel,
                        base: *base,
                        plain: Vec::new(),
                        combos: HashMap::new(),
                    });
                    groups.len() - 1
                });
                if k == 0 && !extras.is_empty() {
                    groups[g].combos.entry(*extras).or_default().push(i);
                    all = all.union(*extras);
                    n.f_clients += 1;
                    n.extra_links += extras.len();
                } else {
                    groups[g].plain.push(i);
                }
            }
        }
        groups.retain(|g| !g.combos.is_empty());
        groups.sort_by_key(|g| (g.rel, g.base.sort_key()));
        let orgnrs = |v: &[usize]| -> Vec<Orgnr> {
            v.iter()
                .map(|&i| self.plan.clients[i].orgnr.clone())
                .collect()
        };
        let codes = |s: PkgSet| -> Vec<String> {
            self.universe
                .codes(s)
                .into_iter()
                .map(String::from)
                .collect()
        };
        n.groups = groups
            .into_iter()
            .map(|g| {
                let name = self
                    .relationship_name_in(g.rel, g.base, self.lang)
                    .to_string();
                let mut combos: Vec<(PkgSet, Vec<usize>)> = g.combos.into_iter().collect();
                combos.sort_by_key(|(s, _)| s.sort_key());
                FGroup {
                    relationship: g.rel,
                    base: codes(g.base),
                    plain_clients: orgnrs(&g.plain),
                    combinations: combos
                        .into_iter()
                        .map(|(s, clients)| {
                            let names: Vec<&str> = self
                                .universe
                                .codes(s)
                                .into_iter()
                                .map(|c| service_name_in(c, self.lang))
                                .collect();
                            FCombination {
                                name: format!("{name} + {}", join_services(&names, true)),
                                extras: codes(s),
                                clients: orgnrs(&clients),
                            }
                        })
                        .collect(),
                    name,
                }
            })
            .collect();
        n.extra_services = codes(all);
        n
    }

    fn default_f_option(&self) -> FOption {
        let extras = self
            .places
            .iter()
            .fold(PkgSet::default(), |acc, p| match p {
                Place::Er { extras, .. } => acc.union(*extras),
                _ => acc,
            });
        if extras.len() >= 2 {
            FOption::PerService
        } else {
            FOption::PerCombination
        }
    }

    fn scenarios(&self, f: &Facts) -> Vec<String> {
        let own = f.own_packages > 0;
        let delegated = f
            .kinds
            .iter()
            .any(|(r, n)| *r == Relationship::Delegated && *n > 0);
        let only_sub_entities =
            f.kinds.len() == 1 && delegated && f.sub_entities == f.kinds.first().map_or(0, |k| k.1);
        let h = own && delegated;
        let mut s = BTreeSet::new();
        if own && !h && !f.locally_installed {
            s.insert("A");
        }
        if f.kinds.len() == 1 && !h && !only_sub_entities {
            s.insert("B");
        }
        if f.kinds.len() >= 2 {
            s.insert("C");
        }
        if !f.teams.is_empty() && (own || !f.kinds.is_empty()) {
            s.insert("D");
        }
        if f.locally_installed {
            s.insert("E");
        }
        if f.f_clients > 0 {
            s.insert("F");
        }
        if f.sub_entities > 0 {
            s.insert("G");
        }
        if h {
            s.insert("H");
        }
        s.into_iter().map(String::from).collect()
    }

    /// Notes from the facts alone (the layout adds its own).
    fn notes(&self) -> Vec<String> {
        let plan = self.plan;
        let mut notes: Vec<Text> = Vec::new();
        // Situations that break a rule whatever the layout: said first, with the fix.
        let client_only: Vec<&str> = plan
            .system
            .access_packages
            .iter()
            .map(|p| p.code())
            .filter(|c| crate::engine::is_client_only(c))
            .collect();
        if plan.system.visible && !client_only.is_empty() {
            notes.push(Text::VisibleWithClientOnly {
                codes: &client_only,
            });
        }
        if plan.system.locally_installed && plan.system.vendor != plan.organisation.orgnr {
            notes.push(Text::LocalWithOtherVendor {
                vendor: plan.system.vendor.as_str(),
                orgnr: plan.organisation.orgnr.as_str(),
            });
        }
        if plan.system.locally_installed {
            notes.push(Text::ERegistersItself);
            notes.push(Text::EOwnMaskinporten);
            notes.push(Text::ENeverVendorKey);
        }
        for code in &self.own_not_in_system {
            notes.push(Text::OwnNotInSystem { code });
        }
        for code in &self.own_not_assignable {
            notes.push(Text::OwnNotAssignable { code });
        }
        let near: Vec<Vec<&str>> = self
            .own_unknown
            .iter()
            .map(|code| catalog().nearest_codes(code, 3))
            .collect();
        for (code, near) in self.own_unknown.iter().zip(&near) {
            notes.push(Text::OwnUnknown { code, near });
        }
        let role_missing: Vec<&str> = self.role_missing.iter().copied().collect();
        if !role_missing.is_empty() {
            notes.push(Text::RolesGiveMissing {
                codes: &role_missing,
            });
        }
        for (code, n) in &self.missing {
            notes.push(Text::DelegatedMissing { clients: *n, code });
        }
        for (code, n) in &self.client_only_delegated {
            notes.push(Text::ClientOnlyDelegatedNote { clients: *n, code });
        }
        for code in &self.not_delegable {
            notes.push(Text::NotDelegableForClients { code });
        }
        let near_delegated: Vec<Vec<&str>> = self
            .unknown_delegated
            .keys()
            .map(|code| catalog().nearest_codes(code, 3))
            .collect();
        for ((code, n), near) in self.unknown_delegated.iter().zip(&near_delegated) {
            notes.push(Text::DelegatedUnknown {
                clients: *n,
                code,
                near,
            });
        }
        let mut notes: Vec<String> = notes.iter().map(|t| t.text(self.lang)).collect();
        notes.extend(self.remarks.iter().cloned());
        if self.remarks_left_off > 0 {
            notes.push(
                Text::MoreRemarks {
                    count: self.remarks_left_off,
                }
                .text(self.lang),
            );
        }
        notes
    }

    fn layout(&self, f: FOption, facts: &Facts) -> Layout {
        let mut drafts: Vec<Draft> = Vec::new();
        if !self.own_usable.is_empty() {
            drafts.push(Draft::new(
                SystemUserType::Standard,
                Origin::Own,
                None,
                PkgSet::default(),
                self.own_usable,
            ));
        }
        self.er_drafts(f, &mut drafts);
        self.delegated_drafts(f, &mut drafts);
        let mut drafts = merge(drafts);
        let mut notes = Vec::new();
        self.self_on_client(&mut drafts, &mut notes);
        let drafts = if self.plan.teams.is_empty() {
            drafts
        } else {
            merge(self.split_by_team(drafts, &mut notes))
        };
        Layout {
            system_users: self.finish(drafts, facts),
            notes,
        }
    }

    /// One base system user per (relationship, package set); F's extras as
    /// combinations (option 1) or left to the per-service pass (option 2).
    fn er_drafts(&self, f: FOption, drafts: &mut Vec<Draft>) {
        let mut groups: HashMap<(Relationship, PkgSet), usize> = HashMap::new();
        let mut list: Vec<ErGroup> = Vec::new();
        for (i, place) in self.places.iter().enumerate() {
            let Place::Er { bases, extras, .. } = place else {
                continue;
            };
            for (k, (rel, base)) in bases.iter().enumerate() {
                let g = *groups.entry((*rel, *base)).or_insert_with(|| {
                    list.push(ErGroup {
                        rel: *rel,
                        base: *base,
                        plain: Vec::new(),
                        with_extras: HashMap::new(),
                        all: Vec::new(),
                    });
                    list.len() - 1
                });
                let g = &mut list[g];
                g.all.push(i);
                let e = if k == 0 { *extras } else { PkgSet::default() };
                if e.is_empty() {
                    g.plain.push(i);
                } else {
                    g.with_extras.entry(e).or_default().push(i);
                }
            }
        }
        list.sort_by_key(|g| (g.rel, g.base.sort_key()));
        for g in list {
            let has_f = !g.with_extras.is_empty();
            let origin = if has_f { Origin::FBase(f) } else { Origin::Er };
            match f {
                FOption::PerService => {
                    let mut d = Draft::new(
                        SystemUserType::Client,
                        origin,
                        Some(g.rel),
                        g.base,
                        PkgSet::default(),
                    );
                    d.clients = g.all;
                    drafts.push(d);
                }
                FOption::PerCombination => {
                    if !g.plain.is_empty() {
                        let mut d = Draft::new(
                            SystemUserType::Client,
                            origin,
                            Some(g.rel),
                            g.base,
                            PkgSet::default(),
                        );
                        d.clients = g.plain;
                        drafts.push(d);
                    }
                    let mut combos: Vec<(PkgSet, Vec<usize>)> = g.with_extras.into_iter().collect();
                    combos.sort_by_key(|(s, _)| s.sort_key());
                    for (extras, clients) in combos {
                        let mut d = Draft::new(
                            SystemUserType::Client,
                            Origin::FCombination,
                            Some(g.rel),
                            g.base,
                            extras,
                        );
                        d.clients = clients;
                        drafts.push(d);
                    }
                }
            }
        }
    }

    /// Per-service extras (option 2), then clients served only by delegation,
    /// one system user per package combination (G, C).
    fn delegated_drafts(&self, f: FOption, drafts: &mut Vec<Draft>) {
        if f == FOption::PerService {
            let mut per_service: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for (i, place) in self.places.iter().enumerate() {
                if let Place::Er { extras, .. } = place {
                    for e in extras.iter() {
                        per_service.entry(e).or_default().push(i);
                    }
                }
            }
            for (e, clients) in per_service {
                let mut set = PkgSet::default();
                set.insert(e);
                let mut d = Draft::new(
                    SystemUserType::Client,
                    Origin::FService,
                    None,
                    PkgSet::default(),
                    set,
                );
                d.clients = clients;
                drafts.push(d);
            }
        }
        let mut combos: HashMap<PkgSet, Vec<usize>> = HashMap::new();
        for (i, place) in self.places.iter().enumerate() {
            let parts = match place {
                Place::Delegated(parts) => parts,
                Place::Er { loose, .. } => loose,
                _ => continue,
            };
            for set in parts {
                combos.entry(*set).or_default().push(i);
            }
        }
        let several = combos.len() > 1;
        let mut combos: Vec<(PkgSet, Vec<usize>)> = combos.into_iter().collect();
        combos.sort_by_key(|(s, _)| s.sort_key());
        for (set, clients) in combos {
            let mut d = Draft::new(
                SystemUserType::Client,
                Origin::Delegated { several },
                None,
                PkgSet::default(),
                set,
            );
            d.clients = clients;
            drafts.push(d);
        }
    }

    /// Scenario H simplified: with the option on, the organisation itself goes
    /// on a delegated client system user that carries all its own packages,
    /// when every package there is assignable; the standard one then goes.
    fn self_on_client(&self, drafts: &mut Vec<Draft>, notes: &mut Vec<String>) {
        let has_delegated = drafts
            .iter()
            .any(|d| d.kind == SystemUserType::Client && d.rel.is_none());
        let Some(std_ix) = drafts
            .iter()
            .position(|d| d.kind == SystemUserType::Standard)
        else {
            return;
        };
        if !has_delegated {
            return;
        }
        if !self.plan.options.self_on_client_system_user {
            notes.push(Text::HSelfOnClientAvailable.text(self.lang));
            return;
        }
        // Altinn gives the organisation every package of the client system
        // user it is added to (DelegateSelfToAgentSystemUser), so only one
        // whose packages are exactly what it asked for itself will do (own
        // packages are assignable, so such a one is allowed).
        let own = self.own_usable;
        let candidate = drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.kind == SystemUserType::Client && d.rel.is_none() && d.packages() == own
            })
            .min_by_key(|(_, d)| d.packages().len())
            .map(|(i, _)| i);
        match candidate {
            Some(i) => {
                drafts[i].include_self = true;
                drafts.remove(std_ix);
                notes.push(Text::HSimplifiedNote.text(self.lang));
            }
            None => notes.push(
                Text::HKeepsStandard {
                    codes: &self.universe.codes(own),
                }
                .text(self.lang),
            ),
        }
    }

    /// Scenario D: every system user is cut so each part carries only the
    /// packages one set of teams handles, and names those teams.
    fn split_by_team(&self, drafts: Vec<Draft>, notes: &mut Vec<String>) -> Vec<Draft> {
        let teams = &self.plan.teams;
        let mut out = Vec::new();
        let mut unhandled: Vec<String> = Vec::new();
        for d in drafts {
            let mut atoms: Vec<(Vec<usize>, PkgSet)> = Vec::new();
            for p in d.packages().iter() {
                let code = self.universe.packages[p].code.as_str();
                let rel = if d.kind == SystemUserType::Standard {
                    None
                } else if d.base.contains(p) {
                    d.rel
                } else {
                    Some(Relationship::Delegated)
                };
                let who: Vec<usize> = teams
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| {
                        t.handles.iter().any(|h| match h {
                            Handle::Package(c) => c.code() == code,
                            Handle::Relationship(r) => Some(*r) == rel,
                        })
                    })
                    .map(|(i, _)| i)
                    .collect();
                match atoms.iter_mut().find(|(t, _)| *t == who) {
                    Some((_, s)) => s.insert(p),
                    None => {
                        let mut s = PkgSet::default();
                        s.insert(p);
                        atoms.push((who, s));
                    }
                }
            }
            let whole = atoms.len() == 1;
            for (who, set) in atoms {
                if who.is_empty() {
                    unhandled.extend(self.universe.codes(set).into_iter().map(String::from));
                }
                let mut part = d.clone();
                part.base = d.base.intersect(set);
                part.extra = d.extra.intersect(set);
                part.teams = who;
                if !whole {
                    part.split = true;
                    part.include_self =
                        d.include_self && !set.intersect(self.own_usable).is_empty();
                }
                out.push(part);
            }
        }
        if !unhandled.is_empty() {
            unhandled.sort();
            unhandled.dedup();
            notes.push(Text::DUnhandled { codes: &unhandled }.text(self.lang));
        }
        out
    }

    /// Names, external refs and reasons; drafts become system users.
    fn finish(&self, drafts: Vec<Draft>, facts: &Facts) -> Vec<SystemUser> {
        let ctx = WhyContext {
            multi_kind: facts.kinds.len() >= 2,
            has_delegated: self.places.iter().any(|p| match p {
                Place::Delegated(_) => true,
                Place::Er { loose, .. } => !loose.is_empty(),
                _ => false,
            }),
        };
        let teams = &self.plan.teams;
        let team_names =
            |d: &Draft| -> Vec<String> { d.teams.iter().map(|&t| teams[t].name.clone()).collect() };
        let names_in = |lang: Lang| -> Vec<String> {
            let mut names: Vec<String> = drafts.iter().map(|d| self.name(d, lang)).collect();
            // Disambiguate by team first, then by number.
            let counts = count(&names);
            for (i, d) in drafts.iter().enumerate() {
                if counts[&names[i]] > 1 && !d.teams.is_empty() {
                    names[i] = format!("{} ({})", names[i], team_names(d).join(", "));
                }
            }
            numbered(names, " ")
        };
        // External refs come from the English names, so they are the same in
        // every language and the end-user system's configuration never changes.
        let english = names_in(Lang::En);
        let refs = numbered(english.iter().map(|n| slug(n)).collect(), "-");
        let names = if self.lang == Lang::En {
            english
        } else {
            names_in(self.lang)
        };
        drafts
            .into_iter()
            .zip(names.into_iter().zip(refs))
            .map(|(d, (name, external_ref))| {
                let why = self.why(&d, ctx);
                let mut clients: Vec<usize> = d.clients.clone();
                clients.sort_unstable();
                clients.dedup();
                let mut access_packages = self.universe.codes(d.base);
                access_packages.extend(self.universe.codes(d.extra));
                SystemUser {
                    teams: team_names(&d),
                    name,
                    external_ref: if external_ref.is_empty() {
                        "system-user".into()
                    } else {
                        external_ref
                    },
                    kind: d.kind,
                    access_packages: access_packages
                        .into_iter()
                        .map(crate::plan::PackageRef::new)
                        .collect(),
                    clients: clients
                        .into_iter()
                        .map(|i| self.plan.clients[i].orgnr.clone())
                        .collect(),
                    include_self: d.include_self,
                    why: Some(why),
                }
            })
            .collect()
    }

    /// A draft's name in `lang` (English: also the source of its external ref).
    fn name(&self, d: &Draft, lang: Lang) -> String {
        if d.kind == SystemUserType::Standard {
            return match lang {
                Lang::En => "Own reporting",
                Lang::Nb => "Egen rapportering",
            }
            .into();
        }
        let extras: Vec<&str> = self
            .universe
            .codes(d.extra)
            .into_iter()
            .map(|c| service_name_in(c, lang))
            .collect();
        match d.rel {
            Some(rel) if !d.base.is_empty() => {
                let base = self.relationship_name_in(rel, d.base, lang);
                if extras.is_empty() {
                    base.into()
                } else {
                    format!("{base} + {}", join_services(&extras, true))
                }
            }
            _ => {
                let subs = !d.clients.is_empty()
                    && d.clients.iter().all(|&i| self.plan.clients[i].sub_entity);
                let group = match (subs, lang) {
                    (true, Lang::En) => "Sub-entities",
                    (true, Lang::Nb) => "Organisasjonsledd",
                    (false, Lang::En) => "Delegated clients",
                    (false, Lang::Nb) => "Delegerte klienter",
                };
                match d.origin {
                    Origin::Delegated { several: false } if !d.split => group.into(),
                    Origin::Delegated { .. } => {
                        format!("{group} ({})", join_services(&extras, false))
                    }
                    _ => join_services(&extras, false),
                }
            }
        }
    }

    /// The name of a relationship type's system user ("Accounting", "Regnskap").
    fn relationship_name_in(&self, rel: Relationship, base: PkgSet, lang: Lang) -> &'static str {
        let property = || {
            let eiendom = self.universe.index.get("forretningsforer-eiendom");
            eiendom.is_some_and(|&i| base.contains(i))
        };
        match (rel, lang) {
            (Relationship::REGNSKAPSFORER, Lang::En) => "Accounting",
            (Relationship::REGNSKAPSFORER, Lang::Nb) => "Regnskap",
            (Relationship::REVISOR, Lang::En) => "Audit",
            (Relationship::REVISOR, Lang::Nb) => "Revisjon",
            (Relationship::FORRETNINGSFORER, Lang::En) if property() => "Property management",
            (Relationship::FORRETNINGSFORER, Lang::Nb) if property() => "Forretningsførsel eiendom",
            (Relationship::FORRETNINGSFORER, Lang::En) => "Business management (NUF)",
            (Relationship::FORRETNINGSFORER, Lang::Nb) => "Forretningsførsel (NUF)",
            (Relationship::Role(r), _) => r.name(lang == Lang::Nb),
            (Relationship::Delegated, Lang::En) => "Delegated clients",
            (Relationship::Delegated, Lang::Nb) => "Delegerte klienter",
        }
    }

    fn why(&self, d: &Draft, ctx: WhyContext) -> String {
        let WhyContext {
            multi_kind,
            has_delegated,
        } = ctx;
        let lang = self.lang;
        let teams: Vec<&str> = d
            .teams
            .iter()
            .map(|&t| self.plan.teams[t].name.as_str())
            .collect();
        if d.split {
            return if teams.is_empty() {
                Text::DCutNoTeam
            } else {
                Text::DCut { teams: &teams }
            }
            .text(lang);
        }
        if d.include_self {
            return Text::HSimplifiedWhy.text(lang);
        }
        let rel = d.rel.map(|r| r.label_in(lang));
        let extras: Vec<&str> = self
            .universe
            .codes(d.extra)
            .into_iter()
            .map(|c| service_name_in(c, lang))
            .collect();
        let extras = join_services(&extras, true);
        let several = matches!(d.origin, Origin::Delegated { several: true });
        let s = match d.origin {
            Origin::Own if self.plan.system.locally_installed => Text::EStandard,
            Origin::Own if has_delegated => Text::HStandard,
            Origin::Own => Text::AStandard,
            Origin::Er if multi_kind => Text::CRelationship { rel },
            Origin::Er => Text::BRelationship { rel },
            Origin::FBase(FOption::PerCombination) => Text::F1Base { rel },
            Origin::FBase(FOption::PerService) => Text::F2Base { rel },
            Origin::FCombination => Text::F1Combination {
                rel,
                extras: &extras,
            },
            Origin::FService => Text::F2Service { extras: &extras },
            Origin::Delegated { .. } => {
                let subs = d.clients.iter().all(|&i| self.plan.clients[i].sub_entity);
                if subs && several {
                    Text::GWithC
                } else if subs {
                    Text::G
                } else if !self.own_usable.is_empty() {
                    Text::HDelegated
                } else if multi_kind || several {
                    Text::CDelegated
                } else {
                    Text::BDelegated
                }
            }
        }
        .text(lang);
        if teams.is_empty() {
            s
        } else {
            Text::OnlyTeams {
                why: &s,
                teams: &teams,
            }
            .text(lang)
        }
    }
}

/// What every system user's reason depends on, read once.
#[derive(Clone, Copy)]
struct WhyContext {
    /// Two or more relationship types (scenario C).
    multi_kind: bool,
    /// Some clients are served through delegation alone (G, H).
    has_delegated: bool,
}

struct Layout {
    system_users: Vec<SystemUser>,
    notes: Vec<String>,
}

struct ErGroup {
    rel: Relationship,
    base: PkgSet,
    plain: Vec<usize>,
    with_extras: HashMap<PkgSet, Vec<usize>>,
    all: Vec<usize>,
}

/// Why a draft exists, for its name and `why:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Own,
    /// A relationship type's system user (B, C).
    Er,
    /// The base of an ER group some of whose clients have extras (F).
    FBase(FOption),
    /// Option 1: base plus one combination of extras.
    FCombination,
    /// Option 2: one extra service.
    FService,
    /// Clients served only by delegation (G, C, H); `several` when there is
    /// more than one package combination among them.
    Delegated {
        several: bool,
    },
}

#[derive(Debug, Clone)]
struct Draft {
    kind: SystemUserType,
    origin: Origin,
    /// The ER relationship of `base`.
    rel: Option<Relationship>,
    /// Packages from the ER role.
    base: PkgSet,
    /// Delegated packages (F's extras, or all of a delegated-only group's).
    extra: PkgSet,
    clients: Vec<usize>,
    include_self: bool,
    teams: Vec<usize>,
    /// Cut out of a larger system user by team (D).
    split: bool,
}

impl Draft {
    fn new(
        kind: SystemUserType,
        origin: Origin,
        rel: Option<Relationship>,
        base: PkgSet,
        extra: PkgSet,
    ) -> Draft {
        Draft {
            kind,
            origin,
            rel,
            base,
            extra,
            clients: Vec::new(),
            include_self: false,
            teams: Vec::new(),
            split: false,
        }
    }

    fn packages(&self) -> PkgSet {
        self.base.union(self.extra)
    }
}

/// Never two system users that could be one: drafts with the same type,
/// packages, teams and legal basis (an ER role, or direct delegation) become
/// one, with all their clients (and the organisation itself when either
/// included it). Different legal bases stay apart (scenario C).
fn merge(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    let mut at: HashMap<(bool, PkgSet, Vec<usize>, Option<Relationship>), usize> = HashMap::new();
    for d in drafts {
        let key = (
            d.kind == SystemUserType::Standard,
            d.packages(),
            d.teams.clone(),
            // The basis of its ER packages; extras alone are delegated.
            d.rel
                .filter(|r| *r != Relationship::Delegated && !d.base.is_empty()),
        );
        match at.get(&key) {
            Some(&i) => {
                let target = &mut out[i];
                target.clients.extend(d.clients);
                target.split &= d.split;
                target.include_self |= d.include_self;
            }
            None => {
                at.insert(key, out.len());
                out.push(d);
            }
        }
    }
    for d in &mut out {
        d.clients.sort_unstable();
        d.clients.dedup();
    }
    out
}

fn push_unique(v: &mut Vec<String>, code: &str) {
    if !v.iter().any(|c| c == code) {
        v.push(code.to_string());
    }
}

fn count(names: &[String]) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for n in names {
        *m.entry(n.clone()).or_insert(0) += 1;
    }
    m
}

/// Makes every entry unique by appending ` 2`, ` 3`, … (or `-2`, …) to repeats.
fn numbered(items: Vec<String>, sep: &str) -> Vec<String> {
    let mut taken: HashSet<String> = items.iter().cloned().collect();
    let mut seen: HashSet<String> = HashSet::new();
    items
        .into_iter()
        .map(|n| {
            if seen.insert(n.clone()) {
                return n;
            }
            let mut k = 2;
            loop {
                let candidate = format!("{n}{sep}{k}");
                if taken.insert(candidate.clone()) {
                    seen.insert(candidate.clone());
                    return candidate;
                }
                k += 1;
            }
        })
        .collect()
}

pub use crate::catalog::service_name_in;

/// "sick leave + salary": every service, so names stay as distinct as the
/// package sets they stand for.
fn join_services(names: &[&str], lower: bool) -> String {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if lower || i > 0 {
                lower_first(n)
            } else {
                (*n).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// "Sick leave" → "sick leave", but "A-melding system" stays.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}

fn role_gives_nothing(role: ErRole, form: Option<&str>, lang: Lang) -> String {
    let forms: Vec<&str> = catalog()
        .role(role.as_str())
        .into_iter()
        .flat_map(|r| r.packages.iter())
        .filter_map(|p| p.only_if_client_unit_type.as_deref())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let role = Relationship::from(role).label_in(lang);
    if forms.is_empty() {
        Text::RoleGivesNothing { role }
    } else {
        Text::RoleOnlyForForms {
            role,
            forms: &forms,
            form,
        }
    }
    .text(lang)
}
