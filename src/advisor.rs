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

mod layout;
mod pkgset;
mod texts;

use crate::catalog::catalog;
pub use crate::catalog::service_name_in;
use crate::decision;
use crate::lang::Lang;
use crate::orgnr::{FastHash, Orgnr};
use crate::plan::{
    Advice, Client, DecisionStep, ErRole, FOption, Handle, Plan, Relationship, SystemUser,
    SystemUserType, Unserved,
};
use crate::text::slug;
use layout::{join_services, lower_first, push_unique};
use pkgset::{PkgSet, Universe};
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
    Study::of_in(plan, lang).recommend(f_option)
}

/// The advisor's reading of one plan (every client placed by its legal
/// basis), made once and asked many questions: the wizard's analysis of a
/// revision (`crate::analysis`) takes the facts, F's numbers, the default F
/// option and both options' layouts from one `Study`, where calling
/// [`facts`], [`f_numbers`], [`default_f_option`] and [`recommend`] reads
/// every client again for each. The answers are those functions' answers.
pub struct Study<'p>(Analysis<'p>);

impl<'p> Study<'p> {
    /// Reads `plan`, with the texts (reasons, remarks, names) in `lang`.
    pub fn of_in(plan: &'p Plan, lang: Lang) -> Study<'p> {
        Study(Analysis::of_in(plan, lang))
    }

    /// [`facts`].
    pub fn facts(&self) -> Facts {
        self.0.facts()
    }

    /// [`f_numbers_in`].
    pub fn f_numbers(&self) -> FNumbers {
        self.0.f_numbers()
    }

    /// [`default_f_option`].
    pub fn default_f_option(&self) -> FOption {
        self.0.default_f_option()
    }

    /// [`recommend_in`].
    pub fn recommend(&self, f_option: Option<FOption>) -> Recommendation {
        recommendation(&self.0, f_option)
    }
}

fn recommendation(analysis: &Analysis, f_option: Option<FOption>) -> Recommendation {
    let lang = analysis.lang;
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

/// Role outcomes by (role, organisation form): there are few forms, many
/// clients, so each role's forms are a short list searched in place.
struct RoleCache<'a> {
    /// By `ErRole::index`: each form seen with the role, and its outcome's index.
    at: Vec<Vec<(Option<&'a str>, usize)>>,
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
        let mut op_units: HashMap<&Orgnr, &str, FastHash> = HashMap::default();
        for u in &plan.organisation.operational_units {
            op_units.insert(&u.orgnr, plan.organisation.name.as_str());
        }
        for c in &plan.clients {
            for u in &c.operational_units {
                op_units.entry(&u.orgnr).or_insert(c.name.as_str());
            }
        }
        let mut seen: HashSet<&Orgnr, FastHash> =
            HashSet::with_capacity_and_hasher(plan.clients.len(), FastHash::default());
        let mut roles = RoleCache {
            at: ErRole::all().map(|_| Vec::new()).collect(),
            outcomes: Vec::new(),
        };
        let mut delegated_class: HashMap<&str, Option<usize>, FastHash> = HashMap::default();
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
        delegated_class: &mut HashMap<&'a str, Option<usize>, FastHash>,
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
            let known = roles.at[role.index()].iter().find(|(f, _)| *f == form);
            let k = match known {
                Some(&(_, k)) => k,
                None => {
                    let o = self.role_outcome(role, form);
                    // Only the client roles' own packages are worth asking the
                    // vendor for; a managing director's role gives nearly all.
                    if !o.gives.is_empty() && role.index() < 3 {
                        self.role_missing.extend(o.missing.iter().copied());
                    }
                    roles.outcomes.push(o);
                    let k = roles.outcomes.len() - 1;
                    roles.at[role.index()].push((form, k));
                    k
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
