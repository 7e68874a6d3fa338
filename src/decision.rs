//! The guidance's decision tree, "How many system users do I need?", as data.
//!
//! The wizard and `advise` both read this one definition: the question texts
//! (English and bokmål), the guidance's explanation, and which scenario a
//! "yes" leads to. How an answer follows from a plan's facts is [`answer`].

use crate::advisor::{Facts, relationship_label};
use crate::plan::{Plan, Relationship};
use crate::text::thousands;

/// One question of the decision tree.
#[derive(Debug)]
pub struct Question {
    /// Stable id, used in `advice.decision_path`.
    pub id: &'static str,
    pub text_en: &'static str,
    pub text_nb: &'static str,
    /// What a "yes" means, from the guidance.
    pub explain_en: &'static str,
    pub explain_nb: &'static str,
    /// The scenarios a "yes" points to.
    pub scenarios: &'static [&'static str],
}

impl Question {
    pub fn text(&self, lang: &str) -> &'static str {
        if lang == "nb" {
            self.text_nb
        } else {
            self.text_en
        }
    }

    pub fn explain(&self, lang: &str) -> &'static str {
        if lang == "nb" {
            self.explain_nb
        } else {
            self.explain_en
        }
    }
}

/// The seven questions, in the guidance's order.
pub const QUESTIONS: &[Question] = &[
    Question {
        id: "own-only",
        text_en: "Does the organisation report only for itself?",
        text_nb: "Rapporterer virksomheten bare for seg selv?",
        explain_en: "Yes → 1 standard system user with all the access packages the organisation needs (scenario A; scenario E if the system is locally installed or self-developed).",
        explain_nb: "Ja → 1 standard systembruker med alle tilgangspakkene virksomheten trenger (scenario A; scenario E hvis systemet er lokalt installert eller egenutviklet).",
        scenarios: &["A", "E"],
    },
    Question {
        id: "one-relationship-type",
        text_en: "Does the service provider have only one type of client relationship?",
        text_nb: "Har tjenesteleverandøren bare én type klientforhold?",
        explain_en: "Yes → 1 system user for client relationships with the packages that match the relationship (scenario B). New clients are linked to it; no new system users are needed.",
        explain_nb: "Ja → 1 systembruker for klientforhold med tilgangspakkene som passer klientforholdet (scenario B). Nye klienter knyttes til den; det trengs ingen nye systembrukere.",
        scenarios: &["B"],
    },
    Question {
        id: "several-relationship-types",
        text_en: "Does the service provider have multiple types of client relationships?",
        text_nb: "Har tjenesteleverandøren flere typer klientforhold?",
        explain_en: "Yes → 1 system user per relationship type (scenario C): each type is a separate legal basis, the end-user system picks the token by external ref, and the audit trail stays clear.",
        explain_nb: "Ja → 1 systembruker per type klientforhold (scenario C): hver type er et eget rettslig grunnlag, sluttbrukersystemet velger token etter ekstern referanse, og revisjonssporet blir tydelig.",
        scenarios: &["C"],
    },
    Question {
        id: "extra-delegated-packages",
        text_en: "Have some clients delegated additional access packages beyond what follows from the client relationship?",
        text_nb: "Har noen klienter delegert flere tilgangspakker enn det som følger av klientforholdet?",
        explain_en: "Yes → scenario F: option 1, one system user per combination of packages (clients move when they extend); option 2, a shared base system user plus one per extra service (clients are linked to several).",
        explain_nb: "Ja → scenario F: alternativ 1, én systembruker per kombinasjon av tilgangspakker (klienter flyttes når de utvider); alternativ 2, én felles systembruker pluss én per tilleggstjeneste (klienter knyttes til flere).",
        scenarios: &["F"],
    },
    Question {
        id: "teams",
        text_en: "Does the service provider need to restrict access by team or department?",
        text_nb: "Må tjenesteleverandøren begrense tilgang per team eller avdeling?",
        explain_en: "Yes → consider 1 system user per team in addition to per relationship type (scenario D). The end-user system must restrict who may use which system user.",
        explain_nb: "Ja → vurder 1 systembruker per team i tillegg til per type klientforhold (scenario D). Sluttbrukersystemet må begrense hvem som kan bruke hvilken systembruker.",
        scenarios: &["D"],
    },
    Question {
        id: "sub-entities",
        text_en: "Is the organisation a main entity with several sub-entities that should report centrally?",
        text_nb: "Er virksomheten en hovedenhet med flere organisasjonsledd som skal rapportere sentralt?",
        explain_en: "Yes → 1 system user for client relationships; each sub-entity delegates access packages and is linked as a client (scenario G). Operational units follow their main unit automatically.",
        explain_nb: "Ja → 1 systembruker for klientforhold; hvert organisasjonsledd delegerer tilgangspakker og knyttes til som klient (scenario G). Underenheter følger hovedenheten automatisk.",
        scenarios: &["G"],
    },
    Question {
        id: "own-and-delegated",
        text_en: "Does the organisation need to report both for itself (and its operational units) and for sub-entities or other legal entities with delegated access packages?",
        text_nb: "Må virksomheten rapportere både for seg selv (og sine underenheter) og for organisasjonsledd eller andre juridiske enheter med delegerte tilgangspakker?",
        explain_en: "Yes → 2 system users: one standard for own reporting and one for client relationships for the delegated entities (scenario H); one client system user with the organisation itself added, where Altinn offers that to you.",
        explain_nb: "Ja → 2 systembrukere: én standard for egen rapportering og én for klientforhold for de delegerte enhetene (scenario H); én systembruker for klientforhold med egen virksomhet lagt til, der Altinn tilbyr det.",
        scenarios: &["H"],
    },
];

/// The answer to one question for one plan, with the facts behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub yes: bool,
    /// One sentence naming the facts that decided it.
    pub why: String,
}

/// Answers `question` from the plan's facts (own packages, clients' ER roles
/// and delegations, teams, sub-entities, `locally_installed`).
pub fn answer(question: &Question, plan: &Plan) -> Answer {
    answer_from(question, &crate::advisor::facts(plan))
}

/// Answers `question` from facts already read; `advise` reads them once for all seven.
pub fn answer_from(question: &Question, f: &Facts) -> Answer {
    let clients: usize = f.kinds.iter().map(|(_, n)| n).sum::<usize>();
    let delegated = f
        .kinds
        .iter()
        .find(|(r, _)| *r == Relationship::Delegated)
        .map_or(0, |(_, n)| *n);
    let kinds = || {
        f.kinds
            .iter()
            .map(|(r, n)| format!("{} ({})", relationship_label(*r), thousands(*n)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let own = || match f.own_packages {
        1 => "1 package".to_string(),
        n => format!("{n} packages"),
    };
    let (yes, why) = match question.id {
        "own-only" => match (f.own_packages > 0, clients > 0) {
            (true, false) if f.locally_installed => (
                true,
                format!(
                    "The organisation needs {} for its own reporting, has no clients, and the system is locally installed (scenario E).",
                    own()
                ),
            ),
            (true, false) => (
                true,
                format!(
                    "The organisation needs {} for its own reporting and has no clients.",
                    own()
                ),
            ),
            (true, true) => (
                false,
                format!(
                    "Besides its own {}, the organisation acts for {} client{}.",
                    own(),
                    thousands(clients),
                    plural(clients)
                ),
            ),
            (false, _) => (
                false,
                "The organisation lists no packages for its own reporting.".into(),
            ),
        },
        "one-relationship-type" => match f.kinds.len() {
            0 => (false, "There are no clients to serve.".into()),
            1 => (
                true,
                format!("All clients come through one relationship type: {}.", kinds()),
            ),
            n => (
                false,
                format!("The clients come through {n} relationship types: {}.", kinds()),
            ),
        },
        "several-relationship-types" => match f.kinds.len() {
            0 => (false, "There are no clients to serve.".into()),
            1 => (
                false,
                format!("There is only one relationship type: {}.", kinds()),
            ),
            n => (
                true,
                format!(
                    "The clients come through {n} relationship types, each its own legal basis: {}.",
                    kinds()
                ),
            ),
        },
        "extra-delegated-packages" => {
            if f.f_clients > 0 {
                (
                    true,
                    format!(
                        "{} client{} with an ER relationship also delegated extra packages: {}.",
                        thousands(f.f_clients),
                        plural(f.f_clients),
                        f.extra_services.join(", ")
                    ),
                )
            } else {
                (
                    false,
                    "No client with an ER relationship has delegated packages beyond what the relationship gives.".into(),
                )
            }
        }
        "teams" => {
            if f.teams.is_empty() {
                (false, "The plan defines no teams.".into())
            } else {
                (
                    true,
                    format!(
                        "The plan defines {} team{}: {}.",
                        f.teams.len(),
                        plural(f.teams.len()),
                        f.teams.join(", ")
                    ),
                )
            }
        }
        "sub-entities" => {
            if f.sub_entities > 0 {
                (
                    true,
                    format!(
                        "{} client{} {} (organisasjonsledd) that {} packages to the organisation.",
                        thousands(f.sub_entities),
                        plural(f.sub_entities),
                        if f.sub_entities == 1 { "is a sub-entity" } else { "are sub-entities" },
                        if f.sub_entities == 1 { "delegates" } else { "delegate" }
                    ),
                )
            } else {
                (false, "No client is a sub-entity.".into())
            }
        }
        "own-and-delegated" => match (f.own_packages > 0, delegated > 0) {
            (true, true) => (
                true,
                format!(
                    "The organisation needs {} for itself and {} client{} delegated packages to it directly in Altinn.",
                    own(),
                    thousands(delegated),
                    plural(delegated)
                ),
            ),
            (true, false) => (
                false,
                "The organisation reports for itself, but no client relies on packages delegated in Altinn alone.".into(),
            ),
            (false, true) => (
                false,
                "Clients delegated packages, but the organisation lists none for its own reporting.".into(),
            ),
            (false, false) => (
                false,
                "The organisation neither reports for itself nor has clients that only delegated packages.".into(),
            ),
        },
        _ => (false, String::new()),
    };
    Answer { yes, why }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
