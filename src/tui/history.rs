//! Undo and redo for every change to the plan.
//!
//! Each entry holds only the part of the plan a change touched (one client,
//! the system, the layout …), not a copy of the plan: at 100,000 clients a
//! copy per key would cost more than the change itself. Undoing swaps the
//! part back in and keeps what it replaced for redo.

use crate::plan::{Client, Options, Organisation, PackageRef, Plan, System, Team};

/// A part of the plan, as it was before a change.
#[derive(Debug, Clone)]
pub enum Part {
    Organisation(Organisation),
    System(System),
    OwnPackages(Vec<PackageRef>),
    Options(Options),
    Teams(Vec<Team>),
    /// The whole client list (imports, merges).
    Clients(Vec<Client>),
    /// Client `.0` was `.1`.
    Client(usize, Client),
    /// A client was added at this index.
    Added(usize),
    /// This client was removed from this index.
    Removed(usize, Client),
    /// The layout, and whether the review showed it instead of the recommendation.
    Layout {
        own_layout: bool,
        system_users: Vec<crate::plan::SystemUser>,
        advice: Option<crate::plan::Advice>,
    },
    /// The whole situation (a new start, an opened file).
    Everything(Box<Plan>, bool),
    /// Several parts changed by one edit (the organisation number also sets the vendor's).
    Group(Vec<Part>),
}

/// What the wizard edits: the plan and which layout the review shows.
pub struct Doc<'a> {
    pub plan: &'a mut Plan,
    pub own_layout: &'a mut bool,
}

impl Part {
    /// Puts this part into the document; returns what it replaced (the redo
    /// of an undo, or the undo of a redo).
    pub fn swap(self, doc: Doc<'_>) -> Part {
        let plan = doc.plan;
        match self {
            Part::Organisation(o) => {
                Part::Organisation(std::mem::replace(&mut plan.organisation, o))
            }
            Part::System(s) => Part::System(std::mem::replace(&mut plan.system, s)),
            Part::OwnPackages(p) => Part::OwnPackages(std::mem::replace(&mut plan.own_packages, p)),
            Part::Options(o) => Part::Options(std::mem::replace(&mut plan.options, o)),
            Part::Teams(t) => Part::Teams(std::mem::replace(&mut plan.teams, t)),
            Part::Clients(c) => Part::Clients(std::mem::replace(&mut plan.clients, c)),
            Part::Client(i, c) => match plan.clients.get_mut(i) {
                Some(slot) => Part::Client(i, std::mem::replace(slot, c)),
                None => Part::Client(i, c),
            },
            Part::Added(i) if i < plan.clients.len() => Part::Removed(i, plan.clients.remove(i)),
            Part::Added(i) => Part::Added(i),
            Part::Removed(i, c) => {
                let i = i.min(plan.clients.len());
                plan.clients.insert(i, c);
                Part::Added(i)
            }
            Part::Layout {
                own_layout,
                system_users,
                advice,
            } => Part::Layout {
                own_layout: std::mem::replace(doc.own_layout, own_layout),
                system_users: std::mem::replace(&mut plan.system_users, system_users),
                advice: std::mem::replace(&mut plan.advice, advice),
            },
            Part::Everything(p, own) => Part::Everything(
                Box::new(std::mem::replace(plan, *p)),
                std::mem::replace(doc.own_layout, own),
            ),
            Part::Group(parts) => {
                let mut undone: Vec<Part> = parts
                    .into_iter()
                    .rev()
                    .map(|p| {
                        p.swap(Doc {
                            plan: &mut *plan,
                            own_layout: &mut *doc.own_layout,
                        })
                    })
                    .collect();
                undone.reverse();
                Part::Group(undone)
            }
        }
    }

    /// The same part as the plan holds it now: swapped into the plan as it was
    /// before the change, it makes the plan as it is. The workers' replica
    /// takes these instead of a copy of the plan. `None` for the parts that
    /// are a whole client list or plan (an import, an opened file): the
    /// replica then copies the plan on its own thread.
    pub fn current(&self, plan: &Plan, own_layout: bool) -> Option<Part> {
        let nothing = || Part::Group(Vec::new());
        Some(match self {
            Part::Organisation(_) => Part::Organisation(plan.organisation.clone()),
            Part::System(_) => Part::System(plan.system.clone()),
            Part::OwnPackages(_) => Part::OwnPackages(plan.own_packages.clone()),
            Part::Options(_) => Part::Options(plan.options.clone()),
            Part::Teams(_) => Part::Teams(plan.teams.clone()),
            Part::Client(i, _) => match plan.clients.get(*i) {
                Some(c) => Part::Client(*i, c.clone()),
                None => nothing(),
            },
            // Added at `i`: it is there now, so the change inserts it there.
            Part::Added(i) => match plan.clients.get(*i) {
                Some(c) => Part::Removed(*i, c.clone()),
                None => nothing(),
            },
            // Removed from `i`: the change removes what was there.
            Part::Removed(i, _) => Part::Added(*i),
            Part::Layout { .. } => Part::Layout {
                own_layout,
                system_users: plan.system_users.clone(),
                advice: plan.advice.clone(),
            },
            Part::Clients(_) | Part::Everything(..) => return None,
            Part::Group(parts) => Part::Group(
                parts
                    .iter()
                    .map(|p| p.current(plan, own_layout))
                    .collect::<Option<_>>()?,
            ),
        })
    }

    /// Whether the plan still holds this part as it is: the edit changed nothing.
    pub fn is_current(&self, plan: &Plan, own_layout: bool) -> bool {
        match self {
            Part::Organisation(o) => plan.organisation == *o,
            Part::System(s) => plan.system == *s,
            Part::OwnPackages(p) => plan.own_packages == *p,
            Part::Options(o) => plan.options == *o,
            Part::Teams(t) => plan.teams == *t,
            Part::Clients(c) => plan.clients == *c,
            Part::Client(i, c) => plan.clients.get(*i) == Some(c),
            Part::Added(_) | Part::Removed(..) | Part::Everything(..) => false,
            Part::Layout {
                own_layout: own,
                system_users,
                advice,
            } => *own == own_layout && plan.system_users == *system_users && plan.advice == *advice,
            Part::Group(parts) => parts.iter().all(|p| p.is_current(plan, own_layout)),
        }
    }

    /// How many clients the entry keeps alive (to bound the history's memory).
    fn weight(&self) -> usize {
        match self {
            Part::Clients(c) => c.len(),
            Part::Everything(p, _) => p.clients.len() + p.system_users.len(),
            Part::Layout { system_users, .. } => {
                system_users.iter().map(|u| u.clients.len()).sum::<usize>() + 1
            }
            Part::Group(parts) => parts.iter().map(Part::weight).sum(),
            _ => 1,
        }
    }
}

/// Most changes kept; older ones are forgotten first.
const MAX_ENTRIES: usize = 200;
/// Most clients kept across all entries, so whole-list entries of a large
/// plan (an import, a new start) cannot hold many copies of it.
const MAX_WEIGHT: usize = 1_000_000;

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Part>,
    redo: Vec<Part>,
}

impl History {
    /// Remembers the part as it was before a change; a new change ends the redo chain.
    pub fn record(&mut self, before: Part) {
        self.redo.clear();
        self.undo.push(before);
        while self.undo.len() > MAX_ENTRIES
            || (self.undo.len() > 1
                && self.undo.iter().map(Part::weight).sum::<usize>() > MAX_WEIGHT)
        {
            self.undo.remove(0);
        }
    }

    /// Undoes the last change; returns the part it touched, as it was before
    /// the undo (`None` when there is nothing to undo).
    pub fn undo(&mut self, doc: Doc<'_>) -> Option<&Part> {
        let part = self.undo.pop()?;
        self.redo.push(part.swap(doc));
        self.redo.last()
    }

    /// Redoes the last undone change; returns the part it touched, as it was
    /// before the redo (`None` when there is nothing to redo).
    pub fn redo(&mut self, doc: Doc<'_>) -> Option<&Part> {
        let part = self.redo.pop()?;
        self.undo.push(part.swap(doc));
        self.undo.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
