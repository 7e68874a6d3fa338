//! End to end: the real binary in a real terminal (tmux). A new user types in
//! scenario C from scratch (clients from a CSV file), walks every step,
//! exports, and `sysuser check` accepts the exported plan. Skipped, with a
//! message, when tmux is not installed.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            let out = self.run(&["send-keys", "-t", "w", k]);
            assert!(out.status.success(), "send-keys {k}: {out:?}");
        }
    }

    /// Sends text literally (no key-name lookup).
    fn text(&self, text: &str) {
        let out = self.run(&["send-keys", "-t", "w", "-l", text]);
        assert!(out.status.success());
    }

    /// Starts `sh -c script` in a 110×34 session named `w`.
    fn start(&self, script: &str) {
        let out = self.run(&[
            "new-session",
            "-d",
            "-s",
            "w",
            "-x",
            "110",
            "-y",
            "34",
            "sh",
            "-c",
            script,
        ]);
        assert!(out.status.success(), "{out:?}");
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "w"]).stdout).into_owned()
    }

    /// Polls the screen until it shows `text`; fails with the screen after 15 s.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Polls the screen until `ok` holds; `what` names it in the failure.
    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {what:?}; the screen shows:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The findings pane's title, "Findings: 1 warning, 2 infos".
fn findings_title(screen: &str) -> String {
    screen
        .split("Findings: ")
        .nth(1)
        .and_then(|rest| rest.split(" ─").next())
        .unwrap_or_default()
        .to_string()
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

const CLIENTS_CSV: &str = "orgnr;name;unit_type;er_roles;delegated
311800132;Client A AS;AS;regnskapsforer;
311800264;Client B AS;AS;regnskapsforer;
311800396;Client C AS;AS;revisor;
311800523;Client D AS;AS;revisor;
311800655;Client E AS;AS;;a-ordning
311800787;Client F AS;AS;;a-ordning
";

#[test]
fn walk_scenario_c_from_scratch_export_and_check() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed, so the wizard's end-to-end walk did not run");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path();
    std::fs::write(work.join("clients.csv"), CLIENTS_CSV).unwrap();
    let bin = env!("CARGO_BIN_EXE_sysuser");
    let tmux = Tmux {
        socket: format!("sysuser-e2e-{}", std::process::id()),
    };
    let script = format!(
        "cd '{}' && SYSUSER_STATE_DIR='{}' LANG=C.UTF-8 '{bin}' wizard; echo EXIT=$?; stty -a > stty.txt; sleep 60",
        work.display(),
        work.join("state").display()
    );
    tmux.start(&script);

    tmux.wait_for("Start a new plan");
    tmux.keys(&["Down", "Enter"]);
    tmux.wait_for("Organisation number");
    // Organisation: number, name, form; each Enter edits, Enter stores.
    for value in ["311040138", "Rett Revisjon AS", "AS"] {
        tmux.keys(&["Enter"]);
        tmux.text(value);
        tmux.keys(&["Enter"]);
        tmux.wait_for(value);
    }
    tmux.wait_for("valid check digit");
    tmux.keys(&["n"]);
    // System: id, vendor, packages from the picker, not visible.
    tmux.wait_for("System id");
    tmux.keys(&["Enter"]);
    tmux.text("991825827_regnskapssystem");
    tmux.keys(&["Enter", "Enter"]);
    tmux.text("991825827");
    tmux.keys(&["Enter"]);
    tmux.wait_for("991825827_regnskapssystem");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Packages in the system register");
    for code in [
        "regnskapsforer-med-signeringsrettighet",
        "ansvarlig-revisor",
        "a-ordning",
    ] {
        tmux.keys(&["/"]);
        tmux.text(code);
        tmux.keys(&["Enter", "g", "Space"]);
        tmux.wait_for(&format!("[x] {code}"));
    }
    tmux.keys(&["Escape"]);
    tmux.wait_for("(3) ");
    tmux.keys(&["Down", "Down", "Space"]);
    tmux.wait_until("not visible", |s| {
        s.lines().any(|l| {
            l.contains("Visible in Altinn") && l.trim_end_matches(['│', ' ']).ends_with("No")
        })
    });
    tmux.keys(&["n"]);
    // Own packages: none. Clients: from the CSV file.
    tmux.wait_for("OWN data");
    tmux.keys(&["n"]);
    tmux.wait_for("No clients yet");
    tmux.keys(&["i"]);
    tmux.text("clients.csv");
    tmux.keys(&["Enter"]);
    tmux.wait_for("6 clients");
    tmux.wait_for("Client F AS");
    tmux.keys(&["n"]);
    tmux.wait_for("No teams");
    tmux.keys(&["n"]);
    tmux.wait_for("Scenario F");
    tmux.keys(&["n"]);
    // The decision tree, one question at a time.
    tmux.wait_for("Question 1 of 7");
    for i in 2..=7 {
        tmux.keys(&["Down"]);
        tmux.wait_for(&format!("Question {i} of 7"));
    }
    tmux.keys(&["n"]);
    let review = tmux.wait_for("Recommended layout");
    assert!(review.contains("Findings"), "{review}");
    // The layout is edited on the review: Client A moves out of
    // "Accounting", the findings follow, and u puts it back.
    let counts = findings_title(&review);
    assert!(!counts.is_empty(), "{review}");
    tmux.keys(&["e"]);
    tmux.wait_for("Edit the layout");
    tmux.keys(&["c"]);
    tmux.wait_for("Clients of \"Accounting\"");
    tmux.keys(&["d"]);
    tmux.wait_for("Removed Client A AS (311800132) from \"Accounting\". u undoes it.");
    tmux.wait_until("the findings re-checked", |s| findings_title(s) != counts);
    tmux.keys(&["a"]);
    let picker = tmux.wait_for("Add a client to \"Accounting\"");
    assert!(picker.contains("✓ Client A AS (311800132)"), "{picker}");
    assert!(
        picker.contains("Client C AS (311800396) — gives none of its packages (AUTH-00079)"),
        "{picker}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("Clients of \"Accounting\"");
    tmux.keys(&["u"]);
    tmux.wait_for("Undone.");
    tmux.wait_until("the findings as before", |s| findings_title(s) == counts);
    tmux.keys(&["Escape"]);
    tmux.wait_until("the clients dialog closed", |s| !s.contains("Clients of"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("Your layout");
    tmux.keys(&["Tab", "Tab", "n"]);
    // Export: the plan and the tree as Markdown, named after the plan.
    tmux.wait_for("Plan file");
    tmux.keys(&["Enter"]);
    tmux.text("rett-revisjon.yaml");
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for("Markdown");
    tmux.keys(&["End", "Enter"]);
    tmux.wait_for("Wrote rett-revisjon.yaml");
    tmux.keys(&["q"]);
    let end = ended(&tmux, work);
    assert!(end.contains("EXIT=0"), "{end}");
    assert!(end.contains("Wrote rett-revisjon.yaml"), "{end}");
    assert!(end.contains("Wrote rett-revisjon-tree.md"), "{end}");

    let plan = work.join("rett-revisjon.yaml");
    assert!(Path::new(&plan).exists());
    assert!(work.join("rett-revisjon-tree.md").exists());
    let check = Command::new(bin).arg("check").arg(&plan).output().unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    assert_eq!(
        check.status.code(),
        Some(0),
        "check on the export:\n{report}\n{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains("system_users:"), "{text}");
    assert!(text.contains("311800787"), "{text}");
}

#[test]
fn not_a_terminal_is_one_line_and_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .arg("wizard")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("sysuser check"), "{err}");
    assert!(out.stdout.is_empty());

    let out = Command::new(env!("CARGO_BIN_EXE_sysuser"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "no arguments, no terminal");
}

/// Starts the wizard in its own tmux server; the shell writes its pid (the
/// wizard's, after `exec`), then the exit code and the terminal mode after it.
fn start_wizard(work: &Path, tag: &str) -> Tmux {
    let bin = env!("CARGO_BIN_EXE_sysuser");
    let tmux = Tmux {
        socket: format!("sysuser-{tag}-{}", std::process::id()),
    };
    let script = format!(
        "cd '{}' && sh -c 'echo $$ > pid; SYSUSER_STATE_DIR=state LANG=C.UTF-8 exec \"{bin}\" wizard'; \
         echo EXIT=$?; stty -a > stty.txt; sleep 60",
        work.display()
    );
    tmux.start(&script);
    tmux.wait_for("Start a new plan");
    tmux
}

/// After the wizard ended: its exit code, with the terminal back in cooked
/// mode on the normal screen with a visible cursor.
fn ended(tmux: &Tmux, work: &Path) -> String {
    let end = tmux.wait_for("EXIT=");
    let start = Instant::now();
    while !work.join("stty.txt").exists() {
        assert!(start.elapsed() < Duration::from_secs(10), "stty ran");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    let stty = std::fs::read_to_string(work.join("stty.txt")).unwrap();
    assert!(
        stty.split_whitespace().any(|w| w == "icanon")
            && stty.split_whitespace().any(|w| w == "echo"),
        "cooked mode again: {stty}"
    );
    let mode = tmux.run(&["display", "-p", "-t", "w", "#{alternate_on} #{cursor_flag}"]);
    assert_eq!(
        String::from_utf8_lossy(&mode.stdout).trim(),
        "0 1",
        "normal screen, cursor on"
    );
    end
}

#[test]
fn signals_save_the_session_restore_the_terminal_and_exit_128_plus_n() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed, so the signal test did not run");
        return;
    }
    for (signal, name, code) in [
        (15, "TERM", 143),
        (1, "HUP", 129),
        (3, "QUIT", 131),
        (2, "INT", 130),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let work = dir.path();
        let tmux = start_wizard(work, &format!("sig{signal}"));
        tmux.keys(&["Down", "Enter", "Enter"]);
        tmux.text("311040138");
        tmux.keys(&["Enter"]);
        tmux.wait_for("valid check digit");
        let pid = std::fs::read_to_string(work.join("pid")).unwrap();
        let kill = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.trim())
            .output()
            .unwrap();
        assert!(kill.status.success(), "{kill:?}");
        let end = ended(&tmux, work);
        assert!(end.contains(&format!("EXIT={code}")), "SIG{name}: {end}");
        let saved = std::fs::read_to_string(work.join("state/wizard.yaml")).unwrap();
        assert!(
            saved.contains("311040138"),
            "SIG{name}: the session is saved: {saved}"
        );
    }
}

#[test]
fn ctrl_c_exits_130_and_a_fifo_does_not_freeze_the_wizard() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed, so the FIFO test did not run");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path();
    let fifo = work.join("plan.yaml");
    let made = Command::new("mkfifo").arg(&fifo).output().unwrap();
    assert!(made.status.success());
    let tmux = start_wizard(work, "fifo");
    tmux.keys(&["Down", "Down", "Enter"]);
    tmux.text("plan.yaml");
    tmux.keys(&["Enter"]);
    tmux.wait_for("not a regular file");
    // Escape alone first: sent together with Enter, a terminal may read Alt-Enter.
    tmux.keys(&["Escape"]);
    tmux.wait_until("the field closed", |s| !s.contains("not a regular file"));
    tmux.keys(&["Enter"]);
    tmux.text("/dev/zero");
    tmux.keys(&["Enter"]);
    tmux.wait_for("/dev/zero is not a regular file");
    tmux.keys(&["C-c"]);
    let end = ended(&tmux, work);
    assert!(end.contains("EXIT=130"), "{end}");
}
