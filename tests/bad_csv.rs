//! Bad client lists through `import` (alone and `--into` a plan) and bad
//! `route` arguments: exit 2, the message, nothing written, and bounded time
//! and memory (each run under `prlimit`, 1 GiB of address space and 20 s of
//! CPU, where `prlimit` exists).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Each corpus file (`tests/bad_csv/`) and a piece of the message it must give.
const CORPUS: &[(&str, &str)] = &[
    (
        "bad-rows.csv",
        "bad-rows.csv:4: orgnr 311037889 is listed twice",
    ),
    (
        "control-characters.csv",
        r"control-characters.csv:2: name: contains the control character \x1b",
    ),
    ("empty.csv", "the file is empty"),
    ("misspelt-header.csv", "did you mean `orgnr`?"),
    (
        "mixed-encodings-in-a-cell.csv",
        "mixed-encodings-in-a-cell.csv:2: a cell mixes UTF-8 and Windows-1252",
    ),
    ("spreadsheet.xlsx.csv", "looks like a binary file"),
    (
        "unclosed-quote.csv",
        "unclosed-quote.csv:2: a quoted field is never closed",
    ),
    ("utf16.csv", "the file is UTF-16 text"),
];

const PLAN: &str = r#"version: 1
organisation: { orgnr: "310202398", name: Tiger AS, unit_type: AS }
system: { id: "991825827_smartcloud", vendor: "991825827", access_packages: [regnskapsforer-med-signeringsrettighet] }
clients:
  - { orgnr: "311000004", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }
system_users:
  - { name: Accounting, external_ref: accounting, type: client, access_packages: [regnskapsforer-med-signeringsrettighet], clients: ["311000004"] }
"#;

/// What writes the standard input of a run.
type Feed = Box<dyn FnOnce(&mut dyn Write) + Send>;

/// The binary under limits, with `stdin` fed to it when given.
fn limited(dir: &Path, args: &[&str], stdin: Option<Feed>) -> Output {
    let bin = env!("CARGO_BIN_EXE_sysuser");
    let mut cmd = if Command::new("prlimit").arg("--version").output().is_ok() {
        let mut c = Command::new("prlimit");
        c.args(["--as=1073741824", "--cpu=20", "--"]).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("runs");
    let feeder = stdin.map(|feed| {
        let mut pipe = child.stdin.take().unwrap();
        std::thread::spawn(move || feed(&mut pipe))
    });
    let out = child.wait_with_output().unwrap();
    if let Some(f) = feeder {
        f.join().unwrap();
    }
    out
}

fn corpus(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad_csv")
        .join(name)
}

#[test]
fn every_bad_list_is_refused_with_its_message_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("plan.yaml"), PLAN).unwrap();
    for (name, says) in CORPUS {
        let csv = corpus(name);
        let csv = csv.to_str().unwrap();
        for args in [
            vec!["import", csv, "-o", "out.yaml"],
            vec!["import", csv, "--into", "plan.yaml"],
        ] {
            let out = limited(d, &args, None);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{name} {args:?}: {err}");
            assert!(err.contains(says), "{name}: expected `{says}` in {err}");
            assert!(!err.contains("panicked"), "{name}: {err}");
            assert!(!d.join("out.yaml").exists(), "{name}: wrote out.yaml");
            assert_eq!(std::fs::read_to_string(d.join("plan.yaml")).unwrap(), PLAN);
        }
    }
}

#[test]
fn a_list_over_the_limit_on_standard_input_is_refused_after_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let limit = sysuser::import::MAX_CSV_BYTES as usize;
    let feed: Feed = Box::new(move |pipe| {
        let line = b"311037889;Tiger AS\n".repeat(1 << 12);
        let mut sent = 0;
        // The reader stops after the limit and exits: a broken pipe ends this.
        while sent <= limit + line.len() {
            if pipe.write_all(&line).is_err() {
                return;
            }
            sent += line.len();
        }
    });
    let out = limited(dir.path(), &["import", "-"], Some(feed));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("standard input is over 256 MiB"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn malformed_route_arguments_are_bad_input_before_the_plan_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // The plan is not even valid: the arguments are judged first.
    std::fs::write(dir.path().join("plan.yaml"), "not: [a plan").unwrap();
    for (client, package, says) in [
        (
            "3110000041",
            "sykefravaer",
            "--client: expected an organisation number of 9 digits",
        ),
        (
            "311000005",
            "sykefravaer",
            "--client: 311000005 fails the mod-11 check digit",
        ),
        ("311000004", "sykefraver", "did you mean sykefravaer"),
        (
            "311000004",
            "urn:altinn:accesspackage:nope",
            "--package: `nope` is not an access package",
        ),
    ] {
        let out = limited(
            dir.path(),
            &[
                "route",
                "plan.yaml",
                "--client",
                client,
                "--package",
                package,
            ],
            None,
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{client} {package}: {err}");
        assert!(err.contains(says), "{client} {package}: {err}");
        assert!(out.stdout.is_empty());
    }
}
