//! The guidance's go-live checklist, each item judged from the plan where the
//! plan can tell, and left to a person where it cannot (approvals, tests).
//!
//! Judgements reuse the engine's findings and the advisor's recommendation, so
//! the checklist never disagrees with `check` or `advise`.

use crate::plan::{Plan, SystemUserType};
use crate::rules::{Report, Rule};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    /// To confirm by hand.
    Manual,
}

impl Status {
    /// The mark shown before the item.
    pub fn mark(self) -> &'static str {
        match self {
            Status::Pass => "✔",
            Status::Fail => "✘",
            Status::Manual => "?",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub number: usize,
    /// Stable id.
    pub id: &'static str,
    /// The guidance's wording.
    pub text: &'static str,
    pub status: Status,
    /// Why this status, in one sentence.
    pub reason: String,
    /// What was found, or what to confirm.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub pass: usize,
    pub fail: usize,
    pub manual: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checklist {
    pub items: Vec<Item>,
    pub summary: Summary,
}

impl Checklist {
    pub fn has_failures(&self) -> bool {
        self.summary.fail > 0
    }

    /// The checklist for people: one mark per item, reasons indented below.
    pub fn to_text(&self, plan: &Plan) -> String {
        let mut out = format!(
            "Go-live checklist for {} ({})\n\n",
            if plan.organisation.name.is_empty() {
                "the organisation"
            } else {
                &plan.organisation.name
            },
            plan.organisation.orgnr
        );
        for item in &self.items {
            out.push_str(&format!(
                "{} {}. {}\n     {}\n",
                item.status.mark(),
                item.number,
                item.text,
                item.reason
            ));
            for d in &item.details {
                out.push_str(&format!("     - {d}\n"));
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "{} passed, {} failed, {} to confirm by hand.\n",
            self.summary.pass, self.summary.fail, self.summary.manual
        ));
        out
    }
}

/// The guidance's checklist items, in its order.
pub const ITEMS: [(&str, &str); 7] = [
    (
        "system-registered",
        "The system vendor has registered the system with the correct access packages in the system register.",
    ),
    (
        "number-of-system-users",
        "The system vendor has sent requests for the correct number of system users.",
    ),
    (
        "approved",
        "The service provider/organisation has approved all system user requests.",
    ),
    (
        "clients-linked",
        "Clients are linked to the correct system users (for client relationship scenarios).",
    ),
    (
        "access-control",
        "Access control is implemented in the end-user system (for scenarios with multiple employees or teams).",
    ),
    (
        "select-token",
        "The end-user system can select the correct system user token when reporting for different client types.",
    ),
    (
        "tested",
        "The setup has been tested with a representative selection of clients before going live.",
    ),
];

/// The guidance's minimum requirements for access control in the end-user system.
pub const ACCESS_CONTROL_MINIMUM: [&str; 6] = [
    "Authenticate every user who logs in to the end-user system.",
    "Authorise users so that they can only access clients and functions relevant to their role.",
    "Log which user performed which action and for which client.",
    "Define roles or teams in the end-user system (e.g. \"property management\", \"accounting\", \"audit\").",
    "Assign each role to one or more system users.",
    "Ensure that an employee in one role cannot use another role's system user, even if the end-user system technically has access to both.",
];

const NO_LAYOUT: &str =
    "The plan has no system users yet; run `sysuser advise FILE -o FILE` to get the layout first.";

struct Judged {
    status: Status,
    reason: String,
    details: Vec<String>,
}

fn judged(status: Status, reason: impl Into<String>, details: Vec<String>) -> Judged {
    Judged {
        status,
        reason: reason.into(),
        details,
    }
}

/// The checklist for a plan.
pub fn checklist(plan: &Plan) -> Checklist {
    let report = crate::engine::check(plan);
    let judgements = [
        system_registered(plan, &report),
        number_of_system_users(plan),
        approved(plan),
        clients_linked(plan, &report),
        access_control(plan, &report),
        select_token(plan, &report),
        tested(plan),
    ];
    let items: Vec<Item> = ITEMS
        .iter()
        .zip(judgements)
        .enumerate()
        .map(|(i, ((id, text), j))| Item {
            number: i + 1,
            id,
            text,
            status: j.status,
            reason: j.reason,
            details: j.details,
        })
        .collect();
    let count = |s: Status| items.iter().filter(|i| i.status == s).count();
    let summary = Summary {
        pass: count(Status::Pass),
        fail: count(Status::Fail),
        manual: count(Status::Manual),
    };
    Checklist { items, summary }
}

fn findings(report: &Report, rules: &[Rule]) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| rules.contains(&f.rule))
        .map(|f| format!("{}: {}", f.rule.id(), f.message))
        .collect()
}

fn system_registered(plan: &Plan, report: &Report) -> Judged {
    if plan.system_users.is_empty() {
        return judged(Status::Fail, NO_LAYOUT, Vec::new());
    }
    let registered: BTreeSet<&str> = plan
        .system
        .access_packages
        .iter()
        .map(|p| p.code())
        .collect();
    let mut problems = Vec::new();
    for p in &plan.system.access_packages {
        if p.package().is_none() {
            problems.push(format!(
                "`{}` on the system entry is not an access package in Altinn's catalog",
                p.code()
            ));
        }
    }
    let mut needed = BTreeSet::new();
    for su in &plan.system_users {
        for p in &su.access_packages {
            needed.insert(p.code());
            if p.package().is_none() {
                problems.push(format!(
                    "`{}` on \"{}\" is not an access package in Altinn's catalog",
                    p.code(),
                    su.name
                ));
            } else if !registered.contains(p.code()) {
                problems.push(format!(
                    "`{}` on \"{}\" is not on the system entry {} (AUTH-00063)",
                    p.code(),
                    su.name,
                    plan.system.id
                ));
            }
        }
    }
    problems.extend(findings(
        report,
        &[
            Rule::PersonPackage,
            Rule::PackageNotForSystemUsers,
            Rule::DuplicatePackage,
            Rule::VisibleSystemWithClientOnlyPackage,
            Rule::InvalidSystemId,
            Rule::LocallyInstalledNeedsOwnVendor,
        ],
    ));
    if problems.is_empty() {
        judged(
            Status::Pass,
            format!(
                "{} on the system entry {}; confirm the entry in the system register matches.",
                match needed.len() {
                    1 => "The one package the system users need is".to_string(),
                    n => format!("All {n} packages the system users need are"),
                },
                plan.system.id
            ),
            Vec::new(),
        )
    } else {
        judged(
            Status::Fail,
            format!(
                "The system entry {} does not fit the system users: {}.",
                plan.system.id,
                plural(problems.len(), "problem")
            ),
            problems,
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn count_by_type(plan: &Plan) -> (usize, usize) {
    let standard = plan
        .system_users
        .iter()
        .filter(|s| s.kind == SystemUserType::Standard)
        .count();
    (standard, plan.system_users.len() - standard)
}

fn describe_counts((standard, client): (usize, usize)) -> String {
    let mut parts = Vec::new();
    if standard > 0 {
        parts.push(format!("{standard} standard"));
    }
    if client > 0 {
        parts.push(format!("{client} for client relationships"));
    }
    format!(
        "{} ({})",
        plural(standard + client, "system user"),
        parts.join(" + ")
    )
}

fn number_of_system_users(plan: &Plan) -> Judged {
    if plan.system_users.is_empty() {
        return judged(Status::Fail, NO_LAYOUT, Vec::new());
    }
    let mut situation = plan.clone();
    situation.system_users.clear();
    situation.advice = None;
    let advised = crate::advisor::advise(&situation);
    let Some(advice) = advised.advice.as_ref() else {
        return judged(
            Status::Manual,
            "No recommendation to compare with; compare the layout with `sysuser advise FILE --replace`.",
            Vec::new(),
        );
    };
    let have = count_by_type(plan);
    let want = count_by_type(&advised);
    let scenarios = match advice.scenarios.len() {
        0 => String::new(),
        1 => format!(" (scenario {})", advice.scenarios[0]),
        _ => format!(" (scenarios {})", advice.scenarios.join(", ")),
    };
    if have == want {
        judged(
            Status::Pass,
            format!(
                "{}, as the guidance recommends for this situation{scenarios}.",
                describe_counts(have)
            ),
            Vec::new(),
        )
    } else {
        judged(
            Status::Fail,
            format!(
                "The plan has {}; the guidance recommends {} for this situation{scenarios}.",
                describe_counts(have),
                describe_counts(want)
            ),
            advised
                .system_users
                .iter()
                .map(|s| {
                    let why = s
                        .why
                        .as_deref()
                        .map(|w| format!(": {w}"))
                        .unwrap_or_default();
                    format!("recommended: \"{}\" ({}){why}", s.name, s.kind.as_str())
                })
                .collect(),
        )
    }
}

fn approved(plan: &Plan) -> Judged {
    judged(
        Status::Manual,
        "Only Altinn knows; check that every request below is approved (Altinn's system user overview lists them).",
        plan.system_users
            .iter()
            .map(|s| {
                format!(
                    "\"{}\" (external ref `{}`, {})",
                    s.name,
                    s.effective_external_ref(plan),
                    s.kind.as_str()
                )
            })
            .collect(),
    )
}

fn clients_linked(plan: &Plan, report: &Report) -> Judged {
    let client_sus: Vec<_> = plan
        .system_users
        .iter()
        .filter(|s| s.kind == SystemUserType::Client)
        .collect();
    if plan.clients.is_empty() && client_sus.is_empty() {
        return judged(
            Status::Pass,
            "Not applicable: the plan has no client relationships.",
            Vec::new(),
        );
    }
    if plan.system_users.is_empty() {
        return judged(Status::Fail, NO_LAYOUT, Vec::new());
    }
    let problems = findings(
        report,
        &[
            Rule::NotAClient,
            Rule::ClientMissingPackage,
            Rule::RolePackageWrongUnitType,
            Rule::ClientsOnStandardSystemUser,
            Rule::OrganisationAsClient,
            Rule::OperationalUnitAsClient,
            Rule::ClientUncovered,
        ],
    );
    if problems.is_empty() {
        let linked: BTreeSet<&str> = client_sus
            .iter()
            .flat_map(|s| s.clients.iter().map(|c| c.as_str()))
            .collect();
        judged(
            Status::Pass,
            format!(
                "{} linked to {}; each has every package its system users carry.",
                plural(linked.len(), "client"),
                plural(client_sus.len(), "client system user")
            ),
            Vec::new(),
        )
    } else {
        judged(
            Status::Fail,
            format!(
                "{} with how clients are linked.",
                plural(problems.len(), "problem")
            ),
            problems,
        )
    }
}

fn access_control(plan: &Plan, report: &Report) -> Judged {
    let minimum: Vec<String> = ACCESS_CONTROL_MINIMUM
        .iter()
        .map(|s| format!("minimum: {s}"))
        .collect();
    let client_sus = plan
        .system_users
        .iter()
        .filter(|s| s.kind == SystemUserType::Client)
        .count();
    if plan.teams.is_empty() {
        let reason = if client_sus > 1 {
            "The plan defines no teams although several client system users are in use; define who may use which (scenario D), and confirm the end-user system enforces it."
        } else {
            "Confirm the end-user system meets the guidance's minimum requirements."
        };
        return judged(Status::Manual, reason, minimum);
    }
    let mut problems: Vec<String> = plan
        .teams
        .iter()
        .filter(|t| t.members.is_empty())
        .map(|t| format!("team \"{}\" has no members", t.name))
        .collect();
    problems.extend(findings(
        report,
        &[Rule::TeamUnknownSystemUser, Rule::SystemUserWithoutTeam],
    ));
    for su in &plan.system_users {
        for t in &su.teams {
            if !plan.teams.iter().any(|team| &team.name == t) {
                let p = format!(
                    "\"{}\" names team \"{t}\", which the plan does not define",
                    su.name
                );
                if !problems.contains(&p) {
                    problems.push(p);
                }
            }
        }
    }
    if problems.is_empty() {
        let mut uses: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for su in &plan.system_users {
            for t in &su.teams {
                uses.entry(t.as_str()).or_default().push(su.name.as_str());
            }
        }
        let mut details: Vec<String> = plan
            .teams
            .iter()
            .map(|t| {
                let sus = uses.get(t.name.as_str()).cloned().unwrap_or_default();
                format!(
                    "team \"{}\" ({}) may use: {}",
                    t.name,
                    plural(t.members.len(), "member"),
                    if sus.is_empty() {
                        "no system user".to_string()
                    } else {
                        sus.join(", ")
                    }
                )
            })
            .collect();
        details.extend(minimum);
        judged(
            Status::Pass,
            format!(
                "{} with members, each system user tied to its teams; confirm the end-user system enforces it.",
                plural(plan.teams.len(), "team")
            ),
            details,
        )
    } else {
        problems.extend(minimum);
        judged(
            Status::Fail,
            "The teams do not yet say who may use which system user.",
            problems,
        )
    }
}

fn select_token(plan: &Plan, report: &Report) -> Judged {
    if plan.system_users.is_empty() {
        return judged(Status::Fail, NO_LAYOUT, Vec::new());
    }
    let mut by_ref: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for su in &plan.system_users {
        by_ref
            .entry(su.effective_external_ref(plan))
            .or_default()
            .push(su.name.as_str());
    }
    let mut problems: Vec<String> = by_ref
        .iter()
        .filter(|(_, names)| names.len() > 1)
        .map(|(r, names)| {
            format!(
                "external ref `{r}` is shared by {} (AUTH-00004)",
                names
                    .iter()
                    .map(|n| format!("\"{n}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    problems.extend(findings(report, &[Rule::AmbiguousRoute]));
    if problems.is_empty() {
        judged(
            Status::Pass,
            "Every system user has its own external ref and every client and package has one route; `sysuser routes FILE` prints the table the end-user system needs.",
            plan.system_users
                .iter()
                .map(|s| format!("\"{}\" → `{}`", s.name, s.effective_external_ref(plan)))
                .collect(),
        )
    } else {
        judged(
            Status::Fail,
            "The end-user system cannot always tell which token to use.",
            problems,
        )
    }
}

fn tested(plan: &Plan) -> Judged {
    let mut chosen: Vec<&str> = Vec::new();
    let mut details = Vec::new();
    let org = &plan.organisation;
    let org_label = if org.name.is_empty() {
        org.orgnr.to_string()
    } else {
        format!("{} ({})", org.name, org.orgnr)
    };
    for su in &plan.system_users {
        let mut picks: Vec<String> = Vec::new();
        if su.kind == SystemUserType::Standard || su.include_self {
            picks.push(format!("the organisation itself, {org_label}"));
        }
        if let Some(c) = su
            .clients
            .iter()
            .find(|c| !chosen.contains(&c.as_str()))
            .or_else(|| su.clients.first())
        {
            chosen.push(c.as_str());
            picks.push(
                plan.client(c)
                    .map(|c| c.label())
                    .unwrap_or_else(|| c.to_string()),
            );
        }
        if picks.is_empty() {
            picks.push("no clients linked yet".into());
        }
        details.push(format!("\"{}\": {}", su.name, picks.join("; ")));
    }
    let reason = if details.is_empty() {
        "Test with a few representative clients once the system users exist.".to_string()
    } else {
        "Test in tt02 with at least one party per system user before going live, for example:"
            .to_string()
    };
    judged(Status::Manual, reason, details)
}
