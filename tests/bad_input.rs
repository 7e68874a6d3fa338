//! Bad plan files, through the real binary and every command that reads a
//! plan: exit 2, one clear message on stderr (what, where, how to fix), no
//! panic, no hang, nothing written. Then a property: no input panics the core.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const GOOD: &str = r#"version: 1
organisation: { orgnr: "310202398", name: Tiger AS, unit_type: AS }
system: { id: "991825827_smartcloud", vendor: "991825827", visible: false, access_packages: [regnskapsforer-med-signeringsrettighet, merverdiavgift] }
own_packages: [merverdiavgift]
clients:
  - { orgnr: "311000004", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }
system_users:
  - { name: Own, external_ref: own, type: standard, access_packages: [merverdiavgift] }
  - { name: Accounting, external_ref: accounting, type: client, access_packages: [regnskapsforer-med-signeringsrettighet], clients: ["311000004"] }
"#;

/// Each corpus file and a piece of the message it must give.
const CORPUS: &[(&str, &str)] = &[
    ("alias-bomb.yaml", "aliases expand it to more than"),
    ("alias-bomb-in-field.yaml", "aliases expand it to more than"),
    ("binary.bin", "looks like a binary file"),
    ("comment-only.yaml", "the plan is empty"),
    ("deep-nesting.yaml", "nested more than 32 deep"),
    ("duplicate-key.yaml", "duplicate field `organisation`"),
    (
        "duplicate-key-nested.yaml",
        "clients[0]: duplicate field `name`",
    ),
    ("empty.yaml", "the plan is empty"),
    (
        "empty-package.yaml",
        "own_packages[0]: empty access package",
    ),
    ("latin1.yaml", "not UTF-8"),
    (
        "malformed-indentation.yaml",
        "invalid YAML: did not find expected key",
    ),
    ("malformed-unclosed-flow.yaml", "invalid YAML"),
    ("missing-system.yaml", "missing field `system`"),
    ("multiple-documents.yaml", "more than one YAML document"),
    ("orgnr-20-digit-number.yaml", "quoted strings of 9 digits"),
    (
        "orgnr-20-digits.yaml",
        "9 digits, found `31020239812345678901`",
    ),
    ("orgnr-letters.yaml", "9 digits, found `3102O2398`"),
    ("top-level-list.yaml", "expected a plan"),
    ("top-level-scalar.yaml", "expected a plan"),
    ("unknown-anchor.yaml", "refers to no anchor"),
    ("unknown-er-role.yaml", "unknown value `boss`"),
    ("unknown-f-option.yaml", "unknown value `maybe`"),
    (
        "unknown-field-nested.yaml",
        "did you mean `access_packages`",
    ),
    ("unknown-field-top.yaml", "did you mean `clients`"),
    ("unknown-type.yaml", "unknown value `robot`"),
    (
        "unknown-unit-type.yaml",
        "clients[0].unit_type: unknown organisation form",
    ),
    ("utf16.yaml", "UTF-16"),
    ("version-2.yaml", "unsupported plan version 2"),
    ("wrong-type-bool.yaml", "system.visible: invalid type"),
    ("wrong-type-clients.yaml", "clients: invalid type"),
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input")
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary with a 10 s guard: a hang is killed and fails the test.
fn run(args: &[&str], cwd: &Path) -> Run {
    let out_dir = tempfile::tempdir().unwrap();
    let (o, e) = (out_dir.path().join("out"), out_dir.path().join("err"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&o).unwrap())
        .stderr(std::fs::File::create(&e).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("sysuser {args:?} hung for more than 10 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&std::fs::read(&o).unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&std::fs::read(&e).unwrap()).into_owned(),
    }
}

/// Every command that reads a plan, with `{}` for the bad file.
fn invocations(bad: &str) -> Vec<Vec<String>> {
    let v = |a: &[&str]| a.iter().map(|s| s.replace("{}", bad)).collect::<Vec<_>>();
    vec![
        v(&["check", "{}"]),
        v(&["check", "{}", "--format", "json"]),
        v(&["render", "{}"]),
        v(&["advise", "{}"]),
        v(&["advise", "{}", "-o", "target.yaml"]),
        v(&["routes", "{}"]),
        v(&[
            "route",
            "{}",
            "--client",
            "311000004",
            "--package",
            "merverdiavgift",
        ]),
        v(&["compare", "{}"]),
        v(&["checklist", "{}"]),
        v(&["diff", "{}", "good.yaml"]),
        v(&["diff", "good.yaml", "{}"]),
        v(&["import", "clients.csv", "--into", "{}"]),
    ]
}

const TARGET: &str = "# an existing file advise -o must not touch\n";

/// Runs every command on `bad` (a path relative to, or inside, `dir`) and
/// checks the contract; `expect` must appear in every message.
fn assert_refused(dir: &Path, bad: &str, expect: &str) {
    std::fs::write(dir.join("good.yaml"), GOOD).unwrap();
    std::fs::write(dir.join("clients.csv"), "orgnr\n311000004\n").unwrap();
    std::fs::write(dir.join("target.yaml"), TARGET).unwrap();
    let before: Vec<_> = listing(dir);
    let bad_bytes = std::fs::read(dir.join(bad)).ok();
    for args in invocations(bad) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args, dir);
        let shown = format!(
            "sysuser {}\nstdout:\n{}\nstderr:\n{}",
            args.join(" "),
            r.stdout,
            r.stderr
        );
        assert_eq!(r.code, Some(2), "{shown}");
        assert!(!r.stderr.contains("panicked"), "{shown}");
        assert!(r.stdout.is_empty(), "nothing on stdout: {shown}");
        assert_eq!(
            r.stderr.matches("error:").count(),
            1,
            "one message: {shown}"
        );
        assert!(r.stderr.contains(expect), "expected `{expect}`: {shown}");
        assert!(
            r.stderr.contains("help:") || r.stderr.contains("expected"),
            "says how to fix it: {shown}"
        );
        let name = Path::new(bad).file_name().unwrap().to_string_lossy();
        assert!(r.stderr.contains(&*name), "names the file: {shown}");
        assert_eq!(
            std::fs::read_to_string(dir.join("target.yaml")).unwrap(),
            TARGET,
            "{shown}"
        );
        assert_eq!(listing(dir), before, "nothing written: {shown}");
        assert_eq!(std::fs::read(dir.join(bad)).ok(), bad_bytes, "{shown}");
    }
}

fn listing(dir: &Path) -> Vec<(String, u64)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().map(|m| m.len()).unwrap_or(0),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn corpus_files_exist_and_are_all_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|(f, _)| f.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn every_corpus_file_is_refused_by_every_command() {
    for (file, expect) in CORPUS {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(corpus_dir().join(file), dir.path().join(file)).unwrap();
        assert_refused(dir.path(), file, expect);
    }
}

#[test]
fn errors_with_a_location_show_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = "unknown-field-nested.yaml";
    std::fs::copy(corpus_dir().join(file), dir.path().join(file)).unwrap();
    let r = run(&["check", file], dir.path());
    assert!(
        r.stderr.contains("--> unknown-field-nested.yaml:7:5"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("7 |     acces_packages: [merverdiavgift]"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_missing_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gone.yaml"), "x").unwrap();
    std::fs::remove_file(dir.path().join("gone.yaml")).unwrap();
    // The bad path is checked by name only: it does not exist.
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    std::fs::write(dir.path().join("clients.csv"), "orgnr\n311000004\n").unwrap();
    for args in invocations("gone.yaml") {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args, dir.path());
        assert_eq!(r.code, Some(2), "{args:?} {}", r.stderr);
        assert!(
            r.stderr.contains("gone.yaml") && r.stderr.contains("no such file"),
            "{args:?} {}",
            r.stderr
        );
        assert!(!dir.path().join("gone.yaml").exists());
    }
}

#[test]
fn diff_refuses_standard_input_twice() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(&["diff", "-", "-"], dir.path());
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains("read only once") && r.stderr.contains("sysuser diff - NEW.yaml"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    assert_refused(dir.path(), "plans", "is a directory");
}

#[test]
fn an_unreadable_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("secret.yaml");
    std::fs::write(&p, GOOD).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        eprintln!("skipped: running as a user who can read mode-000 files (root)");
        return;
    }
    assert_refused(dir.path(), "secret.yaml", "permission denied");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
}

#[test]
fn an_oversized_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(dir.path().join("huge.yaml")).unwrap();
    f.set_len(sysuser::plan::MAX_FILE_BYTES + 1).unwrap();
    drop(f);
    assert_refused(dir.path(), "huge.yaml", "are refused");
}

// --- No input panics the core -------------------------------------------

const FRAGMENTS: &[&str] = &[
    "version: 1",
    "version: 2",
    "organisation:",
    "organisation: { orgnr: \"310202398\", name: Tiger AS, unit_type: AS }",
    "orgnr: \"310202398\"",
    "orgnr: \"311000004\"",
    "orgnr: \"310202399\"",
    "orgnr: 311000071",
    "name: Tiger AS",
    "unit_type: BRL",
    "unit_type: NUF",
    "system:",
    "system: { id: \"991825827_smartcloud\", vendor: \"991825827\", access_packages: [merverdiavgift, regnskapsforer-med-signeringsrettighet, sykefravaer, forretningsforer-eiendom, eksplisitt] }",
    "system: { id: \"310202398 x\", vendor: \"310202398\", locally_installed: true, visible: true }",
    "id: \"991825827_smartcloud\"",
    "vendor: \"991825827\"",
    "access_packages: [merverdiavgift, sykmelding, innbygger-skatt]",
    "access_packages: []",
    "own_packages: [merverdiavgift, ansvarlig-revisor]",
    "options: { self_on_client_system_user: true, f_option: per-service }",
    "options: { f_option: option-1 }",
    "clients:",
    "- orgnr: \"311000004\"",
    "- { orgnr: \"311000071\", er_roles: [forretningsforer], unit_type: AS, delegated: [sykefravaer] }",
    "- { orgnr: \"310202398\", sub_entity: true, operational_units: [{ orgnr: \"311000144\" }] }",
    "er_roles: [regnskapsforer, revisor]",
    "delegated: [sykefravaer, a-ordning]",
    "teams:",
    "- { name: T, handles: [regnskapsforer, delegated, lonn], members: [kari] }",
    "system_users:",
    "- name: A",
    "- { name: B, type: client, access_packages: [regnskapsforer-med-signeringsrettighet, sykefravaer], clients: [\"311000004\", \"311000071\", \"311000144\"], include_self: true, teams: [T, U] }",
    "- { name: C, type: standard, external_ref: \"\", access_packages: [merverdiavgift], clients: [\"311000004\"] }",
    "- { name: D, type: agent, access_packages: [], external_ref: b }",
    "type: client",
    "type: standard",
    "clients: [\"311000004\", \"311000004\"]",
    "include_self: true",
    "external_ref: a",
    "advice: { scenarios: [A], decision_path: [] }",
    "&a [x]",
    "*a",
    "---",
    "{",
    "[",
    "\"",
    "'",
    ":",
    "- ",
    "\t",
    "# comment",
    "~",
    "null",
];

fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec((0usize..4, prop::sample::select(FRAGMENTS)), 0..24).prop_map(|lines| {
        lines
            .into_iter()
            .map(|(indent, l)| format!("{}{l}\n", "  ".repeat(indent)))
            .collect()
    })
}

/// A valid plan with a few random edits.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec((0usize..GOOD.len(), any::<u8>(), 0u8..3), 0..6).prop_map(|edits| {
        let mut b = GOOD.as_bytes().to_vec();
        for (at, byte, op) in edits {
            let at = at.min(b.len().saturating_sub(1));
            match op {
                0 if !b.is_empty() => {
                    b.remove(at);
                }
                1 => b.insert(at, byte),
                _ if !b.is_empty() => b[at] = byte,
                _ => {}
            }
        }
        b
    })
}

const ORGNRS: &[&str] = &[
    "310202398",
    "311000004",
    "311000071",
    "311000144",
    "311000217",
    "311037889",
    "310202399",
];
const PACKAGES: &[&str] = &[
    "regnskapsforer-med-signeringsrettighet",
    "regnskapsforer-lonn",
    "ansvarlig-revisor",
    "forretningsforer-eiendom",
    "sykefravaer",
    "a-ordning",
    "merverdiavgift",
    "skatt-naering",
    "tilgangsstyrer",
    "eksplisitt",
    "innbygger-sykefravaer",
    "sykmelding",
];
const ROLES: &[&str] = &["regnskapsforer", "revisor", "forretningsforer"];
const FORMS: &[&str] = &["AS", "ENK", "BRL", "ESEK", "NUF", "ORGL", "KOMM"];

fn some<T: Clone + std::fmt::Debug + 'static>(pool: &'static [T]) -> impl Strategy<Value = Vec<T>> {
    prop::sample::subsequence(pool, 0..=pool.len().min(4))
}

fn list(items: &[&str]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Plans that always parse: random facts, random layouts, every kind of mistake.
fn plans() -> impl Strategy<Value = String> {
    let client = (
        prop::sample::select(ORGNRS),
        prop::option::of(prop::sample::select(FORMS)),
        some(ROLES),
        some(PACKAGES),
        any::<bool>(),
        some(ORGNRS),
    );
    let user = (
        any::<bool>(),
        some(PACKAGES),
        some(ORGNRS),
        any::<bool>(),
        prop::sample::select(&["a", "b", "", "310202398"][..]),
        some(&["T", "U"][..]),
    );
    (
        some(PACKAGES),
        some(PACKAGES),
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        prop::collection::vec(client, 0..6),
        prop::collection::vec(user, 0..5),
        any::<bool>(),
    )
        .prop_map(|(system, own, (visible, local, self_on, per_service), clients, users, teams)| {
            let mut y = format!(
                "version: 1\norganisation: {{ orgnr: \"310202398\", name: Org, unit_type: KOMM, operational_units: [{{ orgnr: \"311037889\" }}] }}\n\
                 system: {{ id: \"991825827_x\", vendor: \"{}\", visible: {visible}, locally_installed: {local}, access_packages: {} }}\n\
                 own_packages: {}\noptions: {{ self_on_client_system_user: {self_on}, f_option: {} }}\nclients:\n",
                if local { "310202398" } else { "991825827" },
                list(&system),
                list(&own),
                if per_service { "per-service" } else { "per-combination" },
            );
            for (orgnr, form, roles, delegated, sub, units) in clients {
                let form = form.map(|f| format!(", unit_type: {f}")).unwrap_or_default();
                let units: Vec<String> = units.iter().map(|u| format!("{{ orgnr: \"{u}\" }}")).collect();
                y.push_str(&format!(
                    "  - {{ orgnr: \"{orgnr}\"{form}, er_roles: [{}], delegated: {}, sub_entity: {sub}, operational_units: [{}] }}\n",
                    roles.join(", "),
                    list(&delegated),
                    units.join(", ")
                ));
            }
            if teams {
                y.push_str("teams:\n  - { name: T, handles: [regnskapsforer, delegated], members: [kari] }\n  - { name: U, handles: [sykefravaer] }\n");
            }
            y.push_str("system_users:\n");
            for (i, (client, packages, clients, include_self, external_ref, teams)) in users.into_iter().enumerate() {
                y.push_str(&format!(
                    "  - {{ name: S{i}, external_ref: \"{external_ref}\", type: {}, access_packages: {}, clients: {}, include_self: {include_self}, teams: [{}] }}\n",
                    if client { "client" } else { "standard" },
                    list(&packages),
                    list(&clients),
                    teams.join(", ")
                ));
            }
            y
        })
}

fn exercise(bytes: &[u8]) {
    if let Ok(plan) = sysuser::plan::parse_bytes(bytes, "prop.yaml") {
        let _ = sysuser::engine::check(&plan);
        let advised = sysuser::advisor::advise(&plan);
        let _ = sysuser::engine::check(&advised);
        for format in [
            sysuser::render::Format::Text,
            sysuser::render::Format::Mermaid,
        ] {
            let options = sysuser::render::Options {
                format,
                ..Default::default()
            };
            let _ = sysuser::render::render(&plan, &options);
        }
        let _ = sysuser::checklist::checklist(&plan);
        let _ = sysuser::diff::diff(&plan, &advised);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        exercise(&bytes);
    }

    #[test]
    fn yaml_ish_text_never_panics(text in yamlish()) {
        exercise(text.as_bytes());
    }

    #[test]
    fn mutated_plans_never_panic(bytes in mutated()) {
        exercise(&bytes);
    }

    #[test]
    fn random_valid_plans_never_panic(text in plans()) {
        let plan = sysuser::plan::parse(&text, "prop.yaml");
        prop_assert!(plan.is_ok(), "the generator must make loadable plans: {:?}\n{text}", plan.err());
        exercise(text.as_bytes());
    }
}

#[test]
fn the_good_plan_parses() {
    // Guards the generators above: mutations start from a valid plan.
    sysuser::plan::parse(GOOD, "good.yaml").unwrap();
}
