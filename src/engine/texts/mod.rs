//! Every text a finding carries, in English and Norwegian bokmål, in one place.
//!
//! The rules decide what to report and build a [`Msg`] with the facts; [`Msg::text`]
//! words it in the chosen language. Each language is one function ([`en`], [`nb`]),
//! and both must word every message, so adding a message fails to build until
//! both languages have it. The rule table's fixes (used as hints) are in
//! [`crate::rules`].

use crate::lang::Lang;

mod en;
mod nb;
use en::en;
use nb::nb;

/// `"Accounting"`: system users are named in quotes.
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{name}\"")
}

/// `"A", "B" and "C"` (`"A", "B" og "C"`).
pub(crate) fn quoted_list<'s>(names: impl IntoIterator<Item = &'s str>, lang: Lang) -> String {
    let names: Vec<String> = names.into_iter().map(quoted).collect();
    join_and(&names, lang)
}

/// `a, b and c` (`a, b og c`).
pub(crate) fn join_and<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    let and = match lang {
        Lang::En => "and",
        Lang::Nb => "og",
    };
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", init.join(", "), last.as_ref())
        }
    }
}

/// At most eight codes, then how many more: a managing director's role gives
/// over a hundred packages, and a message names what matters.
pub(super) fn some(codes: &[&str], lang: Lang) -> String {
    const SHOWN: usize = 8;
    if codes.len() <= SHOWN {
        return codes.join(", ");
    }
    let more = codes.len() - SHOWN;
    match lang {
        Lang::En => format!("{} and {more} more", codes[..SHOWN].join(", ")),
        Lang::Nb => format!("{} og {more} til", codes[..SHOWN].join(", ")),
    }
}

/// Characters as people read them: `/`, `?`, a space (et mellomrom).
pub(super) fn char_names(chars: &[char], lang: Lang) -> String {
    let names: Vec<String> = chars
        .iter()
        .map(|c| match (c, lang) {
            (' ', Lang::En) => "a space".to_string(),
            (' ', Lang::Nb) => "et mellomrom".to_string(),
            (c, Lang::En) if c.is_whitespace() => "whitespace".to_string(),
            (c, Lang::Nb) if c.is_whitespace() => "blanktegn".to_string(),
            (c, _) => format!("`{c}`"),
        })
        .collect();
    join_and(&names, lang)
}

/// `` `a`, `b` `` : package codes in backticks, comma-separated.
pub(super) fn ticked(codes: &[&str]) -> String {
    codes
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `a, b or c` (`a, b eller c`).
fn join_or<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    let or = match lang {
        Lang::En => "or",
        Lang::Nb => "eller",
    };
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{}, {or} {}", init.join(", "), last.as_ref())
        }
    }
}

/// ER roles by catalog id as people know them: "Regnskapsfører (REGN)".
pub(crate) fn role_names(roles: &[&str], lang: Lang) -> String {
    let names: Vec<String> = roles.iter().map(|r| role_name(r, lang)).collect();
    join_or(&names, lang)
}

/// Legal bases as people read them: "accountant (REGN) and delegated in Altinn".
pub(super) fn basis_names(bases: &[Option<&str>], lang: Lang) -> String {
    let names: Vec<String> = bases
        .iter()
        .map(|b| match (b, lang) {
            (Some(r), _) => role_name(r, lang),
            (None, Lang::En) => "packages delegated in Altinn".to_string(),
            (None, Lang::Nb) => "tilgangspakker delegert i Altinn".to_string(),
        })
        .collect();
    join_and(&names, lang)
}

/// One ER role by catalog id: its name in the language and its ER code.
pub(crate) fn role_name(role: &str, lang: Lang) -> String {
    match crate::catalog::catalog().role(role) {
        Some(r) => {
            let name = match lang {
                Lang::En => &r.name_en,
                Lang::Nb => &r.name_nb,
            };
            match &r.er_code {
                Some(code) => format!("{} ({code})", name.to_lowercase()),
                None => name.to_lowercase(),
            }
        }
        None => role.to_string(),
    }
}

/// Why no client system user could serve a client.
#[derive(Debug)]
pub(crate) enum Unservable<'a> {
    /// Only client-only packages it is said to have delegated directly.
    ClientOnlyDelegated(Vec<&'a str>),
    /// Its ER role (catalog id) gives nothing for its organisation form.
    RoleWrongForm(&'a str),
    /// The packages it gives that the system register entry lacks.
    SystemLacks(Vec<&'a str>),
    /// Nothing it gives can go on a client system user.
    NothingUsable,
}

/// What an invalid organisation number belongs to (labels as "Name (orgnr)").
pub(crate) enum OrgnrOwner {
    /// The organisation, by its label.
    Organisation(String),
    /// One of the organisation's operational units, by its label.
    OrganisationUnit(String),
    Vendor,
    /// A client, by its label.
    Client(String),
    /// An operational unit (label) of a client (label).
    ClientUnit(String, String),
    /// A client of the system user with this name that is not under `clients:`.
    SystemUserClient(String),
}

/// Where a package reference is written.
pub(crate) enum Where<'a> {
    System,
    Own,
    /// Delegated by the client with this label.
    Delegated(&'a str),
    /// Handled by the team with this name.
    Team(&'a str),
    /// On the system user with this name.
    SystemUser(&'a str),
}

/// What is wrong with a system id.
pub(crate) enum IdProblem<'a> {
    /// A space character: Altinn refuses only that (AUTH.VLD-00013), not tabs.
    Space,
    /// It does not start with this prefix (`<vendor>_`).
    Prefix(&'a str),
    NoName,
}

/// One message or hint of a finding, with the facts it names. Names of system
/// users and teams are given bare; the texts quote them.
pub(crate) enum Msg<'a> {
    // refs
    InvalidOrgnr {
        owner: OrgnrOwner,
        orgnr: &'a str,
    },
    UnknownPackage {
        code: &'a str,
        place: Where<'a>,
    },
    DidYouMeanPackage {
        near: &'a [&'a str],
    },
    PersonPackage {
        code: &'a str,
        place: Where<'a>,
    },
    PackageNotForSystemUsers {
        code: &'a str,
        place: Where<'a>,
    },
    DuplicatePackage {
        code: &'a str,
    },
    InvalidSystemId {
        id: &'a str,
        problem: IdProblem<'a>,
    },
    RenameSystemId {
        suggestion: &'a str,
    },
    VisibleSystemWithClientOnlyPackage {
        code: &'a str,
    },
    LocallyInstalledNeedsOwnVendor {
        vendor: &'a str,
        organisation: &'a str,
    },
    SetOwnVendor {
        orgnr: &'a str,
    },
    // layout
    DuplicateExternalRef {
        su: &'a str,
        /// The effective ref; `empty`: the plan left it empty (so it is the orgnr).
        external_ref: &'a str,
        empty: bool,
        first: &'a str,
    },
    ExternalRefTooLong {
        su: &'a str,
        chars: usize,
    },
    RefBreaksUrl {
        su: &'a str,
        external_ref: &'a str,
        chars: &'a [char],
    },
    RefDiffersInCase {
        su: &'a str,
        external_ref: &'a str,
        first: &'a str,
    },
    StandardWithoutPackages {
        su: &'a str,
    },
    ClientsOnStandard {
        su: &'a str,
        clients: usize,
    },
    MakeItClientType,
    StandardNotAssignable {
        su: &'a str,
        code: &'a str,
    },
    MoveToClientSystemUser,
    ClientWithoutPackages {
        su: &'a str,
    },
    NotDelegable {
        su: &'a str,
        code: &'a str,
    },
    PutOnStandard,
    IncludeSelfNotAssignable {
        su: &'a str,
        code: &'a str,
    },
    DropIncludeSelf,
    SelfOnClientUnavailable {
        su: &'a str,
    },
    PackageImmutable {
        su: &'a str,
    },
    PackageNotInSystem {
        su: &'a str,
        code: &'a str,
    },
    AskVendorToAdd {
        code: &'a str,
    },
    // clients
    OrganisationListedAsClient {
        organisation: &'a str,
    },
    DuplicateClient {
        client: &'a str,
    },
    RemoveOwnUnit,
    AddMainUnitInstead {
        main: &'a str,
    },
    OperationalUnitAsClient {
        client: &'a str,
        main: &'a str,
    },
    OrganisationOnSystemUser {
        su: &'a str,
        organisation: &'a str,
    },
    RemoveOrganisationFromClientSu,
    RemoveOrganisationFromStandardSu,
    /// The client system user carries packages the organisation cannot hold.
    RemoveOrganisationSelfImpossible,
    NoRelationship {
        who: &'a str,
        su: &'a str,
    },
    NotUnderClients {
        who: &'a str,
        su: &'a str,
    },
    OwnUnitOnClientSu {
        unit: &'a str,
        main: &'a str,
    },
    ClientUnitOnClientSu {
        main: &'a str,
    },
    RolePackageWrongUnitType {
        su: &'a str,
        code: &'a str,
        client: &'a str,
        role: &'a str,
        forms: &'a [&'a str],
        /// The client's form; `None`: the plan gives none.
        form: Option<&'a str>,
    },
    ClientMissingPackage {
        su: &'a str,
        code: &'a str,
        client: &'a str,
        gives: &'a [&'a str],
        sub_entity: bool,
    },
    /// How a client can give packages it lacks: delegate the assignable
    /// ones, register an ER role (catalog ids) for client-only ones; the
    /// `impossible` ones it cannot give at all.
    HowToGive {
        client: &'a str,
        delegate: &'a [&'a str],
        roles: &'a [&'a str],
        impossible: &'a [&'a str],
    },
    /// A client with relationships that give none of the system user's packages.
    NoneInCommon {
        su: &'a str,
        client: &'a str,
        gives: &'a [&'a str],
    },
    DelegatedClientOnlyPackage {
        client: &'a str,
        code: &'a str,
        /// The system user relying on it, if any.
        su: Option<&'a str>,
    },
    /// The ER roles (catalog ids) that would give the package; empty: none for this client.
    RegisterRoleInstead {
        client: &'a str,
        code: &'a str,
        roles: &'a [&'a str],
    },
    OwnNeedsUncovered {
        code: &'a str,
    },
    AddToStandard {
        code: &'a str,
    },
    /// An own package that is not assignable: the organisation cannot hold it.
    OwnCannotHold {
        code: &'a str,
    },
    ClientUncovered {
        client: &'a str,
    },
    ClientUnservable {
        client: &'a str,
        why: Unservable<'a>,
    },
    // guidance
    NoLayout,
    SystemUserPerClient {
        names: &'a [&'a str],
    },
    KeepOneAndLink {
        su: &'a str,
        clients: usize,
    },
    SamePackagesTwice {
        standard: bool,
        names: &'a [&'a str],
        packages: &'a [&'a str],
    },
    MixedLegalBasis {
        su: &'a str,
        roles: &'a [&'a str],
        examples: &'a [&'a str],
    },
    SystemUserWithoutTeam {
        su: &'a str,
    },
    TeamOutsideRelationship {
        team: &'a str,
        su: &'a str,
        /// The bases of the system user the team does not handle.
        bases: &'a [Option<&'static str>],
        /// What the team handles, as written in the plan.
        handles: &'a [String],
    },
    TeamOutsideRelationshipFix {
        team: &'a str,
        su: &'a str,
    },
    DidYouMeanTeam {
        team: &'a str,
    },
    DefineTeam {
        teams: &'a [&'a str],
    },
    TeamNotDefined {
        su: &'a str,
        team: &'a str,
    },
    TeamUsesNothing {
        team: &'a str,
    },
    NameTeamOnSystemUsers,
    AmbiguousRoute {
        /// The first party's label.
        first: &'a str,
        /// How many parties share the problem.
        parties: usize,
        code: &'a str,
        names: &'a [&'a str],
    },
}

impl Msg<'_> {
    pub(crate) fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => en(self),
            Lang::Nb => nb(self),
        }
    }
}
