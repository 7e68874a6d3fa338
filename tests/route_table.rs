//! The routing table and one-route lookups.

use sysuser::plan::parse;
use sysuser::route::{NoRoute, PartyKind, Status, lookup, table};

const PLAN: &str = r#"
version: 1
organisation: { orgnr: "310202398", name: Tiger AS, operational_units: [{ orgnr: "311037889", name: Tiger Oslo }] }
system:
  id: "991825827_smartcloud"
  vendor: "991825827"
  visible: false
  access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer, merverdiavgift]
own_packages: [merverdiavgift]
clients:
  - { orgnr: "312655985", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer], operational_units: [{ orgnr: "310000043", name: A Bergen }] }
  - { orgnr: "310000027", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "310000035", name: Skolen, unit_type: ORGL, sub_entity: true, delegated: [sykefravaer] }
  - { orgnr: "310000051", name: Nobody AS }
system_users:
  - { name: Own, type: standard, access_packages: [merverdiavgift] }
  - { name: Accounting, external_ref: accounting, type: client, access_packages: [regnskapsforer-med-signeringsrettighet], clients: ["312655985", "310000027"] }
  - { name: Accounting + sick leave, external_ref: acc-sick, type: client, access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer], clients: ["312655985", "310000027"] }
  - { name: Sick leave, external_ref: sick, type: client, access_packages: [sykefravaer], clients: ["310000035"] }
"#;

fn plan() -> sysuser::plan::Plan {
    parse(PLAN, "t.yaml").unwrap()
}

#[test]
fn the_table_lists_every_party_and_package_in_plan_order() {
    let p = plan();
    let rows = table(&p);
    let shown: Vec<(&str, &str, PartyKind, Status, Vec<&str>)> = rows
        .iter()
        .map(|r| {
            (
                r.party,
                r.package,
                r.kind,
                r.status,
                r.system_users.iter().map(|s| s.name).collect(),
            )
        })
        .collect();
    use PartyKind::*;
    use Status::*;
    assert_eq!(
        shown,
        vec![
            (
                "310202398",
                "merverdiavgift",
                Organisation,
                Served,
                vec!["Own"]
            ),
            (
                "311037889",
                "merverdiavgift",
                OperationalUnit,
                Served,
                vec!["Own"]
            ),
            (
                "312655985",
                "regnskapsforer-med-signeringsrettighet",
                Client,
                Ambiguous,
                vec!["Accounting", "Accounting + sick leave"]
            ),
            (
                "312655985",
                "sykefravaer",
                Client,
                Served,
                vec!["Accounting + sick leave"]
            ),
            (
                "310000043",
                "regnskapsforer-med-signeringsrettighet",
                ClientOperationalUnit,
                Ambiguous,
                vec!["Accounting", "Accounting + sick leave"]
            ),
            (
                "310000043",
                "sykefravaer",
                ClientOperationalUnit,
                Served,
                vec!["Accounting + sick leave"]
            ),
            // Client B fails the AND rule on the second system user: not served by it.
            (
                "310000027",
                "regnskapsforer-med-signeringsrettighet",
                Client,
                Served,
                vec!["Accounting"]
            ),
            (
                "310000035",
                "sykefravaer",
                SubEntity,
                Served,
                vec!["Sick leave"]
            ),
        ]
    );
    assert_eq!(rows[1].via, Some("310202398"));
    assert_eq!(rows[4].via, Some("312655985"));
    // An empty external ref means the organisation number.
    assert_eq!(rows[0].system_users[0].external_ref, "310202398");
}

#[test]
fn lookup_finds_served_and_ambiguous_routes() {
    let p = plan();
    let r = lookup(&p, "312655985", "sykefravaer").unwrap();
    assert_eq!(r.status, Status::Served);
    assert_eq!(r.system_users[0].external_ref, "acc-sick");
    let r = lookup(
        &p,
        "312655985",
        "urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet",
    )
    .unwrap();
    assert_eq!(r.status, Status::Ambiguous);
    assert_eq!(r.system_users.len(), 2);
    let r = lookup(&p, "311037889", "merverdiavgift").unwrap();
    assert_eq!(
        (r.kind, r.via),
        (PartyKind::OperationalUnit, Some("310202398"))
    );
    let r = lookup(&p, "310000043", "sykefravaer").unwrap();
    assert_eq!(r.kind, PartyKind::ClientOperationalUnit);
}

#[test]
fn lookup_says_why_there_is_no_route() {
    let p = plan();
    let reason = |party: &str, package: &str| lookup(&p, party, package).unwrap_err();
    assert!(matches!(
        reason("310000027", "sykefravaer"),
        NoRoute::NotAvailable { .. }
    ));
    assert!(matches!(
        reason("999999999", "sykefravaer"),
        NoRoute::UnknownParty { .. }
    ));
    assert!(matches!(
        reason("310000051", "sykefravaer"),
        NoRoute::NoRelationship { .. }
    ));
    assert!(matches!(
        reason("310202398", "sykefravaer"),
        NoRoute::NotOnSystemUser {
            organisation: true,
            ..
        }
    ));
    assert!(matches!(
        reason("310202398", "skatt-naering"),
        NoRoute::NotInSystem { .. }
    ));
    match reason("310000035", "sykmelding") {
        NoRoute::UnknownPackage { nearest, .. } => assert_eq!(nearest[0], "sykefravaer"),
        other => panic!("{other:?}"),
    }
    let e = reason("310000027", "sykefravaer");
    assert!(e.to_string().contains("Client B AS (310000027)"), "{e}");
}

#[test]
fn a_client_failing_the_and_rule_is_told_what_it_lacks() {
    // Client B on a system user with regnskapsforer + sykefravaer, asked for regnskapsforer.
    let p = parse(
        &PLAN.replace(
            "clients: [\"312655985\", \"310000027\"] }\n  - { name: Accounting + sick",
            "clients: [\"312655985\"] }\n  - { name: Accounting + sick",
        ),
        "t.yaml",
    )
    .unwrap();
    match lookup(&p, "310000027", "regnskapsforer-med-signeringsrettighet").unwrap_err() {
        NoRoute::ClientMissingPackages {
            system_user,
            missing,
            ..
        } => {
            assert_eq!(system_user, "Accounting + sick leave");
            assert_eq!(missing, ["sykefravaer"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn lookup_agrees_with_the_table() {
    let p = plan();
    for row in table(&p) {
        let found = lookup(&p, row.party, row.package);
        match row.status {
            Status::None => assert!(found.is_err(), "{row:?}"),
            _ => assert_eq!(found.unwrap().system_users, row.system_users),
        }
    }
}
