//! The rules `check` knows: stable ids, severities, Altinn's error codes, and
//! the explanation behind each. Findings, docs and `sysuser explain` all read
//! this one table. Ids are public interface: add, never rename.

pub mod texts;

use crate::lang::Lang;
use serde::{Serialize, Serializer};
pub use texts::{Audience, Msg, Wording};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The severity as a word of `lang` ("advarsel"); [`Severity::as_str`]
    /// is the id that JSON and `check`'s `error[rule]` lines keep.
    pub fn word(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, _) => self.as_str(),
            (Lang::Nb, Severity::Error) => "feil",
            (Lang::Nb, Severity::Warning) => "advarsel",
            (Lang::Nb, Severity::Info) => "info",
        }
    }
}

/// The documentation of one rule.
#[derive(Debug)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub altinn_code: Option<&'static str>,
    /// When it fires.
    pub when: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    /// The same three in bokmål, in the guidance's terms.
    pub when_nb: &'static str,
    pub why_nb: &'static str,
    pub fix_nb: &'static str,
}

macro_rules! rules {
    ($( $variant:ident => $id:literal, $sev:ident, $code:expr, when: $when:literal, why: $why:literal, fix: $fix:literal,
       when_nb: $when_nb:literal, why_nb: $why_nb:literal, fix_nb: $fix_nb:literal; )*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $( $variant ),* }

        impl Rule {
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant ),* ];

            pub fn info(self) -> &'static RuleInfo {
                match self {
                    $( Rule::$variant => &RuleInfo {
                        id: $id,
                        severity: Severity::$sev,
                        altinn_code: $code,
                        when: $when,
                        why: $why,
                        fix: $fix,
                        when_nb: $when_nb,
                        why_nb: $why_nb,
                        fix_nb: $fix_nb,
                    } ),*
                }
            }
        }
    };
}

rules! {
    InvalidOrgnr => "invalid-orgnr", Error, None,
        when: "An organisation number fails the mod-11 check digit or is not 9 digits.",
        why: "Altinn and Enhetsregisteret know no such organisation; every request naming it fails.",
        fix: "Copy the number again from Enhetsregisteret (brreg.no); the last digit is a check digit.",
        when_nb: "Et organisasjonsnummer har feil kontrollsiffer (modulus 11) eller er ikke 9 sifre.",
        why_nb: "Altinn og Enhetsregisteret kjenner ingen slik virksomhet; alle forespørsler som nevner den, feiler.",
        fix_nb: "Kopier nummeret på nytt fra Enhetsregisteret (brreg.no); det siste sifferet er et kontrollsiffer.";
    UnknownPackage => "unknown-package", Error, Some("AUTH.VLD-00008"),
        when: "A package code is not in Altinn's access package catalog.",
        why: "The system register refuses unknown packages, so the system cannot even be registered with it.",
        fix: "Use one of the codes the hint names, or search with `sysuser packages --search TERM`.",
        when_nb: "En tilgangspakkekode finnes ikke i Altinns katalog over tilgangspakker.",
        why_nb: "Systemregisteret avviser ukjente tilgangspakker, så systemet kan ikke engang registreres med den.",
        fix_nb: "Bruk en av kodene tipset nevner, eller søk med `sysuser packages --search ORD`.";
    PersonPackage => "person-package", Error, None,
        when: "A package meant for persons (innbygger-*, vergemal-*) is used.",
        why: "Person packages are for citizens and guardians; system users act for organisations.",
        fix: "Remove it and pick the organisation package for the same service.",
        when_nb: "En tilgangspakke for privatpersoner (innbygger-*, vergemal-*) er brukt.",
        why_nb: "Tilgangspakker for privatpersoner gjelder innbyggere og verger; systembrukere handler for virksomheter.",
        fix_nb: "Fjern den og velg tilgangspakken for virksomheter for den samme tjenesten.";
    PackageNotForSystemUsers => "package-not-for-system-users", Error, Some("AUTH.VLD-00008"),
        when: "A package that is neither assignable nor delegable (e.g. `eksplisitt`) is used.",
        why: "The system register refuses packages that no system user can carry.",
        fix: "Remove the package from the system register entry and the plan.",
        when_nb: "En tilgangspakke som verken kan tildeles eller delegeres (f.eks. `eksplisitt`), er brukt.",
        why_nb: "Systemregisteret avviser tilgangspakker som ingen systembruker kan ha.",
        fix_nb: "Fjern tilgangspakken fra oppføringen i systemregisteret og fra planen.";
    DuplicatePackage => "duplicate-package", Error, Some("AUTH.VLD-00007"),
        when: "A package appears twice in the system register entry.",
        why: "The system register refuses duplicates.",
        fix: "List each package once.",
        when_nb: "En tilgangspakke står to ganger i oppføringen i systemregisteret.",
        why_nb: "Systemregisteret avviser duplikater.",
        fix_nb: "Før opp hver tilgangspakke én gang.";
    PackageNotInSystem => "package-not-in-system", Error, Some("AUTH-00063"),
        when: "A system user asks for a package the system register entry lacks.",
        why: "Altinn only creates system users with packages the vendor registered on the system.",
        fix: "Ask the vendor to add the package to the system register entry, or remove it from the system user.",
        when_nb: "En systembruker ber om en tilgangspakke som oppføringen i systemregisteret mangler.",
        why_nb: "Altinn oppretter bare systembrukere med tilgangspakker som leverandøren har registrert på systemet.",
        fix_nb: "Be leverandøren legge tilgangspakken til oppføringen i systemregisteret, eller fjern den fra systembrukeren.";
    PackageNotAssignable => "package-not-assignable", Error, Some("AUTH-00064"),
        when: "A standard system user (or a client system user with `include_self`) has a package that is not assignable.",
        why: "Packages that come from client relationships (regnskapsforer-*, revisor, forretningsforer-eiendom) cannot be given to the organisation itself.",
        fix: "Move the package to a client system user, or drop `include_self`.",
        when_nb: "En standard systembruker (eller en klientsystembruker med `include_self`) har en tilgangspakke som ikke kan tildeles.",
        why_nb: "Tilgangspakker som kommer fra klientforhold (regnskapsforer-*, revisor, forretningsforer-eiendom), kan ikke gis til virksomheten selv.",
        fix_nb: "Flytt tilgangspakken til en klientsystembruker, eller fjern `include_self`.";
    PackageNotDelegable => "package-not-delegable", Error, Some("AUTH-00065"),
        when: "A client system user has a package that is not delegable.",
        why: "Access management and Maskinporten packages only work for the organisation itself.",
        fix: "Put the package on a standard system user instead.",
        when_nb: "En klientsystembruker har en tilgangspakke som ikke kan delegeres.",
        why_nb: "Tilgangspakker for tilgangsstyring og Maskinporten virker bare for virksomheten selv.",
        fix_nb: "Legg tilgangspakken på en standard systembruker i stedet.";
    ClientSystemUserWithoutPackages => "client-system-user-without-packages", Error, Some("AUTH-00058"),
        when: "A client system user has no access packages.",
        why: "Altinn refuses a system user for client relationships without at least one package.",
        fix: "Give it the packages its clients' relationship provides.",
        when_nb: "En klientsystembruker har ingen tilgangspakker.",
        why_nb: "Altinn avviser en systembruker for klientforhold uten minst én tilgangspakke.",
        fix_nb: "Gi den tilgangspakkene klientforholdet til klientene gir.";
    StandardSystemUserWithoutPackages => "standard-system-user-without-packages", Error, Some("AUTH-00059"),
        when: "A standard system user has no access packages.",
        why: "Altinn refuses a standard system user without at least one right or package.",
        fix: "Give it the packages the organisation needs for its own reporting, or remove it.",
        when_nb: "En standard systembruker har ingen tilgangspakker.",
        why_nb: "Altinn avviser en standard systembruker uten minst én rettighet eller tilgangspakke.",
        fix_nb: "Gi den tilgangspakkene virksomheten trenger for egen rapportering, eller fjern den.";
    ClientsOnStandardSystemUser => "clients-on-standard-system-user", Error, Some("AUTH-00034"),
        when: "A standard system user has clients.",
        why: "Only system users for client relationships can have clients.",
        fix: "Move the clients to a client system user.",
        when_nb: "En standard systembruker har klienter.",
        why_nb: "Bare systembrukere for klientforhold kan ha klienter.",
        fix_nb: "Flytt klientene til en klientsystembruker.";
    NotAClient => "not-a-client", Error, Some("AUTH-00079"),
        when: "A client on a system user gives the organisation none of that system user's packages: no relationship at all, or none in common.",
        why: "Altinn's client list is filtered by the system user's packages, so it does not find the client at all.",
        fix: "Move the client to a system user whose packages it gives, give the missing packages (the client delegates assignable ones in Altinn; client-only ones come from registering the ER role in Enhetsregisteret), or remove it.",
        when_nb: "En klient på en systembruker gir ikke virksomheten noen av systembrukerens tilgangspakker: ingen klientforhold i det hele tatt, eller ingen felles.",
        why_nb: "Altinns klientliste filtreres på systembrukerens tilgangspakker, så Altinn finner ikke klienten i det hele tatt.",
        fix_nb: "Flytt klienten til en systembruker med tilgangspakker den gir, gi tilgangspakkene som mangler (klienten delegerer de som kan tildeles i Altinn; de som bare gjelder klientforhold, kommer ved å registrere ER-rollen i Enhetsregisteret), eller fjern den.";
    ClientMissingPackage => "client-missing-package", Error, Some("AUTH-00080"),
        when: "The AND rule: a client gives some but not all of the system user's packages.",
        why: "Every package on a client system user must be available from each client, counting ER roles and direct delegations together; otherwise Altinn refuses to add the client.",
        fix: "Have the client give the missing package (delegated in Altinn if it is assignable; through the ER role in Enhetsregisteret if it is client-only), or move the client to a system user whose packages it gives.",
        when_nb: "OG-regelen: en klient gir noen, men ikke alle, av systembrukerens tilgangspakker.",
        why_nb: "Hver tilgangspakke på en klientsystembruker må være tilgjengelig fra hver klient, gjennom ER-roller og direkte delegeringer til sammen; ellers avviser Altinn klienten.",
        fix_nb: "Be klienten gi tilgangspakken som mangler (delegert i Altinn hvis den kan tildeles; gjennom ER-rollen i Enhetsregisteret hvis den bare gjelder klientforhold), eller flytt klienten til en systembruker med tilgangspakker den gir.";
    DelegatedClientOnlyPackage => "delegated-client-only-package", Error, None,
        when: "A client is said to have delegated a client-only package (`regnskapsforer-*`, `ansvarlig-revisor`, `revisormedarbeider`, `forretningsforer-eiendom`) directly. An error where a system user relies on it, a warning where none does.",
        why: "Access Management lets a party delegate only assignable packages; these come only through the ER role, so the delegation cannot exist and never counts as a basis.",
        fix: "Remove it from `delegated`; have the client register the organisation in Enhetsregisteret in the role that gives it (and list that role in `er_roles`), or move the client to a system user without the package.",
        when_nb: "En klient skal ha delegert en tilgangspakke som bare gjelder klientforhold (`regnskapsforer-*`, `ansvarlig-revisor`, `revisormedarbeider`, `forretningsforer-eiendom`), direkte. En feil der en systembruker bygger på den, ellers en advarsel.",
        why_nb: "Tilgangsstyring lar en part delegere bare tilgangspakker som kan tildeles; disse kommer bare gjennom ER-rollen, så delegeringen kan ikke finnes og teller aldri som grunnlag.",
        fix_nb: "Fjern den fra `delegated`; be klienten registrere virksomheten i Enhetsregisteret i rollen som gir den (og før opp rollen under `er_roles`), eller flytt klienten til en systembruker uten tilgangspakken.";
    RolePackageWrongUnitType => "role-package-wrong-unit-type", Error, Some("AUTH-00079"),
        when: "A package would come from an ER role, but the client's organisation form does not qualify. AUTH-00079 when the client then gives none of the system user's packages, AUTH-00080 when it gives some.",
        why: "Some role grants are limited by form: forretningsforer-eiendom only for ESEK and BRL, the other forretningsfører packages only for NUF. Through the portal or API Altinn just does not offer the package (AM.VLD-00026 only when Access Management is called directly).",
        fix: "Move the client to a system user without that package; an assignable package the client may delegate directly instead.",
        when_nb: "En tilgangspakke skulle komme fra en ER-rolle, men klientens organisasjonsform gir ikke rett til den. AUTH-00079 når klienten da ikke gir noen av systembrukerens tilgangspakker, AUTH-00080 når den gir noen.",
        why_nb: "Noen rolletildelinger er begrenset av organisasjonsform: forretningsforer-eiendom bare for ESEK og BRL, de andre forretningsfører-pakkene bare for NUF. Gjennom portalen eller API-et tilbyr Altinn rett og slett ikke tilgangspakken (AM.VLD-00026 bare når tilgangsstyring kalles direkte).",
        fix_nb: "Flytt klienten til en systembruker uten den tilgangspakken; en tilgangspakke som kan tildeles, kan klienten i stedet delegere direkte.";
    DuplicateExternalRef => "duplicate-external-ref", Error, Some("AUTH-00004"),
        when: "Two system users share an external ref after trimming (Altinn trims it; an empty ref means the organisation number).",
        why: "(system, organisation, external ref) is unique in Altinn; the second request is refused, and the end-user system could not tell the tokens apart.",
        fix: "Give each system user its own readable external ref.",
        when_nb: "To systembrukere har samme eksterne referanse etter at mellomrom i endene er fjernet (Altinn gjør det; en tom referanse betyr organisasjonsnummeret).",
        why_nb: "(system, virksomhet, ekstern referanse) er unik i Altinn; den andre forespørselen avvises, og sluttbrukersystemet kunne ikke skille tokenene fra hverandre.",
        fix_nb: "Gi hver systembruker sin egen lesbare eksterne referanse.";
    ExternalRefTooLong => "external-ref-too-long", Error, None,
        when: "An external ref is longer than 255 characters.",
        why: "Altinn keeps at most 255 characters of an external ref and refuses a longer one.",
        fix: "Shorten it to a readable name such as `accounting`.",
        when_nb: "En ekstern referanse er lengre enn 255 tegn.",
        why_nb: "Altinn tar vare på høyst 255 tegn av en ekstern referanse og avviser en lengre.",
        fix_nb: "Gjør den kortere, til et lesbart navn som `regnskap`.";
    RiskyExternalRef => "risky-external-ref", Warning, None,
        when: "An external ref differs from another only in case, or carries a character that breaks a URL path or a token request (`/ ? # %`, spaces).",
        why: "Altinn compares refs case-sensitively, so refs that differ only in case are two system users that people (and some stores) mix up; the end-user system puts the ref in URLs and token requests, where those characters must be escaped and often are not.",
        fix: "Use refs of lowercase letters, digits, `-` and `_` that differ in more than case.",
        when_nb: "En ekstern referanse skiller seg fra en annen bare i store og små bokstaver, eller har et tegn som ødelegger en URL-sti eller en token-forespørsel (`/ ? # %`, mellomrom).",
        why_nb: "Altinn skiller mellom store og små bokstaver, så referanser som bare skiller seg der, er to systembrukere som folk (og noen lagre) blander; sluttbrukersystemet setter referansen i URL-er og token-forespørsler, der slike tegn må kodes og ofte ikke blir det.",
        fix_nb: "Bruk referanser av små bokstaver, sifre, `-` og `_` som skiller seg i mer enn store og små bokstaver.";
    VisibleSystemWithClientOnlyPackage => "visible-system-with-client-only-package", Error, Some("AUTH.VLD-00018"),
        when: "A visible system register entry has a package that is not assignable.",
        why: "The system register refuses `isVisible: true` together with client-only packages.",
        fix: "Set `visible: false` on the system, or remove the client-only packages.",
        when_nb: "En synlig oppføring i systemregisteret har en tilgangspakke som ikke kan tildeles.",
        why_nb: "Systemregisteret avviser `isVisible: true` sammen med tilgangspakker som bare gjelder klientforhold.",
        fix_nb: "Sett `visible: false` på systemet, eller fjern tilgangspakkene som bare gjelder klientforhold.";
    InvalidSystemId => "invalid-system-id", Error, Some("AUTH.VLD-00001"),
        when: "The system id does not start with the vendor's orgnr and `_` (AUTH.VLD-00001), or has a space (AUTH.VLD-00013).",
        why: "The system register requires ids of the form `<vendor orgnr>_<name>`.",
        fix: "Rename the system id, e.g. `991825827_smartcloud`.",
        when_nb: "System-id-en begynner ikke med leverandørens organisasjonsnummer og `_` (AUTH.VLD-00001), eller har mellomrom (AUTH.VLD-00013).",
        why_nb: "Systemregisteret krever id-er på formen `<leverandørens organisasjonsnummer>_<navn>`.",
        fix_nb: "Gi system-id-en nytt navn, f.eks. `991825827_smartcloud`.";
    LocallyInstalledNeedsOwnVendor => "locally-installed-needs-own-vendor", Error, None,
        when: "A locally installed or self-developed system is registered by someone other than the organisation.",
        why: "Scenario E: the organisation registers as its own vendor and uses its own Maskinporten client; the vendor's key must never be shared.",
        fix: "Register the system with the organisation's own orgnr as vendor, and create its own Maskinporten client.",
        when_nb: "Et lokalt installert eller egenutviklet system er registrert av noen andre enn virksomheten selv.",
        why_nb: "Scenario E: virksomheten registrerer seg som sin egen leverandør og bruker sin egen Maskinporten-klient; leverandørens nøkkel skal aldri deles.",
        fix_nb: "Registrer systemet med virksomhetens eget organisasjonsnummer som leverandør, og opprett en egen Maskinporten-klient.";
    OwnNeedsUncovered => "own-needs-uncovered", Error, None,
        when: "A package the organisation needs for itself is on no standard system user (nor on a client system user with `include_self`).",
        why: "A client system user does not act for the organisation itself; its own reporting would be refused.",
        fix: "Add the package to the standard system user (scenario A/H).",
        when_nb: "En tilgangspakke virksomheten trenger for seg selv, står ikke på noen standard systembruker (og heller ikke på en klientsystembruker med `include_self`).",
        why_nb: "En klientsystembruker handler ikke for virksomheten selv; egen rapportering ville blitt avvist.",
        fix_nb: "Legg tilgangspakken til den standard systembrukeren (scenario A/H).";
    DuplicateClient => "duplicate-client", Error, None,
        when: "The same organisation number is listed twice under `clients:`.",
        why: "A client is one party; two entries with different facts make the plan ambiguous.",
        fix: "Merge the two entries into one.",
        when_nb: "Det samme organisasjonsnummeret står to ganger under `clients:`.",
        why_nb: "En klient er én part; to oppføringer med ulike opplysninger gjør planen tvetydig.",
        fix_nb: "Slå de to oppføringene sammen til én.";
    OrganisationAsClient => "organisation-as-client", Error, Some("AUTH-00079"),
        when: "The organisation itself is listed as a client.",
        why: "An organisation is not its own client; Altinn will not find it among the clients.",
        fix: "Serve it with a standard system user, or `include_self` on a client system user.",
        when_nb: "Virksomheten selv står oppført som klient.",
        why_nb: "En virksomhet er ikke sin egen klient; Altinn finner den ikke blant klientene.",
        fix_nb: "Betjen virksomheten med en standard systembruker, eller med `include_self` på en klientsystembruker.";
    ClientUncovered => "client-uncovered", Warning, None,
        when: "A client with a relationship is on no system user, though some valid system user could serve it.",
        why: "The end-user system cannot report for it.",
        fix: "Add it to the system user that matches its relationship type (`sysuser advise` shows which).",
        when_nb: "En klient med et klientforhold står ikke på noen systembruker, selv om en gyldig systembruker kunne betjent den.",
        why_nb: "Sluttbrukersystemet kan ikke rapportere for den.",
        fix_nb: "Legg klienten til systembrukeren som passer klientforholdet (`sysuser advise` viser hvilken).";
    ClientUnservable => "client-unservable", Info, None,
        when: "A client with a relationship is on no system user, and no system user could serve it (the same clients `sysuser advise` lists as unserved).",
        why: "No layout can serve it: what it gives is missing from the system register entry, cannot go on a client system user, or cannot exist (a client-only package said to be delegated).",
        fix: "Fix the cause the message names (the vendor registers the package, the client registers the ER role), or leave it out.",
        when_nb: "En klient med et klientforhold står ikke på noen systembruker, og ingen systembruker kunne betjent den (de samme klientene `sysuser advise` viser som ikke betjent).",
        why_nb: "Ikke noe oppsett kan betjene den: det den gir, mangler i oppføringen i systemregisteret, kan ikke legges på en klientsystembruker, eller kan ikke finnes (en tilgangspakke som bare gjelder klientforhold, oppgitt som delegert).",
        fix_nb: "Rett årsaken meldingen nevner (leverandøren registrerer tilgangspakken, klienten registrerer ER-rollen), eller utelat klienten.";
    OperationalUnitAsClient => "operational-unit-as-client", Warning, None,
        when: "An operational unit (underenhet) is added as a client.",
        why: "Operational units inherit from their main unit; adding them is unnecessary and hides the real relationship.",
        fix: "Remove it and add its main unit as the client.",
        when_nb: "En underenhet er lagt til som klient.",
        why_nb: "Underenheter arver fra hovedenheten; å legge dem til er unødvendig og skjuler det egentlige klientforholdet.",
        fix_nb: "Fjern den og legg til hovedenheten som klient.";
    SystemUserPerClient => "system-user-per-client", Warning, None,
        when: "Several client system users differ only in their one client.",
        why: "The guidance: never one system user per client; link the clients to one system user instead.",
        fix: "Merge them into one system user and link all the clients to it.",
        when_nb: "Flere klientsystembrukere skiller seg bare i den ene klienten de har.",
        why_nb: "Veiledningen: aldri én systembruker per klient; knytt heller klientene til én systembruker.",
        fix_nb: "Slå dem sammen til én systembruker og knytt alle klientene til den.";
    SamePackagesTwice => "same-packages-twice", Warning, None,
        when: "Two system users of the same type have the same packages and no team reason.",
        why: "The guidance: never separate system users for services that share the same package and relationship type.",
        fix: "Merge them, or give each its own team if access must be split (scenario D).",
        when_nb: "To systembrukere av samme type har de samme tilgangspakkene uten at team er grunnen.",
        why_nb: "Veiledningen: aldri egne systembrukere for tjenester som deler samme tilgangspakke og type klientforhold.",
        fix_nb: "Slå dem sammen, eller gi hver sitt eget team hvis tilgangen må deles opp (scenario D).";
    MixedLegalBasis => "mixed-legal-basis", Warning, None,
        when: "One client system user mixes packages from different ER roles.",
        why: "Each ER relationship is a separate legal basis; the guidance keeps them on separate system users for a clear audit trail (scenario C).",
        fix: "Split it into one system user per relationship type.",
        when_nb: "Én klientsystembruker blander tilgangspakker fra ulike ER-roller.",
        why_nb: "Hvert ER-basert klientforhold er et eget rettslig grunnlag; veiledningen holder dem på egne systembrukere for et tydelig revisjonsspor (scenario C).",
        fix_nb: "Del den opp i én systembruker per type klientforhold.";
    AmbiguousRoute => "ambiguous-route", Warning, None,
        when: "A (client, package) pair is served by more than one system user.",
        why: "The end-user system picks a token by external ref; with two candidates the choice is unclear.",
        fix: "Keep each client and package on one system user.",
        when_nb: "Et par av klient og tilgangspakke betjenes av mer enn én systembruker.",
        why_nb: "Sluttbrukersystemet velger token etter ekstern referanse; med to kandidater er valget uklart.",
        fix_nb: "Hold hver klient og tilgangspakke på én systembruker.";
    TeamUnknownSystemUser => "team-unknown-system-user", Warning, None,
        when: "With teams defined: a system user names a team that does not exist, or a team may use no system user.",
        why: "The link between teams and system users is how the end-user system restricts access (scenario D).",
        fix: "Fix the team's name on the system user, or link the team to the system users it works with.",
        when_nb: "Når planen har team: en systembruker nevner et team som ikke finnes, eller et team kan ikke bruke noen systembruker.",
        why_nb: "Koblingen mellom team og systembrukere er måten sluttbrukersystemet begrenser tilgangen på (scenario D).",
        fix_nb: "Rett teamnavnet på systembrukeren, eller knytt teamet til systembrukerne det arbeider med.";
    SystemUserWithoutTeam => "system-user-without-team", Warning, None,
        when: "With teams defined: a system user no team may use.",
        why: "Either nobody can use it, or everybody can; neither is access control.",
        fix: "Name the teams that may use it under its `teams:`.",
        when_nb: "Når planen har team: ingen team kan bruke en systembruker.",
        why_nb: "Enten kan ingen bruke den, eller så kan alle; ingen av delene er tilgangsstyring.",
        fix_nb: "Før opp teamene som kan bruke den, under `teams:`.";
    TeamOutsideRelationship => "team-outside-relationship", Warning, None,
        when: "With teams defined: a team may use a client system user whose relationship type (legal basis) it does not handle.",
        why: "The access-control minimum: the end-user system must authorise per client and function, so the property-management team must not be able to use the audit system user.",
        fix: "Remove the team from the system user's `teams`, or add the relationship type to the team's `handles` if it really works on that basis.",
        when_nb: "Når planen har team: et team kan bruke en klientsystembruker med en type klientforhold (rettslig grunnlag) teamet ikke håndterer.",
        why_nb: "Minimumskravet til tilgangsstyring: sluttbrukersystemet må autorisere per klient og funksjon, så teamet for eiendomsforvaltning skal ikke kunne bruke systembrukeren for revisjon.",
        fix_nb: "Fjern teamet fra systembrukerens `teams`, eller legg typen klientforhold til teamets `handles` hvis teamet virkelig arbeider på det grunnlaget.";
    SelfOnClientUnavailable => "self-on-client-unavailable", Warning, None,
        when: "A client system user has `include_self`, but `options.self_on_client_system_user` is not set.",
        why: "Adding the own organisation to a client system user is newer than the guidance; plan it only where it is available to you.",
        fix: "Set `options.self_on_client_system_user: true` if Altinn offers it to you, or use a standard system user.",
        when_nb: "En klientsystembruker har `include_self`, men `options.self_on_client_system_user` er ikke satt.",
        why_nb: "Å legge virksomheten selv til en klientsystembruker er nyere enn veiledningen; planlegg det bare der det er tilgjengelig for dere.",
        fix_nb: "Sett `options.self_on_client_system_user: true` hvis Altinn tilbyr det, eller bruk en standard systembruker.";
    PackageImmutable => "package-immutable", Info, None,
        when: "Always, for a client system user.",
        why: "Altinn refuses changes to a client system user's packages; a new combination means a new system user and moving clients.",
        fix: "Choose packages you will keep; see `sysuser compare` for scenario F's options.",
        when_nb: "Alltid, for en klientsystembruker.",
        why_nb: "Altinn avviser endringer i tilgangspakkene til en klientsystembruker; en ny kombinasjon betyr en ny systembruker og at klienter må flyttes.",
        fix_nb: "Velg tilgangspakker dere vil beholde; se `sysuser compare` for alternativene i scenario F.";
    NoLayout => "no-layout", Info, None,
        when: "The plan has no system users yet (a situation file).",
        why: "Only the situation can be checked; coverage rules need a layout.",
        fix: "Run `sysuser advise FILE` to get the recommended layout.",
        when_nb: "Planen har ingen systembrukere ennå (en situasjonsfil).",
        why_nb: "Bare situasjonen kan kontrolleres; reglene for dekning trenger et oppsett.",
        fix_nb: "Kjør `sysuser advise FIL` for å få det anbefalte oppsettet.";
}

impl Rule {
    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub fn severity(self) -> Severity {
        self.info().severity
    }

    pub fn altinn_code(self) -> Option<&'static str> {
        self.info().altinn_code
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }

    /// How to fix it, in the language: the table's `fix`, or its bokmål wording.
    pub fn fix_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.info().fix,
            Lang::Nb => self.info().fix_nb,
        }
    }

    /// When it fires, in the language: the table's `when`, or its bokmål wording.
    pub fn when_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.info().when,
            Lang::Nb => self.info().when_nb,
        }
    }

    /// Why it matters, in the language: the table's `why`, or its bokmål wording.
    pub fn why_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.info().why,
            Lang::Nb => self.info().why_nb,
        }
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// One thing `check` found, about one subject: its facts, worded only when
/// shown ([`Finding::message`], [`Finding::hint`], [`Report::worded`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub altinn_code: Option<&'static str>,
    pub system_user: Option<String>,
    pub client: Option<String>,
    pub package: Option<String>,
    pub team: Option<String>,
    /// What was found, with the facts it names.
    pub said: Msg,
    /// How to fix it, if the rule knows.
    pub fix: Option<Msg>,
    /// Where the finding's subject is written in the plan; set by the front
    /// end that read the file (the engine sees only the model).
    pub location: Option<crate::plan::Position>,
}

impl Finding {
    /// A finding with the rule's severity and code; subjects are added with
    /// the builders. Text (`&str`, `String`) is shown as it is in every language.
    pub fn new(rule: Rule, message: impl Into<Msg>) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            altinn_code: rule.altinn_code(),
            system_user: None,
            client: None,
            package: None,
            team: None,
            said: message.into(),
            fix: None,
            location: None,
        }
    }

    pub fn system_user(mut self, name: impl Into<String>) -> Self {
        self.system_user = Some(name.into());
        self
    }

    pub fn client(mut self, orgnr: impl Into<String>) -> Self {
        self.client = Some(orgnr.into());
        self
    }

    pub fn package(mut self, code: impl Into<String>) -> Self {
        self.package = Some(code.into());
        self
    }

    pub fn team(mut self, name: impl Into<String>) -> Self {
        self.team = Some(name.into());
        self
    }

    /// The code Altinn answers with in this case, where the rule's depends on it.
    pub fn code(mut self, code: &'static str) -> Self {
        self.altinn_code = Some(code);
        self
    }

    /// Adds the hint: a [`Msg`], or text shown as it is.
    pub fn with_hint(mut self, hint: impl Into<Msg>) -> Self {
        self.fix = Some(hint.into());
        self
    }

    /// Adds the rule table's fix as the hint.
    pub fn with_fix(self) -> Self {
        let rule = self.rule;
        self.with_hint(Msg::Fix(rule))
    }

    /// The message, worded for the reader (a [`Lang`] is the command line's wording).
    pub fn message(&self, to: impl Into<Wording>) -> String {
        self.said.text(to)
    }

    /// The hint as a sentence, worded for the reader.
    pub fn hint(&self, to: impl Into<Wording>) -> Option<String> {
        self.fix.as_ref().map(|h| h.hint_text(to))
    }
}

impl From<&str> for Msg {
    fn from(text: &str) -> Msg {
        Msg::Said(text.into())
    }
}

impl From<String> for Msg {
    fn from(text: String) -> Msg {
        Msg::Said(text.into())
    }
}

/// A finding worded for output: the JSON `check --format json` prints, with
/// the same fields in the same order as ever.
#[derive(Debug, Serialize)]
pub struct WordedFinding<'a> {
    pub rule: Rule,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub altinn_code: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system_user: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<&'a str>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<&'a crate::plan::Position>,
}

impl Finding {
    /// This finding worded for the reader.
    pub fn worded(&self, to: impl Into<Wording>) -> WordedFinding<'_> {
        let to = to.into();
        WordedFinding {
            rule: self.rule,
            severity: self.severity,
            altinn_code: self.altinn_code,
            system_user: self.system_user.as_deref(),
            client: self.client.as_deref(),
            package: self.package.as_deref(),
            team: self.team.as_deref(),
            message: self.message(to),
            hint: self.hint(to),
            location: self.location.as_ref(),
        }
    }
}

/// A report worded for output (`check --format json`).
#[derive(Debug, Serialize)]
pub struct WordedReport<'a> {
    pub findings: Vec<WordedFinding<'a>>,
    pub summary: Summary,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    /// Each non-zero count worded with its severity ("1 error", "2 advarsler"),
    /// so a front end can colour them; empty when nothing was found.
    pub fn parts(&self, lang: Lang) -> Vec<(Severity, String)> {
        let plural = |sev: Severity| match (lang, sev) {
            (Lang::En, Severity::Error) => "errors",
            (Lang::En, Severity::Warning) => "warnings",
            (Lang::En, Severity::Info) => "infos",
            (Lang::Nb, Severity::Warning) => "advarsler",
            (Lang::Nb, sev) => sev.word(lang),
        };
        [
            (self.errors, Severity::Error),
            (self.warnings, Severity::Warning),
            (self.infos, Severity::Info),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, sev)| {
            let word = if n == 1 { sev.word(lang) } else { plural(sev) };
            (sev, format!("{n} {word}"))
        })
        .collect()
    }

    /// The line `check` ends with ("1 error, 2 warnings"; "no problems found").
    pub fn line(&self, lang: Lang) -> String {
        let parts = self.parts(lang);
        if parts.is_empty() {
            return match lang {
                Lang::En => "no problems found",
                Lang::Nb => "ingen problemer funnet",
            }
            .into();
        }
        parts
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Everything `check` found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

impl Report {
    pub fn new(findings: Vec<Finding>) -> Report {
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        let summary = Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        };
        Report { findings, summary }
    }

    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    pub fn of(&self, rule: Rule) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.rule == rule)
    }

    /// Renames system users in every finding (its subject and the names its
    /// message gives): `from[i]` becomes `to[i]`. A front end that rewords
    /// a recommended layout in another language keeps the findings about it.
    pub fn rename_system_users(&mut self, from: &[String], to: &[&str]) {
        let map: std::collections::HashMap<&str, &str> = from
            .iter()
            .map(String::as_str)
            .zip(to.iter().copied())
            .filter(|(a, b)| a != b)
            .collect();
        if map.is_empty() {
            return;
        }
        for f in &mut self.findings {
            if let Some(new) = f.system_user.as_deref().and_then(|n| map.get(n)) {
                f.system_user = Some((*new).to_string());
            }
            let mut rename = |name: &mut texts::Text| {
                if let Some(new) = map.get(&**name) {
                    *name = (*new).into();
                }
            };
            f.said.system_user_names(&mut rename);
            if let Some(fix) = &mut f.fix {
                fix.system_user_names(&mut rename);
            }
        }
    }

    /// Every finding worded for the reader, with the summary.
    pub fn worded(&self, to: impl Into<Wording>) -> WordedReport<'_> {
        let to = to.into();
        WordedReport {
            findings: self.findings.iter().map(|f| f.worded(to)).collect(),
            summary: self.summary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for r in Rule::ALL {
            assert!(seen.insert(r.id()), "duplicate id {}", r.id());
            assert!(r.id().chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            assert_eq!(Rule::from_id(r.id()), Some(*r));
        }
    }

    #[test]
    fn spec_table_codes() {
        assert_eq!(Rule::ClientMissingPackage.altinn_code(), Some("AUTH-00080"));
        assert_eq!(Rule::NotAClient.altinn_code(), Some("AUTH-00079"));
        assert_eq!(Rule::DelegatedClientOnlyPackage.severity(), Severity::Error);
        assert_eq!(Rule::PackageImmutable.severity(), Severity::Info);
        assert_eq!(Rule::AmbiguousRoute.severity(), Severity::Warning);
    }
}
