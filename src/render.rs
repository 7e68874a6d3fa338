//! Trees: the plan drawn as the guidance's diagrams.
//!
//! One tree builder ([`tree`]) makes the nodes the guidance draws — the
//! organisation, each system user, its access packages, what it covers, its
//! clients and their operational units — and one printer per [`Format`] turns
//! them into text. Labels are worded once, in [`Labels`], in English and bokmål.
//! Long lists are cut while building, so a plan with 100,000 clients costs no
//! more than the nodes that are printed.

use crate::catalog::{Fit, catalog};
use crate::lang::Lang;
use crate::plan::{Client, Plan, SystemUser, SystemUserType, Unit};
use std::borrow::Cow;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Box-drawing characters (`├──`, `│`, `└──`).
    #[default]
    Text,
    /// `|--`, `` `-- ``.
    Ascii,
    Markdown,
    Mermaid,
    Dot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    /// Clients shown per system user before "… and N more clients"; `None`: all.
    pub limit: Option<usize>,
    /// Language of the labels ("en" or "nb").
    pub lang: &'static str,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::Text,
            limit: Some(10),
            lang: "en",
        }
    }
}

/// What a node stands for; tests and front ends compare trees by kind and key
/// rather than by printed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    Organisation,
    SystemUser,
    Package,
    /// What a standard (or `include_self`) system user acts for itself.
    Covers,
    Client,
    OperationalUnit,
    /// "… and N more clients": the rest of a cut list.
    More,
    /// A remark, e.g. that the plan has no system users yet.
    Note,
}

/// One line of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    /// The identifying part of the label, language-independent where possible:
    /// the system user's name, the package code, the client's or unit's name
    /// (its orgnr when unnamed), the number of hidden items for [`NodeKind::More`].
    pub key: String,
    /// The full label as printed.
    pub label: String,
    /// The organisation number of the party the node stands for (the
    /// organisation, a client, an operational unit), so that drawings can
    /// mark a finding's subject.
    pub orgnr: Option<String>,
    /// For a client: the legal bases its label words, as data (drawings give
    /// each basis its own look).
    pub bases: Vec<Basis>,
    pub children: Vec<Node>,
}

/// One legal basis on which a system user acts for a client.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Basis {
    /// An ER role (its id in the catalog's role table) that gives one of the
    /// system user's packages.
    Role(String),
    /// The client delegated one of the system user's packages in Altinn.
    Delegated,
    /// The client is a sub-entity of the organisation.
    SubEntity,
    /// The client is not under `clients:` in the plan.
    NotAClient,
}

impl Node {
    fn new(kind: NodeKind, key: impl Into<String>, label: String) -> Node {
        Node {
            kind,
            key: key.into(),
            label,
            orgnr: None,
            bases: Vec::new(),
            children: Vec::new(),
        }
    }

    fn of(mut self, orgnr: &str) -> Node {
        self.orgnr = Some(orgnr.to_string());
        self
    }

    /// Every node below this one (not itself), depth first, in print order.
    pub fn descendants(&self) -> Vec<&Node> {
        let mut out = Vec::new();
        let mut stack: Vec<&Node> = self.children.iter().rev().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(n.children.iter().rev());
        }
        out
    }
}

/// Every word the tree prints, per language, in one place.
pub struct Labels {
    pub system_user: &'static str,
    pub standard: &'static str,
    pub client_relationship: &'static str,
    pub ext_ref: &'static str,
    pub team: &'static str,
    pub teams: &'static str,
    pub access_package: &'static str,
    pub delegated_by_client: &'static str,
    pub not_in_catalog: &'static str,
    pub covers: &'static str,
    pub plus_units_inherited: &'static str,
    pub client: &'static str,
    pub operational_unit: &'static str,
    /// Bokmål: other ER roles are named from the ER-role table in this language.
    pub nb: bool,
    pub registered_accountant: &'static str,
    pub registered_auditor: &'static str,
    pub property_manager: &'static str,
    pub delegated_in_altinn: &'static str,
    pub sub_entity: &'static str,
    pub not_a_client: &'static str,
    pub no_matching_relationship: &'static str,
    pub main_entity: &'static str,
    pub own_vendor: &'static str,
    /// "and {n} more client(s)": one, many.
    pub more_clients: (&'static str, &'static str),
    /// "and {n} more operational unit(s)": one, many.
    pub more_units: (&'static str, &'static str),
    pub no_system_users: &'static str,
    pub heading: &'static str,
    pub package_count: (&'static str, &'static str),
    pub client_count: (&'static str, &'static str),
    /// The language the labels are in; counts are written as it writes them.
    pub lang: Lang,
}

const EN: Labels = Labels {
    system_user: "System user",
    standard: "standard",
    client_relationship: "client relationship",
    ext_ref: "ref",
    team: "team",
    teams: "teams",
    access_package: "Access package",
    delegated_by_client: "delegated by the client",
    not_in_catalog: "not in Altinn's catalog",
    covers: "Covers",
    plus_units_inherited: "+ operational units (inherited automatically)",
    client: "Client",
    operational_unit: "Operational unit",
    nb: false,
    registered_accountant: "registered accountant",
    registered_auditor: "registered auditor",
    property_manager: "property manager",
    delegated_in_altinn: "delegated in Altinn",
    sub_entity: "sub-entity",
    not_a_client: "not among the clients",
    no_matching_relationship: "no matching relationship",
    main_entity: "main entity",
    own_vendor: "= system vendor + system customer",
    more_clients: ("and 1 more client", "and {n} more clients"),
    more_units: (
        "and 1 more operational unit",
        "and {n} more operational units",
    ),
    no_system_users: "no system users yet — run `sysuser advise`",
    heading: "System users",
    package_count: ("access package", "access packages"),
    client_count: ("client", "clients"),
    lang: Lang::En,
};

const NB: Labels = Labels {
    system_user: "Systembruker",
    standard: "standard",
    client_relationship: "klientforhold",
    ext_ref: "ref",
    team: "team",
    teams: "team",
    access_package: "Tilgangspakke",
    delegated_by_client: "delegert av klienten",
    not_in_catalog: "finnes ikke i Altinns katalog",
    covers: "Dekker",
    plus_units_inherited: "+ underenheter (arves automatisk)",
    client: "Klient",
    operational_unit: "Underenhet",
    nb: true,
    registered_accountant: "registrert regnskapsfører",
    registered_auditor: "registrert revisor",
    property_manager: "forretningsfører",
    delegated_in_altinn: "delegert i Altinn",
    sub_entity: "organisasjonsledd",
    not_a_client: "ikke blant klientene",
    no_matching_relationship: "ingen passende klientforhold",
    main_entity: "hovedenhet",
    own_vendor: "= systemleverandør + systemkunde",
    more_clients: ("og 1 klient til", "og {n} flere klienter"),
    more_units: ("og 1 underenhet til", "og {n} flere underenheter"),
    no_system_users: "ingen systembrukere ennå — kjør `sysuser advise`",
    heading: "Systembrukere",
    package_count: ("tilgangspakke", "tilgangspakker"),
    client_count: ("klient", "klienter"),
    lang: Lang::Nb,
};

/// The label set for a language: bokmål for "nb" (and "no"/"nn"), else English.
pub fn labels(lang: &str) -> &'static Labels {
    match Lang::from_code(lang) {
        Lang::En => &EN,
        Lang::Nb => &NB,
    }
}

impl Labels {
    fn count(&self, n: usize) -> String {
        crate::text::thousands_in(n, self.lang)
    }

    fn more(&self, (one, many): (&str, &str), n: usize) -> String {
        let template = if n == 1 { one } else { many };
        format!("… {}", template.replace("{n}", &self.count(n)))
    }

    fn plural(&self, (one, many): (&'static str, &'static str), n: usize) -> String {
        format!("{} {}", self.count(n), if n == 1 { one } else { many })
    }
}

/// The plan's tree in the requested format.
pub fn render(plan: &Plan, options: &Options) -> String {
    let root = tree(plan, options);
    match options.format {
        Format::Text => text(&root, &UTF8),
        Format::Ascii => text(&root, &ASCII),
        Format::Markdown => markdown(plan, &root, labels(options.lang)),
        Format::Mermaid => mermaid(&root),
        Format::Dot => dot(&root),
    }
}

/// Builds the tree the printers draw: the same nodes, in the same order, as
/// the guidance's diagrams. Clients and operational units beyond
/// `options.limit` are counted into one [`NodeKind::More`] node, not built.
pub fn tree(plan: &Plan, options: &Options) -> Node {
    let l = labels(options.lang);
    let mut root = Node::new(
        NodeKind::Organisation,
        display_name(&plan.organisation.name, plan.organisation.orgnr.as_str()),
        organisation_label(plan, l),
    )
    .of(plan.organisation.orgnr.as_str());
    if plan.system_users.is_empty() {
        root.children.push(Node::new(
            NodeKind::Note,
            "no-system-users",
            l.no_system_users.to_string(),
        ));
        return root;
    }
    let clients = shown_clients(plan, options.limit);
    let numbered = plan.system_users.len() > 1;
    for (i, su) in plan.system_users.iter().enumerate() {
        root.children.push(system_user_node(
            plan,
            su,
            numbered.then_some(i + 1),
            &clients,
            options,
        ));
    }
    root
}

/// The clients the tree will print, found in one pass over the plan's client
/// list that stops once all are found (a plan may hold far more clients than
/// are shown). The first entry wins when an orgnr is listed twice, as in `Plan::client`.
fn shown_clients(plan: &Plan, limit: Option<usize>) -> HashMap<&str, &Client> {
    let mut wanted: HashMap<&str, &Client> = HashMap::new();
    let mut shown: Vec<&str> = Vec::new();
    for su in &plan.system_users {
        let take = limit.unwrap_or(usize::MAX).min(su.clients.len());
        shown.extend(su.clients[..take].iter().map(|o| o.as_str()));
    }
    if shown.is_empty() {
        return wanted;
    }
    let wanted_set: std::collections::HashSet<&str> = shown.into_iter().collect();
    for c in &plan.clients {
        let k = c.orgnr.as_str();
        if wanted_set.contains(k) {
            wanted.entry(k).or_insert(c);
            if wanted.len() == wanted_set.len() {
                break;
            }
        }
    }
    wanted
}

fn display_name<'a>(name: &'a str, orgnr: &'a str) -> &'a str {
    if name.trim().is_empty() { orgnr } else { name }
}

/// "Name [orgnr]", or the bare number when unnamed.
fn named(name: &str, orgnr: &str) -> String {
    if name.trim().is_empty() {
        orgnr.to_string()
    } else {
        format!("{name} [{orgnr}]")
    }
}

fn organisation_label(plan: &Plan, l: &Labels) -> String {
    let org = &plan.organisation;
    let mut notes = Vec::new();
    if plan.clients.iter().any(|c| c.sub_entity) {
        notes.push(l.main_entity);
    }
    if plan.system.locally_installed || plan.system.vendor == org.orgnr {
        notes.push(l.own_vendor);
    }
    let base = named(&org.name, org.orgnr.as_str());
    if notes.is_empty() {
        base
    } else {
        format!("{base} ({})", notes.join("; "))
    }
}

fn system_user_node(
    plan: &Plan,
    su: &SystemUser,
    number: Option<usize>,
    clients: &HashMap<&str, &Client>,
    options: &Options,
) -> Node {
    let l = labels(options.lang);
    let kind = match su.kind {
        SystemUserType::Standard => l.standard,
        SystemUserType::Client => l.client_relationship,
    };
    let mut label = match number {
        Some(n) => format!("{} {n} ({kind})", l.system_user),
        None => format!("{} ({kind})", l.system_user),
    };
    if !su.name.trim().is_empty() {
        label.push_str(" — ");
        label.push_str(&su.name);
    }
    let mut extra = vec![format!(
        "{}: {}",
        l.ext_ref,
        su.effective_external_ref(plan)
    )];
    if !su.teams.is_empty() {
        let word = if su.teams.len() == 1 { l.team } else { l.teams };
        extra.push(format!("{word}: {}", su.teams.join(", ")));
    }
    label.push_str(&format!(" [{}]", extra.join("; ")));
    let mut node = Node::new(NodeKind::SystemUser, su.name.clone(), label);

    for p in &su.access_packages {
        let mut label = format!("{}: {}", l.access_package, p.code());
        match p.package() {
            None => label.push_str(&format!(" ({})", l.not_in_catalog)),
            Some(_) if su.kind == SystemUserType::Client && !from_er_role(p.code()) => {
                label.push_str(&format!(" ({})", l.delegated_by_client));
            }
            Some(_) => {}
        }
        node.children
            .push(Node::new(NodeKind::Package, p.code(), label));
    }

    let units = &plan.organisation.operational_units;
    if su.include_self || (su.kind == SystemUserType::Standard && !units.is_empty()) {
        let org = display_name(&plan.organisation.name, plan.organisation.orgnr.as_str());
        let label = if units.is_empty() {
            format!("{}: {org}", l.covers)
        } else {
            format!("{}: {org} {}", l.covers, l.plus_units_inherited)
        };
        let mut covers =
            Node::new(NodeKind::Covers, org, label).of(plan.organisation.orgnr.as_str());
        covers.children = unit_nodes(units, options);
        node.children.push(covers);
    }

    let limit = options.limit.unwrap_or(usize::MAX);
    for orgnr in su.clients.iter().take(limit) {
        let client = clients.get(orgnr.as_str()).copied();
        node.children
            .push(client_node(orgnr.as_str(), client, su, options));
    }
    let hidden = su.clients.len().saturating_sub(limit);
    if hidden > 0 {
        node.children.push(Node::new(
            NodeKind::More,
            hidden.to_string(),
            l.more(l.more_clients, hidden),
        ));
    }
    node
}

fn unit_nodes(units: &[Unit], options: &Options) -> Vec<Node> {
    let l = labels(options.lang);
    let limit = options.limit.unwrap_or(usize::MAX);
    let mut out: Vec<Node> = units
        .iter()
        .take(limit)
        .map(|u| {
            Node::new(
                NodeKind::OperationalUnit,
                display_name(&u.name, u.orgnr.as_str()),
                format!(
                    "{}: {}",
                    l.operational_unit,
                    named(&u.name, u.orgnr.as_str())
                ),
            )
            .of(u.orgnr.as_str())
        })
        .collect();
    let hidden = units.len().saturating_sub(limit);
    if hidden > 0 {
        out.push(Node::new(
            NodeKind::More,
            hidden.to_string(),
            l.more(l.more_units, hidden),
        ));
    }
    out
}

fn client_node(orgnr: &str, client: Option<&Client>, su: &SystemUser, options: &Options) -> Node {
    let l = labels(options.lang);
    let Some(c) = client else {
        let mut node = Node::new(
            NodeKind::Client,
            orgnr,
            format!("{}: {orgnr} ({})", l.client, l.not_a_client),
        )
        .of(orgnr);
        node.bases = vec![Basis::NotAClient];
        return node;
    };
    let bases = bases(c, su);
    let mut node = Node::new(
        NodeKind::Client,
        display_name(&c.name, orgnr),
        format!(
            "{}: {} ({})",
            l.client,
            named(&c.name, orgnr),
            relationship(&bases, l)
        ),
    )
    .of(orgnr);
    node.bases = bases;
    node.children = unit_nodes(&c.operational_units, options);
    node
}

/// The legal bases on which this system user acts for the client, as the
/// guidance's diagrams put them in parentheses: the ER roles that give one of
/// its packages, and/or delegation in Altinn; a sub-entity is named as such.
pub fn bases(c: &Client, su: &SystemUser) -> Vec<Basis> {
    if c.sub_entity {
        return vec![Basis::SubEntity];
    }
    let unit_type = c.unit_type.as_ref().map(|u| u.as_str());
    let mut out = Vec::new();
    for role in &c.er_roles {
        let gives = catalog()
            .role_packages(role.as_str(), unit_type)
            .any(|code| su.access_packages.iter().any(|p| p.code() == code));
        if gives {
            out.push(Basis::Role(role.as_str().to_string()));
        }
    }
    if su.access_packages.iter().any(|p| c.delegated.contains(p)) {
        out.push(Basis::Delegated);
    }
    out
}

/// The bases worded, joined with " + "; none is "no matching relationship".
fn relationship(bases: &[Basis], l: &Labels) -> String {
    if bases.is_empty() {
        return l.no_matching_relationship.to_string();
    }
    let words: Vec<String> = bases.iter().map(|b| basis_label(b, l)).collect();
    words.join(" + ")
}

/// One legal basis as the tree words it: the three ER roles of the
/// guidance's diagrams by their usual names, other roles by the catalog's.
pub fn basis_label(basis: &Basis, l: &Labels) -> String {
    match basis {
        Basis::Role(role) => match role.as_str() {
            "regnskapsforer" => l.registered_accountant.to_string(),
            "revisor" => l.registered_auditor.to_string(),
            "forretningsforer" => l.property_manager.to_string(),
            other => crate::plan::ErRole::parse(other).map_or_else(
                || other.to_string(),
                |r| r.label(l.lang == Lang::Nb).to_string(),
            ),
        },
        Basis::Delegated => l.delegated_in_altinn.to_string(),
        Basis::SubEntity => l.sub_entity.to_string(),
        Basis::NotAClient => l.not_a_client.to_string(),
    }
}

/// Whether a package reaches a provider through an ER client role
/// (accountant, auditor, or property manager of a housing company). Every
/// other package on a client system user must be delegated by the client. The
/// property manager's NUF-only grants are left out: they are the exception,
/// and marking e.g. a-ordning as ER-based would mislead everyone else.
fn from_er_role(code: &str) -> bool {
    let cat = catalog();
    if cat.get(code).is_some_and(|p| p.fit() == Fit::Client) {
        return true;
    }
    use crate::plan::ErRole;
    [
        ErRole::REGNSKAPSFORER,
        ErRole::REVISOR,
        ErRole::FORRETNINGSFORER,
    ]
    .iter()
    .any(|r| {
        cat.role(r.as_str()).is_some_and(|role| {
            role.packages.iter().any(|rp| {
                rp.package == code && rp.only_if_client_unit_type.as_deref() != Some("NUF")
            })
        })
    })
}

/// The line-drawing characters of one charset.
struct Charset {
    tee: &'static str,
    ell: &'static str,
    down: &'static str,
    blank: &'static str,
    ascii_only: bool,
}

const UTF8: Charset = Charset {
    tee: "├── ",
    ell: "└── ",
    down: "│   ",
    blank: "    ",
    ascii_only: false,
};

const ASCII: Charset = Charset {
    tee: "|-- ",
    ell: "`-- ",
    down: "|   ",
    blank: "    ",
    ascii_only: true,
};

fn text(root: &Node, cs: &Charset) -> String {
    let mut out = String::new();
    push_label(&mut out, &root.label, cs);
    out.push('\n');
    let mut prefix = String::new();
    text_children(&root.children, cs, &mut prefix, &mut out);
    out
}

fn text_children(children: &[Node], cs: &Charset, prefix: &mut String, out: &mut String) {
    for (i, child) in children.iter().enumerate() {
        let last = i + 1 == children.len();
        out.push_str(prefix);
        out.push_str(if last { cs.ell } else { cs.tee });
        push_label(out, &child.label, cs);
        out.push('\n');
        if !child.children.is_empty() {
            let len = prefix.len();
            prefix.push_str(if last { cs.blank } else { cs.down });
            text_children(&child.children, cs, prefix, out);
            prefix.truncate(len);
        }
    }
}

fn push_label(out: &mut String, label: &str, cs: &Charset) {
    let one_line = label.replace(['\n', '\r'], " ");
    if cs.ascii_only {
        out.push_str(&to_ascii(&one_line));
    } else {
        out.push_str(&one_line);
    }
}

/// ASCII for terminals and files that cannot take UTF-8: Norwegian letters
/// spelt the way Altinn folds them in codes (ø → o, å → a, æ → ae), dashes
/// and ellipses spelt out, anything else unknown as `?`.
pub fn to_ascii(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if c.is_ascii() => out.push(c),
            '—' | '–' | '−' | '·' => out.push('-'),
            '…' => out.push_str("..."),
            '\u{a0}' | '\u{202f}' => out.push(' '),
            '“' | '”' | '„' => out.push('"'),
            '‘' | '’' => out.push('\''),
            'Æ' | 'Ä' => out.push_str("AE"),
            _ => {
                let folded = crate::text::fold(&c.to_string());
                let upper = c.is_uppercase();
                if folded.is_ascii() && !folded.is_empty() {
                    if upper {
                        out.push_str(&folded.to_uppercase());
                    } else {
                        out.push_str(&folded);
                    }
                } else {
                    out.push('?');
                }
            }
        }
    }
    Cow::Owned(out)
}

fn markdown(plan: &Plan, root: &Node, l: &Labels) -> String {
    let tree = text(root, &UTF8);
    let mut fence = "```".to_string();
    while tree.contains(fence.as_str()) {
        fence.push('`');
    }
    let org = display_name(&plan.organisation.name, plan.organisation.orgnr.as_str());
    let mut out = format!("## {} — {}\n\n{fence}text\n{tree}{fence}\n", l.heading, org);
    if !plan.system_users.is_empty() {
        out.push('\n');
        for su in &plan.system_users {
            let kind = match su.kind {
                SystemUserType::Standard => l.standard,
                SystemUserType::Client => l.client_relationship,
            };
            let mut line = format!(
                "- **{}** ({kind}), {} `{}`, {}",
                markdown_escape(&su.name),
                l.ext_ref,
                su.effective_external_ref(plan).replace('`', "'"),
                l.plural(l.package_count, su.access_packages.len()),
            );
            if su.kind == SystemUserType::Client || !su.clients.is_empty() {
                line.push_str(&format!(", {}", l.plural(l.client_count, su.clients.len())));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

fn markdown_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Nodes numbered in print order (the root is 0), each with its parent's number.
fn numbered(root: &Node) -> Vec<(usize, Option<usize>, &Node)> {
    fn walk<'a>(n: &'a Node, id: usize, out: &mut Vec<(usize, Option<usize>, &'a Node)>) {
        for c in &n.children {
            let cid = out.len();
            out.push((cid, Some(id), c));
            walk(c, cid, out);
        }
    }
    let mut out = vec![(0, None, root)];
    walk(root, 0, &mut out);
    out
}

fn mermaid(root: &Node) -> String {
    let mut out = String::from("flowchart TD\n");
    let nodes = numbered(root);
    for (id, _, n) in &nodes {
        let label = mermaid_escape(&n.label);
        let shape = match n.kind {
            NodeKind::SystemUser => format!("n{id}(\"{label}\")"),
            NodeKind::Organisation => format!("n{id}[[\"{label}\"]]"),
            NodeKind::More | NodeKind::Note => format!("n{id}>\"{label}\"]"),
            _ => format!("n{id}[\"{label}\"]"),
        };
        out.push_str("    ");
        out.push_str(&shape);
        out.push('\n');
    }
    for (id, parent, _) in &nodes {
        if let Some(p) = parent {
            out.push_str(&format!("    n{p} --> n{id}\n"));
        }
    }
    out
}

/// Mermaid labels in double quotes take HTML entity codes for the characters
/// that would end or confuse them.
fn mermaid_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn dot(root: &Node) -> String {
    let mut out = String::from(
        "digraph sysuser {\n    rankdir=LR;\n    node [shape=box, fontname=\"Helvetica\"];\n",
    );
    let nodes = numbered(root);
    for (id, _, n) in &nodes {
        let style = match n.kind {
            NodeKind::Organisation => ", style=bold",
            NodeKind::SystemUser => ", style=rounded",
            NodeKind::Package => ", shape=note",
            NodeKind::More | NodeKind::Note => ", shape=plaintext",
            _ => "",
        };
        out.push_str(&format!(
            "    n{id} [label=\"{}\"{style}];\n",
            dot_escape(&n.label)
        ));
    }
    for (id, parent, _) in &nodes {
        if let Some(p) = parent {
            out.push_str(&format!("    n{p} -> n{id};\n"));
        }
    }
    out.push_str("}\n");
    out
}

fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_spells_norwegian_letters() {
        assert_eq!(
            to_ascii("Grünerløkka — Bjølsen…"),
            "Grunerlokka - Bjolsen..."
        );
        assert_eq!(to_ascii("DISKRET NÆR TIGER AS"), "DISKRET NAER TIGER AS");
        assert_eq!(to_ascii("Åsane Ø"), "Asane O");
    }

    #[test]
    fn er_role_packages_are_not_marked_delegated() {
        assert!(from_er_role("regnskapsforer-med-signeringsrettighet"));
        assert!(from_er_role("ansvarlig-revisor"));
        assert!(from_er_role("forretningsforer-eiendom"));
        assert!(!from_er_role("a-ordning"));
        assert!(!from_er_role("sykefravaer"));
    }

    #[test]
    fn counts_use_the_language_separator() {
        assert_eq!(EN.more(EN.more_clients, 4812), "… and 4,812 more clients");
        assert_eq!(NB.more(NB.more_clients, 4812), "… og 4 812 flere klienter");
    }

    #[test]
    fn escapes_labels() {
        assert_eq!(mermaid_escape("A \"B\" #1"), "A #quot;B#quot; #35;1");
        assert_eq!(dot_escape("A \"B\" \\"), "A \\\"B\\\" \\\\");
    }
}
