//! Every text the go-live checklist writes, in English and Norwegian bokmål,
//! in one place: the guidance's items and minimum requirements as tables, the
//! judgements as a [`Text`] worded by one function per language, so a text
//! missing in one language fails to build.

use crate::lang::Lang;
use crate::text::{counted, thousands_in};

/// The guidance's checklist items in bokmål, in the order and with the ids of
/// [`super::ITEMS`].
pub(super) const ITEMS_NB: [(&str, &str); 7] = [
    (
        "system-registered",
        "Systemleverandøren har registrert systemet med riktige tilgangspakker i systemregisteret.",
    ),
    (
        "number-of-system-users",
        "Systemleverandøren har sendt forespørsler om riktig antall systembrukere.",
    ),
    (
        "approved",
        "Tjenesteleverandøren/virksomheten har godkjent alle forespørsler om systembruker.",
    ),
    (
        "clients-linked",
        "Klientene er knyttet til riktige systembrukere (for scenarioer med klientforhold).",
    ),
    (
        "access-control",
        "Tilgangsstyring er på plass i sluttbrukersystemet (for scenarioer med flere ansatte eller team).",
    ),
    (
        "select-token",
        "Sluttbrukersystemet kan velge riktig systembruker-token når det rapporterer for ulike typer klienter.",
    ),
    (
        "tested",
        "Oppsettet er testet med et representativt utvalg klienter før produksjonssetting.",
    ),
];

/// The guidance's minimum requirements for access control, in bokmål.
pub(super) const ACCESS_CONTROL_MINIMUM_NB: [&str; 6] = [
    "Autentiser hver bruker som logger inn i sluttbrukersystemet.",
    "Autoriser brukerne slik at de bare får tilgang til klienter og funksjoner som er relevante for rollen deres.",
    "Logg hvilken bruker som utførte hvilken handling, og for hvilken klient.",
    "Definer roller eller team i sluttbrukersystemet (f.eks. \"forretningsførsel eiendom\", \"regnskap\", \"revisjon\").",
    "Knytt hver rolle til én eller flere systembrukere.",
    "Sørg for at en ansatt i én rolle ikke kan bruke en annen rolles systembruker, selv om sluttbrukersystemet teknisk sett har tilgang til begge.",
];

/// One checklist text with the facts it names.
pub(super) enum Text<'a> {
    /// `org`: the organisation's name, `None` when the plan has none.
    Heading {
        org: Option<&'a str>,
        orgnr: &'a str,
    },
    Summary {
        pass: usize,
        fail: usize,
        manual: usize,
    },
    NoLayout,
    // 1. The system register entry.
    SystemPackageNotInCatalog {
        code: &'a str,
    },
    PackageNotInCatalog {
        code: &'a str,
        system_user: &'a str,
    },
    PackageNotOnSystem {
        code: &'a str,
        system_user: &'a str,
        system: &'a str,
    },
    SystemFits {
        needed: usize,
        system: &'a str,
    },
    SystemDoesNotFit {
        system: &'a str,
        problems: usize,
    },
    // 2. The number of system users.
    /// "3 system users (1 standard + 2 for client relationships)".
    Counts {
        standard: usize,
        client: usize,
    },
    /// " (scenario A)", " (scenarios G, H)", or nothing.
    Scenarios {
        scenarios: &'a [String],
    },
    /// `chosen`: the count follows a choice the guidance leaves to the user
    /// (scenario F's option, H's consolidation), so it is not "recommended".
    CountsAsRecommended {
        counts: &'a str,
        scenarios: &'a str,
        chosen: bool,
    },
    CountsDiffer {
        have: &'a str,
        want: &'a str,
        scenarios: &'a str,
        chosen: bool,
    },
    /// `why`: ": " and the reason, or nothing.
    RecommendedSystemUser {
        name: &'a str,
        kind: &'a str,
        why: &'a str,
    },
    // 3. Approval.
    OnlyAltinnKnows,
    Request {
        name: &'a str,
        external_ref: &'a str,
        kind: &'a str,
    },
    // 4. Clients.
    NoClientRelationships,
    ClientsLinked {
        clients: usize,
        system_users: usize,
    },
    ClientProblems {
        problems: usize,
    },
    // 5. Access control.
    Minimum {
        requirement: &'a str,
    },
    NoTeamsSeveralClientSystemUsers,
    ConfirmMinimum,
    TeamWithoutMembers {
        team: &'a str,
    },
    TeamNotDefined {
        system_user: &'a str,
        team: &'a str,
    },
    /// `system_users`: joined names, empty when it may use none.
    TeamMayUse {
        team: &'a str,
        members: usize,
        system_users: &'a str,
    },
    TeamsInPlace {
        teams: usize,
    },
    TeamsIncomplete,
    // 6. Tokens.
    SharedExternalRef {
        external_ref: &'a str,
        names: &'a str,
    },
    OneRouteEach,
    Route {
        name: &'a str,
        external_ref: &'a str,
    },
    CannotTellToken,
    // 7. Tests.
    TheOrganisationItself {
        org: &'a str,
    },
    NoClientsLinkedYet,
    TestOnceTheyExist,
    TestInTt02,
}

impl Text<'_> {
    pub(super) fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => en(self),
            Lang::Nb => nb(self),
        }
    }
}

/// The English texts.
fn en(t: &Text) -> String {
    match *t {
        Text::Heading { org, orgnr } => format!(
            "Go-live checklist for {} ({orgnr})",
            org.unwrap_or("the organisation")
        ),
        Text::Summary { pass, fail, manual } => {
            format!("{pass} passed, {fail} failed, {manual} to confirm by hand.")
        }
        Text::NoLayout => "The plan has no system users yet; run `sysuser advise FILE -o FILE` to get the layout first.".into(),
        Text::SystemPackageNotInCatalog { code } => {
            format!("`{code}` on the system entry is not an access package in Altinn's catalog")
        }
        Text::PackageNotInCatalog { code, system_user } => format!(
            "`{code}` on \"{system_user}\" is not an access package in Altinn's catalog"
        ),
        Text::PackageNotOnSystem {
            code,
            system_user,
            system,
        } => format!(
            "`{code}` on \"{system_user}\" is not on the system entry {system} (AUTH-00063)"
        ),
        Text::SystemFits { needed, system } => format!(
            "{} on the system entry {system}; confirm the entry in the system register matches.",
            match needed {
                1 => "The one package the system users need is".to_string(),
                n => format!("All {n} packages the system users need are"),
            }
        ),
        Text::SystemDoesNotFit { system, problems } => format!(
            "The system entry {system} does not fit the system users: {}.",
            counted(problems, "problem")
        ),
        Text::Counts { standard, client } => {
            let mut parts = Vec::new();
            if standard > 0 {
                parts.push(format!("{standard} standard"));
            }
            if client > 0 {
                parts.push(format!("{client} for client relationships"));
            }
            format!(
                "{} ({})",
                counted(standard + client, "system user"),
                parts.join(" + ")
            )
        }
        Text::Scenarios { scenarios } => match scenarios {
            [] => String::new(),
            [one] => format!(" (scenario {one})"),
            _ => format!(" (scenarios {})", scenarios.join(", ")),
        },
        Text::CountsAsRecommended {
            counts,
            scenarios,
            chosen: false,
        } => format!("{counts}, as the guidance recommends for this situation{scenarios}."),
        Text::CountsAsRecommended {
            counts,
            scenarios,
            chosen: true,
        } => format!(
            "{counts}: the guidance's layout for this situation{scenarios} with the option in use (the guidance leaves that choice to you)."
        ),
        Text::CountsDiffer {
            have,
            want,
            scenarios,
            chosen: false,
        } => format!(
            "The plan has {have}; the guidance recommends {want} for this situation{scenarios}."
        ),
        Text::CountsDiffer {
            have,
            want,
            scenarios,
            chosen: true,
        } => format!(
            "The plan has {have}; the guidance's layout for this situation{scenarios} with the option in use has {want} (the guidance leaves that choice to you)."
        ),
        Text::RecommendedSystemUser { name, kind, why } => {
            format!("recommended: \"{name}\" ({kind}){why}")
        }
        Text::OnlyAltinnKnows => "Only Altinn knows; check that every request below is approved (Altinn's system user overview lists them).".into(),
        Text::Request {
            name,
            external_ref,
            kind,
        } => format!("\"{name}\" (external ref `{external_ref}`, {kind})"),
        Text::NoClientRelationships => {
            "Not applicable: the plan has no client relationships.".into()
        }
        Text::ClientsLinked {
            clients,
            system_users,
        } => format!(
            "{} linked to {}; each has every package its system users carry.",
            counted(clients, "client"),
            counted(system_users, "client system user")
        ),
        Text::ClientProblems { problems } => format!(
            "{} with how clients are linked.",
            counted(problems, "problem")
        ),
        Text::Minimum { requirement } => format!("minimum: {requirement}"),
        Text::NoTeamsSeveralClientSystemUsers => "The plan defines no teams although several client system users are in use; define who may use which (scenario D), and confirm the end-user system enforces it.".into(),
        Text::ConfirmMinimum => {
            "Confirm the end-user system meets the guidance's minimum requirements.".into()
        }
        Text::TeamWithoutMembers { team } => format!("team \"{team}\" has no members"),
        Text::TeamNotDefined { system_user, team } => format!(
            "\"{system_user}\" names team \"{team}\", which the plan does not define"
        ),
        Text::TeamMayUse {
            team,
            members,
            system_users,
        } => format!(
            "team \"{team}\" ({}) may use: {}",
            counted(members, "member"),
            if system_users.is_empty() {
                "no system user"
            } else {
                system_users
            }
        ),
        Text::TeamsInPlace { teams } => format!(
            "{} with members, each system user tied to its teams; confirm the end-user system enforces it.",
            counted(teams, "team")
        ),
        Text::TeamsIncomplete => "The teams do not yet say who may use which system user.".into(),
        Text::SharedExternalRef {
            external_ref,
            names,
        } => format!("external ref `{external_ref}` is shared by {names} (AUTH-00004)"),
        Text::OneRouteEach => "Every system user has its own external ref and every client and package has one route; `sysuser routes FILE` prints the table the end-user system needs.".into(),
        Text::Route { name, external_ref } => format!("\"{name}\" → `{external_ref}`"),
        Text::CannotTellToken => "The end-user system cannot always tell which token to use.".into(),
        Text::TheOrganisationItself { org } => format!("the organisation itself, {org}"),
        Text::NoClientsLinkedYet => "no clients linked yet".into(),
        Text::TestOnceTheyExist => {
            "Test with a few representative clients once the system users exist.".into()
        }
        Text::TestInTt02 => {
            "Test in tt02 with at least one party per system user before going live, for example:"
                .into()
        }
    }
}

/// The bokmål texts, in the guidance's terms.
fn nb(t: &Text) -> String {
    let n = |n: usize| thousands_in(n, Lang::Nb);
    // Singular and plural: "1 klient", "2 klienter".
    let count = |c: usize, one: &str, many: &str| {
        if c == 1 {
            format!("1 {one}")
        } else {
            format!("{} {many}", n(c))
        }
    };
    match *t {
        Text::Heading { org, orgnr } => format!(
            "Sjekkliste før produksjonssetting for {} ({orgnr})",
            org.unwrap_or("virksomheten")
        ),
        Text::Summary { pass, fail, manual } => format!(
            "{} i orden, {} ikke i orden, {} må bekreftes manuelt.",
            n(pass),
            n(fail),
            n(manual)
        ),
        Text::NoLayout => "Planen har ingen systembrukere ennå; kjør `sysuser advise FIL -o FIL` for å få oppsettet først.".into(),
        Text::SystemPackageNotInCatalog { code } => format!(
            "`{code}` i oppføringen i systemregisteret er ikke en tilgangspakke i Altinns katalog"
        ),
        Text::PackageNotInCatalog { code, system_user } => format!(
            "`{code}` på \"{system_user}\" er ikke en tilgangspakke i Altinns katalog"
        ),
        Text::PackageNotOnSystem {
            code,
            system_user,
            system,
        } => format!(
            "`{code}` på \"{system_user}\" står ikke i oppføringen {system} i systemregisteret (AUTH-00063)"
        ),
        Text::SystemFits { needed, system } => format!(
            "{} i oppføringen {system}; bekreft at oppføringen i systemregisteret stemmer.",
            match needed {
                1 => "Den ene tilgangspakken systembrukerne trenger, står".to_string(),
                c => format!("Alle de {} tilgangspakkene systembrukerne trenger, står", n(c)),
            }
        ),
        Text::SystemDoesNotFit { system, problems } => format!(
            "Oppføringen {system} i systemregisteret passer ikke til systembrukerne: {}.",
            count(problems, "problem", "problemer")
        ),
        Text::Counts { standard, client } => {
            let mut parts = Vec::new();
            if standard > 0 {
                parts.push(format!("{} standard", n(standard)));
            }
            if client > 0 {
                parts.push(format!("{} for klientforhold", n(client)));
            }
            format!(
                "{} ({})",
                count(standard + client, "systembruker", "systembrukere"),
                parts.join(" + ")
            )
        }
        Text::Scenarios { scenarios } => match scenarios {
            [] => String::new(),
            _ => format!(" (scenario {})", scenarios.join(", ")),
        },
        Text::CountsAsRecommended {
            counts,
            scenarios,
            chosen: false,
        } => format!("{counts}, slik veiledningen anbefaler for denne situasjonen{scenarios}."),
        Text::CountsAsRecommended {
            counts,
            scenarios,
            chosen: true,
        } => format!(
            "{counts}: veiledningens oppsett for denne situasjonen{scenarios} med alternativet som er valgt (veiledningen overlater det valget til dere)."
        ),
        Text::CountsDiffer {
            have,
            want,
            scenarios,
            chosen: false,
        } => format!(
            "Planen har {have}; veiledningen anbefaler {want} for denne situasjonen{scenarios}."
        ),
        Text::CountsDiffer {
            have,
            want,
            scenarios,
            chosen: true,
        } => format!(
            "Planen har {have}; veiledningens oppsett for denne situasjonen{scenarios} med alternativet som er valgt har {want} (veiledningen overlater det valget til dere)."
        ),
        Text::RecommendedSystemUser { name, kind, why } => {
            format!("anbefalt: \"{name}\" ({kind}){why}")
        }
        Text::OnlyAltinnKnows => "Bare Altinn vet dette; sjekk at hver forespørsel nedenfor er godkjent (oversikten over systemtilganger i Altinn viser dem).".into(),
        Text::Request {
            name,
            external_ref,
            kind,
        } => format!("\"{name}\" (ekstern referanse `{external_ref}`, {kind})"),
        Text::NoClientRelationships => "Ikke aktuelt: planen har ingen klientforhold.".into(),
        Text::ClientsLinked {
            clients,
            system_users,
        } => format!(
            "{} knyttet til {}; hver klient har alle tilgangspakkene på systembrukerne sine.",
            count(clients, "klient", "klienter"),
            count(system_users, "klientsystembruker", "klientsystembrukere")
        ),
        Text::ClientProblems { problems } => format!(
            "{} med hvordan klientene er knyttet til.",
            count(problems, "problem", "problemer")
        ),
        Text::Minimum { requirement } => format!("minstekrav: {requirement}"),
        Text::NoTeamsSeveralClientSystemUsers => "Planen definerer ingen team, selv om flere klientsystembrukere er i bruk; definer hvem som kan bruke hvilken (scenario D), og bekreft at sluttbrukersystemet håndhever det.".into(),
        Text::ConfirmMinimum => {
            "Bekreft at sluttbrukersystemet oppfyller minstekravene i veiledningen.".into()
        }
        Text::TeamWithoutMembers { team } => format!("teamet \"{team}\" har ingen medlemmer"),
        Text::TeamNotDefined { system_user, team } => format!(
            "\"{system_user}\" nevner teamet \"{team}\", som planen ikke definerer"
        ),
        Text::TeamMayUse {
            team,
            members,
            system_users,
        } => format!(
            "teamet \"{team}\" ({}) kan bruke: {}",
            count(members, "medlem", "medlemmer"),
            if system_users.is_empty() {
                "ingen systembruker"
            } else {
                system_users
            }
        ),
        Text::TeamsInPlace { teams } => format!(
            "{} med medlemmer, og hver systembruker er knyttet til sine team; bekreft at sluttbrukersystemet håndhever det.",
            count(teams, "team", "team")
        ),
        Text::TeamsIncomplete => {
            "Teamene sier ennå ikke hvem som kan bruke hvilken systembruker.".into()
        }
        Text::SharedExternalRef {
            external_ref,
            names,
        } => format!(
            "den eksterne referansen `{external_ref}` deles av {names} (AUTH-00004)"
        ),
        Text::OneRouteEach => "Hver systembruker har sin egen eksterne referanse, og hver klient og tilgangspakke har én rute; `sysuser routes FIL` skriver ut tabellen sluttbrukersystemet trenger.".into(),
        Text::Route { name, external_ref } => format!("\"{name}\" → `{external_ref}`"),
        Text::CannotTellToken => {
            "Sluttbrukersystemet kan ikke alltid avgjøre hvilket token det skal bruke.".into()
        }
        Text::TheOrganisationItself { org } => format!("virksomheten selv, {org}"),
        Text::NoClientsLinkedYet => "ingen klienter knyttet til ennå".into(),
        Text::TestOnceTheyExist => {
            "Test med noen representative klienter når systembrukerne er opprettet.".into()
        }
        Text::TestInTt02 => "Test i tt02 med minst én part per systembruker før produksjonssetting, for eksempel:".into(),
    }
}
