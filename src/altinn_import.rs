//! `sysuser import-altinn DIR`: a plan from what Altinn already has, read
//! from the JSON a user saved from Altinn's read endpoints (API.md):
//!
//! | file | endpoint |
//! |---|---|
//! | `systemregister.json` | `GET /authentication/api/v1/systemregister/vendor/{systemId}` |
//! | `systemusers.json` (more pages: `systemusers-2.json`, …) | `GET /authentication/api/v1/systemuser/vendor/bysystem/{systemId}` |
//! | `agents.json` (optional) | `GET /authentication/api/v1/enduser/systemuser/agents?party={orgnr}` |
//! | `clients-{systemUserId}.json`, one per client system user | `GET /authentication/api/v1/enduser/systemuser/clients?agent={systemUserId}` |
//!
//! Then `diff current.yaml target.yaml` and `requests target.yaml --from
//! current.yaml` give the migration. Altinn's read endpoints do not say on
//! which basis a client gives its packages; the import infers it from the
//! packages Altinn let each client give (client-only packages through the ER
//! role that gives them, the rest as direct delegations) and says so in the
//! plan's header. A client that is the organisation itself is `include_self`.

use crate::catalog::catalog;
use crate::orgnr::Orgnr;
use crate::plan::{
    Client, ErRole, Options, Organisation, PackageRef, Plan, System, SystemUser, SystemUserType,
    Texts,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A file that could not be used: which file, which field, what was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    pub file: String,
    /// A JSON path such as `data[2].externalRef`; empty for the whole file.
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.field, self.message)
        }
    }
}

impl std::error::Error for ImportError {}

type Result<T> = std::result::Result<T, ImportError>;

/// One saved JSON file.
struct Doc {
    file: String,
    value: Value,
}

impl Doc {
    fn err(&self, field: &str, message: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.clone(),
            field: field.into(),
            message: message.into(),
        }
    }

    fn at<'v>(&self, v: &'v Value, path: &str, key: &str) -> Result<&'v Value> {
        v.get(key)
            .ok_or_else(|| self.err(&join(path, key), "missing"))
    }

    fn str<'v>(&self, v: &'v Value, path: &str, key: &str) -> Result<&'v str> {
        self.at(v, path, key)?
            .as_str()
            .ok_or_else(|| self.err(&join(path, key), "expected a string"))
    }

    fn opt_str<'v>(&self, v: &'v Value, path: &str, key: &str) -> Result<Option<&'v str>> {
        match v.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(self.err(&join(path, key), "expected a string")),
        }
    }

    fn array<'v>(&self, v: &'v Value, path: &str, key: &str) -> Result<&'v [Value]> {
        match v.get(key) {
            None | Some(Value::Null) => Ok(&[]),
            Some(Value::Array(a)) => Ok(a),
            Some(_) => Err(self.err(&join(path, key), "expected a list")),
        }
    }

    /// A top-level list of strings (absent: empty).
    fn strings(&self, v: &Value, key: &str) -> Result<Vec<String>> {
        self.array(v, "", key)?
            .iter()
            .enumerate()
            .map(|(i, c)| {
                c.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| self.err(&format!("{key}[{i}]"), "expected a string"))
            })
            .collect()
    }

    fn orgnr(&self, v: &Value, path: &str, key: &str) -> Result<Orgnr> {
        let s = self.str(v, path, key)?;
        let digits = s.strip_prefix("0192:").unwrap_or(s);
        Orgnr::parse(digits).map_err(|m| self.err(&join(path, key), m))
    }

    /// `[{"urn": "urn:altinn:accesspackage:…"}]` as package codes.
    fn packages(&self, v: &Value, path: &str) -> Result<Vec<PackageRef>> {
        let mut out = Vec::new();
        for (i, p) in self.array(v, path, "accessPackages")?.iter().enumerate() {
            let here = format!("{}[{i}]", join(path, "accessPackages"));
            let urn = match p {
                Value::String(s) => s.as_str(),
                _ => self.str(p, &here, "urn")?,
            };
            out.push(PackageRef::new(urn));
        }
        Ok(out)
    }

    fn texts(&self, v: &Value, path: &str, key: &str) -> Result<Texts> {
        let Some(t) = v.get(key).filter(|t| !t.is_null()) else {
            return Ok(Texts::default());
        };
        let here = join(path, key);
        if !t.is_object() {
            return Err(self.err(&here, "expected an object with nb, nn and en"));
        }
        let get = |l: &str| -> Result<String> {
            Ok(self.opt_str(t, &here, l)?.unwrap_or_default().to_string())
        };
        Ok(Texts {
            nb: get("nb")?,
            nn: get("nn")?,
            en: get("en")?,
        })
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// At most this many bytes per file: Altinn's answers are far smaller.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

fn read(dir: &Path, name: &str) -> Result<Doc> {
    let path = dir.join(name);
    let fail = |m: String| ImportError {
        file: path.display().to_string(),
        field: String::new(),
        message: m,
    };
    let bytes = crate::fsutil::read_limited(&path, MAX_BYTES, crate::fsutil::Also::Nothing)
        .map_err(|e| {
            fail(format!(
                "cannot read it: {e}; Altinn's answers are JSON files"
            ))
        })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not UTF-8 text (byte {}); Altinn answers in UTF-8 JSON",
            e.utf8_error().valid_up_to() + 1
        ))
    })?;
    let value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        fail(format!(
            "not valid JSON (line {}, column {}): {e}",
            e.line(),
            e.column()
        ))
    })?;
    Ok(Doc {
        file: path.display().to_string(),
        value,
    })
}

/// A system user as `bysystem` lists it.
struct Found {
    id: String,
    title: String,
    external_ref: String,
    kind: SystemUserType,
    packages: Vec<PackageRef>,
}

/// The plan Altinn's saved answers in `dir` describe.
pub fn import(dir: &Path) -> Result<Plan> {
    let names = file_names(dir)?;
    let register = read(dir, "systemregister.json")?;
    let system = system(&register)?;

    let mut pages: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("systemusers") && n.ends_with(".json"))
        .collect();
    pages.sort_by_key(|n| (n.len(), n.as_str()));
    if pages.is_empty() {
        return Err(ImportError {
            file: dir.join("systemusers.json").display().to_string(),
            field: String::new(),
            message: format!(
                "missing: save GET /authentication/api/v1/systemuser/vendor/bysystem/{} as systemusers.json",
                system.id
            ),
        });
    }
    let mut found = Vec::new();
    let mut owner: Option<Orgnr> = None;
    for page in pages {
        let doc = read(dir, page)?;
        let data = match &doc.value {
            Value::Array(_) => &doc.value,
            v => doc.at(v, "", "data")?,
        };
        let Value::Array(items) = data else {
            return Err(doc.err("data", "expected a list"));
        };
        for (i, su) in items.iter().enumerate() {
            let here = format!("data[{i}]");
            if su.get("isDeleted").and_then(Value::as_bool) == Some(true) {
                continue;
            }
            let system_id = doc.str(su, &here, "systemId")?;
            if system_id != system.id {
                return Err(doc.err(
                    &join(&here, "systemId"),
                    format!("`{system_id}`, but systemregister.json is `{}`", system.id),
                ));
            }
            let reportee = doc.orgnr(su, &here, "reporteeOrgNo")?;
            match &owner {
                None => owner = Some(reportee),
                Some(o) if *o == reportee => {}
                Some(o) => {
                    return Err(doc.err(
                        &join(&here, "reporteeOrgNo"),
                        format!("{reportee}, but earlier system users belong to {o}; a plan is one organisation's: save the answers for one organisation"),
                    ));
                }
            }
            let kind = match doc.str(su, &here, "userType")? {
                t if t.eq_ignore_ascii_case("standard") => SystemUserType::Standard,
                t if t.eq_ignore_ascii_case("agent") => SystemUserType::Client,
                t => {
                    return Err(doc.err(
                        &join(&here, "userType"),
                        format!("`{t}`; expected \"standard\" or \"agent\""),
                    ));
                }
            };
            found.push(Found {
                id: doc.str(su, &here, "id")?.to_string(),
                title: doc
                    .opt_str(su, &here, "integrationTitle")?
                    .unwrap_or_default()
                    .to_string(),
                external_ref: doc
                    .opt_str(su, &here, "externalRef")?
                    .unwrap_or_default()
                    .to_string(),
                kind,
                packages: doc.packages(su, &here)?,
            });
        }
    }
    let Some(owner) = owner else {
        return Err(ImportError {
            file: dir.join("systemusers.json").display().to_string(),
            field: "data".into(),
            message: "no system users (none, or all deleted): nothing to import".into(),
        });
    };
    if names.iter().any(|n| n == "agents.json") {
        check_agents(&read(dir, "agents.json")?, &found)?;
    }

    let mut clients: BTreeMap<String, (String, BTreeSet<String>)> = BTreeMap::new();
    let mut system_users = Vec::new();
    for f in &found {
        let mut su = SystemUser {
            name: if f.title.trim().is_empty() {
                f.external_ref.clone()
            } else {
                f.title.clone()
            },
            external_ref: if f.external_ref == owner.as_str() {
                String::new()
            } else {
                f.external_ref.clone()
            },
            kind: f.kind,
            access_packages: f.packages.clone(),
            clients: Vec::new(),
            include_self: false,
            teams: Vec::new(),
            why: None,
        };
        if f.kind == SystemUserType::Client {
            let name = format!("clients-{}.json", f.id);
            if !names.contains(&name) {
                return Err(ImportError {
                    file: dir.join(&name).display().to_string(),
                    field: String::new(),
                    message: format!(
                        "missing: save GET /authentication/api/v1/enduser/systemuser/clients?agent={} (the clients of «{}») as {name}",
                        f.id, su.name
                    ),
                });
            }
            let doc = read(dir, &name)?;
            for (i, c) in doc.array(&doc.value, "", "data")?.iter().enumerate() {
                let here = format!("data[{i}]");
                let orgnr = doc.orgnr(c, &here, "clientOrganizationNumber")?;
                if orgnr == owner {
                    su.include_self = true;
                    continue;
                }
                let cname = doc
                    .opt_str(c, &here, "clientOrganizationName")?
                    .unwrap_or_default();
                let entry = clients.entry(orgnr.to_string()).or_default();
                if entry.0.is_empty() {
                    entry.0 = cname.to_string();
                }
                entry
                    .1
                    .extend(f.packages.iter().map(|p| p.code().to_string()));
                if !su.clients.contains(&orgnr) {
                    su.clients.push(orgnr);
                }
            }
        }
        system_users.push(su);
    }
    let include_self = system_users.iter().any(|s| s.include_self);
    let clients = clients
        .into_iter()
        .filter_map(|(orgnr, (name, packages))| {
            let (er_roles, delegated) = basis(&packages);
            Some(Client {
                orgnr: Orgnr::parse(&orgnr).ok()?,
                name,
                unit_type: None,
                er_roles,
                delegated,
                sub_entity: false,
                operational_units: Vec::new(),
            })
        })
        .collect();
    Ok(Plan {
        version: 1,
        organisation: Organisation {
            orgnr: owner,
            name: String::new(),
            unit_type: None,
            operational_units: Vec::new(),
        },
        system,
        own_packages: Vec::new(),
        options: Options {
            self_on_client_system_user: include_self,
            ..Options::default()
        },
        clients,
        teams: Vec::new(),
        system_users,
        advice: None,
    })
}

/// The header `import-altinn` writes above the plan.
pub fn header(dir: &Path) -> String {
    format!(
        "# Imported by `sysuser import-altinn` from {}.\n\
         # Altinn's read endpoints do not say on which basis a client gives its packages:\n\
         # er_roles and delegated below are inferred (client-only packages through the ER role\n\
         # that gives them, the rest as direct delegations). Check them, and add the organisation's\n\
         # name, organisation forms and own_packages, before judging the plan with `sysuser check`.\n",
        dir.display()
    )
}

/// ER roles for the client-only packages, direct delegations for the rest.
fn basis(packages: &BTreeSet<String>) -> (Vec<ErRole>, Vec<PackageRef>) {
    let mut roles = Vec::new();
    let mut delegated = Vec::new();
    for code in packages {
        let client_only = catalog()
            .get(code)
            .is_some_and(|p| p.is_delegable && !p.is_assignable);
        let role = ErRole::all().find(|r| {
            catalog()
                .role(r.as_str())
                .is_some_and(|role| role.packages.iter().any(|rp| &rp.package == code))
        });
        match role.filter(|_| client_only) {
            Some(r) => {
                if !roles.contains(&r) {
                    roles.push(r);
                }
            }
            None => delegated.push(PackageRef::new(code)),
        }
    }
    (roles, delegated)
}

fn system(doc: &Doc) -> Result<System> {
    let v = &doc.value;
    if !v.is_object() {
        return Err(doc.err(
            "",
            "expected the system register entry (an object with id, vendor, accessPackages)",
        ));
    }
    let vendor = doc.at(v, "", "vendor")?;
    let client_ids = doc.strings(v, "clientId")?;
    let redirects = doc.strings(v, "allowedRedirectUrls")?;
    Ok(System {
        id: doc.str(v, "", "id")?.to_string(),
        vendor: doc.orgnr(vendor, "vendor", "ID")?,
        access_packages: doc.packages(v, "")?,
        visible: match v.get("isVisible") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(doc.err("isVisible", "expected true or false")),
        },
        locally_installed: false,
        name: doc.texts(v, "", "name")?,
        description: doc.texts(v, "", "description")?,
        maskinporten_client_ids: client_ids,
        redirect_urls: redirects,
    })
}

/// `agents.json` must list exactly the client system users `bysystem` gave.
fn check_agents(doc: &Doc, found: &[Found]) -> Result<()> {
    let items = match &doc.value {
        Value::Array(a) => a.as_slice(),
        v => doc.array(v, "", "data")?,
    };
    for (i, a) in items.iter().enumerate() {
        let here = format!("data[{i}]");
        let id = doc.str(a, &here, "id")?;
        if !found
            .iter()
            .any(|f| f.id == id && f.kind == SystemUserType::Client)
        {
            return Err(doc.err(
                &join(&here, "id"),
                format!("{id} is not a client system user in systemusers.json: save both for the same system and organisation"),
            ));
        }
    }
    Ok(())
}

fn file_names(dir: &Path) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| ImportError {
        file: dir.display().to_string(),
        field: String::new(),
        message: format!("cannot read the folder: {e}"),
    })?;
    Ok(entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect())
}
