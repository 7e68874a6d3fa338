//! Scenario F's two options side by side for one plan's real clients: how
//! many system users each needs, how many client links someone must keep up,
//! what a client adding a service costs, and which the guidance recommends.

use crate::advisor::{self, FNumbers};
use crate::plan::{FOption, Plan};
use crate::text::thousands;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Whether scenario F applies (some client with an ER relationship delegated extras).
    pub applies: bool,
    /// Why F applies or not, in one sentence.
    pub situation: String,
    pub extra_services: Vec<String>,
    /// Clients with an ER relationship and extras.
    pub f_clients: usize,
    /// Clients of the same ER bases without extras.
    pub base_only_clients: usize,
    pub option_1: OptionSide,
    pub option_2: OptionSide,
    /// `per-combination` or `per-service`: what the guidance recommends here.
    pub recommended: String,
    pub recommendation: String,
    /// The plan's `options.f_option`, if set.
    pub chosen: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionSide {
    pub option: String,
    pub title: String,
    /// The system users scenario F needs under this option.
    pub system_users: Vec<SideSystemUser>,
    /// Client links on those system users.
    pub client_links: usize,
    /// All system users in the whole recommended layout under this option.
    pub layout_system_users: usize,
    pub when_client_adds_service: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SideSystemUser {
    pub name: String,
    pub access_packages: Vec<String>,
    pub clients: usize,
}

/// Compares F's two options for the plan's real clients.
pub fn compare(plan: &Plan) -> Comparison {
    let n = advisor::f_numbers(plan);
    let layout = |f| advisor::recommend(plan, Some(f)).system_users.len();
    let base_only: usize = n.groups.iter().map(|g| g.plain_clients.len()).sum();
    let applies = n.f_clients > 0;
    let services: Vec<String> = n
        .extra_services
        .iter()
        .map(|c| advisor::service_label(c))
        .collect();
    let combos: usize = n.groups.iter().map(|g| g.combinations.len()).sum();
    let situation = if applies {
        format!(
            "{} of {} clients with an ER relationship also delegated extra services ({}), in {} combination{}.",
            thousands(n.f_clients),
            thousands(n.f_clients + base_only),
            services.join(", "),
            combos,
            plural(combos)
        )
    } else {
        "Scenario F does not apply: no client with an ER relationship (registered accountant, auditor or business manager) has delegated packages beyond what that relationship gives, so every client fits its relationship's one system user.".into()
    };
    let recommended = if n.extra_services.len() >= 2 {
        FOption::PerService
    } else {
        FOption::PerCombination
    };
    let recommendation = recommendation_text(&n, combos, recommended, applies);
    Comparison {
        applies,
        situation,
        extra_services: n.extra_services.clone(),
        f_clients: n.f_clients,
        base_only_clients: base_only,
        option_1: option_1(plan, &n, layout(FOption::PerCombination)),
        option_2: option_2(plan, &n, layout(FOption::PerService)),
        recommended: recommended.as_str().into(),
        recommendation,
        chosen: plan.options.f_option.map(|f| f.as_str().to_string()),
    }
}

fn option_1(plan: &Plan, n: &FNumbers, layout_system_users: usize) -> OptionSide {
    let mut sus = Vec::new();
    let mut links = 0;
    for g in &n.groups {
        if !g.plain_clients.is_empty() {
            sus.push(SideSystemUser {
                name: g.name.clone(),
                access_packages: g.base.clone(),
                clients: g.plain_clients.len(),
            });
            links += g.plain_clients.len();
        }
        for c in &g.combinations {
            sus.push(SideSystemUser {
                name: c.name.clone(),
                access_packages: [g.base.clone(), c.extras.clone()].concat(),
                clients: c.clients.len(),
            });
            links += c.clients.len();
        }
    }
    let when = match example(plan, n) {
        Some(Example {
            client,
            base,
            target: Some(target),
            ..
        }) => format!(
            "{client} moves: it is removed from \"{base}\" and added to \"{target}\", and the end-user system switches its token. A combination not yet used needs a new system user first."
        ),
        Some(Example {
            client,
            base,
            service,
            target: None,
        }) => format!(
            "{client} moves from \"{base}\" to a new system user for \"{base} + {service}\", which must be created first; the end-user system switches its token."
        ),
        None => "The client moves from its system user to the one for its new combination (created first if that combination is new).".into(),
    };
    OptionSide {
        option: FOption::PerCombination.as_str().into(),
        title: "Option 1: one system user per combination".into(),
        system_users: sus,
        client_links: links,
        layout_system_users,
        when_client_adds_service: when,
    }
}

fn option_2(plan: &Plan, n: &FNumbers, layout_system_users: usize) -> OptionSide {
    let mut sus = Vec::new();
    let mut links = n.extra_links;
    for g in &n.groups {
        let clients = g.plain_clients.len()
            + g.combinations
                .iter()
                .map(|c| c.clients.len())
                .sum::<usize>();
        links += clients;
        sus.push(SideSystemUser {
            name: g.name.clone(),
            access_packages: g.base.clone(),
            clients,
        });
    }
    for code in &n.extra_services {
        let clients = n
            .groups
            .iter()
            .flat_map(|g| &g.combinations)
            .filter(|c| c.extras.contains(code))
            .map(|c| c.clients.len())
            .sum();
        sus.push(SideSystemUser {
            name: advisor::service_system_user_name(code),
            access_packages: vec![code.clone()],
            clients,
        });
    }
    let when = match example(plan, n) {
        Some(Example {
            client,
            base,
            service,
            ..
        }) => format!(
            "{client} is also linked to \"{}\" and stays on \"{base}\"; nobody moves. A new kind of service needs one new system user for that service only.",
            upper_first(&service)
        ),
        None => "The client is linked to the extra service's system user as well and stays on its base system user.".into(),
    };
    OptionSide {
        option: FOption::PerService.as_str().into(),
        title: "Option 2: shared base + one per extra service".into(),
        system_users: sus,
        client_links: links,
        layout_system_users,
        when_client_adds_service: when,
    }
}

struct Example {
    client: String,
    base: String,
    service: String,
    target: Option<String>,
}

/// A real base-only client and the most used extra service, to make "when a
/// client adds a service" concrete.
fn example(plan: &Plan, n: &FNumbers) -> Option<Example> {
    let g = n
        .groups
        .iter()
        .find(|g| !g.plain_clients.is_empty())
        .or(n.groups.first())?;
    let code = n
        .extra_services
        .iter()
        .rev()
        .max_by_key(|code| {
            n.groups
                .iter()
                .flat_map(|g| &g.combinations)
                .filter(|c| c.extras.contains(code))
                .map(|c| c.clients.len())
                .sum::<usize>()
        })?
        .clone();
    let service = advisor::service_label(&code);
    let client = g
        .plain_clients
        .first()
        .map(|o| plan.client(o).map(|c| c.label()).unwrap_or(o.to_string()))
        .unwrap_or_else(|| "A client".into());
    let target = g
        .combinations
        .iter()
        .find(|c| c.extras == [code.clone()])
        .map(|c| c.name.clone());
    Some(Example {
        client,
        base: g.name.clone(),
        service,
        target,
    })
}

fn recommendation_text(n: &FNumbers, combos: usize, rec: FOption, applies: bool) -> String {
    if !applies {
        return "Nothing to choose: use one client system user per relationship type (scenarios B and C). If clients start delegating extra services, run `sysuser compare` again.".into();
    }
    match rec {
        FOption::PerCombination => format!(
            "Option 1 (per-combination): {} extra service{} in {} combination{}. The guidance recommends option 1 for few and stable combinations: each client sits on exactly one system user. Choose option 2 if you expect more extra services.",
            n.extra_services.len(),
            plural(n.extra_services.len()),
            combos,
            plural(combos)
        ),
        FOption::PerService => format!(
            "Option 2 (per-service): {} extra services in {} combination{}. The guidance recommends option 2 for many or growing combinations: system users then grow with the services, not the combinations, and no client ever moves.",
            n.extra_services.len(),
            combos,
            plural(combos)
        ),
    }
}

/// The comparison as a two-column table for people.
pub fn to_text(c: &Comparison, plan_name: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!("Scenario F for {plan_name}\n"));
    out.push_str(&wrap(&c.situation, 78).join("\n"));
    out.push_str("\n\n");
    if !c.applies {
        out.push_str(&wrap(&c.recommendation, 78).join("\n"));
        out.push('\n');
        return out;
    }
    const LABEL: usize = 14;
    const COL: usize = 30;
    let mut rows: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    rows.push((
        String::new(),
        wrap(&c.option_1.title, COL),
        wrap(&c.option_2.title, COL),
    ));
    let list = |s: &OptionSide| -> Vec<String> {
        let mut v = vec![format!("{}", s.system_users.len())];
        for su in &s.system_users {
            let item = format!(
                "{} ({} client{})",
                su.name,
                thousands(su.clients),
                plural(su.clients)
            );
            for (k, line) in wrap(&item, COL - 2).into_iter().enumerate() {
                v.push(format!("{} {line}", if k == 0 { "-" } else { " " }));
            }
        }
        v
    };
    rows.push(("System users".into(), list(&c.option_1), list(&c.option_2)));
    rows.push((
        "Client links".into(),
        vec![thousands(c.option_1.client_links)],
        vec![thousands(c.option_2.client_links)],
    ));
    rows.push((
        "A client adds a service".into(),
        wrap(&c.option_1.when_client_adds_service, COL),
        wrap(&c.option_2.when_client_adds_service, COL),
    ));
    rows.push((
        "Whole layout".into(),
        vec![format!(
            "{} system users",
            thousands(c.option_1.layout_system_users)
        )],
        vec![format!(
            "{} system users",
            thousands(c.option_2.layout_system_users)
        )],
    ));
    for (i, (label, a, b)) in rows.iter().enumerate() {
        let labels = wrap(label, LABEL);
        let height = a.len().max(b.len()).max(labels.len());
        for k in 0..height {
            let l = labels.get(k).map(String::as_str).unwrap_or("");
            let x = a.get(k).map(String::as_str).unwrap_or("");
            let y = b.get(k).map(String::as_str).unwrap_or("");
            let line = format!("{l:<LABEL$} | {x:<COL$} | {y}");
            out.push_str(line.trim_end());
            out.push('\n');
        }
        if i == 0 {
            out.push_str(&format!(
                "{}-+-{}-+-{}\n",
                "-".repeat(LABEL),
                "-".repeat(COL),
                "-".repeat(COL)
            ));
        } else if i + 1 < rows.len() {
            out.push_str(&format!("{:<LABEL$} | {:<COL$} |\n", "", ""));
        }
    }
    out.push_str("\nAccess packages:\n");
    let mut seen: Vec<(&str, &[String])> = Vec::new();
    for su in c
        .option_1
        .system_users
        .iter()
        .chain(&c.option_2.system_users)
    {
        if !seen.iter().any(|(n, _)| *n == su.name) {
            seen.push((&su.name, &su.access_packages));
        }
    }
    for (name, packages) in seen {
        out.push_str(&format!("  {name}: {}\n", packages.join(", ")));
    }
    out.push('\n');
    out.push_str(&wrap(&format!("Recommended: {}", c.recommendation), 78).join("\n"));
    out.push('\n');
    match &c.chosen {
        Some(f) if *f == c.recommended => out.push_str(&format!(
            "The plan already chooses {f} (options.f_option).\n"
        )),
        Some(f) => out.push_str(&format!(
            "The plan chooses {f} (options.f_option); `advise` follows the plan's choice.\n"
        )),
        None => out.push_str(&format!(
            "The plan sets no options.f_option, so `advise` uses {}.\n",
            c.recommended
        )),
    }
    out
}

/// Greedy word wrap; words longer than the width are cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
