//! A wizard whose terminal vanishes without a signal saves the session and
//! ends instead of spinning: first with a scripted event source whose read
//! fails, then the real program on a pseudo-terminal whose other end closes.

mod tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::collections::VecDeque;
use std::io;
use std::time::Duration;
use sysuser::cli::Lang;
use sysuser::tui::events::EventSource;
use sysuser::tui::{App, Ending, Step, state};
use tui_support::*;

/// Gives its keys, then fails as a read on a closed terminal does (EIO).
struct Vanishing {
    keys: VecDeque<Event>,
    reads: usize,
}

impl EventSource for Vanishing {
    fn next(&mut self, _: Duration) -> io::Result<Option<Event>> {
        self.reads += 1;
        match self.keys.pop_front() {
            Some(e) => Ok(Some(e)),
            None => Err(io::Error::from_raw_os_error(5)),
        }
    }
}

#[test]
fn a_failing_read_ends_the_wizard_with_the_session_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(Lang::En);
    cfg.state_path = Some(dir.path().join("wizard.yaml"));
    let mut app = App::with_plan(cfg, situation(), None);
    assert_eq!(app.step, Step::Organisation);
    let keys: Vec<Event> = [KeyCode::Down, KeyCode::Enter]
        .into_iter()
        .chain("Gone AS".chars().map(KeyCode::Char))
        .chain([KeyCode::Enter])
        .map(|c| Event::Key(KeyEvent::new(c, KeyModifiers::NONE)))
        .collect();
    let n = keys.len();
    let mut events = Vanishing {
        keys: keys.into(),
        reads: 0,
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let ending = sysuser::tui::drive(&mut terminal, &mut app, &mut events);
    app.finish_saving();
    assert_eq!(ending, Ending::TerminalGone);
    assert_eq!(ending.exit_code(), 129, "as for a hang-up");
    assert_eq!(events.reads, n + 1, "ends at the first failed read");
    let saved = state::load(&dir.path().join("wizard.yaml")).unwrap();
    assert_eq!(saved.plan.organisation.name, "Gone AS");
    assert_eq!(saved.step, "organisation");
}

/// The program on a pseudo-terminal that is not its controlling terminal
/// (so closing the other end sends no SIGHUP): it must notice and exit.
#[cfg(target_os = "linux")]
#[test]
fn the_wizard_exits_and_saves_when_its_terminal_closes_without_a_signal() {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use std::io::{Read, Write};
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    use std::time::Instant;

    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("situation.yaml");
    std::fs::write(&plan, SITUATION).unwrap();
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let name = std::path::PathBuf::from(name.to_str().unwrap());
    rustix::termios::tcsetwinsize(
        &master,
        rustix::termios::Winsize {
            ws_row: 34,
            ws_col: 110,
            ws_xpixel: 0,
            ws_ypixel: 0,
        },
    )
    .unwrap();
    let open_slave = || {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(rustix::fs::OFlags::NOCTTY.bits() as i32)
            .open(&name)
            .unwrap()
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sysuser"));
    cmd.arg("wizard")
        .arg(&plan)
        .env("SYSUSER_STATE_DIR", dir.path())
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .stdin(Stdio::from(open_slave()))
        .stdout(Stdio::from(open_slave()))
        .stderr(Stdio::from(open_slave()));
    // A new session without a controlling terminal: no SIGHUP when it closes.
    unsafe {
        cmd.pre_exec(|| rustix::process::setsid().map(drop).map_err(io::Error::from));
    }
    let mut child = cmd.spawn().unwrap();
    let mut master = std::fs::File::from(master);
    rustix::io::ioctl_fionbio(&master, true).unwrap();
    let mut screen = Vec::new();
    let drain = |master: &mut std::fs::File, screen: &mut Vec<u8>| {
        let mut buf = [0u8; 65536];
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            screen.extend_from_slice(&buf[..n]);
        }
    };
    let started = Instant::now();
    while !String::from_utf8_lossy(&screen).contains("Organisation") {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the wizard did not start"
        );
        drain(&mut master, &mut screen);
        std::thread::sleep(Duration::from_millis(50));
    }
    // Rename the organisation, then take the terminal away.
    master.write_all(b"\x1b[B\rClosed AS\r").unwrap();
    let typed = Instant::now();
    while !String::from_utf8_lossy(&screen).contains("Closed AS") {
        assert!(
            typed.elapsed() < Duration::from_secs(10),
            "the keys did not arrive"
        );
        drain(&mut master, &mut screen);
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(master);
    let closed = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if closed.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("the wizard kept running after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(129), "{status:?}");
    let saved = state::load(&dir.path().join("wizard.yaml")).unwrap();
    assert_eq!(saved.plan.organisation.name, "Closed AS");
}
