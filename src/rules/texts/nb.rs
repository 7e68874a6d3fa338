//! The bokmål texts of findings.

use super::*;

/// The bokmål texts, in the guidance's terms: systembruker, klientsystembruker,
/// tilgangspakke, virksomhet, underenhet, organisasjonsledd, systemregisteret.
pub(super) fn nb(m: &Msg, wizard: bool) -> String {
    let l = Lang::Nb;
    let q = quoted;
    match m {
        Msg::Fix(rule) => fix(*rule, l, wizard),
        Msg::Said(text) => text.to_string(),
        Msg::InvalidOrgnr { owner, orgnr } => {
            let what = match owner {
                OrgnrOwner::Organisation(o) => format!("Organisasjonsnummeret til {}", o.text(l)),
                OrgnrOwner::OrganisationUnit(u) => format!("Virksomhetens underenhet {u}"),
                OrgnrOwner::Vendor => "Systemleverandørens organisasjonsnummer".into(),
                OrgnrOwner::Client(c) => format!("Klienten {c}"),
                OrgnrOwner::ClientUnit(u, c) => format!("Underenheten {u} av {c}"),
                OrgnrOwner::SystemUserClient(s) => {
                    format!("En klient på systembrukeren {}", q(s))
                }
            };
            format!(
                "{what}: {orgnr} har feil kontrollsiffer (mod 11), så ingen slik virksomhet finnes."
            )
        }
        Msg::UnknownPackage { code, place } => format!(
            "`{code}` {} er ikke en tilgangspakke i Altinns katalog.",
            where_nb(place, wizard)
        ),
        Msg::DidYouMeanPackage { near } if wizard => format!(
            "mente du {}? (/ i pakkevelgeren søker i alle)",
            near.join(", ")
        ),
        Msg::DidYouMeanPackage { near } => format!(
            "mente du {}? (`sysuser packages --search` viser alle)",
            near.join(", ")
        ),
        Msg::PersonPackage { code, place } => format!(
            "`{code}` {} er en tilgangspakke for personer; systembrukere handler for virksomheter.",
            where_nb(place, wizard)
        ),
        Msg::PackageNotForSystemUsers { code, place } => format!(
            "`{code}` {} kan ikke gis til noen systembruker: den kan verken tildeles eller delegeres.",
            where_nb(place, wizard)
        ),
        Msg::DuplicatePackage { code } => {
            format!("`{code}` står mer enn én gang i oppføringen i systemregisteret.")
        }
        Msg::InvalidSystemId { id, problem } => {
            let problem = match problem {
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
        Msg::VisibleSystemWithClientOnlyPackage { code } if wizard => format!(
            "Systemet er synlig i Altinn, men har `{code}`, en tilgangspakke bare for klientforhold; systemregisteret avviser den kombinasjonen."
        ),
        Msg::VisibleSystemWithClientOnlyPackage { code } => format!(
            "Systemet er synlig (`visible: true`), men har `{code}`, en tilgangspakke bare for klientforhold; systemregisteret avviser den kombinasjonen."
        ),
        Msg::LocallyInstalledNeedsOwnVendor {
            vendor,
            organisation,
        } => {
            let organisation = organisation.text(l);
            format!(
            "Systemet er lokalt installert, men leverandøren er {vendor}, ikke {organisation}; virksomheten må registrere det med seg selv som leverandør."
        )
        }
        Msg::SetOwnVendor { orgnr } if wizard => format!(
            "sett leverandørens orgnr. til {orgnr} på steget Sluttbrukersystem, registrer systemet under det organisasjonsnummeret og opprett virksomhetens egen Maskinporten-klient; bruk aldri leverandørens nøkkel"
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
            let shown = if *empty {
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
            if *clients == 1 {
                "en klient".to_string()
            } else {
                format!("{clients} klienter")
            }
        ),
        Msg::MakeItClientType if wizard => {
            "trykk a på gjennomgangen for å bruke det anbefalte oppsettet, som setter klienter på klientsystembrukere".into()
        }
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
        Msg::IncludeSelfNotAssignable { su, code } if wizard => format!(
            "Klientsystembrukeren {} omfatter virksomheten selv, men har `{code}`, som virksomheten ikke kan ha for seg selv.",
            q(su)
        ),
        Msg::IncludeSelfNotAssignable { su, code } => format!(
            "Klientsystembrukeren {} omfatter virksomheten selv (`include_self`), men har `{code}`, som virksomheten ikke kan ha for seg selv.",
            q(su)
        ),
        Msg::DropIncludeSelf if wizard => "trykk a på gjennomgangen for å bruke det anbefalte oppsettet, eller slå av «Egen virksomhet på klientsystembruker» på steget Valg".into(),
        Msg::DropIncludeSelf => "fjern `include_self` og betjen virksomheten med en standard systembruker, eller flytt tilgangspakken".into(),
        Msg::SelfOnClientUnavailable { su } if wizard => format!(
            "Klientsystembrukeren {} omfatter virksomheten selv, men «Egen virksomhet på klientsystembruker» er slått av på steget Valg.",
            q(su)
        ),
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
        Msg::AskVendorToAdd { code } if wizard => format!(
            "be leverandøren registrere `{code}` på systemet, og legg den så til under Pakker i registeret på steget Sluttbrukersystem (f på funnet gjør det)"
        ),
        Msg::AskVendorToAdd { code } => format!(
            "be leverandøren legge `{code}` til systemets access_packages, eller fjern den fra systembrukeren"
        ),
        Msg::OrganisationListedAsClient { organisation } if wizard => format!(
            "Virksomheten selv, {}, står på steget Klienter.",
            organisation.text(l)
        ),
        Msg::OrganisationListedAsClient { organisation } => {
            let organisation = organisation.text(l);
            format!("Virksomheten selv, {organisation}, står under `clients:`.")
        }
        Msg::DuplicateClient { client } if wizard => {
            format!("{client} står mer enn én gang på steget Klienter.")
        }
        Msg::DuplicateClient { client } => {
            format!("{client} står mer enn én gang under `clients:`.")
        }
        Msg::RemoveOwnUnit => "fjern den: virksomhetens egne underenheter betjenes sammen med virksomheten".into(),
        Msg::AddMainUnitInstead { main } => {
            let main = main.text(l);
            format!("fjern den og legg til hovedenheten {main} som klient")
        }
        Msg::OperationalUnitAsClient { client, main } => {
            let main = main.text(l);
            format!(
            "{client} er en underenhet av {main}; den arver fra hovedenheten og trenger ikke være klient."
        )
        }
        Msg::OrganisationOnSystemUser { su, organisation } => {
            let organisation = organisation.text(l);
            format!(
            "Systembrukeren {} har virksomheten selv, {organisation}, som klient.",
            q(su)
        )
        }
        Msg::RemoveOrganisationFromClientSu if wizard => "fjern den: trykk a på gjennomgangen for å bruke det anbefalte oppsettet; virksomhetens egne behov hører hjemme på steget Egne pakker".into(),
        Msg::RemoveOrganisationFromClientSu => "fjern den; sett `include_self: true` på denne systembrukeren, eller betjen virksomheten med en standard systembruker".into(),
        Msg::RemoveOrganisationFromStandardSu => {
            "fjern den; en standard systembruker handler allerede for virksomheten".into()
        }
        Msg::RemoveOrganisationSelfImpossible => "fjern den og betjen virksomheten med en standard systembruker; denne kan ikke omfatte virksomheten, siden den har tilgangspakker virksomheten ikke kan ha for seg selv".into(),
        Msg::NoRelationship { who, su } => format!(
            "{who} er på systembrukeren {}, men har ikke noe klientforhold til virksomheten: ingen ER-rolle og ingenting delegert.",
            q(su)
        ),
        Msg::NotUnderClients { who, su } if wizard => format!(
            "{who} er på systembrukeren {}, men er ikke blant virksomhetens klienter (ikke på steget Klienter).",
            q(su)
        ),
        Msg::NotUnderClients { who, su } => format!(
            "{who} er på systembrukeren {}, men er ikke blant virksomhetens klienter (ikke under `clients:`).",
            q(su)
        ),
        Msg::OwnUnitOnClientSu { unit, main } => {
            let main = main.text(l);
            format!(
            "{unit} er virksomhetens egen underenhet: den arver fra {main}; fjern den og betjen virksomheten med en standard systembruker"
        )
        }
        Msg::ClientUnitOnClientSu { main } => {
            let main = main.text(l);
            format!(
            "den er en underenhet av {main} og arver fra den; legg heller {main} til systembrukeren"
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
            let sub = if *sub_entity {
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
            let relies = su.as_deref().map_or_else(
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
        } if wizard => {
            if roles.is_empty() {
                format!(
                    "fjern `{code}` fra de delegerte pakkene til {client} på steget Klienter; ingen ER-rolle gir den til en klient med denne organisasjonsformen, så klienten hører hjemme på en systembruker uten den (a på gjennomgangen bruker det anbefalte oppsettet)"
                )
            } else {
                format!(
                    "fjern `{code}` fra de delegerte pakkene til {client} på steget Klienter; for å gi den registrerer klienten virksomheten som sin {} i Enhetsregisteret (gi så klienten den rollen på steget Klienter), eller klienten hører hjemme på en systembruker uten den",
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
                    "fjern `{code}` fra `delegated` hos {client}; ingen ER-rolle gir den til en klient med denne organisasjonsformen, så flytt klienten til en systembruker uten den"
                )
            } else {
                format!(
                    "fjern `{code}` fra `delegated` hos {client}; for å gi den registrerer klienten virksomheten som sin {} i Enhetsregisteret (før så opp rollen under `er_roles`), eller flytt klienten til en systembruker uten den",
                    role_names(roles, l)
                )
            }
        }
        Msg::OwnNeedsUncovered { code } if wizard => format!(
            "Virksomheten trenger `{code}` for seg selv, men ingen standard systembruker (eller klientsystembruker som omfatter virksomheten) har den."
        ),
        Msg::OwnNeedsUncovered { code } => format!(
            "Virksomheten trenger `{code}` for seg selv, men ingen standard systembruker (eller en med `include_self`) har den."
        ),
        Msg::AddToStandard { code } if wizard => format!(
            "trykk a på gjennomgangen for å bruke det anbefalte oppsettet, som legger `{code}` på en standard systembruker (scenario A/H)"
        ),
        Msg::AddToStandard { code } => {
            format!("legg `{code}` til den standard systembrukeren (scenario A/H)")
        }
        Msg::OwnCannotHold { code } if wizard => format!(
            "fjern `{code}` på steget Egne pakker: den kommer bare fra klientforhold, så virksomheten kan ikke ha den for seg selv"
        ),
        Msg::OwnCannotHold { code } => format!(
            "fjern `{code}` fra `own_packages`: den kommer bare fra klientforhold, så virksomheten kan ikke ha den for seg selv"
        ),
        Msg::ClientUncovered { client } => format!(
            "{client} har et klientforhold til virksomheten, men er ikke på noen systembruker."
        ),
        Msg::ClientUnservable { client, why } => {
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
            quoted_list(names.iter().map(|n| &**n), l)
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
            if *standard {
                "De standard systembrukerne"
            } else {
                "Klientsystembrukerne"
            },
            quoted_list(names.iter().map(|n| &**n), l),
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
        Msg::TeamOutsideRelationshipFix { team, su } if wizard => format!(
            "legg klientforholdet til det teamet {} håndterer på steget Team hvis teamet virkelig arbeider på det grunnlaget; ellers hold teamet borte fra {} (a på gjennomgangen bruker det anbefalte oppsettet)",
            q(team),
            q(su)
        ),
        Msg::TeamOutsideRelationshipFix { team, su } => format!(
            "fjern {} fra `teams` på {}, eller legg klientforholdet til teamets `handles` hvis teamet virkelig arbeider på det grunnlaget",
            q(team),
            q(su)
        ),
        Msg::DidYouMeanTeam { team } => format!("mente du teamet {}?", q(team)),
        Msg::DefineTeam { teams } if wizard => format!(
            "legg det til på steget Team eller bruk ett av {}",
            quoted_list(teams.iter().map(|n| &**n), l)
        ),
        Msg::DefineTeam { teams } => format!(
            "definer det under `teams:` eller bruk ett av {}",
            quoted_list(teams.iter().map(|n| &**n), l)
        ),
        Msg::TeamNotDefined { su, team } if wizard => format!(
            "Systembrukeren {} nevner teamet {}, som ikke finnes på steget Team.",
            q(su),
            q(team)
        ),
        Msg::TeamNotDefined { su, team } => format!(
            "Systembrukeren {} nevner teamet {}, som ikke er definert under `teams:`.",
            q(su),
            q(team)
        ),
        Msg::TeamUsesNothing { team } if wizard => format!(
            "Teamet {} kan ikke bruke noen systembruker; ingen systembruker nevner det.",
            q(team)
        ),
        Msg::TeamUsesNothing { team } => format!(
            "Teamet {} kan ikke bruke noen systembruker; ingen systembruker nevner det under `teams:`.",
            q(team)
        ),
        Msg::NameTeamOnSystemUsers if wizard => {
            "trykk a på gjennomgangen for å bruke det anbefalte oppsettet, som knytter teamene til systembrukerne de arbeider med".into()
        }
        Msg::NameTeamOnSystemUsers => {
            "før opp teamet under `teams:` på systembrukerne det arbeider med".into()
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
                    "{} parter (først {first})",
                    crate::text::thousands_in(*parties, l)
                )
            };
            format!(
                "{who} kan betjenes med `{code}` av {}; sluttbrukersystemet kan ikke vite hvilket token det skal bruke.",
                quoted_list(names.iter().map(|n| &**n), l)
            )
        }
    }
}

pub(super) fn where_nb(w: &Where, wizard: bool) -> String {
    match w {
        Where::Own if wizard => "på steget Egne pakker".into(),
        Where::System => "i oppføringen i systemregisteret".into(),
        Where::Own => "i own_packages".into(),
        Where::Delegated(c) => format!("delegert av {c}"),
        Where::Team(t) => format!("som teamet {} håndterer", quoted(t)),
        Where::SystemUser(s) => format!("på systembrukeren {}", quoted(s)),
    }
}

/// The wizard's wording of a rule's fix, where the table's speaks of the plan
/// file or of commands.
pub(super) fn wizard_fix(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::UnknownPackage => {
            "Fjern den, og velg tilgangspakken dere mente i pakkevelgeren (/ søker på navn)."
        }
        Rule::PackageNotAssignable | Rule::OrganisationAsClient | Rule::SelfOnClientUnavailable => {
            "Trykk a på gjennomgangen for å bruke det anbefalte oppsettet; virksomhetens egne behov hører hjemme på steget Egne pakker."
        }
        Rule::DelegatedClientOnlyPackage => {
            "Fjern den fra klientens delegerte pakker på steget Klienter; klienten registrerer virksomheten i Enhetsregisteret i rollen som gir den, eller klienten hører hjemme på en systembruker uten tilgangspakken."
        }
        Rule::VisibleSystemWithClientOnlyPackage => {
            "Slå av Synlig i Altinn på steget Sluttbrukersystem, eller fjern tilgangspakkene som bare gjelder klientforhold, fra Pakker i registeret."
        }
        Rule::ClientUncovered => {
            "Trykk a på gjennomgangen for å bruke det anbefalte oppsettet, som setter hver klient på systembrukeren som passer klientforholdet."
        }
        Rule::SystemUserWithoutTeam | Rule::TeamOutsideRelationship => {
            "Trykk a på gjennomgangen for å bruke det anbefalte oppsettet, som gir hver systembruker til teamene som håndterer typen klientforhold (steget Team)."
        }
        Rule::PackageImmutable => {
            "Velg tilgangspakker dere vil beholde; steget Valg viser de to alternativene i scenario F."
        }
        Rule::NoLayout => "Gjennomgangen viser det anbefalte oppsettet.",
        _ => return None,
    })
}
