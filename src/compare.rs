//! Scenario F's two options side by side for one plan's real clients: how
//! many system users each needs, how many client links someone must keep up,
//! what a client adding a service costs, and which option the guidance's
//! criterion points to (it leaves the choice to the organisation).

mod texts;

use crate::advisor::{self, FNumbers};
use crate::lang::Lang;
use crate::plan::{FOption, Plan};
use crate::text::{thousands_in, wrap};
use serde::Serialize;
use texts::Text;

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
    /// `per-combination` or `per-service`: where the guidance's criterion points
    /// for these numbers (few, stable combinations: 1; many or growing: 2).
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
    compare_in(plan, Lang::En)
}

/// [`compare`] with its sentences, titles and system users' names in `lang`
/// (the names `advise --lang` gives); the figures are the same in every language.
pub fn compare_in(plan: &Plan, lang: Lang) -> Comparison {
    let study = advisor::Study::of(plan);
    let layout = |f| study.system_user_count(Some(f));
    let inputs = Inputs {
        numbers: study.f_numbers(lang),
        recommended: study.default_f_option(),
        system_users: [layout(FOption::PerCombination), layout(FOption::PerService)],
    };
    compare_from(plan, &inputs, lang)
}

/// What a comparison reads from the advisor, for a caller that already has
/// some of it (the wizard's analysis advises once and reuses the layout, and
/// words the same inputs again when the language changes).
#[derive(Debug, Clone)]
pub struct Inputs {
    pub numbers: FNumbers,
    /// The default option for the plan's numbers.
    pub recommended: FOption,
    /// System users in the whole layout under option 1 and option 2.
    pub system_users: [usize; 2],
}

/// [`compare_in`] from inputs already worked out.
pub fn compare_from(plan: &Plan, inputs: &Inputs, lang: Lang) -> Comparison {
    let Inputs {
        numbers: n,
        recommended,
        system_users: [layout_1, layout_2],
    } = inputs;
    let (recommended, layout_1, layout_2) = (*recommended, *layout_1, *layout_2);
    let base_only: usize = n.groups.iter().map(|g| g.plain_clients.len()).sum();
    let applies = n.f_clients > 0;
    let services: Vec<String> = n
        .extra_services
        .iter()
        .map(|c| advisor::service_label_in(c, lang))
        .collect();
    let combos: usize = n.groups.iter().map(|g| g.combinations.len()).sum();
    let services = services.join(", ");
    let situation = if applies {
        Text::Situation {
            f_clients: n.f_clients,
            total: n.f_clients + base_only,
            services: &services,
            combos,
        }
    } else {
        Text::NotApplies
    }
    .text(lang);
    let recommendation = recommendation_text(n, combos, recommended, applies).text(lang);
    Comparison {
        applies,
        situation,
        extra_services: n.extra_services.clone(),
        f_clients: n.f_clients,
        base_only_clients: base_only,
        option_1: option_1(plan, n, layout_1, lang),
        option_2: option_2(plan, n, layout_2, lang),
        recommended: recommended.as_str().into(),
        recommendation,
        chosen: plan.options.f_option.map(|f| f.as_str().to_string()),
    }
}

fn option_1(plan: &Plan, n: &FNumbers, layout_system_users: usize, lang: Lang) -> OptionSide {
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
    let example = example(plan, n, lang);
    let when = match &example {
        Some(Example {
            client,
            base,
            target: Some(target),
            ..
        }) => Text::When1Moves {
            client,
            base,
            target,
        },
        Some(Example {
            client,
            base,
            service,
            target: None,
            ..
        }) => Text::When1New {
            client,
            base,
            service,
        },
        None => Text::When1Generic,
    }
    .text(lang);
    OptionSide {
        option: FOption::PerCombination.as_str().into(),
        title: Text::Option1Title.text(lang),
        system_users: sus,
        client_links: links,
        layout_system_users,
        when_client_adds_service: when,
    }
}

fn option_2(plan: &Plan, n: &FNumbers, layout_system_users: usize, lang: Lang) -> OptionSide {
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
            name: advisor::service_system_user_name_in(code, lang),
            access_packages: vec![code.clone()],
            clients,
        });
    }
    let example = example(plan, n, lang);
    let when = match &example {
        Some(Example {
            client,
            base,
            service,
            ..
        }) => Text::When2 {
            client,
            base,
            service: &upper_first(service),
        }
        .text(lang),
        None => Text::When2Generic.text(lang),
    };
    OptionSide {
        option: FOption::PerService.as_str().into(),
        title: Text::Option2Title.text(lang),
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
fn example(plan: &Plan, n: &FNumbers, lang: Lang) -> Option<Example> {
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
    let service = advisor::service_label_in(&code, lang);
    let client = g
        .plain_clients
        .first()
        .map(|o| plan.client(o).map(|c| c.label()).unwrap_or(o.to_string()))
        .unwrap_or_else(|| Text::AClient.text(lang));
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

fn recommendation_text(n: &FNumbers, combos: usize, rec: FOption, applies: bool) -> Text<'static> {
    if !applies {
        return Text::RecommendNothing;
    }
    let services = n.extra_services.len();
    match rec {
        FOption::PerCombination => Text::RecommendOption1 { services, combos },
        FOption::PerService => Text::RecommendOption2 { services, combos },
    }
}

/// The comparison as a two-column table for people.
pub fn to_text(c: &Comparison, plan_name: &str) -> String {
    to_text_in(c, plan_name, Lang::En)
}

/// [`to_text`] with its labels in `lang`; give it a comparison from
/// [`compare_in`] in the same language.
pub fn to_text_in(c: &Comparison, plan_name: &str, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&Text::Heading { plan: plan_name }.text(lang));
    out.push('\n');
    out.push_str(&wrap(&c.situation, 78).join("\n"));
    out.push_str("\n\n");
    if !c.applies {
        out.push_str(&wrap(&c.recommendation, 78).join("\n"));
        out.push('\n');
        return out;
    }
    let (label_width, col) = texts::widths(lang);
    /// System users listed per option; `--format json` has them all.
    const SHOWN: usize = 8;
    let mut rows: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    rows.push((
        String::new(),
        wrap(&c.option_1.title, col),
        wrap(&c.option_2.title, col),
    ));
    let list = |s: &OptionSide| -> Vec<String> {
        let mut v = vec![format!("{}", s.system_users.len())];
        for su in s.system_users.iter().take(SHOWN) {
            let item = Text::ListedSystemUser {
                name: &su.name,
                clients: su.clients,
            }
            .text(lang);
            for (k, line) in wrap(&item, col - 2).into_iter().enumerate() {
                v.push(format!("{} {line}", if k == 0 { "-" } else { " " }));
            }
        }
        if s.system_users.len() > SHOWN {
            let more = Text::AndMore {
                count: s.system_users.len() - SHOWN,
            };
            v.push(format!("- {}", more.text(lang)));
        }
        v
    };
    rows.push((
        Text::SystemUsersLabel.text(lang),
        list(&c.option_1),
        list(&c.option_2),
    ));
    rows.push((
        Text::ClientLinksLabel.text(lang),
        vec![thousands_in(c.option_1.client_links, lang)],
        vec![thousands_in(c.option_2.client_links, lang)],
    ));
    rows.push((
        Text::AddsServiceLabel.text(lang),
        wrap(&c.option_1.when_client_adds_service, col),
        wrap(&c.option_2.when_client_adds_service, col),
    ));
    let layout = |count| vec![Text::LayoutSystemUsers { count }.text(lang)];
    rows.push((
        Text::WholeLayoutLabel.text(lang),
        layout(c.option_1.layout_system_users),
        layout(c.option_2.layout_system_users),
    ));
    for (i, (label, a, b)) in rows.iter().enumerate() {
        let labels = wrap(label, label_width);
        let height = a.len().max(b.len()).max(labels.len());
        for k in 0..height {
            let l = labels.get(k).map(String::as_str).unwrap_or("");
            let x = a.get(k).map(String::as_str).unwrap_or("");
            let y = b.get(k).map(String::as_str).unwrap_or("");
            let line = format!("{l:<label_width$} | {x:<col$} | {y}");
            out.push_str(line.trim_end());
            out.push('\n');
        }
        if i == 0 {
            out.push_str(&format!(
                "{}-+-{}-+-{}\n",
                "-".repeat(label_width),
                "-".repeat(col),
                "-".repeat(col)
            ));
        } else if i + 1 < rows.len() {
            out.push_str(&format!("{:<label_width$} | {:<col$} |\n", "", ""));
        }
    }
    out.push('\n');
    out.push_str(&Text::AccessPackages.text(lang));
    out.push('\n');
    let mut seen: Vec<(&str, &[String])> = Vec::new();
    let shown = |s: &OptionSide| s.system_users.len().min(SHOWN);
    for su in c.option_1.system_users[..shown(&c.option_1)]
        .iter()
        .chain(&c.option_2.system_users[..shown(&c.option_2)])
    {
        if !seen.iter().any(|(n, _)| *n == su.name) {
            seen.push((&su.name, &su.access_packages));
        }
    }
    for (name, packages) in seen {
        out.push_str(&format!("  {name}: {}\n", packages.join(", ")));
    }
    out.push('\n');
    let recommended = Text::Recommended {
        recommendation: &c.recommendation,
    };
    out.push_str(&wrap(&recommended.text(lang), 78).join("\n"));
    out.push('\n');
    let chosen = match &c.chosen {
        Some(f) if *f == c.recommended => Text::AlreadyChosen { f },
        Some(f) => Text::ChosenOther { f },
        None => Text::NoneChosen {
            recommended: &c.recommended,
        },
    };
    out.push_str(&chosen.text(lang));
    out.push('\n');
    out
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
