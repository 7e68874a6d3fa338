//! Limits checked before the general YAML parser builds anything: its cost
//! grows with the square of the flow nesting depth, and it expands every
//! alias in full.

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use std::cell::Cell;
use std::fmt;

/// The error text that tells an exhausted budget from a YAML error.
pub const OVER_BUDGET: &str = "sysuser: alias expansion budget exhausted";

/// Where `[`/`{` first nest deeper than `max`: a linear scan that follows
/// YAML's quoting and comments. Where it cannot be sure (a quote in block
/// context is taken to end with its line), it counts more brackets, never
/// fewer, so no input gets past it to the parser.
pub fn flow_too_deep(text: &str, max: usize) -> Option<(usize, usize)> {
    scan(text, max).too_deep
}

/// The offset of the first alias (`*name` where a value starts), if any.
pub fn first_alias(text: &str) -> Option<usize> {
    if !may_have_alias(text) {
        return None;
    }
    scan(text, usize::MAX).first_alias
}

#[derive(Default)]
struct Scan {
    too_deep: Option<(usize, usize)>,
    first_alias: Option<usize>,
}

fn scan(text: &str, max: usize) -> Scan {
    let mut found = Scan::default();
    let b = text.as_bytes();
    let blank = |i: usize| i >= b.len() || matches!(b[i], b' ' | b'\t' | b'\r' | b'\n');
    let mut depth = 0usize;
    // Whether a node may begin here (so a quote or bracket opens one).
    let mut node_start = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => {
                if depth == 0 {
                    node_start = true;
                }
            }
            b' ' | b'\t' | b'\r' => {}
            b'#' if i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' if node_start => {
                i += 1;
                while i < b.len() {
                    match b[i] {
                        b'\\' if c == b'"' => i += 1,
                        b'\'' if c == b'\'' && b.get(i + 1) == Some(&b'\'') => i += 1,
                        q if q == c => break,
                        b'\n' if depth == 0 => break,
                        _ => {}
                    }
                    i += 1;
                }
                node_start = false;
            }
            b'[' | b'{' if node_start || depth > 0 => {
                depth += 1;
                if depth > max {
                    found.too_deep = Some((i, max));
                    return found;
                }
                node_start = true;
            }
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                node_start = false;
            }
            b',' if depth > 0 => node_start = true,
            b':' | b'?' | b'-' if blank(i + 1) => node_start = true,
            // Anchors and tags stand before a node; skip them.
            b'&' | b'!' if node_start => {
                let ends_flow_item = |i: usize| depth > 0 && matches!(b[i], b',' | b']' | b'}');
                while !blank(i) && !ends_flow_item(i) {
                    i += 1;
                }
                continue;
            }
            b'*' if node_start => {
                found.first_alias.get_or_insert(i);
                node_start = false;
            }
            _ => node_start = false,
        }
        i += 1;
    }
    found
}

/// Whether the text may hold a YAML alias (`*name`), cheaply and never wrongly "no".
pub fn may_have_alias(text: &str) -> bool {
    text.as_bytes().contains(&b'*')
}

/// Walks the document as the general parser would deserialise it, aliases
/// expanded, counting values without keeping any: an error whose text holds
/// [`OVER_BUDGET`] when there are more than `budget`. Other errors are the
/// parser's to report.
pub fn expanded_nodes_within(text: &str, budget: usize) -> Result<(), serde_yaml::Error> {
    let left = Cell::new(budget);
    Count { left: &left }.deserialize(serde_yaml::Deserializer::from_str(text))
}

/// The alias used most often, to name in the message.
pub fn most_used_alias(text: &str) -> Option<String> {
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for (i, _) in text.match_indices('*') {
        let name = text[i + 1..]
            .split(|c: char| c.is_whitespace() || ",[]{}".contains(c))
            .next()
            .unwrap_or_default();
        if !name.is_empty() {
            *counts.entry(name).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(name, n)| (n, std::cmp::Reverse(name)))
        .map(|(name, _)| name.to_string())
}

#[derive(Clone, Copy)]
struct Count<'a> {
    left: &'a Cell<usize>,
}

impl Count<'_> {
    fn tick<E: serde::de::Error>(&self) -> Result<(), E> {
        match self.left.get() {
            0 => Err(E::custom(OVER_BUDGET)),
            n => {
                self.left.set(n - 1);
                Ok(())
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for Count<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

macro_rules! leaves {
    ($($f:ident($t:ty)),*) => {
        $(fn $f<E: serde::de::Error>(self, _: $t) -> Result<(), E> {
            self.tick()
        })*
    };
}

impl<'de> Visitor<'de> for Count<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    leaves!(
        visit_bool(bool),
        visit_i64(i64),
        visit_u64(u64),
        visit_i128(i128),
        visit_u128(u128),
        visit_f64(f64),
        visit_str(&str),
        visit_bytes(&[u8])
    );
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.tick()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.tick()?;
        self.deserialize(d)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.tick()?;
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.tick()?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.tick()?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        self.tick()?;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_in_flow_and_not_in_text() {
        assert_eq!(flow_too_deep("a: [[[x]]]\n", 2), Some((5, 2)));
        assert_eq!(flow_too_deep("a: [[x]]\n", 2), None);
        assert_eq!(flow_too_deep("a: '[[[['\nb: x [[[[\n# [[[[\n", 2), None);
        // A quoted `]` does not close a bracket.
        assert_eq!(
            flow_too_deep("a: [ \"]\", [ \"]\", [ x ] ] ]\n", 2),
            Some((17, 2))
        );
        assert_eq!(flow_too_deep("a: [ &x [ !t [ y ] ] ]\n", 2), Some((13, 2)));
    }

    #[test]
    fn aliases_are_found_where_values_start() {
        assert_eq!(first_alias("a: &x [1]\nb: *x\n"), Some(13));
        assert_eq!(first_alias("a: [&x 1, *x]\n"), Some(10));
        assert_eq!(first_alias("a: 'x *y'\nb: x *y\n# *z\n"), None);
    }

    #[test]
    fn alias_expansion_is_counted() {
        let bomb = "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n";
        assert!(expanded_nodes_within(bomb, 120).is_ok());
        let e = expanded_nodes_within(bomb, 50).unwrap_err();
        assert!(e.to_string().contains(OVER_BUDGET), "{e}");
        assert_eq!(most_used_alias(bomb).as_deref(), Some("a"));
    }
}
