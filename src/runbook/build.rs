//! From `diff`'s steps to stages: who does what, in which order.
//!
//! Order: clients start on their letters at once (they must be done before
//! their client is added); the vendor registers the system and requests each
//! system user; an access manager approves; the vendor polls and looks each
//! system user up; the access manager adds the organisation itself where the
//! plan says so; the client administrator links clients; the end-user system
//! switches tokens; old system users are deleted; the register entry loses
//! packages no one needs last.

use super::body::{self, Body, Languages, Urn, VendorId};
use super::{
    Actor, Call, CallKind, Env, Missing, Phase, Runbook, SCOPE_REGISTER, SCOPE_REQUEST_READ,
    SCOPE_REQUEST_WRITE, Stage, encode,
};
use crate::diff::{ClientRef, RecreateReason, Step, SuRef, diff};
use crate::plan::{Plan, SystemUser, SystemUserType};
use std::collections::BTreeSet;

const API: &str = "/authentication/api/v1";

/// The runbook for `plan`, from nothing or (a migration) from `from`.
pub fn runbook(plan: &Plan, from: Option<&Plan>, env: Env) -> Result<Runbook, String> {
    let blank;
    let old = match from {
        Some(old) => old,
        None => {
            let mut b = plan.clone();
            b.system.access_packages.clear();
            b.system_users.clear();
            blank = b;
            &blank
        }
    };
    let d = diff(old, plan)?;
    let migration = from.is_some();
    let new_system = !migration
        || d.steps
            .iter()
            .any(|s| matches!(s, Step::ChangeSystem { .. }));
    let mut b = Builder::new(plan, old);

    let register_now = new_system
        || d.steps
            .iter()
            .any(|s| matches!(s, Step::RegisterPackages { .. }));
    let unregister = d
        .steps
        .iter()
        .any(|s| matches!(s, Step::UnregisterPackages { .. }));
    for step in &d.steps {
        b.take(step);
    }

    let mut rb = Runbook {
        env,
        base_url: env.base_url(),
        system_id: plan.system.id.clone(),
        vendor: plan.system.vendor.to_string(),
        organisation: plan.organisation.orgnr.to_string(),
        organisation_name: plan.organisation.name.clone(),
        migration,
        check_errors: crate::engine::check(plan).summary.errors,
        missing: Vec::new(),
        stages: Vec::new(),
    };
    if register_now || unregister {
        rb.missing = missing(plan);
    }
    let mut n = 0;
    let mut name = |what: &str| {
        n += 1;
        format!("{n:02}-{}", crate::text::slug(what))
    };

    // Clients: what each must do first.
    let todos = crate::letters::todos(plan);
    if !todos.is_empty() {
        let checklist = todos
            .iter()
            .map(|t| {
                let actions: Vec<String> = t
                    .actions
                    .iter()
                    .map(|a| crate::letters::action_short(a, crate::lang::Lang::En))
                    .collect();
                format!("{}: {}", t.client.label(), actions.join("; "))
            })
            .collect();
        rb.stages.push(Stage {
            actor: Actor::Clients,
            title: "Give the organisation every package of its system users (start now)".into(),
            how: "portal",
            token: "each client's own Altinn login (an access manager for delegations); Enhetsregisteret for roles".into(),
            calls: Vec::new(),
            checklist,
            notes: vec![
                "A client can be added to a system user only after this (AUTH-00080 otherwise). `sysuser letters` writes each client a letter and a CSV summary.".into(),
            ],
        });
    }

    // Deletions that must come before a request reusing the same external ref.
    if !b.delete_first.is_empty() {
        rb.stages.push(Stage {
            actor: Actor::AccessManager,
            title: "Delete the system users whose external ref is reused".into(),
            how: "portal",
            token: "an Altinn login as access manager of the organisation".into(),
            calls: Vec::new(),
            checklist: b.delete_first.iter().map(|s| format!("Delete {} in Altinn's portal.", su_label(s))).collect(),
            notes: vec!["(system, organisation, external ref) is unique, so the old one must go before the new request; the end-user system has no token for it until the new one is approved. Another external ref avoids the gap.".into()],
        });
    }

    // Vendor: register, request, change.
    let mut calls = Vec::new();
    let system_path = format!("{API}/systemregister/vendor/{}", encode(&plan.system.id));
    if register_now {
        let packages: Vec<&str> = if unregister {
            // Keep what the old system users still use until they are gone.
            let mut all: Vec<&str> = codes(&plan.system.access_packages);
            for c in codes(&old.system.access_packages) {
                if !all.contains(&c) {
                    all.push(c);
                }
            }
            all
        } else {
            codes(&plan.system.access_packages)
        };
        let body = Body::Register(register_body(plan, &packages));
        if new_system {
            calls.push(Call {
                name: name("register system"),
                title: format!("Register the system {}", plan.system.id),
                phase: Phase::Request,
                method: "POST",
                path: format!("{API}/systemregister/vendor"),
                scope: SCOPE_REGISTER,
                kind: CallKind::RegisterSystem,
                ok: vec![200, 201],
                body: Some(body),
                note: Some(format!(
                    "POST creates the entry. A 409 answer means it exists already: it is left as it is, because PUT ({system_path}) replaces the whole entry, `rights` included, and this plan does not describe rights. Use `requests --from CURRENT` to change an existing entry."
                )),
            });
        } else {
            calls.push(Call {
                name: name("update system"),
                title: format!("Add packages to the system {}", plan.system.id),
                phase: Phase::Request,
                method: "PUT",
                path: system_path.clone(),
                scope: SCOPE_REGISTER,
                kind: CallKind::ReplaceSystem,
                ok: vec![200, 204],
                body: Some(body),
                note: Some("PUT replaces the whole entry (there is no partial update), so the body is the whole entry: add any `rights` the system has before sending it.".into()),
            });
        }
    }
    for r in &b.requests {
        let su = plan_su(plan, &r.system_user);
        let agent = r.kind == SystemUserType::Client;
        calls.push(Call {
            name: name(&format!("request {}", r.system_user.external_ref)),
            title: format!(
                "Request the {} system user {}",
                if agent { "client (agent)" } else { "standard" },
                su_label(&r.system_user)
            ),
            phase: Phase::Request,
            method: "POST",
            path: if agent {
                format!("{API}/systemuser/request/vendor/agent")
            } else {
                format!("{API}/systemuser/request/vendor")
            },
            scope: SCOPE_REQUEST_WRITE,
            kind: CallKind::RequestSystemUser {
                system_user: r.system_user.name.clone(),
            },
            ok: vec![200, 201],
            body: Some(Body::Request(body::Request {
                external_ref: su
                    .filter(|s| !s.external_ref.trim().is_empty())
                    .map(|s| s.external_ref.trim().to_string()),
                system_id: plan.system.id.clone(),
                party_org_no: plan.organisation.orgnr.to_string(),
                integration_title: r.system_user.name.trim().to_string(),
                access_packages: body::urns(r.packages.iter().map(String::as_str)),
                redirect_url: plan.system.redirect_urls.first().cloned(),
            })),
            note: Some("201: a new request; its `confirmUrl` goes to the organisation's access manager. 200: a request with this (system, organisation, external ref) exists and is returned unchanged, whatever its packages: if they differ, delete it (DELETE …/request/vendor/{id}) and send this again.".into()),
        });
    }
    for c in &b.changes {
        calls.push(Call {
            name: name(&format!("change {}", c.system_user.external_ref)),
            title: format!("Change the packages of {}", su_label(&c.system_user)),
            phase: Phase::Request,
            method: "POST",
            path: format!(
                "{API}/systemuser/changerequest/vendor?correlation-id={{correlationId}}&system-user-id={{systemUserId}}"
            ),
            scope: SCOPE_REQUEST_WRITE,
            kind: CallKind::ChangeRequest {
                system_user: c.system_user.name.clone(),
                lookup: lookup_path(plan, &c.system_user.external_ref),
            },
            ok: vec![200, 201],
            body: Some(Body::Change(body::Change {
                required_rights: Vec::new(),
                unwanted_rights: Vec::new(),
                required_access_packages: body::urns(c.add.iter().map(String::as_str)),
                unwanted_access_packages: body::urns(c.remove.iter().map(String::as_str)),
                redirect_url: plan.system.redirect_urls.first().cloned(),
            })),
            note: Some("`systemUserId` is the system user's id (the lookup by query gives it); `correlationId` is a new UUID the vendor chooses. Standard system users only: a client one's packages cannot change (AUTH-00015).".into()),
        });
    }
    if !calls.is_empty() {
        let mut parts = Vec::new();
        match calls.first().map(|c| &c.kind) {
            Some(CallKind::RegisterSystem) => parts.push("Register the system"),
            Some(CallKind::ReplaceSystem) => parts.push("Update the system"),
            _ => {}
        }
        if !b.requests.is_empty() {
            parts.push("request the system users");
        }
        if !b.changes.is_empty() {
            parts.push("send the change requests");
        }
        let mut title = parts.join(" and ");
        if let Some(c) = title.get(..1).map(str::to_uppercase) {
            title.replace_range(..1, &c);
        }
        rb.stages
            .push(vendor_stage(plan, &title, calls, &rb.missing));
    }

    // Approvals.
    let mut approve = Vec::new();
    for r in &b.requests {
        approve.push(approval(plan, &r.system_user, r.kind, &r.packages));
    }
    for c in &b.changes {
        let mut item = format!(
            "Approve the change request for {} at its `confirmUrl`",
            su_label(&c.system_user)
        );
        if !c.add.is_empty() {
            item.push_str(&format!(
                ". The approver must be able to delegate {} personally",
                names(&c.add)
            ));
        }
        item.push('.');
        approve.push(item);
    }
    if !approve.is_empty() {
        rb.stages.push(Stage {
            actor: Actor::AccessManager,
            title: "Approve each request".into(),
            how: "portal",
            token: "an Altinn login (ID-porten) as access manager of the organisation".into(),
            calls: Vec::new(),
            checklist: approve,
            notes: vec!["The vendor sends each `confirmUrl` (the request's answer has it). A request not approved in 180 days times out.".into()],
        });
    }

    // Polling and lookups.
    let mut calls = Vec::new();
    for r in &b.requests {
        let ext = &r.system_user.external_ref;
        let kind = if r.kind == SystemUserType::Client {
            "vendor/agent"
        } else {
            "vendor"
        };
        calls.push(Call {
            name: name(&format!("status {ext}")),
            title: format!("Poll the request for {}", su_label(&r.system_user)),
            phase: Phase::Status,
            method: "GET",
            path: format!(
                "{API}/systemuser/request/{kind}/byexternalref/{}/{}/{}",
                encode(&plan.system.id),
                plan.organisation.orgnr,
                encode(ext)
            ),
            scope: SCOPE_REQUEST_READ,
            kind: CallKind::Poll {
                system_user: r.system_user.name.clone(),
            },
            ok: vec![200],
            body: None,
            note: Some("`status`: New, Accepted, Rejected, Denied or Timedout.".into()),
        });
        calls.push(Call {
            name: name(&format!("lookup {ext}")),
            title: format!("Look up the id of {} (after approval)", su_label(&r.system_user)),
            phase: Phase::Status,
            method: "GET",
            path: lookup_path(plan, ext),
            scope: SCOPE_REQUEST_WRITE,
            kind: CallKind::Lookup {
                system_user: r.system_user.name.clone(),
            },
            ok: vec![200],
            body: None,
            note: Some("The answer's `id` is the system user's id: the client administrator's calls and change requests name it.".into()),
        });
    }
    if !calls.is_empty() {
        rb.stages.push(vendor_stage(
            plan,
            "Follow each request and look up each system user",
            calls,
            &[],
        ));
    }

    if !b.include_self.is_empty() {
        rb.stages.push(Stage {
            actor: Actor::AccessManager,
            title: "Add the organisation itself to client system users".into(),
            how: "portal",
            token: "an Altinn login as access manager of the organisation".into(),
            calls: Vec::new(),
            checklist: b.include_self.clone(),
            notes: vec!["Portal only (Altinn's \"add own organisation\"; no vendor API), after the system user exists. Allowed only when every package on it is assignable.".into()],
        });
    }

    if !b.links.is_empty() {
        rb.stages.push(Stage {
            actor: Actor::ClientAdministrator,
            title: "Link the clients to each client system user".into(),
            how: "portal",
            token: "an Altinn login (ID-porten) as client administrator of the organisation; for the API, that login exchanged for an Altinn token with altinn:clientdelegations.read and altinn:clientdelegations.write".into(),
            calls: Vec::new(),
            checklist: b.links.clone(),
            notes: vec![format!(
                "By API: POST {API}/enduser/systemuser/clients?agent={{systemUserId}}&client={{clientPartyUuid}} (no body). Clients are named by party UUID: take it from GET {API}/enduser/systemuser/clients/available?agent={{systemUserId}} by `clientOrganizationNumber`. AUTH-00079: the client gives none of the packages; AUTH-00080: not all of them (see the Clients stage)."
            )],
        });
    }

    let mut eus = vec![format!(
        "Ask Maskinporten for each system user's token with the organisation's own number ({}), never the client's, and the system user's external ref: `sysuser tokens` prints each `authorization_details` and which system user serves which client and package.",
        plan.organisation.orgnr
    )];
    eus.extend(b.switch.iter().cloned());
    rb.stages.push(Stage {
        actor: Actor::EndUserSystem,
        title: "Use the right token for each client and package".into(),
        how: "configuration",
        token: "the vendor's Maskinporten client (JWT grant with authorization_details); never share its key".into(),
        calls: Vec::new(),
        checklist: eus,
        notes: Vec::new(),
    });

    if !b.deletes.is_empty() {
        rb.stages.push(Stage {
            actor: Actor::AccessManager,
            title: "Delete the old system users".into(),
            how: "portal",
            token: "an Altinn login as access manager of the organisation".into(),
            calls: Vec::new(),
            checklist: b.deletes.clone(),
            notes: vec!["Portal only (no vendor API). Deleting a client system user removes its client links too, so do it after the clients are linked elsewhere.".into()],
        });
    }

    if unregister {
        let body = Body::Register(register_body(plan, &codes(&plan.system.access_packages)));
        let calls = vec![Call {
            name: name("update system final"),
            title: format!(
                "Remove the packages no system user needs from {}",
                plan.system.id
            ),
            phase: Phase::Finish,
            method: "PUT",
            path: system_path,
            scope: SCOPE_REGISTER,
            kind: CallKind::ReplaceSystem,
            ok: vec![200, 204],
            body: Some(body),
            note: Some(
                "Last: the old system users had to be deleted first. PUT replaces the whole entry."
                    .into(),
            ),
        }];
        rb.stages.push(vendor_stage(
            plan,
            "Clean up the system register entry",
            calls,
            &[],
        ));
    }
    Ok(rb)
}

fn vendor_stage(plan: &Plan, title: &str, calls: Vec<Call>, missing: &[Missing]) -> Stage {
    let scopes: BTreeSet<&str> = calls.iter().map(|c| c.scope).collect();
    let mut notes = Vec::new();
    let registers = calls
        .iter()
        .any(|c| matches!(c.kind, CallKind::RegisterSystem | CallKind::ReplaceSystem));
    if registers && (plan.system.locally_installed || plan.system.vendor == plan.organisation.orgnr)
    {
        notes.push("Here the organisation is its own vendor (scenario E): it registers the system with its own Maskinporten client; a vendor's key is never shared.".into());
    }
    if !missing.is_empty() {
        notes.push(format!(
            "Fill in {} in the plan first (see \"Fill in first\").",
            missing
                .iter()
                .map(|m| format!("`{}`", m.field))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Stage {
        actor: Actor::Vendor,
        title: title.into(),
        how: "api",
        token: format!(
            "a Maskinporten token of the vendor ({}) with scope {}",
            plan.system.vendor,
            scopes.into_iter().collect::<Vec<_>>().join(" ")
        ),
        calls,
        checklist: Vec::new(),
        notes,
    }
}

fn lookup_path(plan: &Plan, external_ref: &str) -> String {
    format!(
        "{API}/systemuser/vendor/byquery?system-id={}&orgno={}&external-ref={}",
        encode(&plan.system.id),
        plan.organisation.orgnr,
        encode(external_ref)
    )
}

fn approval(plan: &Plan, s: &SuRef, kind: SystemUserType, packages: &[String]) -> String {
    match kind {
        SystemUserType::Standard => format!(
            "Approve {}, a standard system user, at its `confirmUrl`. The approver must personally be able to delegate every package on it: {}.",
            su_label(s),
            names(packages)
        ),
        SystemUserType::Client => {
            let clients = plan_su(plan, s).map_or(0, |su| su.clients.len());
            format!(
                "Approve {}, a system user for client relationships with {}, at its `confirmUrl`; its {} are linked afterwards.",
                su_label(s),
                names(packages),
                crate::text::counted(clients, "client")
            )
        }
    }
}

/// What the register entry needs that only the vendor knows.
fn missing(plan: &Plan) -> Vec<Missing> {
    let mut out = Vec::new();
    for (field, texts) in [
        ("name", &plan.system.name),
        ("description", &plan.system.description),
    ] {
        let langs: Vec<&str> = [("nb", &texts.nb), ("nn", &texts.nn), ("en", &texts.en)]
            .into_iter()
            .filter(|(_, v)| v.trim().is_empty())
            .map(|(l, _)| l)
            .collect();
        if !langs.is_empty() {
            out.push(Missing {
                field: format!("system.{field}"),
                why: format!(
                    "the register entry's `{field}` in {} (what people see when they approve)",
                    langs.join(", ")
                ),
            });
        }
    }
    if plan.system.maskinporten_client_ids.is_empty() {
        out.push(Missing {
            field: "system.maskinporten_client_ids".into(),
            why: "the register entry's `clientId`: the vendor's Maskinporten client id(s), which the end-user system's tokens come from (the id only, never a key)".into(),
        });
    }
    out
}

fn register_body(plan: &Plan, packages: &[&str]) -> body::Register {
    body::Register {
        id: plan.system.id.clone(),
        vendor: VendorId {
            id: format!("0192:{}", plan.system.vendor),
        },
        name: Languages::from_texts(&plan.system.name),
        description: Languages::from_texts(&plan.system.description),
        rights: Vec::<Urn>::new(),
        access_packages: body::urns(packages.iter().copied()),
        client_id: plan.system.maskinporten_client_ids.clone(),
        allowed_redirect_urls: plan.system.redirect_urls.clone(),
        is_visible: plan.system.visible,
    }
}

fn codes(p: &[crate::plan::PackageRef]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in p.iter().map(|p| p.code()) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn su_label(s: &SuRef) -> String {
    format!("«{}» (external ref `{}`)", s.name, s.external_ref)
}

/// "«Sykefravær» (sykefravaer), …": the Norwegian name people see in the portal, and the code.
fn names(codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| match crate::catalog::catalog().get(c) {
            Some(p) => format!("«{}» ({c})", p.name_nb),
            None => format!("`{c}`"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn clients(cs: &[ClientRef]) -> String {
    cs.iter()
        .map(ClientRef::label)
        .collect::<Vec<_>>()
        .join(", ")
}

fn plan_su<'a>(plan: &'a Plan, s: &SuRef) -> Option<&'a SystemUser> {
    plan.system_users
        .iter()
        .find(|su| su.effective_external_ref(plan) == s.external_ref)
}

struct RequestStep {
    system_user: SuRef,
    kind: SystemUserType,
    packages: Vec<String>,
}

struct ChangeStep {
    system_user: SuRef,
    add: Vec<String>,
    remove: Vec<String>,
}

/// `diff`'s steps sorted into the stages' lists.
struct Builder<'a> {
    plan: &'a Plan,
    requests: Vec<RequestStep>,
    changes: Vec<ChangeStep>,
    include_self: Vec<String>,
    links: Vec<String>,
    switch: Vec<String>,
    deletes: Vec<String>,
    delete_first: Vec<SuRef>,
}

impl<'a> Builder<'a> {
    fn new(plan: &'a Plan, _old: &'a Plan) -> Builder<'a> {
        Builder {
            plan,
            requests: Vec::new(),
            changes: Vec::new(),
            include_self: Vec::new(),
            links: Vec::new(),
            switch: Vec::new(),
            deletes: Vec::new(),
            delete_first: Vec::new(),
        }
    }

    fn self_item(&mut self, s: &SuRef) {
        self.include_self.push(format!(
            "Add the organisation itself ({}) to {}.",
            self.plan.organisation.orgnr,
            su_label(s)
        ));
    }

    fn take(&mut self, step: &Step) {
        match step {
            Step::ChangeSystem { from, to } => self.switch.push(format!(
                "The system changes from {from} to {to}: every system user is new, so every token changes."
            )),
            Step::RegisterPackages { .. } | Step::UnregisterPackages { .. } => {}
            Step::RequestSystemUser { system_user, kind, packages, include_self } => {
                self.requests.push(RequestStep {
                    system_user: system_user.clone(),
                    kind: *kind,
                    packages: packages.clone(),
                });
                if *include_self {
                    self.self_item(system_user);
                }
            }
            Step::ChangePackages { system_user, add, remove } => self.changes.push(ChangeStep {
                system_user: system_user.clone(),
                add: add.clone(),
                remove: remove.clone(),
            }),
            Step::IncludeSelf { system_user, include } => {
                if *include {
                    self.self_item(system_user);
                } else {
                    self.include_self.push(format!(
                        "Remove the organisation itself from {}; its own reporting then needs a standard system user.",
                        su_label(system_user)
                    ));
                }
            }
            Step::AddClients { system_user, clients: cs } => self.links.push(format!(
                "Add to {}: {}.",
                su_label(system_user),
                clients(cs)
            )),
            Step::MoveClients { from, to, clients: cs } => self.links.push(format!(
                "Move from {} to {} (add each to the new one first, then remove it from the old one): {}.",
                su_label(from),
                su_label(to),
                clients(cs)
            )),
            Step::RecreateSystemUser { old, new, kind, packages, include_self, reason, clients: cs, .. } => {
                self.requests.push(RequestStep {
                    system_user: new.clone(),
                    kind: *kind,
                    packages: packages.clone(),
                });
                if *include_self {
                    self.self_item(new);
                }
                if !cs.is_empty() {
                    self.links.push(format!(
                        "Add to the new {} (it replaces {}): {}.",
                        su_label(new),
                        su_label(old),
                        clients(cs)
                    ));
                }
                let why = match reason {
                    RecreateReason::Packages => "its packages change, and a client system user's packages are fixed",
                    RecreateReason::Type => "its type changes, and a system user's type is fixed",
                    RecreateReason::ExternalRef => "its external ref changes, and Altinn fixes it at creation",
                };
                if old.external_ref == new.external_ref {
                    self.delete_first.push(old.clone());
                } else {
                    self.switch.push(format!(
                        "Switch from the token of {} to the new external ref `{}` once {} is approved and its clients are linked.",
                        su_label(old),
                        new.external_ref,
                        su_label(new)
                    ));
                    self.deletes.push(format!(
                        "Delete {} ({why}) once the end-user system uses {}.",
                        su_label(old),
                        su_label(new)
                    ));
                }
            }
            Step::RemoveClients { system_user, clients: cs } => self.links.push(format!(
                "Remove from {}: {}.",
                su_label(system_user),
                clients(cs)
            )),
            Step::DeleteSystemUser { system_user, unserved, .. } => {
                self.switch.push(format!(
                    "Stop using the token of {} before it is deleted.",
                    su_label(system_user)
                ));
                let mut item = format!("Delete {}.", su_label(system_user));
                if !unserved.is_empty() {
                    item.push_str(&format!(" These clients are then on no system user: {}.", clients(unserved)));
                }
                self.deletes.push(item);
            }
            Step::Rename { external_ref, from, to } => self.switch.push(format!(
                "Rename «{from}» to «{to}» in the end-user system (external ref `{external_ref}`; nothing changes in Altinn)."
            )),
        }
    }
}
