//! The write path through the real binary (`advise -o`, `import --into`,
//! `import -o`): whatever another user plants at the temporary names, a
//! private plan stays private at every moment, devices and FIFOs are written
//! through, `-` is standard output, and a failed write leaves nothing behind.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

fn sysuser(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs")
}

const CSV: &str = "orgnr;name;er_roles\n311037889;Ny Kunde AS;regnskapsforer\n";

/// A folder with a plan (`plan.yaml`, mode 0600, `clients` clients), the
/// matching situation and a client list.
fn setup(clients: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plan = sysuser::generate::plan(clients, 4, 1);
    fs::write(d.join("plan.yaml"), sysuser::plan::to_yaml(&plan)).unwrap();
    fs::set_permissions(d.join("plan.yaml"), fs::Permissions::from_mode(0o600)).unwrap();
    let situation = sysuser::generate::plan(clients, 0, 1);
    fs::write(d.join("situation.yaml"), sysuser::plan::to_yaml(&situation)).unwrap();
    fs::write(d.join("clients.csv"), CSV).unwrap();
    dir
}

/// The three writing commands, each writing `target`.
fn writers(target: &str) -> [Vec<String>; 3] {
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    [
        v(&["advise", "situation.yaml", "-o", target]),
        v(&["import", "clients.csv", "--into", "plan.yaml", "-o", target]),
        v(&["import", "clients.csv", "-o", target]),
    ]
}

fn run(dir: &Path, args: &[String]) -> Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    sysuser(dir, &args)
}

fn entries(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Names a writer could use for its temporary file: the old `.NAME.PID.tmp`
/// for the next thousand process ids, the usual editor patterns, and a few
/// hundred of the current pattern's shape with random letters.
fn temporary_names(name: &str) -> Vec<String> {
    let pid = std::process::id();
    let mut names: Vec<String> = (pid..pid + 1000)
        .map(|p| format!(".{name}.{p}.tmp"))
        .collect();
    names.extend([
        format!(".{name}.tmp"),
        format!("{name}.tmp"),
        format!("{name}~"),
        format!(".{name}.swp"),
        format!("{name}.new"),
    ]);
    let mut seed = u64::from(pid);
    for _ in 0..300 {
        let letters: String = (0..12)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                char::from(b'a' + ((seed >> 33) % 26) as u8)
            })
            .collect();
        names.push(format!(".{name}.{letters}.tmp"));
    }
    names
}

#[test]
fn links_planted_at_temporary_names_are_never_written_through() {
    let dir = setup(50);
    let d = dir.path();
    let victim = d.join("victim.txt");
    fs::write(&victim, "the victim's file").unwrap();
    for name in temporary_names("plan.yaml") {
        std::os::unix::fs::symlink(&victim, d.join(name)).unwrap();
    }
    let before = entries(d);
    for args in writers("plan.yaml") {
        let out = run(d, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "the victim's file");
        assert!(
            fs::read_to_string(d.join("plan.yaml"))
                .unwrap()
                .contains("clients:")
        );
        assert_eq!(entries(d), before, "{args:?} left or removed files");
        for name in temporary_names("plan.yaml") {
            let m = fs::symlink_metadata(d.join(&name)).unwrap();
            assert!(m.file_type().is_symlink(), "{name} was replaced");
        }
    }
}

#[test]
fn files_pre_created_at_temporary_names_are_left_alone() {
    let dir = setup(50);
    let d = dir.path();
    for name in temporary_names("plan.yaml") {
        fs::write(d.join(&name), "another user's").unwrap();
        fs::set_permissions(d.join(&name), fs::Permissions::from_mode(0o666)).unwrap();
    }
    let before = entries(d);
    for args in writers("plan.yaml") {
        let out = run(d, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert_eq!(entries(d), before, "{args:?}");
        for name in temporary_names("plan.yaml") {
            assert_eq!(fs::read_to_string(d.join(&name)).unwrap(), "another user's");
        }
        let plan = d.join("plan.yaml");
        assert_eq!(
            fs::metadata(&plan).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

/// Every entry of `dir` other than `known`, with its mode, seen by a thread
/// that lists the folder as fast as it can while `args` runs.
fn watch_while(dir: &Path, known: &BTreeSet<String>, args: &[String]) -> Vec<(String, u32, bool)> {
    let stop = Arc::new(AtomicBool::new(false));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let watcher = {
        let (dir, known, stop, seen) =
            (dir.to_path_buf(), known.clone(), stop.clone(), seen.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let Ok(rd) = fs::read_dir(&dir) else { continue };
                for e in rd.flatten() {
                    let name = e.file_name().to_string_lossy().into_owned();
                    if known.contains(&name) {
                        continue;
                    }
                    if let Ok(m) = fs::symlink_metadata(e.path()) {
                        let regular = m.file_type().is_file();
                        seen.lock()
                            .unwrap()
                            .push((name, m.permissions().mode() & 0o7777, regular));
                    }
                }
            }
        })
    };
    let out = run(dir, args);
    stop.store(true, Ordering::Relaxed);
    watcher.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
    Arc::try_unwrap(seen).unwrap().into_inner().unwrap()
}

#[test]
fn a_private_plan_is_never_readable_by_others_while_it_is_written() {
    // Large enough that writing it takes a while, so the watcher sees the
    // temporary file; each command is run until it has been seen.
    let dir = setup(20_000);
    let d = dir.path();
    let known = entries(d);
    for args in writers("plan.yaml") {
        let mut observed = Vec::new();
        for _ in 0..20 {
            fs::set_permissions(d.join("plan.yaml"), fs::Permissions::from_mode(0o600)).unwrap();
            observed = watch_while(d, &known, &args);
            if !observed.is_empty() {
                break;
            }
        }
        assert!(
            !observed.is_empty(),
            "{args:?}: the temporary file was never seen"
        );
        for (name, mode, regular) in &observed {
            assert!(
                name.starts_with(".plan.yaml.") && name.ends_with(".tmp"),
                "{name}"
            );
            assert!(*regular, "{name} is not a regular file");
            assert_eq!(*mode, 0o600, "{name} had mode {mode:o} while being written");
        }
        assert_eq!(entries(d), known, "{args:?} left files behind");
        assert_eq!(
            fs::metadata(d.join("plan.yaml"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
    }
}

/// The creation itself, seen by the kernel: with `strace` present (it is on
/// the build machine), the temporary file is opened with O_CREAT|O_EXCL and
/// mode 0600, so it is never briefly wider, nor a file someone else made.
#[test]
fn the_temporary_file_is_created_exclusively_with_the_final_mode() {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("strace is not installed; the watcher test above covers the mode");
        return;
    }
    let dir = setup(50);
    let d = dir.path();
    for args in writers("plan.yaml") {
        let log = d.join("strace.log");
        let out = Command::new("strace")
            .args(["-f", "-e", "trace=openat,open", "-o"])
            .arg(&log)
            .arg(env!("CARGO_BIN_EXE_sysuser"))
            .args(&args)
            .current_dir(d)
            .output()
            .unwrap();
        if !out.status.success() && String::from_utf8_lossy(&out.stderr).contains("ptrace") {
            eprintln!("ptrace is not permitted here; skipping");
            return;
        }
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        let trace = fs::read_to_string(&log).unwrap();
        fs::remove_file(&log).unwrap();
        let creates: Vec<&str> = trace
            .lines()
            .filter(|l| l.contains("/.plan.yaml."))
            .collect();
        assert_eq!(creates.len(), 1, "{args:?}: {trace}");
        assert!(creates[0].contains("O_CREAT|O_EXCL"), "{}", creates[0]);
        assert!(creates[0].contains(", 0600)"), "{}", creates[0]);
    }
}

#[test]
fn a_new_plan_gets_the_usual_mode_and_no_temporary_file_remains() {
    let dir = setup(50);
    let d = dir.path();
    for args in writers("new.yaml") {
        let out = run(d, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        let mode = fs::metadata(d.join("new.yaml"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        // 0666 less the umask: never executable, never more than 0666.
        assert_eq!(mode & !0o666, 0, "{mode:o}");
        fs::remove_file(d.join("new.yaml")).unwrap();
        assert!(!entries(d).iter().any(|e| e.contains(".tmp")));
    }
}

#[test]
fn a_fifo_is_written_through() {
    let dir = setup(50);
    let d = dir.path();
    let fifo = d.join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for args in writers("pipe") {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        let out = run(d, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        let got = reader.join().unwrap();
        assert!(got.contains("clients:"), "{args:?}: {got}");
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }
}

#[test]
fn dev_null_is_written_through_and_stays_a_device() {
    let dir = setup(50);
    let d = dir.path();
    let dev = entries(Path::new("/dev"));
    for args in writers("/dev/null") {
        let out = run(d, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        let m = fs::symlink_metadata("/dev/null").unwrap();
        assert!(
            m.file_type().is_char_device(),
            "/dev/null was replaced by {args:?}"
        );
        assert_eq!(m.permissions().mode() & 0o777, 0o666);
        assert!(
            !entries(Path::new("/dev"))
                .difference(&dev)
                .any(|e| e.contains("null"))
        );
    }
}

#[test]
fn dash_is_standard_output() {
    let dir = setup(50);
    let d = dir.path();
    let plan_before = fs::read(d.join("plan.yaml")).unwrap();
    let known = entries(d);
    for args in writers("-") {
        let out = run(d, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("clients:"), "{args:?}");
        assert_eq!(entries(d), known, "{args:?} made a file");
        assert_eq!(fs::read(d.join("plan.yaml")).unwrap(), plan_before);
    }
}

/// A write that fails half way (the file size limit, with SIGXFSZ ignored
/// so the write returns an error instead of killing the process) leaves the
/// old plan as it was and no temporary file.
#[test]
fn a_failed_write_keeps_the_old_plan_and_leaves_nothing_behind() {
    let dir = setup(5_000);
    let d = dir.path();
    let plan_before = fs::read(d.join("plan.yaml")).unwrap();
    let known = entries(d);
    for args in writers("plan.yaml") {
        if args[0] == "import" && !args.contains(&"--into".to_string()) {
            continue; // a one-client list is smaller than any limit
        }
        let script = format!("trap '' XFSZ; ulimit -f 64; exec \"$0\" {}", args.join(" "));
        let out = Command::new("sh")
            .args(["-c", &script, env!("CARGO_BIN_EXE_sysuser")])
            .current_dir(d)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cannot write plan.yaml"), "{err}");
        assert_eq!(fs::read(d.join("plan.yaml")).unwrap(), plan_before);
        assert_eq!(entries(d), known, "{args:?} left files behind");
    }
}
