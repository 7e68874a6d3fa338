//! The English texts of findings.

use super::*;

pub(super) fn plural_en(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("a {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The English texts.
pub(super) fn en(m: &Msg, wizard: bool) -> String {
    let l = Lang::En;
    let q = quoted;
    match m {
        Msg::Fix(rule) => fix(*rule, l, wizard),
        Msg::Said(text) => text.to_string(),
        Msg::InvalidOrgnr { owner, orgnr } => {
            let what = match owner {
                OrgnrOwner::Organisation(o) => format!("The organisation number of {}", o.text(l)),
                OrgnrOwner::OrganisationUnit(u) => {
                    format!("The organisation's operational unit {u}")
                }
                OrgnrOwner::Vendor => "The system vendor's organisation number".into(),
                OrgnrOwner::Client(c) => format!("Client {c}"),
                OrgnrOwner::ClientUnit(u, c) => format!("Operational unit {u} of {c}"),
                OrgnrOwner::SystemUserClient(s) => format!("A client of system user {}", q(s)),
            };
            format!("{what}: {orgnr} fails the mod-11 check digit, so no such organisation exists.")
        }
        Msg::UnknownPackage { code, place } => format!(
            "`{code}` {} is not an access package in Altinn's catalog.",
            where_en(place, wizard)
        ),
        Msg::DidYouMeanPackage { near } if wizard => format!(
            "did you mean {}? (/ in the package picker searches them all)",
            near.join(", ")
        ),
        Msg::DidYouMeanPackage { near } => format!(
            "did you mean {}? (`sysuser packages --search` lists them all)",
            near.join(", ")
        ),
        Msg::PersonPackage { code, place } => format!(
            "`{code}` {} is a package for persons; system users act for organisations.",
            where_en(place, wizard)
        ),
        Msg::PackageNotForSystemUsers { code, place } => format!(
            "`{code}` {} can go on no system user: it is neither assignable nor delegable.",
            where_en(place, wizard)
        ),
        Msg::DuplicatePackage { code } => {
            format!("`{code}` is listed more than once in the system register entry.")
        }
        Msg::InvalidSystemId { id, problem } => {
            let problem = match problem {
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
        Msg::VisibleSystemWithClientOnlyPackage { code } if wizard => format!(
            "The system is visible in Altinn but has `{code}`, a client-only package; the system register refuses that combination."
        ),
        Msg::VisibleSystemWithClientOnlyPackage { code } => format!(
            "The system is visible (`visible: true`) but has `{code}`, a client-only package; the system register refuses that combination."
        ),
        Msg::LocallyInstalledNeedsOwnVendor {
            vendor,
            organisation,
        } => {
            let organisation = organisation.text(l);
            format!(
            "The system is locally installed, but its vendor is {vendor}, not {organisation}; the organisation must register it as its own vendor."
        )
        }
        Msg::SetOwnVendor { orgnr } if wizard => format!(
            "set the vendor's org. number to {orgnr} on the End-user system step, register the system under that orgnr and create the organisation's own Maskinporten client; never use the vendor's key"
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
            let shown = if *empty {
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
            plural_en(*clients, "client", "clients")
        ),
        Msg::MakeItClientType if wizard => {
            "press a on the review to use the recommended layout, which puts clients on client system users".into()
        }
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
        Msg::IncludeSelfNotAssignable { su, code } if wizard => format!(
            "Client system user {} includes the organisation itself but has `{code}`, which the organisation cannot hold for itself.",
            q(su)
        ),
        Msg::IncludeSelfNotAssignable { su, code } => format!(
            "Client system user {} includes the organisation itself (`include_self`) but has `{code}`, which the organisation cannot hold for itself.",
            q(su)
        ),
        Msg::DropIncludeSelf if wizard => "press a on the review to use the recommended layout, or turn off “Own organisation on a client system user” on the Options step".into(),
        Msg::DropIncludeSelf => "drop `include_self` and serve the organisation with a standard system user, or move the package".into(),
        Msg::SelfOnClientUnavailable { su } if wizard => format!(
            "Client system user {} includes the organisation itself, but “Own organisation on a client system user” is off on the Options step.",
            q(su)
        ),
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
        Msg::AskVendorToAdd { code } if wizard => format!(
            "ask the vendor to register `{code}` on the system, then add it to Packages in the register on the End-user system step (f on the finding does that)"
        ),
        Msg::AskVendorToAdd { code } => format!(
            "ask the vendor to add `{code}` to the system's access_packages, or remove it from the system user"
        ),
        Msg::OrganisationListedAsClient { organisation } if wizard => format!(
            "The organisation itself, {}, is listed on the Clients step.",
            organisation.text(l)
        ),
        Msg::OrganisationListedAsClient { organisation } => {
            let organisation = organisation.text(l);
            format!("The organisation itself, {organisation}, is listed under `clients:`.")
        }
        Msg::DuplicateClient { client } if wizard => {
            format!("{client} is listed more than once on the Clients step.")
        }
        Msg::DuplicateClient { client } => {
            format!("{client} is listed more than once under `clients:`.")
        }
        Msg::RemoveOwnUnit => "remove it: the organisation's own operational units are served with the organisation".into(),
        Msg::AddMainUnitInstead { main } => {
            let main = main.text(l);
            format!("remove it and add its main unit {main} as the client")
        }
        Msg::OperationalUnitAsClient { client, main } => {
            let main = main.text(l);
            format!(
            "{client} is an operational unit of {main}; it inherits from its main unit and need not be a client."
        )
        }
        Msg::OrganisationOnSystemUser { su, organisation } => {
            let organisation = organisation.text(l);
            format!(
            "System user {} lists the organisation itself, {organisation}, as a client.",
            q(su)
        )
        }
        Msg::RemoveOrganisationFromClientSu if wizard => "remove it: press a on the review to use the recommended layout; the organisation's own needs go on the Own packages step".into(),
        Msg::RemoveOrganisationFromClientSu => "remove it; set `include_self: true` on this system user, or serve the organisation with a standard system user".into(),
        Msg::RemoveOrganisationFromStandardSu => {
            "remove it; a standard system user already acts for the organisation".into()
        }
        Msg::RemoveOrganisationSelfImpossible => "remove it and serve the organisation with a standard system user; this one cannot include the organisation, since it carries packages the organisation cannot hold for itself".into(),
        Msg::NoRelationship { who, su } => format!(
            "{who} is on system user {} but has no relationship with the organisation: no ER role and nothing delegated.",
            q(su)
        ),
        Msg::NotUnderClients { who, su } if wizard => format!(
            "{who} is on system user {} but is not among the organisation's clients (not on the Clients step).",
            q(su)
        ),
        Msg::NotUnderClients { who, su } => format!(
            "{who} is on system user {} but is not among the organisation's clients (not under `clients:`).",
            q(su)
        ),
        Msg::OwnUnitOnClientSu { unit, main } => {
            let main = main.text(l);
            format!(
            "{unit} is the organisation's own operational unit: it inherits from {main}; remove it and serve the organisation with a standard system user"
        )
        }
        Msg::ClientUnitOnClientSu { main } => {
            let main = main.text(l);
            format!(
            "it is an operational unit of {main} and inherits from it; add {main} to the system user instead"
        )
        }
        Msg::RolePackageWrongUnitType {
            su,
            code,
            client,
            role,
            forms,
            form,
        } => {
            let form = form.as_deref().map_or_else(
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
            let sub = if *sub_entity {
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
            let relies = su.as_deref().map_or_else(
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
        } if wizard => {
            if roles.is_empty() {
                format!(
                    "remove `{code}` from the delegated packages of {client} on the Clients step; no ER role gives it to a client of this organisation form, so the client belongs on a system user without it (a on the review uses the recommended layout)"
                )
            } else {
                format!(
                    "remove `{code}` from the delegated packages of {client} on the Clients step; to give it, the client registers the organisation as its {} in Enhetsregisteret (then give the client that role on the Clients step), or the client belongs on a system user without it",
                    role_names(roles, l)
                )
            }
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
        Msg::OwnNeedsUncovered { code } if wizard => format!(
            "The organisation needs `{code}` for itself, but no standard system user (nor a client system user that includes the organisation) carries it."
        ),
        Msg::OwnNeedsUncovered { code } => format!(
            "The organisation needs `{code}` for itself, but no standard system user (nor one with `include_self`) carries it."
        ),
        Msg::AddToStandard { code } if wizard => format!(
            "press a on the review to use the recommended layout, which puts `{code}` on a standard system user (scenario A/H)"
        ),
        Msg::AddToStandard { code } => {
            format!("add `{code}` to the standard system user (scenario A/H)")
        }
        Msg::OwnCannotHold { code } if wizard => format!(
            "remove `{code}` on the Own packages step: it comes only from client relationships, so the organisation cannot hold it for itself"
        ),
        Msg::OwnCannotHold { code } => format!(
            "remove `{code}` from `own_packages`: it comes only from client relationships, so the organisation cannot hold it for itself"
        ),
        Msg::ClientUncovered { client } => format!(
            "{client} has a relationship with the organisation but is on no system user."
        ),
        Msg::ClientUnservable { client, why } => {
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
            quoted_list(names.iter().map(|n| &**n), l)
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
            if *standard { "Standard" } else { "Client" },
            quoted_list(names.iter().map(|n| &**n), l),
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
        Msg::TeamOutsideRelationshipFix { team, su } if wizard => format!(
            "on the Teams step, add the relationship to what team {} handles if it really works on that basis; otherwise keep the team off {} (a on the review uses the recommended layout)",
            q(team),
            q(su)
        ),
        Msg::TeamOutsideRelationshipFix { team, su } => format!(
            "remove {} from the `teams` of {}, or add the relationship to the team's `handles` if it really works on that basis",
            q(team),
            q(su)
        ),
        Msg::DidYouMeanTeam { team } => format!("did you mean team {}?", q(team)),
        Msg::DefineTeam { teams } if wizard => format!(
            "add it on the Teams step or use one of {}",
            quoted_list(teams.iter().map(|n| &**n), l)
        ),
        Msg::DefineTeam { teams } => format!(
            "define it under `teams:` or use one of {}",
            quoted_list(teams.iter().map(|n| &**n), l)
        ),
        Msg::TeamNotDefined { su, team } if wizard => format!(
            "System user {} names team {}, which is not on the Teams step.",
            q(su),
            q(team)
        ),
        Msg::TeamNotDefined { su, team } => format!(
            "System user {} names team {}, which is not defined under `teams:`.",
            q(su),
            q(team)
        ),
        Msg::TeamUsesNothing { team } if wizard => format!(
            "Team {} may use no system user; no system user names it.",
            q(team)
        ),
        Msg::TeamUsesNothing { team } => format!(
            "Team {} may use no system user; no system user names it under `teams:`.",
            q(team)
        ),
        Msg::NameTeamOnSystemUsers if wizard => {
            "press a on the review to use the recommended layout, which links teams to the system users they work with".into()
        }
        Msg::NameTeamOnSystemUsers => {
            "name the team under `teams:` of the system users it works with".into()
        }
        Msg::AmbiguousRoute {
            first,
            parties,
            code,
            names,
        } => {
            let who = if *parties == 1 {
                first.to_string()
            } else {
                format!(
                    "{} parties (first {first})",
                    crate::text::thousands_in(*parties, l)
                )
            };
            format!(
                "{who} can be served with `{code}` by {}; the end-user system cannot tell which token to use.",
                quoted_list(names.iter().map(|n| &**n), l)
            )
        }
    }
}

pub(super) fn where_en(w: &Where, wizard: bool) -> String {
    match w {
        Where::Own if wizard => "on the Own packages step".into(),
        Where::System => "in the system register entry".into(),
        Where::Own => "in own_packages".into(),
        Where::Delegated(c) => format!("delegated by {c}"),
        Where::Team(t) => format!("handled by team {}", quoted(t)),
        Where::SystemUser(s) => format!("on system user {}", quoted(s)),
    }
}

/// The wizard's wording of a rule's fix, where the table's speaks of the plan
/// file or of commands.
pub(super) fn wizard_fix(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::UnknownPackage => {
            "Remove it, and pick the package you meant in the package picker (/ searches by name)."
        }
        Rule::PackageNotAssignable | Rule::OrganisationAsClient | Rule::SelfOnClientUnavailable => {
            "Press a on the review to use the recommended layout; the organisation's own needs go on the Own packages step."
        }
        Rule::DelegatedClientOnlyPackage => {
            "Remove it from the client's delegated packages on the Clients step; the client registers the organisation in Enhetsregisteret in the role that gives it, or the client belongs on a system user without the package."
        }
        Rule::VisibleSystemWithClientOnlyPackage => {
            "Turn off Visible in Altinn on the End-user system step, or remove the client-only packages from Packages in the register."
        }
        Rule::ClientUncovered => {
            "Press a on the review to use the recommended layout, which puts every client on the system user that matches its relationship type."
        }
        Rule::SystemUserWithoutTeam | Rule::TeamOutsideRelationship => {
            "Press a on the review to use the recommended layout, which gives each system user to the teams that handle its relationship type (Teams step)."
        }
        Rule::PackageImmutable => {
            "Choose packages you will keep; the Options step shows scenario F's two options."
        }
        Rule::NoLayout => "The review shows the recommended layout.",
        _ => return None,
    })
}
