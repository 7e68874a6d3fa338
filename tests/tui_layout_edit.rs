//! Editing the layout on the review: adding a system user, moving clients in
//! and out, changing packages. Each edit re-checks at once and one `u` puts
//! the plan back exactly; the dialogs are snapshotted at 80×24 and 120×40 in
//! English and bokmål.

#[macro_use]
mod tui_support;

use ratatui::crossterm::event::KeyCode::*;
use sysuser::cli::Lang;
use sysuser::plan::{PackageRef, Plan, SystemUser, SystemUserType};
use sysuser::rules::Rule;
use sysuser::tui::App;
use sysuser::tui::app::{Dialog, Overlay, Pane};
use tui_support::*;

/// The complete fixture with a standard system user for the organisation's own data.
fn with_standard() -> Plan {
    let mut plan = complete();
    plan.system_users.push(SystemUser {
        name: "Own reporting".into(),
        external_ref: "own".into(),
        kind: SystemUserType::Standard,
        access_packages: vec![PackageRef::new("merverdiavgift")],
        clients: Vec::new(),
        include_self: false,
        teams: Vec::new(),
        why: None,
    });
    plan
}

fn codes(u: &SystemUser) -> Vec<&str> {
    u.access_packages.iter().map(|p| p.code()).collect()
}

fn has(app: &App, rule: Rule, su: &str) -> bool {
    app.computed
        .report
        .findings
        .iter()
        .any(|f| f.rule == rule && f.system_user.as_deref() == Some(su))
}

#[test]
fn adding_a_system_user_checks_names_rechecks_and_undoes() {
    let mut app = App::with_plan(config(Lang::En), complete(), None);
    let original = (*app.plan).clone();
    press(&mut app, &[Char('e'), Char('a')]);
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Edit(Dialog::New(_)))
    ));
    // Type: client → standard. A name another system user has is refused.
    press(&mut app, &[Enter, Down]);
    enter_text(&mut app, "Accounting");
    let e = app.input.clone().unwrap().error.unwrap();
    assert!(e.contains("Another system user"), "{e}");
    press(&mut app, &[Esc, Enter]);
    type_text(&mut app, "Own reporting");
    press(&mut app, &[Enter]);
    // The external ref follows the name; Enter moved on to it.
    let Some(Overlay::Edit(Dialog::New(d))) = app.overlays.last() else {
        panic!("{:?}", app.overlays);
    };
    assert_eq!(d.external_ref, "own-reporting");
    assert_eq!(d.sel, 2);
    // Adding without packages is refused and says why.
    press(&mut app, &[Down, Down, Enter]);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("at least one package")
    );
    assert_eq!(app.plan.system_users.len(), 1);
    // The picker offers the register's packages a standard system user can carry.
    press(&mut app, &[Up, Enter]);
    let Some(Overlay::Picker(p)) = app.overlays.last() else {
        panic!("{:?}", app.overlays);
    };
    assert_eq!(p.matches.len(), 3, "a-ordning, sykefravaer, merverdiavgift");
    press(&mut app, &[End, Char(' '), Esc, Down, Enter]);
    assert_eq!(app.plan.system_users.len(), 2);
    let added = &app.plan.system_users[1];
    assert_eq!(
        (added.name.as_str(), added.external_ref.as_str(), added.kind),
        ("Own reporting", "own-reporting", SystemUserType::Standard)
    );
    assert_eq!(codes(added), ["merverdiavgift"]);
    assert!(matches!(app.overlays.last(), Some(Overlay::Layout(1))));
    let status = app.status.clone().unwrap();
    assert!(
        status.contains("Added system user \"Own reporting\""),
        "{status}"
    );
    assert!(status.contains("u undoes"), "{status}");
    // Re-checked at once: the own needs are covered now.
    assert!(
        !app.computed
            .report
            .findings
            .iter()
            .any(|f| f.rule == Rule::OwnNeedsUncovered),
        "{:?}",
        app.computed.report.findings
    );
    press(&mut app, &[Char('u')]);
    assert_eq!(*app.plan, original, "one u takes it back");
    assert!(matches!(app.overlays.last(), Some(Overlay::Layout(0))));
}

#[test]
fn clients_move_in_and_out_and_refused_ones_say_why() {
    let mut app = App::with_plan(config(Lang::En), complete(), None);
    let original = (*app.plan).clone();
    press(&mut app, &[Char('e'), Char('c')]);
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Edit(Dialog::Clients { su: 0, sel: 0 }))
    ));
    // Remove Client A, then put it back from the picker.
    press(&mut app, &[Char('d')]);
    assert_eq!(app.plan.system_users[0].clients.len(), 1);
    let status = app.status.clone().unwrap();
    assert!(
        status.contains("Removed Client A AS (312655985) from \"Accounting\". u undoes it."),
        "{status}"
    );
    assert!(
        app.computed
            .report
            .findings
            .iter()
            .any(|f| f.rule == Rule::ClientUncovered && f.client.as_deref() == Some("312655985")),
        "re-checked: Client A is on no system user now"
    );
    press(&mut app, &[Char('a')]);
    let Some(Overlay::Edit(Dialog::AddClient(p))) = app.overlays.last() else {
        panic!("{:?}", app.overlays);
    };
    assert_eq!(
        p.qualifying(),
        1,
        "only Client A gives the accountant package"
    );
    assert_eq!(p.all.len(), 5, "the clients not on it");
    assert_eq!(p.row(0), Some((0, true)), "those that qualify come first");
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("Client C AS (312656000) — gives none of its packages (AUTH-00079)"),
        "{shown}"
    );
    // A refused client is not added; the status says why, in the engine's terms.
    press(&mut app, &[Down, Enter]);
    let status = app.status.clone().unwrap();
    assert!(
        status.starts_with("Altinn would refuse Client C AS"),
        "{status}"
    );
    assert!(status.contains("AUTH-00079"), "{status}");
    assert_eq!(app.plan.system_users[0].clients.len(), 1);
    press(&mut app, &[Home, Enter]);
    assert_eq!(app.plan.system_users[0].clients.len(), 2);
    assert!(app.status.as_deref().unwrap().contains("Added Client A AS"));
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Edit(Dialog::Clients { su: 0, sel: 1 }))
    ));
    // The search narrows the picker.
    press(&mut app, &[Char('a'), Char('/')]);
    type_text(&mut app, "client e");
    let Some(Overlay::Edit(Dialog::AddClient(p))) = app.overlays.last() else {
        panic!("{:?}", app.overlays);
    };
    assert_eq!(p.shown.len(), 1);
    press(&mut app, &[Esc, Esc]);
    // Undo inside the dialog, twice: the plan as it was.
    press(&mut app, &[Char('u'), Char('u')]);
    assert_eq!(*app.plan, original);
    press(&mut app, &[Esc]);
    app.on(ctrl('r'));
    assert_eq!(app.plan.system_users[0].clients.len(), 1, "Ctrl-R redoes");
}

#[test]
fn a_standard_system_users_packages_change_in_one_step() {
    let mut app = App::with_plan(config(Lang::En), with_standard(), None);
    let original = (*app.plan).clone();
    press(&mut app, &[Char('e'), Down, Char('p')]);
    let Some(Overlay::Picker(p)) = app.overlays.last() else {
        panic!("no question for a standard one: {:?}", app.overlays);
    };
    assert_eq!(p.matches.len(), 3);
    press(&mut app, &[Char(' '), Esc]);
    assert_eq!(
        codes(&app.plan.system_users[1]),
        ["merverdiavgift", "a-ordning"]
    );
    let status = app.status.clone().unwrap();
    assert!(
        status.contains(
            "New packages for \"Own reporting\" (u undoes it): merverdiavgift, a-ordning."
        ),
        "{status}"
    );
    press(&mut app, &[Char('u')]);
    assert_eq!(*app.plan, original);
}

#[test]
fn a_client_system_users_new_packages_are_a_new_one_and_asked_first() {
    let mut app = App::with_plan(config(Lang::En), complete(), None);
    let original = (*app.plan).clone();
    press(&mut app, &[Char('e'), Char('p')]);
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Edit(Dialog::ConfirmRepackage(0)))
    ));
    assert!(screen(&app, 80, 24).contains("Altinn never changes the packages"));
    press(&mut app, &[Char('n')]);
    assert!(matches!(app.overlays.last(), Some(Overlay::Layout(0))));
    press(&mut app, &[Char('p'), Char('y')]);
    let Some(Overlay::Picker(p)) = app.overlays.last() else {
        panic!("{:?}", app.overlays);
    };
    assert_eq!(p.matches.len(), 5, "the register's delegable packages");
    press(&mut app, &[Down, Char(' '), Esc]);
    assert_eq!(
        codes(&app.plan.system_users[0]),
        [
            "regnskapsforer-med-signeringsrettighet",
            "ansvarlig-revisor"
        ]
    );
    let status = app.status.clone().unwrap();
    assert!(
        status.contains("a new system user in Altinn (u undoes it)"),
        "{status}"
    );
    // Re-checked: neither client gives the auditor's package (AUTH-00080).
    assert!(has(&app, Rule::ClientMissingPackage, "Accounting"));
    // Its clients list marks them, with the reason.
    press(&mut app, &[Char('c')]);
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("✗ Client A AS (312655985) — lacks ansvarlig-revisor (AUTH-00080)"),
        "{shown}"
    );
    press(&mut app, &[Esc, Char('u')]);
    assert_eq!(*app.plan, original);
    assert!(!has(&app, Rule::ClientMissingPackage, "Accounting"));
}

#[test]
fn enter_on_a_finding_about_a_system_users_clients_opens_it_there() {
    let mut plan = complete();
    plan.system_users[0]
        .clients
        .push(sysuser::orgnr::Orgnr::parse("312656000").unwrap());
    let mut app = App::with_plan(config(Lang::En), plan, None);
    let i = finding_index(&app, |f| {
        f.rule == Rule::NotAClient && f.client.as_deref() == Some("312656000")
    })
    .expect("Client C gives none of Accounting's packages");
    app.pane = Pane::Findings;
    app.finding_sel = i;
    press(&mut app, &[Enter]);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Enter edit the system user"), "{shown}");
    press(&mut app, &[Enter]);
    assert!(matches!(
        app.overlays.as_slice(),
        [
            Overlay::Layout(0),
            Overlay::Edit(Dialog::Clients { su: 0, sel: 2 })
        ]
    ));
    press(&mut app, &[Char('d')]);
    assert!(
        !app.computed
            .report
            .findings
            .iter()
            .any(|f| f.rule == Rule::NotAClient),
        "removing it fixes the finding"
    );
}

#[test]
fn an_undo_that_takes_the_system_user_away_closes_its_dialog() {
    let mut app = App::with_plan(config(Lang::En), complete(), None);
    press(&mut app, &[Char('e'), Char('a')]);
    press(&mut app, &[Down]);
    enter_text(&mut app, "Payroll");
    press(&mut app, &[Down, Enter, Down, Char(' '), Esc, Down, Enter]);
    assert_eq!(app.plan.system_users.len(), 2);
    press(&mut app, &[Char('c'), Char('u')]);
    assert_eq!(app.plan.system_users.len(), 1);
    assert!(matches!(app.overlays.as_slice(), [Overlay::Layout(_)]));
    // Drawn and driven at once without a panic.
    screen(&app, 80, 24);
    press(&mut app, &[Char('c'), Char('p'), Esc, Esc]);
}

#[test]
fn new_system_user_dialog() {
    snap!("layout_new_system_user", |lang| {
        let mut app = App::with_plan(config(lang), complete(), None);
        press(&mut app, &[Char('e'), Char('a'), Down]);
        enter_text(&mut app, "Payroll");
        press(&mut app, &[Down]);
        app
    });
}

#[test]
fn system_user_packages_picker() {
    snap!("layout_packages", |lang| {
        let mut app = App::with_plan(config(lang), with_standard(), None);
        press(&mut app, &[Char('e'), Down, Char('p')]);
        app
    });
}

#[test]
fn new_packages_for_a_client_system_user_asks() {
    snap!("layout_repackage", |lang| {
        let mut app = App::with_plan(config(lang), complete(), None);
        press(&mut app, &[Char('e'), Char('p')]);
        app
    });
}

#[test]
fn clients_of_a_system_user() {
    snap!("layout_clients", |lang| {
        let mut app = App::with_plan(config(lang), complete(), None);
        press(&mut app, &[Char('e'), Char('c')]);
        app
    });
}

#[test]
fn add_a_client_picker() {
    snap!("layout_add_client", |lang| {
        let mut app = App::with_plan(config(lang), complete(), None);
        press(
            &mut app,
            &[Char('e'), Char('c'), Char('d'), Char('a'), Down],
        );
        app
    });
}

#[test]
fn a_client_that_only_delegated_a_client_only_package_is_refused_with_that_reason() {
    let text = format!("{SITUATION}{COMPLETE}").replace(
        "teams:\n",
        "  - { orgnr: \"312656043\", name: Client G AS, unit_type: AS, delegated: [regnskapsforer-med-signeringsrettighet] }\nteams:\n",
    );
    let plan = sysuser::plan::parse(&text, "g.yaml").unwrap();
    let mut app = App::with_plan(config(Lang::En), plan, None);
    press(&mut app, &[Char('e'), Char('c'), Char('a')]);
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains(
            "Client G AS (312656043) — only delegated a client-only package (regnskapsforer"
        ),
        "{shown}"
    );
}

#[test]
fn a_rename_says_what_it_did_and_how_to_undo_it() {
    let mut app = App::with_plan(config(Lang::En), complete(), None);
    press(&mut app, &[Char('e')]);
    enter_text(&mut app, "Bookkeeping");
    let status = app.status.clone().unwrap();
    assert!(
        status.starts_with("Renamed \"Accounting\" to \"Bookkeeping\". u undoes it."),
        "{status}"
    );
    press(&mut app, &[Char('u')]);
    assert_eq!(app.plan.system_users[0].name, "Accounting");
}

#[test]
fn an_empty_register_says_where_packages_come_from() {
    let mut plan = complete();
    plan.system.access_packages.clear();
    let mut app = App::with_plan(config(Lang::En), plan, None);
    press(&mut app, &[Char('e'), Char('p'), Char('y')]);
    let Some(Overlay::Picker(p)) = app.overlays.last() else {
        panic!("{:?}", app.overlays);
    };
    assert!(p.matches.is_empty());
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("add them on step 3 (End-user system)"),
        "{shown}"
    );
}
