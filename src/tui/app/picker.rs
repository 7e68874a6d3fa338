//! The searchable package picker: one list of the catalog's organisation packages.

use super::*;

/// Which list of packages a picker edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickTarget {
    System,
    Own,
    Delegated,
    /// The packages a team handles (the team dialog).
    TeamPackages,
    /// A system user's packages, from the layout editor.
    Layout(LayoutPick),
}

/// The searchable package picker over the catalog's organisation packages.
#[derive(Debug, Clone)]
pub struct Picker {
    pub target: PickTarget,
    pub filter: TextLine,
    pub filtering: bool,
    pub sel: usize,
    pub chosen: Vec<PackageRef>,
    /// Indices into `catalog().packages()` that match the filter.
    pub matches: Vec<usize>,
    /// Packages listed before the rest (the system's, when picking a client's delegations).
    pub first: Vec<PackageRef>,
    /// When set, only these packages are offered (a system user's: the register's that fit it).
    pub only: Option<Vec<PackageRef>>,
}

impl Picker {
    pub fn new(target: PickTarget, chosen: Vec<PackageRef>) -> Picker {
        let mut p = Picker {
            target,
            filter: TextLine::default(),
            filtering: false,
            sel: 0,
            chosen,
            matches: Vec::new(),
            first: Vec::new(),
            only: None,
        };
        p.refilter();
        p
    }

    pub(crate) fn refilter(&mut self) {
        let all = catalog().packages();
        let hits: Vec<&str> = catalog()
            .search(self.filter.as_str())
            .filter(|p| !p.is_person_package())
            .filter(|p| {
                self.only
                    .as_ref()
                    .is_none_or(|only| only.iter().any(|o| o.code() == p.code))
            })
            .map(|p| p.code.as_str())
            .collect();
        self.matches = all
            .iter()
            .enumerate()
            .filter(|(_, p)| hits.contains(&p.code.as_str()))
            .map(|(i, _)| i)
            .collect();
        // Stable: the listed packages first, then those the search word
        // means, then the rest, each part in catalog order.
        let first = &self.first;
        let meant = crate::catalog::meant_by(self.filter.as_str());
        self.matches.sort_by_key(|&i| {
            let code = all[i].code.as_str();
            (
                !first.iter().any(|p| p.code() == code),
                !meant.contains(&code),
            )
        });
        self.sel = self.sel.min(self.matches.len().saturating_sub(1));
    }

    /// The picker with `first` listed before the other packages.
    pub fn listing_first(mut self, first: Vec<PackageRef>) -> Picker {
        self.first = first;
        self.refilter();
        self
    }

    /// The picker offering only `packages`.
    pub fn only(mut self, packages: Vec<PackageRef>) -> Picker {
        self.only = Some(packages);
        self.refilter();
        self
    }

    pub fn is_chosen(&self, code: &str) -> bool {
        self.chosen.iter().any(|c| c.code() == code)
    }

    pub(crate) fn toggle(&mut self) {
        let Some(&i) = self.matches.get(self.sel) else {
            return;
        };
        let code = &catalog().packages()[i].code;
        if let Some(pos) = self.chosen.iter().position(|c| c.code() == code) {
            self.chosen.remove(pos);
        } else {
            self.chosen.push(PackageRef::new(code));
        }
    }

    /// Handles a key; `true` when the picker is done (Esc outside the filter).
    pub(crate) fn on(&mut self, key: KeyEvent) -> bool {
        if self.filtering {
            match key.code {
                KeyCode::Esc => {
                    self.filter.clear();
                    self.filtering = false;
                    self.refilter();
                }
                KeyCode::Enter | KeyCode::Down | KeyCode::Tab => self.filtering = false,
                _ => {
                    if self.filter.edit(key) {
                        self.sel = 0;
                        self.refilter();
                    }
                }
            }
            return false;
        }
        match key.code {
            KeyCode::Char('/') => {
                self.filtering = true;
                self.filter.clear();
                self.refilter();
            }
            KeyCode::Char(' ') | KeyCode::Enter => self.toggle(),
            KeyCode::Esc | KeyCode::Backspace => return true,
            code => move_sel(&mut self.sel, self.matches.len(), code),
        }
        false
    }
}

/// The relationship types a team handles, picked from every type there is
/// (each ER role, then delegation in Altinn): the only values Altinn and the
/// engine know, so nothing is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationshipPicker {
    pub chosen: Vec<Relationship>,
    pub sel: usize,
}

impl RelationshipPicker {
    pub fn new(chosen: Vec<Relationship>) -> RelationshipPicker {
        RelationshipPicker { chosen, sel: 0 }
    }

    /// The types listed, in [`Relationship::all`]'s order.
    pub fn list() -> Vec<Relationship> {
        Relationship::all().collect()
    }

    /// Handles a key; `true` when the picker is done (Esc).
    pub(crate) fn on(&mut self, key: KeyEvent) -> bool {
        let all = Self::list();
        match key.code {
            KeyCode::Char(' ') | KeyCode::Enter => {
                let Some(&r) = all.get(self.sel) else {
                    return false;
                };
                match self.chosen.iter().position(|c| *c == r) {
                    Some(i) => {
                        self.chosen.remove(i);
                    }
                    None => {
                        self.chosen.push(r);
                        // Kept in the list's order, as the plan file shows them.
                        self.chosen.sort_by_key(|c| all.iter().position(|x| x == c));
                    }
                }
            }
            KeyCode::Esc | KeyCode::Backspace => return true,
            code => move_sel(&mut self.sel, all.len(), code),
        }
        false
    }
}
