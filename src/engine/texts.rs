//! Every text a finding carries, in English and Norwegian bokmål, in one place.
//!
//! The rules decide what to report and build a [`Msg`] with the facts; [`Msg::text`]
//! words it in the chosen language. Each language is one function ([`en`], [`nb`]),
//! and both must word every message, so adding a message fails to build until
//! both languages have it. The rule table's fixes (used as hints) are in
//! [`crate::rules`].

use crate::lang::Lang;

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
fn some(codes: &[&str], lang: Lang) -> String {
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
fn char_names(chars: &[char], lang: Lang) -> String {
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
fn ticked(codes: &[&str]) -> String {
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
fn basis_names(bases: &[Option<&str>], lang: Lang) -> String {
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

fn plural_en(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("a {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The English texts.
fn en(m: &Msg) -> String {
    let l = Lang::En;
    let q = quoted;
    match *m {
        Msg::InvalidOrgnr { ref owner, orgnr } => {
            let what = match *owner {
                OrgnrOwner::Organisation(ref o) => format!("The organisation number of {o}"),
                OrgnrOwner::OrganisationUnit(ref u) => {
                    format!("The organisation's operational unit {u}")
                }
                OrgnrOwner::Vendor => "The system vendor's organisation number".into(),
                OrgnrOwner::Client(ref c) => format!("Client {c}"),
                OrgnrOwner::ClientUnit(ref u, ref c) => format!("Operational unit {u} of {c}"),
                OrgnrOwner::SystemUserClient(ref s) => format!("A client of system user {}", q(s)),
            };
            format!("{what}: {orgnr} fails the mod-11 check digit, so no such organisation exists.")
        }
        Msg::UnknownPackage { code, ref place } => format!(
            "`{code}` {} is not an access package in Altinn's catalog.",
            where_en(place)
        ),
        Msg::DidYouMeanPackage { near } => format!(
            "did you mean {}? (`sysuser packages --search` lists them all)",
            near.join(", ")
        ),
        Msg::PersonPackage { code, ref place } => format!(
            "`{code}` {} is a package for persons; system users act for organisations.",
            where_en(place)
        ),
        Msg::PackageNotForSystemUsers { code, ref place } => format!(
            "`{code}` {} can go on no system user: it is neither assignable nor delegable.",
            where_en(place)
        ),
        Msg::DuplicatePackage { code } => {
            format!("`{code}` is listed more than once in the system register entry.")
        }
        Msg::InvalidSystemId { id, ref problem } => {
            let problem = match *problem {
                IdProblem::Space => "has a space".to_string(),
                IdProblem::Prefix(prefix) => {
                    format!("does not start with the vendor's orgnr and `_` (`{prefix}`)")
                }
                IdProblem::NoName => "has no name after the vendor's orgnr".to_string(),
            };
            format!(
                "The system id `{id}` {problem}; the system register requires `<vendor orgnr>_<name>`."
            )
        }
        Msg::RenameSystemId { suggestion } => format!("rename it, e.g. `{suggestion}`"),
        Msg::VisibleSystemWithClientOnlyPackage { code } => format!(
            "The system is visible (`visible: true`) but has `{code}`, a client-only package; the system register refuses that combination."
        ),
        Msg::LocallyInstalledNeedsOwnVendor {
            vendor,
            organisation,
        } => format!(
            "The system is locally installed, but its vendor is {vendor}, not {organisation}; the organisation must register it as its own vendor."
        ),
        Msg::SetOwnVendor { orgnr } => format!(
            "set `system.vendor: \"{orgnr}\"`, register the system under that orgnr and create the organisation's own Maskinporten client; never use the vendor's key"
        ),
        Msg::DuplicateExternalRef {
            su,
            external_ref,
            empty,
            first,
        } => {
            let shown = if empty {
                format!("an empty external ref (which means the orgnr {external_ref})")
            } else {
                format!("the external ref `{external_ref}`")
            };
            format!(
                "System user {} has {shown}, like {}; Altinn refuses the second one.",
                q(su),
                q(first)
            )
        }
        Msg::ExternalRefTooLong { su, chars } => format!(
            "The external ref of system user {} is {chars} characters long; Altinn allows at most 255.",
            q(su)
        ),
        Msg::RefBreaksUrl {
            su,
            external_ref,
            chars,
        } => format!(
            "The external ref `{external_ref}` of system user {} has {}, which break a URL path or a token request unless escaped.",
            q(su),
            char_names(chars, l)
        ),
        Msg::RefDiffersInCase {
            su,
            external_ref,
            first,
        } => format!(
            "The external ref `{external_ref}` of system user {} differs from the one of {} only in case; Altinn keeps them apart, people will not.",
            q(su),
            q(first)
        ),
        Msg::StandardWithoutPackages { su } => {
            format!("Standard system user {} has no access packages.", q(su))
        }
        Msg::ClientsOnStandard { su, clients } => format!(
            "Standard system user {} has {}; only system users for client relationships can have clients.",
            q(su),
            plural_en(clients, "client", "clients")
        ),
        Msg::MakeItClientType => {
            "make it `type: client`, or move the clients to a client system user".into()
        }
        Msg::StandardNotAssignable { su, code } => format!(
            "Standard system user {} has `{code}`, which comes only from client relationships and cannot be given to the organisation itself.",
            q(su)
        ),
        Msg::MoveToClientSystemUser => "move it to a client system user".into(),
        Msg::ClientWithoutPackages { su } => format!(
            "Client system user {} has no access packages; Altinn requires at least one.",
            q(su)
        ),
        Msg::NotDelegable { su, code } => format!(
            "Client system user {} has `{code}`, which cannot be delegated to a system user for clients.",
            q(su)
        ),
        Msg::PutOnStandard => "put it on a standard system user instead".into(),
        Msg::IncludeSelfNotAssignable { su, code } => format!(
            "Client system user {} includes the organisation itself (`include_self`) but has `{code}`, which the organisation cannot hold for itself.",
            q(su)
        ),
        Msg::DropIncludeSelf => "drop `include_self` and serve the organisation with a standard system user, or move the package".into(),
        Msg::SelfOnClientUnavailable { su } => format!(
            "Client system user {} includes the organisation itself, but `options.self_on_client_system_user` is not set.",
            q(su)
        ),
        Msg::PackageImmutable { su } => format!(
            "The packages of client system user {} cannot be changed once it exists; another combination means a new system user.",
            q(su)
        ),
        Msg::PackageNotInSystem { su, code } => format!(
            "System user {} asks for `{code}`, which the system register entry does not have.",
            q(su)
        ),
        Msg::AskVendorToAdd { code } => format!(
            "ask the vendor to add `{code}` to the system's access_packages, or remove it from the system user"
        ),
        Msg::OrganisationListedAsClient { organisation } => {
            format!("The organisation itself, {organisation}, is listed under `clients:`.")
        }
        Msg::DuplicateClient { client } => {
            format!("{client} is listed more than once under `clients:`.")
        }
        Msg::RemoveOwnUnit => "remove it: the organisation's own operational units are served with the organisation".into(),
        Msg::AddMainUnitInstead { main } => {
            format!("remove it and add its main unit {main} as the client")
        }
        Msg::OperationalUnitAsClient { client, main } => format!(
            "{client} is an operational unit of {main}; it inherits from its main unit and need not be a client."
        ),
        Msg::OrganisationOnSystemUser { su, organisation } => format!(
            "System user {} lists the organisation itself, {organisation}, as a client.",
            q(su)
        ),
        Msg::RemoveOrganisationFromClientSu => "remove it; set `include_self: true` on this system user, or serve the organisation with a standard system user".into(),
        Msg::RemoveOrganisationFromStandardSu => {
            "remove it; a standard system user already acts for the organisation".into()
        }
        Msg::RemoveOrganisationSelfImpossible => "remove it and serve the organisation with a standard system user; this one cannot include the organisation, since it carries packages the organisation cannot hold for itself".into(),
        Msg::NoRelationship { who, su } => format!(
            "{who} is on system user {} but has no relationship with the organisation: no ER role and nothing delegated.",
            q(su)
        ),
        Msg::NotUnderClients { who, su } => format!(
            "{who} is on system user {} but is not among the organisation's clients (not under `clients:`).",
            q(su)
        ),
        Msg::OwnUnitOnClientSu { unit, main } => format!(
            "{unit} is the organisation's own operational unit: it inherits from {main}; remove it and serve the organisation with a standard system user"
        ),
        Msg::ClientUnitOnClientSu { main } => format!(
            "it is an operational unit of {main} and inherits from it; add {main} to the system user instead"
        ),
        Msg::RolePackageWrongUnitType {
            su,
            code,
            client,
            role,
            forms,
            form,
        } => {
            let form = form.map_or_else(
                || "has no organisation form in the plan".to_string(),
                |u| format!("is {u}"),
            );
            format!(
                "System user {} needs `{code}` from {client}, but the {role} role gives it only for clients of form {}, and the client {form}.",
                q(su),
                forms.join(" or "),
            )
        }
        Msg::ClientMissingPackage {
            su,
            code,
            client,
            gives,
            sub_entity,
        } => {
            let has = if gives.is_empty() {
                String::new()
            } else {
                format!(" (it gives: {})", some(gives, l))
            };
            let sub = if sub_entity {
                "; as a sub-entity it inherits nothing from its main entity"
            } else {
                ""
            };
            format!(
                "System user {} needs `{code}` from every client, but {client} has not given it to the organisation{has}{sub}.",
                q(su)
            )
        }
        Msg::HowToGive {
            client,
            delegate,
            roles,
            impossible,
        } => {
            let who = if client.is_empty() { "the client" } else { client };
            let mut ways: Vec<String> = Vec::new();
            if !delegate.is_empty() {
                ways.push(format!("have {who} delegate {} in Altinn", ticked(delegate)));
            }
            if !roles.is_empty() {
                ways.push(format!(
                    "have {who} register the organisation as its {} in Enhetsregisteret (client-only packages come only through the ER role)",
                    role_names(roles, l)
                ));
            }
            ways.push("move it to a system user whose packages it gives".into());
            let cannot = if impossible.is_empty() {
                String::new()
            } else {
                format!(
                    "{who} cannot give {}: it cannot be delegated, and no ER role gives it to a client of this organisation form; ",
                    ticked(impossible)
                )
            };
            format!("{cannot}{}", join_or(&ways, l))
        }
        Msg::NoneInCommon { su, client, gives } => {
            let has = if gives.is_empty() {
                "nothing Altinn can count".to_string()
            } else {
                some(gives, l)
            };
            format!(
                "{client} gives the organisation none of the packages of system user {} (it gives: {has}), so Altinn does not list it as a client for it.",
                q(su)
            )
        }
        Msg::DelegatedClientOnlyPackage { client, code, su } => {
            let relies = su.map_or_else(
                || " No system user relies on it.".to_string(),
                |s| format!(" System user {} relies on it, so adding the client fails.", q(s)),
            );
            format!(
                "{client} is said to have delegated `{code}` directly, but that package comes only through an ER role; Altinn cannot create that delegation.{relies}"
            )
        }
        Msg::RegisterRoleInstead {
            client,
            code,
            roles,
        } => {
            if roles.is_empty() {
                format!(
                    "remove `{code}` from the `delegated` list of {client}; no ER role gives it to a client of this organisation form, so move the client to a system user without it"
                )
            } else {
                format!(
                    "remove `{code}` from the `delegated` list of {client}; to give it, the client registers the organisation as its {} in Enhetsregisteret (then list the role in `er_roles`), or move the client to a system user without it",
                    role_names(roles, l)
                )
            }
        }
        Msg::OwnNeedsUncovered { code } => format!(
            "The organisation needs `{code}` for itself, but no standard system user (nor one with `include_self`) carries it."
        ),
        Msg::AddToStandard { code } => {
            format!("add `{code}` to the standard system user (scenario A/H)")
        }
        Msg::OwnCannotHold { code } => format!(
            "remove `{code}` from `own_packages`: it comes only from client relationships, so the organisation cannot hold it for itself"
        ),
        Msg::ClientUncovered { client } => format!(
            "{client} has a relationship with the organisation but is on no system user."
        ),
        Msg::ClientUnservable { client, ref why } => {
            let why = match why {
                Unservable::ClientOnlyDelegated(codes) => format!(
                    "it is said to have delegated only {}, which comes only through an ER role",
                    ticked(codes)
                ),
                Unservable::RoleWrongForm(role) => format!(
                    "as its {} the organisation gets no access packages for a client of its organisation form",
                    role_name(role, l)
                ),
                Unservable::SystemLacks(codes) => format!(
                    "the system register entry lacks what it gives ({}); ask the vendor to register it",
                    ticked(codes)
                ),
                Unservable::NothingUsable => {
                    "none of the packages it gives can go on a client system user".to_string()
                }
            };
            format!("No system user can serve {client}: {why}.")
        }
        Msg::NoLayout => {
            "The plan has no system users yet, so only the situation was checked.".into()
        }
        Msg::SystemUserPerClient { names } => format!(
            "System users {} have the same packages and differ only in their one client; the guidance says never one system user per client.",
            quoted_list(names.iter().copied(), l)
        ),
        Msg::KeepOneAndLink { su, clients } => {
            format!("keep {} and link all {clients} clients to it", q(su))
        }
        Msg::SamePackagesTwice {
            standard,
            names,
            packages,
        } => format!(
            "{} system users {} have the same packages ({}) and no team reason to be separate.",
            if standard { "Standard" } else { "Client" },
            quoted_list(names.iter().copied(), l),
            packages.join(", ")
        ),
        Msg::MixedLegalBasis {
            su,
            roles,
            examples,
        } => format!(
            "Client system user {} mixes packages of the ER roles {} ({}); each relationship is a separate legal basis.",
            q(su),
            roles.join(" and "),
            examples.join(", ")
        ),
        Msg::SystemUserWithoutTeam { su } => format!("No team may use system user {}.", q(su)),
        Msg::TeamOutsideRelationship {
            team,
            su,
            bases,
            handles,
        } => format!(
            "Team {} may use system user {}, which acts on {}, but the team handles only {}.",
            q(team),
            q(su),
            basis_names(bases, l),
            handles.join(", ")
        ),
        Msg::TeamOutsideRelationshipFix { team, su } => format!(
            "remove {} from the `teams` of {}, or add the relationship to the team's `handles` if it really works on that basis",
            q(team),
            q(su)
        ),
        Msg::DidYouMeanTeam { team } => format!("did you mean team {}?", q(team)),
        Msg::DefineTeam { teams } => format!(
            "define it under `teams:` or use one of {}",
            quoted_list(teams.iter().copied(), l)
        ),
        Msg::TeamNotDefined { su, team } => format!(
            "System user {} names team {}, which is not defined under `teams:`.",
            q(su),
            q(team)
        ),
        Msg::TeamUsesNothing { team } => format!(
            "Team {} may use no system user; no system user names it under `teams:`.",
            q(team)
        ),
        Msg::NameTeamOnSystemUsers => {
            "name the team under `teams:` of the system users it works with".into()
        }
        Msg::AmbiguousRoute {
            first,
            parties,
            code,
            names,
        } => {
            let who = if parties == 1 {
                first.to_string()
            } else {
                format!(
                    "{} parties (first {first})",
                    crate::text::thousands_in(parties, l)
                )
            };
            format!(
                "{who} can be served with `{code}` by {}; the end-user system cannot tell which token to use.",
                quoted_list(names.iter().copied(), l)
            )
        }
    }
}

fn where_en(w: &Where) -> String {
    match *w {
        Where::System => "in the system register entry".into(),
        Where::Own => "in own_packages".into(),
        Where::Delegated(c) => format!("delegated by {c}"),
        Where::Team(t) => format!("handled by team {}", quoted(t)),
        Where::SystemUser(s) => format!("on system user {}", quoted(s)),
    }
}

/// The bokmål texts, in the guidance's terms: systembruker, klientsystembruker,
/// tilgangspakke, virksomhet, underenhet, organisasjonsledd, systemregisteret.
fn nb(m: &Msg) -> String {
    let l = Lang::Nb;
    let q = quoted;
    match *m {
        Msg::InvalidOrgnr { ref owner, orgnr } => {
            let what = match *owner {
                OrgnrOwner::Organisation(ref o) => format!("Organisasjonsnummeret til {o}"),
                OrgnrOwner::OrganisationUnit(ref u) => format!("Virksomhetens underenhet {u}"),
                OrgnrOwner::Vendor => "Systemleverandørens organisasjonsnummer".into(),
                OrgnrOwner::Client(ref c) => format!("Klienten {c}"),
                OrgnrOwner::ClientUnit(ref u, ref c) => format!("Underenheten {u} av {c}"),
                OrgnrOwner::SystemUserClient(ref s) => {
                    format!("En klient på systembrukeren {}", q(s))
                }
            };
            format!(
                "{what}: {orgnr} har feil kontrollsiffer (mod 11), så ingen slik virksomhet finnes."
            )
        }
        Msg::UnknownPackage { code, ref place } => format!(
            "`{code}` {} er ikke en tilgangspakke i Altinns katalog.",
            where_nb(place)
        ),
        Msg::DidYouMeanPackage { near } => format!(
            "mente du {}? (`sysuser packages --search` viser alle)",
            near.join(", ")
        ),
        Msg::PersonPackage { code, ref place } => format!(
            "`{code}` {} er en tilgangspakke for personer; systembrukere handler for virksomheter.",
            where_nb(place)
        ),
        Msg::PackageNotForSystemUsers { code, ref place } => format!(
            "`{code}` {} kan ikke gis til noen systembruker: den kan verken tildeles eller delegeres.",
            where_nb(place)
        ),
        Msg::DuplicatePackage { code } => {
            format!("`{code}` står mer enn én gang i oppføringen i systemregisteret.")
        }
        Msg::InvalidSystemId { id, ref problem } => {
            let problem = match *problem {
                IdProblem::Space => "inneholder mellomrom".to_string(),
                IdProblem::Prefix(prefix) => format!(
                    "begynner ikke med leverandørens organisasjonsnummer og `_` (`{prefix}`)"
                ),
                IdProblem::NoName => {
                    "har ikke noe navn etter leverandørens organisasjonsnummer".to_string()
                }
            };
            format!(
                "System-id-en `{id}` {problem}; systemregisteret krever `<leverandørens orgnr>_<navn>`."
            )
        }
        Msg::RenameSystemId { suggestion } => format!("gi den nytt navn, f.eks. `{suggestion}`"),
        Msg::VisibleSystemWithClientOnlyPackage { code } => format!(
            "Systemet er synlig (`visible: true`), men har `{code}`, en tilgangspakke bare for klientforhold; systemregisteret avviser den kombinasjonen."
        ),
        Msg::LocallyInstalledNeedsOwnVendor {
            vendor,
            organisation,
        } => format!(
            "Systemet er lokalt installert, men leverandøren er {vendor}, ikke {organisation}; virksomheten må registrere det med seg selv som leverandør."
        ),
        Msg::SetOwnVendor { orgnr } => format!(
            "sett `system.vendor: \"{orgnr}\"`, registrer systemet under det organisasjonsnummeret og opprett virksomhetens egen Maskinporten-klient; bruk aldri leverandørens nøkkel"
        ),
        Msg::DuplicateExternalRef {
            su,
            external_ref,
            empty,
            first,
        } => {
            let shown = if empty {
                format!("tom ekstern referanse (som betyr organisasjonsnummeret {external_ref})")
            } else {
                format!("den eksterne referansen `{external_ref}`")
            };
            format!(
                "Systembrukeren {} har {shown}, i likhet med {}; Altinn avviser den andre.",
                q(su),
                q(first)
            )
        }
        Msg::ExternalRefTooLong { su, chars } => format!(
            "Den eksterne referansen til systembrukeren {} er {chars} tegn lang; Altinn tillater høyst 255.",
            q(su)
        ),
        Msg::RefBreaksUrl {
            su,
            external_ref,
            chars,
        } => format!(
            "Den eksterne referansen `{external_ref}` til systembrukeren {} har {}, som ødelegger en URL-sti eller en token-forespørsel hvis de ikke kodes.",
            q(su),
            char_names(chars, l)
        ),
        Msg::RefDiffersInCase {
            su,
            external_ref,
            first,
        } => format!(
            "Den eksterne referansen `{external_ref}` til systembrukeren {} skiller seg fra den til {} bare i store og små bokstaver; Altinn holder dem adskilt, folk gjør det ikke.",
            q(su),
            q(first)
        ),
        Msg::StandardWithoutPackages { su } => {
            format!("Standard systembruker {} har ingen tilgangspakker.", q(su))
        }
        Msg::ClientsOnStandard { su, clients } => format!(
            "Standard systembruker {} har {}; bare systembrukere for klientforhold kan ha klienter.",
            q(su),
            if clients == 1 {
                "en klient".to_string()
            } else {
                format!("{clients} klienter")
            }
        ),
        Msg::MakeItClientType => {
            "gjør den til `type: client`, eller flytt klientene til en klientsystembruker".into()
        }
        Msg::StandardNotAssignable { su, code } => format!(
            "Standard systembruker {} har `{code}`, som bare kommer fra klientforhold og ikke kan gis til virksomheten selv.",
            q(su)
        ),
        Msg::MoveToClientSystemUser => "flytt den til en klientsystembruker".into(),
        Msg::ClientWithoutPackages { su } => format!(
            "Klientsystembrukeren {} har ingen tilgangspakker; Altinn krever minst én.",
            q(su)
        ),
        Msg::NotDelegable { su, code } => format!(
            "Klientsystembrukeren {} har `{code}`, som ikke kan delegeres til en systembruker for klientforhold.",
            q(su)
        ),
        Msg::PutOnStandard => "legg den heller på en standard systembruker".into(),
        Msg::IncludeSelfNotAssignable { su, code } => format!(
            "Klientsystembrukeren {} omfatter virksomheten selv (`include_self`), men har `{code}`, som virksomheten ikke kan ha for seg selv.",
            q(su)
        ),
        Msg::DropIncludeSelf => "fjern `include_self` og betjen virksomheten med en standard systembruker, eller flytt tilgangspakken".into(),
        Msg::SelfOnClientUnavailable { su } => format!(
            "Klientsystembrukeren {} omfatter virksomheten selv, men `options.self_on_client_system_user` er ikke satt.",
            q(su)
        ),
        Msg::PackageImmutable { su } => format!(
            "Tilgangspakkene til klientsystembrukeren {} kan ikke endres når den først finnes; en annen kombinasjon betyr en ny systembruker.",
            q(su)
        ),
        Msg::PackageNotInSystem { su, code } => format!(
            "Systembrukeren {} ber om `{code}`, som oppføringen i systemregisteret ikke har.",
            q(su)
        ),
        Msg::AskVendorToAdd { code } => format!(
            "be leverandøren legge `{code}` til systemets access_packages, eller fjern den fra systembrukeren"
        ),
        Msg::OrganisationListedAsClient { organisation } => {
            format!("Virksomheten selv, {organisation}, står under `clients:`.")
        }
        Msg::DuplicateClient { client } => {
            format!("{client} står mer enn én gang under `clients:`.")
        }
        Msg::RemoveOwnUnit => "fjern den: virksomhetens egne underenheter betjenes sammen med virksomheten".into(),
        Msg::AddMainUnitInstead { main } => {
            format!("fjern den og legg til hovedenheten {main} som klient")
        }
        Msg::OperationalUnitAsClient { client, main } => format!(
            "{client} er en underenhet av {main}; den arver fra hovedenheten og trenger ikke være klient."
        ),
        Msg::OrganisationOnSystemUser { su, organisation } => format!(
            "Systembrukeren {} har virksomheten selv, {organisation}, som klient.",
            q(su)
        ),
        Msg::RemoveOrganisationFromClientSu => "fjern den; sett `include_self: true` på denne systembrukeren, eller betjen virksomheten med en standard systembruker".into(),
        Msg::RemoveOrganisationFromStandardSu => {
            "fjern den; en standard systembruker handler allerede for virksomheten".into()
        }
        Msg::RemoveOrganisationSelfImpossible => "fjern den og betjen virksomheten med en standard systembruker; denne kan ikke omfatte virksomheten, siden den har tilgangspakker virksomheten ikke kan ha for seg selv".into(),
        Msg::NoRelationship { who, su } => format!(
            "{who} er på systembrukeren {}, men har ikke noe klientforhold til virksomheten: ingen ER-rolle og ingenting delegert.",
            q(su)
        ),
        Msg::NotUnderClients { who, su } => format!(
            "{who} er på systembrukeren {}, men er ikke blant virksomhetens klienter (ikke under `clients:`).",
            q(su)
        ),
        Msg::OwnUnitOnClientSu { unit, main } => format!(
            "{unit} er virksomhetens egen underenhet: den arver fra {main}; fjern den og betjen virksomheten med en standard systembruker"
        ),
        Msg::ClientUnitOnClientSu { main } => format!(
            "den er en underenhet av {main} og arver fra den; legg heller {main} til systembrukeren"
        ),
        Msg::RolePackageWrongUnitType {
            su,
            code,
            client,
            role,
            forms,
            form,
        } => {
            let form = form.map_or_else(
                || "har ingen organisasjonsform i planen".to_string(),
                |u| format!("er {u}"),
            );
            format!(
                "Systembrukeren {} trenger `{code}` fra {client}, men {role}-rollen gir den bare for klienter med organisasjonsform {}, og klienten {form}.",
                q(su),
                forms.join(" eller "),
            )
        }
        Msg::ClientMissingPackage {
            su,
            code,
            client,
            gives,
            sub_entity,
        } => {
            let has = if gives.is_empty() {
                String::new()
            } else {
                format!(" (den gir: {})", some(gives, l))
            };
            let sub = if sub_entity {
                "; som organisasjonsledd arver den ingenting fra hovedenheten"
            } else {
                ""
            };
            format!(
                "Systembrukeren {} trenger `{code}` fra hver klient, men {client} har ikke gitt den til virksomheten{has}{sub}.",
                q(su)
            )
        }
        Msg::HowToGive {
            client,
            delegate,
            roles,
            impossible,
        } => {
            let who = if client.is_empty() { "klienten" } else { client };
            let mut ways: Vec<String> = Vec::new();
            if !delegate.is_empty() {
                ways.push(format!("be {who} delegere {} i Altinn", ticked(delegate)));
            }
            if !roles.is_empty() {
                ways.push(format!(
                    "be {who} registrere virksomheten som sin {} i Enhetsregisteret (tilgangspakker som bare gjelder klientforhold, kommer bare gjennom ER-rollen)",
                    role_names(roles, l)
                ));
            }
            ways.push("flytt den til en systembruker med tilgangspakker den gir".into());
            let cannot = if impossible.is_empty() {
                String::new()
            } else {
                format!(
                    "{who} kan ikke gi {}: den kan ikke delegeres, og ingen ER-rolle gir den til en klient med denne organisasjonsformen; ",
                    ticked(impossible)
                )
            };
            format!("{cannot}{}", join_or(&ways, l))
        }
        Msg::NoneInCommon { su, client, gives } => {
            let has = if gives.is_empty() {
                "ingenting Altinn kan regne med".to_string()
            } else {
                some(gives, l)
            };
            format!(
                "{client} gir ikke virksomheten noen av tilgangspakkene til systembrukeren {} (den gir: {has}), så Altinn viser den ikke som klient for den.",
                q(su)
            )
        }
        Msg::DelegatedClientOnlyPackage { client, code, su } => {
            let relies = su.map_or_else(
                || " Ingen systembruker bygger på den.".to_string(),
                |s| format!(" Systembrukeren {} bygger på den, så å legge til klienten feiler.", q(s)),
            );
            format!(
                "{client} skal ha delegert `{code}` direkte, men den tilgangspakken kommer bare gjennom en ER-rolle; Altinn kan ikke opprette den delegeringen.{relies}"
            )
        }
        Msg::RegisterRoleInstead {
            client,
            code,
            roles,
        } => {
            if roles.is_empty() {
                format!(
                    "fjern `{code}` fra `delegated` hos {client}; ingen ER-rolle gir den til en klient med denne organisasjonsformen, så flytt klienten til en systembruker uten den"
                )
            } else {
                format!(
                    "fjern `{code}` fra `delegated` hos {client}; for å gi den registrerer klienten virksomheten som sin {} i Enhetsregisteret (før så opp rollen under `er_roles`), eller flytt klienten til en systembruker uten den",
                    role_names(roles, l)
                )
            }
        }
        Msg::OwnNeedsUncovered { code } => format!(
            "Virksomheten trenger `{code}` for seg selv, men ingen standard systembruker (eller en med `include_self`) har den."
        ),
        Msg::AddToStandard { code } => {
            format!("legg `{code}` til den standard systembrukeren (scenario A/H)")
        }
        Msg::OwnCannotHold { code } => format!(
            "fjern `{code}` fra `own_packages`: den kommer bare fra klientforhold, så virksomheten kan ikke ha den for seg selv"
        ),
        Msg::ClientUncovered { client } => format!(
            "{client} har et klientforhold til virksomheten, men er ikke på noen systembruker."
        ),
        Msg::ClientUnservable { client, ref why } => {
            let why = match why {
                Unservable::ClientOnlyDelegated(codes) => format!(
                    "den skal bare ha delegert {}, som bare kommer gjennom en ER-rolle",
                    ticked(codes)
                ),
                Unservable::RoleWrongForm(role) => format!(
                    "som dens {} får virksomheten ingen tilgangspakker for en klient med denne organisasjonsformen",
                    role_name(role, l)
                ),
                Unservable::SystemLacks(codes) => format!(
                    "oppføringen i systemregisteret mangler det den gir ({}); be leverandøren registrere det",
                    ticked(codes)
                ),
                Unservable::NothingUsable => {
                    "ingen av tilgangspakkene den gir, kan legges på en klientsystembruker".to_string()
                }
            };
            format!("Ingen systembruker kan betjene {client}: {why}.")
        }
        Msg::NoLayout => {
            "Planen har ingen systembrukere ennå, så bare situasjonen ble sjekket.".into()
        }
        Msg::SystemUserPerClient { names } => format!(
            "Systembrukerne {} har de samme tilgangspakkene og skiller seg bare i sin ene klient; veiledningen sier aldri én systembruker per klient.",
            quoted_list(names.iter().copied(), l)
        ),
        Msg::KeepOneAndLink { su, clients } => {
            format!("behold {} og knytt alle de {clients} klientene til den", q(su))
        }
        Msg::SamePackagesTwice {
            standard,
            names,
            packages,
        } => format!(
            "{} {} har de samme tilgangspakkene ({}) og ingen team som grunn til å holdes adskilt.",
            if standard {
                "De standard systembrukerne"
            } else {
                "Klientsystembrukerne"
            },
            quoted_list(names.iter().copied(), l),
            packages.join(", ")
        ),
        Msg::MixedLegalBasis {
            su,
            roles,
            examples,
        } => format!(
            "Klientsystembrukeren {} blander tilgangspakker fra ER-rollene {} ({}); hvert klientforhold er et eget rettslig grunnlag.",
            q(su),
            roles.join(" og "),
            examples.join(", ")
        ),
        Msg::SystemUserWithoutTeam { su } => {
            format!("Ingen team kan bruke systembrukeren {}.", q(su))
        }
        Msg::TeamOutsideRelationship {
            team,
            su,
            bases,
            handles,
        } => format!(
            "Teamet {} kan bruke systembrukeren {}, som handler på grunnlag av {}, men teamet håndterer bare {}.",
            q(team),
            q(su),
            basis_names(bases, l),
            handles.join(", ")
        ),
        Msg::TeamOutsideRelationshipFix { team, su } => format!(
            "fjern {} fra `teams` på {}, eller legg klientforholdet til teamets `handles` hvis teamet virkelig arbeider på det grunnlaget",
            q(team),
            q(su)
        ),
        Msg::DidYouMeanTeam { team } => format!("mente du teamet {}?", q(team)),
        Msg::DefineTeam { teams } => format!(
            "definer det under `teams:` eller bruk ett av {}",
            quoted_list(teams.iter().copied(), l)
        ),
        Msg::TeamNotDefined { su, team } => format!(
            "Systembrukeren {} nevner teamet {}, som ikke er definert under `teams:`.",
            q(su),
            q(team)
        ),
        Msg::TeamUsesNothing { team } => format!(
            "Teamet {} kan ikke bruke noen systembruker; ingen systembruker nevner det under `teams:`.",
            q(team)
        ),
        Msg::NameTeamOnSystemUsers => {
            "før opp teamet under `teams:` på systembrukerne det arbeider med".into()
        }
        Msg::AmbiguousRoute {
            first,
            parties,
            code,
            names,
        } => {
            let who = if parties == 1 {
                first.to_string()
            } else {
                format!(
                    "{} parter (først {first})",
                    crate::text::thousands_in(parties, l)
                )
            };
            format!(
                "{who} kan betjenes med `{code}` av {}; sluttbrukersystemet kan ikke vite hvilket token det skal bruke.",
                quoted_list(names.iter().copied(), l)
            )
        }
    }
}

fn where_nb(w: &Where) -> String {
    match *w {
        Where::System => "i oppføringen i systemregisteret".into(),
        Where::Own => "i own_packages".into(),
        Where::Delegated(c) => format!("delegert av {c}"),
        Where::Team(t) => format!("som teamet {} håndterer", quoted(t)),
        Where::SystemUser(s) => format!("på systembrukeren {}", quoted(s)),
    }
}
