//! The wizard as a state machine: keys in, state out, no terminal.

mod tui_support;

use ratatui::crossterm::event::KeyCode::{self, *};
use sysuser::cli::Lang;
use sysuser::rules::{Finding, Report, Rule};
use sysuser::tui::app::{Overlay, Row, UNSET_ORGNR};
use sysuser::tui::{Action, App, Step};
use tui_support::*;
fn new_app() -> App {
    App::new(config(Lang::En))
}

fn start_new(app: &mut App) {
    press(app, &[Down, Enter]);
    assert_eq!(app.step, Step::Organisation);
}

#[test]
fn starts_on_welcome_and_start_new_goes_to_organisation() {
    let mut app = new_app();
    assert_eq!(app.step, Step::Welcome);
    start_new(&mut app);
    assert_eq!(app.plan.organisation.orgnr.as_str(), UNSET_ORGNR);
}

#[test]
fn orgnr_is_validated_and_fills_the_vendor() {
    let mut app = new_app();
    start_new(&mut app);
    enter_text(&mut app, "12345");
    let input = app.input.clone().expect("still editing after a bad number");
    assert!(input.error.unwrap().contains("9 digits"));
    press(&mut app, &[Esc]);
    assert!(app.input.is_none());
    enter_text(&mut app, "310 202 398");
    assert_eq!(app.plan.organisation.orgnr.as_str(), "310202398");
    assert_eq!(app.plan.system.vendor.as_str(), "310202398");
    assert_eq!(app.sel, 1, "the cursor moves on to the next field");
}

#[test]
fn typing_replaces_a_prefilled_value_and_backspace_edits_it() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    assert_eq!(app.step, Step::Organisation);
    press(&mut app, &[Down]);
    enter_text(&mut app, "New Name AS");
    assert_eq!(app.plan.organisation.name, "New Name AS");
    press(&mut app, &[Up, Enter, Backspace, Backspace, Backspace]);
    type_text(&mut app, " ASA");
    press(&mut app, &[Enter]);
    assert_eq!(app.plan.organisation.name, "New Name ASA");
}

#[test]
fn cannot_leave_organisation_without_an_orgnr() {
    let mut app = new_app();
    start_new(&mut app);
    press(&mut app, &[Char('n')]);
    assert_eq!(app.step, Step::Organisation);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("organisation number")
    );
}

#[test]
fn bad_unit_type_is_refused_with_a_suggestion() {
    let mut app = new_app();
    start_new(&mut app);
    press(&mut app, &[Down, Down]);
    enter_text(&mut app, "ASS");
    let err = app.input.clone().unwrap().error.unwrap();
    assert!(err.contains("AS"), "{err}");
}

#[test]
fn esc_and_backspace_go_back_n_and_right_go_forward() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    press(&mut app, &[Char('n')]);
    assert_eq!(app.step, Step::System);
    press(&mut app, &[Right]);
    assert_eq!(app.step, Step::OwnPackages);
    press(&mut app, &[Esc]);
    assert_eq!(app.step, Step::System);
    press(&mut app, &[Backspace]);
    assert_eq!(app.step, Step::Organisation);
}

#[test]
fn picker_search_ignores_accents_and_space_selects() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::OwnPackages);
    press(&mut app, &[Char('/')]);
    type_text(&mut app, "sykefravær");
    assert!(app.picker.filtering);
    let codes: Vec<&str> = app
        .picker
        .matches
        .iter()
        .map(|&i| sysuser::catalog::catalog().packages()[i].code.as_str())
        .collect();
    assert!(codes.contains(&"sykefravaer"), "{codes:?}");
    press(&mut app, &[Enter]);
    assert!(!app.picker.filtering);
    let sel_code = sysuser::catalog::catalog().packages()[app.picker.matches[app.picker.sel]]
        .code
        .clone();
    press(&mut app, &[Char(' ')]);
    assert!(app.plan.own_packages.iter().any(|p| p.code() == sel_code));
    assert!(app.unsaved);
    press(&mut app, &[Char(' ')]);
    assert!(!app.plan.own_packages.iter().any(|p| p.code() == sel_code));
}

#[test]
fn system_packages_are_chosen_in_a_picker_overlay() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::System);
    press(&mut app, &[Down, Down, Enter]);
    assert!(matches!(app.overlays.last(), Some(Overlay::Picker(_))));
    press(&mut app, &[Char('/')]);
    type_text(&mut app, "revisormedarbeider");
    press(&mut app, &[Enter, Char(' '), Esc]);
    assert!(app.overlays.is_empty());
    assert!(
        app.plan
            .system
            .access_packages
            .iter()
            .any(|p| p.code() == "revisormedarbeider")
    );
}

#[test]
fn add_edit_and_delete_a_client() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Clients);
    let before = app.plan.clients.len();
    press(&mut app, &[Char('a')]);
    enter_text(&mut app, "312656043");
    enter_text(&mut app, "Ny Klient AS");
    enter_text(&mut app, "as");
    // Cursor is on "accountant": flip it, then the sub-entity flag.
    press(
        &mut app,
        &[Char(' '), Down, Down, Down, Down, Char(' '), Down, Enter],
    );
    assert!(app.overlays.is_empty());
    assert_eq!(app.plan.clients.len(), before + 1);
    let c = app.plan.clients.last().unwrap();
    assert_eq!(c.name, "Ny Klient AS");
    assert_eq!(c.unit_type.as_ref().unwrap().as_str(), "AS");
    assert_eq!(c.er_roles, vec![sysuser::plan::ErRole::REGNSKAPSFORER]);
    assert!(c.sub_entity);
    assert_eq!(app.sel, before, "the new client is selected");

    press(&mut app, &[Enter, Down]);
    enter_text(&mut app, "Renamed AS");
    press(&mut app, &[End, Enter]);
    assert_eq!(app.plan.clients[before].name, "Renamed AS");

    press(&mut app, &[Char('d')]);
    assert_eq!(app.plan.clients.len(), before);
}

#[test]
fn a_client_with_a_bad_orgnr_is_not_saved() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Clients);
    let before = app.plan.clients.len();
    press(&mut app, &[Char('a'), End, Enter]);
    assert_eq!(app.plan.clients.len(), before);
    assert!(matches!(app.overlays.last(), Some(Overlay::Client(_))));
    press(&mut app, &[Esc]);
    assert!(app.overlays.is_empty());
}

#[test]
fn client_search_jumps_to_the_first_match() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Clients);
    press(&mut app, &[Char('/')]);
    type_text(&mut app, "client d");
    assert_eq!(app.sel, 3);
    press(&mut app, &[Enter]);
    assert!(app.client_search.is_none());
}

#[test]
fn add_a_team_with_handles_and_members() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Teams);
    press(&mut app, &[Char('a')]);
    enter_text(&mut app, "Payroll");
    // Handles: a list of every relationship type, nothing typed.
    press(&mut app, &[Enter]);
    let Some(Overlay::Relationships(p)) = app.overlays.last() else {
        panic!("Enter on Handles opens the relationship types");
    };
    assert!(p.chosen.is_empty());
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("registered accountant") && s.contains("delegated in Altinn"),
        "{s}"
    );
    press(&mut app, &[End, Char(' '), Home, Char(' '), Char(' '), Esc]);
    assert!(matches!(app.overlays.last(), Some(Overlay::Team(_))));
    // Packages: the catalog's picker.
    press(&mut app, &[Down, Enter, Char('/')]);
    type_text(&mut app, "a-ordning");
    press(&mut app, &[Enter, Char(' '), Esc]);
    press(&mut app, &[Down]);
    enter_text(&mut app, "anne bo");
    press(&mut app, &[Enter]);
    let team = app.plan.teams.last().unwrap();
    assert_eq!(team.name, "Payroll");
    assert_eq!(team.members, vec!["anne", "bo"]);
    let yaml = sysuser::plan::to_yaml(&app.plan);
    assert!(
        yaml.contains("- delegated") && yaml.contains("- a-ordning"),
        "{yaml}"
    );
    use sysuser::plan::{Handle, PackageRef, Relationship};
    assert_eq!(
        team.handles,
        [
            Handle::Relationship(Relationship::Delegated),
            Handle::Package(PackageRef::new("a-ordning"))
        ],
        "Space twice takes a type back"
    );
    // Editing the team shows what it handles and keeps it.
    let n = app.plan.teams.len();
    app.sel = n - 1;
    press(&mut app, &[Enter]);
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("delegated in Altinn") && s.contains("a-ordning"),
        "{s}"
    );
    press(&mut app, &[End, Enter]);
    assert_eq!(app.plan.teams[n - 1], *team_clone(&yaml));
}

/// The last team of a plan written as YAML (to compare after an edit).
fn team_clone(yaml: &str) -> Box<sysuser::plan::Team> {
    let plan = sysuser::plan::parse(yaml, "t.yaml").unwrap();
    Box::new(plan.teams.last().unwrap().clone())
}

#[test]
fn options_flip_and_cycle() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Options);
    press(&mut app, &[Char(' ')]);
    assert!(app.plan.options.self_on_client_system_user);
    press(&mut app, &[Down, Enter]);
    assert_eq!(
        app.plan.options.f_option,
        Some(sysuser::plan::FOption::PerCombination)
    );
    press(&mut app, &[Enter]);
    assert_eq!(
        app.plan.options.f_option,
        Some(sysuser::plan::FOption::PerService)
    );
}

#[test]
fn decision_walks_the_seven_questions_then_reviews() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Decision);
    assert_eq!(app.answers().len(), 7);
    for i in 1..7 {
        press(&mut app, &[Down]);
        assert_eq!(app.question, i);
    }
    press(&mut app, &[Char('n')]);
    assert_eq!(app.step, Step::Review);
}

#[test]
fn decision_questions_link_to_their_step_and_take_the_choices_left_to_the_user() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Decision);
    press(&mut app, &[Down, Enter]);
    assert_eq!(
        app.step,
        Step::Clients,
        "relationship types are the clients' facts"
    );
    app.go(Step::Decision);
    // Question 4: scenario F's option is the user's to choose; the layout follows.
    press(&mut app, &[Home, Down, Down, Down]);
    let before = app.computed.plan.as_ref().unwrap().system_users.len();
    assert_eq!(app.plan.options.f_option, None);
    press(&mut app, &[Char(' ')]);
    assert_eq!(
        app.plan.options.f_option,
        Some(sysuser::plan::FOption::PerCombination)
    );
    press(&mut app, &[Char(' ')]);
    assert_eq!(
        app.plan.options.f_option,
        Some(sysuser::plan::FOption::PerService)
    );
    let after = app.computed.plan.as_ref().unwrap().system_users.len();
    assert!(
        screen(&app, 120, 40).contains("The guidance leaves this to you"),
        "{before} {after}"
    );
    press(&mut app, &[Enter]);
    assert_eq!((app.step, app.sel), (Step::Options, 1));
    // Every answer shows on the path, also before walking to it (after --resume).
    app.go(Step::Decision);
    let s = screen(&app, 120, 40);
    assert!(!s.contains(". …"), "no question is unanswered: {s}");
}

#[test]
fn q_asks_when_unsaved_and_ctrl_c_quits_at_once() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    assert_eq!(
        press(&mut app, &[Char('q')]),
        Action::Quit,
        "nothing changed"
    );

    let mut app = App::with_plan(config(Lang::En), situation(), None);
    press(&mut app, &[Down]);
    enter_text(&mut app, "Changed AS");
    assert!(app.unsaved);
    assert_eq!(press(&mut app, &[Char('q')]), Action::Continue);
    assert!(matches!(app.overlays.last(), Some(Overlay::ConfirmQuit)));
    assert_eq!(press(&mut app, &[Char('n')]), Action::Continue);
    assert!(app.overlays.is_empty());
    assert_eq!(press(&mut app, &[Char('q'), Char('y')]), Action::Quit);

    let mut app = App::with_plan(config(Lang::En), situation(), None);
    press(&mut app, &[Enter]);
    assert!(app.input.is_some());
    assert_eq!(app.on(ctrl('c')), Action::Interrupt, "even while typing");
}

#[test]
fn help_opens_with_question_mark_and_any_key_closes_it() {
    let mut app = new_app();
    press(&mut app, &[Char('?')]);
    assert!(matches!(app.overlays.last(), Some(Overlay::Help)));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Ctrl-C"), "{shown}");
    press(&mut app, &[Char('x')]);
    assert!(app.overlays.is_empty());
    assert_eq!(app.step, Step::Welcome);
}

#[test]
fn language_flips_on_the_welcome_screen() {
    let mut app = new_app();
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.lang, Lang::Nb);
    assert!(screen(&app, 80, 24).contains("Velkommen"));
    press(&mut app, &[Enter]);
    assert_eq!(app.lang, Lang::En);
}

/// The welcome screen takes no step keys, so a user who went back to it
/// (to switch language, say) gets a row back to the step they left.
#[test]
fn the_welcome_screen_leads_back_to_the_plan() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Review);
    press(&mut app, &[Char('3')]);
    assert_eq!(app.step, Step::System);
    for _ in 0..2 {
        press(&mut app, &[Esc]);
    }
    assert_eq!(app.step, Step::Welcome);
    assert!(screen(&app, 80, 24).contains("Back to this plan"));
    press(&mut app, &[Char(' '), Char('n'), Char('r')]);
    assert_eq!(app.step, Step::Welcome, "no step keys here");
    let row = app
        .rows()
        .iter()
        .position(|r| *r == sysuser::tui::app::Row::BackToPlan);
    for _ in 0..row.expect("the row is there") {
        press(&mut app, &[Down]);
    }
    press(&mut app, &[Enter]);
    assert_eq!(app.step, Step::Organisation, "the step it was left from");
    assert_eq!(app.lang, Lang::Nb);
}

/// The Options step shows each choice's details on its own row: scenario H's
/// on the first, F's comparison on the second, so each fits 80×24 whole.
#[test]
fn the_options_step_shows_each_choices_details_on_its_row() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Options);
    let first = screen(&app, 80, 24);
    assert!(!first.contains("Your clients under each option"), "{first}");
    assert!(first.contains("The guidance leaves this to you"), "{first}");
    press(&mut app, &[Down]);
    let second = screen(&app, 80, 24);
    assert!(
        second.contains("Your clients under each option"),
        "{second}"
    );
    assert!(
        second.contains("many or growing → 2)."),
        "the last line fits: {second}"
    );
}

/// A status longer than the screen ends in "…", not mid-word.
#[test]
fn a_long_status_line_ends_in_an_ellipsis() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.status = Some("word ".repeat(30));
    let shown = screen(&app, 80, 24);
    let status = shown.lines().rev().nth(1).unwrap();
    assert!(
        status.trim_end_matches([' ', '"']).ends_with('…'),
        "{status:?}"
    );
}

/// Going back to a step keeps the ✓ of the steps after it that were done.
#[test]
fn going_back_keeps_the_later_steps_done() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Review);
    press(&mut app, &[Char('3')]);
    let shown = screen(&app, 120, 40);
    for line in [
        "✓  4 Own packages",
        "✓  8 Decision tree",
        "▶  3 End-user system",
    ] {
        assert!(shown.contains(line), "{line}: {shown}");
    }
}

/// The tree's file follows the plan file's name, as the other outputs do,
/// until the user names it.
#[test]
fn the_tree_file_follows_the_plan_file_name() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Export);
    assert_eq!(app.export_tree, "plan-tree.txt");
    enter_text(&mut app, "persona1.yaml");
    assert_eq!(app.export_plan, "persona1.yaml");
    assert_eq!(app.export_tree, "persona1-tree.txt");
    press(&mut app, &[Enter]); // tree: text -> Markdown
    assert_eq!(app.export_tree, "persona1-tree.md");
    press(&mut app, &[Down]);
    enter_text(&mut app, "my-tree.md");
    press(&mut app, &[Up, Up]);
    enter_text(&mut app, "other.yaml");
    assert_eq!(
        app.export_tree, "my-tree.md",
        "a name of the user's own stays"
    );
}

#[test]
fn export_writes_atomically_and_asks_before_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("out.yaml");
    let tree_path = dir.path().join("out.md");
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Export);
    enter_text(&mut app, plan_path.to_str().unwrap());
    press(&mut app, &[Enter]); // tree: text -> Markdown
    press(&mut app, &[Down]);
    enter_text(&mut app, tree_path.to_str().unwrap());
    press(&mut app, &[Down, Down, Down]); // past the optional outputs, left off
    press(&mut app, &[Enter]);
    assert!(app.overlays.is_empty(), "nothing to overwrite");
    assert_eq!(app.written, vec![plan_path.clone(), tree_path.clone()]);
    assert!(!app.unsaved);
    let text = std::fs::read_to_string(&plan_path).unwrap();
    let back = sysuser::plan::parse(&text, "out.yaml").expect("the export is a valid plan");
    assert_eq!(back.clients.len(), 6);
    assert!(tree_path.exists());

    std::fs::write(&plan_path, "keep me").unwrap();
    press(&mut app, &[Enter]);
    assert!(matches!(app.overlays.last(), Some(Overlay::ConfirmOverwrite(p)) if p.len() == 2));
    press(&mut app, &[Char('n')]);
    assert_eq!(std::fs::read_to_string(&plan_path).unwrap(), "keep me");
    press(&mut app, &[Enter, Char('y')]);
    assert_ne!(std::fs::read_to_string(&plan_path).unwrap(), "keep me");
}

#[test]
fn export_writes_the_runbook_letters_and_report_when_switched_on() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("out-plan.yaml");
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Export);
    enter_text(&mut app, plan_path.to_str().unwrap());
    press(&mut app, &[Enter, Enter]); // tree: text -> Markdown -> none
    let off = screen(&app, 120, 40);
    assert!(!off.contains("out-runbook.md"), "{off}");
    // The three outputs follow the tree format.
    press(&mut app, &[Down, Enter, Down, Char(' '), Down, Enter]);
    let on = screen(&app, 120, 40);
    assert!(on.contains("out-report.html"), "{on}");
    press(&mut app, &[Down, Enter]);
    let runbook = dir.path().join("out-runbook.md");
    let letters = dir.path().join("out-letters.txt");
    let report = dir.path().join("out-report.html");
    assert_eq!(
        app.written,
        vec![
            plan_path.clone(),
            runbook.clone(),
            letters.clone(),
            report.clone()
        ]
    );
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("out-letters.txt"), "{status}");
    let read = |p: &std::path::Path| std::fs::read_to_string(p).unwrap();
    assert!(read(&runbook).starts_with("# Runbook: "));
    assert!(!read(&letters).trim().is_empty());
    assert!(read(&report).starts_with("<!DOCTYPE html"));

    std::fs::write(&report, "keep me").unwrap();
    press(&mut app, &[Enter]);
    assert!(
        matches!(app.overlays.last(), Some(Overlay::ConfirmOverwrite(p)) if p.len() == 4 && p.contains(&report))
    );
    press(&mut app, &[Char('n')]);
    assert_eq!(read(&report), "keep me");
}

#[test]
fn answers_are_saved_after_every_change_and_resume_continues() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state/wizard.yaml");
    let mut cfg = config(Lang::Nb);
    cfg.state_path = Some(state.clone());
    let mut app = App::with_plan(cfg.clone(), situation(), None);
    press(&mut app, &[Down]);
    enter_text(&mut app, "Lagret AS");
    let saved = sysuser::tui::state::load(&state).expect("saved after the change");
    assert_eq!(saved.plan.organisation.name, "Lagret AS");
    // Changing step alone does not rewrite the session; quitting saves where the user was.
    press(&mut app, &[Char('n'), Char('n')]);
    assert_eq!(app.step, Step::OwnPackages);
    assert_eq!(
        sysuser::tui::state::load(&state).unwrap().step,
        "organisation"
    );
    app.persist();
    let saved = sysuser::tui::state::load(&state).expect("state written");
    assert_eq!(saved.step, "own-packages");
    assert_eq!(saved.plan.organisation.name, "Lagret AS");

    let resumed = App::resume(config(Lang::En), saved);
    assert_eq!(resumed.step, Step::OwnPackages);
    assert_eq!(resumed.lang, Lang::Nb);
    assert_eq!(resumed.plan.organisation.name, "Lagret AS");

    // The welcome screen describes the saved session and opens on "Continue".
    let mut fresh = App::new(cfg);
    assert_eq!(fresh.selected_row(), Some(sysuser::tui::app::Row::Resume));
    let welcome = screen(&fresh, 120, 40);
    assert!(
        welcome.contains(
            "Lagret økt: Lagret AS · steg 4, Egne pakker · 6 klienter · lagret nå nettopp"
        ),
        "{welcome}"
    );
    press(&mut fresh, &[Enter]);
    assert_eq!(fresh.step, Step::OwnPackages);
    assert_eq!(fresh.plan.organisation.name, "Lagret AS");
}

#[test]
fn open_file_on_welcome_loads_a_plan_or_reports_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.yaml");
    std::fs::write(&path, format!("{SITUATION}{COMPLETE}")).unwrap();
    let mut app = new_app();
    press(&mut app, &[Down, Down]);
    enter_text(&mut app, dir.path().join("missing.yaml").to_str().unwrap());
    let err = app.input.clone().unwrap().error.unwrap();
    assert!(err.contains("no such file"), "{err}");
    press(&mut app, &[Esc, Enter]);
    type_text(&mut app, path.to_str().unwrap());
    press(&mut app, &[Enter]);
    assert_eq!(app.step, Step::Review);
    assert_eq!(app.plan.system_users.len(), 1);
    assert_eq!(app.export_plan, "c-plan.yaml");
}

/// An organisation form that is not one is refused in the wizard's language,
/// with the nearest form or the common ones.
#[test]
fn an_unknown_organisation_form_is_refused_in_bokmal() {
    let mut app = App::with_plan(config(Lang::Nb), situation(), None);
    app.go(Step::Organisation);
    press(&mut app, &[Down, Down]);
    enter_text(&mut app, "ASS");
    let err = app.input.clone().unwrap().error.unwrap();
    assert!(
        err.starts_with("ukjent organisasjonsform `ASS`; mente du `"),
        "{err}"
    );
}

/// A plan file that is not there is said in the wizard's language.
#[test]
fn a_missing_plan_is_said_in_bokmal() {
    let mut app = App::new(config(Lang::Nb));
    press(&mut app, &[Down, Down]);
    enter_text(&mut app, "finnes-ikke.yaml");
    let err = app.input.clone().unwrap().error.unwrap();
    assert_eq!(err, "kan ikke lese finnes-ikke.yaml: filen finnes ikke");
}

/// A plan with a mistake in it is shown whole (message, file:line:column,
/// the line, the help) in a list, not cut into the one-line field.
#[test]
fn a_broken_plan_is_listed_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.yaml");
    std::fs::write(&path, "version: 1\norganisation: [\n").unwrap();
    let mut app = new_app();
    press(&mut app, &[Down, Down]);
    enter_text(&mut app, path.to_str().unwrap());
    let err = app.input.clone().unwrap().error.unwrap();
    assert!(err.starts_with("organisation: invalid type"), "{err}");
    let Some(sysuser::tui::app::Overlay::Errors(lines)) = app.overlays.last() else {
        panic!("no list of the problem: {:?}", app.overlays);
    };
    assert!(
        lines.iter().any(|l| l.contains("bad.yaml:2:15")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.contains("2 | organisation: [")),
        "{lines:?}"
    );
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("bad.yaml:2:15"), "{shown}");
}

#[test]
fn lists_move_with_j_k_and_jump_with_g() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Clients);
    let codes: &[KeyCode] = &[Char('j'), Char('j'), Char('k')];
    press(&mut app, codes);
    assert_eq!(app.sel, 1);
    press(&mut app, &[Char('G')]);
    assert_eq!(app.sel, 5);
    press(&mut app, &[Char('g')]);
    assert_eq!(app.sel, 0);
    press(&mut app, &[Up]);
    assert_eq!(app.sel, 0);
}

#[test]
fn small_terminals_get_a_message_with_the_size() {
    let app = new_app();
    let shown = screen(&app, 70, 20);
    assert!(shown.contains("70×20"), "{shown}");
    assert!(shown.contains("80×24"), "{shown}");
}

#[test]
fn without_colour_only_modifiers_are_used() {
    let mut cfg = config(Lang::En);
    cfg.color = false;
    let mut app = App::with_plan(cfg, complete(), None);
    app.computed.report = Report::new(vec![Finding::new(Rule::ClientMissingPackage, "x")]);
    for step in [Step::Welcome, Step::Organisation, Step::Review] {
        app.go(step);
        let backend = draw(&app, 120, 40);
        for cell in backend.buffer().content() {
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "{step:?}");
            assert_eq!(cell.bg, ratatui::style::Color::Reset, "{step:?}");
        }
    }
}

#[test]
fn clients_come_from_a_csv_file_or_another_plan() {
    let (dir, mut app) = import_on_clients(
        "orgnr;name;unit_type;er_roles;delegated\n312656043;Ny AS;AS;revisor;\n312655985;Client A (renamed) AS;AS;regnskapsforer;\n",
    );
    assert!(app.input.is_none(), "{:?}", app.input);
    assert_eq!(app.plan.clients.len(), 7, "one new, one replaced by orgnr");
    assert_eq!(app.plan.clients[0].name, "Client A (renamed) AS");
    assert!(app.status.as_deref().unwrap().contains("Read 2 clients"));

    let other = dir.path().join("other.yaml");
    std::fs::write(&other, SITUATION).unwrap();
    press(&mut app, &[Char('i')]);
    type_text(&mut app, other.to_str().unwrap());
    press(&mut app, &[Enter]);
    assert_eq!(
        app.step,
        Step::Clients,
        "a plan on the clients step only adds clients"
    );
    assert_eq!(app.plan.clients.len(), 7);
    assert_eq!(app.plan.clients[0].name, "Client A AS");

    press(&mut app, &[Char('i')]);
    type_text(&mut app, "missing.csv");
    press(&mut app, &[Enter]);
    assert!(app.input.as_ref().and_then(|i| i.error.as_ref()).is_some());
}

#[test]
fn every_decision_question_links_to_the_step_that_decides_it() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    // own-only, one type, several types, extra packages, teams, sub-entities, own and delegated.
    let expected = [
        (Step::OwnPackages, 0),
        (Step::Clients, 0),
        (Step::Clients, 0),
        (Step::Options, 1),
        (Step::Teams, 0),
        (Step::Clients, 0),
        (Step::Options, 0),
    ];
    for (i, want) in expected.into_iter().enumerate() {
        app.go(Step::Decision);
        app.question = i;
        press(&mut app, &[Enter]);
        assert_eq!((app.step, app.sel), want, "question {}", i + 1);
    }
    // Where the guidance leaves the choice, it is made on the step Enter went to.
    assert_eq!(app.selected_row(), Some(Row::SelfOnClient));
    press(&mut app, &[Char(' ')]);
    assert!(app.plan.options.self_on_client_system_user);
    press(&mut app, &[Down, Char(' ')]);
    assert_eq!(
        app.plan.options.f_option,
        Some(sysuser::plan::FOption::PerCombination)
    );
}

#[test]
fn where_the_guidance_leaves_the_choice_it_says_so_and_where_it_points() {
    for lang in [Lang::En, Lang::Nb] {
        let mut app = App::with_plan(config(lang), situation(), None);
        app.go(Step::Decision);
        press(&mut app, &[Down, Down, Down]);
        let s = screen(&app, 80, 24);
        let (leaves, points) = match lang {
            Lang::En => ("The guidance leaves this to you", "it points to option 1"),
            Lang::Nb => ("Veiledningen overlater dette til dere", "peker den på"),
        };
        assert!(s.contains(leaves) && s.contains(points), "{s}");
        assert!(!s.contains("recommends") && !s.contains("anbefaler"), "{s}");
        // Question 7 (own reporting and delegated clients): whether Altinn
        // offers self-on-client is the user's to know.
        press(&mut app, &[End]);
        let s = screen(&app, 120, 40);
        assert!(s.contains(leaves), "{s}");
        app.go(Step::Options);
        let s = screen(&app, 80, 24);
        assert!(s.contains(leaves) && !s.contains("recommends"), "{s}");
    }
}

#[test]
fn after_resume_the_decision_path_is_complete_with_the_choices_made() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Decision);
    press(&mut app, &[Down, Down, Down, Char(' '), Char(' ')]);
    let saved = sysuser::tui::state::Saved {
        step: Step::Decision.id().into(),
        lang: "en".into(),
        own_layout: false,
        exported: false,
        plan: (*app.plan).clone(),
    };
    let text = serde_yaml::to_string(&saved).unwrap();
    let saved: sysuser::tui::state::Saved = serde_yaml::from_str(&text).unwrap();
    let resumed = App::resume(config(Lang::En), saved);
    assert_eq!(resumed.step, Step::Decision);
    assert_eq!(
        resumed.plan.options.f_option,
        Some(sysuser::plan::FOption::PerService)
    );
    assert_eq!(resumed.answers(), app.answers());
    let s = screen(&resumed, 120, 40);
    assert!(!s.contains(". …"), "every answer is on the path: {s}");
    for k in 1..=7 {
        assert!(s.contains(&format!("{k}. ")), "{s}");
    }
}

/// Ctrl-A, a typed character, Ctrl-E, Ctrl-W, Ctrl-H, Ctrl-U: what a field
/// holding "ab cd" ends up with at each point, whatever field it is.
fn readline_on(app: &mut App, text: impl Fn(&App) -> String) {
    type_text(app, "ab cd");
    app.on(ctrl('a'));
    type_text(app, "x");
    assert_eq!(text(app), "xab cd", "Ctrl-A goes to the start");
    app.on(ctrl('e'));
    type_text(app, "y");
    assert_eq!(text(app), "xab cdy", "Ctrl-E goes to the end");
    app.on(ctrl('w'));
    assert_eq!(text(app), "xab ", "Ctrl-W deletes a word");
    app.on(ctrl('h'));
    assert_eq!(text(app), "xab", "Ctrl-H deletes a character");
    press(app, &[Left]);
    app.on(ctrl('u'));
    assert_eq!(text(app), "b", "Ctrl-U deletes up to the cursor");
}

#[test]
fn readline_keys_behave_the_same_in_every_text_field_and_search() {
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    // A form field (the organisation's name), emptied first.
    press(&mut app, &[Down, Enter]);
    app.on(ctrl('u'));
    readline_on(&mut app, |a| a.input.as_ref().unwrap().buffer.text.clone());
    // The cursor is drawn where it is.
    let s = screen(&app, 80, 24);
    assert!(
        s.lines().any(|l| l.contains("Name") && l.contains("  ▏b")),
        "{s}"
    );
    press(&mut app, &[Esc]);

    // A field of the client dialog.
    app.go(Step::Clients);
    press(&mut app, &[Char('a'), Down, Enter]);
    readline_on(&mut app, |a| a.input.as_ref().unwrap().buffer.text.clone());
    press(&mut app, &[Esc, Esc]);

    // The clients' find field.
    press(&mut app, &[Char('/')]);
    readline_on(&mut app, |a| a.client_search.as_ref().unwrap().text.clone());
    press(&mut app, &[Esc]);

    // The package picker's search.
    app.go(Step::OwnPackages);
    press(&mut app, &[Char('/')]);
    readline_on(&mut app, |a| a.picker.filter.text.clone());
    assert!(screen(&app, 80, 24).contains("/ ▏b"));
}

#[test]
fn a_failed_export_clears_the_list_of_written_files() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("out.yaml");
    let mut app = App::with_plan(config(Lang::En), situation(), None);
    app.go(Step::Export);
    enter_text(&mut app, plan_path.to_str().unwrap());
    press(&mut app, &[Enter, Enter]); // no tree
    let write = app.rows().len() - 1;
    app.sel = write;
    press(&mut app, &[Enter]);
    assert_eq!(app.exported, vec![plan_path.clone()]);
    let s = screen(&app, 120, 40);
    assert!(s.contains(&format!("✓ {}", plan_path.display())), "{s}");
    // Now into a folder that does not exist: nothing is listed as written.
    app.sel = 0;
    enter_text(
        &mut app,
        dir.path().join("missing/out.yaml").to_str().unwrap(),
    );
    app.sel = write;
    press(&mut app, &[Enter]);
    assert!(app.exported.is_empty());
    let s = screen(&app, 120, 40);
    assert!(!s.contains(&format!("✓ {}", plan_path.display())), "{s}");
    assert!(
        s.contains("Could not write") || s.contains("could not write"),
        "{s}"
    );
    // The file written before is still printed after quitting.
    assert_eq!(app.written, vec![plan_path]);
}
