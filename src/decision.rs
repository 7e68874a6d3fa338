//! The guidance's decision tree, "How many system users do I need?", as data.
//!
//! The wizard and `advise` both read this one definition: the question texts
//! (English and bokmål), the guidance's explanation, and which scenario a
//! "yes" leads to. How an answer follows from a plan's facts is [`answer`].

use crate::catalog::service_name_in;
use crate::lang::Lang;
use crate::plan::Relationship;
use crate::text::{plural_s, thousands_in};

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

    /// The branch of the guidance's tree an answer takes. The guidance words
    /// only the "Yes →" branches; a "No" means this question's scenarios do
    /// not apply and the next question decides.
    pub fn branch(&self, yes: bool, lang: &str) -> String {
        if yes {
            return self.explain(lang).to_string();
        }
        let nb = lang == "nb";
        let scenarios = self.scenarios.join(if nb { " og " } else { " and " });
        let scenario = match (nb, self.scenarios.len()) {
            (false, 1) => format!("scenario {scenarios} does not apply"),
            (false, _) => format!("scenarios {scenarios} do not apply"),
            (true, _) => format!("scenario {scenarios} gjelder ikke"),
        };
        let next = QUESTIONS
            .iter()
            .position(|q| q.id == self.id)
            .map(|i| i + 2)
            .filter(|n| *n <= QUESTIONS.len());
        match (nb, next) {
            (false, Some(n)) => format!("No → {scenario}; go on to question {n}."),
            (false, None) => format!("No → {scenario}; the layout follows from the answers above."),
            (true, Some(n)) => format!("Nei → {scenario}; gå videre til spørsmål {n}."),
            (true, None) => format!("Nei → {scenario}; oppsettet følger av svarene over."),
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

/// The facts the decision tree's answers follow from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Packages the organisation lists for its own reporting.
    pub own_packages: usize,
    pub locally_installed: bool,
    /// Served clients per relationship type, in [`Relationship::all`] order;
    /// `Delegated` counts clients whose only relationship is delegation.
    pub kinds: Vec<(Relationship, usize)>,
    /// Served clients that are sub-entities (organisasjonsledd).
    pub sub_entities: usize,
    /// Clients with an ER relationship and extra delegated packages (F).
    pub f_clients: usize,
    /// The codes of the extra packages, in registration order (each language
    /// names them with [`crate::catalog::service_name_in`]).
    pub extra_service_codes: Vec<String>,
    /// Team names.
    pub teams: Vec<String>,
    /// Clients listed with a relationship that no layout can serve.
    pub unserved: usize,
}

/// Answers `question` from facts already read, with the reason in `lang`;
/// `advise` reads the facts once for all seven.
pub fn answer_from_in(question: &Question, f: &Facts, lang: Lang) -> Answer {
    let (yes, why) = decide(question, f);
    Answer {
        yes,
        why: why.text(f, lang),
    }
}

/// The facts that decided an answer, before they are worded.
enum Why {
    OwnOnlyLocallyInstalled,
    OwnOnly,
    OwnAndClients(usize),
    NoOwn,
    NoClients,
    OneKind,
    ManyKinds(usize),
    OnlyOneKind,
    ManyKindsLegalBases(usize),
    Extras,
    NoExtras,
    NoTeams,
    Teams,
    SubEntities,
    NoSubEntities,
    OwnAndDelegated(usize),
    OwnNotDelegated,
    DelegatedNotOwn,
    Neither,
    Unknown,
}

/// Which answer the facts give, and why; the wording is [`Why::text`]'s.
fn decide(question: &Question, f: &Facts) -> (bool, Why) {
    let clients: usize = f.kinds.iter().map(|(_, n)| n).sum::<usize>();
    let delegated = f
        .kinds
        .iter()
        .find(|(r, _)| *r == Relationship::Delegated)
        .map_or(0, |(_, n)| *n);
    match question.id {
        "own-only" => match (f.own_packages > 0, clients > 0) {
            (true, false) if f.locally_installed => (true, Why::OwnOnlyLocallyInstalled),
            (true, false) => (true, Why::OwnOnly),
            (true, true) => (false, Why::OwnAndClients(clients)),
            (false, _) => (false, Why::NoOwn),
        },
        "one-relationship-type" => match f.kinds.len() {
            0 => (false, Why::NoClients),
            1 => (true, Why::OneKind),
            n => (false, Why::ManyKinds(n)),
        },
        "several-relationship-types" => match f.kinds.len() {
            0 => (false, Why::NoClients),
            1 => (false, Why::OnlyOneKind),
            n => (true, Why::ManyKindsLegalBases(n)),
        },
        "extra-delegated-packages" => {
            if f.f_clients > 0 {
                (true, Why::Extras)
            } else {
                (false, Why::NoExtras)
            }
        }
        "teams" => {
            if f.teams.is_empty() {
                (false, Why::NoTeams)
            } else {
                (true, Why::Teams)
            }
        }
        "sub-entities" => {
            if f.sub_entities > 0 {
                (true, Why::SubEntities)
            } else {
                (false, Why::NoSubEntities)
            }
        }
        "own-and-delegated" => match (f.own_packages > 0, delegated > 0) {
            (true, true) => (true, Why::OwnAndDelegated(delegated)),
            (true, false) => (false, Why::OwnNotDelegated),
            (false, true) => (false, Why::DelegatedNotOwn),
            (false, false) => (false, Why::Neither),
        },
        _ => (false, Why::Unknown),
    }
}

impl Why {
    fn text(&self, f: &Facts, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(f),
            Lang::Nb => self.nb(f),
        }
    }

    fn en(&self, f: &Facts) -> String {
        let l = Lang::En;
        let n = |n: usize| thousands_in(n, l);
        let kinds = || kinds(f, l);
        let own = match f.own_packages {
            1 => "1 package".to_string(),
            n => format!("{n} packages"),
        };
        match *self {
            Why::OwnOnlyLocallyInstalled => format!(
                "The organisation needs {own} for its own reporting, has no clients, and the system is locally installed (scenario E)."
            ),
            Why::OwnOnly => {
                format!("The organisation needs {own} for its own reporting and has no clients.")
            }
            Why::OwnAndClients(c) => format!(
                "Besides its own {own}, the organisation acts for {} client{}.",
                n(c),
                plural_s(c)
            ),
            Why::NoOwn => "The organisation lists no packages for its own reporting.".into(),
            Why::NoClients => "There are no clients to serve.".into(),
            Why::OneKind => format!(
                "All clients come through one relationship type: {}.",
                kinds()
            ),
            Why::ManyKinds(k) => {
                format!("The clients come through {k} relationship types: {}.", kinds())
            }
            Why::OnlyOneKind => format!("There is only one relationship type: {}.", kinds()),
            Why::ManyKindsLegalBases(k) => format!(
                "The clients come through {k} relationship types, each its own legal basis: {}.",
                kinds()
            ),
            Why::Extras => format!(
                "{} client{} with an ER relationship also delegated extra packages: {}.",
                n(f.f_clients),
                plural_s(f.f_clients),
                services(f, l)
            ),
            Why::NoExtras => "No client with an ER relationship has delegated packages beyond what the relationship gives.".into(),
            Why::NoTeams => "The plan defines no teams.".into(),
            Why::Teams => format!(
                "The plan defines {} team{}: {}.",
                f.teams.len(),
                plural_s(f.teams.len()),
                f.teams.join(", ")
            ),
            Why::SubEntities => format!(
                "{} client{} {} (organisasjonsledd) that {} packages to the organisation.",
                n(f.sub_entities),
                plural_s(f.sub_entities),
                if f.sub_entities == 1 {
                    "is a sub-entity"
                } else {
                    "are sub-entities"
                },
                if f.sub_entities == 1 {
                    "delegates"
                } else {
                    "delegate"
                }
            ),
            Why::NoSubEntities => "No client is a sub-entity.".into(),
            Why::OwnAndDelegated(d) => format!(
                "The organisation needs {own} for itself and {} client{} delegated packages to it directly in Altinn.",
                n(d),
                plural_s(d)
            ),
            Why::OwnNotDelegated => "The organisation reports for itself, but no client relies on packages delegated in Altinn alone.".into(),
            Why::DelegatedNotOwn => "Clients delegated packages, but the organisation lists none for its own reporting.".into(),
            Why::Neither => "The organisation neither reports for itself nor has clients that only delegated packages.".into(),
            Why::Unknown => String::new(),
        }
    }

    fn nb(&self, f: &Facts) -> String {
        let l = Lang::Nb;
        let n = |n: usize| thousands_in(n, l);
        let kinds = || kinds(f, l);
        let clients = |c: usize| {
            if c == 1 {
                "1 klient".to_string()
            } else {
                format!("{} klienter", n(c))
            }
        };
        let own = match f.own_packages {
            1 => "1 tilgangspakke".to_string(),
            n => format!("{n} tilgangspakker"),
        };
        match *self {
            Why::OwnOnlyLocallyInstalled => format!(
                "Virksomheten trenger {own} for egen rapportering, har ingen klienter, og systemet er lokalt installert (scenario E)."
            ),
            Why::OwnOnly => {
                format!("Virksomheten trenger {own} for egen rapportering og har ingen klienter.")
            }
            Why::OwnAndClients(c) => format!(
                "I tillegg til egen rapportering ({own}) handler virksomheten for {}.",
                clients(c)
            ),
            Why::NoOwn => "Virksomheten oppgir ingen tilgangspakker for egen rapportering.".into(),
            Why::NoClients => "Det er ingen klienter å betjene.".into(),
            Why::OneKind => format!("Alle klientene kommer gjennom én type klientforhold: {}.", kinds()),
            Why::ManyKinds(k) => {
                format!("Klientene kommer gjennom {k} typer klientforhold: {}.", kinds())
            }
            Why::OnlyOneKind => format!("Det er bare én type klientforhold: {}.", kinds()),
            Why::ManyKindsLegalBases(k) => format!(
                "Klientene kommer gjennom {k} typer klientforhold, hver med sitt eget rettslige grunnlag: {}.",
                kinds()
            ),
            Why::Extras => format!(
                "{} med ER-basert klientforhold har også delegert flere tilgangspakker: {}.",
                clients(f.f_clients),
                services(f, l)
            ),
            Why::NoExtras => "Ingen klient med ER-basert klientforhold har delegert tilgangspakker utover det klientforholdet gir.".into(),
            Why::NoTeams => "Planen definerer ingen team.".into(),
            Why::Teams => format!(
                "Planen definerer {} team: {}.",
                f.teams.len(),
                f.teams.join(", ")
            ),
            Why::SubEntities => format!(
                "{} er {} som delegerer tilgangspakker til virksomheten.",
                clients(f.sub_entities),
                if f.sub_entities == 1 {
                    "et organisasjonsledd"
                } else {
                    "organisasjonsledd"
                }
            ),
            Why::NoSubEntities => "Ingen klient er et organisasjonsledd.".into(),
            Why::OwnAndDelegated(d) => format!(
                "Virksomheten trenger {own} for seg selv, og {} har delegert tilgangspakker til den direkte i Altinn.",
                clients(d)
            ),
            Why::OwnNotDelegated => "Virksomheten rapporterer for seg selv, men ingen klient har bare tilgangspakker delegert i Altinn.".into(),
            Why::DelegatedNotOwn => "Klienter har delegert tilgangspakker, men virksomheten oppgir ingen for egen rapportering.".into(),
            Why::Neither => "Virksomheten verken rapporterer for seg selv eller har klienter som bare har delegert tilgangspakker.".into(),
            Why::Unknown => String::new(),
        }
    }
}

/// "registered accountant (3), delegated in Altinn (2)".
/// The extra services' names in `lang`, listed.
fn services(f: &Facts, lang: Lang) -> String {
    let names: Vec<&str> = f
        .extra_service_codes
        .iter()
        .map(|c| service_name_in(c, lang))
        .collect();
    names.join(", ")
}

fn kinds(f: &Facts, lang: Lang) -> String {
    f.kinds
        .iter()
        .map(|(r, n)| format!("{} ({})", r.label_in(lang), thousands_in(*n, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}
