//! The runbook (`sysuser requests`): every step that makes a plan real, in an
//! order that works, grouped by who does it, each with its token and scope.
//!
//! It is built from `diff`'s steps: from an empty layout when the plan starts
//! from nothing, or from the current plan (`--from`) for a migration, so the
//! runbook and `diff` never disagree. The system register entry is created
//! with POST when the runbook starts from nothing (a 409 answer means it
//! exists, and it is then left alone: PUT replaces the *whole* entry, which
//! sysuser does only when told the entry exists, in a migration).
//!
//! [`Runbook`] is data; [`markdown`], [`http`], [`sh`] and [`json`] word it.
//! It never holds a token: the formats name where one comes from.

mod body;
mod build;
mod http;
mod markdown;
mod sh;

pub use body::Body;
pub use build::runbook;
pub use http::http;
pub use markdown::markdown;
pub use sh::sh;

use serde::Serialize;

/// Altinn's environments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Env {
    /// The test environment.
    #[default]
    Tt02,
    Prod,
}

impl Env {
    pub fn base_url(self) -> &'static str {
        match self {
            Env::Tt02 => "https://platform.tt02.altinn.no",
            Env::Prod => "https://platform.altinn.no",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Env::Tt02 => "tt02",
            Env::Prod => "prod",
        }
    }
}

/// Who does a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    /// The clients that must first give the organisation packages.
    Clients,
    Vendor,
    /// The organisation's access manager (tilgangsstyrer).
    AccessManager,
    /// The organisation's client administrator (klientadministrator).
    ClientAdministrator,
    EndUserSystem,
}

impl Actor {
    pub fn label(self) -> &'static str {
        match self {
            Actor::Clients => "Clients",
            Actor::Vendor => "System vendor",
            Actor::AccessManager => "The organisation's access manager (tilgangsstyrer)",
            Actor::ClientAdministrator => {
                "The organisation's client administrator (klientadministrator)"
            }
            Actor::EndUserSystem => "The end-user system",
        }
    }
}

/// Which run of the `sh` script makes a call: the vendor's calls before
/// approval, the polling after it, and the register clean-up at the very end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Request,
    Status,
    Finish,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Request => "request",
            Phase::Status => "status",
            Phase::Finish => "finish",
        }
    }
}

/// What a call is, so the script can read its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CallKind {
    /// POST a new register entry; 409 means it exists and is left alone.
    RegisterSystem,
    /// PUT the whole register entry.
    ReplaceSystem,
    /// POST a system user request; 201 new, 200 an existing one with the same key.
    RequestSystemUser { system_user: String },
    /// Look the system user's id up, then POST the change request.
    ChangeRequest { system_user: String, lookup: String },
    /// GET the request by its key and print its status.
    Poll { system_user: String },
    /// GET the system user by query (after approval) and print its id.
    Lookup { system_user: String },
}

/// One API call, with its exact body.
#[derive(Debug, Clone, Serialize)]
pub struct Call {
    /// A file-name stem, unique in the runbook (`03-request-accounting`).
    pub name: String,
    pub title: String,
    pub phase: Phase,
    pub method: &'static str,
    /// Path and query, below the base URL, percent-encoded.
    pub path: String,
    pub scope: &'static str,
    #[serde(flatten)]
    pub kind: CallKind,
    /// HTTP statuses that mean it worked.
    pub ok: Vec<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Body>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One stage: one actor, API calls or portal checklist items.
#[derive(Debug, Clone, Serialize)]
pub struct Stage {
    pub actor: Actor,
    pub title: String,
    /// `api`, `portal`, or `configuration`.
    pub how: &'static str,
    /// The token the stage needs (never a token itself).
    pub token: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<Call>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Something the vendor must write in the plan before the register call can run.
#[derive(Debug, Clone, Serialize)]
pub struct Missing {
    /// The plan field, e.g. `system.name.nn`.
    pub field: String,
    pub why: String,
}

/// The whole runbook.
#[derive(Debug, Clone, Serialize)]
pub struct Runbook {
    pub env: Env,
    pub base_url: &'static str,
    pub system_id: String,
    pub vendor: String,
    pub organisation: String,
    pub organisation_name: String,
    /// Built against a current plan (`--from`): a migration.
    pub migration: bool,
    /// Errors `check` finds in the plan (Altinn would refuse parts of it).
    pub check_errors: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Missing>,
    pub stages: Vec<Stage>,
}

impl Runbook {
    /// Every call, in order.
    pub fn calls(&self) -> impl Iterator<Item = &Call> {
        self.stages.iter().flat_map(|s| &s.calls)
    }

    /// Each call's body as its own file (`bodies/<name>.json`), for `-o DIR`.
    pub fn bodies(&self) -> Vec<(String, String)> {
        self.calls()
            .filter_map(|c| {
                c.body
                    .as_ref()
                    .map(|b| (format!("{}.json", c.name), b.to_json()))
            })
            .collect()
    }
}

/// The runbook as data for other tools.
pub fn json(rb: &Runbook) -> String {
    let mut s = serde_json::to_string_pretty(rb).expect("a runbook serialises");
    s.push('\n');
    s
}

pub(crate) const SCOPE_REGISTER: &str = "altinn:authentication/systemregister.write";
pub(crate) const SCOPE_REQUEST_WRITE: &str = "altinn:authentication/systemuser.request.write";
pub(crate) const SCOPE_REQUEST_READ: &str = "altinn:authentication/systemuser.request.read";

/// Percent-encodes a path segment or query value (everything but RFC 3986's unreserved characters).
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Text for a comment line: control characters (a name with a newline would
/// end the comment and become code) become spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The runbook's output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// For people.
    #[default]
    Markdown,
    /// The steps as data.
    Json,
    /// One REST-client file.
    Http,
    /// A POSIX sh script with curl.
    Sh,
}

impl Format {
    /// The file the runbook goes in under `-o DIR`.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Markdown => "runbook.md",
            Format::Json => "runbook.json",
            Format::Http => "requests.http",
            Format::Sh => "requests.sh",
        }
    }
}

/// The runbook in `format`.
pub fn render(rb: &Runbook, format: Format) -> String {
    match format {
        Format::Markdown => markdown(rb),
        Format::Json => json(rb),
        Format::Http => http(rb),
        Format::Sh => sh(rb),
    }
}

/// What `requests -o DIR` writes, paths relative to DIR: the runbook and
/// each JSON body as `bodies/<step>.json`. The wizard's export can offer the same.
pub fn files(rb: &Runbook, format: Format) -> Vec<(String, String)> {
    let mut out = vec![(format.file_name().to_string(), render(rb, format))];
    out.extend(
        rb.bodies()
            .into_iter()
            .map(|(name, body)| (format!("bodies/{name}"), body)),
    );
    out
}
