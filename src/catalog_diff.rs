//! `sysuser catalog diff EXPORT.json`: the built-in catalog against a saved
//! export of Access Management's open metadata API
//! (`GET /accessmanagement/api/v1/meta/info/accesspackages/export`).
//!
//! The export's shape, from altinn-authorization-tmp's `AreaGroupDto`,
//! `AreaDto` and `PackageDto` (camelCase JSON): a list of area groups
//! `{id, name, urn, description, type, areas: [{id, name, urn, description,
//! icon, packages: [{id, name, urn, description, isDelegable, isAssignable,
//! area, resources}]}]}`. Packages are matched by URN; only the two flags
//! that decide where a package may go are compared (names come in the
//! language the export was fetched in, so they are not).

use crate::catalog::{Package, catalog};
use crate::plan::{Plan, SystemUserType};
use serde::Serialize;
use serde_json::Value;

/// A package in the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub urn: String,
    pub name: String,
    pub is_delegable: bool,
    pub is_assignable: bool,
}

/// Where a package is used in a plan, and whether its new flags break that use.
#[derive(Debug, Clone, Serialize)]
pub struct Use {
    pub place: String,
    /// Altinn's error for this use under the export's flags, if it breaks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breaks: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub code: String,
    pub urn: String,
    pub name: String,
    /// Built-in flags (absent for an added package).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Flags>,
    /// Exported flags (absent for a removed package).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Flags>,
    /// Where `--plan` uses it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub used: Vec<Use>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Flags {
    pub is_delegable: bool,
    pub is_assignable: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CatalogDiff {
    pub added: Vec<Change>,
    pub removed: Vec<Change>,
    pub reflagged: Vec<Change>,
}

impl CatalogDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.reflagged.is_empty()
    }
}

/// Reads the export; an error names the field (`[2].areas[0].packages[5].urn`).
pub fn parse_export(text: &str) -> Result<Vec<Exported>, String> {
    let v: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        format!(
            "not valid JSON (line {}, column {}): {e}",
            e.line(),
            e.column()
        )
    })?;
    let groups = v
        .as_array()
        .ok_or("expected a list of area groups (the export's top level is `[{\"areas\": …}]`)")?;
    let mut out = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let areas = list(group, "areas", &format!("[{g}]"))?;
        for (a, area) in areas.iter().enumerate() {
            let here = format!("[{g}].areas[{a}]");
            for (p, pkg) in list(area, "packages", &here)?.iter().enumerate() {
                let here = format!("{here}.packages[{p}]");
                let text = |k: &str| -> Result<String, String> {
                    match pkg.get(k) {
                        Some(Value::String(s)) => Ok(s.clone()),
                        None | Some(Value::Null) if k == "name" => Ok(String::new()),
                        _ => Err(format!("{here}.{k}: expected a string")),
                    }
                };
                let flag = |k: &str| -> Result<bool, String> {
                    pkg.get(k)
                        .and_then(Value::as_bool)
                        .ok_or_else(|| format!("{here}.{k}: expected true or false"))
                };
                out.push(Exported {
                    urn: text("urn")?,
                    name: text("name")?,
                    is_delegable: flag("isDelegable")?,
                    is_assignable: flag("isAssignable")?,
                });
            }
        }
    }
    if out.is_empty() {
        return Err("no packages in the export".into());
    }
    Ok(out)
}

fn list<'v>(v: &'v Value, key: &str, here: &str) -> Result<&'v [Value], String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .ok_or_else(|| format!("{here}.{key}: expected a list"))
}

fn flags_of(p: &Package) -> Flags {
    Flags {
        is_delegable: p.is_delegable,
        is_assignable: p.is_assignable,
    }
}

/// The built-in catalog against `export`; with a plan, where each change is used.
pub fn diff(export: &[Exported], plan: Option<&Plan>) -> CatalogDiff {
    let code_of = |urn: &str| {
        catalog()
            .packages()
            .iter()
            .find(|p| p.urn == urn)
            .map(|p| p.code.clone())
            .unwrap_or_else(|| {
                urn.strip_prefix(crate::catalog::URN_PREFIX)
                    .unwrap_or(urn)
                    .to_string()
            })
    };
    let mut d = CatalogDiff {
        added: Vec::new(),
        removed: Vec::new(),
        reflagged: Vec::new(),
    };
    for e in export {
        let after = Flags {
            is_delegable: e.is_delegable,
            is_assignable: e.is_assignable,
        };
        let built_in = catalog().packages().iter().find(|p| p.urn == e.urn);
        let change = |before: Option<Flags>| {
            let code = code_of(&e.urn);
            Change {
                used: plan
                    .map(|p| uses(p, &code, Some(after)))
                    .unwrap_or_default(),
                code,
                urn: e.urn.clone(),
                name: built_in.map_or(e.name.clone(), |p| p.name_nb.clone()),
                before,
                after: Some(after),
            }
        };
        match built_in {
            None => d.added.push(change(None)),
            Some(p) if flags_of(p) != after => d.reflagged.push(change(Some(flags_of(p)))),
            Some(_) => {}
        }
    }
    for p in catalog().packages() {
        if !export.iter().any(|e| e.urn == p.urn) {
            d.removed.push(Change {
                code: p.code.clone(),
                urn: p.urn.clone(),
                name: p.name_nb.clone(),
                before: Some(flags_of(p)),
                after: None,
                used: plan.map(|pl| uses(pl, &p.code, None)).unwrap_or_default(),
            });
        }
    }
    d
}

/// Where the plan uses `code`, and what Altinn would answer under `after`
/// (`None`: the package is gone).
fn uses(plan: &Plan, code: &str, after: Option<Flags>) -> Vec<Use> {
    let has = |ps: &[crate::plan::PackageRef]| ps.iter().any(|p| p.code() == code);
    let mut out = Vec::new();
    if has(&plan.system.access_packages) {
        let breaks = match after {
            None => Some("AUTH.VLD-00008"),
            Some(f) if !f.is_delegable && !f.is_assignable => Some("AUTH.VLD-00008"),
            Some(f) if plan.system.visible && !f.is_assignable => Some("AUTH.VLD-00018"),
            _ => None,
        };
        out.push(Use {
            place: format!("system {}", plan.system.id),
            breaks,
        });
    }
    for su in &plan.system_users {
        if !has(&su.access_packages) {
            continue;
        }
        let breaks = match (after, su.kind) {
            (None, _) => Some("AUTH-00063"),
            (Some(f), SystemUserType::Client) if !f.is_delegable => Some("AUTH-00065"),
            (Some(f), SystemUserType::Standard) if !f.is_assignable => Some("AUTH-00064"),
            (Some(f), SystemUserType::Client) if su.include_self && !f.is_assignable => {
                Some("AUTH-00064")
            }
            _ => None,
        };
        out.push(Use {
            place: format!("{} system user «{}»", su.kind.as_str(), su.name),
            breaks,
        });
    }
    let delegating = plan.clients.iter().filter(|c| has(&c.delegated)).count();
    if delegating > 0 {
        // Only assignable and delegable packages can be delegated directly.
        let breaks = match after {
            Some(f) if f.is_assignable && f.is_delegable => None,
            _ => Some("AUTH-00080"),
        };
        out.push(Use {
            place: format!(
                "delegated by {}",
                crate::text::counted(delegating, "client")
            ),
            breaks,
        });
    }
    out
}

/// For people.
pub fn text(d: &CatalogDiff, with_plan: bool) -> String {
    if d.is_empty() {
        return "The export matches the built-in catalog: no package added, removed or re-flagged.\n"
            .into();
    }
    let mut s = String::new();
    let flags = |f: Option<Flags>| {
        f.map_or("-".to_string(), |f| {
            format!(
                "assignable {}, delegable {}",
                yes_no(f.is_assignable),
                yes_no(f.is_delegable)
            )
        })
    };
    for (title, list) in [
        ("Added", &d.added),
        ("Removed", &d.removed),
        ("Re-flagged", &d.reflagged),
    ] {
        if list.is_empty() {
            continue;
        }
        s.push_str(&format!("{title} ({}):\n", list.len()));
        for c in list {
            let what = match (c.before, c.after) {
                (Some(_), Some(_)) => format!("{} → {}", flags(c.before), flags(c.after)),
                (None, a) => flags(a),
                (b, None) => format!("was {}", flags(b)),
            };
            s.push_str(&format!("  {} «{}»: {what}\n", c.code, c.name));
            for u in &c.used {
                match u.breaks {
                    Some(code) => s.push_str(&format!(
                        "    used: {} — Altinn would now refuse it ({code})\n",
                        u.place
                    )),
                    None => s.push_str(&format!("    used: {} — still fine\n", u.place)),
                }
            }
        }
    }
    if with_plan {
        let used = d
            .added
            .iter()
            .chain(&d.removed)
            .chain(&d.reflagged)
            .filter(|c| !c.used.is_empty())
            .count();
        s.push_str(&format!(
            "The plan uses {} of the changed packages.\n",
            used
        ));
    }
    s
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}
