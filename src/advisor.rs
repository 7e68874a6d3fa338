//! The advisor: from a situation, the layout the guidance prescribes, and why.
//!
//! Two steps. [`Analysis::of`] reads the facts once: which packages each
//! client can give that the system register entry has, on which legal basis
//! (ER role or direct delegation), and which clients no layout can serve;
//! clients placed alike share one shape (`read.rs`), so what follows works
//! on a few shapes, not on every client.
//! [`Analysis::layout`] then groups the shapes into system users by the
//! guidance's rules: one per relationship type (B, C), F's two options for
//! extra delegated packages, team splits (D), own reporting (A, E, H).
//! The decision tree's answers ([`crate::decision`]) read the same analysis,
//! so the path shown and the layout written cannot disagree.

mod layout;
mod pkgset;
mod read;
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
use read::{NO_SHAPE, Place, Shape};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
pub use texts::{Name, Names, Text};

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
    /// Named and reasoned in the language asked for.
    pub system_users: Vec<SystemUser>,
    /// Worded in the language asked for.
    pub advice: Advice,
    /// The F option the layout uses (the plan's, or the default for its numbers).
    pub f_option: FOption,
    /// The names, reasons and notes as data, for wording them again.
    pub texts: AdviceTexts,
}

/// Everything a recommendation says, as data: its system users' names and
/// reasons, its notes, why clients are unserved, and the facts the decision
/// path follows from. [`AdviceTexts::word`] words it in either language, so a
/// front end switches language without analysing the plan again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AdviceTexts {
    pub names: Names,
    /// Each system user's `why:`, in the layout's order.
    pub whys: Vec<Text>,
    pub notes: Vec<Text>,
    /// Each unserved client's reason, in `advice.unserved` order.
    pub unserved: Vec<Text>,
    pub facts: Facts,
}

impl AdviceTexts {
    /// Words the layout's names and reasons and the advice in `lang`: the
    /// recommendation these texts came with, or the same layout reviewed.
    pub fn word(&self, lang: Lang, system_users: &mut [SystemUser], advice: &mut Advice) {
        debug_assert_eq!(system_users.len(), self.whys.len(), "not this layout");
        debug_assert_eq!(
            advice.unserved.len(),
            self.unserved.len(),
            "not this advice"
        );
        for ((su, name), why) in system_users
            .iter_mut()
            .zip(self.names.text(lang))
            .zip(&self.whys)
        {
            su.name = name;
            su.why = Some(why.text(lang));
        }
        advice.notes = self.notes.iter().map(|t| t.text(lang)).collect();
        for (u, why) in advice.unserved.iter_mut().zip(&self.unserved) {
            u.reason = why.text(lang);
        }
        advice.decision_path = decision_path(&self.facts, lang);
    }
}

/// The decision tree's seven answers, as `advice.decision_path` writes them.
fn decision_path(facts: &Facts, lang: Lang) -> Vec<DecisionStep> {
    decision::QUESTIONS
        .iter()
        .map(|q| {
            let a = decision::answer_from_in(q, facts, lang);
            DecisionStep {
                question: q.id.to_string(),
                answer: if a.yes { "yes" } else { "no" }.to_string(),
                why: a.why,
            }
        })
        .collect()
}

/// The layout for `plan` with scenario F's option forced to `f_option`
/// (`None`: the plan's choice, else the default for its numbers). `compare`
/// calls this once per option.
pub fn recommend(plan: &Plan, f_option: Option<FOption>) -> Recommendation {
    recommend_in(plan, f_option, Lang::En)
}

/// [`recommend`] with its texts in `lang`.
pub fn recommend_in(plan: &Plan, f_option: Option<FOption>, lang: Lang) -> Recommendation {
    Study::of(plan).recommend(f_option, lang)
}

/// The advisor's reading of one plan (every client placed by its legal
/// basis), made once and asked many questions: the wizard's analysis of a
/// revision (`crate::analysis`) takes the facts, F's numbers, the default F
/// option and both options' layouts from one `Study`, where calling
/// [`facts`], [`f_numbers`], [`default_f_option`] and [`recommend`] reads
/// every client again for each. The answers are those functions' answers.
pub struct Study<'p>(Analysis<'p>);

impl<'p> Study<'p> {
    /// Reads `plan`. What it says is data until asked for in a language.
    pub fn of(plan: &'p Plan) -> Study<'p> {
        Study(Analysis::of(plan))
    }

    /// [`facts`].
    pub fn facts(&self) -> Facts {
        self.0.facts()
    }

    /// [`f_numbers_in`].
    pub fn f_numbers(&self, lang: Lang) -> FNumbers {
        self.0.f_numbers(lang)
    }

    /// [`default_f_option`].
    pub fn default_f_option(&self) -> FOption {
        self.0.default_f_option()
    }

    /// [`recommend_in`].
    pub fn recommend(&self, f_option: Option<FOption>, lang: Lang) -> Recommendation {
        recommendation(&self.0, f_option, lang)
    }

    /// How many system users [`Study::recommend`] gives for `f_option`,
    /// without naming them or listing their clients: what `compare` shows
    /// of the option not taken.
    pub fn system_user_count(&self, f_option: Option<FOption>) -> usize {
        let f = f_option.unwrap_or_else(|| self.0.default_f_option());
        self.0.drafts(f).0.len()
    }
}

fn recommendation(analysis: &Analysis, f_option: Option<FOption>, lang: Lang) -> Recommendation {
    let f = f_option.unwrap_or_else(|| analysis.default_f_option());
    let facts = analysis.facts();
    let mut layout = analysis.layout(f, &facts);
    let mut advice = Advice {
        scenarios: analysis.scenarios(&facts),
        decision_path: Vec::new(),
        unserved: analysis.unserved.clone(),
        notes: Vec::new(),
    };
    let texts = AdviceTexts {
        names: layout.names,
        whys: layout.whys,
        notes: [analysis.notes(), layout.notes].concat(),
        unserved: analysis.unserved_why.clone(),
        facts,
    };
    texts.word(lang, &mut layout.system_users, &mut advice);
    Recommendation {
        system_users: layout.system_users,
        advice,
        f_option: f,
        texts,
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

impl FNumbers {
    /// Names the groups and combinations as `advise` names their system
    /// users in `lang`; the numbers stay as they are.
    pub fn name_in(&mut self, lang: Lang) {
        for g in &mut self.groups {
            let property = g.base.iter().any(|c| c == "forretningsforer-eiendom");
            let no_extras: &[&str] = &[];
            g.name = texts::relationship_with(g.relationship, property, no_extras, lang);
            for c in &mut g.combinations {
                c.name = texts::relationship_with(g.relationship, property, &c.extras, lang);
            }
        }
    }
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
    Analysis::of(plan).f_numbers(lang)
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

/// The facts of a plan, read once.
struct Analysis<'p> {
    plan: &'p Plan,
    universe: Universe,
    /// Own packages on the system that the organisation itself can be given.
    own_usable: PkgSet,
    own_not_in_system: Vec<String>,
    own_not_assignable: Vec<String>,
    own_unknown: Vec<String>,
    /// Each client's shape (an index into `shapes`), or [`NO_SHAPE`].
    shape_of: Vec<u32>,
    /// The served clients' shapes, in the order their first client comes.
    shapes: Vec<Shape>,
    /// The number of clients of each shape.
    shape_clients: Vec<usize>,
    /// Each ER role's client-only packages on the system, indexed by `ErRole as usize`.
    families: Vec<PkgSet>,
    /// Clients no layout can serve; their reasons are in `unserved_why`.
    unserved: Vec<Unserved>,
    unserved_why: Vec<Text>,
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
    remarks: Vec<Text>,
    remarks_left_off: usize,
}

/// At most this many per-client remarks are written; the rest are counted.
const MAX_REMARKS: usize = 20;

impl<'p> Analysis<'p> {
    fn of(plan: &'p Plan) -> Analysis<'p> {
        let universe = Universe::of(plan);
        let mut a = Analysis {
            plan,
            universe,
            own_usable: PkgSet::default(),
            own_not_in_system: Vec::new(),
            own_not_assignable: Vec::new(),
            own_unknown: Vec::new(),
            shape_of: Vec::with_capacity(plan.clients.len()),
            shapes: Vec::new(),
            shape_clients: Vec::new(),
            families: Vec::new(),
            unserved: Vec::new(),
            unserved_why: Vec::new(),
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

    /// The served shapes with their clients' numbers.
    fn served(&self) -> impl Iterator<Item = (&Shape, usize)> {
        self.shapes.iter().zip(self.shape_clients.iter().copied())
    }

    fn facts(&self) -> Facts {
        let mut counts: BTreeMap<Relationship, usize> = BTreeMap::new();
        let mut sub_entities = 0;
        let mut f_clients = 0;
        let mut extras = PkgSet::default();
        for (shape, n) in self.served() {
            match &shape.place {
                Place::Er {
                    bases, extras: e, ..
                } => {
                    for (rel, _) in bases {
                        *counts.entry(*rel).or_default() += n;
                    }
                    if !e.is_empty() {
                        f_clients += n;
                        extras = extras.union(*e);
                    }
                }
                Place::Delegated(_) => *counts.entry(Relationship::Delegated).or_default() += n,
            }
            if shape.sub_entity {
                sub_entities += n;
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

    fn f_numbers(&self, lang: Lang) -> FNumbers {
        /// One ER base, with its shapes without and with extras.
        struct G {
            rel: Relationship,
            base: PkgSet,
            plain: Vec<u32>,
            combos: HashMap<PkgSet, Vec<u32>, FastHash>,
        }
        let mut at: HashMap<(Relationship, PkgSet), usize, FastHash> = HashMap::default();
        let mut groups: Vec<G> = Vec::new();
        let mut all = PkgSet::default();
        let mut n = FNumbers::default();
        for (s, (shape, count)) in self.served().enumerate() {
            let Place::Er { bases, extras, .. } = &shape.place else {
                continue;
            };
            let s = s as u32;
            for (k, (rel, base)) in bases.iter().enumerate() {
                let g = *at.entry((*rel, *base)).or_insert_with(|| {
                    groups.push(G {
                        rel: *rel,
                        base: *base,
                        plain: Vec::new(),
                        combos: HashMap::default(),
                    });
                    groups.len() - 1
                });
                if k == 0 && !extras.is_empty() {
                    groups[g].combos.entry(*extras).or_default().push(s);
                    all = all.union(*extras);
                    n.f_clients += count;
                    n.extra_links += extras.len() * count;
                } else {
                    groups[g].plain.push(s);
                }
            }
        }
        groups.retain(|g| !g.combos.is_empty());
        groups.sort_by_key(|g| (g.rel, g.base.sort_key()));
        /// Each combination of extras with its shapes, in the order people read.
        type Combos = Vec<(PkgSet, Vec<u32>)>;
        let groups: Vec<(G, Combos)> = groups
            .into_iter()
            .map(|mut g| {
                let mut combos: Vec<_> = std::mem::take(&mut g.combos).into_iter().collect();
                combos.sort_by_key(|(s, _)| s.sort_key());
                (g, combos)
            })
            .collect();
        // Every group's plain clients, then its combinations' clients, in one pass.
        let lists: Vec<&[u32]> = groups
            .iter()
            .flat_map(|(g, combos)| {
                std::iter::once(g.plain.as_slice()).chain(combos.iter().map(|(_, v)| v.as_slice()))
            })
            .collect();
        let mut clients = self.clients_of(&lists).into_iter();
        let codes = |s: PkgSet| -> Vec<String> {
            self.universe
                .codes(s)
                .into_iter()
                .map(String::from)
                .collect()
        };
        n.groups = groups
            .iter()
            .map(|(g, combos)| {
                let plain_clients = clients.next().unwrap_or_default();
                FGroup {
                    relationship: g.rel,
                    base: codes(g.base),
                    plain_clients,
                    combinations: combos
                        .iter()
                        .map(|(s, _)| FCombination {
                            name: String::new(),
                            extras: codes(*s),
                            clients: clients.next().unwrap_or_default(),
                        })
                        .collect(),
                    name: String::new(),
                }
            })
            .collect();
        n.extra_services = codes(all);
        n.name_in(lang);
        n
    }

    /// The clients of each list of shapes, in the plan's order, each once:
    /// the one pass over every client that a layout or F's numbers need.
    fn clients_of(&self, lists: &[&[u32]]) -> Vec<Vec<Orgnr>> {
        let mut targets: Vec<Vec<u32>> = vec![Vec::new(); self.shapes.len()];
        let mut out: Vec<Vec<Orgnr>> = Vec::with_capacity(lists.len());
        for (k, shapes) in lists.iter().enumerate() {
            let mut len = 0;
            for &s in *shapes {
                let t = &mut targets[s as usize];
                if t.last() != Some(&(k as u32)) {
                    t.push(k as u32);
                    len += self.shape_clients[s as usize];
                }
            }
            out.push(Vec::with_capacity(len));
        }
        for (c, &s) in self.plan.clients.iter().zip(&self.shape_of) {
            if s != NO_SHAPE {
                for &k in &targets[s as usize] {
                    out[k as usize].push(c.orgnr.clone());
                }
            }
        }
        out
    }

    fn default_f_option(&self) -> FOption {
        let extras = self
            .shapes
            .iter()
            .fold(PkgSet::default(), |acc, s| match &s.place {
                Place::Er { extras, .. } => acc.union(*extras),
                Place::Delegated(_) => acc,
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
    fn notes(&self) -> Vec<Text> {
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
                codes: client_only.iter().map(|c| c.to_string()).collect(),
            });
        }
        if plan.system.locally_installed && plan.system.vendor != plan.organisation.orgnr {
            notes.push(Text::LocalWithOtherVendor {
                vendor: plan.system.vendor.as_str().into(),
                orgnr: plan.organisation.orgnr.as_str().into(),
            });
        }
        if plan.system.locally_installed {
            notes.push(Text::ERegistersItself);
            notes.push(Text::EOwnMaskinporten);
            notes.push(Text::ENeverVendorKey);
        }
        for code in &self.own_not_in_system {
            notes.push(Text::OwnNotInSystem { code: code.clone() });
        }
        for code in &self.own_not_assignable {
            notes.push(Text::OwnNotAssignable { code: code.clone() });
        }
        for code in &self.own_unknown {
            notes.push(Text::OwnUnknown {
                code: code.clone(),
                near: catalog().nearest_codes(code, 3),
            });
        }
        if !self.role_missing.is_empty() {
            notes.push(Text::RolesGiveMissing {
                codes: self.role_missing.iter().copied().collect(),
            });
        }
        for (code, n) in &self.missing {
            notes.push(Text::DelegatedMissing {
                clients: *n,
                code: code.clone(),
            });
        }
        for (code, n) in &self.client_only_delegated {
            notes.push(Text::ClientOnlyDelegatedNote {
                clients: *n,
                code: code.clone(),
            });
        }
        for code in &self.not_delegable {
            notes.push(Text::NotDelegableForClients { code: code.clone() });
        }
        for (code, n) in &self.unknown_delegated {
            notes.push(Text::DelegatedUnknown {
                clients: *n,
                code: code.clone(),
                near: catalog().nearest_codes(code, 3),
            });
        }
        notes.extend(self.remarks.iter().cloned());
        if self.remarks_left_off > 0 {
            notes.push(Text::MoreRemarks {
                count: self.remarks_left_off,
            });
        }
        notes
    }
}
