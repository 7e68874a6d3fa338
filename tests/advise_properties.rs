//! Properties of `advise` over generated situations: the advice passes
//! `check` with no errors, serves every client that can be served, routes
//! every (client, needed package) to exactly one system user, and never
//! makes two system users that could be one.

use proptest::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use sysuser::advisor::advise;
use sysuser::catalog::catalog;
use sysuser::orgnr::Orgnr;
use sysuser::plan::{
    Client, ErRole, FOption, Handle, Options, Organisation, PackageRef, Plan, Relationship, System,
    SystemUserType, Team, UnitType,
};
use sysuser::rules::Rule;

/// Packages the generator picks the system register entry from: every fit
/// (client-only, standard-only, both) and every ER role's packages.
const SYSTEM_POOL: &[&str] = &[
    "regnskapsforer-med-signeringsrettighet",
    "regnskapsforer-uten-signeringsrettighet",
    "regnskapsforer-lonn",
    "ansvarlig-revisor",
    "revisormedarbeider",
    "forretningsforer-eiendom",
    "skatt-naering",
    "merverdiavgift",
    "a-ordning",
    "sykefravaer",
    "lonn",
    "tjenester-nuf",
    "ffor-tilgangsstyrer-nuf",
    "maskinporten-administrator",
];

/// Packages clients may delegate (some missing from the system, one not delegable).
const DELEGATED_POOL: &[&str] = &[
    "skatt-naering",
    "merverdiavgift",
    "a-ordning",
    "sykefravaer",
    "lonn",
    "pensjon",
    "regnskapsforer-lonn",
    "tilgangsstyrer",
];

const FORMS: &[&str] = &["AS", "ENK", "BRL", "ESEK", "NUF", "KOMM", "ORGL"];

fn orgnr(seed: u32) -> Orgnr {
    (0..)
        .find_map(|k| Orgnr::with_check_digit(seed + k))
        .expect("some check digit exists nearby")
}

fn pick<'a>(pool: &[&'a str], mask: u32) -> Vec<&'a str> {
    pool.iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, p)| *p)
        .collect()
}

#[derive(Debug, Clone)]
struct ClientSpec {
    form: usize,
    roles: u16,
    delegated: u32,
    sub_entity: bool,
}

fn client_spec() -> impl Strategy<Value = ClientSpec> {
    (
        0..FORMS.len(),
        prop_oneof![0u16..8, 0u16..(1 << 13)],
        0u32..256,
        prop::bool::weighted(0.2),
    )
        .prop_map(|(form, roles, delegated, sub_entity)| ClientSpec {
            form,
            roles,
            delegated,
            sub_entity,
        })
}

#[derive(Debug, Clone)]
struct TeamSpec {
    relationships: u8,
    packages: u32,
}

fn situation() -> impl Strategy<Value = Plan> {
    (
        1u32..(1 << SYSTEM_POOL.len()),
        0u32..(1 << SYSTEM_POOL.len()),
        prop::collection::vec(client_spec(), 0..14),
        (any::<bool>(), 0u8..3, any::<bool>()),
        prop::collection::vec(
            (0u8..16, 0u32..(1 << SYSTEM_POOL.len())).prop_map(|(relationships, packages)| {
                TeamSpec {
                    relationships,
                    packages,
                }
            }),
            0..4,
        ),
    )
        .prop_map(
            |(sys_mask, own_mask, clients, (self_on_client, f, local), teams)| {
                build(
                    sys_mask,
                    own_mask,
                    &clients,
                    self_on_client,
                    f,
                    local,
                    &teams,
                )
            },
        )
}

fn build(
    sys_mask: u32,
    own_mask: u32,
    clients: &[ClientSpec],
    self_on_client: bool,
    f: u8,
    locally_installed: bool,
    teams: &[TeamSpec],
) -> Plan {
    let system: Vec<&str> = pick(SYSTEM_POOL, sys_mask);
    let cat = catalog();
    // Own packages the organisation can have: on the system and assignable,
    // so a valid layout always exists.
    let own: Vec<&str> = pick(SYSTEM_POOL, own_mask & sys_mask)
        .into_iter()
        .filter(|c| cat.get(c).unwrap().is_assignable)
        .collect();
    let client_only = system.iter().any(|c| !cat.get(c).unwrap().is_assignable);
    let org = orgnr(31_020_239);
    let vendor = if locally_installed {
        org.clone()
    } else {
        orgnr(99_182_582)
    };
    let clients: Vec<Client> = clients
        .iter()
        .enumerate()
        .map(|(i, s)| Client {
            orgnr: orgnr(40_000_000 + 17 * i as u32),
            name: format!("Client {i}"),
            unit_type: Some(UnitType::parse(FORMS[s.form]).unwrap()),
            er_roles: ErRole::all()
                .enumerate()
                .filter(|(k, _)| s.roles & (1u16 << k) != 0)
                .map(|(_, r)| r)
                .collect(),
            delegated: pick(DELEGATED_POOL, s.delegated)
                .into_iter()
                .map(PackageRef::new)
                .collect(),
            sub_entity: s.sub_entity,
            operational_units: Vec::new(),
        })
        .collect();
    let teams = teams
        .iter()
        .enumerate()
        .map(|(i, t)| Team {
            name: format!("Team {i}"),
            handles: Relationship::all()
                .take(3)
                .chain([Relationship::Delegated])
                .enumerate()
                .filter(|(k, _)| t.relationships & (1 << k) != 0)
                .map(|(_, r)| Handle::Relationship(r))
                .chain(
                    pick(SYSTEM_POOL, t.packages)
                        .into_iter()
                        .map(|c| Handle::Package(PackageRef::new(c))),
                )
                .collect(),
            members: vec![format!("member{i}")],
        })
        .collect();
    Plan {
        version: 1,
        organisation: Organisation {
            orgnr: org,
            name: "Generated AS".into(),
            unit_type: Some(UnitType::parse("AS").unwrap()),
            operational_units: Vec::new(),
        },
        system: System {
            id: format!("{vendor}_generated"),
            vendor,
            access_packages: system.into_iter().map(PackageRef::new).collect(),
            visible: !client_only,
            locally_installed,
            name: Default::default(),
            description: Default::default(),
            maskinporten_client_ids: Vec::new(),
            redirect_urls: Vec::new(),
        },
        own_packages: own.into_iter().map(PackageRef::new).collect(),
        options: Options {
            self_on_client_system_user: self_on_client,
            f_option: match f {
                0 => None,
                1 => Some(FOption::PerCombination),
                _ => Some(FOption::PerService),
            },
        },
        clients,
        teams,
        system_users: Vec::new(),
        advice: None,
    }
}

/// What the client can give: the engine's one definition, which `check`'s
/// AND rule and routing use too.
fn available(c: &Client) -> BTreeSet<String> {
    sysuser::engine::available_packages(c)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// What it needs from a client system user: what it can give, that the
/// system has and a client system user can carry.
fn needed(plan: &Plan, c: &Client) -> BTreeSet<String> {
    let system: HashSet<&str> = plan
        .system
        .access_packages
        .iter()
        .map(|p| p.code())
        .collect();
    available(c)
        .into_iter()
        .filter(|p| system.contains(p.as_str()))
        .filter(|p| catalog().get(p).is_some_and(|k| k.is_delegable))
        .collect()
}

fn er_role_of(code: &str) -> Option<&'static str> {
    if code.starts_with("regnskapsforer-") {
        Some("regnskapsforer")
    } else if code == "ansvarlig-revisor" || code == "revisormedarbeider" {
        Some("revisor")
    } else if code == "forretningsforer-eiendom" {
        Some("forretningsforer")
    } else {
        None
    }
}

fn assert_properties(plan: &Plan) -> Result<(), TestCaseError> {
    let advised = advise(plan);
    let yaml = sysuser::plan::to_yaml(&advised);
    let advice = advised.advice.as_ref().expect("advice is written");
    let sus = &advised.system_users;

    // check: no errors, none of the guidance's "never" warnings.
    let report = sysuser::engine::check(&advised);
    let errors: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity == sysuser::rules::Severity::Error)
        .collect();
    prop_assert!(errors.is_empty(), "errors: {errors:#?}\n{yaml}");
    prop_assert_eq!(report.of(Rule::SystemUserPerClient).count(), 0, "{}", yaml);
    prop_assert_eq!(report.of(Rule::SamePackagesTwice).count(), 0, "{}", yaml);
    // Nor does it contradict check's warnings on legal bases and teams.
    for rule in [
        Rule::MixedLegalBasis,
        Rule::TeamOutsideRelationship,
        Rule::ClientUncovered,
    ] {
        let f: Vec<_> = report.of(rule).collect();
        prop_assert!(f.is_empty(), "{f:#?}\n{yaml}");
    }

    let system: HashSet<&str> = plan
        .system
        .access_packages
        .iter()
        .map(|p| p.code())
        .collect();
    let team_names: HashSet<&str> = plan.teams.iter().map(|t| t.name.as_str()).collect();
    let mut refs = HashSet::new();
    let mut names = HashSet::new();
    let mut shapes = HashSet::new();
    for s in sus {
        prop_assert!(
            refs.insert(s.external_ref.clone()),
            "ref twice: {}\n{yaml}",
            s.external_ref
        );
        prop_assert!(!s.external_ref.is_empty());
        prop_assert_eq!(sysuser::text::slug(&s.external_ref), s.external_ref.clone());
        prop_assert!(
            names.insert(s.name.clone()),
            "name twice: {}\n{yaml}",
            s.name
        );
        prop_assert!(s.why.as_deref().is_some_and(|w| w.starts_with("Scenario ")));
        prop_assert!(!s.access_packages.is_empty(), "{}", yaml);
        let mut set: Vec<&str> = s.access_packages.iter().map(|p| p.code()).collect();
        set.sort();
        let mut teams = s.teams.clone();
        teams.sort();
        // The legal basis of each package: the first ER role (in
        // `ErRole::all` order) of its clients that gives it, else delegation.
        let bases: BTreeSet<Option<ErRole>> = set
            .iter()
            .map(|p| {
                ErRole::all().find(|r| {
                    s.clients.iter().filter_map(|o| plan.client(o)).any(|c| {
                        c.er_roles.contains(r)
                            && catalog()
                                .role_packages(r.as_str(), c.unit_type.as_ref().map(|u| u.as_str()))
                                .any(|x| x == *p)
                    })
                })
            })
            .collect();
        prop_assert!(
            shapes.insert((s.kind, set.clone(), teams, s.include_self, bases)),
            "two system users that could be one: {set:?}\n{yaml}"
        );
        for t in &s.teams {
            prop_assert!(team_names.contains(t.as_str()));
        }
        let roles: BTreeSet<&str> = set.iter().filter_map(|c| er_role_of(c)).collect();
        prop_assert!(
            roles.len() <= 1,
            "ER roles combined on {}: {roles:?}",
            s.name
        );
        for p in &set {
            prop_assert!(system.contains(p), "{p} not on the system");
            let pkg = catalog().get(p).unwrap();
            match s.kind {
                SystemUserType::Standard => prop_assert!(pkg.is_assignable),
                SystemUserType::Client => prop_assert!(pkg.is_delegable),
            }
            if s.include_self {
                prop_assert!(pkg.is_assignable, "include_self with {p}");
                prop_assert!(plan.options.self_on_client_system_user);
            }
        }
        if s.kind == SystemUserType::Standard {
            prop_assert!(s.clients.is_empty());
        }
        // The AND rule, and only through relationships Altinn can create:
        // the ER role table for the client's form (read here from the raw
        // table), or a direct delegation of an assignable package.
        for o in &s.clients {
            let c = plan.client(o).expect("only listed clients are linked");
            let form = c.unit_type.as_ref().map(|u| u.as_str());
            for p in &set {
                let by_role = c.er_roles.iter().any(|r| {
                    catalog().role(r.as_str()).is_some_and(|role| {
                        role.packages.iter().any(|rp| {
                            rp.package == *p
                                && rp
                                    .only_if_client_unit_type
                                    .as_deref()
                                    .is_none_or(|f| Some(f) == form)
                        })
                    })
                });
                let delegated = c.delegated.iter().any(|d| d.code() == *p)
                    && catalog().get(p).is_some_and(|k| k.is_assignable);
                prop_assert!(
                    by_role || delegated,
                    "{} placed on {} through {p}, which it cannot give\n{yaml}",
                    c.label(),
                    s.name
                );
            }
            let can = available(c);
            for p in &set {
                prop_assert!(
                    can.contains(*p),
                    "{} cannot give {p} on {}\n{yaml}",
                    c.label(),
                    s.name
                );
            }
        }
    }

    // Every (client, needed package) on exactly one system user; every
    // client that needs something is served, the others are reported.
    let unserved: HashSet<&Orgnr> = advice.unserved.iter().map(|u| &u.client).collect();
    let mut on: HashMap<(&Orgnr, &str), usize> = HashMap::new();
    for s in sus {
        for o in &s.clients {
            for p in &s.access_packages {
                *on.entry((o, p.code())).or_default() += 1;
            }
        }
    }
    for c in &plan.clients {
        let need = needed(plan, c);
        for p in &need {
            prop_assert_eq!(
                on.get(&(&c.orgnr, p.as_str())).copied().unwrap_or(0),
                1,
                "{} / {} routed to other than one system user\n{}",
                c.label(),
                p,
                yaml
            );
        }
        prop_assert_eq!(
            need.is_empty(),
            unserved.contains(&c.orgnr),
            "{}",
            c.label()
        );
    }

    // The same through the routing table the end-user system would use: every
    // client's package a client system user can carry has exactly one route.
    for r in sysuser::route::table(&advised) {
        use sysuser::route::{PartyKind, Status};
        if matches!(r.kind, PartyKind::Client | PartyKind::SubEntity)
            && catalog().get(r.package).is_some_and(|p| p.is_delegable)
        {
            prop_assert_eq!(
                r.status,
                Status::Served,
                "{} / {}\n{}",
                r.party,
                r.package,
                yaml
            );
        }
    }

    // Own packages: each on exactly one system user that acts for the organisation.
    for p in &plan.own_packages {
        let n = sus
            .iter()
            .filter(|s| s.kind == SystemUserType::Standard || s.include_self)
            .filter(|s| s.access_packages.contains(p))
            .count();
        prop_assert_eq!(n, 1, "own {} on {} system users\n{}", p, n, yaml);
    }

    let ids: Vec<&str> = advice
        .decision_path
        .iter()
        .map(|s| s.question.as_str())
        .collect();
    let want: Vec<&str> = sysuser::decision::QUESTIONS.iter().map(|q| q.id).collect();
    prop_assert_eq!(ids, want);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn advice_is_valid_and_complete(plan in situation()) {
        assert_properties(&plan)?;
    }

    #[test]
    fn advice_is_stable(plan in situation()) {
        let once = advise(&plan);
        let mut again_input = once.clone();
        again_input.system_users.clear();
        prop_assert_eq!(advise(&again_input), once);
    }

    #[test]
    fn layout_counts_match_the_layouts(plan in situation()) {
        counts_match(&plan)?;
    }

    #[test]
    fn layout_counts_match_in_messy_situations(plan in messy()) {
        counts_match(&plan)?;
    }
}

#[test]
fn many_delegated_combinations_and_teams_stay_valid() {
    let clients: Vec<ClientSpec> = (0..200)
        .map(|i| ClientSpec {
            form: i % FORMS.len(),
            roles: (i % 8) as u16,
            delegated: (i * 37 % 256) as u32,
            sub_entity: i % 5 == 0,
        })
        .collect();
    let teams = [
        TeamSpec {
            relationships: 0b0001,
            packages: 0b1_0000_0000,
        },
        TeamSpec {
            relationships: 0b1010,
            packages: 0,
        },
    ];
    for f in 0..3 {
        for soc in [false, true] {
            let plan = build(
                (1 << SYSTEM_POOL.len()) - 1,
                0b1_1000_0000,
                &clients,
                soc,
                f,
                false,
                &teams,
            );
            assert_properties(&plan).unwrap();
            let plan = build((1 << SYSTEM_POOL.len()) - 1, 0, &clients, soc, f, true, &[]);
            assert_properties(&plan).unwrap();
        }
    }
}

/// Messy situations: repeated clients, operational units and the
/// organisation itself listed as clients, clients without a form, unknown
/// packages, own packages the system lacks or cannot assign.
fn messy() -> impl Strategy<Value = Plan> {
    (
        situation(),
        prop::collection::vec((0usize..8, 0usize..40), 0..6),
        prop::collection::vec(0usize..4, 0..3),
    )
        .prop_map(|(mut plan, edits, own_extra)| {
            let org = plan.organisation.orgnr.clone();
            for (kind, k) in edits {
                let n = plan.clients.len();
                match kind {
                    0 if n > 0 => {
                        let c = plan.clients[k % n].clone();
                        plan.clients.push(c);
                    }
                    1 if n > 0 => {
                        let unit = orgnr(50_000_000 + k as u32);
                        plan.clients[k % n]
                            .operational_units
                            .push(sysuser::plan::Unit {
                                orgnr: unit.clone(),
                                name: "Avdeling".into(),
                            });
                        let mut c = plan.clients[k % n].clone();
                        c.orgnr = unit;
                        c.operational_units.clear();
                        plan.clients.push(c);
                    }
                    2 if n > 0 => plan.clients[k % n].orgnr = org.clone(),
                    3 if n > 0 => plan.clients[k % n].unit_type = None,
                    4 if n > 0 => plan.clients[k % n].delegated.push(PackageRef::new(
                        [
                            "sykmelding",
                            "eksplisitt",
                            "innbygger-skatt",
                            "ansvarlig-revisor",
                        ][k % 4],
                    )),
                    // Situations that break a rule whatever the layout.
                    5 => plan.system.visible = true,
                    6 => plan.system.locally_installed = true,
                    _ => plan.teams.push(Team {
                        name: format!("Extra {k}"),
                        handles: vec![Handle::Package(PackageRef::new("inntektsmelding"))],
                        members: Vec::new(),
                    }),
                }
            }
            for e in own_extra {
                let code = [
                    "pensjon",
                    "regnskapsforer-lonn",
                    "sykmelding",
                    "hovedadministrator",
                ][e];
                plan.own_packages.push(PackageRef::new(code));
            }
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn messy_situations_never_panic_and_add_no_errors_of_their_own(plan in messy()) {
        let advised = advise(&plan);
        let before: BTreeSet<Rule> = sysuser::engine::check(&plan)
            .findings
            .iter()
            .filter(|f| f.severity == sysuser::rules::Severity::Error)
            .map(|f| f.rule)
            .collect();
        let own_unusable = plan.own_packages.iter().any(|p| {
            !plan.system.access_packages.contains(p)
                || catalog().get(p.code()).is_none_or(|k| !k.is_assignable)
        });
        let yaml = sysuser::plan::to_yaml(&advised);
        for f in sysuser::engine::check(&advised).findings {
            if f.severity != sysuser::rules::Severity::Error || before.contains(&f.rule) {
                continue;
            }
            prop_assert!(
                f.rule == Rule::OwnNeedsUncovered && own_unusable,
                "advice added {:?}: {}\n{}", f.rule,
                    f.message(sysuser::lang::Lang::En),
                    yaml
            );
        }
        // A situation that breaks a rule whatever the layout is named in the notes.
        let notes = advised.advice.as_ref().map(|a| a.notes.join("\n")).unwrap_or_default();
        for rule in [Rule::VisibleSystemWithClientOnlyPackage, Rule::LocallyInstalledNeedsOwnVendor] {
            if before.contains(&rule) {
                prop_assert!(notes.contains(rule.id()), "{} not in notes:\n{}", rule.id(), notes);
            }
        }
        let mut refs = HashSet::new();
        for s in &advised.system_users {
            prop_assert!(refs.insert(&s.external_ref));
            prop_assert!(!s.clients.contains(&plan.organisation.orgnr));
        }
        prop_assert_eq!(sysuser::plan::parse(&yaml, "again.yaml").ok(), Some(advised));
    }
}

/// What `compare` and the wizard count without writing a layout out is the
/// layout's size, under both F options; and a recommendation worded again
/// from its texts in the other language is the one advised in that language.
fn counts_match(plan: &Plan) -> Result<(), TestCaseError> {
    use sysuser::lang::Lang;
    use sysuser::plan::FOption;
    let study = sysuser::advisor::Study::of(plan);
    for f in [
        None,
        Some(FOption::PerCombination),
        Some(FOption::PerService),
    ] {
        let rec = study.recommend(f, Lang::En);
        prop_assert_eq!(study.system_user_count(f), rec.system_users.len());
        prop_assert_eq!(&rec, &sysuser::advisor::recommend(plan, f));
        let nb = study.recommend(f, Lang::Nb);
        prop_assert_eq!(&rec.texts, &nb.texts);
        for (from, to, lang) in [(&rec, &nb, Lang::Nb), (&nb, &rec, Lang::En)] {
            let mut reworded = from.clone();
            let (sus, advice) = (&mut reworded.system_users, &mut reworded.advice);
            from.texts.word(lang, sus, advice);
            prop_assert_eq!(&reworded.system_users, &to.system_users);
            prop_assert_eq!(&reworded.advice, &to.advice);
        }
    }
    Ok(())
}
