//! Every text the advisor writes into a plan (`why:`, `advice.notes`,
//! `advice.unserved[].reason`), in English and Norwegian bokmål, in one place.
//!
//! The advisor decides; a [`Text`] or a [`Name`] carries the facts, and
//! `text(lang)` words it, one function per language. A recommendation keeps
//! them as data ([`super::AdviceTexts`]), so a front end rewords it in the
//! other language without analysing the plan again.

use super::layout::{count, join_services, numbered};
use crate::catalog::service_name_in;
use crate::lang::Lang;
use crate::plan::Relationship;

/// One advisor text with the facts it names: data, kept in a recommendation
/// and worded by [`Text::text`] when shown, so a front end can show it in
/// another language without analysing the plan again. Codes are given bare
/// and quoted here; relationships and services are named here, in the
/// reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    // Remarks about single clients.
    IsTheOrganisation {
        client: String,
    },
    ListedTwice {
        client: String,
    },
    IsOperationalUnit {
        client: String,
        main: String,
    },
    ServedAnyway {
        client: String,
        problems: Vec<Text>,
    },
    // Why a client cannot be served, or is served only in part.
    /// Every problem that stops a client from being served, in order.
    Problems(Vec<Text>),
    NoRelationship,
    RoleGivesNothing {
        role: Relationship,
    },
    RoleOnlyForForms {
        role: Relationship,
        forms: Vec<&'static str>,
        form: Option<String>,
    },
    SystemLacksRolePackages {
        role: Relationship,
        gives: Vec<&'static str>,
    },
    SubEntityMustDelegate,
    NothingUsable,
    NotAPackage {
        code: String,
    },
    CannotBeDelegated {
        code: String,
    },
    /// A client-only package the plan says was delegated directly.
    ClientOnlyDelegated {
        code: String,
    },
    /// Clients said to have delegated a client-only package (a note).
    ClientOnlyDelegatedNote {
        clients: usize,
        code: String,
    },
    SystemLacksPackage {
        code: String,
    },
    // Notes.
    /// The situation breaks visible-system-with-client-only-package.
    VisibleWithClientOnly {
        codes: Vec<String>,
    },
    /// The situation breaks locally-installed-needs-own-vendor.
    LocalWithOtherVendor {
        vendor: String,
        orgnr: String,
    },
    ERegistersItself,
    EOwnMaskinporten,
    ENeverVendorKey,
    OwnNotInSystem {
        code: String,
    },
    OwnNotAssignable {
        code: String,
    },
    OwnUnknown {
        code: String,
        near: Vec<&'static str>,
    },
    RolesGiveMissing {
        codes: Vec<&'static str>,
    },
    DelegatedMissing {
        clients: usize,
        code: String,
    },
    NotDelegableForClients {
        code: String,
    },
    DelegatedUnknown {
        clients: usize,
        code: String,
        near: Vec<&'static str>,
    },
    MoreRemarks {
        count: usize,
    },
    HSelfOnClientAvailable,
    HSimplifiedNote,
    HKeepsStandard {
        codes: Vec<&'static str>,
    },
    DUnhandled {
        codes: Vec<String>,
    },
    // Why a system user is there.
    DCutNoTeam,
    DCut {
        teams: Vec<String>,
    },
    HSimplifiedWhy,
    EStandard,
    HStandard,
    AStandard,
    /// `rel`: the relationship, `None`: delegated.
    CRelationship {
        rel: Option<Relationship>,
    },
    BRelationship {
        rel: Option<Relationship>,
    },
    F1Base {
        rel: Option<Relationship>,
    },
    F2Base {
        rel: Option<Relationship>,
    },
    /// `extras`: the extra services' package codes.
    F1Combination {
        rel: Option<Relationship>,
        extras: Vec<&'static str>,
    },
    F2Service {
        extras: Vec<&'static str>,
    },
    GWithC,
    G,
    HDelegated,
    CDelegated,
    BDelegated,
    /// `why` narrowed to the teams that may use it.
    OnlyTeams {
        why: Box<Text>,
        teams: Vec<String>,
    },
}

impl Text {
    /// The text as the plan file says it (`advice.notes`, `why:`): places
    /// in the plan are named by their keys (`own_packages`).
    pub fn text(&self, lang: Lang) -> String {
        self.worded(lang, false)
    }

    /// The text as the wizard shows it: places are its steps and rows
    /// ("the Own packages step"), not the plan file's keys.
    pub fn wizard_text(&self, lang: Lang) -> String {
        self.worded(lang, true)
    }

    fn worded(&self, lang: Lang, wizard: bool) -> String {
        match lang {
            Lang::En => en(self, wizard),
            Lang::Nb => nb(self, wizard),
        }
    }
}

/// Problems in a row, each worded in `lang`.
fn joined(texts: &[Text], lang: Lang, wizard: bool) -> String {
    let texts: Vec<String> = texts.iter().map(|t| t.worded(lang, wizard)).collect();
    texts.join("; ")
}

/// Extra services in a sentence ("sick leave + salary").
fn services(codes: &[&str], lang: Lang) -> String {
    let names: Vec<&str> = codes.iter().map(|c| service_name_in(c, lang)).collect();
    join_services(&names, true)
}

/// Extra services as a name ("Sick leave + salary").
fn services_as_name(codes: &[&str], lang: Lang) -> String {
    let names: Vec<&str> = codes.iter().map(|c| service_name_in(c, lang)).collect();
    join_services(&names, false)
}

fn quote_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The English texts; `wizard`: places named as the wizard's steps and rows.
fn en(t: &Text, wizard: bool) -> String {
    let place = |plan: &'static str, steps: &'static str| if wizard { steps } else { plan };
    let count = |n: usize| {
        if n == 1 {
            "1 client".to_string()
        } else {
            format!("{} clients", crate::text::thousands(n))
        }
    };
    let team_word = |n: usize| if n == 1 { "team" } else { "teams" };
    match t {
        Text::IsTheOrganisation { client } => format!(
            "{client} is the organisation itself, not a client; its own needs go {}.",
            place("under `own_packages`", "on the Own packages step")
        ),
        Text::ListedTwice { client } => {
            format!(
                "{client} is listed twice {}; only the first entry is used.",
                place("under `clients`", "on the Clients step")
            )
        }
        Text::IsOperationalUnit { client, main } => format!(
            "{client} is an operational unit of {main}; it inherits from its main unit and is never added as a client."
        ),
        Text::ServedAnyway { client, problems } => format!(
            "{client}: {}; it is served through its other relationships.",
            joined(problems, Lang::En, wizard)
        ),
        Text::Problems(problems) => joined(problems, Lang::En, wizard),
        Text::NoRelationship => "it has no ER role towards the organisation and has delegated no packages, so it is not a client in Altinn".into(),
        Text::RoleGivesNothing { role } => format!(
            "the {} role gives no access packages",
            role.label_in(Lang::En)
        ),
        Text::RoleOnlyForForms { role, forms, form } => format!(
            "as {} the organisation gets access packages only for clients of the forms {}, and this client is {}",
            role.label_in(Lang::En),
            forms.join(", "),
            form.as_deref().unwrap_or("an unknown organisation form")
        ),
        Text::SystemLacksRolePackages { role, gives } => format!(
            "the system register entry has none of the packages the {} role gives ({}); ask the vendor to register them",
            role.label_in(Lang::En),
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
            "{} said to have delegated `{code}` directly, but it comes only through the ER role, so that delegation cannot exist and serves no one: have the client register the organisation in the role in Enhetsregisteret and list it {} (delegated-client-only-package).",
            if *clients == 1 { "1 client is".to_string() } else { format!("{clients} clients are") },
            place("in `er_roles`", "on the client (Clients step)")
        ),
        Text::SystemLacksPackage { code } => {
            format!("the system register entry lacks `{code}`; ask the vendor to register it")
        }
        Text::VisibleWithClientOnly { codes } => format!(
            "The system register entry is visible ({}) but has client-only packages ({}); Altinn refuses that combination (AUTH.VLD-00018, visible-system-with-client-only-package). The vendor must register the system with `isVisible: false` ({}), or drop those packages and with them the client relationships they serve.",
            place("`visible: true`", "Visible in Altinn: Yes"),
            codes.join(", "),
            place(
                "`system.visible: false` here",
                "Visible in Altinn: No on the End-user system step"
            )
        ),
        Text::LocalWithOtherVendor { vendor, orgnr } => format!(
            "The system is locally installed but registered by {vendor}; the organisation must register it itself, as its own vendor ({}), with its own Maskinporten client (locally-installed-needs-own-vendor).",
            if wizard {
                format!("on the End-user system step: vendor {orgnr}, and a system id starting with {orgnr}_")
            } else {
                format!("set `system.vendor: \"{orgnr}\"` and a system id starting with `{orgnr}_`")
            }
        ),
        Text::ERegistersItself => "Scenario E: the organisation registers the locally installed system in the system register itself, as both system vendor and system customer (this needs an agreement with Digdir).".into(),
        Text::EOwnMaskinporten => "Scenario E: the organisation creates its own Maskinporten client and installs the key on its own server.".into(),
        Text::ENeverVendorKey => "Scenario E: never use the software vendor's Maskinporten key or certificate; a shared key could give access to data across all the vendor's customers.".into(),
        Text::OwnNotInSystem { code } => format!(
            "The organisation needs `{code}`, but the system register entry lacks it: ask the vendor to register `{code}` on the system and send a new request."
        ),
        Text::OwnNotAssignable { code } => format!(
            "`{code}` cannot be given to the organisation itself (it is not assignable; it only comes through client relationships), so no standard system user can carry it; remove it {}.",
            place("from `own_packages`", "on the Own packages step")
        ),
        Text::OwnUnknown { code, near } => {
            let hint = if near.is_empty() {
                String::new()
            } else {
                format!(" (did you mean {}?)", quote_list(near))
            };
            format!(
                "`{code}` {} is not an access package{hint}.",
                place("in `own_packages`", "among the own packages")
            )
        }
        Text::RolesGiveMissing { codes } => format!(
            "The clients' ER roles would also give {}, which the system register entry lacks; ask the vendor to register them if you need them.",
            quote_list(codes)
        ),
        Text::DelegatedMissing { clients, code } => format!(
            "{} delegated `{code}`, but the system register entry lacks it: ask the vendor to register `{code}` to act for them with it.",
            count(*clients)
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
                count(*clients)
            )
        }
        Text::MoreRemarks { count } => {
            format!("… and {count} more remarks like these about single clients.")
        }
        Text::HSelfOnClientAvailable => format!(
            "Scenario H: Altinn now lets the organisation itself be added to a client system user whose packages are all assignable; {} if that is available to you to need one system user fewer.",
            place(
                "set `options.self_on_client_system_user: true`",
                "choose Yes for «Own organisation on a client system user» on the Options step"
            )
        ),
        Text::HSimplifiedNote => "Scenario H simplified: the organisation itself is added to the client system user for its delegated clients, so no standard system user is needed; ER-based relationships keep their own system users.".into(),
        Text::HKeepsStandard { codes } => format!(
            "Scenario H: no client system user has exactly the organisation's own packages ({}); added to one, the organisation would get every package of it, also those it did not ask for, so its own reporting keeps a standard system user.",
            codes.join(", ")
        ),
        Text::DUnhandled { codes } => format!(
            "Scenario D: no team handles {}; add it to a team's {} so someone may use the system user that carries it.",
            quote_list(codes),
            place("`handles`", "Handles (Teams step)")
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
            rel.map_or("delegated", |r| r.label_in(Lang::En))
        ),
        Text::BRelationship { rel } => format!(
            "Scenario B: every client has the organisation as {}, so one client system user with the packages that relationship gives serves them all.",
            rel.map_or("delegated", |r| r.label_in(Lang::En))
        ),
        Text::F1Base { rel } => format!(
            "Scenario F option 1: clients with the organisation as {} and no extra services; a client that extends moves to the matching combination.",
            rel.map_or("delegated", |r| r.label_in(Lang::En))
        ),
        Text::F2Base { rel } => format!(
            "Scenario F option 2: every client with the organisation as {} stays linked here whatever extra services it has.",
            rel.map_or("delegated", |r| r.label_in(Lang::En))
        ),
        Text::F1Combination { rel, extras } => format!(
            "Scenario F option 1: clients with the organisation as {} that have also delegated {} get one system user for exactly that combination.",
            rel.map_or("delegated", |r| r.label_in(Lang::En)),
            services(extras, Lang::En)
        ),
        Text::F2Service { extras } => format!(
            "Scenario F option 2: one system user for the extra service {}; clients that delegated it are linked here as well as to their base system user.",
            services(extras, Lang::En)
        ),
        Text::GWithC => "Scenario G combined with C: the sub-entities that delegated exactly these packages share this client system user, one per package combination; their operational units follow automatically.".into(),
        Text::G => "Scenario G: each sub-entity delegates these packages to the organisation and is linked as a client; its operational units follow automatically.".into(),
        Text::HDelegated => "Scenario H: legal entities that delegated these packages in Altinn are clients of this system user, beside the standard one for the organisation's own reporting.".into(),
        Text::CDelegated => "Scenario C: clients that delegated exactly these packages directly in Altinn are their own relationship type, kept apart from ER-based ones.".into(),
        Text::BDelegated => "Scenario B: every client reaches the organisation through packages it delegated in Altinn, so one client system user with those packages serves them all.".into(),
        Text::OnlyTeams { why, teams } => format!(
            "{}; only {} {} may use it (scenario D).",
            en(why, wizard).trim_end_matches('.'),
            team_word(teams.len()),
            teams.join(", ")
        ),
    }
}

/// The bokmål texts, in the guidance's terms; `wizard` as for [`en`].
fn nb(t: &Text, wizard: bool) -> String {
    let place = |plan: &'static str, steps: &'static str| if wizard { steps } else { plan };
    let count = |n: usize| {
        if n == 1 {
            "1 klient".to_string()
        } else {
            format!("{} klienter", crate::text::thousands_in(n, Lang::Nb))
        }
    };
    let teams_word = |n: usize| if n == 1 { "teamet" } else { "teamene" };
    let rel = |r: &Option<Relationship>| r.map_or("delegert i Altinn", |r| r.label_in(Lang::Nb));
    match t {
        Text::IsTheOrganisation { client } => format!(
            "{client} er virksomheten selv, ikke en klient; egne behov føres opp {}.",
            place("under `own_packages`", "på steget Egne pakker")
        ),
        Text::ListedTwice { client } => format!(
            "{client} står to ganger {}; bare den første oppføringen brukes.",
            place("under `clients`", "på steget Klienter")
        ),
        Text::IsOperationalUnit { client, main } => format!(
            "{client} er en underenhet av {main}; den arver fra hovedenheten og legges aldri til som klient."
        ),
        Text::ServedAnyway { client, problems } => format!(
            "{client}: {}; den betjenes gjennom de andre klientforholdene sine.",
            joined(problems, Lang::Nb, wizard)
        ),
        Text::Problems(problems) => joined(problems, Lang::Nb, wizard),
        Text::NoRelationship => "den har ingen ER-rolle overfor virksomheten og har ikke delegert noen tilgangspakker, så den er ikke en klient i Altinn".into(),
        Text::RoleGivesNothing { role } => format!(
            "rollen som {} gir ingen tilgangspakker",
            role.label_in(Lang::Nb)
        ),
        Text::RoleOnlyForForms { role, forms, form } => format!(
            "som {} får virksomheten tilgangspakker bare for klienter med organisasjonsformene {}, og denne klienten er {}",
            role.label_in(Lang::Nb),
            forms.join(", "),
            form.as_deref().unwrap_or("en ukjent organisasjonsform")
        ),
        Text::SystemLacksRolePackages { role, gives } => format!(
            "oppføringen i systemregisteret har ingen av tilgangspakkene rollen som {} gir ({}); be leverandøren registrere dem",
            role.label_in(Lang::Nb),
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
            "{} skal ha delegert `{code}` direkte, men den kommer bare gjennom ER-rollen, så den delegeringen kan ikke finnes og betjener ingen: be klienten registrere virksomheten i rollen i Enhetsregisteret og {} (delegated-client-only-package).",
            if *clients == 1 { "1 klient".to_string() } else { format!("{clients} klienter") },
            place("før den opp under `er_roles`", "merk av rollen på klienten (steget Klienter)")
        ),
        Text::SystemLacksPackage { code } => format!(
            "oppføringen i systemregisteret mangler `{code}`; be leverandøren registrere den"
        ),
        Text::VisibleWithClientOnly { codes } => format!(
            "Oppføringen i systemregisteret er synlig ({}), men har tilgangspakker som bare gjelder klientforhold ({}); Altinn avviser den kombinasjonen (AUTH.VLD-00018, visible-system-with-client-only-package). Leverandøren må registrere systemet med `isVisible: false` ({}), eller fjerne de tilgangspakkene og med dem klientforholdene de betjener.",
            place("`visible: true`", "Synlig i Altinn: Ja"),
            codes.join(", "),
            place(
                "`system.visible: false` her",
                "Synlig i Altinn: Nei på steget Sluttbrukersystem"
            )
        ),
        Text::LocalWithOtherVendor { vendor, orgnr } => format!(
            "Systemet er lokalt installert, men registrert av {vendor}; virksomheten må registrere det selv, som sin egen leverandør ({}), med sin egen Maskinporten-klient (locally-installed-needs-own-vendor).",
            if wizard {
                format!("på steget Sluttbrukersystem: leverandør {orgnr}, og en system-id som begynner med {orgnr}_")
            } else {
                format!("sett `system.vendor: \"{orgnr}\"` og en system-id som begynner med `{orgnr}_`")
            }
        ),
        Text::ERegistersItself => "Scenario E: virksomheten registrerer selv det lokalt installerte systemet i systemregisteret, både som systemleverandør og systemkunde (det krever en avtale med Digdir).".into(),
        Text::EOwnMaskinporten => "Scenario E: virksomheten oppretter sin egen Maskinporten-klient og installerer nøkkelen på sin egen server.".into(),
        Text::ENeverVendorKey => "Scenario E: bruk aldri programvareleverandørens Maskinporten-nøkkel eller -sertifikat; en delt nøkkel kan gi tilgang til data på tvers av alle leverandørens kunder.".into(),
        Text::OwnNotInSystem { code } => format!(
            "Virksomheten trenger `{code}`, men oppføringen i systemregisteret mangler den: be leverandøren registrere `{code}` på systemet og send en ny forespørsel."
        ),
        Text::OwnNotAssignable { code } => format!(
            "`{code}` kan ikke gis til virksomheten selv (den kan ikke tildeles; den kommer bare gjennom klientforhold), så ingen standard systembruker kan ha den; fjern den {}.",
            place("fra `own_packages`", "på steget Egne pakker")
        ),
        Text::OwnUnknown { code, near } => {
            let hint = if near.is_empty() {
                String::new()
            } else {
                format!(" (mente du {}?)", quote_list(near))
            };
            format!(
                "`{code}` {} er ikke en tilgangspakke{hint}.",
                place("i `own_packages`", "blant egne pakker")
            )
        }
        Text::RolesGiveMissing { codes } => format!(
            "Klientenes ER-roller ville også gi {}, som oppføringen i systemregisteret mangler; be leverandøren registrere dem hvis dere trenger dem.",
            quote_list(codes)
        ),
        Text::DelegatedMissing { clients, code } => format!(
            "{} har delegert `{code}`, men oppføringen i systemregisteret mangler den: be leverandøren registrere `{code}` for å handle for dem med den.",
            count(*clients)
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
                count(*clients)
            )
        }
        Text::MoreRemarks { count } => {
            format!("… og {count} flere merknader som disse om enkeltklienter.")
        }
        Text::HSelfOnClientAvailable => format!(
            "Scenario H: Altinn lar nå virksomheten selv legges til en klientsystembruker der alle tilgangspakkene kan tildeles; {} hvis det er tilgjengelig for dere, så trenger dere én systembruker mindre.",
            place(
                "sett `options.self_on_client_system_user: true`",
                "velg Ja for «Egen virksomhet på klientsystembruker» på steget Valg"
            )
        ),
        Text::HSimplifiedNote => "Scenario H forenklet: virksomheten selv legges til klientsystembrukeren for de delegerte klientene, så det trengs ingen standard systembruker; ER-baserte klientforhold beholder egne systembrukere.".into(),
        Text::HKeepsStandard { codes } => format!(
            "Scenario H: ingen klientsystembruker har nøyaktig virksomhetens egne tilgangspakker ({}); lagt til en, ville virksomheten fått alle tilgangspakkene på den, også dem den ikke ba om, så egen rapportering beholder en standard systembruker.",
            codes.join(", ")
        ),
        Text::DUnhandled { codes } => format!(
            "Scenario D: ingen team håndterer {}; legg den til {} slik at noen kan bruke systembrukeren som har den.",
            quote_list(codes),
            place("i et teams `handles`", "under Håndterer for et team (steget Team)")
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
            "Scenario F alternativ 1: klienter med virksomheten som {} som også har delegert {}, får én systembruker for akkurat den kombinasjonen.",
            rel(r),
            services(extras, Lang::Nb)
        ),
        Text::F2Service { extras } => format!(
            "Scenario F alternativ 2: én systembruker for tilleggstjenesten {}; klienter som har delegert den, knyttes hit i tillegg til sin felles systembruker.",
            services(extras, Lang::Nb)
        ),
        Text::GWithC => "Scenario G kombinert med C: organisasjonsleddene som har delegert akkurat disse tilgangspakkene, deler denne klientsystembrukeren, én per kombinasjon av tilgangspakker; underenhetene følger automatisk.".into(),
        Text::G => "Scenario G: hvert organisasjonsledd delegerer disse tilgangspakkene til virksomheten og knyttes til som klient; underenhetene følger automatisk.".into(),
        Text::HDelegated => "Scenario H: juridiske enheter som har delegert disse tilgangspakkene i Altinn, er klienter av denne systembrukeren, ved siden av den standard systembrukeren for virksomhetens egen rapportering.".into(),
        Text::CDelegated => "Scenario C: klienter som har delegert akkurat disse tilgangspakkene direkte i Altinn, er sin egen type klientforhold, holdt adskilt fra de ER-baserte.".into(),
        Text::BDelegated => "Scenario B: alle klientene når virksomheten gjennom tilgangspakker de har delegert i Altinn, så én klientsystembruker med de tilgangspakkene betjener alle.".into(),
        Text::OnlyTeams { why, teams } => format!(
            "{}; bare {} {} kan bruke den (scenario D).",
            nb(why, wizard).trim_end_matches('.'),
            teams_word(teams.len()),
            teams.join(", ")
        ),
    }
}

/// A system user's name as data, worded by [`Name::text`] ("Accounting +
/// sick leave", "Regnskap + sykefravær").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    OwnReporting,
    /// A relationship type's system user; with extras under F's option 1.
    Relationship {
        rel: Relationship,
        /// The base includes `forretningsforer-eiendom`.
        property: bool,
        extras: Vec<&'static str>,
    },
    /// Delegated clients or sub-entities; `services` when there is one such
    /// system user per package combination.
    Group {
        sub_entities: bool,
        services: Option<Vec<&'static str>>,
    },
    /// The services alone (F's option 2, a team's cut).
    Services(Vec<&'static str>),
}

impl Name {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Name::OwnReporting => match lang {
                Lang::En => "Own reporting",
                Lang::Nb => "Egen rapportering",
            }
            .into(),
            Name::Relationship {
                rel,
                property,
                extras,
            } => relationship_with(*rel, *property, extras, lang),
            Name::Group {
                sub_entities,
                services,
            } => {
                let group = match (sub_entities, lang) {
                    (true, Lang::En) => "Sub-entities",
                    (true, Lang::Nb) => "Organisasjonsledd",
                    (false, Lang::En) => "Delegated clients",
                    (false, Lang::Nb) => "Delegerte klienter",
                };
                match services {
                    None => group.into(),
                    Some(codes) => format!("{group} ({})", services_as_name(codes, lang)),
                }
            }
            Name::Services(codes) => services_as_name(codes, lang),
        }
    }
}

/// A relationship type's system user's name, with its extra services if any
/// ("Accounting", "Accounting + sick leave"): the layout's and F's numbers'.
pub fn relationship_with<S: AsRef<str>>(
    rel: Relationship,
    property: bool,
    extras: &[S],
    lang: Lang,
) -> String {
    let base = relationship_name(rel, property, lang);
    if extras.is_empty() {
        return base.into();
    }
    let names: Vec<&str> = extras
        .iter()
        .map(|c| service_name_in(c.as_ref(), lang))
        .collect();
    format!("{base} + {}", join_services(&names, true))
}

/// The name of a relationship type's system user ("Accounting", "Regnskap");
/// `property`: its packages include `forretningsforer-eiendom`.
pub fn relationship_name(rel: Relationship, property: bool, lang: Lang) -> &'static str {
    match (rel, lang) {
        (Relationship::REGNSKAPSFORER, Lang::En) => "Accounting",
        (Relationship::REGNSKAPSFORER, Lang::Nb) => "Regnskap",
        (Relationship::REVISOR, Lang::En) => "Audit",
        (Relationship::REVISOR, Lang::Nb) => "Revisjon",
        (Relationship::FORRETNINGSFORER, Lang::En) if property => "Property management",
        (Relationship::FORRETNINGSFORER, Lang::Nb) if property => "Forretningsførsel eiendom",
        (Relationship::FORRETNINGSFORER, Lang::En) => "Business management (NUF)",
        (Relationship::FORRETNINGSFORER, Lang::Nb) => "Forretningsførsel (NUF)",
        (Relationship::Role(r), _) => r.name(lang == Lang::Nb),
        (Relationship::Delegated, Lang::En) => "Delegated clients",
        (Relationship::Delegated, Lang::Nb) => "Delegerte klienter",
    }
}

/// A layout's system users' names, told apart by team and then by number
/// in whichever language they are worded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// Each system user's name and the teams that may use it.
    pub(super) names: Vec<(Name, Vec<String>)>,
}

impl Names {
    pub fn text(&self, lang: Lang) -> Vec<String> {
        let mut out: Vec<String> = self.names.iter().map(|(n, _)| n.text(lang)).collect();
        let counts = count(&out);
        for (i, (_, teams)) in self.names.iter().enumerate() {
            if counts[&out[i]] > 1 && !teams.is_empty() {
                out[i] = format!("{} ({})", out[i], teams.join(", "));
            }
        }
        numbered(out, " ")
    }
}
