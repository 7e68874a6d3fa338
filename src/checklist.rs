//! The guidance's go-live checklist, each item judged from the plan where the
//! plan can tell, and left to a person where it cannot (approvals, tests).
//!
//! Judgements reuse the engine's findings and the advisor's recommendation, so
//! the checklist never disagrees with `check` or `advise`.

mod texts;

use crate::lang::Lang;
use crate::orgnr::{FastHash, Orgnr};
use crate::plan::{Plan, SystemUserType};
use crate::rules::{Report, Rule};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use texts::Text;

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
        self.to_text_in(plan, Lang::En)
    }

    /// [`Checklist::to_text`] with its heading and summary in `lang`; give it
    /// a checklist from [`checklist_in`] in the same language.
    pub fn to_text_in(&self, plan: &Plan, lang: Lang) -> String {
        let org = &plan.organisation;
        let orgnr = org.orgnr.to_string();
        let heading = Text::Heading {
            org: Some(org.name.as_str()).filter(|n| !n.is_empty()),
            orgnr: &orgnr,
        };
        let mut out = format!("{}\n\n", heading.text(lang));
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
        let summary = Text::Summary {
            pass: self.summary.pass,
            fail: self.summary.fail,
            manual: self.summary.manual,
        };
        out.push_str(&summary.text(lang));
        out.push('\n');
        out
    }
}

/// The guidance's checklist items, in its order: (id, the guidance's wording).
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

/// [`ITEMS`] in `lang`: the same ids in the same order, the wording in bokmål for `Nb`.
pub fn items_in(lang: Lang) -> &'static [(&'static str, &'static str); 7] {
    match lang {
        Lang::En => &ITEMS,
        Lang::Nb => &texts::ITEMS_NB,
    }
}

/// [`ACCESS_CONTROL_MINIMUM`] in `lang`.
pub fn access_control_minimum_in(lang: Lang) -> &'static [&'static str; 6] {
    match lang {
        Lang::En => &ACCESS_CONTROL_MINIMUM,
        Lang::Nb => &texts::ACCESS_CONTROL_MINIMUM_NB,
    }
}

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
    checklist_in(plan, Lang::En)
}

/// [`checklist`] with every item's wording, reason and details in `lang`
/// (the findings it quotes are worded in it too); the
/// ids and statuses are the same in every language.
pub fn checklist_in(plan: &Plan, lang: Lang) -> Checklist {
    checklist_with(plan, &crate::engine::check(plan), lang)
}

/// [`checklist_in`] judged from findings `check(plan)` already
/// made (the report shows both and checks a large plan once).
pub fn checklist_with(plan: &Plan, report: &Report, lang: Lang) -> Checklist {
    let advised = crate::advisor::recommend_in(plan, plan.options.f_option, lang);
    checklist_advised(plan, report, &advised, lang)
}

/// [`checklist_with`] given also the advisor's recommendation for the plan
/// (`recommend_in(plan, plan.options.f_option, lang)`; the advisor reads the
/// situation only, never the plan's own layout), so a front end that shows
/// the advice too runs the advisor once.
pub fn checklist_advised(
    plan: &Plan,
    report: &Report,
    advised: &crate::advisor::Recommendation,
    lang: Lang,
) -> Checklist {
    let judgements = [
        system_registered(plan, report, lang),
        number_of_system_users(plan, advised, lang),
        approved(plan, lang),
        clients_linked(plan, report, lang),
        access_control(plan, report, lang),
        select_token(plan, report, lang),
        tested(plan, lang),
    ];
    let items: Vec<Item> = items_in(lang)
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

fn findings(report: &Report, rules: &[Rule], lang: Lang) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| rules.contains(&f.rule))
        .map(|f| format!("{}: {}", f.rule.id(), f.message(lang)))
        .collect()
}

fn system_registered(plan: &Plan, report: &Report, lang: Lang) -> Judged {
    if plan.system_users.is_empty() {
        return judged(Status::Fail, Text::NoLayout.text(lang), Vec::new());
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
            problems.push(Text::SystemPackageNotInCatalog { code: p.code() }.text(lang));
        }
    }
    let mut needed = BTreeSet::new();
    for su in &plan.system_users {
        for p in &su.access_packages {
            needed.insert(p.code());
            if p.package().is_none() {
                problems.push(
                    Text::PackageNotInCatalog {
                        code: p.code(),
                        system_user: &su.name,
                    }
                    .text(lang),
                );
            } else if !registered.contains(p.code()) {
                problems.push(
                    Text::PackageNotOnSystem {
                        code: p.code(),
                        system_user: &su.name,
                        system: &plan.system.id,
                    }
                    .text(lang),
                );
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
        lang,
    ));
    if problems.is_empty() {
        let fits = Text::SystemFits {
            needed: needed.len(),
            system: &plan.system.id,
        };
        judged(Status::Pass, fits.text(lang), Vec::new())
    } else {
        let reason = Text::SystemDoesNotFit {
            system: &plan.system.id,
            problems: problems.len(),
        };
        judged(Status::Fail, reason.text(lang), problems)
    }
}

fn count_by_type(system_users: &[crate::plan::SystemUser]) -> (usize, usize) {
    let standard = system_users
        .iter()
        .filter(|s| s.kind == SystemUserType::Standard)
        .count();
    (standard, system_users.len() - standard)
}

fn describe_counts((standard, client): (usize, usize), lang: Lang) -> String {
    Text::Counts { standard, client }.text(lang)
}

/// A system user's type as the checklist names it: the plan's `type` in
/// English, the diagrams' words in bokmål.
fn kind_in(kind: SystemUserType, lang: Lang) -> &'static str {
    match lang {
        Lang::En => kind.as_str(),
        Lang::Nb => {
            let labels = crate::render::labels(lang.code());
            match kind {
                SystemUserType::Standard => labels.standard,
                SystemUserType::Client => labels.client_relationship,
            }
        }
    }
}

fn number_of_system_users(
    plan: &Plan,
    advised: &crate::advisor::Recommendation,
    lang: Lang,
) -> Judged {
    if plan.system_users.is_empty() {
        return judged(Status::Fail, Text::NoLayout.text(lang), Vec::new());
    }
    let advice = &advised.advice;
    let have = count_by_type(&plan.system_users);
    let want = count_by_type(&advised.system_users);
    let scenarios = Text::Scenarios {
        scenarios: &advice.scenarios,
    }
    .text(lang);
    // The guidance leaves scenario F's option and H's consolidation to the user.
    let is = |s: &str| advice.scenarios.iter().any(|x| x == s);
    let chosen = is("F") || (is("H") && plan.options.self_on_client_system_user);
    if have == want {
        let reason = Text::CountsAsRecommended {
            counts: &describe_counts(have, lang),
            scenarios: &scenarios,
            chosen,
        };
        judged(Status::Pass, reason.text(lang), Vec::new())
    } else {
        let reason = Text::CountsDiffer {
            have: &describe_counts(have, lang),
            want: &describe_counts(want, lang),
            scenarios: &scenarios,
            chosen,
        };
        judged(
            Status::Fail,
            reason.text(lang),
            advised
                .system_users
                .iter()
                .map(|s| {
                    let why = s
                        .why
                        .as_deref()
                        .map(|w| format!(": {w}"))
                        .unwrap_or_default();
                    Text::RecommendedSystemUser {
                        name: &s.name,
                        kind: kind_in(s.kind, lang),
                        why: &why,
                    }
                    .text(lang)
                })
                .collect(),
        )
    }
}

fn approved(plan: &Plan, lang: Lang) -> Judged {
    judged(
        Status::Manual,
        Text::OnlyAltinnKnows.text(lang),
        plan.system_users
            .iter()
            .map(|s| {
                Text::Request {
                    name: &s.name,
                    external_ref: s.effective_external_ref(plan),
                    kind: kind_in(s.kind, lang),
                }
                .text(lang)
            })
            .collect(),
    )
}

fn clients_linked(plan: &Plan, report: &Report, lang: Lang) -> Judged {
    let client_sus: Vec<_> = plan
        .system_users
        .iter()
        .filter(|s| s.kind == SystemUserType::Client)
        .collect();
    if plan.clients.is_empty() && client_sus.is_empty() {
        return judged(
            Status::Pass,
            Text::NoClientRelationships.text(lang),
            Vec::new(),
        );
    }
    if plan.system_users.is_empty() {
        return judged(Status::Fail, Text::NoLayout.text(lang), Vec::new());
    }
    let problems = findings(
        report,
        &[
            Rule::NotAClient,
            Rule::ClientMissingPackage,
            Rule::RolePackageWrongUnitType,
            Rule::DelegatedClientOnlyPackage,
            Rule::ClientsOnStandardSystemUser,
            Rule::OrganisationAsClient,
            Rule::OperationalUnitAsClient,
            Rule::ClientUncovered,
        ],
        lang,
    );
    if problems.is_empty() {
        let linked: BTreeSet<&str> = client_sus
            .iter()
            .flat_map(|s| s.clients.iter().map(|c| c.as_str()))
            .collect();
        let reason = Text::ClientsLinked {
            clients: linked.len(),
            system_users: client_sus.len(),
        };
        judged(Status::Pass, reason.text(lang), Vec::new())
    } else {
        let reason = Text::ClientProblems {
            problems: problems.len(),
        };
        judged(Status::Fail, reason.text(lang), problems)
    }
}

fn access_control(plan: &Plan, report: &Report, lang: Lang) -> Judged {
    let minimum: Vec<String> = access_control_minimum_in(lang)
        .iter()
        .map(|requirement| Text::Minimum { requirement }.text(lang))
        .collect();
    let client_sus = plan
        .system_users
        .iter()
        .filter(|s| s.kind == SystemUserType::Client)
        .count();
    if plan.teams.is_empty() {
        let reason = if client_sus > 1 {
            Text::NoTeamsSeveralClientSystemUsers
        } else {
            Text::ConfirmMinimum
        };
        return judged(Status::Manual, reason.text(lang), minimum);
    }
    let mut problems: Vec<String> = plan
        .teams
        .iter()
        .filter(|t| t.members.is_empty())
        .map(|t| Text::TeamWithoutMembers { team: &t.name }.text(lang))
        .collect();
    problems.extend(findings(
        report,
        &[
            Rule::TeamUnknownSystemUser,
            Rule::SystemUserWithoutTeam,
            Rule::TeamOutsideRelationship,
        ],
        lang,
    ));
    let defined: HashSet<&str> = plan.teams.iter().map(|t| t.name.as_str()).collect();
    let mut reported: HashSet<String> = problems.iter().cloned().collect();
    for su in &plan.system_users {
        for t in &su.teams {
            if !defined.contains(t.as_str()) {
                let p = Text::TeamNotDefined {
                    system_user: &su.name,
                    team: t,
                }
                .text(lang);
                if reported.insert(p.clone()) {
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
                Text::TeamMayUse {
                    team: &t.name,
                    members: t.members.len(),
                    system_users: &sus.join(", "),
                }
                .text(lang)
            })
            .collect();
        details.extend(minimum);
        let reason = Text::TeamsInPlace {
            teams: plan.teams.len(),
        };
        judged(Status::Pass, reason.text(lang), details)
    } else {
        problems.extend(minimum);
        judged(Status::Fail, Text::TeamsIncomplete.text(lang), problems)
    }
}

fn select_token(plan: &Plan, report: &Report, lang: Lang) -> Judged {
    if plan.system_users.is_empty() {
        return judged(Status::Fail, Text::NoLayout.text(lang), Vec::new());
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
            let names = names
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", ");
            Text::SharedExternalRef {
                external_ref: r,
                names: &names,
            }
            .text(lang)
        })
        .collect();
    problems.extend(findings(report, &[Rule::AmbiguousRoute], lang));
    if problems.is_empty() {
        judged(
            Status::Pass,
            Text::OneRouteEach.text(lang),
            plan.system_users
                .iter()
                .map(|s| {
                    Text::Route {
                        name: &s.name,
                        external_ref: s.effective_external_ref(plan),
                    }
                    .text(lang)
                })
                .collect(),
        )
    } else {
        judged(Status::Fail, Text::CannotTellToken.text(lang), problems)
    }
}

fn tested(plan: &Plan, lang: Lang) -> Judged {
    let org = &plan.organisation;
    let org_label = if org.name.is_empty() {
        org.orgnr.to_string()
    } else {
        format!("{} ({})", org.name, org.orgnr)
    };
    // One client per system user, a different one each where possible; then
    // their labels in one pass over the clients (a search per system user
    // made this grow with system users × clients).
    let mut chosen: HashSet<&Orgnr, FastHash> = HashSet::default();
    let picked: Vec<Option<&Orgnr>> = plan
        .system_users
        .iter()
        .map(|su| {
            let c = su
                .clients
                .iter()
                .find(|c| !chosen.contains(c))
                .or_else(|| su.clients.first())?;
            chosen.insert(c);
            Some(c)
        })
        .collect();
    let labels: HashMap<&Orgnr, String, FastHash> = plan
        .clients
        .iter()
        .filter(|c| chosen.contains(&c.orgnr))
        .map(|c| (&c.orgnr, c.label()))
        .collect();
    let mut details = Vec::new();
    for (su, pick) in plan.system_users.iter().zip(picked) {
        let mut picks: Vec<String> = Vec::new();
        if su.kind == SystemUserType::Standard || su.include_self {
            picks.push(Text::TheOrganisationItself { org: &org_label }.text(lang));
        }
        if let Some(c) = pick {
            picks.push(labels.get(c).cloned().unwrap_or_else(|| c.to_string()));
        }
        if picks.is_empty() {
            picks.push(Text::NoClientsLinkedYet.text(lang));
        }
        details.push(format!("\"{}\": {}", su.name, picks.join("; ")));
    }
    let reason = if details.is_empty() {
        Text::TestOnceTheyExist
    } else {
        Text::TestInTt02
    };
    judged(Status::Manual, reason.text(lang), details)
}
