//! ER roles and relationship types: the legal bases a client relationship
//! rests on.
//!
//! Altinn counts every role assignment to the provider except `supplier` as a
//! client relationship (RULES.md). The roles are read from the built-in
//! ER-role table: every role with an ER code that gives an organisation
//! delegable packages. Each is its own relationship type and legal basis.

use crate::catalog::{Role, catalog};
use crate::lang::Lang;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::OnceLock;

/// An ER role the organisation holds for a client, by its position in
/// [`ErRole::all`]. The three the guidance names come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ErRole(u8);

/// The roles of the ER-role table that make client relationships, with
/// regnskapsfører, revisor and forretningsfører first.
fn client_roles() -> &'static [&'static Role] {
    static ROLES: OnceLock<Vec<&'static Role>> = OnceLock::new();
    ROLES.get_or_init(|| {
        const FIRST: [&str; 3] = ["regnskapsforer", "revisor", "forretningsforer"];
        let gives_delegable = |r: &Role| {
            r.packages.iter().any(|rp| {
                catalog()
                    .get(&rp.package)
                    .is_some_and(|p| p.is_delegable && !p.is_person_package())
            })
        };
        let mut roles: Vec<&'static Role> =
            FIRST.iter().filter_map(|id| catalog().role(id)).collect();
        roles.extend(catalog().roles().iter().filter(|r| {
            r.er_code.is_some() && gives_delegable(r) && !FIRST.contains(&r.role.as_str())
        }));
        roles
    })
}

/// The role ids, for "unknown value" messages.
fn role_ids() -> &'static [&'static str] {
    static IDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    IDS.get_or_init(|| client_roles().iter().map(|r| r.role.as_str()).collect())
}

impl ErRole {
    pub const REGNSKAPSFORER: ErRole = ErRole(0);
    pub const REVISOR: ErRole = ErRole(1);
    pub const FORRETNINGSFORER: ErRole = ErRole(2);

    /// Every ER role that makes a client relationship, in [`ErRole`] order.
    pub fn all() -> impl Iterator<Item = ErRole> {
        (0..client_roles().len()).map(|i| ErRole(i as u8))
    }

    /// Its position in [`ErRole::all`], for tables indexed by role.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    fn role(self) -> &'static Role {
        client_roles()[self.index()]
    }

    /// The role id in the catalog's ER-role table (`regnskapsforer`).
    pub fn as_str(self) -> &'static str {
        &self.role().role
    }

    /// The code Enhetsregisteret uses (`REGN`).
    pub fn er_code(self) -> &'static str {
        self.role().er_code.as_deref().unwrap_or_default()
    }

    /// Its name in English or bokmål, as the ER-role table gives it.
    pub fn name(self, nb: bool) -> &'static str {
        if nb {
            &self.role().name_nb
        } else {
            &self.role().name_en
        }
    }

    /// Its name in running text, lower case with its code: "daglig leder (DAGL)".
    pub fn label(self, nb: bool) -> &'static str {
        static LABELS: OnceLock<Vec<[String; 2]>> = OnceLock::new();
        let labels = LABELS.get_or_init(|| {
            ErRole::all()
                .map(|r| {
                    [false, true]
                        .map(|nb| format!("{} ({})", r.name(nb).to_lowercase(), r.er_code()))
                })
                .collect()
        });
        &labels[self.index()][usize::from(nb)]
    }

    /// A role by id or ER code, in any case (`regnskapsforer`, `REGN`, `FFØR`, `FFOR`).
    /// Allocates nothing: plans name a role per client, a million times.
    pub fn parse(s: &str) -> Option<ErRole> {
        let t = s.trim();
        Self::all().find(|r| {
            r.as_str().eq_ignore_ascii_case(t) || folded_eq(t, &folded_codes()[r.index()])
        })
    }
}

/// Each role's ER code in upper case with `Ø` as `O` (`FFØR` → `FFOR`), by index.
fn folded_codes() -> &'static [String] {
    static CODES: OnceLock<Vec<String>> = OnceLock::new();
    CODES.get_or_init(|| ErRole::all().map(|r| fold(r.er_code())).collect())
}

/// Upper case with `Ø` read as `O`, so `ffør`, `FFØR` and `FFOR` are one code.
fn fold(s: &str) -> String {
    s.to_uppercase().replace('Ø', "O")
}

/// `fold(t) == folded`, without building `fold(t)`.
fn folded_eq(t: &str, folded: &str) -> bool {
    t.chars()
        .flat_map(char::to_uppercase)
        .map(|c| if c == 'Ø' { 'O' } else { c })
        .eq(folded.chars())
}

impl fmt::Display for ErRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ErRole {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErRole {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Reads the text where it is (no `String` per role of every client).
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = ErRole;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<ErRole, E> {
                ErRole::parse(s).ok_or_else(|| E::unknown_variant(s, role_ids()))
            }
        }
        d.deserialize_str(V)
    }
}

/// A relationship type as teams and the advisor name it: an ER role, or
/// packages the client delegated directly in Altinn. Each is its own legal basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relationship {
    Role(ErRole),
    Delegated,
}

impl Relationship {
    pub const REGNSKAPSFORER: Relationship = Relationship::Role(ErRole::REGNSKAPSFORER);
    pub const REVISOR: Relationship = Relationship::Role(ErRole::REVISOR);
    pub const FORRETNINGSFORER: Relationship = Relationship::Role(ErRole::FORRETNINGSFORER);

    /// Every relationship type: each ER role, then direct delegation.
    pub fn all() -> impl Iterator<Item = Relationship> {
        ErRole::all()
            .map(Relationship::Role)
            .chain([Relationship::Delegated])
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Role(r) => r.as_str(),
            Relationship::Delegated => "delegated",
        }
    }

    /// How the guidance names it in prose: "registered accountant",
    /// "registrert regnskapsfører"; other roles as the ER-role table names them.
    pub fn label_in(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Relationship::REGNSKAPSFORER, Lang::En) => "registered accountant",
            (Relationship::REVISOR, Lang::En) => "registered auditor",
            (Relationship::FORRETNINGSFORER, Lang::En) => "business manager (forretningsfører)",
            (Relationship::Delegated, Lang::En) => "delegated in Altinn",
            (Relationship::REGNSKAPSFORER, Lang::Nb) => "registrert regnskapsfører",
            (Relationship::REVISOR, Lang::Nb) => "registrert revisor",
            (Relationship::FORRETNINGSFORER, Lang::Nb) => "forretningsfører",
            (Relationship::Delegated, Lang::Nb) => "delegert i Altinn",
            (Relationship::Role(r), _) => r.label(lang == Lang::Nb),
        }
    }

    pub fn er_role(self) -> Option<ErRole> {
        match self {
            Relationship::Role(r) => Some(r),
            Relationship::Delegated => None,
        }
    }

    /// A relationship type by name: `delegated`, or an ER role by id or code.
    pub fn parse(s: &str) -> Option<Relationship> {
        if s.trim() == "delegated" {
            Some(Relationship::Delegated)
        } else {
            ErRole::parse(s).map(Relationship::Role)
        }
    }
}

impl From<ErRole> for Relationship {
    fn from(r: ErRole) -> Self {
        Relationship::Role(r)
    }
}

impl Serialize for Relationship {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Relationship {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Relationship::parse(&s).ok_or_else(|| serde::de::Error::unknown_variant(&s, role_ids()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_with_delegable_organisation_packages_and_the_old_aliases() {
        let codes: Vec<&str> = ErRole::all().map(ErRole::er_code).collect();
        assert_eq!(
            codes,
            [
                "REGN", "REVI", "FFØR", "DAGL", "LEDE", "INNH", "DTSO", "DTPR", "KOMP", "BEST",
                "BOBE", "KNUF", "REPR"
            ]
        );
        for (s, r) in [
            ("regnskapsforer", ErRole::REGNSKAPSFORER),
            ("REGN", ErRole::REGNSKAPSFORER),
            ("REVI", ErRole::REVISOR),
            ("FFØR", ErRole::FORRETNINGSFORER),
            ("FFOR", ErRole::FORRETNINGSFORER),
            ("ffør", ErRole::FORRETNINGSFORER),
        ] {
            assert_eq!(ErRole::parse(s), Some(r), "{s}");
        }
        assert_eq!(
            ErRole::parse("daglig-leder").map(ErRole::er_code),
            Some("DAGL")
        );
        assert_eq!(ErRole::parse("supplier"), None);
        assert_eq!(ErRole::parse("hovedadministrator"), None);
        assert_eq!(Relationship::all().count(), 14);
    }
}
