//! Every text the advisor writes into a plan (`why:`, `advice.notes`,
//! `advice.unserved[].reason`), in English and Norwegian bokmål, in one place.
//!
//! The advisor decides; a [`Text`] carries the facts, and [`Text::text`] words
//! it, one function per language. System users' names are in
//! [`super::relationship_name_in`] and the catalog's package names.

use crate::lang::Lang;

/// One advisor text with the facts it names. Lists of services are already
/// joined ("sick leave + salary"); codes are given bare and quoted here.
pub(super) enum Text<'a> {
    // Remarks about single clients.
    IsTheOrganisation {
        client: &'a str,
    },
    ListedTwice {
        client: &'a str,
    },
    IsOperationalUnit {
        client: &'a str,
        main: &'a str,
    },
    ServedAnyway {
        client: &'a str,
        problems: &'a [String],
    },
    // Why a client cannot be served, or is served only in part.
    NoRelationship,
    RoleGivesNothing {
        role: &'a str,
    },
    RoleOnlyForForms {
        role: &'a str,
        forms: &'a [&'a str],
        form: Option<&'a str>,
    },
    SystemLacksRolePackages {
        role: &'a str,
        gives: &'a [&'a str],
    },
    SubEntityMustDelegate,
    NothingUsable,
    NotAPackage {
        code: &'a str,
    },
    CannotBeDelegated {
        code: &'a str,
    },
    /// A client-only package the plan says was delegated directly.
    ClientOnlyDelegated {
        code: &'a str,
    },
    /// Clients said to have delegated a client-only package (a note).
    ClientOnlyDelegatedNote {
        clients: usize,
        code: &'a str,
    },
    SystemLacksPackage {
        code: &'a str,
    },
    // Notes.
    /// The situation breaks visible-system-with-client-only-package.
    VisibleWithClientOnly {
        codes: &'a [&'a str],
    },
    /// The situation breaks locally-installed-needs-own-vendor.
    LocalWithOtherVendor {
        vendor: &'a str,
        orgnr: &'a str,
    },
    ERegistersItself,
    EOwnMaskinporten,
    ENeverVendorKey,
    OwnNotInSystem {
        code: &'a str,
    },
    OwnNotAssignable {
        code: &'a str,
    },
    OwnUnknown {
        code: &'a str,
        near: &'a [&'a str],
    },
    RolesGiveMissing {
        codes: &'a [&'a str],
    },
    DelegatedMissing {
        clients: usize,
        code: &'a str,
    },
    NotDelegableForClients {
        code: &'a str,
    },
    DelegatedUnknown {
        clients: usize,
        code: &'a str,
        near: &'a [&'a str],
    },
    MoreRemarks {
        count: usize,
    },
    HSelfOnClientAvailable,
    HSimplifiedNote,
    HKeepsStandard {
        codes: &'a [&'a str],
    },
    DUnhandled {
        codes: &'a [String],
    },
    // Why a system user is there.
    DCutNoTeam,
    DCut {
        teams: &'a [&'a str],
    },
    HSimplifiedWhy,
    EStandard,
    HStandard,
    AStandard,
    /// `rel`: the relationship label, `None`: delegated.
    CRelationship {
        rel: Option<&'a str>,
    },
    BRelationship {
        rel: Option<&'a str>,
    },
    F1Base {
        rel: Option<&'a str>,
    },
    F2Base {
        rel: Option<&'a str>,
    },
    F1Combination {
        rel: Option<&'a str>,
        extras: &'a str,
    },
    F2Service {
        extras: &'a str,
    },
    GWithC,
    G,
    HDelegated,
    CDelegated,
    BDelegated,
    /// `why` (a sentence) narrowed to the teams that may use it.
    OnlyTeams {
        why: &'a str,
        teams: &'a [&'a str],
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

fn quote_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The English texts.
fn en(t: &Text) -> String {
    let count = |n: usize| {
        if n == 1 {
            "1 client".to_string()
        } else {
            format!("{} clients", crate::text::thousands(n))
        }
    };
    let team_word = |n: usize| if n == 1 { "team" } else { "teams" };
    match *t {
        Text::IsTheOrganisation { client } => format!(
            "{client} is the organisation itself, not a client; its own needs go under `own_packages`."
        ),
        Text::ListedTwice { client } => {
            format!("{client} is listed twice under `clients`; only the first entry is used.")
        }
        Text::IsOperationalUnit { client, main } => format!(
            "{client} is an operational unit of {main}; it inherits from its main unit and is never added as a client."
        ),
        Text::ServedAnyway { client, problems } => format!(
            "{client}: {}; it is served through its other relationships.",
            problems.join("; ")
        ),
        Text::NoRelationship => "it has no ER role towards the organisation and has delegated no packages, so it is not a client in Altinn".into(),
        Text::RoleGivesNothing { role } => format!("the {role} role gives no access packages"),
        Text::RoleOnlyForForms { role, forms, form } => format!(
            "as {role} the organisation gets access packages only for clients of the forms {}, and this client is {}",
            forms.join(", "),
            form.unwrap_or("an unknown organisation form")
        ),
        Text::SystemLacksRolePackages { role, gives } => format!(
            "the system register entry has none of the packages the {role} role gives ({}); ask the vendor to register them",
            gives.join(", ")
        ),
        Text::SubEntityMustDelegate => {
            "a sub-entity must delegate the packages to the organisation itself in Altinn".into()
        }
        Text::NothingUsable => "none of the packages it can give is usable".into(),
        Text::NotAPackage { code } => format!("`{code}` is not an access package"),
        Text::CannotBeDelegated { code } => {
            format!("`{code}` cannot be delegated to a client system user")
        }
        Text::ClientOnlyDelegated { code } => format!(
            "`{code}` cannot be delegated directly: it comes only through the ER role (the client registers the organisation in that role in Enhetsregisteret)"
        ),
        Text::ClientOnlyDelegatedNote { clients, code } => format!(
            "{} said to have delegated `{code}` directly, but it comes only through the ER role, so that delegation cannot exist and serves no one: have the client register the organisation in the role in Enhetsregisteret and list it in `er_roles` (delegated-client-only-package).",
            if clients == 1 { "1 client is".to_string() } else { format!("{clients} clients are") }
        ),
        Text::SystemLacksPackage { code } => {
            format!("the system register entry lacks `{code}`; ask the vendor to register it")
        }
        Text::VisibleWithClientOnly { codes } => format!(
            "The system register entry is visible (`visible: true`) but has client-only packages ({}); Altinn refuses that combination (AUTH.VLD-00018, visible-system-with-client-only-package). The vendor must register the system with `isVisible: false` (`system.visible: false` here), or drop those packages and with them the client relationships they serve.",
            codes.join(", ")
        ),
        Text::LocalWithOtherVendor { vendor, orgnr } => format!(
            "The system is locally installed but registered by {vendor}; the organisation must register it itself, as its own vendor (set `system.vendor: \"{orgnr}\"` and a system id starting with `{orgnr}_`), with its own Maskinporten client (locally-installed-needs-own-vendor)."
        ),
        Text::ERegistersItself => "Scenario E: the organisation registers the locally installed system in the system register itself, as both system vendor and system customer (this needs an agreement with Digdir).".into(),
        Text::EOwnMaskinporten => "Scenario E: the organisation creates its own Maskinporten client and installs the key on its own server.".into(),
        Text::ENeverVendorKey => "Scenario E: never use the software vendor's Maskinporten key or certificate; a shared key could give access to data across all the vendor's customers.".into(),
        Text::OwnNotInSystem { code } => format!(
            "The organisation needs `{code}`, but the system register entry lacks it: ask the vendor to register `{code}` on the system and send a new request."
        ),
        Text::OwnNotAssignable { code } => format!(
            "`{code}` cannot be given to the organisation itself (it is not assignable; it only comes through client relationships), so no standard system user can carry it; remove it from `own_packages`."
        ),
        Text::OwnUnknown { code, near } => {
            let hint = if near.is_empty() {
                String::new()
            } else {
                format!(" (did you mean {}?)", quote_list(near))
            };
            format!("`{code}` in `own_packages` is not an access package{hint}.")
        }
        Text::RolesGiveMissing { codes } => format!(
            "The clients' ER roles would also give {}, which the system register entry lacks; ask the vendor to register them if you need them.",
            quote_list(codes)
        ),
        Text::DelegatedMissing { clients, code } => format!(
            "{} delegated `{code}`, but the system register entry lacks it: ask the vendor to register `{code}` to act for them with it.",
            count(clients)
        ),
        Text::NotDelegableForClients { code } => format!(
            "`{code}` cannot go on a client system user (it is not delegable), so it is left out for clients."
        ),
        Text::DelegatedUnknown {
            clients,
            code,
            near,
        } => {
            let hint = if near.is_empty() {
                String::new()
            } else {
                format!("; did you mean {}?", quote_list(near))
            };
            format!(
                "{} delegated `{code}`, which is not an access package{hint}",
                count(clients)
            )
        }
        Text::MoreRemarks { count } => {
            format!("… and {count} more remarks like these about single clients.")
        }
        Text::HSelfOnClientAvailable => "Scenario H: Altinn now lets the organisation itself be added to a client system user whose packages are all assignable; set `options.self_on_client_system_user: true` if that is available to you to need one system user fewer.".into(),
        Text::HSimplifiedNote => "Scenario H simplified: the organisation itself is added to the client system user for its delegated clients, so no standard system user is needed; ER-based relationships keep their own system users.".into(),
        Text::HKeepsStandard { codes } => format!(
            "Scenario H: no client system user has exactly the organisation's own packages ({}); added to one, the organisation would get every package of it, also those it did not ask for, so its own reporting keeps a standard system user.",
            codes.join(", ")
        ),
        Text::DUnhandled { codes } => format!(
            "Scenario D: no team handles {}; add it to a team's `handles` so someone may use the system user that carries it.",
            quote_list(codes)
        ),
        Text::DCutNoTeam => "Scenario D: cut out of a larger system user because no team handles these packages yet; name the team that may use it.".into(),
        Text::DCut { teams } => format!(
            "Scenario D: cut out so that only {} {} may use these packages; no team gets more than it handles.",
            team_word(teams.len()),
            teams.join(", ")
        ),
        Text::HSimplifiedWhy => "Scenario H simplified: the organisation itself (with its operational units) is included beside the clients that delegated these packages, since every package here is assignable.".into(),
        Text::EStandard => "Scenario E: one standard system user for the locally installed system carries every package the organisation needs for its own reporting; its operational units inherit it.".into(),
        Text::HStandard => "Scenario H: a standard system user for the organisation's own reporting and its operational units, since a client system user does not act for the organisation itself.".into(),
        Text::AStandard => "Scenario A: one standard system user carries every package the organisation needs for its own reporting; its operational units inherit it.".into(),
        Text::CRelationship { rel } => format!(
            "Scenario C: clients with the organisation as {} are one relationship type and a separate legal basis, so they share this client system user.",
            rel.unwrap_or("delegated")
        ),
        Text::BRelationship { rel } => format!(
            "Scenario B: every client has the organisation as {}, so one client system user with the packages that relationship gives serves them all.",
            rel.unwrap_or("delegated")
        ),
        Text::F1Base { rel } => format!(
            "Scenario F option 1: clients with the organisation as {} and no extra services; a client that extends moves to the matching combination.",
            rel.unwrap_or("delegated")
        ),
        Text::F2Base { rel } => format!(
            "Scenario F option 2: every client with the organisation as {} stays linked here whatever extra services it has.",
            rel.unwrap_or("delegated")
        ),
        Text::F1Combination { rel, extras } => format!(
            "Scenario F option 1: clients with the organisation as {} that have also delegated {extras} get one system user for exactly that combination.",
            rel.unwrap_or("delegated")
        ),
        Text::F2Service { extras } => format!(
            "Scenario F option 2: one system user for the extra service {extras}; clients that delegated it are linked here as well as to their base system user."
        ),
        Text::GWithC => "Scenario G combined with C: the sub-entities that delegated exactly these packages share this client system user, one per package combination; their operational units follow automatically.".into(),
        Text::G => "Scenario G: each sub-entity delegates these packages to the organisation and is linked as a client; its operational units follow automatically.".into(),
        Text::HDelegated => "Scenario H: legal entities that delegated these packages in Altinn are clients of this system user, beside the standard one for the organisation's own reporting.".into(),
        Text::CDelegated => "Scenario C: clients that delegated exactly these packages directly in Altinn are their own relationship type, kept apart from ER-based ones.".into(),
        Text::BDelegated => "Scenario B: every client reaches the organisation through packages it delegated in Altinn, so one client system user with those packages serves them all.".into(),
        Text::OnlyTeams { why, teams } => format!(
            "{}; only {} {} may use it (scenario D).",
            why.trim_end_matches('.'),
            team_word(teams.len()),
            teams.join(", ")
        ),
    }
}

/// The bokmål texts, in the guidance's terms.
fn nb(t: &Text) -> String {
    let count = |n: usize| {
        if n == 1 {
            "1 klient".to_string()
        } else {
            format!("{} klienter", crate::text::thousands_in(n, Lang::Nb))
        }
    };
    let teams_word = |n: usize| if n == 1 { "teamet" } else { "teamene" };
    let rel = |r: Option<&str>| r.unwrap_or("delegert i Altinn").to_string();
    match *t {
        Text::IsTheOrganisation { client } => format!(
            "{client} er virksomheten selv, ikke en klient; egne behov føres opp under `own_packages`."
        ),
        Text::ListedTwice { client } => format!(
            "{client} står to ganger under `clients`; bare den første oppføringen brukes."
        ),
        Text::IsOperationalUnit { client, main } => format!(
            "{client} er en underenhet av {main}; den arver fra hovedenheten og legges aldri til som klient."
        ),
        Text::ServedAnyway { client, problems } => format!(
            "{client}: {}; den betjenes gjennom de andre klientforholdene sine.",
            problems.join("; ")
        ),
        Text::NoRelationship => "den har ingen ER-rolle overfor virksomheten og har ikke delegert noen tilgangspakker, så den er ikke en klient i Altinn".into(),
        Text::RoleGivesNothing { role } => format!("rollen som {role} gir ingen tilgangspakker"),
        Text::RoleOnlyForForms { role, forms, form } => format!(
            "som {role} får virksomheten tilgangspakker bare for klienter med organisasjonsformene {}, og denne klienten er {}",
            forms.join(", "),
            form.unwrap_or("en ukjent organisasjonsform")
        ),
        Text::SystemLacksRolePackages { role, gives } => format!(
            "oppføringen i systemregisteret har ingen av tilgangspakkene rollen som {role} gir ({}); be leverandøren registrere dem",
            gives.join(", ")
        ),
        Text::SubEntityMustDelegate => {
            "et organisasjonsledd må delegere tilgangspakkene til virksomheten selv i Altinn".into()
        }
        Text::NothingUsable => "ingen av tilgangspakkene den kan gi, kan brukes".into(),
        Text::NotAPackage { code } => format!("`{code}` er ikke en tilgangspakke"),
        Text::CannotBeDelegated { code } => {
            format!("`{code}` kan ikke delegeres til en klientsystembruker")
        }
        Text::ClientOnlyDelegated { code } => format!(
            "`{code}` kan ikke delegeres direkte: den kommer bare gjennom ER-rollen (klienten registrerer virksomheten i den rollen i Enhetsregisteret)"
        ),
        Text::ClientOnlyDelegatedNote { clients, code } => format!(
            "{} skal ha delegert `{code}` direkte, men den kommer bare gjennom ER-rollen, så den delegeringen kan ikke finnes og betjener ingen: be klienten registrere virksomheten i rollen i Enhetsregisteret og før den opp under `er_roles` (delegated-client-only-package).",
            if clients == 1 { "1 klient".to_string() } else { format!("{clients} klienter") }
        ),
        Text::SystemLacksPackage { code } => format!(
            "oppføringen i systemregisteret mangler `{code}`; be leverandøren registrere den"
        ),
        Text::VisibleWithClientOnly { codes } => format!(
            "Oppføringen i systemregisteret er synlig (`visible: true`), men har tilgangspakker som bare gjelder klientforhold ({}); Altinn avviser den kombinasjonen (AUTH.VLD-00018, visible-system-with-client-only-package). Leverandøren må registrere systemet med `isVisible: false` (`system.visible: false` her), eller fjerne de tilgangspakkene og med dem klientforholdene de betjener.",
            codes.join(", ")
        ),
        Text::LocalWithOtherVendor { vendor, orgnr } => format!(
            "Systemet er lokalt installert, men registrert av {vendor}; virksomheten må registrere det selv, som sin egen leverandør (sett `system.vendor: \"{orgnr}\"` og en system-id som begynner med `{orgnr}_`), med sin egen Maskinporten-klient (locally-installed-needs-own-vendor)."
        ),
        Text::ERegistersItself => "Scenario E: virksomheten registrerer selv det lokalt installerte systemet i systemregisteret, både som systemleverandør og systemkunde (det krever en avtale med Digdir).".into(),
        Text::EOwnMaskinporten => "Scenario E: virksomheten oppretter sin egen Maskinporten-klient og installerer nøkkelen på sin egen server.".into(),
        Text::ENeverVendorKey => "Scenario E: bruk aldri programvareleverandørens Maskinporten-nøkkel eller -sertifikat; en delt nøkkel kan gi tilgang til data på tvers av alle leverandørens kunder.".into(),
        Text::OwnNotInSystem { code } => format!(
            "Virksomheten trenger `{code}`, men oppføringen i systemregisteret mangler den: be leverandøren registrere `{code}` på systemet og send en ny forespørsel."
        ),
        Text::OwnNotAssignable { code } => format!(
            "`{code}` kan ikke gis til virksomheten selv (den kan ikke tildeles; den kommer bare gjennom klientforhold), så ingen standard systembruker kan ha den; fjern den fra `own_packages`."
        ),
        Text::OwnUnknown { code, near } => {
            let hint = if near.is_empty() {
                String::new()
            } else {
                format!(" (mente du {}?)", quote_list(near))
            };
            format!("`{code}` i `own_packages` er ikke en tilgangspakke{hint}.")
        }
        Text::RolesGiveMissing { codes } => format!(
            "Klientenes ER-roller ville også gi {}, som oppføringen i systemregisteret mangler; be leverandøren registrere dem hvis dere trenger dem.",
            quote_list(codes)
        ),
        Text::DelegatedMissing { clients, code } => format!(
            "{} har delegert `{code}`, men oppføringen i systemregisteret mangler den: be leverandøren registrere `{code}` for å handle for dem med den.",
            count(clients)
        ),
        Text::NotDelegableForClients { code } => format!(
            "`{code}` kan ikke legges på en klientsystembruker (den kan ikke delegeres), så den utelates for klienter."
        ),
        Text::DelegatedUnknown {
            clients,
            code,
            near,
        } => {
            let hint = if near.is_empty() {
                String::new()
            } else {
                format!("; mente du {}?", quote_list(near))
            };
            format!(
                "{} har delegert `{code}`, som ikke er en tilgangspakke{hint}",
                count(clients)
            )
        }
        Text::MoreRemarks { count } => {
            format!("… og {count} flere merknader som disse om enkeltklienter.")
        }
        Text::HSelfOnClientAvailable => "Scenario H: Altinn lar nå virksomheten selv legges til en klientsystembruker der alle tilgangspakkene kan tildeles; sett `options.self_on_client_system_user: true` hvis det er tilgjengelig for dere, så trenger dere én systembruker mindre.".into(),
        Text::HSimplifiedNote => "Scenario H forenklet: virksomheten selv legges til klientsystembrukeren for de delegerte klientene, så det trengs ingen standard systembruker; ER-baserte klientforhold beholder egne systembrukere.".into(),
        Text::HKeepsStandard { codes } => format!(
            "Scenario H: ingen klientsystembruker har nøyaktig virksomhetens egne tilgangspakker ({}); lagt til en, ville virksomheten fått alle tilgangspakkene på den, også dem den ikke ba om, så egen rapportering beholder en standard systembruker.",
            codes.join(", ")
        ),
        Text::DUnhandled { codes } => format!(
            "Scenario D: ingen team håndterer {}; legg den til i et teams `handles` slik at noen kan bruke systembrukeren som har den.",
            quote_list(codes)
        ),
        Text::DCutNoTeam => "Scenario D: skilt ut fra en større systembruker fordi ingen team håndterer disse tilgangspakkene ennå; oppgi teamet som skal kunne bruke den.".into(),
        Text::DCut { teams } => format!(
            "Scenario D: skilt ut slik at bare {} {} kan bruke disse tilgangspakkene; ingen team får mer enn det håndterer.",
            teams_word(teams.len()),
            teams.join(", ")
        ),
        Text::HSimplifiedWhy => "Scenario H forenklet: virksomheten selv (med underenhetene) er tatt med ved siden av klientene som har delegert disse tilgangspakkene, siden alle tilgangspakkene her kan tildeles.".into(),
        Text::EStandard => "Scenario E: én standard systembruker for det lokalt installerte systemet har alle tilgangspakkene virksomheten trenger for egen rapportering; underenhetene arver den.".into(),
        Text::HStandard => "Scenario H: en standard systembruker for virksomhetens egen rapportering og underenhetene, siden en klientsystembruker ikke handler for virksomheten selv.".into(),
        Text::AStandard => "Scenario A: én standard systembruker har alle tilgangspakkene virksomheten trenger for egen rapportering; underenhetene arver den.".into(),
        Text::CRelationship { rel: r } => format!(
            "Scenario C: klienter med virksomheten som {} er én type klientforhold og et eget rettslig grunnlag, så de deler denne klientsystembrukeren.",
            rel(r)
        ),
        Text::BRelationship { rel: r } => format!(
            "Scenario B: alle klientene har virksomheten som {}, så én klientsystembruker med tilgangspakkene det klientforholdet gir, betjener alle.",
            rel(r)
        ),
        Text::F1Base { rel: r } => format!(
            "Scenario F alternativ 1: klienter med virksomheten som {} og ingen tilleggstjenester; en klient som utvider, flyttes til den kombinasjonen som passer.",
            rel(r)
        ),
        Text::F2Base { rel: r } => format!(
            "Scenario F alternativ 2: alle klienter med virksomheten som {} forblir knyttet hit, uansett hvilke tilleggstjenester de har.",
            rel(r)
        ),
        Text::F1Combination { rel: r, extras } => format!(
            "Scenario F alternativ 1: klienter med virksomheten som {} som også har delegert {extras}, får én systembruker for akkurat den kombinasjonen.",
            rel(r)
        ),
        Text::F2Service { extras } => format!(
            "Scenario F alternativ 2: én systembruker for tilleggstjenesten {extras}; klienter som har delegert den, knyttes hit i tillegg til sin felles systembruker."
        ),
        Text::GWithC => "Scenario G kombinert med C: organisasjonsleddene som har delegert akkurat disse tilgangspakkene, deler denne klientsystembrukeren, én per kombinasjon av tilgangspakker; underenhetene følger automatisk.".into(),
        Text::G => "Scenario G: hvert organisasjonsledd delegerer disse tilgangspakkene til virksomheten og knyttes til som klient; underenhetene følger automatisk.".into(),
        Text::HDelegated => "Scenario H: juridiske enheter som har delegert disse tilgangspakkene i Altinn, er klienter av denne systembrukeren, ved siden av den standard systembrukeren for virksomhetens egen rapportering.".into(),
        Text::CDelegated => "Scenario C: klienter som har delegert akkurat disse tilgangspakkene direkte i Altinn, er sin egen type klientforhold, holdt adskilt fra de ER-baserte.".into(),
        Text::BDelegated => "Scenario B: alle klientene når virksomheten gjennom tilgangspakker de har delegert i Altinn, så én klientsystembruker med de tilgangspakkene betjener alle.".into(),
        Text::OnlyTeams { why, teams } => format!(
            "{}; bare {} {} kan bruke den (scenario D).",
            why.trim_end_matches('.'),
            teams_word(teams.len()),
            teams.join(", ")
        ),
    }
}
