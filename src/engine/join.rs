//! Whether a client can join a client system user, and why not: the AND rule
//! (AUTH-00080) and "not a client" (AUTH-00079) asked for one pair, so an
//! editor can offer the clients Altinn would accept and say why it refuses
//! the others in `check`'s own words.

use super::{available_packages, check, missing_packages};
use crate::plan::{Client, Plan, SystemUser, SystemUserType};
use crate::rules::{Finding, Severity};

/// Whether Altinn lists `client` for client system user `su`: it has a
/// relationship with the organisation and gives every package of `su`.
pub fn qualifies(su: &SystemUser, client: &Client) -> bool {
    su.kind == SystemUserType::Client
        && client.has_relationship()
        && missing_packages(su, &available_packages(client))
            .next()
            .is_none()
}

/// The errors `check` would report for `client` on `su`: the check run on
/// the plan cut down to the organisation, its system, this client and this
/// system user (so it costs the same at 100,000 clients as at one).
pub fn join_findings(plan: &Plan, su: &SystemUser, client: &Client) -> Vec<Finding> {
    // Field by field: cloning `su` would copy all its clients only to drop them.
    let one = SystemUser {
        name: su.name.clone(),
        external_ref: su.external_ref.clone(),
        kind: su.kind,
        access_packages: su.access_packages.clone(),
        clients: vec![client.orgnr.clone()],
        include_self: su.include_self,
        teams: su.teams.clone(),
        why: None,
    };
    let pair = Plan {
        version: plan.version,
        organisation: plan.organisation.clone(),
        system: plan.system.clone(),
        own_packages: Vec::new(),
        options: plan.options.clone(),
        clients: vec![client.clone()],
        teams: Vec::new(),
        system_users: vec![one],
        advice: None,
    };
    check(&pair)
        .findings
        .into_iter()
        .filter(|f| {
            f.severity == Severity::Error
                && f.system_user.as_deref() == Some(su.name.as_str())
                && f.client.as_deref() == Some(client.orgnr.as_str())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    fn plan() -> Plan {
        crate::plan::parse(
            r#"
version: 1
organisation: { orgnr: "310202398", name: Firm AS, unit_type: AS }
system: { id: "991825827_x", vendor: "991825827", access_packages: [regnskapsforer-med-signeringsrettighet, a-ordning, sykefravaer] }
clients:
  - { orgnr: "312655985", name: A AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "312655993", name: B AS, unit_type: AS, delegated: [a-ordning] }
  - { orgnr: "312656000", name: C AS, unit_type: AS }
system_users:
  - { name: Acc, external_ref: acc, type: client, access_packages: [regnskapsforer-med-signeringsrettighet] }
  - { name: Pay, external_ref: pay, type: client, access_packages: [a-ordning, sykefravaer] }
"#,
            "p.yaml",
        )
        .unwrap()
    }

    #[test]
    fn a_client_qualifies_exactly_when_check_finds_nothing_for_the_pair() {
        let p = plan();
        for su in &p.system_users {
            for c in &p.clients {
                let found = join_findings(&p, su, c);
                assert_eq!(
                    qualifies(su, c),
                    found.is_empty(),
                    "{} {}: {found:?}",
                    su.name,
                    c.name
                );
            }
        }
    }

    #[test]
    fn the_reasons_are_the_rules_of_check() {
        let p = plan();
        let (acc, pay) = (&p.system_users[0], &p.system_users[1]);
        let rules = |su, c| -> Vec<(Rule, Option<&str>)> {
            join_findings(&p, su, c)
                .iter()
                .map(|f| (f.rule, f.altinn_code))
                .collect()
        };
        assert_eq!(
            rules(acc, &p.clients[1]),
            [(Rule::NotAClient, Some("AUTH-00079"))]
        );
        assert_eq!(
            rules(pay, &p.clients[1]),
            [(Rule::ClientMissingPackage, Some("AUTH-00080"))]
        );
        assert_eq!(rules(acc, &p.clients[2])[0].0, Rule::NotAClient);
    }
}
