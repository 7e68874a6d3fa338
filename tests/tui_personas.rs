//! Two personas walked from launch to an exported plan, counting every key a
//! person presses (typed characters included). The counts are the wizard's
//! key economy: a change that makes a walk longer fails here.

mod tui_support;

use ratatui::crossterm::event::{KeyCode, KeyCode::*, KeyEvent};
use sysuser::cli::Lang;
use sysuser::tui::{App, Step};
use tui_support::*;

/// An app that counts the keys it is given.
struct Walk {
    app: App,
    keys: usize,
}

impl Walk {
    fn new() -> Walk {
        Walk {
            app: App::new(config(Lang::En)),
            keys: 0,
        }
    }
    fn key(&mut self, k: KeyEvent) {
        self.keys += 1;
        self.app.on(k);
    }
    fn press(&mut self, codes: &[KeyCode]) {
        for &c in codes {
            self.key(key(c));
        }
    }
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            self.key(key(Char(c)));
        }
    }
    /// Enter, the text, Enter.
    fn field(&mut self, s: &str) {
        self.press(&[Enter]);
        self.text(s);
        self.press(&[Enter]);
    }
    /// `/`, the search, Enter, Space: picks the first match in a picker.
    fn pick(&mut self, search: &str) {
        self.press(&[Char('/')]);
        self.text(search);
        self.press(&[Enter, Char(' ')]);
    }
    /// Exports to a temporary folder (the default file name, as a person
    /// would keep it; only the folder differs) and returns the plan written.
    fn export(&mut self, dir: &std::path::Path) -> sysuser::plan::Plan {
        let path = dir.join("plan.yaml");
        self.app.export_plan = path.display().to_string();
        self.app.export_tree = dir.join("plan-tree.txt").display().to_string();
        self.press(&[Char('n')]);
        assert!(self.app.written.contains(&path), "{:?}", self.app.status);
        let text = std::fs::read_to_string(&path).unwrap();
        sysuser::plan::parse(&text, "plan.yaml").unwrap()
    }
}

fn codes(ps: &[sysuser::plan::PackageRef]) -> Vec<&str> {
    ps.iter().map(|p| p.code()).collect()
}

/// A company reporting VAT and payroll for itself with a cloud system.
/// 120 keys before issue 10's shortcuts (every step walked, the packages
/// picked twice, the vendor typed).
#[test]
fn company_reporting_for_itself() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Walk::new();
    w.press(&[Down, Enter]);
    assert_eq!(w.app.step, Step::Organisation);
    w.field("310202398");
    w.field("Bakeriet AS");
    w.field("AS");
    w.press(&[Char('n')]);
    assert_eq!(w.app.step, Step::System);
    // The vendor's number comes from the system id.
    w.field("991825827_smartcloud");
    assert_eq!(w.app.plan.system.vendor.as_str(), "991825827");
    w.press(&[Char('n')]);
    // One pick serves both the organisation's needs and the register.
    assert_eq!(w.app.step, Step::OwnPackages);
    w.pick("mva");
    w.pick("a-ordning");
    w.press(&[Char('n')]);
    // No clients: teams and options do not apply and are passed.
    assert_eq!(w.app.step, Step::Clients);
    w.press(&[Char('n')]);
    assert_eq!(w.app.step, Step::Decision);
    w.press(&[Char('n'), Char('n')]);
    assert_eq!(w.app.step, Step::Export);
    let plan = w.export(dir.path());
    assert_eq!(codes(&plan.own_packages), ["merverdiavgift", "a-ordning"]);
    assert_eq!(
        codes(&plan.system.access_packages),
        ["merverdiavgift", "a-ordning"]
    );
    assert_eq!(plan.system_users.len(), 1);
    assert_eq!(w.keys, 77, "keys for a company reporting for itself");
}

/// An accounting firm with five clients, typed in by hand. 260 keys before
/// issue 10's shortcuts (each client's form and roles typed from scratch,
/// every step walked to the export).
#[test]
fn accounting_firm_with_five_clients() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Walk::new();
    w.press(&[Down, Enter]);
    w.field("310202398");
    w.field("Rett Regnskap AS");
    w.field("AS");
    w.press(&[Char('n')]);
    w.field("991825827_smartcloud");
    w.press(&[Down, Enter]);
    // "accounting" is an everyday word for the accountant packages.
    w.pick("accounting");
    w.press(&[Esc, Char('n')]);
    assert_eq!(
        codes(&w.app.plan.system.access_packages),
        ["regnskapsforer-med-signeringsrettighet"]
    );
    w.press(&[Char('n')]);
    assert_eq!(w.app.step, Step::Clients);
    for (i, orgnr) in [
        "312655985",
        "312655993",
        "312656000",
        "312656019",
        "312656027",
    ]
    .into_iter()
    .enumerate()
    {
        w.press(&[Char('a')]);
        w.field(orgnr);
        w.field(&format!("Kunde {} AS", i + 1));
        if i == 0 {
            w.field("AS");
            // The cursor is on the accountant role: flip it.
            w.press(&[Char(' ')]);
        }
        // Later clients start like the one before: save at once.
        w.press(&[End, Enter]);
    }
    assert_eq!(w.app.plan.clients.len(), 5);
    assert!(w.app.plan.clients.iter().all(|c| c.er_roles.len() == 1));
    // `r` jumps to the review from anywhere.
    w.press(&[Char('r')]);
    assert_eq!(w.app.step, Step::Review);
    w.press(&[Char('n')]);
    assert_eq!(w.app.step, Step::Export);
    let plan = w.export(dir.path());
    assert_eq!(plan.system_users.len(), 1);
    assert_eq!(plan.system_users[0].clients.len(), 5);
    assert_eq!(w.keys, 214, "keys for an accounting firm with five clients");
}
