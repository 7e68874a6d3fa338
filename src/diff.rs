//! The steps from one layout to another, in the order that keeps everything
//! working, in the guidance's words.
//!
//! System users are matched by external ref first (that is how Altinn and the
//! end-user system know them: (system, organisation, external ref) is unique),
//! then, among the rest, by name (a system user whose external ref changed).
//! Unmatched old ones are deleted, unmatched new ones requested.
//!
//! Order: the vendor registers new packages on the system first (requests for
//! unregistered packages are refused, AUTH-00063); renames (plan only) come
//! next so later steps can use the new names; then new system users are
//! requested and standard ones changed; clients are added to and moved onto
//! the system users that already exist; client system users whose packages,
//! type or external ref change are replaced (their packages cannot be changed:
//! Altinn refuses change requests for them); clients are then removed and old
//! system users deleted; packages no longer needed leave the system last.

use crate::lang::Lang;
use crate::orgnr::{FastHash, Orgnr};
use crate::plan::{Plan, SystemUser, SystemUserType};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

mod texts;

/// A client in a step: its number and, where either plan names it, its name.
/// Borrowed from the plans: a diff of a million clients holds no copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ClientRef<'a> {
    pub orgnr: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub name: &'a str,
}

impl ClientRef<'_> {
    /// "Name (orgnr)", or the number alone.
    pub fn label(&self) -> String {
        if self.name.is_empty() {
            self.orgnr.to_string()
        } else {
            format!("{} ({})", self.name, self.orgnr)
        }
    }
}

/// A system user as a step names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuRef {
    pub name: String,
    pub external_ref: String,
}

/// One step, typed; `text` renders it for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Step<'a> {
    /// The two plans are for different systems: nothing carries over.
    ChangeSystem { from: String, to: String },
    /// The vendor adds packages to the system register entry.
    RegisterPackages {
        system: String,
        packages: Vec<String>,
    },
    RequestSystemUser {
        system_user: SuRef,
        #[serde(rename = "type")]
        kind: SystemUserType,
        packages: Vec<String>,
    },
    /// A standard system user's packages change by a change request from the vendor.
    ChangePackages {
        system_user: SuRef,
        add: Vec<String>,
        remove: Vec<String>,
    },
    /// The organisation itself on a client system user: done by an access
    /// manager in the portal after the system user exists, never part of
    /// the vendor's request.
    IncludeSelf { system_user: SuRef, include: bool },
    AddClients {
        system_user: SuRef,
        clients: Vec<ClientRef<'a>>,
    },
    MoveClients {
        from: SuRef,
        to: SuRef,
        clients: Vec<ClientRef<'a>>,
    },
    /// Delete and request again: a client system user's packages, any system
    /// user's type, and any external ref are fixed at creation.
    RecreateSystemUser {
        old: SuRef,
        new: SuRef,
        #[serde(rename = "type")]
        kind: SystemUserType,
        packages: Vec<String>,
        add: Vec<String>,
        remove: Vec<String>,
        reason: RecreateReason,
        clients: Vec<ClientRef<'a>>,
    },
    RemoveClients {
        system_user: SuRef,
        clients: Vec<ClientRef<'a>>,
    },
    DeleteSystemUser {
        system_user: SuRef,
        clients: usize,
        /// Its clients that are on no system user in the new layout.
        unserved: Vec<ClientRef<'a>>,
    },
    /// Only the plan's name changes; Altinn knows the system user by its external ref.
    Rename {
        external_ref: String,
        from: String,
        to: String,
    },
    UnregisterPackages {
        system: String,
        packages: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecreateReason {
    /// A client system user's packages change.
    Packages,
    /// Standard ↔ client.
    Type,
    ExternalRef,
}

/// All steps, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diff<'a> {
    pub steps: Vec<Step<'a>>,
}

/// A step with its number and text, as `--format json` prints it.
#[derive(Serialize)]
pub struct NumberedStep<'a> {
    pub step: usize,
    #[serde(flatten)]
    pub detail: &'a Step<'a>,
    pub text: String,
}

impl Diff<'_> {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    pub fn numbered(&self) -> Vec<NumberedStep<'_>> {
        self.numbered_in(Lang::En)
    }

    /// [`Diff::numbered`] with the texts in `lang`.
    pub fn numbered_in(&self, lang: Lang) -> Vec<NumberedStep<'_>> {
        self.steps
            .iter()
            .enumerate()
            .map(|(i, s)| NumberedStep {
                step: i + 1,
                detail: s,
                text: s.text_in(lang),
            })
            .collect()
    }

    /// Numbered steps for people.
    pub fn to_text(&self) -> String {
        self.to_text_in(Lang::En)
    }

    /// [`Diff::to_text`] in `lang`.
    pub fn to_text_in(&self, lang: Lang) -> String {
        if self.steps.is_empty() {
            return match lang {
                Lang::En => "No changes: the two layouts are the same.\n",
                Lang::Nb => "Ingen endringer: de to oppsettene er like.\n",
            }
            .into();
        }
        let width = self.steps.len().to_string().len();
        let mut out = String::new();
        for (i, s) in self.steps.iter().enumerate() {
            let mut lines = s.text_in(lang);
            let indent = " ".repeat(width + 2);
            lines = lines.replace('\n', &format!("\n{indent}"));
            out.push_str(&format!("{:>width$}. {lines}\n", i + 1));
        }
        out
    }
}

/// Which system user a link belongs to, across the two plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Pair(usize),
    Old(usize),
    New(usize),
}

/// The steps from `old` to `new`. Both must be plans of the same organisation.
pub fn diff<'a>(old: &'a Plan, new: &'a Plan) -> Result<Diff<'a>, String> {
    if old.organisation.orgnr != new.organisation.orgnr {
        return Err(format!(
            "the two plans are for different organisations ({} and {}); diff compares two layouts of one organisation",
            old.organisation.orgnr, new.organisation.orgnr
        ));
    }
    let same_system = old.system.id == new.system.id;
    let mut steps = Vec::new();

    let old_sys: BTreeSet<&str> = old
        .system
        .access_packages
        .iter()
        .map(|p| p.code())
        .collect();
    let new_sys: BTreeSet<&str> = new
        .system
        .access_packages
        .iter()
        .map(|p| p.code())
        .collect();
    if !same_system {
        steps.push(Step::ChangeSystem {
            from: old.system.id.clone(),
            to: new.system.id.clone(),
        });
    }
    let register: Vec<String> = new
        .system
        .access_packages
        .iter()
        .map(|p| p.code())
        .filter(|c| !same_system || !old_sys.contains(c))
        .map(str::to_string)
        .collect();
    let register = dedup(register);
    if !register.is_empty() {
        steps.push(Step::RegisterPackages {
            system: new.system.id.clone(),
            packages: register,
        });
    }

    // Matching: external ref, then name.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut old_used = vec![false; old.system_users.len()];
    let mut new_used = vec![false; new.system_users.len()];
    if same_system {
        for (j, n) in new.system_users.iter().enumerate() {
            let r = n.effective_external_ref(new);
            if let Some(i) = (0..old.system_users.len())
                .find(|&i| !old_used[i] && old.system_users[i].effective_external_ref(old) == r)
            {
                old_used[i] = true;
                new_used[j] = true;
                pairs.push((i, j));
            }
        }
        for (j, n) in new.system_users.iter().enumerate() {
            if new_used[j] {
                continue;
            }
            if let Some(i) = (0..old.system_users.len())
                .find(|&i| !old_used[i] && old.system_users[i].name == n.name)
            {
                old_used[i] = true;
                new_used[j] = true;
                pairs.push((i, j));
            }
        }
        pairs.sort_by_key(|&(_, j)| j);
    }

    let old_ref = |i: usize| sref(&old.system_users[i], old);
    let new_ref = |j: usize| sref(&new.system_users[j], new);
    // Every linked client numbered once: plans may have a million clients.
    let ids = Ids::of(old, new);
    let client_ref = |id: u32| ClientRef {
        orgnr: ids.orgnr[id as usize].as_str(),
        name: ids.name[id as usize],
    };

    // Requests for new system users; adding the organisation itself to one
    // is its own step, after the client links.
    let mut self_steps: Vec<Step> = Vec::new();
    for (j, n) in new.system_users.iter().enumerate() {
        if !new_used[j] {
            steps.push(Step::RequestSystemUser {
                system_user: new_ref(j),
                kind: n.kind,
                packages: pkgs(n),
            });
            if n.include_self {
                self_steps.push(Step::IncludeSelf {
                    system_user: new_ref(j),
                    include: true,
                });
            }
        }
    }

    // Per pair: what changes.
    let mut recreate = Vec::new();
    let mut renames: Vec<Step> = Vec::new();
    let mut recreated = BTreeSet::new();
    for (p, &(i, j)) in pairs.iter().enumerate() {
        let (o, n) = (&old.system_users[i], &new.system_users[j]);
        let (op, np) = (pkg_set(o), pkg_set(n));
        let add: Vec<String> = np.difference(&op).map(|s| s.to_string()).collect();
        let remove: Vec<String> = op.difference(&np).map(|s| s.to_string()).collect();
        let reason = if o.kind != n.kind {
            Some(RecreateReason::Type)
        } else if n.kind == SystemUserType::Client && op != np {
            Some(RecreateReason::Packages)
        } else if o.effective_external_ref(old) != n.effective_external_ref(new) {
            Some(RecreateReason::ExternalRef)
        } else {
            None
        };
        if let Some(reason) = reason {
            recreated.insert(p);
            recreate.push(Step::RecreateSystemUser {
                old: old_ref(i),
                new: new_ref(j),
                kind: n.kind,
                packages: pkgs(n),
                add,
                remove,
                reason,
                clients: ids.of_new(j).iter().map(|&id| client_ref(id)).collect(),
            });
            if n.include_self {
                self_steps.push(Step::IncludeSelf {
                    system_user: new_ref(j),
                    include: true,
                });
            }
            continue;
        }
        if !add.is_empty() || !remove.is_empty() {
            steps.push(Step::ChangePackages {
                system_user: new_ref(j),
                add,
                remove,
            });
        }
        if o.include_self != n.include_self {
            steps.push(Step::IncludeSelf {
                system_user: new_ref(j),
                include: n.include_self,
            });
        }
        if o.name != n.name {
            renames.push(Step::Rename {
                external_ref: n.effective_external_ref(new).to_string(),
                from: o.name.clone(),
                to: n.name.clone(),
            });
        }
    }

    // Client links, leaving out replaced system users (their step re-links them).
    let pair_of_old = |i: usize| pairs.iter().position(|&(a, _)| a == i);
    let pair_of_new = |j: usize| pairs.iter().position(|&(_, b)| b == j);
    let old_key = |i: usize| pair_of_old(i).map_or(Key::Old(i), Key::Pair);
    let new_key = |j: usize| pair_of_new(j).map_or(Key::New(j), Key::Pair);
    let skip = |k: Key| matches!(k, Key::Pair(p) if recreated.contains(&p));
    let key_ref = |k: Key| match k {
        Key::Pair(p) => new_ref(pairs[p].1),
        Key::Old(i) => old_ref(i),
        Key::New(j) => new_ref(j),
    };
    let (old_links, new_links) = (
        Links::of(&ids.old, &ids.old_at, ids.orgnr.len(), &old_key, &skip),
        Links::of(&ids.new, &ids.new_at, ids.orgnr.len(), &new_key, &skip),
    );
    let mut moves = Groups::default();
    let mut adds = Groups::default();
    let mut removes = Groups::default();
    for id in 0..ids.orgnr.len() as u32 {
        let (before, after) = (old_links.get(id), new_links.get(id));
        // Pair each link that goes with one that comes (a move); the rest
        // are adds and removes. No allocation per client.
        let mut came = after.iter().filter(|k| !before.contains(k));
        for &f in before.iter().filter(|k| !after.contains(k)) {
            match came.next() {
                Some(&t) => moves.push((f, t), client_ref(id)),
                None if !matches!(f, Key::Old(_)) => removes.push(f, client_ref(id)),
                None => {}
            }
        }
        for &t in came {
            adds.push(t, client_ref(id));
        }
    }
    // Renames come right after the system register steps, so later steps can use the new names.
    let at = steps
        .iter()
        .position(|s| !matches!(s, Step::ChangeSystem { .. } | Step::RegisterPackages { .. }))
        .unwrap_or(steps.len());
    steps.splice(at..at, renames);
    for (k, clients) in adds.list {
        steps.push(Step::AddClients {
            system_user: key_ref(k),
            clients,
        });
    }
    for ((f, t), clients) in moves.list {
        steps.push(Step::MoveClients {
            from: key_ref(f),
            to: key_ref(t),
            clients,
        });
    }
    steps.append(&mut recreate);
    steps.append(&mut self_steps);
    for (k, clients) in removes.list {
        steps.push(Step::RemoveClients {
            system_user: key_ref(k),
            clients,
        });
    }
    let mut served = vec![false; ids.orgnr.len()];
    for &id in &ids.new {
        served[id as usize] = true;
    }
    for (i, o) in old.system_users.iter().enumerate() {
        if !old_used[i] {
            steps.push(Step::DeleteSystemUser {
                system_user: old_ref(i),
                clients: o.clients.len(),
                unserved: ids
                    .of_old(i)
                    .iter()
                    .filter(|&&id| !served[id as usize])
                    .map(|&id| client_ref(id))
                    .collect(),
            });
        }
    }
    if same_system {
        let unregister: Vec<String> = old
            .system
            .access_packages
            .iter()
            .map(|p| p.code())
            .filter(|c| !new_sys.contains(c))
            .map(str::to_string)
            .collect();
        let unregister = dedup(unregister);
        if !unregister.is_empty() {
            steps.push(Step::UnregisterPackages {
                system: new.system.id.clone(),
                packages: unregister,
            });
        }
    }
    Ok(Diff { steps })
}

/// The clients on either plan's system users, numbered densely in the
/// order the steps list them (the new plan's links first), with the name
/// either plan gives each (the new plan's when both do).
struct Ids<'a> {
    orgnr: Vec<&'a Orgnr>,
    name: Vec<&'a str>,
    /// Each link's client, system user by system user, per plan.
    old: Vec<u32>,
    new: Vec<u32>,
    /// Where each system user's links start in `old` / `new`.
    old_at: Vec<usize>,
    new_at: Vec<usize>,
}

impl<'a> Ids<'a> {
    fn of(old: &'a Plan, new: &'a Plan) -> Ids<'a> {
        let links = |p: &Plan| {
            p.system_users
                .iter()
                .map(|s| s.clients.len())
                .sum::<usize>()
        };
        let mut at: HashMap<u32, u32, FastHash> =
            HashMap::with_capacity_and_hasher(links(new).max(links(old)), FastHash::default());
        let mut orgnr: Vec<&Orgnr> = Vec::new();
        let mut number = |plan: &'a Plan, ids: &mut Vec<u32>, starts: &mut Vec<usize>| {
            ids.reserve_exact(links(plan));
            for s in &plan.system_users {
                starts.push(ids.len());
                for c in &s.clients {
                    let id = *at.entry(c.key()).or_insert_with(|| {
                        orgnr.push(c);
                        orgnr.len() as u32 - 1
                    });
                    ids.push(id);
                }
            }
            starts.push(ids.len());
        };
        let (mut new_ids, mut new_at, mut old_ids, mut old_at) = Default::default();
        number(new, &mut new_ids, &mut new_at);
        number(old, &mut old_ids, &mut old_at);
        let mut name = vec![""; orgnr.len()];
        for c in old.clients.iter().chain(&new.clients) {
            if let Some(&id) = at.get(&c.orgnr.key()) {
                name[id as usize] = &c.name;
            }
        }
        Ids {
            orgnr,
            name,
            old: old_ids,
            new: new_ids,
            old_at,
            new_at,
        }
    }

    /// The clients of the old plan's `i`th system user.
    fn of_old(&self, i: usize) -> &[u32] {
        &self.old[self.old_at[i]..self.old_at[i + 1]]
    }

    fn of_new(&self, j: usize) -> &[u32] {
        &self.new[self.new_at[j]..self.new_at[j + 1]]
    }
}

/// Each client's system users in one plan (as keys, in the plan's order,
/// each once), leaving out those `skip` says: one array for all clients.
struct Links {
    /// Where each client's keys start in `keys`, and how many it has.
    at: Vec<(u32, u32)>,
    keys: Vec<Key>,
}

impl Links {
    /// `ids` and `starts`: the plan's links as [`Ids`] numbers them.
    fn of(
        ids: &[u32],
        starts: &[usize],
        clients: usize,
        key: &dyn Fn(usize) -> Key,
        skip: &dyn Fn(Key) -> bool,
    ) -> Links {
        let kept: Vec<(Key, &[u32])> = (0..starts.len().saturating_sub(1))
            .map(|i| (key(i), &ids[starts[i]..starts[i + 1]]))
            .filter(|(k, _)| !skip(*k))
            .collect();
        let mut at = vec![(0u32, 0u32); clients];
        for (_, mine) in &kept {
            for &id in *mine {
                at[id as usize].1 += 1;
            }
        }
        let mut start = 0;
        for a in &mut at {
            let n = a.1;
            *a = (start, 0);
            start += n;
        }
        let mut keys = vec![Key::Old(0); start as usize];
        for (k, mine) in &kept {
            for &id in *mine {
                let (from, n) = &mut at[id as usize];
                let (from, end) = (*from as usize, (*from + *n) as usize);
                if !keys[from..end].contains(k) {
                    keys[end] = *k;
                    *n += 1;
                }
            }
        }
        Links { at, keys }
    }

    /// The keys of client `id`.
    fn get(&self, id: u32) -> &[Key] {
        let (from, n) = self.at[id as usize];
        &self.keys[from as usize..(from + n) as usize]
    }
}

/// Clients grouped by key in the order the keys first come.
struct Groups<'a, K> {
    list: Vec<(K, Vec<ClientRef<'a>>)>,
    at: HashMap<K, usize, FastHash>,
}

impl<K> Default for Groups<'_, K> {
    fn default() -> Self {
        Groups {
            list: Vec::new(),
            at: HashMap::default(),
        }
    }
}

impl<'a, K: Copy + Eq + std::hash::Hash> Groups<'a, K> {
    fn push(&mut self, k: K, c: ClientRef<'a>) {
        let list = &mut self.list;
        let i = *self.at.entry(k).or_insert_with(|| {
            list.push((k, Vec::new()));
            list.len() - 1
        });
        self.list[i].1.push(c);
    }
}

fn sref(s: &SystemUser, plan: &Plan) -> SuRef {
    SuRef {
        name: s.name.clone(),
        external_ref: s.effective_external_ref(plan).to_string(),
    }
}

fn pkg_set(s: &SystemUser) -> BTreeSet<&str> {
    s.access_packages.iter().map(|p| p.code()).collect()
}

fn pkgs(s: &SystemUser) -> Vec<String> {
    dedup(
        s.access_packages
            .iter()
            .map(|p| p.code().to_string())
            .collect(),
    )
}

fn dedup(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(v.len());
    for s in v {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}
