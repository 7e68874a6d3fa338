//! Shared helpers for the wizard's tests: key feeding, rendering, a fixture plan.
#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sysuser::cli::Lang;
use sysuser::tui::{Action, App, Config};

/// A scenario C/F/D situation: an accounting and auditing firm with three kinds
/// of client relationship, one client with an extra delegated package, two teams.
pub const SITUATION: &str = r#"
version: 1
organisation: { orgnr: "310202398", name: Rett Revisjon AS, unit_type: AS }
system:
  id: "991825827_smartcloud"
  vendor: "991825827"
  access_packages: [regnskapsforer-med-signeringsrettighet, ansvarlig-revisor, a-ordning, sykefravaer, merverdiavgift]
own_packages: [merverdiavgift]
clients:
  - { orgnr: "312655985", name: Client A AS, unit_type: AS, er_roles: [regnskapsforer] }
  - { orgnr: "312655993", name: Client B AS, unit_type: AS, er_roles: [regnskapsforer], delegated: [sykefravaer] }
  - { orgnr: "312656000", name: Client C AS, unit_type: AS, er_roles: [revisor] }
  - { orgnr: "312656019", name: Client D AS, unit_type: AS, er_roles: [revisor] }
  - { orgnr: "312656027", name: Client E AS, unit_type: AS, delegated: [a-ordning] }
  - { orgnr: "312656035", name: Client F AS, unit_type: AS, delegated: [a-ordning] }
teams:
  - { name: Accounting, handles: [regnskapsforer], members: [kari, ola] }
  - { name: Audit, handles: [revisor], members: [per] }
"#;

/// The same situation with a layout: a complete plan.
pub const COMPLETE: &str = r#"
system_users:
  - name: Accounting
    external_ref: accounting
    type: client
    access_packages: [regnskapsforer-med-signeringsrettighet]
    clients: ["312655985", "312655993"]
    teams: [Accounting]
"#;

pub fn situation() -> sysuser::plan::Plan {
    sysuser::plan::parse(SITUATION, "situation.yaml").expect("fixture parses")
}

pub fn complete() -> sysuser::plan::Plan {
    let text = format!("{SITUATION}{COMPLETE}");
    sysuser::plan::parse(&text, "complete.yaml").expect("fixture parses")
}

pub fn config(lang: Lang) -> Config {
    Config {
        lang,
        color: true,
        state_path: None,
        background: false,
    }
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses keys in order; returns the last action.
pub fn press(app: &mut App, codes: &[KeyCode]) -> Action {
    let mut last = Action::Continue;
    for &c in codes {
        last = app.on(key(c));
    }
    last
}

/// Types text, one character at a time.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on(key(KeyCode::Char(c)));
    }
}

/// Edits the selected text row: Enter, the text, Enter.
pub fn enter_text(app: &mut App, text: &str) {
    app.on(key(KeyCode::Enter));
    type_text(app, text);
    app.on(key(KeyCode::Enter));
}

pub fn draw(app: &App, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
    terminal.backend().clone()
}

/// The screen as plain text lines.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    draw(app, width, height).to_string()
}

/// The fixture situation on the clients step after `i` read a client list
/// with `csv` from a file (kept alive by the returned folder).
pub fn import_on_clients(csv: &str) -> (tempfile::TempDir, App) {
    import_on_clients_in(csv, Lang::En)
}

/// [`import_on_clients`] with the wizard in `lang`.
pub fn import_on_clients_in(csv: &str, lang: Lang) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clients.csv");
    std::fs::write(&path, csv).unwrap();
    let mut app = App::with_plan(config(lang), situation(), None);
    app.go(sysuser::tui::Step::Clients);
    app.on(key(KeyCode::Char('i')));
    type_text(&mut app, path.to_str().unwrap());
    app.on(key(KeyCode::Enter));
    (dir, app)
}

/// Snapshots one screen at 80×24 and 120×40, in English and bokmål; `setup`
/// puts the app there. A macro, so that insta names the snapshots after the
/// calling test file.
#[allow(unused_macros)]
macro_rules! snap {
    ($name:expr, $setup:expr) => {{
        let setup = $setup;
        for lang in [Lang::En, Lang::Nb] {
            let app: App = setup(lang);
            for (w, h) in [(80u16, 24u16), (120, 40)] {
                let shot = format!("{}_{}_{w}x{h}", $name, lang.code());
                insta::assert_snapshot!(shot, screen(&app, w, h));
            }
        }
    }};
}

/// Waits until the background worker has answered for the newest revision.
pub fn wait_for_worker(app: &mut App) {
    let start = std::time::Instant::now();
    while app.computing() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "the worker answers"
        );
        app.poll_computed();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

/// Where the review lists the first finding that `matches`.
pub fn finding_index(
    app: &App,
    matches: impl Fn(&sysuser::rules::Finding) -> bool,
) -> Option<usize> {
    app.computed.report.findings.iter().position(matches)
}
