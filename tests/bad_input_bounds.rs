//! Inputs that once exhausted memory or time, one class per test: each is
//! refused with exit 2 and a message saying what, under an address-space
//! limit (`prlimit --as`) and a time guard, so a regression fails here
//! instead of taking the machine down.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const MIB: u64 = 1024 * 1024;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// `sysuser ARGS` under `prlimit --as=LIMIT`, killed (and failed) after 60 s
/// (the debug build; release timings are in docs/performance.md).
fn run_limited(args: &[&str], limit: u64, stdin: Option<Stdio>) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let (o, e) = (dir.path().join("out"), dir.path().join("err"));
    let mut child = Command::new("prlimit")
        .arg(format!("--as={limit}"))
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_sysuser"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(stdin.unwrap_or(Stdio::null()))
        .stdout(std::fs::File::create(&o).unwrap())
        .stderr(std::fs::File::create(&e).unwrap())
        .spawn()
        .expect("prlimit runs");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("sysuser {args:?} ran for more than 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&std::fs::read(&o).unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&std::fs::read(&e).unwrap()).into_owned(),
    }
}

fn assert_refused(r: &Run, expect: &str) {
    let shown = format!("stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    assert_eq!(r.code, Some(2), "{shown}");
    assert!(!r.stderr.contains("panicked"), "{shown}");
    assert!(!r.stderr.contains("memory allocation"), "{shown}");
    assert!(r.stderr.contains(expect), "expected `{expect}`: {shown}");
}

const HEAD: &str = "version: 1\norganisation: { orgnr: \"310202398\", name: Tiger AS }\nsystem: { id: \"991825827_smartcloud\", vendor: \"991825827\" }\n";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

/// Aliases of a list in every system user: 540 KB of this shape expanded to
/// 18 million values (5.5 GB and over a minute before); a smaller one here,
/// as the debug build parses slowly.
#[test]
fn alias_expansion_is_bounded_by_the_file_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!(
        "{HEAD}own_packages: &pkgs [{}]\nsystem_users:\n",
        vec!["merverdiavgift"; 300].join(",")
    );
    for i in 0..2000 {
        text.push_str(&format!(
            "  - {{ name: u{i}, type: standard, access_packages: *pkgs }}\n"
        ));
    }
    let file = write(dir.path(), "alias.yaml", &text);
    for cmd in ["check", "routes"] {
        let r = run_limited(&[cmd, &file], 512 * MIB, None);
        assert_refused(&r, "aliases expand it to more than");
        assert!(
            r.stderr.contains("`&pkgs`"),
            "names the anchor: {}",
            r.stderr
        );
    }
    // A few aliases within the budget are still read.
    let small = format!(
        "{HEAD}own_packages: &pkgs [merverdiavgift]\nsystem_users:\n  - {{ name: a, type: standard, access_packages: *pkgs }}\n"
    );
    let file = write(dir.path(), "small.yaml", &small);
    let r = run_limited(&["check", &file], 512 * MIB, None);
    assert_ne!(r.code, Some(2), "{}", r.stderr);
}

/// `import --into` would write a plan's aliases back expanded: it refuses,
/// pointing at the first alias, and writes nothing.
#[test]
fn import_into_never_writes_aliases_out() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{HEAD}own_packages: &pkgs [merverdiavgift]\nsystem_users:\n  - {{ name: a, type: standard, access_packages: *pkgs }}\n"
    );
    let plan = write(dir.path(), "plan.yaml", &text);
    let csv = write(dir.path(), "clients.csv", "orgnr\n311000004\n");
    let r = run_limited(&["import", &csv, "--into", &plan], 512 * MIB, None);
    assert_refused(&r, "uses YAML aliases");
    assert!(r.stderr.contains("plan.yaml:6:49"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), text);
}

/// `[[[[…` 200 KB deep: 52 s in the YAML parser before.
#[test]
fn deeply_nested_flow_collections_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "version: 1\nclients: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let file = write(dir.path(), "nested.yaml", &text);
    let start = Instant::now();
    let r = run_limited(&["check", &file], 512 * MIB, None);
    assert_refused(&r, "nested more than 32 deep");
    assert!(r.stderr.contains("nested.yaml:2:"), "{}", r.stderr);
    assert!(start.elapsed() < Duration::from_secs(5));
}

/// A list longer than any plan's (2,000,000 clients) is refused while it is
/// read, not after all of it is built: 14 million clients (255 MiB) took
/// 6 GB and 15 s before. Short items keep the debug build quick.
#[test]
fn the_client_limit_is_enforced_while_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.yaml");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    f.write_all(HEAD.as_bytes()).unwrap();
    f.write_all(b"clients:\n").unwrap();
    for _ in 0..2_000_100 {
        f.write_all(b"- 1\n").unwrap();
    }
    f.flush().unwrap();
    drop(f);
    let r = run_limited(&["check", &path.to_string_lossy()], 1024 * MIB, None);
    assert_refused(&r, "more than 2,000,000 entries");
    assert!(r.stderr.contains("many.yaml:2000005:1"), "{}", r.stderr);
}

/// A big file outside the fast reader's subset is refused before the general
/// parser, whose events take ~20-50 times the text, reads it.
#[test]
fn big_files_outside_the_fast_subset_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    f.write_all(HEAD.replace("Tiger AS", "True").as_bytes())
        .unwrap();
    f.write_all(b"clients:\n").unwrap();
    for _ in 0..3_300_000 {
        f.write_all(b"- orgnr: '311000004'\n").unwrap();
    }
    f.flush().unwrap();
    drop(f);
    let start = Instant::now();
    let r = run_limited(&["check", &path.to_string_lossy()], 512 * MIB, None);
    assert_refused(&r, "such plans over 64 MiB are refused");
    // The fast reader's look at the 65 MiB (it declines at line 2) is what
    // takes time in the debug build; the release build takes 0.1 s.
    assert!(start.elapsed() < Duration::from_secs(30));
}

/// Devices and FIFOs are not read (they never end, or block); `-` reads
/// standard input through the same size limit.
#[test]
fn only_regular_files_and_stdin_are_read() {
    for dev in ["/dev/zero", "/dev/urandom"] {
        let r = run_limited(&["check", dev], 256 * MIB, None);
        assert_refused(&r, "it is a device");
    }
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let r = run_limited(&["check", &fifo.to_string_lossy()], 256 * MIB, None);
    assert_refused(&r, "it is a FIFO");
    // Endless standard input stops at the limit.
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let r = run_limited(&["check", "-"], 1024 * MIB, Some(Stdio::from(zero)));
    assert_refused(&r, "plans over 256 MiB are refused");
    // A plan on standard input is read like a file.
    let good = write(
        dir.path(),
        "good.yaml",
        &format!("{HEAD}own_packages: [merverdiavgift]\n"),
    );
    let stdin = std::fs::File::open(&good).unwrap();
    let r = run_limited(&["render", "-"], 256 * MIB, Some(Stdio::from(stdin)));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("Tiger AS"), "{}", r.stdout);
}

/// `import-altinn` reads a folder of Altinn's answers and `catalog diff` its
/// catalog export: a FIFO blocked them forever and `/dev/zero` read until
/// memory ran out.
#[test]
fn altinn_files_are_read_only_when_regular() {
    let fixtures =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/altinn/h-own-and-delegated");
    for (what, expect) in [("fifo", "it is a FIFO"), ("zero", "it is a device")] {
        let dir = tempfile::tempdir().unwrap();
        for e in std::fs::read_dir(&fixtures).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
        }
        let agents = dir.path().join("agents.json");
        std::fs::remove_file(&agents).unwrap();
        if what == "fifo" {
            assert!(
                Command::new("mkfifo")
                    .arg(&agents)
                    .status()
                    .unwrap()
                    .success()
            );
        } else {
            std::os::unix::fs::symlink("/dev/zero", &agents).unwrap();
        }
        let out = dir.path().join("plan.yaml");
        let r = run_limited(
            &[
                "import-altinn",
                &dir.path().to_string_lossy(),
                "-o",
                &out.to_string_lossy(),
            ],
            256 * MIB,
            None,
        );
        assert_refused(&r, expect);
        assert!(r.stderr.contains("agents.json"), "{}", r.stderr);
        assert!(!out.exists(), "nothing written");
    }
    let r = run_limited(&["catalog", "diff", "/dev/zero"], 256 * MIB, None);
    assert_refused(&r, "cannot read /dev/zero: it is a device");
}

/// Notepad and PowerShell start UTF-8 files with a byte-order mark.
#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "bom.yaml",
        &format!("\u{feff}{HEAD}own_packages: [merverdiavgift]\n"),
    );
    let r = run_limited(&["check", &file], 256 * MIB, None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

/// `\u+041` is not an escape: both readers refuse it.
#[test]
fn a_signed_unicode_escape_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "escape.yaml",
        &HEAD.replace("Tiger AS", "\"Tiger \\u+041S\""),
    );
    let r = run_limited(&["check", &file], 256 * MIB, None);
    assert_refused(&r, "escape.yaml:2:");
}
