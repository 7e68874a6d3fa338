//! Package sets as bits over the system register entry's packages: grouping
//! 100,000 clients by package set costs no allocation.

use crate::catalog::{Package, catalog};
use crate::plan::Plan;
use std::collections::HashMap;

/// The packages of the system register entry as bits, in registration order
/// (the type is shared with the engine, which numbers the catalog instead).
pub(super) use crate::pkgset::PkgSet;

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
