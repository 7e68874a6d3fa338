//! The plan file (`../shared/spec/plan-format.md`): the model. Loading (with
//! errors a person can act on) is in [`load`], writing it back in [`write`].
//!
//! Field names are public interface. Loading is strict (unknown fields are
//! refused, with a suggestion) because a misspelt field silently ignored would
//! make `check` judge a plan the user did not write.

pub mod load;
pub mod write;

pub use load::{
    LoadError, Loaded, MAX_CLIENTS, MAX_FILE_BYTES, Position, SourceMap, Subject, load, load_arg,
    load_as, load_in_background, load_with_source, parse, parse_bytes,
};
pub use write::{save, to_yaml};

use crate::orgnr::Orgnr;
pub use crate::role::{ErRole, Relationship};
use crate::scalar::{de_parsed, string_display};
use crate::text::did_you_mean;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The organisation forms of Enhetsregisteret (Brønnøysund's code list).
pub const UNIT_TYPES: &[&str] = &[
    "AAFY", "ADOS", "ANNA", "ANS", "AS", "ASA", "BA", "BBL", "BEDR", "BO", "BRL", "DA", "ENK",
    "EOFG", "ESEK", "FKF", "FLI", "FYLK", "GFS", "IKJP", "IKS", "KBO", "KF", "KIRK", "KOMM", "KS",
    "KTRF", "NUF", "OPMV", "ORGL", "PERS", "PK", "PRE", "SA", "SAM", "SE", "SF", "SPA", "STAT",
    "STI", "SÆR", "TVAM", "UTLA", "VPFO",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(default = "one", deserialize_with = "de_version")]
    pub version: u32,
    pub organisation: Organisation,
    pub system: System,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own_packages: Vec<PackageRef>,
    #[serde(default, skip_serializing_if = "Options::is_default")]
    pub options: Options,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "de_clients"
    )]
    pub clients: Vec<Client>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<Team>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub system_users: Vec<SystemUser>,
    /// Written by `advise`; read back so a plan round-trips.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<Advice>,
}

fn one() -> u32 {
    1
}

/// The client list, refused as soon as it passes [`MAX_CLIENTS`] rather than
/// after all of it is built.
fn de_clients<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Client>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Vec<Client>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_CLIENTS));
            while let Some(client) = seq.next_element()? {
                if out.len() == MAX_CLIENTS {
                    return Err(serde::de::Error::custom(format!(
                        "more than {} clients; larger client lists are refused",
                        crate::text::thousands(MAX_CLIENTS)
                    )));
                }
                out.push(client);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(V)
}

fn de_version<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = u32::deserialize(d)?;
    if v == 1 {
        Ok(v)
    } else {
        Err(serde::de::Error::custom(format!(
            "unsupported plan version {v}; this sysuser reads version 1"
        )))
    }
}

/// An organisation unit: orgnr and name (operational units).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub orgnr: Orgnr,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub orgnr: Orgnr,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_type: Option<UnitType>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operational_units: Vec<Unit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct System {
    pub id: String,
    pub vendor: Orgnr,
    #[serde(default)]
    pub access_packages: Vec<PackageRef>,
    #[serde(default = "yes")]
    pub visible: bool,
    #[serde(default)]
    pub locally_installed: bool,
    /// The system's name as people see it (`name` in the register entry).
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub name: Texts,
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub description: Texts,
    /// The vendor's Maskinporten client ids (`clientId`); never a key or secret.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maskinporten_client_ids: Vec<String>,
    /// `allowedRedirectUrls`; the first is sent as each request's `redirectUrl`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redirect_urls: Vec<String>,
}

/// A text in Altinn's three languages; what only the vendor knows, so it is
/// never filled in by sysuser.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nb: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nn: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Texts {
    pub fn is_empty(&self) -> bool {
        self.nb.is_empty() && self.nn.is_empty() && self.en.is_empty()
    }
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Options {
    #[serde(default)]
    pub self_on_client_system_user: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub f_option: Option<FOption>,
}

impl Options {
    fn is_default(&self) -> bool {
        *self == Options::default()
    }
}

/// Scenario F's two layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FOption {
    /// Option 1: one system user per package combination.
    #[serde(alias = "option-1")]
    PerCombination,
    /// Option 2: a shared base plus one system user per extra service.
    #[serde(alias = "option-2")]
    PerService,
}

impl FOption {
    pub fn as_str(self) -> &'static str {
        match self {
            FOption::PerCombination => "per-combination",
            FOption::PerService => "per-service",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Client {
    pub orgnr: Orgnr,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_type: Option<UnitType>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub er_roles: Vec<ErRole>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delegated: Vec<PackageRef>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sub_entity: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operational_units: Vec<Unit>,
}

impl Client {
    /// Whether the organisation has any relationship with this client that
    /// Access Management would list (an ER role or a direct delegation).
    pub fn has_relationship(&self) -> bool {
        !self.er_roles.is_empty() || !self.delegated.is_empty()
    }

    /// "Client A AS (312655985)", or just the number when unnamed.
    pub fn label(&self) -> String {
        if self.name.is_empty() {
            self.orgnr.to_string()
        } else {
            format!("{} ({})", self.name, self.orgnr)
        }
    }
}

/// An organisation form, upper case, one of [`UNIT_TYPES`] (held as that
/// entry: no allocation per client).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnitType(&'static str);

impl UnitType {
    pub fn parse(s: &str) -> Result<UnitType, String> {
        let t = s.trim();
        if let Some(known) = UNIT_TYPES.iter().find(|u| u.eq_ignore_ascii_case(t)) {
            return Ok(UnitType(known));
        }
        let up = t.to_uppercase();
        if let Some(known) = UNIT_TYPES.iter().find(|u| **u == up) {
            Ok(UnitType(known))
        } else {
            let hint = did_you_mean(&up, UNIT_TYPES.iter().copied())
                .map(|m| format!("; did you mean `{m}`?"))
                .unwrap_or_else(|| {
                    "; expected an organisation form such as AS, ENK, ESEK, BRL, NUF, KOMM or ORGL"
                        .into()
                });
            Err(format!("unknown organisation form `{s}`{hint}"))
        }
    }

    pub fn as_str(&self) -> &str {
        self.0
    }
}

string_display!(UnitType);

impl<'de> Deserialize<'de> for UnitType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de_parsed(
            d,
            "an organisation form such as AS, ENK, ESEK, BRL, NUF, KOMM or ORGL",
            UnitType::parse,
        )
    }
}

/// An access package as the plan names it: short code or URN, kept as the
/// short code. Whether the code exists is the engine's finding
/// (`unknown-package`), not a load error, so every such mistake is reported at once.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PackageRef(String);

impl PackageRef {
    pub fn new(code_or_urn: &str) -> PackageRef {
        let t = code_or_urn.trim();
        PackageRef(
            t.strip_prefix(crate::catalog::URN_PREFIX)
                .unwrap_or(t)
                .to_string(),
        )
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    pub fn package(&self) -> Option<&'static crate::catalog::Package> {
        crate::catalog::catalog().get(&self.0)
    }
}

string_display!(PackageRef);

impl<'de> Deserialize<'de> for PackageRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        de_parsed(d, "an access package code such as `merverdiavgift`", |v| {
            if v.trim().is_empty() {
                Err("empty access package; expected a code such as `merverdiavgift`".into())
            } else {
                Ok(PackageRef::new(v))
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handles: Vec<Handle>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// What a team handles: a relationship kind or an access package.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Handle {
    Relationship(Relationship),
    Package(PackageRef),
}

impl Serialize for Handle {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Handle::Relationship(r) => s.serialize_str(r.as_str()),
            Handle::Package(p) => s.serialize_str(p.code()),
        }
    }
}

impl<'de> Deserialize<'de> for Handle {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let t = s.trim();
        Ok(Relationship::parse(t)
            .map(Handle::Relationship)
            .unwrap_or_else(|| Handle::Package(PackageRef::new(t))))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SystemUserType {
    Standard,
    /// Altinn's `agent`: a system user for client relationships.
    #[serde(alias = "agent")]
    Client,
}

impl SystemUserType {
    pub fn as_str(self) -> &'static str {
        match self {
            SystemUserType::Standard => "standard",
            SystemUserType::Client => "client",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SystemUser {
    pub name: String,
    #[serde(default)]
    pub external_ref: String,
    #[serde(rename = "type")]
    pub kind: SystemUserType,
    #[serde(default)]
    pub access_packages: Vec<PackageRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clients: Vec<Orgnr>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub include_self: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<String>,
    /// Why the advisor recommends it (written by `advise`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

impl SystemUser {
    /// The external ref Altinn uses: an empty one means the organisation number.
    pub fn effective_external_ref<'a>(&'a self, plan: &'a Plan) -> &'a str {
        if self.external_ref.is_empty() {
            plan.organisation.orgnr.as_str()
        } else {
            &self.external_ref
        }
    }
}

/// What `advise` adds beside the layout.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    #[serde(default)]
    pub scenarios: Vec<String>,
    #[serde(default)]
    pub decision_path: Vec<DecisionStep>,
    /// Clients no layout can serve, by name, with the reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unserved: Vec<Unserved>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionStep {
    /// The question's id in the decision tree.
    pub question: String,
    pub answer: String,
    #[serde(default)]
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unserved {
    pub client: Orgnr,
    #[serde(default)]
    pub name: String,
    pub reason: String,
}

impl Plan {
    pub fn client(&self, orgnr: &Orgnr) -> Option<&Client> {
        self.clients.iter().find(|c| &c.orgnr == orgnr)
    }

    /// A situation has no layout yet.
    pub fn is_situation(&self) -> bool {
        self.system_users.is_empty()
    }
}

const TOP_FIELDS: &[&str] = &[
    "version",
    "organisation",
    "system",
    "own_packages",
    "options",
    "clients",
    "teams",
    "system_users",
    "advice",
];

/// Suggestions for misspelt top-level fields, for callers that report them
/// without serde (kept beside the list the loader enforces).
pub fn top_level_fields() -> &'static [&'static str] {
    TOP_FIELDS
}
