//! `sysuser schema`: a JSON Schema of the plan format, for editors
//! (yaml-language-server: completion and validation).
//!
//! It is derived (`schemars`) from the very types the loader deserialises,
//! so a field added to the plan appears here without anyone remembering to.
//! The hand-written parts are the scalar types with their own parsers
//! (organisation numbers, organisation forms, package references, team
//! handles: each lists what the loader accepts, package codes from the
//! built-in catalog) and the field descriptions below; a test holds every
//! description to a field that exists and every field to a description.

use crate::catalog::{Fit, catalog};
use crate::orgnr::Orgnr;
use crate::plan::{Handle, PackageRef, Plan, Relationship, UNIT_TYPES, UnitType};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};
use std::borrow::Cow;

impl JsonSchema for Orgnr {
    fn schema_name() -> Cow<'static, str> {
        "Orgnr".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An organisation number: 9 digits, best quoted (\"310202398\"); spaces between digits are allowed.",
            "anyOf": [
                { "type": "string", "pattern": "^\\s*([0-9]\\s*){9}$" },
                { "type": "integer", "minimum": 100000000, "maximum": 999999999 }
            ]
        })
    }
}

impl JsonSchema for UnitType {
    fn schema_name() -> Cow<'static, str> {
        "UnitType".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An organisation form from Enhetsregisteret (AS, ENK, ESEK, BRL, NUF, KOMM, ORGL, …).",
            "type": "string",
            "enum": UNIT_TYPES,
        })
    }
}

/// Organisation packages a system user may carry (standard, client or both), as
/// `{const, description}` so editors show each package's names beside its code.
fn package_codes() -> Vec<Value> {
    catalog()
        .packages()
        .iter()
        .filter(|p| !p.is_person_package())
        .map(|p| {
            let fit = match p.fit() {
                Fit::Standard => "standard system users only",
                Fit::Client => "client system users only (through an ER role)",
                Fit::Both => "standard and client system users",
                Fit::Neither => "no system user",
            };
            json!({
                "const": p.code,
                "description": format!("{} / {} ({}; {fit})", p.name_nb, p.name_en, p.area_en),
            })
        })
        .collect()
}

impl JsonSchema for PackageRef {
    fn schema_name() -> Cow<'static, str> {
        "PackageRef".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut any: Vec<Value> = package_codes();
        any.push(json!({
            "type": "string",
            "pattern": "^urn:altinn:accesspackage:[a-z0-9-]+$",
            "description": "The full URN of an access package."
        }));
        json_schema!({
            "description": "An access package: its code (e.g. `merverdiavgift`) or its URN.",
            "anyOf": any,
        })
    }
}

impl JsonSchema for Handle {
    fn schema_name() -> Cow<'static, str> {
        "Handle".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let relationship = g.subschema_for::<Relationship>();
        let package = g.subschema_for::<PackageRef>();
        json_schema!({
            "description": "What a team handles: a relationship kind or an access package.",
            "anyOf": [relationship, package],
        })
    }
}

/// Descriptions for the derived schema: (definition, field) → text, from the
/// plan format's specification. `""` is the plan itself.
const DESCRIPTIONS: &[(&str, &str, &str)] = &[
    ("", "version", "The plan format's version: 1."),
    ("", "organisation", "Who owns the system users."),
    ("", "system", "The end-user system's system register entry."),
    (
        "",
        "own_packages",
        "What the organisation needs for reporting its OWN data (may be empty).",
    ),
    ("", "options", "Layout options."),
    (
        "",
        "clients",
        "The parties that have (or should have) a client relationship with the organisation.",
    ),
    (
        "",
        "teams",
        "Access control inside the end-user system (scenario D).",
    ),
    (
        "",
        "system_users",
        "The layout; absent or empty in a situation file (`sysuser advise` fills it in).",
    ),
    ("", "advice", "Written by `sysuser advise`."),
    ("Organisation", "orgnr", "The organisation's number."),
    ("Organisation", "name", "The organisation's name."),
    ("Organisation", "unit_type", "Its organisation form."),
    (
        "Organisation",
        "operational_units",
        "Underenheter; they inherit the organisation's rights.",
    ),
    ("Unit", "orgnr", "The unit's number."),
    ("Unit", "name", "The unit's name."),
    (
        "System",
        "id",
        "The system id: `<vendor orgnr>_<name>`, no spaces.",
    ),
    ("System", "vendor", "The vendor's organisation number."),
    (
        "System",
        "access_packages",
        "The packages registered on the system.",
    ),
    (
        "System",
        "visible",
        "isVisible; default true. A visible system cannot carry client-only packages.",
    ),
    (
        "System",
        "locally_installed",
        "Scenario E: installed on the organisation's own servers, or self-developed.",
    ),
    (
        "System",
        "name",
        "The register entry's name in nb, nn and en (only the vendor knows it; `requests` asks for it).",
    ),
    (
        "System",
        "description",
        "The register entry's description in nb, nn and en.",
    ),
    (
        "System",
        "maskinporten_client_ids",
        "The vendor's Maskinporten client ids (`clientId`). Ids only: never a key or secret.",
    ),
    (
        "System",
        "redirect_urls",
        "allowedRedirectUrls; the first is each request's redirectUrl.",
    ),
    ("Texts", "nb", "Bokmål."),
    ("Texts", "nn", "Nynorsk."),
    ("Texts", "en", "English."),
    (
        "Options",
        "self_on_client_system_user",
        "Altinn's \"add own organisation to a client system user\" (scenario H simplification) is available.",
    ),
    (
        "Options",
        "f_option",
        "Scenario F: per-combination (option 1) or per-service (option 2).",
    ),
    ("Client", "orgnr", "The client's number."),
    ("Client", "name", "The client's name."),
    (
        "Client",
        "unit_type",
        "The client's organisation form (decides what some ER roles give).",
    ),
    (
        "Client",
        "er_roles",
        "ER roles the ORGANISATION holds for this client.",
    ),
    (
        "Client",
        "delegated",
        "Packages this client delegated directly to the organisation in Altinn.",
    ),
    (
        "Client",
        "sub_entity",
        "An organisasjonsledd of the organisation (scenario G).",
    ),
    (
        "Client",
        "operational_units",
        "The client's underenheter; they inherit from it.",
    ),
    ("Team", "name", "The team's name."),
    (
        "Team",
        "handles",
        "Relationship kinds or package codes the team works with.",
    ),
    ("Team", "members", "User names in the end-user system."),
    (
        "SystemUser",
        "name",
        "The system user's name (sent as integrationTitle).",
    ),
    (
        "SystemUser",
        "external_ref",
        "Unique per (system, organisation); empty means the organisation number.",
    ),
    (
        "SystemUser",
        "type",
        "standard, or client (Altinn's agent).",
    ),
    (
        "SystemUser",
        "access_packages",
        "Its packages; a client system user's are fixed at creation.",
    ),
    (
        "SystemUser",
        "clients",
        "Client organisation numbers; only on client system users.",
    ),
    (
        "SystemUser",
        "include_self",
        "The organisation itself on a client system user.",
    ),
    ("SystemUser", "teams", "Which teams may use it."),
    ("SystemUser", "why", "Why the advisor recommends it."),
    (
        "Advice",
        "scenarios",
        "The guidance's scenario letters that apply.",
    ),
    (
        "Advice",
        "decision_path",
        "Each question of the decision tree with its answer.",
    ),
    (
        "Advice",
        "unserved",
        "Clients no layout can serve, with the reason.",
    ),
    ("Advice", "notes", "Further notes."),
    (
        "DecisionStep",
        "question",
        "The question's id in the decision tree.",
    ),
    ("DecisionStep", "answer", "The answer."),
    ("DecisionStep", "why", "Why."),
    ("Unserved", "client", "The client's number."),
    ("Unserved", "name", "The client's name."),
    ("Unserved", "reason", "Why no layout can serve it."),
];

/// Values the loader also accepts (serde aliases), so the schema does not
/// flag what `check` reads.
const ALIASES: &[(&str, &[&str])] = &[
    ("ErRole", &["REGN", "REVI", "FFØR", "FFOR"]),
    ("SystemUserType", &["agent"]),
    ("FOption", &["option-1", "option-2"]),
];

/// The plan format's schema.
pub fn schema() -> Value {
    let mut v = schemars::schema_for!(Plan).to_value();
    v["$id"] = json!("https://github.com/sysuser/sysuser/plan.schema.json");
    v["title"] = json!("sysuser plan");
    v["description"] = json!(
        "A sysuser plan file: an organisation's situation and its layout of Altinn system users."
    );
    v["properties"]["version"] =
        json!({ "const": 1, "default": 1, "description": "The plan format's version: 1." });
    for (def, field, text) in DESCRIPTIONS {
        if let Some(p) = property(&mut v, def, field) {
            p["description"] = json!(text);
        }
    }
    for (def, extra) in ALIASES {
        add_aliases(&mut v["$defs"][*def], extra);
    }
    v
}

/// Pretty JSON with a final newline.
pub fn to_json() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).expect("a schema serialises");
    s.push('\n');
    s
}

fn property<'v>(v: &'v mut Value, def: &str, field: &str) -> Option<&'v mut Value> {
    let node = if def.is_empty() {
        v
    } else {
        v.get_mut("$defs")?.get_mut(def)?
    };
    node.get_mut("properties")?.get_mut(field)
}

/// Adds aliases to an enum however schemars wrote it (`enum` or `oneOf` of `const`s).
fn add_aliases(def: &mut Value, extra: &[&str]) {
    if let Some(values) = def.get_mut("enum").and_then(Value::as_array_mut) {
        values.extend(extra.iter().map(|a| json!(a)));
    } else if let Some(one_of) = def.get_mut("oneOf").and_then(Value::as_array_mut) {
        one_of.push(json!({ "type": "string", "enum": extra, "description": "Also accepted." }));
    }
}

/// Every (definition, field) of the schema, for the test that holds the
/// descriptions to the fields.
pub fn fields() -> Vec<(String, String)> {
    let v = schemars::schema_for!(Plan).to_value();
    let mut out = Vec::new();
    let mut push = |def: &str, node: &Value| {
        if let Some(props) = node.get("properties").and_then(Value::as_object) {
            for k in props.keys() {
                out.push((def.to_string(), k.clone()));
            }
        }
    };
    push("", &v);
    if let Some(defs) = v.get("$defs").and_then(Value::as_object) {
        for (name, node) in defs {
            push(name, node);
        }
    }
    out
}

/// The descriptions' (definition, field) keys.
pub fn described() -> impl Iterator<Item = (&'static str, &'static str)> {
    DESCRIPTIONS.iter().map(|(d, f, _)| (*d, *f))
}
