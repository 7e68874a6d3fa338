//! The request bodies, field for field as API.md gives them (camelCase, nulls
//! omitted). Structs rather than `json!` so the fields keep Altinn's order.

use crate::plan::Texts;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Body {
    Register(Register),
    Request(Request),
    Change(Change),
}

impl Body {
    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("bodies serialise");
        s.push('\n');
        s
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Urn {
    pub urn: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct VendorId {
    #[serde(rename = "ID")]
    pub id: String,
}

/// `name`/`description`: only the languages the plan has.
#[derive(Debug, Clone, Serialize)]
pub struct Languages {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub nb: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub nn: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Languages {
    pub fn from_texts(t: &Texts) -> Option<Languages> {
        (!t.is_empty()).then(|| Languages {
            nb: t.nb.trim().to_string(),
            nn: t.nn.trim().to_string(),
            en: t.en.trim().to_string(),
        })
    }
}

/// The system register entry (`POST …/systemregister/vendor`, `PUT …/vendor/{systemId}`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Register {
    pub id: String,
    pub vendor: VendorId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Languages>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Languages>,
    pub rights: Vec<Urn>,
    pub access_packages: Vec<Urn>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub client_id: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed_redirect_urls: Vec<String>,
    pub is_visible: bool,
}

/// A system user request (standard or agent).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    /// Omitted when the plan's is empty: Altinn then uses the orgnr (never send `""`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_ref: Option<String>,
    pub system_id: String,
    pub party_org_no: String,
    pub integration_title: String,
    pub access_packages: Vec<Urn>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
}

/// A standard system user's change request.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub required_rights: Vec<Urn>,
    pub unwanted_rights: Vec<Urn>,
    pub required_access_packages: Vec<Urn>,
    pub unwanted_access_packages: Vec<Urn>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
}

/// The URNs for package codes, from the catalog's `urn` field (one person
/// package's URN is not `prefix + code`); an unknown code keeps the prefix form.
pub fn urns<'a>(codes: impl IntoIterator<Item = &'a str>) -> Vec<Urn> {
    codes
        .into_iter()
        .map(|c| Urn {
            urn: crate::catalog::catalog()
                .get(c)
                .map(|p| p.urn.clone())
                .unwrap_or_else(|| format!("{}{c}", crate::catalog::URN_PREFIX)),
        })
        .collect()
}
