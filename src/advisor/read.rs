//! Reading a plan's clients into shapes: each client is placed by its legal
//! basis (ER roles, direct delegation), and clients placed alike share one
//! [`Shape`]. A million clients make a handful of shapes, so the layout
//! groups shapes, and only writing the client lists visits every client.

use super::texts::Text;
use super::*;

/// What one ER role gives for one organisation form, against the system.
#[derive(Default)]
pub(super) struct RoleOutcome {
    /// Packages the role gives, the system has, and a client system user can carry.
    usable: PkgSet,
    /// Everything the role gives for this form (empty: the form does not qualify).
    gives: Vec<&'static str>,
    /// Given, delegable, but missing from the system register entry.
    missing: Vec<&'static str>,
}

/// Role outcomes by (role, organisation form): there are few forms, many
/// clients, so each role's forms are a short list searched in place.
pub(super) struct RoleCache<'a> {
    /// By `ErRole::index`: each form seen with the role, and its outcome's index.
    at: Vec<Vec<(Option<&'a str>, usize)>>,
    outcomes: Vec<RoleOutcome>,
}

/// Where the clients of one shape end up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Place {
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
}

/// Where a served client ends up, and whether it is a sub-entity: clients
/// with the same shape go on the same system users, with the same names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Shape {
    pub(super) place: Place,
    pub(super) sub_entity: bool,
}

/// Package sets word by word: every client's shape is looked up, and with
/// `orgnr::FastHash` a word costs one multiplication (a set's derived hash
/// goes byte by byte).
impl std::hash::Hash for Shape {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let set = |h: &mut H, s: &PkgSet| s.0.iter().for_each(|w| h.write_u64(*w));
        match &self.place {
            Place::Er {
                bases,
                extras,
                loose,
            } => {
                h.write_usize(bases.len());
                for (rel, s) in bases {
                    rel.hash(h);
                    set(h, s);
                }
                set(h, extras);
                h.write_usize(loose.len());
                loose.iter().for_each(|s| set(h, s));
            }
            Place::Delegated(parts) => {
                h.write_usize(usize::MAX);
                parts.iter().for_each(|s| set(h, s));
            }
        }
        h.write_u8(u8::from(self.sub_entity));
    }
}

/// `Analysis::shape_of` for a client on no system user (skipped or unserved).
pub(super) const NO_SHAPE: u32 = u32::MAX;

/// Shapes by value, and reusable buffers for the one being built, so that
/// placing a client whose shape is known allocates nothing.
#[derive(Default)]
pub(super) struct Shapes {
    ids: HashMap<Shape, u32, FastHash>,
    bases: Vec<(Relationship, PkgSet)>,
    parts: Vec<PkgSet>,
}

impl<'p> Analysis<'p> {
    pub(super) fn read_own(&mut self) {
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

    pub(super) fn read_clients(&mut self) {
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
        let repeats = repeats(plan);
        let mut roles = RoleCache {
            at: ErRole::all().map(|_| Vec::new()).collect(),
            outcomes: Vec::new(),
        };
        let mut delegated_class: HashMap<&str, Option<usize>, FastHash> = HashMap::default();
        let mut shapes = Shapes::default();
        for (i, c) in plan.clients.iter().enumerate() {
            let shape = if c.orgnr == plan.organisation.orgnr {
                self.remark(Text::IsTheOrganisation { client: c.label() });
                NO_SHAPE
            } else if repeats.get(i).copied().unwrap_or(false) {
                self.remark(Text::ListedTwice { client: c.label() });
                NO_SHAPE
            } else if let Some(main) = op_units.get(&c.orgnr) {
                self.remark(Text::IsOperationalUnit {
                    client: c.label(),
                    main: main.to_string(),
                });
                NO_SHAPE
            } else {
                match self.place_client(c, &mut roles, &mut delegated_class, &mut shapes) {
                    Some(place) => self.intern(
                        Shape {
                            place,
                            sub_entity: c.sub_entity,
                        },
                        &mut shapes,
                    ),
                    None => NO_SHAPE,
                }
            };
            self.shape_of.push(shape);
        }
    }

    /// The id of `shape`, counting one more client of it. The buffers of a
    /// shape already known go back to `shapes` for the next client.
    fn intern(&mut self, shape: Shape, shapes: &mut Shapes) -> u32 {
        let id = match shapes.ids.get(&shape) {
            Some(&id) => {
                let (bases, parts) = match shape.place {
                    Place::Er { bases, loose, .. } => (bases, loose),
                    Place::Delegated(parts) => (Vec::new(), parts),
                };
                if bases.capacity() > 0 {
                    shapes.bases = bases;
                }
                shapes.parts = parts;
                id
            }
            None => {
                let id = self.shapes.len() as u32;
                shapes.ids.insert(shape.clone(), id);
                self.shapes.push(shape);
                self.shape_clients.push(0);
                id
            }
        };
        self.shape_clients[id as usize] += 1;
        id
    }

    /// Where `c` goes; `None` when no layout can serve it (said in `unserved`).
    fn place_client<'a>(
        &mut self,
        c: &'a Client,
        roles: &mut RoleCache<'a>,
        delegated_class: &mut HashMap<&'a str, Option<usize>, FastHash>,
        shapes: &mut Shapes,
    ) -> Option<Place> {
        if !c.has_relationship() {
            self.unserve(c, Text::NoRelationship);
            return None;
        }
        let form = c.unit_type.as_ref().map(|u| u.as_str());
        let mut problems: Vec<Text> = Vec::new();
        let mut bases = std::mem::take(&mut shapes.bases);
        bases.clear();
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
                problems.push(role_gives_nothing(role, form));
            } else if outcome.usable.is_empty() {
                problems.push(Text::SystemLacksRolePackages {
                    role: Relationship::from(role),
                    gives: outcome.gives.clone(),
                });
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
        let mut package_problems: Vec<Text> = Vec::new();
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
                loose: self.split_families(foreign, std::mem::take(&mut shapes.parts)),
            }
        } else if !delegated.is_empty() {
            shapes.bases = bases;
            Place::Delegated(self.split_families(delegated, std::mem::take(&mut shapes.parts)))
        } else {
            shapes.bases = bases;
            if c.sub_entity && c.delegated.is_empty() {
                problems.push(Text::SubEntityMustDelegate);
            }
            problems.extend(package_problems);
            if problems.is_empty() {
                problems.push(Text::NothingUsable);
            }
            self.unserve(c, Text::Problems(problems));
            return None;
        };
        if !problems.is_empty() {
            self.remark(Text::ServedAnyway {
                client: c.label(),
                problems,
            });
        }
        Some(place)
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
    pub(super) fn family(&self, role: ErRole) -> PkgSet {
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

    pub(super) fn families_union(&self) -> PkgSet {
        self.families
            .iter()
            .fold(PkgSet::default(), |a, f| a.union(*f))
    }

    /// Splits a delegated set so no part holds two ER roles' families: the
    /// first family stays with the ordinary packages, each other is its own
    /// part. The parts are written into `parts` (cleared first).
    fn split_families(&self, set: PkgSet, mut parts: Vec<PkgSet>) -> Vec<PkgSet> {
        parts.clear();
        let mut first = set.minus(self.families_union());
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

    fn note_unusable_delegated(&mut self, code: &str, problems: &mut Vec<Text>) {
        match catalog().get(code) {
            None => {
                *self.unknown_delegated.entry(code.to_string()).or_default() += 1;
                problems.push(Text::NotAPackage { code: code.into() });
            }
            Some(pkg) if pkg.is_delegable && !pkg.is_assignable => {
                *self
                    .client_only_delegated
                    .entry(code.to_string())
                    .or_default() += 1;
                problems.push(Text::ClientOnlyDelegated { code: code.into() });
            }
            Some(pkg) if !pkg.is_delegable || pkg.is_person_package() => {
                self.not_delegable.insert(code.to_string());
                problems.push(Text::CannotBeDelegated { code: code.into() });
            }
            Some(_) => {
                *self.missing.entry(code.to_string()).or_default() += 1;
                problems.push(Text::SystemLacksPackage { code: code.into() });
            }
        }
    }

    /// `c` goes on no system user, for `why` (worded by the recommendation).
    fn unserve(&mut self, c: &Client, why: Text) {
        self.unserved.push(Unserved {
            client: c.orgnr.clone(),
            name: c.name.clone(),
            reason: String::new(),
        });
        self.unserved_why.push(why);
    }

    fn remark(&mut self, text: Text) {
        if self.remarks.len() < MAX_REMARKS {
            self.remarks.push(text);
        } else {
            self.remarks_left_off += 1;
        }
    }
}

/// Which clients repeat an earlier client's number (the organisation's own
/// number aside: every entry of it is said to be the organisation). Found by
/// sorting the numbers, not by a hash set: a plan's clients usually come in
/// order, which the sort sees in one pass, and a million random lookups
/// into a set that no longer fits in the cache cost more than the sort.
fn repeats(plan: &Plan) -> Vec<bool> {
    let own = plan.organisation.orgnr.key();
    let mut keys: Vec<u64> = plan
        .clients
        .iter()
        .enumerate()
        .map(|(i, c)| (u64::from(c.orgnr.key()) << 32) | i as u64)
        .collect();
    keys.sort_unstable();
    let mut repeats = vec![false; plan.clients.len()];
    for w in keys.windows(2) {
        let (a, b) = (w[0] >> 32, w[1] >> 32);
        if a == b && a != u64::from(own) {
            repeats[(w[1] & 0xffff_ffff) as usize] = true;
        }
    }
    repeats
}

pub(super) fn role_gives_nothing(role: ErRole, form: Option<&str>) -> Text {
    let forms: Vec<&str> = catalog()
        .role(role.as_str())
        .into_iter()
        .flat_map(|r| r.packages.iter())
        .filter_map(|p| p.only_if_client_unit_type.as_deref())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let role = Relationship::from(role);
    if forms.is_empty() {
        Text::RoleGivesNothing { role }
    } else {
        Text::RoleOnlyForForms {
            role,
            forms,
            form: form.map(String::from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first entry of a number is used; the organisation's own number is
    /// the organisation at every entry, an operational unit's first entry is
    /// the unit and later ones are repeats, whatever the order of the list.
    #[test]
    fn repeats_are_the_later_entries_of_a_number() {
        let mut plan = crate::generate::plan(6, 0, 1);
        let org = plan.organisation.orgnr.clone();
        let c = plan.clients.clone();
        let mut own = c[1].clone();
        own.orgnr = org;
        plan.clients = vec![
            c[3].clone(),
            own.clone(),
            c[0].clone(),
            c[3].clone(),
            own,
            c[5].clone(),
            c[0].clone(),
            c[3].clone(),
        ];
        let flags = repeats(&plan);
        assert_eq!(flags, [false, false, false, true, false, false, true, true]);
    }
}
