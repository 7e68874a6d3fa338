//! Every text a finding carries, in English and Norwegian bokmål, in one place.
//!
//! The rules decide what to report and build a [`Msg`] with the facts, which
//! the finding owns; [`Msg::text`] words it when it is shown, in the reader's
//! language and for the reader's front end ([`Wording`]). Each language is one
//! function ([`en`], [`nb`]), and both must word every message, so adding a
//! message fails to build until both languages have it. The rule table's
//! fixes (used as hints) are in [`crate::rules`].

use crate::lang::Lang;
use crate::rules::Rule;

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

/// Text the plan wrote (a name, a label, a code as written), owned by the finding.
pub type Text = Box<str>;
/// Catalog codes (packages, ER roles, organisation forms): they live as long
/// as the catalog, so a list of them is one allocation.
pub type Codes = Vec<&'static str>;
/// Names from the plan.
pub type Names = Vec<Text>;

/// Who reads a finding: the command line speaks of the plan file and of
/// `sysuser` commands; the wizard of its own steps and keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Audience {
    #[default]
    Cli,
    Wizard,
}

/// How a finding is worded: the language and who reads it. A [`Lang`] alone
/// is the command line's wording.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wording {
    pub lang: Lang,
    pub audience: Audience,
}

impl Wording {
    /// The wizard's wording in `lang`.
    pub fn wizard(lang: Lang) -> Wording {
        Wording {
            lang,
            audience: Audience::Wizard,
        }
    }

    fn wizard_reads(self) -> bool {
        self.audience == Audience::Wizard
    }
}

impl From<Lang> for Wording {
    fn from(lang: Lang) -> Wording {
        Wording {
            lang,
            audience: Audience::Cli,
        }
    }
}

/// A party as a message names it: "Name (orgnr)" (or the number alone), or
/// the organisation without a name, which the texts call "the organisation".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Named(Text),
    /// The organisation, by its orgnr: the plan gives it no name.
    Organisation(Text),
}

impl Label {
    pub(crate) fn text(&self, lang: Lang) -> std::borrow::Cow<'_, str> {
        match (self, lang) {
            (Label::Named(l), _) => (**l).into(),
            (Label::Organisation(n), Lang::En) => format!("the organisation ({n})").into(),
            (Label::Organisation(n), Lang::Nb) => format!("virksomheten ({n})").into(),
        }
    }
}

/// Why no client system user could serve a client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unservable {
    /// Only client-only packages it is said to have delegated directly.
    ClientOnlyDelegated(Codes),
    /// Its ER role (catalog id) gives nothing for its organisation form.
    RoleWrongForm(Text),
    /// The packages it gives that the system register entry lacks.
    SystemLacks(Codes),
    /// Nothing it gives can go on a client system user.
    NothingUsable,
}

/// What an invalid organisation number belongs to (labels as "Name (orgnr)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgnrOwner {
    Organisation(Label),
    /// One of the organisation's operational units, by its label.
    OrganisationUnit(Text),
    Vendor,
    /// A client, by its label.
    Client(Text),
    /// An operational unit (label) of a client (label).
    ClientUnit(Text, Text),
    /// A client of the system user with this name that is not under `clients:`.
    SystemUserClient(Text),
}

/// Where a package reference is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Where {
    System,
    Own,
    /// Delegated by the client with this label.
    Delegated(Text),
    /// Handled by the team with this name.
    Team(Text),
    /// On the system user with this name.
    SystemUser(Text),
}

/// What is wrong with a system id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// A space character: Altinn refuses only that (AUTH.VLD-00013), not tabs.
    Space,
    /// It does not start with this prefix (`<vendor>_`).
    Prefix(Text),
    NoName,
}

/// One message or hint of a finding, with the facts it names. Names of system
/// users and teams are given bare; the texts quote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// The rule table's fix for the rule (a hint).
    Fix(Rule),
    /// Text worded elsewhere, shown as it is in every language.
    Said(Text),
    // refs
    InvalidOrgnr {
        owner: OrgnrOwner,
        orgnr: Text,
    },
    UnknownPackage {
        code: Text,
        place: Where,
    },
    DidYouMeanPackage {
        near: Codes,
    },
    PersonPackage {
        code: Text,
        place: Where,
    },
    PackageNotForSystemUsers {
        code: Text,
        place: Where,
    },
    DuplicatePackage {
        code: Text,
    },
    InvalidSystemId {
        id: Text,
        problem: IdProblem,
    },
    RenameSystemId {
        suggestion: Text,
    },
    VisibleSystemWithClientOnlyPackage {
        code: Text,
    },
    LocallyInstalledNeedsOwnVendor {
        vendor: Text,
        organisation: Label,
    },
    SetOwnVendor {
        orgnr: Text,
    },
    // layout
    DuplicateExternalRef {
        su: Text,
        /// The effective ref; `empty`: the plan left it empty (so it is the orgnr).
        external_ref: Text,
        empty: bool,
        first: Text,
    },
    ExternalRefTooLong {
        su: Text,
        chars: usize,
    },
    RefBreaksUrl {
        su: Text,
        external_ref: Text,
        chars: Vec<char>,
    },
    RefDiffersInCase {
        su: Text,
        external_ref: Text,
        first: Text,
    },
    StandardWithoutPackages {
        su: Text,
    },
    ClientsOnStandard {
        su: Text,
        clients: usize,
    },
    MakeItClientType,
    StandardNotAssignable {
        su: Text,
        code: Text,
    },
    MoveToClientSystemUser,
    ClientWithoutPackages {
        su: Text,
    },
    NotDelegable {
        su: Text,
        code: Text,
    },
    PutOnStandard,
    IncludeSelfNotAssignable {
        su: Text,
        code: Text,
    },
    DropIncludeSelf,
    SelfOnClientUnavailable {
        su: Text,
    },
    PackageImmutable {
        su: Text,
    },
    PackageNotInSystem {
        su: Text,
        code: Text,
    },
    AskVendorToAdd {
        code: Text,
    },
    // clients
    OrganisationListedAsClient {
        organisation: Label,
    },
    DuplicateClient {
        client: Text,
    },
    RemoveOwnUnit,
    AddMainUnitInstead {
        main: Label,
    },
    OperationalUnitAsClient {
        client: Text,
        main: Label,
    },
    OrganisationOnSystemUser {
        su: Text,
        organisation: Label,
    },
    RemoveOrganisationFromClientSu,
    RemoveOrganisationFromStandardSu,
    /// The client system user carries packages the organisation cannot hold.
    RemoveOrganisationSelfImpossible,
    NoRelationship {
        who: Text,
        su: Text,
    },
    NotUnderClients {
        who: Text,
        su: Text,
    },
    OwnUnitOnClientSu {
        unit: Text,
        main: Label,
    },
    ClientUnitOnClientSu {
        main: Label,
    },
    RolePackageWrongUnitType {
        su: Text,
        code: Text,
        client: Text,
        role: Text,
        forms: Codes,
        /// The client's form; `None`: the plan gives none.
        form: Option<Text>,
    },
    ClientMissingPackage {
        su: Text,
        code: Text,
        client: Text,
        gives: Codes,
        sub_entity: bool,
    },
    /// How a client can give packages it lacks: delegate the assignable
    /// ones, register an ER role (catalog ids) for client-only ones; the
    /// `impossible` ones it cannot give at all.
    HowToGive {
        client: Text,
        delegate: Codes,
        roles: Codes,
        impossible: Codes,
    },
    /// A client with relationships that give none of the system user's packages.
    NoneInCommon {
        su: Text,
        client: Text,
        gives: Codes,
    },
    DelegatedClientOnlyPackage {
        client: Text,
        code: Text,
        /// The system user relying on it, if any.
        su: Option<Text>,
    },
    /// The ER roles (catalog ids) that would give the package; empty: none for this client.
    RegisterRoleInstead {
        client: Text,
        code: Text,
        roles: Codes,
    },
    OwnNeedsUncovered {
        code: Text,
    },
    AddToStandard {
        code: Text,
    },
    /// An own package that is not assignable: the organisation cannot hold it.
    OwnCannotHold {
        code: Text,
    },
    ClientUncovered {
        client: Text,
    },
    ClientUnservable {
        client: Text,
        why: Unservable,
    },
    // guidance
    NoLayout,
    SystemUserPerClient {
        names: Names,
    },
    KeepOneAndLink {
        su: Text,
        clients: usize,
    },
    SamePackagesTwice {
        standard: bool,
        names: Names,
        packages: Names,
    },
    MixedLegalBasis {
        su: Text,
        roles: Codes,
        examples: Names,
    },
    SystemUserWithoutTeam {
        su: Text,
    },
    TeamOutsideRelationship {
        team: Text,
        su: Text,
        /// The bases of the system user the team does not handle.
        bases: Vec<Option<&'static str>>,
        /// What the team handles, as written in the plan.
        handles: Names,
    },
    TeamOutsideRelationshipFix {
        team: Text,
        su: Text,
    },
    DidYouMeanTeam {
        team: Text,
    },
    DefineTeam {
        teams: Names,
    },
    TeamNotDefined {
        su: Text,
        team: Text,
    },
    TeamUsesNothing {
        team: Text,
    },
    NameTeamOnSystemUsers,
    AmbiguousRoute {
        /// The first party's label.
        first: Text,
        /// How many parties share the problem.
        parties: usize,
        code: Text,
        names: Names,
    },
}

impl Msg {
    /// Calls `f` on every system user's name the message gives, so that a
    /// renamed system user can be renamed here too.
    pub fn system_user_names(&mut self, f: &mut impl FnMut(&mut Text)) {
        match self {
            Msg::DuplicateExternalRef { su, first, .. }
            | Msg::RefDiffersInCase { su, first, .. } => {
                f(su);
                f(first);
            }
            Msg::ExternalRefTooLong { su, .. }
            | Msg::RefBreaksUrl { su, .. }
            | Msg::StandardWithoutPackages { su }
            | Msg::ClientsOnStandard { su, .. }
            | Msg::StandardNotAssignable { su, .. }
            | Msg::ClientWithoutPackages { su }
            | Msg::NotDelegable { su, .. }
            | Msg::IncludeSelfNotAssignable { su, .. }
            | Msg::SelfOnClientUnavailable { su }
            | Msg::PackageImmutable { su }
            | Msg::PackageNotInSystem { su, .. }
            | Msg::OrganisationOnSystemUser { su, .. }
            | Msg::NoRelationship { su, .. }
            | Msg::NotUnderClients { su, .. }
            | Msg::RolePackageWrongUnitType { su, .. }
            | Msg::ClientMissingPackage { su, .. }
            | Msg::NoneInCommon { su, .. }
            | Msg::KeepOneAndLink { su, .. }
            | Msg::MixedLegalBasis { su, .. }
            | Msg::SystemUserWithoutTeam { su }
            | Msg::TeamOutsideRelationship { su, .. }
            | Msg::TeamOutsideRelationshipFix { su, .. }
            | Msg::TeamNotDefined { su, .. }
            | Msg::InvalidOrgnr {
                owner: OrgnrOwner::SystemUserClient(su),
                ..
            }
            | Msg::UnknownPackage {
                place: Where::SystemUser(su),
                ..
            }
            | Msg::PersonPackage {
                place: Where::SystemUser(su),
                ..
            }
            | Msg::PackageNotForSystemUsers {
                place: Where::SystemUser(su),
                ..
            }
            | Msg::DelegatedClientOnlyPackage { su: Some(su), .. } => f(su),
            Msg::SystemUserPerClient { names }
            | Msg::SamePackagesTwice { names, .. }
            | Msg::AmbiguousRoute { names, .. } => names.iter_mut().for_each(f),
            // No system user's name in these (listed, so that a new message
            // that names one cannot be missed here).
            Msg::InvalidOrgnr { .. }
            | Msg::UnknownPackage { .. }
            | Msg::PersonPackage { .. }
            | Msg::PackageNotForSystemUsers { .. }
            | Msg::DelegatedClientOnlyPackage { .. }
            | Msg::Fix(_)
            | Msg::Said(_)
            | Msg::DidYouMeanPackage { .. }
            | Msg::DuplicatePackage { .. }
            | Msg::InvalidSystemId { .. }
            | Msg::RenameSystemId { .. }
            | Msg::VisibleSystemWithClientOnlyPackage { .. }
            | Msg::LocallyInstalledNeedsOwnVendor { .. }
            | Msg::SetOwnVendor { .. }
            | Msg::MakeItClientType
            | Msg::MoveToClientSystemUser
            | Msg::PutOnStandard
            | Msg::DropIncludeSelf
            | Msg::AskVendorToAdd { .. }
            | Msg::OrganisationListedAsClient { .. }
            | Msg::DuplicateClient { .. }
            | Msg::RemoveOwnUnit
            | Msg::AddMainUnitInstead { .. }
            | Msg::OperationalUnitAsClient { .. }
            | Msg::RemoveOrganisationFromClientSu
            | Msg::RemoveOrganisationFromStandardSu
            | Msg::RemoveOrganisationSelfImpossible
            | Msg::OwnUnitOnClientSu { .. }
            | Msg::ClientUnitOnClientSu { .. }
            | Msg::HowToGive { .. }
            | Msg::RegisterRoleInstead { .. }
            | Msg::OwnNeedsUncovered { .. }
            | Msg::AddToStandard { .. }
            | Msg::OwnCannotHold { .. }
            | Msg::ClientUncovered { .. }
            | Msg::ClientUnservable { .. }
            | Msg::NoLayout
            | Msg::DidYouMeanTeam { .. }
            | Msg::DefineTeam { .. }
            | Msg::TeamUsesNothing { .. }
            | Msg::NameTeamOnSystemUsers => {}
        }
    }

    /// The message in the reader's words.
    pub fn text(&self, to: impl Into<Wording>) -> String {
        let to = to.into();
        match to.lang {
            Lang::En => en(self, to.wizard_reads()),
            Lang::Nb => nb(self, to.wizard_reads()),
        }
    }

    /// The message as a hint: a sentence, whether written here or taken from
    /// the rule table (text worded elsewhere is kept as it is).
    pub fn hint_text(&self, to: impl Into<Wording>) -> String {
        match self {
            Msg::Said(text) => text.to_string(),
            m => sentence(m.text(to)),
        }
    }
}

/// A rule's fix from the table, or the wizard's wording of it where the
/// table's speaks of the plan file or of commands.
fn fix(rule: Rule, lang: Lang, wizard: bool) -> String {
    let said = wizard.then(|| match lang {
        Lang::En => en::wizard_fix(rule),
        Lang::Nb => nb::wizard_fix(rule),
    });
    said.flatten()
        .unwrap_or_else(|| rule.fix_in(lang))
        .to_string()
}

/// Hints read as sentences: a capital first letter and a full stop.
fn sentence(mut s: String) -> String {
    if let Some(c) = s.chars().next().filter(char::is_ascii_lowercase) {
        s.replace_range(..1, &c.to_ascii_uppercase().to_string());
    }
    if !s.ends_with(['.', '?', '!']) {
        s.push('.');
    }
    s
}
