//! The plan's string scalars (organisation numbers, organisation forms,
//! package codes): read through a parser that says what was expected, written
//! back as the plain string. Below both `plan` and `orgnr`, so neither needs the other.

use serde::Deserializer;
use std::fmt;

/// `Display` and `Serialize` as the inner string, for the plan's string newtypes.
macro_rules! string_display {
    ($t:ty) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
    };
}
pub(crate) use string_display;

/// Deserialises a scalar through `parse`, so that a bad value is reported at
/// the value itself (not at its mapping) with what was expected. Numbers are
/// read as their digits, since people write organisation numbers unquoted.
pub(crate) fn de_parsed<'de, D: Deserializer<'de>, T>(
    d: D,
    expecting: &'static str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<T, D::Error> {
    struct V<T> {
        expecting: &'static str,
        parse: fn(&str) -> Result<T, String>,
    }
    impl<T> serde::de::Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            (self.parse)(v).map_err(E::custom)
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<T, E> {
            self.visit_str(&v.to_string())
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<T, E> {
            self.visit_str(&v.to_string())
        }
    }
    d.deserialize_any(V { expecting, parse })
}
