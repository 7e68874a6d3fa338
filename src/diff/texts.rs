//! The steps of a [`Diff`](super::Diff) in words, in English and bokmål:
//! who does what, on which system user, for which clients.

use super::{ClientRef, RecreateReason, Step, SuRef};
use crate::lang::Lang;
use crate::plan::SystemUserType;
use crate::text::counted;

/// Shown per step before the list is cut (JSON always has them all).
const SHOW_CLIENTS: usize = 20;

fn clients_text(clients: &[ClientRef<'_>], lang: Lang) -> String {
    let mut s: Vec<String> = clients
        .iter()
        .take(SHOW_CLIENTS)
        .map(ClientRef::label)
        .collect();
    if clients.len() > SHOW_CLIENTS {
        let more = clients.len() - SHOW_CLIENTS;
        s.push(match lang {
            Lang::En => format!("… and {more} more"),
            Lang::Nb => format!("… og {more} til"),
        });
    }
    s.join(", ")
}

fn su(s: &SuRef) -> String {
    format!("\"{}\" (external ref `{}`)", s.name, s.external_ref)
}

fn su_nb(s: &SuRef) -> String {
    format!("\"{}\" (ekstern referanse `{}`)", s.name, s.external_ref)
}

/// "1 klient", "3 klienter".
fn clients_nb(n: usize) -> String {
    if n == 1 {
        "1 klient".into()
    } else {
        format!("{} klienter", crate::text::thousands_in(n, Lang::Nb))
    }
}

fn codes(p: &[String]) -> String {
    p.join(", ")
}

impl Step<'_> {
    /// The step for people, in English.
    pub fn text(&self) -> String {
        self.text_in(Lang::En)
    }

    /// The step for people, in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Nb => self.nb(),
        }
    }

    fn en(&self) -> String {
        let clients_text = |c: &[ClientRef<'_>]| clients_text(c, Lang::En);
        match self {
            Step::ChangeSystem { from, to } => format!(
                "The system changes from {from} to {to}. System users belong to one system, so every system user is requested anew on {to} and the old ones are deleted."
            ),
            Step::RegisterPackages { system, packages } => format!(
                "Vendor: add {} to the system register entry {system}. Do this first: Altinn refuses requests for packages the system lacks (AUTH-00063).",
                codes(packages)
            ),
            Step::RequestSystemUser {
                system_user,
                kind,
                packages,
            } => {
                let kind = match kind {
                    SystemUserType::Standard => "standard system user",
                    SystemUserType::Client => "system user for client relationships",
                };
                format!(
                    "Vendor: request a new {kind} {} with {}. The organisation approves it.",
                    su(system_user),
                    codes(packages)
                )
            }
            Step::ChangePackages {
                system_user,
                add,
                remove,
            } => {
                let mut parts = Vec::new();
                if !add.is_empty() {
                    parts.push(format!("add {}", codes(add)));
                }
                if !remove.is_empty() {
                    parts.push(format!("remove {}", codes(remove)));
                }
                format!(
                    "Vendor: send a change request for standard system user {}: {}. The organisation approves it. (A standard system user's packages can be changed this way; a client one's cannot.)",
                    su(system_user),
                    parts.join("; ")
                )
            }
            Step::IncludeSelf {
                system_user,
                include,
            } => {
                if *include {
                    format!(
                        "Access manager of the organisation, in the Altinn portal once {} exists: add the organisation itself to it (\"add own organisation\"; allowed only when every package on it is assignable, and the organisation then gets all of them). Not part of the vendor's request.",
                        su(system_user)
                    )
                } else {
                    format!(
                        "Remove the organisation itself from client system user {}; its own reporting must then go through a standard system user.",
                        su(system_user)
                    )
                }
            }
            Step::AddClients {
                system_user,
                clients,
            } => format!(
                "Client administrator: link {} to {}: {}.",
                counted(clients.len(), "client"),
                su(system_user),
                clients_text(clients)
            ),
            Step::MoveClients { from, to, clients } => format!(
                "Client administrator: move {} from \"{}\" to \"{}\" (add to \"{}\" first, then remove from \"{}\"): {}.",
                counted(clients.len(), "client"),
                from.name,
                to.name,
                to.name,
                from.name,
                clients_text(clients)
            ),
            Step::RecreateSystemUser {
                old,
                new,
                kind,
                packages,
                add,
                remove,
                reason,
                clients,
            } => {
                let why = match reason {
                    RecreateReason::Packages => {
                        let mut change = Vec::new();
                        if !add.is_empty() {
                            change.push(format!("add {}", codes(add)));
                        }
                        if !remove.is_empty() {
                            change.push(format!("remove {}", codes(remove)));
                        }
                        format!(
                            "its packages change ({}), and Altinn refuses changes to a client system user's packages",
                            change.join("; ")
                        )
                    }
                    RecreateReason::Type => format!(
                        "it becomes a {} system user, and a system user's type is fixed",
                        kind.as_str()
                    ),
                    RecreateReason::ExternalRef => format!(
                        "its external ref changes from `{}` to `{}`, and Altinn sets the external ref when the system user is created",
                        old.external_ref, new.external_ref
                    ),
                };
                let relink = if clients.is_empty() {
                    String::new()
                } else {
                    format!(
                        " Link its {} again: {}.",
                        counted(clients.len(), "client"),
                        clients_text(clients)
                    )
                };
                let kind_word = match kind {
                    SystemUserType::Standard => "standard",
                    SystemUserType::Client => "client",
                };
                if old.external_ref == new.external_ref {
                    format!(
                        "Replace {}: {why}. Delete it, then have the vendor request it again ({kind_word}) with {} and the organisation approve it.{relink} The external ref is unique per system and organisation, so the old one must go first; to avoid a gap, give the new one another external ref.",
                        su(old),
                        codes(packages)
                    )
                } else {
                    format!(
                        "Replace {} by {}: {why}. Have the vendor request the new one ({kind_word}) with {} and the organisation approve it.{relink} Switch the end-user system to the new token, then delete the old one.",
                        su(old),
                        su(new),
                        codes(packages)
                    )
                }
            }
            Step::RemoveClients {
                system_user,
                clients,
            } => format!(
                "Client administrator: remove {} from {}: {}.",
                counted(clients.len(), "client"),
                su(system_user),
                clients_text(clients)
            ),
            Step::DeleteSystemUser {
                system_user,
                clients,
                unserved,
            } => {
                let links = match (clients, unserved.len()) {
                    (0, _) => String::new(),
                    (1, 0) => " Its one client is served elsewhere by now.".into(),
                    (n, 0) => format!(" Its {n} clients are served elsewhere by now."),
                    (_, _) => format!(
                        " {} of its clients will be on no system user: {}.",
                        unserved.len(),
                        clients_text(unserved)
                    ),
                };
                format!(
                    "Delete system user {}; the end-user system stops using its token.{links}",
                    su(system_user)
                )
            }
            Step::Rename {
                external_ref,
                from,
                to,
            } => format!(
                "Rename \"{from}\" to \"{to}\" in the end-user system; Altinn knows it by its external ref `{external_ref}`, so nothing changes there."
            ),
            Step::UnregisterPackages { system, packages } => format!(
                "Vendor: remove {} from the system register entry {system}; no system user needs {} any more.",
                codes(packages),
                if packages.len() == 1 { "it" } else { "them" }
            ),
        }
    }

    /// The bokmål texts, in the guidance's and the portal's terms.
    fn nb(&self) -> String {
        let clients_text = |c: &[ClientRef<'_>]| clients_text(c, Lang::Nb);
        let su = su_nb;
        let endre = |add: &[String], remove: &[String]| {
            let mut parts = Vec::new();
            if !add.is_empty() {
                parts.push(format!("legg til {}", codes(add)));
            }
            if !remove.is_empty() {
                parts.push(format!("fjern {}", codes(remove)));
            }
            parts.join("; ")
        };
        match self {
            Step::ChangeSystem { from, to } => format!(
                "Systemet endres fra {from} til {to}. Systembrukere hører til ett system, så hver systembruker bestilles på nytt på {to}, og de gamle slettes."
            ),
            Step::RegisterPackages { system, packages } => format!(
                "Leverandøren: legg til {} i oppføringen {system} i systemregisteret. Gjør dette først: Altinn avviser forespørsler om tilgangspakker systemet mangler (AUTH-00063).",
                codes(packages)
            ),
            Step::RequestSystemUser {
                system_user,
                kind,
                packages,
            } => {
                let kind = match kind {
                    SystemUserType::Standard => "standard systembruker",
                    SystemUserType::Client => "systembruker for klientforhold",
                };
                format!(
                    "Leverandøren: be om en ny {kind} {} med {}. Virksomheten godkjenner den.",
                    su(system_user),
                    codes(packages)
                )
            }
            Step::ChangePackages {
                system_user,
                add,
                remove,
            } => format!(
                "Leverandøren: send en endringsforespørsel for den standard systembrukeren {}: {}. Virksomheten godkjenner den. (Tilgangspakkene til en standard systembruker kan endres slik; en klientsystembrukers kan ikke.)",
                su(system_user),
                endre(add, remove)
            ),
            Step::IncludeSelf {
                system_user,
                include,
            } => {
                if *include {
                    format!(
                        "Tilgangsstyrer hos virksomheten, i Altinn-portalen når {} finnes: legg virksomheten selv til på den («legg til egen virksomhet»; bare tillatt når alle tilgangspakkene på den kan tildeles, og virksomheten får da alle). Ikke en del av leverandørens forespørsel.",
                        su(system_user)
                    )
                } else {
                    format!(
                        "Fjern virksomheten selv fra klientsystembrukeren {}; egen rapportering må da gå gjennom en standard systembruker.",
                        su(system_user)
                    )
                }
            }
            Step::AddClients {
                system_user,
                clients,
            } => format!(
                "Klientadministrator: knytt {} til {}: {}.",
                clients_nb(clients.len()),
                su(system_user),
                clients_text(clients)
            ),
            Step::MoveClients { from, to, clients } => format!(
                "Klientadministrator: flytt {} fra \"{}\" til \"{}\" (legg til på \"{}\" først, fjern så fra \"{}\"): {}.",
                clients_nb(clients.len()),
                from.name,
                to.name,
                to.name,
                from.name,
                clients_text(clients)
            ),
            Step::RecreateSystemUser {
                old,
                new,
                kind,
                packages,
                add,
                remove,
                reason,
                clients,
            } => {
                let why = match reason {
                    RecreateReason::Packages => format!(
                        "tilgangspakkene endres ({}), og Altinn avviser endringer i tilgangspakkene til en klientsystembruker",
                        endre(add, remove)
                    ),
                    RecreateReason::Type => format!(
                        "den blir en {}, og typen til en systembruker ligger fast",
                        match kind {
                            SystemUserType::Standard => "standard systembruker",
                            SystemUserType::Client => "klientsystembruker",
                        }
                    ),
                    RecreateReason::ExternalRef => format!(
                        "den eksterne referansen endres fra `{}` til `{}`, og Altinn setter den eksterne referansen når systembrukeren opprettes",
                        old.external_ref, new.external_ref
                    ),
                };
                let relink = if clients.is_empty() {
                    String::new()
                } else {
                    match clients.len() {
                        1 => format!(" Knytt klienten til igjen: {}.", clients_text(clients)),
                        n => format!(
                            " Knytt de {} klientene til igjen: {}.",
                            crate::text::thousands_in(n, Lang::Nb),
                            clients_text(clients)
                        ),
                    }
                };
                let kind_word = match kind {
                    SystemUserType::Standard => "standard",
                    SystemUserType::Client => "klientforhold",
                };
                if old.external_ref == new.external_ref {
                    format!(
                        "Erstatt {}: {why}. Slett den, og la så leverandøren be om den på nytt ({kind_word}) med {}, og la virksomheten godkjenne den.{relink} Den eksterne referansen er unik per system og virksomhet, så den gamle må bort først; gi den nye en annen ekstern referanse for å unngå et opphold.",
                        su(old),
                        codes(packages)
                    )
                } else {
                    format!(
                        "Erstatt {} med {}: {why}. La leverandøren be om den nye ({kind_word}) med {}, og la virksomheten godkjenne den.{relink} Bytt sluttbrukersystemet over til det nye tokenet, og slett så den gamle.",
                        su(old),
                        su(new),
                        codes(packages)
                    )
                }
            }
            Step::RemoveClients {
                system_user,
                clients,
            } => format!(
                "Klientadministrator: fjern {} fra {}: {}.",
                clients_nb(clients.len()),
                su(system_user),
                clients_text(clients)
            ),
            Step::DeleteSystemUser {
                system_user,
                clients,
                unserved,
            } => {
                let links = match (clients, unserved.len()) {
                    (0, _) => String::new(),
                    (1, 0) => " Den ene klienten betjenes nå et annet sted.".into(),
                    (n, 0) => format!(" De {n} klientene betjenes nå et annet sted."),
                    (_, _) => format!(
                        " {} av klientene blir ikke stående på noen systembruker: {}.",
                        unserved.len(),
                        clients_text(unserved)
                    ),
                };
                format!(
                    "Slett systembrukeren {}; sluttbrukersystemet slutter å bruke tokenet.{links}",
                    su(system_user)
                )
            }
            Step::Rename {
                external_ref,
                from,
                to,
            } => format!(
                "Gi \"{from}\" det nye navnet \"{to}\" i sluttbrukersystemet; Altinn kjenner den på den eksterne referansen `{external_ref}`, så ingenting endres der."
            ),
            Step::UnregisterPackages { system, packages } => format!(
                "Leverandøren: fjern {} fra oppføringen {system} i systemregisteret; ingen systembruker trenger {} lenger.",
                codes(packages),
                if packages.len() == 1 { "den" } else { "dem" }
            ),
        }
    }
}
