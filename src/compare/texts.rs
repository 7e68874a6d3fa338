//! Every text `compare` writes, in English and Norwegian bokmål, in one place.
//!
//! The comparison decides; a [`Text`] carries the facts and [`Text::text`]
//! words it, one function per language, so a text missing in one language
//! fails to build. System users' names come from the advisor, in the same
//! language.

use crate::lang::Lang;
use crate::text::{plural_s, thousands_in};

pub(super) enum Text<'a> {
    /// Scenario F applies: `f_clients` of `total` clients with extras.
    Situation {
        f_clients: usize,
        total: usize,
        services: &'a str,
        combos: usize,
    },
    NotApplies,
    Option1Title,
    Option2Title,
    /// Option 1: the client moves to an existing combination.
    When1Moves {
        client: &'a str,
        base: &'a str,
        target: &'a str,
    },
    /// Option 1: the client moves to a combination that must be created.
    When1New {
        client: &'a str,
        base: &'a str,
        service: &'a str,
    },
    When1Generic,
    /// Option 2: `service` is the per-service system user's name.
    When2 {
        client: &'a str,
        base: &'a str,
        service: &'a str,
    },
    When2Generic,
    /// The example client when the group has none without extras.
    AClient,
    RecommendNothing,
    RecommendOption1 {
        services: usize,
        combos: usize,
    },
    RecommendOption2 {
        services: usize,
        combos: usize,
    },
    // The text rendering.
    Heading {
        plan: &'a str,
    },
    SystemUsersLabel,
    ClientLinksLabel,
    AddsServiceLabel,
    WholeLayoutLabel,
    /// One system user in the list, with its clients.
    ListedSystemUser {
        name: &'a str,
        clients: usize,
    },
    AndMore {
        count: usize,
    },
    LayoutSystemUsers {
        count: usize,
    },
    AccessPackages,
    Recommended {
        recommendation: &'a str,
    },
    AlreadyChosen {
        f: &'a str,
    },
    ChosenOther {
        f: &'a str,
    },
    NoneChosen {
        recommended: &'a str,
    },
}

impl Text<'_> {
    pub(super) fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => en(self),
            Lang::Nb => nb(self),
        }
    }
}

/// The column widths of the text table: label, then each option.
pub(super) fn widths(lang: Lang) -> (usize, usize) {
    match lang {
        Lang::En => (14, 30),
        // "Klientkoblinger" is 15 letters; the table stays under 80 columns.
        Lang::Nb => (15, 29),
    }
}

/// The English texts.
fn en(t: &Text) -> String {
    let n = |n: usize| thousands_in(n, Lang::En);
    match *t {
        Text::Situation {
            f_clients,
            total,
            services,
            combos,
        } => format!(
            "{} of {} clients with an ER relationship also delegated extra services ({services}), in {combos} combination{}.",
            n(f_clients),
            n(total),
            plural_s(combos)
        ),
        Text::NotApplies => "Scenario F does not apply: no client with an ER relationship (registered accountant, auditor or business manager) has delegated packages beyond what that relationship gives, so every client fits its relationship's one system user.".into(),
        Text::Option1Title => "Option 1: one system user per combination".into(),
        Text::Option2Title => "Option 2: shared base + one per extra service".into(),
        Text::When1Moves { client, base, target } => format!(
            "{client} moves: it is removed from \"{base}\" and added to \"{target}\", and the end-user system switches its token. A combination not yet used needs a new system user first."
        ),
        Text::When1New { client, base, service } => format!(
            "{client} moves from \"{base}\" to a new system user for \"{base} + {service}\", which must be created first; the end-user system switches its token."
        ),
        Text::When1Generic => "The client moves from its system user to the one for its new combination (created first if that combination is new).".into(),
        Text::When2 { client, base, service } => format!(
            "{client} is also linked to \"{service}\" and stays on \"{base}\"; nobody moves. A new kind of service needs one new system user for that service only."
        ),
        Text::When2Generic => "The client is linked to the extra service's system user as well and stays on its base system user.".into(),
        Text::AClient => "A client".into(),
        Text::RecommendNothing => "Nothing to choose: use one client system user per relationship type (scenarios B and C). If clients start delegating extra services, run `sysuser compare` again.".into(),
        Text::RecommendOption1 { services, combos } => format!(
            "Option 1 (per-combination): {services} extra service{} in {combos} combination{}. The guidance leaves this to you; for your numbers it points to option 1, which it finds best suited to few and stable combinations of services: each client sits on exactly one system user. Choose option 2 if you expect more extra services.",
            plural_s(services),
            plural_s(combos)
        ),
        Text::RecommendOption2 { services, combos } => format!(
            "Option 2 (per-service): {services} extra services in {combos} combination{}. The guidance leaves this to you; for your numbers it points to option 2, which it finds best suited to many or growing combinations of additional services: system users then grow with the services, not the combinations, and no client ever moves.",
            plural_s(combos)
        ),
        Text::Heading { plan } => format!("Scenario F for {plan}"),
        Text::SystemUsersLabel => "System users".into(),
        Text::ClientLinksLabel => "Client links".into(),
        Text::AddsServiceLabel => "A client adds a service".into(),
        Text::WholeLayoutLabel => "Whole layout".into(),
        Text::ListedSystemUser { name, clients } => {
            format!("{name} ({} client{})", n(clients), plural_s(clients))
        }
        Text::AndMore { count } => format!("… and {count} more"),
        Text::LayoutSystemUsers { count } => format!("{} system users", n(count)),
        Text::AccessPackages => "Access packages:".into(),
        Text::Recommended { recommendation } => format!("Which to choose: {recommendation}"),
        Text::AlreadyChosen { f } => format!("The plan already chooses {f} (options.f_option)."),
        Text::ChosenOther { f } => format!(
            "The plan chooses {f} (options.f_option); `advise` follows the plan's choice."
        ),
        Text::NoneChosen { recommended } => format!(
            "The plan sets no options.f_option, so `advise` uses {recommended}."
        ),
    }
}

/// The bokmål texts, in the guidance's terms.
fn nb(t: &Text) -> String {
    let n = |n: usize| thousands_in(n, Lang::Nb);
    let clients = |c: usize| {
        if c == 1 {
            "1 klient".to_string()
        } else {
            format!("{} klienter", n(c))
        }
    };
    let combinations = |c: usize| {
        if c == 1 {
            "1 kombinasjon".to_string()
        } else {
            format!("{} kombinasjoner", n(c))
        }
    };
    let services = |s: usize| {
        if s == 1 {
            "1 tilleggstjeneste".to_string()
        } else {
            format!("{} tilleggstjenester", n(s))
        }
    };
    match *t {
        Text::Situation {
            f_clients,
            total,
            services,
            combos,
        } => format!(
            "{} av {} klienter med ER-basert klientforhold har også delegert tilleggstjenester ({services}), i {}.",
            n(f_clients),
            n(total),
            combinations(combos)
        ),
        Text::NotApplies => "Scenario F gjelder ikke: ingen klient med ER-basert klientforhold (registrert regnskapsfører, revisor eller forretningsfører) har delegert tilgangspakker utover det klientforholdet gir, så hver klient passer på den ene systembrukeren for sitt klientforhold.".into(),
        Text::Option1Title => "Alternativ 1: én systembruker per kombinasjon".into(),
        Text::Option2Title => "Alternativ 2: felles systembruker + én per tilleggstjeneste".into(),
        Text::When1Moves { client, base, target } => format!(
            "{client} flyttes: den fjernes fra \"{base}\" og legges til \"{target}\", og sluttbrukersystemet bytter token. En kombinasjon som ikke er i bruk ennå, trenger først en ny systembruker."
        ),
        Text::When1New { client, base, service } => format!(
            "{client} flyttes fra \"{base}\" til en ny systembruker for \"{base} + {service}\", som må opprettes først; sluttbrukersystemet bytter token."
        ),
        Text::When1Generic => "Klienten flyttes fra sin systembruker til systembrukeren for den nye kombinasjonen (som opprettes først hvis kombinasjonen er ny).".into(),
        Text::When2 { client, base, service } => format!(
            "{client} knyttes også til \"{service}\" og blir værende på \"{base}\"; ingen flyttes. En ny type tjeneste trenger bare én ny systembruker for den tjenesten."
        ),
        Text::When2Generic => "Klienten knyttes også til systembrukeren for tilleggstjenesten og blir værende på sin felles systembruker.".into(),
        Text::AClient => "En klient".into(),
        Text::RecommendNothing => "Ingenting å velge: bruk én klientsystembruker per type klientforhold (scenario B og C). Hvis klienter begynner å delegere tilleggstjenester, kjør `sysuser compare` på nytt.".into(),
        Text::RecommendOption1 { services: s, combos } => format!(
            "Alternativ 1 (per-combination): {} i {}. Veiledningen overlater valget til dere; for tallene deres peker den på alternativ 1, som den mener passer best for få og stabile kombinasjoner av tjenester: hver klient står på nøyaktig én systembruker. Velg alternativ 2 hvis dere venter flere tilleggstjenester.",
            services(s),
            combinations(combos)
        ),
        Text::RecommendOption2 { services: s, combos } => format!(
            "Alternativ 2 (per-service): {} i {}. Veiledningen overlater valget til dere; for tallene deres peker den på alternativ 2, som den mener passer best for mange eller voksende kombinasjoner av tilleggstjenester: antallet systembrukere følger da tjenestene, ikke kombinasjonene, og ingen klient må noen gang flyttes.",
            services(s),
            combinations(combos)
        ),
        Text::Heading { plan } => format!("Scenario F for {plan}"),
        Text::SystemUsersLabel => "Systembrukere".into(),
        Text::ClientLinksLabel => "Klientkoblinger".into(),
        Text::AddsServiceLabel => "En klient legger til en tjeneste".into(),
        Text::WholeLayoutLabel => "Hele oppsettet".into(),
        Text::ListedSystemUser { name, clients: c } => format!("{name} ({})", clients(c)),
        Text::AndMore { count } => format!("… og {} til", n(count)),
        Text::LayoutSystemUsers { count } => {
            if count == 1 {
                "1 systembruker".into()
            } else {
                format!("{} systembrukere", n(count))
            }
        }
        Text::AccessPackages => "Tilgangspakker:".into(),
        Text::Recommended { recommendation } => format!("Hva dere velger: {recommendation}"),
        Text::AlreadyChosen { f } => format!("Planen velger allerede {f} (options.f_option)."),
        Text::ChosenOther { f } => format!(
            "Planen velger {f} (options.f_option); `advise` følger planens valg."
        ),
        Text::NoneChosen { recommended } => format!(
            "Planen setter ikke options.f_option, så `advise` bruker {recommended}."
        ),
    }
}
