//! Sets of access packages as bits: the catalog has fewer than 256 packages,
//! so a set is four words, copied and compared without allocating. The
//! advisor numbers a plan's system register entry ([`PkgSet`] over its own
//! universe); the engine numbers the whole catalog in code order
//! ([`PackageSet`]), so a client's available packages cost no allocation.

use crate::catalog::catalog;
use crate::orgnr::FastHash;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A set of small indices (below 256) as bits. What an index means is the
/// caller's universe: the advisor's system register entry, or the catalog
/// in code order ([`PackageSet`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PkgSet(pub [u64; 4]);

impl PkgSet {
    pub fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    pub fn contains(self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    pub fn union(self, o: PkgSet) -> PkgSet {
        PkgSet(std::array::from_fn(|k| self.0[k] | o.0[k]))
    }
    pub fn intersect(self, o: PkgSet) -> PkgSet {
        PkgSet(std::array::from_fn(|k| self.0[k] & o.0[k]))
    }
    pub fn minus(self, o: PkgSet) -> PkgSet {
        PkgSet(std::array::from_fn(|k| self.0[k] & !o.0[k]))
    }
    pub fn is_empty(self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
    pub fn len(self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
    /// The indices in increasing order, visiting only the set bits.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        self.0.into_iter().enumerate().flat_map(|(k, mut w)| {
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let b = w.trailing_zeros() as usize;
                    w &= w - 1;
                    k * 64 + b
                })
            })
        })
    }
    /// Small sets first, then by index order: the order people read.
    pub fn sort_key(self) -> (usize, Vec<usize>) {
        (self.len(), self.iter().collect())
    }
}

/// The catalog's package codes in code order (byte order, as a
/// `BTreeSet<&str>` sorts them), and each code's (or URN's) position there.
struct Ranks {
    codes: Vec<&'static str>,
    rank: HashMap<&'static str, u8, FastHash>,
}

fn ranks() -> &'static Ranks {
    static RANKS: OnceLock<Ranks> = OnceLock::new();
    RANKS.get_or_init(|| {
        let mut codes: Vec<&'static str> = catalog()
            .packages()
            .iter()
            .map(|p| p.code.as_str())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        assert!(codes.len() <= 256, "the catalog outgrew PackageSet");
        let rank = codes
            .iter()
            .enumerate()
            .map(|(i, c)| (*c, i as u8))
            .collect();
        Ranks { codes, rank }
    })
}

/// Packages of the built-in catalog as bits in code order: it iterates in
/// the order a `BTreeSet<&str>` of their codes would. A code or URN the
/// catalog does not know is in no set (what [`crate::catalog::Catalog::get`]
/// finds is what counts).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PackageSet(PkgSet);

impl PackageSet {
    /// The position of a code (or URN) in code order, if the catalog knows it.
    pub fn rank(code: &str) -> Option<usize> {
        let r = ranks();
        let found = |c: &str| r.rank.get(c).map(|&i| usize::from(i));
        found(code).or_else(|| found(catalog().get(code)?.code.as_str()))
    }

    /// The catalog code at a position in code order.
    pub fn code_at(rank: usize) -> &'static str {
        ranks().codes[rank]
    }

    /// The set of the codes the catalog knows, ignoring the others.
    pub fn of<'c>(codes: impl IntoIterator<Item = &'c str>) -> PackageSet {
        let mut s = PackageSet::default();
        for c in codes {
            s.insert(c);
        }
        s
    }

    /// Adds a known code; returns false (and adds nothing) for an unknown one.
    pub fn insert(&mut self, code: &str) -> bool {
        Self::rank(code).map(|r| self.0.insert(r)).is_some()
    }

    pub fn insert_rank(&mut self, rank: usize) {
        self.0.insert(rank);
    }

    pub fn contains(&self, code: &str) -> bool {
        Self::rank(code).is_some_and(|r| self.0.contains(r))
    }

    pub fn contains_rank(&self, rank: usize) -> bool {
        self.0.contains(rank)
    }

    pub fn union(self, o: PackageSet) -> PackageSet {
        PackageSet(self.0.union(o.0))
    }
    pub fn intersect(self, o: PackageSet) -> PackageSet {
        PackageSet(self.0.intersect(o.0))
    }
    pub fn minus(self, o: PackageSet) -> PackageSet {
        PackageSet(self.0.minus(o.0))
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The positions in code order.
    pub fn ranks(&self) -> impl Iterator<Item = usize> + use<> {
        self.0.iter()
    }

    /// The codes, in code order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.0.iter().map(Self::code_at)
    }
}

impl IntoIterator for PackageSet {
    type Item = &'static str;
    type IntoIter = Box<dyn Iterator<Item = &'static str>>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl IntoIterator for &PackageSet {
    type Item = &'static str;
    type IntoIter = Box<dyn Iterator<Item = &'static str>>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn iterates_like_a_sorted_set_of_codes() {
        let codes = [
            "sykefravaer",
            "a-ordning",
            "lonn",
            "ansvarlig-revisor",
            "a-ordning",
        ];
        let s = PackageSet::of(codes);
        let sorted: BTreeSet<&str> = codes.into_iter().collect();
        assert_eq!(
            s.iter().collect::<Vec<_>>(),
            sorted.into_iter().collect::<Vec<_>>()
        );
        assert_eq!(s.len(), 4);
        assert!(s.contains("urn:altinn:accesspackage:lonn"));
        assert!(!s.contains("sykmelding"));
        assert!(!PackageSet::default().insert("sykmelding"));
    }

    #[test]
    fn every_catalog_code_has_a_rank_and_comes_back() {
        for p in catalog().packages() {
            let r = PackageSet::rank(&p.code).unwrap();
            assert_eq!(PackageSet::code_at(r), p.code);
        }
    }

    #[test]
    fn bits_iterate_in_order() {
        let mut s = PkgSet::default();
        for i in [255, 0, 64, 63, 130] {
            s.insert(i);
        }
        assert_eq!(s.iter().collect::<Vec<_>>(), [0, 63, 64, 130, 255]);
        assert_eq!(s.sort_key(), (5, vec![0, 63, 64, 130, 255]));
        assert!(s.minus(s).is_empty());
    }
}
