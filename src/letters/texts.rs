//! The letters' wording: one function per language over the same values.
//! Packages are named by their Norwegian name (what the client sees in
//! Altinn) and code; roles by the catalog's names.

use super::{Action, Todo};
use crate::catalog::{Package, Role};
use crate::lang::Lang;
use crate::plan::Plan;

pub(super) fn letter(plan: &Plan, todo: &Todo, lang: Lang) -> String {
    match lang {
        Lang::En => letter_en(plan, todo),
        Lang::Nb => letter_nb(plan, todo),
    }
}

pub(super) fn csv_header(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "client,name,missing,action",
        Lang::Nb => "klient,navn,mangler,tiltak",
    }
}

pub(super) fn none_needed(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "No letters: every client already gives the organisation all the packages of its system users.\n"
        }
        Lang::Nb => {
            "Ingen brev: alle klientene gir allerede virksomheten alle tilgangspakkene systembrukerne deres har.\n"
        }
    }
}

fn org(plan: &Plan) -> String {
    let o = &plan.organisation;
    if o.name.is_empty() {
        o.orgnr.to_string()
    } else {
        format!("{} ({})", o.name, o.orgnr)
    }
}

fn system_name(plan: &Plan, lang: Lang) -> &str {
    let n = &plan.system.name;
    let preferred = match lang {
        Lang::En => [&n.en, &n.nb],
        Lang::Nb => [&n.nb, &n.en],
    };
    preferred
        .into_iter()
        .find(|s| !s.is_empty())
        .map_or(plan.system.id.as_str(), String::as_str)
}

fn package(p: &Package) -> String {
    format!("«{}» ({})", p.name_nb, p.code)
}

fn packages(ps: &[&Package]) -> String {
    ps.iter().map(|p| package(p)).collect::<Vec<_>>().join(", ")
}

fn missing_list(codes: &[&str]) -> String {
    codes
        .iter()
        .map(|c| match crate::catalog::catalog().get(c) {
            Some(p) => package(p),
            None => format!("`{c}`"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("«{n}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn role_en(r: &Role) -> String {
    let code = r.er_code.as_deref().unwrap_or(&r.role);
    format!("{} ({}, {code})", r.name_en.to_lowercase(), r.name_nb)
}

fn role_nb(r: &Role) -> String {
    let code = r.er_code.as_deref().unwrap_or(&r.role);
    format!("{} ({code})", r.name_nb.to_lowercase())
}

/// The client's actions as a numbered list, worded by `word` (`None`: not in the letter).
fn numbered(t: &Todo, word: impl Fn(&Action) -> Option<String>) -> String {
    t.actions
        .iter()
        .filter_map(word)
        .enumerate()
        .map(|(i, line)| format!("{}. {line}\n", i + 1))
        .collect()
}

fn letter_en(plan: &Plan, t: &Todo) -> String {
    let org = org(plan);
    let client = t.client.label();
    let (missing, sus) = t.fixable();
    let (user, it, carries) = if sus.len() == 1 {
        ("system user", "it", "it carries")
    } else {
        ("system users", "them", "they carry")
    };
    let mut s = format!(
        "To: {client}\nFrom: {org}\nSubject: What we need from you in Altinn\n\n\
         We report for you through the end-user system {system}, which acts in Altinn as the \
         {user} {sus}. Altinn lets us add you to {it} only when you give us every access \
         package {carries}. You do not yet give us: {missing}.\n\nWhat to do:\n",
        system = system_name(plan, Lang::En),
        sus = quoted(&sus),
        missing = missing_list(&missing),
    );
    s.push_str(&numbered(t, |a| match a {
        Action::RegisterRole { role, packages: ps } => Some(format!(
            "Register {org} as your {} in Enhetsregisteret (the Central Coordinating Register \
             for Legal Entities, brreg.no). This gives us {}.",
            role_en(role),
            packages(ps)
        )),
        Action::Delegate { package: p } => Some(format!(
            "In Altinn, delegate the access package {} to {org}. Someone with the access \
             manager role (tilgangsstyrer) in your organisation can do it.",
            package(p)
        )),
        Action::Impossible { .. } => None,
    }));
    s.push_str(
        "\nWhy: Altinn checks all of the system user's packages together. Without them it \
         refuses to add you as our client (error AUTH-00080, or AUTH-00079 when you give us \
         none of them).\n\nPlease tell us when it is done.\n\n",
    );
    s.push_str(&format!("{org}\n"));
    s
}

fn letter_nb(plan: &Plan, t: &Todo) -> String {
    let org = org(plan);
    let client = t.client.label();
    let (missing, sus) = t.fixable();
    let (user, has) = if sus.len() == 1 {
        ("systembrukeren", "den har")
    } else {
        ("systembrukerne", "de har")
    };
    let mut s = format!(
        "Til: {client}\nFra: {org}\nEmne: Dette trenger vi fra dere i Altinn\n\n\
         Vi rapporterer for dere gjennom sluttbrukersystemet {system}, som opptrer i Altinn som \
         {user} {sus}. Altinn lar oss legge dere til der bare når dere gir oss alle \
         tilgangspakkene {has}. Dere gir oss ennå ikke: {missing}.\n\nDette må dere gjøre:\n",
        system = system_name(plan, Lang::Nb),
        sus = quoted(&sus),
        missing = missing_list(&missing),
    );
    s.push_str(&numbered(t, |a| match a {
        Action::RegisterRole { role, packages: ps } => Some(format!(
            "Registrer {org} som deres {} i Enhetsregisteret (Brønnøysundregistrene, \
             brreg.no). Det gir oss {}.",
            role_nb(role),
            packages(ps)
        )),
        Action::Delegate { package: p } => Some(format!(
            "Deleger tilgangspakken {} til {org} i Altinn. Det kan gjøres av en med \
             rollen tilgangsstyrer hos dere.",
            package(p)
        )),
        Action::Impossible { .. } => None,
    }));
    s.push_str(
        "\nHvorfor: Altinn sjekker alle tilgangspakkene til systembrukeren samlet. Uten dem \
         nekter Altinn å legge dere til som vår klient (feil AUTH-00080, eller AUTH-00079 når \
         dere ikke gir oss noen av dem).\n\nGi oss beskjed når det er gjort.\n\n",
    );
    s.push_str(&format!("{org}\n"));
    s
}

/// One action in a few words, for the CSV summary and the runbook.
pub(super) fn action_short(a: &Action, lang: Lang) -> String {
    match (a, lang) {
        (Action::RegisterRole { role, .. }, Lang::En) => format!(
            "register the organisation as {} in Enhetsregisteret",
            role_en(role)
        ),
        (Action::RegisterRole { role, .. }, Lang::Nb) => format!(
            "registrer virksomheten som {} i Enhetsregisteret",
            role_nb(role)
        ),
        (Action::Delegate { package: p }, Lang::En) => {
            format!("delegate {} to the organisation in Altinn", package(p))
        }
        (Action::Delegate { package: p }, Lang::Nb) => {
            format!("deleger {} til virksomheten i Altinn", package(p))
        }
        (Action::Impossible { package }, Lang::En) => format!(
            "nothing the client can do gives `{package}`: take it off this client's system user (see sysuser check)"
        ),
        (Action::Impossible { package }, Lang::Nb) => format!(
            "ingenting klienten kan gjøre gir `{package}`: ta den bort fra klientens systembruker (se sysuser check)"
        ),
    }
}
