//! `sysuser tokens`: what the end-user system sends Maskinporten for each
//! system user, and which one to use for which party and package.
//!
//! The `authorization_details` always name the **owner's** organisation
//! number, also for client system users (naming the client's is a common
//! error, Maskinporten MP-303), and the system user's external ref. Which
//! system user serves which (party, package) is the routing table's answer
//! ([`crate::route::table`]); operational units follow their main unit.

use crate::plan::{Plan, SystemUserType};
use crate::route::{self, Status};
use serde::Serialize;

/// One `authorization_details` entry, field for field as Maskinporten takes it.
#[derive(Debug, Clone, Serialize)]
pub struct AuthorizationDetail {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub systemuser_org: SystemuserOrg,
    #[serde(rename = "externalRef")]
    pub external_ref: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SystemuserOrg {
    pub authority: &'static str,
    #[serde(rename = "ID")]
    pub id: String,
}

/// A party a system user acts for, with the packages it serves it with.
#[derive(Debug, Clone, Serialize)]
pub struct Serves {
    pub party: String,
    pub name: String,
    pub kind: &'static str,
    pub packages: Vec<String>,
}

/// One system user's token.
#[derive(Debug, Clone, Serialize)]
pub struct Token {
    pub system_user: String,
    #[serde(rename = "type")]
    pub kind: SystemUserType,
    pub authorization_details: Vec<AuthorizationDetail>,
    pub serves: Vec<Serves>,
}

/// A (party, package) pair no system user, or more than one, serves.
#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub party: String,
    pub name: String,
    pub package: String,
    pub status: Status,
    pub system_users: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub gaps: Vec<Gap>,
}

/// The token of every system user, in plan order, and the routing gaps.
pub fn tokens(plan: &Plan) -> Tokens {
    let owner = format!("0192:{}", plan.organisation.orgnr);
    let mut tokens: Vec<Token> = plan
        .system_users
        .iter()
        .map(|su| Token {
            system_user: su.name.clone(),
            kind: su.kind,
            authorization_details: vec![AuthorizationDetail {
                kind: "urn:altinn:systemuser",
                systemuser_org: SystemuserOrg {
                    authority: "iso6523-actorid-upis",
                    id: owner.clone(),
                },
                external_ref: su.effective_external_ref(plan).to_string(),
            }],
            serves: Vec::new(),
        })
        .collect();
    let mut gaps = Vec::new();
    for r in route::table(plan) {
        if r.kind.is_unit() {
            continue;
        }
        if r.status != Status::Served {
            gaps.push(Gap {
                party: r.party.to_string(),
                name: r.party_name.to_string(),
                package: r.package.to_string(),
                status: r.status,
                system_users: r.system_users.iter().map(|s| s.name.to_string()).collect(),
            });
        }
        for s in &r.system_users {
            let serves = &mut tokens[s.index].serves;
            match serves.last_mut().filter(|x| x.party == r.party) {
                Some(x) => x.packages.push(r.package.to_string()),
                None => serves.push(Serves {
                    party: r.party.to_string(),
                    name: r.party_name.to_string(),
                    kind: r.kind.as_str(),
                    packages: vec![r.package.to_string()],
                }),
            }
        }
    }
    Tokens { tokens, gaps }
}

/// For people: each system user's `authorization_details` and what it serves.
pub fn text(plan: &Plan) -> String {
    let t = tokens(plan);
    let mut s = format!(
        "Maskinporten tokens for {} (system {}). Always the owner's number {}, also for clients (MP-303 otherwise).\n",
        label(&plan.organisation.name, plan.organisation.orgnr.as_str()),
        plan.system.id,
        plan.organisation.orgnr
    );
    if t.tokens.is_empty() {
        s.push_str("\nThe plan has no system users yet: run `sysuser advise` first.\n");
    }
    for tok in &t.tokens {
        s.push_str(&format!(
            "\n«{}» ({}), external ref `{}`\n  authorization_details: {}\n",
            tok.system_user,
            tok.kind.as_str(),
            tok.authorization_details[0].external_ref,
            serde_json::to_string(&tok.authorization_details).expect("serialises")
        ));
        if tok.serves.is_empty() {
            s.push_str("  serves nothing in this plan\n");
        }
        for sv in &tok.serves {
            s.push_str(&format!(
                "  for {} {}: {}\n",
                sv.kind,
                label(&sv.name, &sv.party),
                sv.packages.join(", ")
            ));
        }
    }
    if !t.gaps.is_empty() {
        s.push_str(
            "\nNot served by exactly one system user (see `sysuser routes`, `sysuser check`):\n",
        );
        for g in &t.gaps {
            let who = match g.status {
                Status::None => "none".to_string(),
                _ => g.system_users.join(", "),
            };
            s.push_str(&format!(
                "  {} with {}: {} ({who})\n",
                label(&g.name, &g.party),
                g.package,
                g.status.as_str()
            ));
        }
    }
    s.push_str("\nOperational units use their main unit's token. The scope is that of the API the end-user system calls.\n");
    s
}

fn label(name: &str, orgnr: &str) -> String {
    if name.is_empty() {
        orgnr.to_string()
    } else {
        format!("{name} ({orgnr})")
    }
}
