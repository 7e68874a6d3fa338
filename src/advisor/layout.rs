//! From the analysis to system users: drafts per relationship type and F
//! option, self-on-client, team splits (D), merging, names and `why:` lines.

use super::texts::{Name, Names, Text};
use super::*;

impl Analysis<'_> {
    pub(super) fn layout(&self, f: FOption, facts: &Facts) -> Layout {
        let (drafts, notes) = self.drafts(f);
        Layout {
            notes,
            ..self.finish(drafts, facts)
        }
    }

    /// The layout's system users before they are named and given their
    /// clients (one each), with the layout's notes.
    pub(super) fn drafts(&self, f: FOption) -> (Vec<Draft>, Vec<Text>) {
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
        (drafts, notes)
    }

    /// One base system user per (relationship, package set); F's extras as
    /// combinations (option 1) or left to the per-service pass (option 2).
    pub(super) fn er_drafts(&self, f: FOption, drafts: &mut Vec<Draft>) {
        let mut groups: HashMap<(Relationship, PkgSet), usize, FastHash> = HashMap::default();
        let mut list: Vec<ErGroup> = Vec::new();
        for (i, shape) in self.shapes.iter().enumerate() {
            let Place::Er { bases, extras, .. } = &shape.place else {
                continue;
            };
            let i = i as u32;
            for (k, (rel, base)) in bases.iter().enumerate() {
                let g = *groups.entry((*rel, *base)).or_insert_with(|| {
                    list.push(ErGroup {
                        rel: *rel,
                        base: *base,
                        plain: Vec::new(),
                        with_extras: HashMap::default(),
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
                    d.shapes = g.all;
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
                        d.shapes = g.plain;
                        drafts.push(d);
                    }
                    let mut combos: Vec<(PkgSet, Vec<u32>)> = g.with_extras.into_iter().collect();
                    combos.sort_by_key(|(s, _)| s.sort_key());
                    for (extras, shapes) in combos {
                        let mut d = Draft::new(
                            SystemUserType::Client,
                            Origin::FCombination,
                            Some(g.rel),
                            g.base,
                            extras,
                        );
                        d.shapes = shapes;
                        drafts.push(d);
                    }
                }
            }
        }
    }

    /// Per-service extras (option 2), then clients served only by delegation,
    /// one system user per package combination (G, C).
    pub(super) fn delegated_drafts(&self, f: FOption, drafts: &mut Vec<Draft>) {
        if f == FOption::PerService {
            let mut per_service: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
            for (i, shape) in self.shapes.iter().enumerate() {
                if let Place::Er { extras, .. } = &shape.place {
                    for e in extras.iter() {
                        per_service.entry(e).or_default().push(i as u32);
                    }
                }
            }
            for (e, shapes) in per_service {
                let mut set = PkgSet::default();
                set.insert(e);
                let mut d = Draft::new(
                    SystemUserType::Client,
                    Origin::FService,
                    None,
                    PkgSet::default(),
                    set,
                );
                d.shapes = shapes;
                drafts.push(d);
            }
        }
        let mut combos: HashMap<PkgSet, Vec<u32>, FastHash> = HashMap::default();
        for (i, shape) in self.shapes.iter().enumerate() {
            let parts = match &shape.place {
                Place::Delegated(parts) => parts,
                Place::Er { loose, .. } => loose,
            };
            for set in parts {
                combos.entry(*set).or_default().push(i as u32);
            }
        }
        let several = combos.len() > 1;
        let mut combos: Vec<(PkgSet, Vec<u32>)> = combos.into_iter().collect();
        combos.sort_by_key(|(s, _)| s.sort_key());
        for (set, shapes) in combos {
            let mut d = Draft::new(
                SystemUserType::Client,
                Origin::Delegated { several },
                None,
                PkgSet::default(),
                set,
            );
            d.shapes = shapes;
            drafts.push(d);
        }
    }

    /// Scenario H simplified: with the option on, the organisation itself goes
    /// on a delegated client system user that carries all its own packages,
    /// when every package there is assignable; the standard one then goes.
    pub(super) fn self_on_client(&self, drafts: &mut Vec<Draft>, notes: &mut Vec<Text>) {
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
            notes.push(Text::HSelfOnClientAvailable);
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
                notes.push(Text::HSimplifiedNote);
            }
            None => notes.push(Text::HKeepsStandard {
                codes: self.universe.codes(own),
            }),
        }
    }

    /// Scenario D: every system user is cut so each part carries only the
    /// packages one set of teams handles, and names those teams.
    pub(super) fn split_by_team(&self, drafts: Vec<Draft>, notes: &mut Vec<Text>) -> Vec<Draft> {
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
            notes.push(Text::DUnhandled { codes: unhandled });
        }
        out
    }

    /// Names, external refs and reasons; drafts become system users. Their
    /// names and `why:` are left empty for [`AdviceTexts`] to word.
    pub(super) fn finish(&self, drafts: Vec<Draft>, facts: &Facts) -> Layout {
        let ctx = WhyContext {
            multi_kind: facts.kinds.len() >= 2,
            has_delegated: self.shapes.iter().any(|s| match &s.place {
                Place::Delegated(_) => true,
                Place::Er { loose, .. } => !loose.is_empty(),
            }),
        };
        let teams = &self.plan.teams;
        let team_names =
            |d: &Draft| -> Vec<String> { d.teams.iter().map(|&t| teams[t].name.clone()).collect() };
        let names = Names {
            names: drafts
                .iter()
                .map(|d| (self.name(d), team_names(d)))
                .collect(),
        };
        let whys: Vec<Text> = drafts.iter().map(|d| self.why(d, ctx)).collect();
        // External refs come from the English names, so they are the same in
        // every language and the end-user system's configuration never changes.
        let refs = numbered(names.text(Lang::En).iter().map(|n| slug(n)).collect(), "-");
        let lists: Vec<&[u32]> = drafts.iter().map(|d| d.shapes.as_slice()).collect();
        let clients = self.clients_of(&lists);
        let system_users = drafts
            .into_iter()
            .zip(refs)
            .zip(clients)
            .map(|((d, external_ref), clients)| {
                let mut access_packages = self.universe.codes(d.base);
                access_packages.extend(self.universe.codes(d.extra));
                SystemUser {
                    teams: team_names(&d),
                    name: String::new(),
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
                    clients,
                    include_self: d.include_self,
                    why: None,
                }
            })
            .collect();
        Layout {
            system_users,
            names,
            whys,
            notes: Vec::new(),
        }
    }

    /// A draft's name, as data.
    pub(super) fn name(&self, d: &Draft) -> Name {
        if d.kind == SystemUserType::Standard {
            return Name::OwnReporting;
        }
        let extras = self.universe.codes(d.extra);
        match d.rel {
            Some(rel) if !d.base.is_empty() => Name::Relationship {
                rel,
                property: self.is_property(d.base),
                extras,
            },
            _ => {
                let sub_entities = !d.shapes.is_empty()
                    && d.shapes.iter().all(|&s| self.shapes[s as usize].sub_entity);
                match d.origin {
                    Origin::Delegated { several: false } if !d.split => Name::Group {
                        sub_entities,
                        services: None,
                    },
                    Origin::Delegated { .. } => Name::Group {
                        sub_entities,
                        services: Some(extras),
                    },
                    _ => Name::Services(extras),
                }
            }
        }
    }

    /// Whether a base includes `forretningsforer-eiendom`, which names a
    /// business manager's system user "Property management".
    pub(super) fn is_property(&self, base: PkgSet) -> bool {
        let eiendom = self.universe.index.get("forretningsforer-eiendom");
        eiendom.is_some_and(|&i| base.contains(i))
    }

    pub(super) fn why(&self, d: &Draft, ctx: WhyContext) -> Text {
        let WhyContext {
            multi_kind,
            has_delegated,
        } = ctx;
        let teams: Vec<String> = d
            .teams
            .iter()
            .map(|&t| self.plan.teams[t].name.clone())
            .collect();
        if d.split {
            return if teams.is_empty() {
                Text::DCutNoTeam
            } else {
                Text::DCut { teams }
            };
        }
        if d.include_self {
            return Text::HSimplifiedWhy;
        }
        let rel = d.rel;
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
                extras: self.universe.codes(d.extra),
            },
            Origin::FService => Text::F2Service {
                extras: self.universe.codes(d.extra),
            },
            Origin::Delegated { .. } => {
                let subs = d.shapes.iter().all(|&s| self.shapes[s as usize].sub_entity);
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
        };
        if teams.is_empty() {
            s
        } else {
            Text::OnlyTeams {
                why: Box::new(s),
                teams,
            }
        }
    }
}

/// What every system user's reason depends on, read once.
#[derive(Clone, Copy)]
pub(super) struct WhyContext {
    /// Two or more relationship types (scenario C).
    pub(super) multi_kind: bool,
    /// Some clients are served through delegation alone (G, H).
    pub(super) has_delegated: bool,
}

/// A layout with its names, reasons and notes as data, not yet worded.
pub(super) struct Layout {
    /// Named and reasoned by `names` and `whys`, in the same order.
    pub(super) system_users: Vec<SystemUser>,
    pub(super) names: Names,
    pub(super) whys: Vec<Text>,
    pub(super) notes: Vec<Text>,
}

pub(super) struct ErGroup {
    pub(super) rel: Relationship,
    pub(super) base: PkgSet,
    pub(super) plain: Vec<u32>,
    pub(super) with_extras: HashMap<PkgSet, Vec<u32>, FastHash>,
    pub(super) all: Vec<u32>,
}

/// Why a draft exists, for its name and `why:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
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
pub(super) struct Draft {
    pub(super) kind: SystemUserType,
    pub(super) origin: Origin,
    /// The ER relationship of `base`.
    pub(super) rel: Option<Relationship>,
    /// Packages from the ER role.
    pub(super) base: PkgSet,
    /// Delegated packages (F's extras, or all of a delegated-only group's).
    pub(super) extra: PkgSet,
    /// The shapes whose clients it takes (`Analysis::shapes`).
    pub(super) shapes: Vec<u32>,
    pub(super) include_self: bool,
    pub(super) teams: Vec<usize>,
    /// Cut out of a larger system user by team (D).
    pub(super) split: bool,
}

impl Draft {
    pub(super) fn new(
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
            shapes: Vec::new(),
            include_self: false,
            teams: Vec::new(),
            split: false,
        }
    }

    pub(super) fn packages(&self) -> PkgSet {
        self.base.union(self.extra)
    }
}

/// Never two system users that could be one: drafts with the same type,
/// packages, teams and legal basis (an ER role, or direct delegation) become
/// one, with all their clients (and the organisation itself when either
/// included it). Different legal bases stay apart (scenario C).
pub(super) fn merge(drafts: Vec<Draft>) -> Vec<Draft> {
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
                target.shapes.extend(d.shapes);
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
        d.shapes.sort_unstable();
        d.shapes.dedup();
    }
    out
}

pub(super) fn push_unique(v: &mut Vec<String>, code: &str) {
    if !v.iter().any(|c| c == code) {
        v.push(code.to_string());
    }
}

pub(super) fn count(names: &[String]) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for n in names {
        *m.entry(n.clone()).or_insert(0) += 1;
    }
    m
}

/// Makes every entry unique by appending ` 2`, ` 3`, … (or `-2`, …) to repeats.
pub(super) fn numbered(items: Vec<String>, sep: &str) -> Vec<String> {
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

/// "sick leave + salary": every service, so names stay as distinct as the
/// package sets they stand for.
pub(super) fn join_services(names: &[&str], lower: bool) -> String {
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
pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}
