//! Every hint proposes a fix Altinn accepts, over every rule and the whole
//! catalog: for any finding any generated or hand-written plan produces, its
//! hint never tells the user to delegate a client-only package directly,
//! nor to put a package that is not assignable on a standard system user or
//! on a client system user that includes the organisation itself.

use proptest::prelude::*;
use sysuser::catalog::catalog;
use sysuser::lang::Lang;
use sysuser::orgnr::Orgnr;
use sysuser::plan::{
    Client, ErRole, Options, Organisation, PackageRef, Plan, System, SystemUser, SystemUserType,
    UnitType,
};
use sysuser::rules::{Finding, Rule};

/// The backticked codes in a piece of text.
fn codes(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// Assignable, or no system user's package at all (those are reported, and
/// their removal proposed, by their own rules).
fn assignable(code: &str) -> bool {
    catalog()
        .get(code)
        .is_none_or(|p| p.is_assignable || !p.is_delegable)
}

fn client_only(code: &str) -> bool {
    catalog()
        .get(code)
        .is_some_and(|p| p.is_delegable && !p.is_assignable)
}

/// The clauses of a hint: the alternatives it offers, one action each.
fn clauses(hint: &str) -> Vec<&str> {
    hint.split(';')
        .flat_map(|s| s.split(", or ").flat_map(|s| s.split(", eller ")))
        .collect()
}

/// What the hint of `f` proposes, judged as Altinn would; a clause about
/// "this system user" is about the packages of the finding's system user.
fn judge(f: &Finding, plan: Option<&Plan>, lang: Lang) -> Result<(), String> {
    let Some(hint) = f.hint(lang) else {
        return Ok(());
    };
    for clause in clauses(&hint) {
        let lower = clause.to_lowercase();
        if lower.contains("delegate ") || lower.contains("delegere ") {
            if let Some(c) = codes(clause).into_iter().find(|c| client_only(c)) {
                return Err(format!(
                    "proposes delegating the client-only `{c}` directly"
                ));
            }
        }
        let standard = lower.contains("standard system user")
            || lower.contains("standard systembruker")
            || lower.contains("include_self: true");
        let moves_away = lower.contains("move it to a client")
            || lower.contains("flytt den til en klient")
            || lower.starts_with(" drop")
            || lower.starts_with("drop")
            || lower.contains("fjern `include_self`")
            || lower.contains("remove it");
        if standard && !moves_away {
            let mut subject: Vec<&str> = codes(clause);
            subject.extend(f.package.as_deref());
            if lower.contains("this system user") || lower.contains("denne systembrukeren") {
                let su = plan.and_then(|p| {
                    p.system_users
                        .iter()
                        .find(|s| Some(s.name.as_str()) == f.system_user.as_deref())
                });
                subject.extend(
                    su.iter()
                        .flat_map(|s| s.access_packages.iter().map(|p| p.code())),
                );
            }
            if let Some(c) = subject.into_iter().find(|c| !assignable(c)) {
                return Err(format!(
                    "proposes a standard or self-on-client system user for `{c}`, which is not assignable"
                ));
            }
        }
    }
    Ok(())
}

fn judge_all(plan: &Plan) -> Result<(), String> {
    for lang in [Lang::En, Lang::Nb] {
        for f in sysuser::engine::check(plan).findings {
            judge(&f, Some(plan), lang)
                .map_err(|e| format!("{} ({lang:?}): {e}\n{f:#?}", f.rule.id()))?;
        }
    }
    Ok(())
}

/// Every organisation package of the catalog a system user might name, with
/// a few that no system user can carry.
fn pool() -> Vec<&'static str> {
    catalog()
        .packages()
        .iter()
        .filter(|p| !p.is_person_package())
        .map(|p| p.code.as_str())
        .collect()
}

const FORMS: &[&str] = &["AS", "ESEK", "BRL", "NUF", "ENK", "ORGL"];

fn orgnr(seed: u32) -> Orgnr {
    (0..)
        .find_map(|k| Orgnr::with_check_digit(seed + k))
        .unwrap()
}

#[derive(Debug, Clone)]
struct Spec {
    form: usize,
    roles: u16,
    delegated: Vec<usize>,
}

fn plan_of(
    clients: &[Spec],
    sus: &[(bool, Vec<usize>, u16, bool)],
    own: &[usize],
    system: &[usize],
) -> Plan {
    let pool = pool();
    let at = |i: &usize| PackageRef::new(pool[i % pool.len()]);
    let clients: Vec<Client> = clients
        .iter()
        .enumerate()
        .map(|(i, s)| Client {
            orgnr: orgnr(40_000_000 + 17 * i as u32),
            name: format!("Client {i}"),
            unit_type: UnitType::parse(FORMS[s.form]).ok(),
            er_roles: ErRole::all()
                .enumerate()
                .filter(|(k, _)| s.roles & (1u16 << k) != 0)
                .map(|(_, r)| r)
                .collect(),
            delegated: s.delegated.iter().map(at).collect(),
            sub_entity: false,
            operational_units: Vec::new(),
        })
        .collect();
    let mut everyone: Vec<Orgnr> = clients.iter().map(|c| c.orgnr.clone()).collect();
    everyone.push(orgnr(31_020_239));
    let system_users = sus
        .iter()
        .enumerate()
        .map(|(i, (standard, packages, pick, include_self))| SystemUser {
            name: format!("SU{i}"),
            external_ref: format!("su{i}"),
            kind: if *standard {
                SystemUserType::Standard
            } else {
                SystemUserType::Client
            },
            access_packages: packages.iter().map(at).collect(),
            clients: everyone
                .iter()
                .enumerate()
                .filter(|(k, _)| pick & (1 << (k % 16)) != 0)
                .map(|(_, o)| o.clone())
                .collect(),
            include_self: *include_self,
            teams: Vec::new(),
            why: None,
        })
        .collect();
    Plan {
        version: 1,
        organisation: Organisation {
            orgnr: orgnr(31_020_239),
            name: "Tiger AS".into(),
            unit_type: None,
            operational_units: Vec::new(),
        },
        system: System {
            id: "991825827_x".into(),
            vendor: Orgnr::parse("991825827").unwrap(),
            access_packages: system.iter().map(at).collect(),
            visible: true,
            locally_installed: false,
            name: Default::default(),
            description: Default::default(),
            maskinporten_client_ids: Vec::new(),
            redirect_urls: Vec::new(),
        },
        own_packages: own.iter().map(at).collect(),
        options: Options {
            self_on_client_system_user: true,
            f_option: None,
        },
        clients,
        teams: Vec::new(),
        system_users,
        advice: None,
    }
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        0..FORMS.len(),
        prop_oneof![0u16..8, 0u16..(1 << 13)],
        prop::collection::vec(0usize..200, 0..4),
    )
        .prop_map(|(form, roles, delegated)| Spec {
            form,
            roles,
            delegated,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_plans_get_only_hints_altinn_accepts(
        clients in prop::collection::vec(spec(), 0..6),
        sus in prop::collection::vec(
            (any::<bool>(), prop::collection::vec(0usize..200, 0..4), any::<u16>(), any::<bool>()),
            0..5,
        ),
        own in prop::collection::vec(0usize..200, 0..3),
        system in prop::collection::vec(0usize..200, 0..8),
    ) {
        let plan = plan_of(&clients, &sus, &own, &system);
        if let Err(e) = judge_all(&plan) {
            prop_assert!(false, "{e}");
        }
    }
}

/// The six client-only packages, each where a hint could go wrong: delegated
/// directly, missing from a client, on a standard and a self-on-client
/// system user, and needed by the organisation itself.
#[test]
fn client_only_packages_get_only_hints_altinn_accepts() {
    let pool = pool();
    let six: Vec<usize> = pool
        .iter()
        .enumerate()
        .filter(|(_, c)| client_only(c))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(six.len(), 6);
    let sykefravaer = pool.iter().position(|c| *c == "sykefravaer").unwrap();
    for &p in &six {
        for form in 0..FORMS.len() {
            for roles in 0u16..8 {
                let clients = [
                    Spec {
                        form,
                        roles,
                        delegated: vec![p],
                    },
                    Spec {
                        form,
                        roles,
                        delegated: vec![sykefravaer],
                    },
                ];
                let sus = [
                    (false, vec![p], 0b111, false),
                    (false, vec![p, sykefravaer], 0b011, true),
                    (true, vec![p], 0, false),
                ];
                let plan = plan_of(&clients, &sus, &[p, sykefravaer], &[p, sykefravaer]);
                judge_all(&plan).unwrap();
            }
        }
    }
}

/// Every bad plan and every rule's example in docs/rules.md.
#[test]
fn hand_written_plans_get_only_hints_altinn_accepts() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for e in std::fs::read_dir(root.join("tests/bad_plans")).unwrap() {
        texts.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    let docs = std::fs::read_to_string(root.join("docs/rules.md")).unwrap();
    texts.extend(
        docs.split("```yaml\n")
            .skip(1)
            .map(|b| b.split("```").next().unwrap().to_string()),
    );
    let mut rules = std::collections::BTreeSet::new();
    for t in &texts {
        let plan = sysuser::plan::parse(t, "plan.yaml").unwrap();
        for f in sysuser::engine::check(&plan).findings {
            rules.insert(f.rule);
        }
        judge_all(&plan).unwrap();
    }
    // Every rule's hint was judged at least once.
    let missing: Vec<&str> = Rule::ALL
        .iter()
        .filter(|r| !rules.contains(r))
        .map(|r| r.id())
        .collect();
    assert!(missing.is_empty(), "never seen: {missing:?}");
}

/// The judge itself catches the hints this issue removed.
#[test]
fn the_judge_recognises_bad_hints() {
    let bad = |package: Option<&str>, hint: &str| {
        let mut f = Finding::new(Rule::ClientMissingPackage, "m.");
        f.package = package.map(String::from);
        judge(&f.with_hint(hint), None, Lang::En).is_err()
    };
    assert!(bad(
        None,
        "Move it, or have it delegate `forretningsforer-eiendom` directly in Altinn."
    ));
    assert!(bad(
        Some("regnskapsforer-lonn"),
        "Add `regnskapsforer-lonn` to the standard system user (scenario A/H)."
    ));
    assert!(bad(
        Some("ansvarlig-revisor"),
        "Remove it; set `include_self: true` on this system user."
    ));
    assert!(!bad(
        None,
        "Have the client delegate `sykefravaer` in Altinn, or move it to a system user whose packages it gives."
    ));
}
