//! Every screen of the wizard at 80×24 and 120×40, in English and bokmål,
//! drawn on ratatui's TestBackend and compared with reviewed snapshots.

#[macro_use]
mod tui_support;

use ratatui::crossterm::event::KeyCode::*;
use std::path::Path;
use sysuser::cli::Lang;
use sysuser::rules::{Finding, Report, Rule};
use sysuser::tui::app::{Overlay, Pane};
use sysuser::tui::{App, Step};
use tui_support::*;

fn at(step: Step, lang: Lang) -> App {
    let mut app = App::with_plan(config(lang), situation(), None);
    app.go(step);
    app
}

/// A report with one finding of each severity, so the panel can be judged
/// regardless of what the engine says about the fixture.
fn sample_report() -> Report {
    Report::new(vec![
        Finding::new(
            Rule::ClientMissingPackage,
            "Client B AS (312655993) has not delegated sykefravaer, which system user Accounting + sick leave requires.",
        )
        .client("312655993")
        .package("sykefravaer")
        .system_user("Accounting + sick leave")
        .with_hint("Ask the client to delegate sykefravaer in Altinn, or move it to a system user without it."),
        Finding::new(Rule::ClientUncovered, "Client F AS (312656035) is on no system user.")
            .client("312656035"),
        Finding::new(
            Rule::PackageImmutable,
            "The packages of client system users cannot be changed later.",
        ),
    ])
}

#[test]
fn welcome() {
    snap!("welcome", |lang| App::new(config(lang)));
}

/// Back on the welcome screen from a step: a row leads back to the plan.
#[test]
fn welcome_back_to_plan() {
    snap!("welcome_back_to_plan", |lang| {
        let mut app = at(Step::Organisation, lang);
        app.go(Step::Welcome);
        app
    });
}

#[test]
fn welcome_open_file() {
    snap!("welcome_open_file", |lang| {
        let mut app = App::new(config(lang));
        press(&mut app, &[Down, Down, Enter]);
        type_text(&mut app, "scenarios/c-multiple");
        app
    });
}

#[test]
fn organisation_new() {
    snap!("organisation_new", |lang| {
        let mut app = App::new(config(lang));
        press(&mut app, &[Down, Enter]);
        enter_text(&mut app, "310202399");
        app
    });
}

#[test]
fn organisation_editing_with_error() {
    snap!("organisation_error", |lang| {
        let mut app = at(Step::Organisation, lang);
        enter_text(&mut app, "1234");
        app
    });
}

#[test]
fn system() {
    snap!("system", |lang| at(Step::System, lang));
}

#[test]
fn system_picker() {
    snap!("system_picker", |lang| {
        let mut app = at(Step::System, lang);
        press(&mut app, &[Down, Down, Enter, Char('/')]);
        type_text(&mut app, "regnskap");
        app
    });
}

/// Codes longer than the list's column are cut there, and the selected one
/// is named whole below.
#[test]
fn system_picker_long_codes() {
    snap!("system_picker_long_codes", |lang| {
        let mut app = at(Step::System, lang);
        press(&mut app, &[Down, Down, Enter, Char('/')]);
        type_text(&mut app, "saerlig");
        press(&mut app, &[Enter, Down]);
        app
    });
}

#[test]
fn own_packages() {
    snap!("own_packages", |lang| at(Step::OwnPackages, lang));
}

#[test]
fn own_packages_search() {
    snap!("own_packages_search", |lang| {
        let mut app = at(Step::OwnPackages, lang);
        press(&mut app, &[Char('/')]);
        type_text(&mut app, "skatt");
        press(&mut app, &[Enter, Down]);
        app
    });
}

#[test]
fn clients() {
    snap!("clients", |lang| {
        let mut app = at(Step::Clients, lang);
        press(&mut app, &[Down]);
        app
    });
}

#[test]
fn clients_empty() {
    snap!("clients_empty", |lang| {
        let mut app = App::new(config(lang));
        press(&mut app, &[Down, Enter]);
        app.go(Step::Clients);
        app
    });
}

#[test]
fn client_form() {
    snap!("client_form", |lang| {
        let mut app = at(Step::Clients, lang);
        press(&mut app, &[Down, Enter, Down]);
        app
    });
}

/// A new client starts like the last one, and the form says so.
#[test]
fn client_form_add() {
    snap!("client_form_add", |lang| {
        let mut app = at(Step::Clients, lang);
        press(&mut app, &[Char('a')]);
        app
    });
}

/// Esc on a filled-in client form asks before dropping what was typed.
#[test]
fn confirm_drop() {
    snap!("confirm_drop", |lang| {
        let mut app = at(Step::Clients, lang);
        press(&mut app, &[Char('a'), Enter]);
        type_text(&mut app, "311040170");
        press(&mut app, &[Enter, Esc]);
        app
    });
}

#[test]
fn teams() {
    snap!("teams", |lang| at(Step::Teams, lang));
}

#[test]
fn team_form() {
    snap!("team_form", |lang| {
        let mut app = at(Step::Teams, lang);
        press(&mut app, &[Char('a')]);
        app
    });
}

#[test]
fn team_form_editing_a_team() {
    snap!("team_form_edit", |lang| {
        let mut app = at(Step::Teams, lang);
        press(&mut app, &[Enter]);
        app
    });
}

#[test]
fn team_relationship_picker() {
    snap!("team_relationships", |lang| {
        let mut app = at(Step::Teams, lang);
        press(&mut app, &[Enter, Down, Enter, Down]);
        app
    });
}

#[test]
fn a_text_field_shows_its_cursor() {
    snap!("field_cursor", |lang| {
        let mut app = at(Step::Organisation, lang);
        press(&mut app, &[Down, Enter]);
        app.on(ctrl('a'));
        press(&mut app, &[Right, Right, Right, Right, Right]);
        app
    });
}

#[test]
fn options() {
    snap!("options", |lang| {
        let mut app = at(Step::Options, lang);
        press(&mut app, &[Down]);
        app
    });
}

#[test]
fn decision() {
    snap!("decision", |lang| {
        let mut app = at(Step::Decision, lang);
        press(&mut app, &[Down, Down, Down]);
        app
    });
}

/// A question answered No shows the branch taken (the next question), not
/// the guidance's Yes branch.
#[test]
fn decision_answered_no() {
    snap!("decision_no", |lang| at(Step::Decision, lang));
}

#[test]
fn review() {
    snap!("review", |lang| {
        let mut app = at(Step::Review, lang);
        app.computed.report = sample_report();
        app.pane = Pane::Findings;
        app
    });
}

/// A large plan's first frame, before the background advice and check are
/// done: both panes say so (no "no findings" yet).
#[test]
fn review_while_working() {
    snap!("review_working", |lang| {
        let mut cfg = config(lang);
        cfg.background = true;
        let mut app = App::with_plan(cfg, complete(), None);
        app.go(Step::Review);
        assert!(app.computed.plan.is_none());
        app
    });
}

#[test]
fn review_zoomed_tree() {
    snap!("review_zoom", |lang| {
        let mut app = at(Step::Review, lang);
        press(&mut app, &[Char('z')]);
        app
    });
}

#[test]
fn finding_detail() {
    snap!("finding_detail", |lang| {
        let mut app = at(Step::Review, lang);
        app.computed.report = sample_report();
        app.pane = Pane::Findings;
        press(&mut app, &[Enter]);
        app
    });
}

#[test]
fn export() {
    snap!("export", |lang| at(Step::Export, lang));
}

#[test]
fn export_overwrite() {
    snap!("export_overwrite", |lang| {
        let mut app = at(Step::Export, lang);
        app.overlays.push(Overlay::ConfirmOverwrite(vec![
            "plan.yaml".into(),
            "plan-tree.txt".into(),
        ]));
        app
    });
}

#[test]
fn help() {
    snap!("help", |lang| {
        let mut app = at(Step::Clients, lang);
        press(&mut app, &[Char('?')]);
        app
    });
}

#[test]
fn quit_confirmation() {
    snap!("quit", |lang| {
        let mut app = at(Step::Organisation, lang);
        press(&mut app, &[Down]);
        enter_text(&mut app, "Endret AS");
        press(&mut app, &[Char('q')]);
        app
    });
}

#[test]
fn too_small() {
    for lang in [Lang::En, Lang::Nb] {
        let app = App::new(config(lang));
        insta::assert_snapshot!(
            format!("too_small_{}_60x20", lang.code()),
            screen(&app, 60, 20)
        );
    }
}

/// An app whose state folder holds a session saved by an earlier run.
fn with_saved_session(lang: Lang, dir: &std::path::Path) -> App {
    let mut cfg = config(lang);
    cfg.state_path = Some(dir.join("wizard.yaml"));
    let mut earlier = App::with_plan(cfg.clone(), situation(), None);
    earlier.go(Step::Clients);
    press(&mut earlier, &[Char('d')]);
    App::new(cfg)
}

#[test]
fn welcome_with_saved_session() {
    let dir = tempfile::tempdir().unwrap();
    snap!("welcome_session", |lang| {
        with_saved_session(lang, dir.path())
    });
}

#[test]
fn confirm_new_over_saved_session() {
    let dir = tempfile::tempdir().unwrap();
    snap!("confirm_new", |lang| {
        let mut app = with_saved_session(lang, dir.path());
        press(&mut app, &[Down, Enter]);
        app
    });
}

#[test]
fn merge_recommendation() {
    snap!("merge", |lang| {
        let mut app = App::with_plan(config(lang), complete(), None);
        press(&mut app, &[Char('a')]);
        app
    });
}

#[test]
fn layout_editor() {
    snap!("layout_editor", |lang| {
        let mut app = App::with_plan(config(lang), situation(), None);
        app.go(Step::Review);
        press(&mut app, &[Char('e'), Down, Char('x')]);
        app
    });
}

#[test]
fn clients_csv_prompt() {
    snap!("clients_csv_prompt", |lang| {
        let mut app = at(Step::Clients, lang);
        press(&mut app, &[Char('i')]);
        type_text(&mut app, "clients.csv");
        app
    });
}

/// A client list that cannot be read: the path stays in its field with the
/// problem, in the wizard's language.
#[test]
fn clients_csv_missing() {
    snap!("clients_csv_missing", |lang| {
        let mut app = at(Step::Clients, lang);
        press(&mut app, &[Char('i')]);
        type_text(&mut app, "missing.csv");
        press(&mut app, &[Enter]);
        app
    });
}

/// A client list's problems, listed whole: the pop-up is as tall as the
/// messages are when wrapped, so none loses its end.
#[test]
fn clients_csv_errors() {
    // A path relative to the package, the same in every checkout.
    let dir = Path::new("target/tui-screens");
    std::fs::create_dir_all(dir).unwrap();
    let csv = dir.join("clients.csv");
    std::fs::write(
        &csv,
        "orgnr,name\n123,Short AS\n310000043,\"Never closed\n999999999,X\n",
    )
    .unwrap();
    snap!("clients_csv_errors", |lang| {
        let mut app = at(Step::Clients, lang);
        press(&mut app, &[Char('i')]);
        type_text(&mut app, csv.to_str().unwrap());
        press(&mut app, &[Enter]);
        app
    });
}

/// A finding with a long hint: the pop-up grows to fit it, and the line
/// that says where Enter goes is never cut off (80×24 included).
#[test]
fn finding_detail_long_hint() {
    snap!("finding_detail_long_hint", |lang| {
        let mut app = at(Step::Review, lang);
        let long = "Ask the client to delegate sykefravaer in Altinn (the client's administrator does this under Access management, Give access to an organisation), or move the client to a system user that does not need the package; until then Altinn refuses the client on this system user with the error code shown above, and the end-user system cannot report sick leave for it.";
        let finding = Finding::new(
            Rule::ClientMissingPackage,
            "Client B AS (312655993) has not delegated sykefravaer, which system user Accounting + sick leave requires.",
        )
        .client("312655993")
        .package("sykefravaer")
        .with_hint(long);
        app.computed.report = Report::new(vec![finding]);
        app.pane = Pane::Findings;
        press(&mut app, &[Enter]);
        app
    });
}
