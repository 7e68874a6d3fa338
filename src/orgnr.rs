//! Norwegian organisation numbers.
//!
//! The plan format requires 9 digits (a shape error is a load error, exit 2);
//! whether the check digit is right is a finding (`invalid-orgnr`), because a
//! plan with a mistyped number is still worth checking for everything else.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::hash::{Hash, Hasher};

/// A 9-digit organisation number, as written in the plan: the ASCII digits
/// inline, so a million clients and their links cost no allocation each and
/// a clone is a copy of nine bytes. Bytes compare as the text does. (Not
/// `Copy`, so that code written for the `String` it was stays unchanged.)
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Orgnr([u8; 9]);

/// Hashes the nine digits as one number: with [`FastHash`], a map over a
/// million clients costs a multiplication per lookup instead of SipHash
/// over a string. Equal numbers have equal digits, so this agrees with `Eq`.
impl Hash for Orgnr {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_u32(self.key());
    }
}

/// A hasher for maps keyed by [`Orgnr`] (or by small integers): one
/// multiply-and-fold per key. Not resistant to chosen collisions, which a
/// plan of valid organisation numbers cannot produce in any number that matters.
#[derive(Default, Clone, Copy)]
pub struct OrgnrHasher(u64);

impl Hasher for OrgnrHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// Build [`OrgnrHasher`]s: `HashMap<&Orgnr, V, FastHash>`.
pub type FastHash = std::hash::BuildHasherDefault<OrgnrHasher>;

impl Orgnr {
    /// Accepts exactly 9 ASCII digits (surrounding spaces and inner spaces, as
    /// people write `310 202 398`, are removed).
    pub fn parse(s: &str) -> Result<Orgnr, String> {
        if let Some(o) = Orgnr::digits(s.as_bytes()) {
            return Ok(o);
        }
        let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(o) = Orgnr::digits(compact.as_bytes()) {
            Ok(o)
        } else {
            let shown: String = s.chars().take(40).collect();
            Err(format!(
                "expected an organisation number of 9 digits, found `{shown}`"
            ))
        }
    }

    /// Exactly nine ASCII digits, else `None`.
    fn digits(b: &[u8]) -> Option<Orgnr> {
        let d: [u8; 9] = b.try_into().ok()?;
        d.iter().all(u8::is_ascii_digit).then_some(Orgnr(d))
    }

    pub fn as_str(&self) -> &str {
        // Always nine ASCII digits (see `digits`), so always UTF-8.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The nine digits as a number (0 to 999,999,999).
    pub fn key(&self) -> u32 {
        self.0.iter().fold(0u32, |n, b| {
            n.wrapping_mul(10)
                .wrapping_add(u32::from(b.wrapping_sub(b'0')))
        })
    }

    /// The mod-11 check: weights 3,2,7,6,5,4,3,2 over the first 8 digits;
    /// 11 means 0 and 10 means no valid number has these first digits.
    pub fn has_valid_check_digit(&self) -> bool {
        const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
        // No allocation: `check` runs this for every client of large plans.
        let b = &self.0;
        let digit = |i: usize| b.get(i).map_or(10, |d| u32::from(d.wrapping_sub(b'0')));
        let sum: u32 = WEIGHTS.iter().enumerate().map(|(i, w)| digit(i) * w).sum();
        match 11 - sum % 11 {
            11 => digit(8) == 0,
            10 => false,
            c => digit(8) == c,
        }
    }

    /// Completes 8 digits with their check digit, if one exists. Used by the
    /// plan generator and by tests to make valid numbers.
    pub fn with_check_digit(first8: u32) -> Option<Orgnr> {
        let s = format!("{first8:08}");
        if s.len() != 8 {
            return None;
        }
        (0..10)
            .filter_map(|c| Orgnr::digits(format!("{s}{c}").as_bytes()))
            .find(Orgnr::has_valid_check_digit)
    }
}

impl fmt::Display for Orgnr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Orgnr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl fmt::Debug for Orgnr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl<'de> Deserialize<'de> for Orgnr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::scalar::de_parsed(
            d,
            "an organisation number of 9 digits, e.g. \"310202398\"",
            Orgnr::parse,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_test_organisations_are_valid() {
        for n in ["310202398", "311037889", "991825827", "974760673"] {
            assert!(Orgnr::parse(n).unwrap().has_valid_check_digit(), "{n}");
        }
    }

    #[test]
    fn wrong_check_digit_is_caught() {
        assert!(!Orgnr::parse("310202399").unwrap().has_valid_check_digit());
    }

    #[test]
    fn shape_is_enforced() {
        assert!(Orgnr::parse("12345678").is_err());
        assert!(Orgnr::parse("12345678901234567890").is_err());
        assert!(Orgnr::parse("31020239X").is_err());
        assert_eq!(Orgnr::parse("310 202 398").unwrap().as_str(), "310202398");
    }

    #[test]
    fn generated_numbers_pass() {
        for first in [31000000, 31000001, 99999999, 12345678] {
            if let Some(o) = Orgnr::with_check_digit(first) {
                assert!(o.has_valid_check_digit());
            }
        }
        assert!(Orgnr::with_check_digit(31020239).is_some());
    }
}
