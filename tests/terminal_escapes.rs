//! Nothing a plan or a CSV says can drive the terminal: names that set the
//! window title (ESC ] 0 ; … BEL), clear the screen (ESC [ 2 J), open a C1
//! CSI (U+009B) or reverse the text (U+202E) come out of every text output
//! and message escaped (`\x1b`), while JSON and YAML stay exact.

mod common;
use common::sysuser_in as sysuser;

use std::process::Output;

/// The crafted name, as a YAML double-quoted scalar.
const EVIL_YAML: &str = r#"\e]0;owned\a\e[2J\u009b31m\u202eSA"#;
/// The same name as the program holds it.
const EVIL: &str = "\x1b]0;owned\x07\x1b[2J\u{9b}31m\u{202e}SA";
/// What a person sees instead.
const SHOWN: &str = r"\x1b]0;owned\x07\x1b[2J\u{9b}31m\u{202e}SA";
/// The part of it that `render --format ascii` (which writes `?` for
/// anything not ASCII) shows too.
const SHOWN_ASCII: &str = r"\x1b]0;owned\x07\x1b[2J";

fn plan() -> String {
    format!(
        r#"version: 1
organisation: {{ orgnr: "310202398", name: "Tiger {EVIL_YAML}", unit_type: AS }}
system:
  id: "991825827_smartcloud"
  vendor: "991825827"
  access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer]
clients:
  - {{ orgnr: "312655985", name: "Client {EVIL_YAML}", unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }}
  - {{ orgnr: "310000027", name: "Other {EVIL_YAML}", unit_type: AS, er_roles: [regnskapsforer] }}
system_users:
  - {{ name: "Accounting {EVIL_YAML}", external_ref: accounting, type: client, access_packages: [regnskapsforer-med-signeringsrettighet], clients: ["312655985", "310000027"] }}
  - {{ name: "Sick {EVIL_YAML}", external_ref: sick, type: client, access_packages: [sykefravaer], clients: ["312655985", "310000027"] }}
"#
    )
}

/// No byte of a control sequence reaches the terminal: no ESC, BEL, C1 or bidi override.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let raw = text
        .chars()
        .find(|&c| matches!(c, '\x07' | '\x1b' | '\u{9b}' | '\u{202e}'));
    assert!(raw.is_none(), "{what}: raw {raw:?} in {text:?}");
}

/// Output and messages are inert, and (where the command names the party)
/// the name is shown, escaped.
fn assert_escaped(what: &str, out: &Output, shown_in_stdout: bool) {
    assert_inert(what, &out.stdout);
    assert_inert(what, &out.stderr);
    if shown_in_stdout {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains(SHOWN_ASCII),
            "{what}: the name is not shown: {text}"
        );
    }
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), plan()).unwrap();
    let mut situation = plan();
    situation.truncate(situation.find("system_users:").unwrap());
    // A situation advise can serve without errors (a visible system with a
    // client-only package breaks a rule whatever the layout: advise exits 1).
    let situation = situation.replace(
        "  vendor: \"991825827\"\n",
        "  vendor: \"991825827\"\n  visible: false\n",
    );
    std::fs::write(dir.path().join("situation.yaml"), situation).unwrap();
    dir
}

#[test]
fn every_text_output_escapes_names() {
    let dir = setup();
    let d = dir.path();
    let cases: &[(&[&str], bool)] = &[
        (&["check", "plan.yaml"], true),
        (&["check", "plan.yaml", "--lang", "nb"], true),
        (&["render", "plan.yaml"], true),
        (&["render", "plan.yaml", "--format", "ascii"], true),
        (&["render", "plan.yaml", "--format", "markdown"], true),
        (&["render", "plan.yaml", "--format", "mermaid"], true),
        (&["render", "plan.yaml", "--format", "dot"], true),
        (&["routes", "plan.yaml"], true),
        (&["routes", "plan.yaml", "--format", "csv"], true),
        (
            &[
                "route",
                "plan.yaml",
                "--client",
                "312655985",
                "--package",
                "sykefravaer",
            ],
            true,
        ),
        (
            &[
                "route",
                "plan.yaml",
                "--client",
                "310000027",
                "--package",
                "sykefravaer",
            ],
            false,
        ),
        (&["checklist", "plan.yaml"], true),
        (&["compare", "plan.yaml"], true),
        (&["diff", "situation.yaml", "plan.yaml"], true),
        (&["diff", "plan.yaml", "situation.yaml"], true),
    ];
    for (args, shown) in cases {
        let out = sysuser(d, args);
        assert!(out.status.code().unwrap() < 2, "{args:?}: {out:?}");
        assert_escaped(&args.join(" "), &out, *shown);
    }
}

#[test]
fn check_in_colour_keeps_its_own_colours_only() {
    let dir = setup();
    let out = sysuser(dir.path(), &["check", "plan.yaml", "--color", "always"]);
    let text = String::from_utf8(out.stdout).unwrap();
    // sysuser's colours are there; the plan's sequences are not.
    assert!(text.contains("\x1b[1;31merror\x1b[0m\x1b[1m["), "{text:?}");
    let without_own = [
        "\x1b[0m",
        "\x1b[1m",
        "\x1b[1;31m",
        "\x1b[1;33m",
        "\x1b[1;36m",
    ]
    .iter()
    .fold(text.clone(), |t, sgr| t.replace(sgr, ""));
    assert_inert("check --color always", without_own.as_bytes());
    assert!(text.contains(SHOWN));
}

#[test]
fn messages_on_stderr_are_escaped() {
    let dir = setup();
    let d = dir.path();
    // `route`'s "no route" reason names the client.
    let out = sysuser(
        d,
        &[
            "route",
            "plan.yaml",
            "--client",
            "310000027",
            "--package",
            "sykefravaer",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_inert("route stderr", &out.stderr);
    assert!(String::from_utf8_lossy(&out.stderr).contains(SHOWN));
    // A file name is text too: advise's "wrote" note and an error quoting a path.
    let evil_path = format!("out{EVIL}.yaml");
    let out = sysuser(d, &["advise", "situation.yaml", "-o", &evil_path]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_inert("advise -o note", &out.stderr);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("out{SHOWN}.yaml")));
    let out = sysuser(d, &["check", &format!("missing{EVIL}.yaml")]);
    assert_eq!(out.status.code(), Some(2));
    assert_inert("error message", &out.stderr);
    // explain quotes the unknown rule it was given.
    let out = sysuser(d, &["explain", EVIL]);
    assert_eq!(out.status.code(), Some(2));
    assert_inert("explain", &out.stderr);
    assert!(String::from_utf8_lossy(&out.stderr).contains(SHOWN));
}

#[test]
fn an_error_quoting_the_offending_line_escapes_it() {
    let dir = tempfile::tempdir().unwrap();
    // A bidi override is printable YAML, so it reaches the line quoted in
    // the error about the unknown field.
    std::fs::write(
        dir.path().join("bad.yaml"),
        "version: 1\norganisation: { orgnr: \"310202398\", name: Tiger }\nsystem: { id: \"991825827_x\", vendor: \"991825827\" }\nnmae\u{202e}: x\n",
    )
    .unwrap();
    let out = sysuser(dir.path(), &["check", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_inert("check error", &out.stderr);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(r"\u{202e}"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every string in a JSON value.
fn strings(v: &serde_json::Value) -> Vec<&str> {
    match v {
        serde_json::Value::String(s) => vec![s],
        serde_json::Value::Array(a) => a.iter().flat_map(strings).collect(),
        serde_json::Value::Object(o) => o.values().flat_map(strings).collect(),
        _ => vec![],
    }
}

#[test]
fn json_and_yaml_stay_exact() {
    let dir = setup();
    let d = dir.path();
    let out = sysuser(d, &["check", "plan.yaml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        strings(&json).iter().any(|s| s.contains(EVIL)),
        "the names are not exact in {json}"
    );
    for args in [
        &["routes", "plan.yaml", "--format", "json"][..],
        &["routes", "plan.yaml", "--format", "yaml"][..],
    ] {
        let out = sysuser(d, args);
        let rows: serde_json::Value = if args.contains(&"json") {
            serde_json::from_slice(&out.stdout).unwrap()
        } else {
            serde_yaml::from_slice(&out.stdout).unwrap()
        };
        let names: Vec<&str> = rows
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["party_name"].as_str())
            .collect();
        assert!(
            names.contains(&format!("Client {EVIL}").as_str()),
            "{args:?}"
        );
    }
    // advise writes the plan back with the names as they were.
    let out = sysuser(d, &["advise", "situation.yaml"]);
    let plan: serde_json::Value = serde_yaml::from_slice(&out.stdout).unwrap();
    assert_eq!(plan["clients"][0]["name"], format!("Client {EVIL}"));
    assert_eq!(plan["organisation"]["name"], format!("Tiger {EVIL}"));
}

#[test]
fn import_refuses_control_characters_in_cells_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("clients.csv"),
        format!(
            "orgnr;name;er_roles\n312655985;Fine AS;regnskapsforer\n310000027;\"Bad {EVIL}\";regnskapsforer\n310000035;\"Two\r\nlines\";revisor\n310000043;Tab\there;revi\u{202e}sor\n"
        ),
    )
    .unwrap();
    let out = sysuser(d, &["import", "clients.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_inert("import", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(r"clients.csv:3: name: contains the control character \x1b (U+001B)"),
        "{err}"
    );
    assert!(
        err.contains(r"clients.csv:6: name: contains the control character \x09 (U+0009)"),
        "{err}"
    );
    assert!(err.contains(r"clients.csv:6: er_roles: contains the control character \u{202e}"));
    // A line break typed in a cell is a line break, not a control character.
    assert!(!err.contains("clients.csv:4:"), "{err}");
    assert!(
        err.contains("3 problems on 2 lines; nothing was written"),
        "{err}"
    );
}
