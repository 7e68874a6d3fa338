//! Package sets as bits over the system register entry's packages: grouping
//! 100,000 clients by package set costs no allocation.

use crate::catalog::{Package, catalog};
use crate::plan::Plan;
use std::collections::HashMap;

/// The packages of the system register entry as bits, in registration order,
/// so grouping 100,000 clients by package set costs no allocation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct PkgSet(pub(super) [u64; 4]);

/// Word by word: with `orgnr::FastHash` a set costs four multiplications.
impl std::hash::Hash for PkgSet {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        for w in self.0 {
            h.write_u64(w);
        }
    }
}

impl PkgSet {
    pub(super) fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    pub(super) fn contains(self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    pub(super) fn union(self, o: PkgSet) -> PkgSet {
        PkgSet(std::array::from_fn(|k| self.0[k] | o.0[k]))
    }
    pub(super) fn intersect(self, o: PkgSet) -> PkgSet {
        PkgSet(std::array::from_fn(|k| self.0[k] & o.0[k]))
    }
    pub(super) fn minus(self, o: PkgSet) -> PkgSet {
        PkgSet(std::array::from_fn(|k| self.0[k] & !o.0[k]))
    }
    pub(super) fn is_empty(self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
    pub(super) fn len(self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
    pub(super) fn iter(self) -> impl Iterator<Item = usize> {
        (0..256).filter(move |&i| self.contains(i))
    }
    /// Small sets first, then by registration order: the order people read.
    pub(super) fn sort_key(self) -> (usize, Vec<usize>) {
        (self.len(), self.iter().collect())
    }
}

/// The system register entry's usable packages (known, organisation
/// packages), deduplicated, in the order the vendor registered them.
pub(super) struct Universe {
    pub(super) packages: Vec<&'static Package>,
    pub(super) index: HashMap<&'static str, usize>,
}

impl Universe {
    pub(super) fn of(plan: &Plan) -> Universe {
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

    pub(super) fn codes(&self, set: PkgSet) -> Vec<&'static str> {
        set.iter().map(|i| self.packages[i].code.as_str()).collect()
    }
}
