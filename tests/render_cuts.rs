//! Long lists are cut with a count, every format escapes what it must, and
//! nothing panics whatever the names hold.

use proptest::prelude::*;
use sysuser::orgnr::Orgnr;
use sysuser::plan::Plan;
use sysuser::render::{Format, NodeKind, Options, render, tree};

/// An accounting firm with `n` registered-accountant clients on one client
/// system user; client `i` is named `Client {i}`.
fn firm(n: usize, org_name: &str) -> Plan {
    let mut y = format!(
        "organisation: {{ orgnr: \"311040006\", name: {} }}\n\
         system: {{ id: \"991825827_x\", vendor: \"991825827\", \
         access_packages: [regnskapsforer-med-signeringsrettighet], visible: false }}\n\
         clients:\n",
        serde_json::to_string(org_name).unwrap()
    );
    let orgnrs: Vec<Orgnr> = (0..)
        .filter_map(|i| Orgnr::with_check_digit(31_180_000 + i))
        .take(n)
        .collect();
    for (i, o) in orgnrs.iter().enumerate() {
        y.push_str(&format!(
            "  - {{ orgnr: \"{o}\", name: Client {i}, er_roles: [regnskapsforer] }}\n"
        ));
    }
    y.push_str(
        "system_users:\n  - name: Accounting\n    external_ref: accounting\n    type: client\n    \
         access_packages: [regnskapsforer-med-signeringsrettighet]\n    clients: [",
    );
    let list: Vec<String> = orgnrs.iter().map(|o| format!("\"{o}\"")).collect();
    y.push_str(&list.join(", "));
    y.push_str("]\n");
    sysuser::plan::parse(&y, "test").unwrap_or_else(|e| panic!("{e}"))
}

fn clients_shown(text: &str) -> usize {
    text.lines().filter(|l| l.contains("Client: ")).count()
}

#[test]
fn cuts_after_the_limit_with_a_count() {
    let plan = firm(25, "Eksempel Regnskap AS");
    let out = render(
        &plan,
        &Options {
            limit: Some(10),
            ..Options::default()
        },
    );
    assert_eq!(clients_shown(&out), 10);
    assert!(out.contains("Client: Client 9 ["));
    assert!(!out.contains("Client: Client 10 ["));
    assert!(out.contains("└── … and 15 more clients\n"), "{out}");
    let root = tree(&plan, &Options::default());
    let more = root
        .descendants()
        .into_iter()
        .find(|n| n.kind == NodeKind::More);
    assert_eq!(more.map(|n| n.key.as_str()), Some("15"));
}

#[test]
fn all_shows_every_client() {
    let plan = firm(25, "Eksempel Regnskap AS");
    let out = render(
        &plan,
        &Options {
            limit: None,
            ..Options::default()
        },
    );
    assert_eq!(clients_shown(&out), 25);
    assert!(!out.contains("more clients"));
}

#[test]
fn thousands_are_grouped_per_language() {
    let plan = firm(4822, "Eksempel Regnskap AS");
    let en = render(&plan, &Options::default());
    assert!(en.contains("… and 4,812 more clients"), "{en}");
    let nb = render(
        &plan,
        &Options {
            lang: "nb",
            ..Options::default()
        },
    );
    assert!(nb.contains("… og 4 812 flere klienter"), "{nb}");
    let ascii = render(
        &plan,
        &Options {
            format: Format::Ascii,
            ..Options::default()
        },
    );
    assert!(ascii.contains("`-- ... and 4,812 more clients"), "{ascii}");
}

#[test]
fn ascii_has_only_ascii_bytes() {
    let plan = firm(3, "Grünerløkka Økonomi & Æra — «AS»");
    let out = render(
        &plan,
        &Options {
            format: Format::Ascii,
            lang: "nb",
            limit: Some(2),
        },
    );
    assert!(out.is_ascii(), "{out}");
    assert!(
        out.starts_with("Grunerlokka Okonomi & AEra - ?AS? [311040006]\n"),
        "{out}"
    );
    assert!(out.contains("|-- Klient: Client 0 [") && out.contains("registrert regnskapsforer"));
}

#[test]
fn mermaid_and_dot_escape_quotes() {
    let plan = firm(1, "Say \"hi\" #1 <b> \\ AS");
    let mermaid = render(
        &plan,
        &Options {
            format: Format::Mermaid,
            ..Options::default()
        },
    );
    assert!(mermaid.starts_with("flowchart TD\n"));
    assert!(
        mermaid.contains("n0[[\"Say #quot;hi#quot; #35;1 #lt;b#gt; \\ AS [311040006]\"]]"),
        "{mermaid}"
    );
    let dot = render(
        &plan,
        &Options {
            format: Format::Dot,
            ..Options::default()
        },
    );
    assert!(dot.starts_with("digraph sysuser {\n"));
    assert!(
        dot.contains("n0 [label=\"Say \\\"hi\\\" #1 <b> \\\\ AS [311040006]\""),
        "{dot}"
    );
}

#[test]
fn markdown_fence_outlasts_backticks_in_names() {
    let plan = firm(1, "Odd ``` AS");
    let md = render(
        &plan,
        &Options {
            format: Format::Markdown,
            ..Options::default()
        },
    );
    assert!(md.contains("\n````text\n"), "{md}");
    assert!(md.contains(
        "- **Accounting** (client relationship), ref `accounting`, 1 access package, 1 client"
    ));
}

#[test]
fn no_system_users_says_what_to_do() {
    let plan = sysuser::plan::parse(
        "organisation: { orgnr: \"310202398\", name: DISKRET NÆR TIGER AS }\n\
         system: { id: \"991825827_x\", vendor: \"991825827\" }\n",
        "test",
    )
    .unwrap();
    assert_eq!(
        render(&plan, &Options::default()),
        "DISKRET NÆR TIGER AS [310202398]\n└── no system users yet — run `sysuser advise`\n"
    );
}

#[test]
fn unknown_clients_and_packages_are_shown_as_such() {
    let plan = sysuser::plan::parse(
        "organisation: { orgnr: \"310202398\", name: Firm AS }\n\
         system: { id: \"991825827_x\", vendor: \"991825827\", access_packages: [sykmelding] }\n\
         system_users:\n  - { name: S, type: client, access_packages: [sykmelding], clients: [\"311800132\"] }\n",
        "test",
    )
    .unwrap();
    let out = render(&plan, &Options::default());
    assert!(
        out.contains("Access package: sykmelding (not in Altinn's catalog)"),
        "{out}"
    );
    assert!(
        out.contains("Client: 311800132 (not among the clients)"),
        "{out}"
    );
    assert!(
        out.contains("[ref: 310202398]"),
        "an empty external ref means the orgnr: {out}"
    );
}

/// Quotes that open or close a string (a backslash escapes the next character, as in dot).
fn unescaped_quotes(line: &str) -> usize {
    let mut n = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' => n += 1,
            _ => {}
        }
    }
    n
}

proptest! {
    #[test]
    fn any_name_renders_in_every_format(name in "\\PC{0,40}", n in 0usize..15, limit in 0usize..12) {
        let plan = firm(n, &name);
        for format in [Format::Text, Format::Ascii, Format::Markdown, Format::Mermaid, Format::Dot] {
            let out = render(&plan, &Options { format, limit: Some(limit), lang: "en" });
            if format == Format::Ascii {
                prop_assert!(out.is_ascii());
            }
            if format == Format::Text {
                let shown = n.min(limit);
                prop_assert_eq!(out.lines().filter(|l| l.contains("Client: Client ")).count(), shown);
                prop_assert_eq!(out.contains("more client"), n > limit);
            }
            if matches!(format, Format::Mermaid | Format::Dot) {
                // every node is one line whose label is one quoted string
                for line in out.lines().filter(|l| l.contains('"')) {
                    prop_assert_eq!(unescaped_quotes(line), 2, "{}", line);
                }
            }
        }
    }
}
