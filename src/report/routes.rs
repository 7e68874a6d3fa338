//! The routes table of the report: which system user for which party and
//! package. The first rows are drawn; every route travels in a compact form
//! that the page's script searches when someone types a client's name or
//! number (or opens the page with `#client=…`), so a plan of 100,000 clients
//! stays a light page.
//!
//! The compact form: one line per party, `orgnr TAB name TAB pattern`, where
//! a pattern (in a small JSON table) is the party's kind and its (package,
//! system users) rows. Clients with the same routes share one pattern, which
//! is what keeps the page small. Operational units follow their main unit.

use super::texts::Words;
use crate::engine::Index;
use crate::markup::escape;
use crate::route::{PartyKind, PartyRef, walk};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;

/// Rows drawn in the page before anyone filters (all of a small plan's).
pub const DRAWN_ROWS: usize = 100;
/// Rows the filter draws at most.
pub const FILTER_ROWS: usize = 200;

const KINDS: [PartyKind; 5] = [
    PartyKind::Organisation,
    PartyKind::OperationalUnit,
    PartyKind::Client,
    PartyKind::SubEntity,
    PartyKind::ClientOperationalUnit,
];

/// The routes of a plan as the page carries them.
pub struct Routes {
    /// The first [`DRAWN_ROWS`] rows as `<tr>` elements.
    pub drawn: String,
    pub total_rows: usize,
    pub parties: usize,
    /// One line per party (see the module's comment), HTML-escaped for a
    /// `<script type="text/plain">` element.
    pub data: String,
    /// The patterns and words the script needs, as JSON safe inside `<script>`.
    pub meta: String,
}

#[derive(Serialize)]
struct Meta<'a> {
    /// (name, external ref) of each system user, by index.
    users: Vec<(&'a str, &'a str)>,
    /// (kind index, [(package, [system user index])]).
    patterns: Vec<Pattern<'a>>,
    kinds: Vec<&'static str>,
    /// Kind indices of operational units (their `via` is the party before them).
    unit_kinds: Vec<usize>,
    status: [&'static str; 3],
    limit: usize,
    shown: &'static str,
    matching: &'static str,
    nothing: &'static str,
}

type Rows<'a> = Vec<(&'a str, Vec<usize>)>;
/// A party's kind (its index in [`KINDS`]) and routes.
type Pattern<'a> = (usize, Rows<'a>);

/// The party lines and the patterns they share.
struct Packer<'a> {
    ids: HashMap<Pattern<'a>, usize>,
    patterns: Vec<Pattern<'a>>,
    data: String,
    parties: usize,
}

impl<'a> Packer<'a> {
    fn flush(&mut self, party: PartyRef<'a>, rows: &mut Rows<'a>) {
        let key = (kind_index(party.kind), std::mem::take(rows));
        let id = match self.ids.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.patterns.len();
                self.patterns.push(key.clone());
                self.ids.insert(key, id);
                id
            }
        };
        plain(&mut self.data, party.orgnr);
        self.data.push('\t');
        plain(&mut self.data, party.name);
        let _ = writeln!(self.data, "\t{id}");
        self.parties += 1;
    }
}

/// Builds the drawn rows and the compact data in one walk over the routes.
pub fn routes<'a>(ix: &Index<'a>, w: &Words) -> Routes {
    let plan = ix.plan;
    let mut packer = Packer {
        ids: HashMap::new(),
        patterns: Vec::new(),
        data: String::with_capacity(plan.clients.len() * 40),
        parties: 0,
    };
    let mut drawn = String::new();
    let mut total_rows = 0;
    let mut current: Option<PartyRef<'a>> = None;
    let mut rows: Rows<'a> = Vec::new();
    walk(ix, true, |party, package, sus| {
        if let Some(c) = current {
            if !same(c, party) {
                packer.flush(c, &mut rows);
            }
        }
        current = Some(party);
        rows.push((package, sus.to_vec()));
        if total_rows < DRAWN_ROWS {
            row(&mut drawn, party, package, sus, ix, w);
        }
        total_rows += 1;
    });
    if let Some(c) = current {
        packer.flush(c, &mut rows);
    }
    let Packer {
        patterns,
        data,
        parties,
        ..
    } = packer;
    let meta = Meta {
        users: plan
            .system_users
            .iter()
            .map(|su| (su.name.as_str(), su.effective_external_ref(plan)))
            .collect(),
        patterns,
        kinds: KINDS.iter().map(|k| w.kind(*k)).collect(),
        unit_kinds: KINDS
            .iter()
            .enumerate()
            .filter(|(_, k)| k.is_unit())
            .map(|(i, _)| i)
            .collect(),
        status: [w.route_none, w.route_served, w.route_ambiguous],
        limit: FILTER_ROWS,
        shown: w.filter_shown,
        matching: w.filter_matching,
        nothing: w.filter_nothing,
    };
    let meta = serde_json::to_string(&meta)
        .expect("route patterns serialise")
        .replace('<', "\\u003c");
    Routes {
        drawn,
        total_rows,
        parties,
        data,
        meta,
    }
}

fn same(a: PartyRef, b: PartyRef) -> bool {
    a.kind == b.kind && std::ptr::eq(a.orgnr, b.orgnr)
}

fn kind_index(k: PartyKind) -> usize {
    KINDS.iter().position(|x| *x == k).unwrap_or(0)
}

/// A name or number for the data lines: one line, one field (controls made
/// visible, tabs among them), and no `<` or `&` that HTML would read (the script turns `&lt;`/`&amp;` back).
fn plain(out: &mut String, s: &str) {
    let s = crate::text::visible(s);
    if !s.contains(['\n', '&', '<']) {
        out.push_str(&s);
        return;
    }
    for c in s.chars() {
        match c {
            '\n' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            c => out.push(c),
        }
    }
}

/// One drawn row: party, orgnr, kind, package, status, system users.
fn row(out: &mut String, party: PartyRef, package: &str, sus: &[usize], ix: &Index, w: &Words) {
    let plan = ix.plan;
    let status = match sus.len() {
        0 => ("none", w.route_none),
        1 => ("served", w.route_served),
        _ => ("ambiguous", w.route_ambiguous),
    };
    let users: Vec<String> = sus
        .iter()
        .map(|&i| {
            let su = &plan.system_users[i];
            format!(
                "{} ({})",
                escape(&su.name),
                escape(su.effective_external_ref(plan))
            )
        })
        .collect();
    let name = if party.name.trim().is_empty() {
        party.orgnr
    } else {
        party.name
    };
    let _ = writeln!(
        out,
        "<tr class=\"st-{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
        status.0,
        escape(name),
        escape(party.orgnr),
        w.kind(party.kind),
        escape(package),
        status.1,
        users.join(", ")
    );
}
