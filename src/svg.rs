//! The layout drawn as SVG: the organisation, each system user as a box with
//! its type, name, external ref, access packages (Norwegian and English
//! names) and clients with their legal basis, operational units folded into
//! a count, and a finding's subject marked.
//!
//! The boxes are drawn from `render`'s tree, so long client lists are cut and
//! counted exactly as `render` cuts them. Each box is a [`Block`] in its own
//! coordinates: [`document`] stacks them into one standalone SVG (`render
//! --format svg`); the HTML report gives each its own `<svg>` so that a
//! printed page never cuts a box and a phone shows one box per screen width.

use crate::catalog::catalog;
use crate::lang::Lang;
use crate::markup::escape;
use crate::plan::{Plan, SystemUser, SystemUserType};
use crate::render::{self, Basis, Labels, Node, NodeKind, Options};
use crate::rules::{Finding, Report, Severity};
use crate::text::{thousands_in, wrap};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

/// Width of a system user's box, in SVG units (pixels at 100 %).
pub const BOX_WIDTH: u32 = 440;
/// Indent of the boxes under the organisation in the standalone drawing.
const INDENT: u32 = 24;
const LINE: u32 = 18;
const PAD: u32 = 10;
/// Characters per line of 13 px text in a box (a conservative average width).
const CHARS: usize = 58;
/// Characters per line of 12 px text.
const SMALL_CHARS: usize = 66;
/// Characters per line of the 15 px bold title.
const TITLE_CHARS: usize = 44;
/// Left edge of text that follows a basis swatch.
const SWATCH_TEXT: u32 = PAD + 18;

/// The drawing's styles, shared by the standalone SVG and the HTML page.
pub const STYLE: &str = include_str!("svg/diagram.css");

/// One box of the drawing, in its own coordinates (0,0)–(width,height).
#[derive(Debug, Clone)]
pub struct Block {
    pub width: u32,
    pub height: u32,
    /// The elements, without an enclosing `<svg>` or `<g>`.
    pub body: String,
    /// A short name for screen readers (the `<title>`).
    pub title: String,
    /// What the box shows, in words (the `<desc>`).
    pub desc: String,
    /// The system user's name, for a system user's box.
    pub system_user: Option<String>,
}

impl Block {
    /// The block as a standalone inline `<svg>` for HTML; `id` makes its
    /// title and description ids unique on the page.
    pub fn inline(&self, id: &str, class: &str) -> String {
        let data = self
            .system_user
            .as_deref()
            .map(|n| format!(" data-system-user=\"{}\"", escape(n)))
            .unwrap_or_default();
        format!(
            "<svg class=\"{class}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" \
aria-labelledby=\"{id}-t {id}-d\"{data}><title id=\"{id}-t\">{t}</title><desc id=\"{id}-d\">{d}</desc>{b}</svg>",
            w = self.width,
            h = self.height,
            t = escape(&self.title),
            d = escape(&self.desc),
            b = self.body,
        )
    }
}

/// The drawing's parts: the organisation, one block per system user, the legend.
#[derive(Debug, Clone)]
pub struct Diagram {
    pub organisation: Block,
    pub system_users: Vec<Block>,
    pub legend: Option<Block>,
}

/// The words of the drawing that the tree's labels do not already hold.
struct Words {
    packages: &'static str,
    clients: &'static str,
    /// "{n} operational unit(s)": one, many.
    units: (&'static str, &'static str),
    legend: &'static str,
    no_match: &'static str,
    diagram: &'static str,
    desc: &'static str,
    system: &'static str,
}

const EN: Words = Words {
    packages: "Access packages",
    clients: "Clients",
    units: ("1 operational unit", "{n} operational units"),
    legend: "Legal basis for each client",
    no_match: "no matching relationship",
    diagram: "System users of",
    desc: "{users}; {clients} in all",
    system: "system",
};

const NB: Words = Words {
    packages: "Tilgangspakker",
    clients: "Klienter",
    units: ("1 underenhet", "{n} underenheter"),
    legend: "Rettslig grunnlag for hver klient",
    no_match: "ingen passende klientforhold",
    diagram: "Systembrukere for",
    desc: "{users}; {clients} i alt",
    system: "system",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Nb => &NB,
    }
}

/// Which parts of the drawing a finding is about, by severity (the worst wins).
struct Marks<'a> {
    users: HashMap<&'a str, Vec<&'a Finding>>,
    clients: HashMap<(Option<&'a str>, &'a str), Severity>,
    packages: HashMap<(Option<&'a str>, &'a str), Severity>,
}

impl<'a> Marks<'a> {
    fn of(report: &'a Report) -> Marks<'a> {
        let mut m = Marks {
            users: HashMap::new(),
            clients: HashMap::new(),
            packages: HashMap::new(),
        };
        for f in &report.findings {
            let su = f.system_user.as_deref();
            if let Some(name) = su {
                m.users.entry(name).or_default().push(f);
            }
            if let Some(c) = f.client.as_deref() {
                let e = m.clients.entry((su, c)).or_insert(f.severity);
                *e = (*e).min(f.severity);
            }
            if let Some(p) = f.package.as_deref() {
                let e = m.packages.entry((su, p)).or_insert(f.severity);
                *e = (*e).min(f.severity);
            }
        }
        m
    }

    /// A finding about this client, with or without the system user named.
    fn client(&self, su: &str, orgnr: &str) -> Option<Severity> {
        let a = self.clients.get(&(Some(su), orgnr)).copied();
        let b = self.clients.get(&(None, orgnr)).copied();
        a.into_iter().chain(b).min()
    }

    fn package(&self, su: &str, code: &str) -> Option<Severity> {
        let a = self.packages.get(&(Some(su), code)).copied();
        let b = self.packages.get(&(None, code)).copied();
        a.into_iter().chain(b).min()
    }
}

/// The plan drawn in parts, with the findings of `report` marked on it.
/// `limit` cuts each client list as `render --limit` does.
pub fn diagram(plan: &Plan, report: &Report, lang: Lang, limit: Option<usize>) -> Diagram {
    let options = Options {
        format: render::Format::Text,
        limit,
        lang: lang.code(),
    };
    let root = render::tree(plan, &options);
    let l = render::labels(lang.code());
    let w = words(lang);
    let marks = Marks::of(report);
    let users: Vec<&Node> = root
        .children
        .iter()
        .filter(|n| n.kind == NodeKind::SystemUser)
        .collect();
    let numbered = plan.system_users.len() > 1;
    let system_users: Vec<Block> = users
        .iter()
        .zip(&plan.system_users)
        .enumerate()
        .map(|(i, (node, su))| {
            let ctx = UserCtx {
                plan,
                su,
                number: numbered.then_some(i + 1),
                l,
                w,
                marks: &marks,
                report,
            };
            user_block(node, &ctx)
        })
        .collect();
    let mut bases = BTreeSet::new();
    for node in &users {
        for c in node.children.iter().filter(|c| c.kind == NodeKind::Client) {
            if c.bases.is_empty() {
                bases.insert(None);
            }
            bases.extend(c.bases.iter().cloned().map(Some));
        }
    }
    Diagram {
        organisation: organisation_block(plan, &root, w),
        system_users,
        legend: (!bases.is_empty()).then(|| legend_block(&bases, l, w)),
    }
}

/// The whole drawing as one standalone SVG document: the organisation on
/// top, the system users' boxes below it on one trunk, the legend last.
pub fn document(plan: &Plan, report: &Report, lang: Lang, limit: Option<usize>) -> String {
    let d = diagram(plan, report, lang, limit);
    let width = INDENT + BOX_WIDTH;
    let mut body = String::new();
    let mut y = 0;
    place(&mut body, &d.organisation, 0, &mut y);
    let trunk_top = y;
    let mut trunk_bottom = y;
    for b in &d.system_users {
        y += 14;
        let _ = writeln!(
            body,
            "<path class=\"edge\" d=\"M 10 {} H {INDENT}\"/>",
            y + LINE
        );
        trunk_bottom = y + LINE;
        place(&mut body, b, INDENT, &mut y);
    }
    if trunk_bottom > trunk_top {
        let _ = write!(
            body,
            "<path class=\"edge\" d=\"M 10 {trunk_top} V {trunk_bottom}\"/>"
        );
    }
    if let Some(legend) = &d.legend {
        y += 14;
        place(&mut body, legend, 0, &mut y);
    }
    let w = words(lang);
    let title = format!("{} {}", w.diagram, display(plan));
    let desc = overall_desc(plan, lang);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
viewBox=\"0 0 {width} {y}\" width=\"{width}\" height=\"{y}\" role=\"img\" aria-labelledby=\"t d\" \
class=\"sysuser-diagram\">\n<title id=\"t\">{}</title>\n<desc id=\"d\">{}</desc>\n<style>\n{STYLE}</style>\n{body}\n</svg>\n",
        escape(&title),
        escape(&desc),
    )
}

/// "4 system users; 100,000 clients in all": the drawing's description.
pub fn overall_desc(plan: &Plan, lang: Lang) -> String {
    let l = render::labels(lang.code());
    let users = format!(
        "{} {}",
        thousands_in(plan.system_users.len(), lang),
        if plan.system_users.len() == 1 {
            l.system_user.to_lowercase()
        } else {
            l.heading.to_lowercase()
        }
    );
    let n = plan.clients.len();
    let clients = format!(
        "{} {}",
        thousands_in(n, lang),
        if n == 1 {
            l.client_count.0
        } else {
            l.client_count.1
        }
    );
    words(lang)
        .desc
        .replace("{users}", &users)
        .replace("{clients}", &clients)
}

/// The organisation's name, or its number when unnamed.
pub fn display(plan: &Plan) -> &str {
    let o = &plan.organisation;
    if o.name.trim().is_empty() {
        o.orgnr.as_str()
    } else {
        &o.name
    }
}

fn place(out: &mut String, b: &Block, x: u32, y: &mut u32) {
    let _ = writeln!(
        out,
        "<g transform=\"translate({x} {})\"><title>{}</title>\n{}</g>",
        *y,
        escape(&b.title),
        b.body
    );
    *y += b.height;
}

/// Text lines placed down a box, wrapped to its width.
struct Pen {
    body: String,
    y: u32,
}

impl Pen {
    fn new(y: u32) -> Pen {
        Pen {
            body: String::new(),
            y,
        }
    }

    /// Writes `text` wrapped at `chars`, one `<text>` per line, at `x`.
    fn text(&mut self, x: u32, class: &str, text: &str, chars: usize) {
        for line in wrap(text, chars) {
            self.y += LINE;
            let _ = writeln!(
                self.body,
                "<text x=\"{x}\" y=\"{}\" class=\"{class}\">{}</text>",
                self.y - 5,
                escape(&line)
            );
        }
    }

    /// A folded list: its count as text, the names in a tooltip.
    fn folded(&mut self, x: u32, text: &str, names: &[&str]) {
        self.y += LINE;
        let _ = writeln!(
            self.body,
            "<text x=\"{x}\" y=\"{}\" class=\"folded\">▸ {}<title>{}</title></text>",
            self.y - 5,
            escape(text),
            escape(&names.join(", "))
        );
    }

    /// The mark before a finding's subject, on the line just written.
    fn mark(&mut self, severity: Option<Severity>) {
        if let Some(s) = severity {
            let _ = writeln!(
                self.body,
                "<text x=\"{}\" y=\"{}\" class=\"mark sev-{}\">!</text>",
                BOX_WIDTH - PAD - 6,
                self.y - 5,
                s.as_str()
            );
        }
    }
}

fn organisation_block(plan: &Plan, root: &Node, w: &Words) -> Block {
    let mut pen = Pen::new(PAD / 2);
    pen.text(PAD, "org-name", &root.label, CHARS + 10);
    let system = format!("{}: {}", w.system, plan.system.id);
    pen.text(PAD, "org-meta", &system, CHARS + 10);
    for n in root.children.iter().filter(|n| n.kind == NodeKind::Note) {
        pen.text(PAD, "note", &n.label, CHARS + 10);
    }
    let width = INDENT + BOX_WIDTH;
    let height = pen.y + PAD;
    Block {
        width,
        height,
        body: format!(
            "<rect class=\"org\" x=\"0.5\" y=\"0.5\" width=\"{}\" height=\"{}\" rx=\"4\"/>{}",
            width - 1,
            height - 1,
            pen.body
        ),
        title: root.label.clone(),
        desc: system,
        system_user: None,
    }
}

struct UserCtx<'a> {
    plan: &'a Plan,
    su: &'a SystemUser,
    number: Option<usize>,
    l: &'static Labels,
    w: &'static Words,
    marks: &'a Marks<'a>,
    report: &'a Report,
}

fn user_block(node: &Node, cx: &UserCtx) -> Block {
    let (su, l, w) = (cx.su, cx.l, cx.w);
    let kind = match su.kind {
        SystemUserType::Standard => l.standard,
        SystemUserType::Client => l.client_relationship,
    };
    let heading = match cx.number {
        Some(n) => format!("{} {n} ({kind})", l.system_user),
        None => format!("{} ({kind})", l.system_user),
    };
    let name = if su.name.trim().is_empty() {
        heading.clone()
    } else {
        su.name.clone()
    };
    let mut meta = format!(
        "{heading} · {}: {}",
        l.ext_ref,
        su.effective_external_ref(cx.plan)
    );
    if !su.teams.is_empty() {
        let word = if su.teams.len() == 1 { l.team } else { l.teams };
        meta.push_str(&format!(" · {word}: {}", su.teams.join(", ")));
    }
    let own: Vec<Finding> = cx
        .marks
        .users
        .get(su.name.as_str())
        .map(|fs| fs.iter().map(|f| (*f).clone()).collect())
        .unwrap_or_default();
    let worst = own.iter().map(|f| f.severity).min();

    let mut pen = Pen::new(PAD / 2);
    pen.text(PAD, "su-name", &name, TITLE_CHARS);
    pen.text(PAD, "su-meta", &meta, SMALL_CHARS);
    if !own.is_empty() {
        let line = format!("! {}", Report::new(own).summary.line(cx.l.lang));
        pen.text(
            PAD,
            &format!("su-findings sev-{}", worst.map_or("info", Severity::as_str)),
            &line,
            CHARS,
        );
    }
    let header = pen.y + PAD / 2;
    pen.y = header;

    let packages: Vec<&Node> = kids(node, NodeKind::Package);
    if !packages.is_empty() {
        pen.y += 4;
        pen.text(PAD, "section", w.packages, CHARS);
        for p in packages {
            let prefix = format!("{}: {}", l.access_package, p.key);
            let note = p.label.strip_prefix(&prefix).unwrap_or("").trim();
            let code = if note.is_empty() {
                p.key.clone()
            } else {
                format!("{} {note}", p.key)
            };
            pen.text(PAD + 8, "pkg-code", &code, CHARS - 2);
            pen.mark(cx.marks.package(&su.name, &p.key));
            if let Some(pkg) = catalog().get(&p.key) {
                let names = match l.lang {
                    Lang::En => format!("{} · {}", pkg.name_en, pkg.name_nb),
                    Lang::Nb => format!("{} · {}", pkg.name_nb, pkg.name_en),
                };
                pen.text(PAD + 8, "pkg-name", &names, SMALL_CHARS - 2);
            }
        }
    }

    for c in kids(node, NodeKind::Covers) {
        pen.y += 4;
        pen.text(PAD, "covers", &c.label, CHARS - 8);
        fold_units(&mut pen, c, PAD + 8, cx);
    }

    let clients = kids(node, NodeKind::Client);
    let more = kids(node, NodeKind::More);
    if !clients.is_empty() || !more.is_empty() {
        pen.y += 4;
        let heading = format!(
            "{} ({})",
            w.clients,
            thousands_in(su.clients.len(), cx.l.lang)
        );
        pen.text(PAD, "section", &heading, CHARS);
        let prefix = format!("{}: ", l.client);
        for c in clients {
            let top = pen.y;
            let text = c.label.strip_prefix(&prefix).unwrap_or(&c.label);
            pen.text(SWATCH_TEXT, "client", text, CHARS - 3);
            swatches(&mut pen.body, &c.bases, top);
            let orgnr = c.orgnr.as_deref().unwrap_or(&c.key);
            pen.mark(cx.marks.client(&su.name, orgnr));
            fold_units(&mut pen, c, SWATCH_TEXT + 8, cx);
        }
        for m in more {
            pen.text(SWATCH_TEXT, "more", &m.label, CHARS - 3);
        }
    }
    let height = pen.y + PAD;
    let class = match (su.kind, worst) {
        (_, Some(s)) => format!("su su-{} sev-{}", su.kind.as_str(), s.as_str()),
        (k, None) => format!("su su-{}", k.as_str()),
    };
    let body = format!(
        "<rect class=\"su-bg\" x=\"1\" y=\"1\" width=\"{bw}\" height=\"{bh}\" rx=\"6\"/>\
<rect class=\"su-head su-head-{kind}\" x=\"1\" y=\"1\" width=\"{bw}\" height=\"{hh}\" rx=\"6\"/>{}\
<rect class=\"{class}\" x=\"1\" y=\"1\" width=\"{bw}\" height=\"{bh}\" rx=\"6\"/>",
        pen.body,
        bw = BOX_WIDTH - 2,
        bh = height - 2,
        hh = header - 1,
        kind = su.kind.as_str(),
    );
    let desc = user_desc(node, cx);
    Block {
        width: BOX_WIDTH,
        height,
        body,
        title: format!("{heading}: {name}"),
        desc,
        system_user: Some(su.name.clone()),
    }
}

/// What a screen reader hears for a box: ref, packages, the number of
/// clients, and the findings about it.
fn user_desc(node: &Node, cx: &UserCtx) -> String {
    let (su, l, w) = (cx.su, cx.l, cx.w);
    let packages: Vec<&str> = kids(node, NodeKind::Package)
        .iter()
        .map(|p| p.key.as_str())
        .collect();
    let mut parts = vec![format!(
        "{}: {}",
        l.ext_ref,
        su.effective_external_ref(cx.plan)
    )];
    if !packages.is_empty() {
        parts.push(format!("{}: {}", w.packages, packages.join(", ")));
    }
    if !su.clients.is_empty() {
        parts.push(format!(
            "{}: {}",
            w.clients,
            thousands_in(su.clients.len(), l.lang)
        ));
    }
    let own: Vec<Finding> = cx
        .report
        .findings
        .iter()
        .filter(|f| f.system_user.as_deref() == Some(su.name.as_str()))
        .cloned()
        .collect();
    if !own.is_empty() {
        parts.push(Report::new(own).summary.line(l.lang));
    }
    parts.join("; ")
}

fn kids(node: &Node, kind: NodeKind) -> Vec<&Node> {
    node.children.iter().filter(|c| c.kind == kind).collect()
}

/// Operational units under a node, folded into one line with their count
/// (a cut list's hidden units counted in) and their names as a tooltip.
fn fold_units(pen: &mut Pen, node: &Node, x: u32, cx: &UserCtx) {
    let units = kids(node, NodeKind::OperationalUnit);
    let hidden: usize = kids(node, NodeKind::More)
        .iter()
        .filter_map(|m| m.key.parse::<usize>().ok())
        .sum();
    let n = units.len() + hidden;
    if n == 0 {
        return;
    }
    let (one, many) = cx.w.units;
    let text = if n == 1 {
        one.to_string()
    } else {
        many.replace("{n}", &thousands_in(n, cx.l.lang))
    };
    let names: Vec<&str> = units.iter().map(|u| u.key.as_str()).collect();
    pen.folded(x, &text, &names);
}

/// The CSS class of a legal basis: each ER role of the guidance its own,
/// other roles one shared look, then delegation, sub-entities, and none.
fn basis_class(b: Option<&Basis>) -> String {
    match b {
        Some(Basis::Role(r))
            if ["regnskapsforer", "revisor", "forretningsforer"].contains(&r.as_str()) =>
        {
            format!("b-{r}")
        }
        Some(Basis::Role(_)) => "b-role".into(),
        Some(Basis::Delegated) => "b-delegated".into(),
        Some(Basis::SubEntity) => "b-sub".into(),
        Some(Basis::NotAClient) | None => "b-none".into(),
    }
}

/// One swatch per basis, side by side, on the line that starts at `top`.
fn swatches(out: &mut String, bases: &[Basis], top: u32) {
    let list: Vec<Option<&Basis>> = if bases.is_empty() {
        vec![None]
    } else {
        bases.iter().map(Some).collect()
    };
    let w = 12 / list.len() as u32;
    for (i, b) in list.into_iter().enumerate() {
        let _ = writeln!(
            out,
            "<rect class=\"swatch {}\" x=\"{}\" y=\"{}\" width=\"{w}\" height=\"12\"/>",
            basis_class(b),
            PAD + 2 + i as u32 * w,
            top + 3
        );
    }
}

fn legend_block(bases: &BTreeSet<Option<Basis>>, l: &Labels, w: &Words) -> Block {
    let mut pen = Pen::new(PAD / 2);
    pen.text(PAD, "section", w.legend, CHARS);
    let mut names = Vec::new();
    for b in bases {
        let top = pen.y;
        let name = match b {
            Some(b) => render::basis_label(b, l),
            None => w.no_match.to_string(),
        };
        pen.text(SWATCH_TEXT, "legend", &name, CHARS - 3);
        swatches(&mut pen.body, b.as_slice(), top);
        names.push(name);
    }
    Block {
        width: INDENT + BOX_WIDTH,
        height: pen.y + PAD,
        body: pen.body,
        title: w.legend.to_string(),
        desc: names.join(", "),
        system_user: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_basis_has_its_own_class() {
        let classes: BTreeSet<String> = [
            Some(Basis::Role("regnskapsforer".into())),
            Some(Basis::Role("revisor".into())),
            Some(Basis::Role("forretningsforer".into())),
            Some(Basis::Role("komplementar".into())),
            Some(Basis::Delegated),
            Some(Basis::SubEntity),
            None,
        ]
        .iter()
        .map(|b| basis_class(b.as_ref()))
        .collect();
        assert_eq!(classes.len(), 7);
    }
}
